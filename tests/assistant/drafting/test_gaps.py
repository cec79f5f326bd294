"""Departures a drafter makes inside one sentence or one clause: a power moved in the
second act of a sentence, a body named by its abbreviation, points re-lettered. Made-up
clauses set into the small made-up model (texts.MODEL)."""

from __future__ import annotations

import pytest

from assistant.drafting import compare
from assistant.drafting.abbreviated import written_out
from assistant.drafting.models import Comparison
from assistant.drafting.side import Side
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


_PROJECTS = "2. Ban Thường vụ quyết định các dự án"
_DAILY = "1. Thường trực chỉ đạo giải quyết"


class TestAbbreviatedBodies:
    def test_a_power_moved_to_a_body_written_by_its_abbreviation(self) -> None:
        draft = MODEL.replace(_PROJECTS, "2. TT quyết định các dự án")
        assert _said(_compare(MODEL, draft)) == [("power_moved", "Ban Thường vụ", "Thường trực")]

    def test_a_power_moved_to_a_committee_written_by_its_seat_s_abbreviation(self) -> None:
        draft = MODEL.replace(_DAILY, "1. UBKT chỉ đạo giải quyết")
        assert _said(_compare(MODEL, draft)) == [("power_moved", "Thường trực", "Ủy ban Kiểm tra")]

    @pytest.mark.parametrize(
        ("old", "new"),
        [(_DAILY, "1. TT chỉ đạo giải quyết"), (_PROJECTS, "2. BTV quyết định các dự án")],
    )
    def test_the_same_body_abbreviated_is_no_departure(self, old: str, new: str) -> None:
        assert _said(_compare(MODEL, MODEL.replace(old, new))) == []

    def test_quotes_stay_the_draft_s_own_words(self) -> None:
        side = Side.of(parse_text(MODEL.replace(_PROJECTS, "2. TT quyết định các dự án"), "x.txt"))
        (power,) = side.powers[(2, 2)]
        assert power.body == "Thường trực"
        assert power.quote.startswith("TT quyết định các dự án")
        assert side.doc.text[power.start : power.end] == power.quote

    def test_written_out_maps_back(self) -> None:
        written = "Khi TT vắng, BTV họp."
        text, where = written_out(written)
        assert text == "Khi thường trực vắng, ban thường vụ họp."
        words = ("Khi", "vắng", "họp")
        assert [where.back(text.index(w)) for w in words] == [written.index(w) for w in words]


_LISTED = (
    "2. Thường trực có các nhiệm vụ sau:\n"
    "a) Cho ý kiến về công tác cán bộ theo phân cấp trước khi trình Ban Thường vụ;\n"
    "b) Chỉ đạo công tác thi đua, khen thưởng trong Đảng bộ;\n"
    "c) Theo dõi việc thực hiện quy chế dân chủ ở cơ sở, báo cáo 06 tháng một lần."
)
_POINTED = MODEL.replace(
    "2. Thường trực cho ý kiến về công tác cán bộ theo phân cấp trước khi trình Ban Thường vụ.",
    _LISTED,
)
_B = "b) Chỉ đạo công tác thi đua, khen thưởng trong Đảng bộ;\n"


def _at(c: Comparison) -> list[tuple[str, str, str]]:
    return [
        (
            d.kind,
            d.model_cite_as.partition("khoản")[0].strip(),
            d.draft_cite_as.partition("khoản")[0].strip(),
        )
        for d in c.differences
        if d.kind != "blank_left"
    ]


class TestPointsPairedByContent:
    def test_a_change_in_a_relettered_point_is_cited_at_both_letters(self) -> None:
        draft = _POINTED.replace(_B, "").replace("c) Theo", "b) Theo").replace("06 th", "03 th")
        assert _at(_compare(_POINTED, draft)) == [
            ("missing_in_draft", "điểm b", ""),
            ("number_changed", "điểm c", "điểm b"),
        ]

    def test_points_put_in_another_order_are_renumbered_not_reworded(self) -> None:
        swapped = (
            _POINTED.replace(_B, "")
            .replace("c) Theo", "b) Theo")
            .replace(
                "một lần.", "một lần;\nc) Chỉ đạo công tác thi đua, khen thưởng trong Đảng bộ."
            )
        )
        assert _at(_compare(_POINTED, swapped)) == [("renumbered", "điểm c", "điểm b")]

    def test_points_reordered_and_reworded_are_a_rewording(self) -> None:
        swapped = (
            _POINTED.replace(_B, "")
            .replace("c) Theo dõi việc", "b) Giám sát việc")
            .replace(
                "một lần.", "một lần;\nc) Chỉ đạo công tác thi đua, khen thưởng trong Đảng bộ."
            )
        )
        assert [kind for kind, _, _ in _at(_compare(_POINTED, swapped))] == ["reworded"]
