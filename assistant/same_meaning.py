"""Words that say the same thing (assistant/data/same_meaning.yaml): a clause that writes
one of a group covers a question that writes another ("đi công tác" is "vắng mặt")."""

from __future__ import annotations

import functools
import re
from importlib import resources

import yaml

from ingest.normalize import fold


@functools.cache
def _groups() -> tuple[tuple[str, ...], ...]:
    raw = resources.files("assistant").joinpath("data/same_meaning.yaml").read_text("utf-8")
    return tuple(tuple(group) for group in yaml.safe_load(raw)["groups"])


@functools.cache
def _pattern(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z]){re.escape(fold(word))}(?![a-z])")


@functools.lru_cache(maxsize=8192)
def same_meaning(text: str) -> str:
    """The other words for what ``text`` says (as the data writes them): "" when it writes
    none of them. Cached: the same clauses are read for question after question."""
    folded = fold(text)
    return " ".join(
        other
        for group in _groups()
        if any(_pattern(word).search(folded) for word in group)
        for other in group
    )


def other_words(word: str) -> tuple[str, ...]:
    """The other words of the groups ``word`` belongs to (as the data writes them)."""
    folded = fold(word).strip()
    return tuple(
        other
        for group in _groups()
        if any(fold(w) == folded for w in group)
        for other in group
        if fold(other) != folded
    )


def with_same_meaning(text: str) -> str:
    """``text`` and the other words for what it says."""
    more = same_meaning(text)
    return f"{text} {more}" if more else text


__all__ = ["other_words", "same_meaning", "with_same_meaning"]
