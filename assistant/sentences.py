"""Sentences of a text, as verbatim (start, end) spans."""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=\S)|\n+")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) within ``text``, each a verbatim slice."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.start()
        if text[start:end].strip():
            spans.append(_trim(text, start, end))
        start = match.end()
    if text[start:].strip():
        spans.append(_trim(text, start, len(text)))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
