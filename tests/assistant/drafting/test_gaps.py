"""Departures a drafter makes inside one sentence or one clause: a power moved in the
second act of a sentence, a body named by its abbreviation, points re-lettered. Made-up
clauses set into the small made-up model (texts.MODEL)."""

from __future__ import annotations

from assistant.drafting import compare
from assistant.drafting.models import Comparison
from ingest.parse import parse_text
from tests.assistant.drafting.texts import MODEL

_FIRST = "1. Ban Thường vụ quyết định triệu tập hội nghị Ban Chấp hành thường lệ và bất thường."


def _compare(model: str, draft: str) -> Comparison:
    return compare(parse_text(model, "mau.txt"), parse_text(draft, "du-thao.txt"))


def _said(c: Comparison) -> list[tuple[str, str, str]]:
    return [(d.kind, d.old, d.new) for d in c.differences if d.kind != "blank_left"]


class TestSecondAct:
    def test_the_second_act_moved_when_the_first_keeps_its_body(self) -> None:
        model = MODEL.replace(
            _FIRST,
            "1. Ban Thường vụ quyết định triệu tập hội nghị Ban Chấp hành thường lệ; Ban"
            " Thường vụ quyết định khen thưởng tập thể có thành tích xuất sắc.",
        )
        draft = model.replace("; Ban Thường vụ quyết định khen", "; Thường trực quyết định khen")
        assert _said(_compare(model, draft)) == [("power_moved", "Ban Thường vụ", "Thường trực")]

    def test_the_body_a_report_goes_to_for_decision(self) -> None:
        model = MODEL.replace(
            _FIRST, "1. Thường trực chuẩn bị nội dung hội nghị, báo cáo Ban Thường vụ xem xét."
        )
        draft = model.replace("báo cáo Ban Thường vụ xem", "báo cáo Bí thư xem")
        assert _said(_compare(model, draft)) == [("power_moved", "Ban Thường vụ", "Bí thư")]

    def test_both_acts_kept_is_no_move(self) -> None:
        model = MODEL.replace(
            _FIRST,
            "1. Ban Thường vụ quyết định triệu tập hội nghị; Thường trực quyết định mời"
            " đại biểu dự hội nghị.",
        )
        said = _said(_compare(model, model.replace("mời đại biểu", "mời các đại biểu")))
        assert [kind for kind, _, _ in said] == ["reworded"]
