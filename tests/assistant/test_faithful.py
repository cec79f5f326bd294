"""The faithfulness gate of the LLM phrasing layer: add nothing, change nothing."""

from __future__ import annotations

import pytest

from assistant.faithful import check_rephrase
from assistant.models import Answer, Citation

QUOTE = (
    "Tỉnh ủy họp thường lệ ba tháng một lần, khi có trên 1/2 Ủy viên đề nghị thì Ban "
    "Thường vụ triệu tập hội nghị; tài liệu gửi trước 05 ngày làm việc theo khoản 2 Điều 8; "
    "kinh phí dưới 3 tỷ đồng do Thường trực quyết định."
)


def _answer() -> Answer:
    citation = Citation(
        document_id="d",
        document_title="Quy chế làm việc",
        source_file="d.txt",
        part="regulation",
        chapter="Chương IV",
        article=25,
        clause=1,
        quote=QUOTE,
        cite_as="khoản 1 Điều 25 Quy chế làm việc",
    )
    return Answer(
        question="?",
        kind="answer",
        answer=f"Theo Quy chế làm việc, khoản 1 Điều 25:\n«{QUOTE}»",
        citations=[citation],
    )


@pytest.mark.parametrize(
    "text",
    [
        "Theo khoản 1 Điều 25, Tỉnh ủy họp ba tháng một lần.",
        "Tỉnh ủy họp thường lệ 3 tháng một lần (khoản 1 Điều 25).",
        "Khi có quá nửa Ủy viên đề nghị, Ban Thường vụ triệu tập hội nghị.",
        "Khi có hơn một nửa Ủy viên đề nghị, Ban Thường vụ triệu tập hội nghị.",
        "Tài liệu gửi trước năm ngày làm việc, theo khoản 2 Điều 8.",
        "Kinh phí dưới ba tỷ đồng do Thường trực quyết định hằng năm.",
        "Theo Điều 25: «tài liệu gửi trước 05 ngày làm việc».",
    ],
)
def test_faithful(text: str) -> None:
    assert check_rephrase(text, _answer()) == []


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("Tỉnh ủy họp bốn tháng một lần (Điều 25).", "number"),
        ("Khi có ít nhất 1/2 Ủy viên đề nghị thì triệu tập (Điều 25).", "share"),
        ("Khi có 2/3 Ủy viên đề nghị thì triệu tập (Điều 25).", "number"),
        ("Tài liệu gửi trước 05 ngày (khoản 1 Điều 25).", "duration"),
        ("Tài liệu gửi trước 05 tháng làm việc (khoản 1 Điều 25).", "duration"),
        ("Kinh phí dưới 3 triệu đồng do Thường trực quyết định.", "amount"),
        ("Theo khoản 3 Điều 8, tài liệu gửi trước 05 ngày làm việc.", "khoản 3"),
        ("Theo điểm b khoản 1 Điều 25, Tỉnh ủy họp ba tháng một lần.", "điểm b"),
        ("Hội nghị ngày 15/3/2024 theo Điều 25.", "number"),
    ],
)
def test_unfaithful(text: str, problem: str) -> None:
    problems = check_rephrase(text, _answer())
    assert any(problem in p for p in problems), problems


def test_the_deterministic_text_itself_passes() -> None:
    answer = _answer()
    assert check_rephrase(answer.answer, answer) == []
