"""Whom the sentences of a quote are about: the body each opens with (after its item
label), doing what a question asks, or whose meeting it opens with ("Hội nghị Đảng ủy
Khối do ... triệu tập")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ingest.bodies import BodyMention, find_bodies
from ingest.normalize import fold, words
from ingest.rules.attribution import follows_meeting_noun


def _first_bodies(quote: str) -> Iterator[tuple[str, BodyMention]]:
    """Each sentence of ``quote`` (folded, without its item label) with the first body it
    names, for the sentences that name one."""
    for sentence in re.split(r"[.;]\s", quote):
        folded = _ITEM_LABEL.sub("", fold(sentence))
        found = find_bodies(folded)
        if found:
            yield folded, found[0]


_ITEM_LABEL = re.compile(r"^[\W\d]*(?:[a-z][).-]\s*)?")


def acts_as_asked(body: str, quote: str, asked: frozenset[str]) -> bool:
    """Whether a sentence of ``quote`` opens with ``body`` and the word after it is one the
    question writes ("Ban Thường vụ họp ..." for "... họp mấy lần?")."""
    for folded, first in _first_bodies(quote):
        after = words(folded[first.end :])[:1]
        opens = not re.search(r"[a-z]{2}", folded[: first.start])
        if first.body == body and opens and after and after[0] in asked:
            return True
    return False


def meetings_of(text: str) -> frozenset[str]:
    """The bodies whose meeting a text names ("hội nghị Đảng ủy Khối": Ban Chấp hành)."""
    folded = fold(text)
    found = find_bodies(folded)
    return frozenset(m.body for m in found if follows_meeting_noun(folded[: m.start]))


def opens_with_meeting_of(quote: str, owners: frozenset[str]) -> bool:
    """Whether a sentence of ``quote`` opens with the meeting of one of ``owners``
    ("Hội nghị Đảng ủy Khối do ... triệu tập"): it is about that meeting."""
    for folded, first in _first_bodies(quote):
        before = folded[: first.start]
        if first.body in owners and len(words(before)) <= 3 and follows_meeting_noun(before):
            return True
    return False


__all__ = ["acts_as_asked", "meetings_of", "opens_with_meeting_of"]
