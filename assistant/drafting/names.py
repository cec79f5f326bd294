"""The document's own name said more or less fully: "Quy chế làm việc của Ban Chấp hành
Đảng bộ" in the model, "... Đảng bộ Ủy ban nhân dân tỉnh" in the draft, as the draft's
own heading names its unit. A change whose words, with the words just before them, are a
phrase of that side's heading (the text before its first article) only names the
document or its unit: no rewording."""

from __future__ import annotations

import re

from assistant.drafting.marks import Token, changes, tokens

# Words before a change that, with it, must be a phrase of the heading.
CONTEXT_WORDS = 2
_WORD = re.compile(r"^[^\W\d_]+$")


def heading_words(text: str, first_article_start: int) -> str:
    """The heading's words, canonical, space-joined and padded, to look phrases up in."""
    return f" {' '.join(_words(tokens(text[:first_article_start])))} "


def _words(toks: list[Token]) -> list[str]:
    return [t.key for t in toks if _WORD.match(t.text)]


def _a_phrase(toks: list[Token], start: int, end: int, heading: str) -> bool:
    """``toks[start:end]`` (words only), with the words just before, is a heading phrase;
    an empty change side is trivially one."""
    changed = _words(toks[start:end])
    if not changed:
        return True
    before = _words(toks[:start])[-CONTEXT_WORDS:]
    if len(before) < CONTEXT_WORDS:
        return False
    return f" {' '.join(before + changed)} " in heading


def names_only(old: str, new: str, old_heading: str, new_heading: str) -> bool:
    """Every change between the two texts names the document or its unit, on both sides
    (the model's words in the model's heading, the draft's in the draft's)."""
    a, b = tokens(old), tokens(new)
    ops = [c for c in changes(old, new) if c.op != "equal"]
    if not ops:
        return False
    return all(
        _a_phrase(a, c.old_tokens[0], c.old_tokens[1], old_heading)
        and _a_phrase(b, c.new_tokens[0], c.new_tokens[1], new_heading)
        for c in ops
    )
