"""Changes of wording that say the same thing, and so are no rewording: the document's
own name said more or less fully ("Quy chế của tổ công tác" in the
model, "... tổ công tác xã An Bình" in the draft, as the draft's own heading names
its unit: the changed words, with the words just before them, are a phrase of that
side's heading, the text before its first article), a number of the same value ("ba" /
"03") or an abbreviation for its words ("UBND" / "Ủy ban nhân dân"). Each change of a
clause is judged on its own, so one clause may hold several kinds."""

from __future__ import annotations

import re

from assistant.drafting.checks import initials_of, same_value
from assistant.drafting.marks import Change, Token, changes, tokens

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


def incidental_only(old: str, new: str, old_heading: str, new_heading: str) -> bool:
    """Every change between the two texts is incidental (see the module's docstring)."""
    a, b = tokens(old), tokens(new)
    ops = [c for c in changes(old, new) if c.op != "equal"]

    def incidental(c: Change) -> bool:
        names = _a_phrase(a, c.old_tokens[0], c.old_tokens[1], old_heading) and _a_phrase(
            b, c.new_tokens[0], c.new_tokens[1], new_heading
        )
        return names or (c.op == "replace" and _same_thing(old, new, c))

    return bool(ops) and all(incidental(c) for c in ops)


def _same_thing(old: str, new: str, c: Change) -> bool:
    was, now = old[c.old_start : c.old_end], new[c.new_start : c.new_end]
    return same_value(was, now) or initials_of(was, now) or initials_of(now, was)
