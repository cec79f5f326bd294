"""Folded text spaced as " word word ", so a phrase is found only as whole words."""

from __future__ import annotations

from ingest.normalize import words


def has_phrase(spaced: str, phrase: str) -> bool:
    return f" {phrase} " in spaced


def spaced_words(text: str) -> str:
    return f" {' '.join(words(text))} "


def occurrences(spaced: str, phrase: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    i = spaced.find(f" {phrase} ")
    while i >= 0:
        spans.append((i, i + len(phrase) + 1))
        i = spaced.find(f" {phrase} ", i + 1)
    return spans


__all__ = ["has_phrase", "occurrences", "spaced_words"]
