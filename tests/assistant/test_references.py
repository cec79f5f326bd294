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
