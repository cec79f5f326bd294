"""References checked down to the clause and point, on the made-up model: a clause the
draft renumbered and a reference to it not updated, one updated, one to a point the draft
lacks."""

from __future__ import annotations

from assistant.drafting import compare
from assistant.drafting.models import Comparison, Place
from ingest.parse import parse_text
from tests.assistant.drafting.texts import MODEL

CITING = MODEL.replace("căn cứ Điều 4 để", "căn cứ khoản 2 Điều 4 để")
# Điều 4's first clause left out, the others numbered on
_DROPPED = CITING.replace(
    "1. Ban Chấp hành họp thường lệ 03 tháng một lần, họp bất thường khi cần.\n"
    "2. Hội nghị chỉ hợp lệ",
    "1. Hội nghị chỉ hợp lệ",
).replace("3. Tài liệu hội nghị", "2. Tài liệu hội nghị")


def _compare(draft: str) -> Comparison:
    return compare(parse_text(CITING, "mau.txt"), parse_text(draft, "du-thao.txt"))


def _found(c: Comparison) -> list[tuple[str, Place | None, Place | None]]:
    return [(d.kind, d.model, d.draft) for d in c.differences if d.kind != "blank_left"]


def test_a_clause_reference_not_updated_is_broken_naming_where_it_went() -> None:
    c = _compare(_DROPPED)
    assert _found(c) == [
        ("missing_in_draft", Place(article=4, clause=1), Place(article=4)),
        ("reference_broken", Place(article=6, clause=1), Place(article=6, clause=1)),
    ]
    broken = c.differences[-1]
    assert broken.new == "khoản 2 Điều 4"
    assert "nay là khoản 1 Điều 4 của dự thảo" in broken.detail


def test_a_clause_reference_updated_is_no_difference() -> None:
    draft = _DROPPED.replace("căn cứ khoản 2 Điều 4 để", "căn cứ khoản 1 Điều 4 để")
    assert [k for k, _, _ in _found(_compare(draft))] == ["missing_in_draft"]


def test_a_reference_to_a_point_the_draft_lacks() -> None:
    draft = CITING.replace("căn cứ khoản 2 Điều 4 để", "căn cứ điểm c khoản 2 Điều 4 để")
    c = _compare(draft)
    broken = [d for d in c.differences if d.kind == "reference_broken"]
    assert [(d.draft, d.new) for d in broken] == [
        (Place(article=6, clause=1), "điểm c khoản 2 Điều 4")
    ]
    assert "dự thảo không có" in broken[0].detail


# Điều 4 with a clause that cites another of its own ("khoản 2 Điều này")
_HERE_MODEL = CITING.replace(
    "3. Tài liệu hội nghị được gửi trước ít nhất ... ngày làm việc.\n",
    "3. Tài liệu hội nghị được gửi trước ít nhất ... ngày làm việc.\n"
    "4. Hội nghị không đủ số thành viên theo khoản 2 Điều này thì phải hoãn.\n",
)
_HERE_DRAFT = _DROPPED.replace(
    "2. Tài liệu hội nghị được gửi trước ít nhất ... ngày làm việc.\n",
    "2. Tài liệu hội nghị được gửi trước ít nhất ... ngày làm việc.\n"
    "3. Hội nghị không đủ số thành viên theo khoản 2 Điều này thì phải hoãn.\n",
)


def _here(draft: str) -> Comparison:
    return compare(parse_text(_HERE_MODEL, "mau.txt"), parse_text(draft, "du-thao.txt"))


def test_a_reference_to_a_clause_of_its_own_article_not_updated() -> None:
    c = _here(_HERE_DRAFT)
    broken = [d for d in c.differences if d.kind == "reference_broken"]
    assert (broken[0].model, broken[0].draft, broken[0].new) == (
        Place(article=4, clause=4),
        Place(article=4, clause=3),
        "khoản 2 Điều này",
    )
    assert "nay là khoản 1 Điều 4 của dự thảo" in broken[0].detail


def test_a_reference_to_a_clause_of_its_own_article_updated() -> None:
    c = _here(_HERE_DRAFT.replace("theo khoản 2 Điều này", "theo khoản 1 Điều này"))
    broken = [d for d in c.differences if d.kind == "reference_broken"]
    assert [d.model for d in broken] == [Place(article=6, clause=1)]  # Điều 6's, as above
    assert [d.kind for d in c.differences if d.draft == Place(article=4, clause=3)] == []


def test_a_reference_to_a_clause_its_own_article_lacks() -> None:
    c = _here(_HERE_DRAFT.replace("theo khoản 2 Điều này", "theo khoản 7 Điều này"))
    broken = [d for d in c.differences if d.draft == Place(article=4, clause=3)]
    assert [(d.kind, d.new) for d in broken] == [("reference_broken", "khoản 7 Điều này")]
    assert "Dẫn chiếu tới khoản 7 Điều 4: dự thảo không có." in broken[0].detail
