"""Word-level differences inside two clause texts (difflib over word tokens), kept as
character spans of the verbatim texts: what the report marks, and where a model blank
("khóa .....", "ngày …/…/…") lies against the draft's words."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal

from ingest.normalize import canonical

# a word, a run of dots (a blank), or one other non-space character
_TOKEN = re.compile(r"[^\W_]+|[.…]{2,}|[^\w\s]", re.UNICODE)
_DOTS = re.compile(r"^[.…]+$")

Op = Literal["equal", "replace", "delete", "insert"]


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def key(self) -> str:
        """Comparison form: tone-canonical lower case; any blank is the same blank."""
        return "…" if _DOTS.match(self.text) else canonical(self.text)


@dataclass(frozen=True)
class Change:
    """One difflib opcode as character spans of the old and the new text."""

    op: Op
    old_start: int
    old_end: int
    new_start: int
    new_end: int
    old_tokens: tuple[int, int]
    new_tokens: tuple[int, int]


def tokens(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _span(toks: list[Token], i: int, j: int, fallback: int) -> tuple[int, int]:
    if i >= j:
        pos = toks[i].start if i < len(toks) else fallback
        return pos, pos
    return toks[i].start, toks[j - 1].end


def changes(old: str, new: str) -> list[Change]:
    """Every opcode (equal ones included) between the two texts' word tokens."""
    a, b = tokens(old), tokens(new)
    matcher = difflib.SequenceMatcher(None, [t.key for t in a], [t.key for t in b], autojunk=False)
    out = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        os_, oe = _span(a, i1, i2, len(old))
        ns, ne = _span(b, j1, j2, len(new))
        op: Op = (
            "equal"
            if tag == "equal"
            else "replace"
            if tag == "replace"
            else ("delete" if tag == "delete" else "insert")
        )
        out.append(Change(op, os_, oe, ns, ne, (i1, i2), (j1, j2)))
    return out


def marked_spans(old: str, new: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The character spans that differ: deleted or replaced in ``old``, inserted or
    replacing in ``new``."""
    old_spans, new_spans = [], []
    for c in changes(old, new):
        if c.op == "equal":
            continue
        if c.old_end > c.old_start:
            old_spans.append((c.old_start, c.old_end))
        if c.new_end > c.new_start:
            new_spans.append((c.new_start, c.new_end))
    return old_spans, new_spans


def is_blank(text: str) -> bool:
    return bool(_DOTS.match(text.strip()))
