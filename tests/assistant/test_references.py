"""References to a place in a document ("khoản 2 Điều 14", "Điều 3 Quyết định 120")."""

from __future__ import annotations

import pytest

from assistant.references import parse_reference


@pytest.mark.parametrize(
    ("question", "part"),
    [
        ("Điều 3 Quyết định 120-QĐ/TU nói gì?", "decision"),
        ("Quyết định 120, Điều 3 nói gì?", "decision"),
        ("quyet dinh so 120 dieu 3 quy dinh gi", "decision"),
        # a regulation's article, and "quyết định" as a plain noun, name no decision
        ("Điều 3 Quy chế 07-QC/TU nói gì?", None),
        ("Các quyết định ở Điều 3 quy chế là gì?", None),
    ],
)
def test_the_decision_is_named_before_or_after_its_article(question: str, part: str | None) -> None:
    reference = parse_reference(question)
    assert reference is not None and reference.article == 3
    assert reference.part == part


@pytest.mark.parametrize(
    ("question", "article", "clause", "point"),
    [
        # a clause that refers on: the place it refers to is asked
        ("Khoản 4 Điều 9 ghi 'theo quy định tại khoản 2 Điều 15', ở đó quy định gì?", 15, 2, None),
        ("Điểm b khoản 3 Điều 6 dẫn chiếu Điều 21. Điều 21 nói gì?", 21, None, None),
        ("Khoản 1 Điều 4 nhắc điểm c khoản 2 Điều 8, điểm đó ghi gì?", 8, 2, "c"),
        # one place: as before
        ("điểm a khoản 1 Điều 3 nói gì", 3, 1, "a"),
    ],
)
def test_of_several_places_the_last_is_asked(
    question: str, article: int, clause: int | None, point: str | None
) -> None:
    ref = parse_reference(question)
    assert ref is not None
    assert (ref.article, ref.clause, ref.point) == (article, clause, point)


def test_the_place_read_first_leads_to_the_place_asked() -> None:
    from assistant.references import leading_reference, parse_references

    question = "diem b khoan 2 dieu 4 ghi 'theo quy dinh tai Dieu 9', vay Dieu 9 noi gi"
    assert [(p.article, p.clause, p.point) for p in parse_references(question)] == [
        (4, 2, "b"),
        (9, None, None),
        (9, None, None),
    ]
    leading = leading_reference(parse_references(question))
    assert leading is not None and (leading.article, leading.clause) == (4, 2)
    assert leading_reference(parse_references("khoản 3 Điều 7 nói gì?")) is None


def test_a_point_numbered_after_its_article_is_that_articles_clause() -> None:
    # documents that number their khoản "6.4." write "điểm 6.4 Điều 6" for khoản 4
    place = parse_reference("điểm 6.4 Điều 6 quy định gì")
    assert place is not None and (place.article, place.clause, place.point) == (6, 4, None)
