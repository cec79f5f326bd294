"""The head of what a "what is / how" question asks about (assistant/ask_head.py)."""

from __future__ import annotations

import pytest

from assistant.ask_head import ask_head, asked_subject


@pytest.mark.parametrize(
    ("question", "head"),
    [
        ("Tiêu chuẩn khen thưởng tổ viên là gì?", "tieu chuan"),
        ("cach cham diem thi dua cuoi nam nhu the nao?", "cham"),
        ("Nhiệm vụ của tổ trưởng là gì?", "nhiem vu"),
        ("Ai quyết định khen thưởng?", ""),
        ("Tổ họp mấy lần một tháng?", ""),
    ],
)
def test_the_head_of_the_subject_asked(question: str, head: str) -> None:
    assert ask_head(question) == head


def test_the_subject_as_typed() -> None:
    assert (
        asked_subject("Tiêu chuẩn khen thưởng tổ viên là gì?") == "Tiêu chuẩn khen thưởng tổ viên"
    )
