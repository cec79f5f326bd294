"""Blanks a template leaves for the adopting committee to fill ("ít nhất ... ngày", "khóa.....").

A run of dots is a blank only where the number grammar expects a value: after a
comparator or a word that takes a number ("ít nhất", "khóa", "số"), before a unit ("...
ngày", "... tỷ đồng", "...%"), or as a date's parts ("ngày …/…/…", "ngày / /"). After a
listed noun ("thu nhập..."), the same dots mean "and so on" and are no blank.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict

from ingest.normalize import fold
from ingest.rules.amounts import MONEY_SCALE
from ingest.rules.numbers import BLANK, COMPARATOR_WORD, TIME_UNIT

# words after which a number is written: comparators, and the nouns a number qualifies
_TAKES_A_VALUE = rf"(?:{COMPARATOR_WORD}|khoa|nhiem ky|so|ngay|thang|nam|luc|muc|ty le|lan thu)"
_BEFORE = re.compile(rf"(?:^|[^a-z]){_TAKES_A_VALUE}\s*:?\s*$")
_AFTER = re.compile(
    rf"^\s*(?:{TIME_UNIT}|{MONEY_SCALE}|%|lan|nguoi|uy vien|dong)(?![a-z])|^\s*[-/]"
)
_DATE_BLANK = re.compile(r"(?i)ng[àa]y\s*(?:[.…]*\s*/\s*){2}")
_DOTS = re.compile(BLANK)
_WORD = re.compile(r"[^\W_]+")
_CONTEXT_WORDS = 3


class Blank(BaseModel):
    """One blank: where it is in the text, and the words around it, verbatim."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    start: int
    end: int
    context: str


def _is_value_slot(text: str, start: int, end: int) -> bool:
    before = fold(text[max(0, start - 24) : start])
    after = fold(text[end : end + 16])
    return bool(_BEFORE.search(before) or _AFTER.search(after))


def _context(text: str, start: int, end: int) -> str:
    """A few words either side of the blank, within its line: a verbatim slice."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    left = [m.start() for m in _WORD.finditer(text, line_start, start)]
    right = [m.end() for m in _WORD.finditer(text, end, line_end)]
    begin = left[-_CONTEXT_WORDS] if len(left) >= _CONTEXT_WORDS else line_start
    finish = right[min(len(right), 2) - 1] if right else end
    return text[begin:finish].strip()


def find_blanks(text: str) -> list[Blank]:
    """The value blanks of ``text``, in order (dates as one blank each)."""
    spans = [(m.start(), m.end()) for m in _DATE_BLANK.finditer(text)]
    for m in _DOTS.finditer(text):
        if any(s <= m.start() < e for s, e in spans):
            continue
        if _is_value_slot(text, m.start(), m.end()):
            spans.append((m.start(), m.end()))
    return [Blank(start=s, end=e, context=_context(text, s, e)) for s, e in sorted(spans)]
