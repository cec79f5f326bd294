"""Ellipsis in follow-ups (assistant/ellipsis.py)."""

from __future__ import annotations

import pytest

from assistant.ellipsis import demonstrative_phrases, gives_only_counts


def _no_objects(text: str) -> list[str]:
    return []


@pytest.mark.parametrize(
    ("question", "phrases"),
    [
        ("Còn mức đó thì sao?", ["muc do"]),
        ("viec nay thi ai lam?", ["viec nay"]),
        ("viec do ai lam?", []),  # "do ai": by whom
        ("Hôm nay ai trực?", []),  # a time adverb
        ("hien nay thi sao", []),
    ],
)
def test_demonstrative_phrases(question: str, phrases: list[str]) -> None:
    assert demonstrative_phrases(question) == phrases


def test_only_counts_after_a_number_asked() -> None:
    previous = "Hội nghị Ban Gió cần bao nhiêu người tán thành?"
    assert gives_only_counts("Ban Gió 20 người thì sao?", previous, _no_objects)
    # nothing asked as a number before
    assert not gives_only_counts("Ban Gió 20 người thì sao?", "Ai chủ trì?", _no_objects)
    # a word of its own
    assert not gives_only_counts("Ban Gió 20 người thì sao?", previous, lambda t: ["mua"])


def test_a_comparative_compares_with_what_was_said_only_without_a_standard() -> None:
    from assistant.ellipsis import compares_with_what_was_said

    assert compares_with_what_was_said("Tổ phó họp dày hơn à?")
    assert compares_with_what_was_said("to pho hop thua hon khong")
    assert not compares_with_what_was_said("Tổ phó họp nhiều hơn tổ trưởng không?")
    assert not compares_with_what_was_said("ít hơn 5 người thì sao?")
