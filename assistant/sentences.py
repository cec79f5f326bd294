"""Sentences of a text, as verbatim (start, end) spans."""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=\S)|\n+")
# A list item's marker: "-", "+", "•", "*", "a)", "1." at the start of a line.
_ITEM = re.compile(r"\s*(?:[-+•*–]|[a-zđ]\)|\d+[.)])\s")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) within ``text``, each a verbatim slice."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.start()
        if _is_blank_inside(text, end, match.end()) or _in_brackets(text, start, end):
            continue
        if text[start:end].strip():
            spans.append(_trim(text, start, end))
        start = match.end()
    if text[start:].strip():
        spans.append(_trim(text, start, len(text)))
    return spans


def _in_brackets(text: str, start: int, end: int) -> bool:
    """Inside brackets opened in the sentence and not yet closed on its line ("(trừ công
    tác cán bộ; công tác kiểm tra)"): a list in brackets is part of the sentence."""
    line = text[start:end].rsplit("\n", 1)[-1]
    return line.count("(") > line.count(")")


def _is_blank_inside(text: str, end: int, after: int) -> bool:
    """Dots that leave a value blank ("trong thời hạn ... ngày làm việc"): the sentence goes
    on after them, in lower case, on the same line."""
    return (
        text[max(0, end - 2) : end] == ".."
        and after < len(text)
        and text[after].islower()
        and "\n" not in text[end:after]
    )


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def lead_in(text: str, quote: str) -> str:
    """The line that introduces the list a quoted item belongs to ("Những việc ... ủy quyền
    cho tập thể Ban Thường vụ giải quyết, gồm:"), verbatim from ``text``; "" when the quote
    is no list item, or none introduces it. An item alone loses who acts on it."""
    at = text.find(quote)
    if at < 0 or not _ITEM.match(quote):
        return ""
    for line in reversed([x.strip() for x in text[:at].splitlines() if x.strip()]):
        if line.endswith(":"):
            # its last sentence: the one that introduces (verbatim, a slice of the line)
            start, end = sentences(line)[-1]
            return line[start:end]
        if not _ITEM.match(line):
            return ""  # a paragraph of its own between: the list was introduced before it
    return ""


def lead_ins(text: str, quote: str) -> list[str]:
    """The lines that introduce a quoted item, outermost first: the clause's own opening
    when it ends with ":" ("5. Những việc ... ủy quyền cho Thường trực giải quyết gồm:")
    above a nearer heading ("(3)- Về kinh tế:"), and the nearer one; verbatim."""
    nearer = lead_in(text, quote)
    found = [nearer] if nearer else []
    lines = [x for x in text.splitlines() if x.strip()]
    opening = lines[0].strip() if lines else ""
    at = text.find(quote)
    if (
        opening.endswith(":")
        and at > text.find(opening) + len(opening)
        and not any(opening.endswith(f) or f.endswith(opening) for f in found)
    ):
        start, end = sentences(opening)[-1]
        found.insert(0, opening[start:end])
    return found


def list_tail(text: str, quote: str) -> str:
    """The line that closes the list a quoted item belongs to when it goes on the items'
    sentence in lower case ("... trước ngày họp;" / "trừ trường hợp họp bất thường."):
    it qualifies every item, the quoted one included. "" when there is none."""
    at = text.find(quote)
    if at < 0 or not _ITEM.match(quote):
        return ""
    lines = [x.strip() for x in text[at + len(quote) :].splitlines() if x.strip()]
    for i, line in enumerate(lines):
        if _ITEM.match(line):
            continue
        # after the last item only: a lower-case line between items goes on an item
        last = not any(_ITEM.match(rest) for rest in lines[i + 1 :])
        return line if line[:1].islower() and last else ""
    return ""
