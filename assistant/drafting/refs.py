"""A text's references to its own document: those ingest.references finds ("khoản 2
Điều 7", "Điều 11 Quy chế này") and, given the article the text is in, "khoản N Điều
này" (a clause of that article, which names no number to find)."""

from __future__ import annotations

import re

from ingest.references import TextReference, find_references
from ingest.rules.text import fold_aligned

# "khoản 2 Điều này", "điểm a khoản 2 của Điều này": a clause of the article it is in.
_HERE = re.compile(
    r"(?:diem (?P<point>[a-zđ])\s*,?\s+)?khoan (?P<clause>\d{1,2})\s*,?\s+(?:cua )?dieu nay\b"
)


def own_references(text: str, article: int | None = None) -> list[TextReference]:
    """References to this document (none to another document's articles), in order;
    given the ``article`` the text is in, its references to "khoản N Điều này" too."""
    found = [r for r in find_references(text) if not r.other_document]
    if article is not None:
        found += here_references(text, article)
    return sorted(found, key=lambda r: r.start)


def here_references(text: str, article: int) -> list[TextReference]:
    return [
        TextReference(
            start=m.start(),
            end=m.end(),
            text=text[m.start() : m.end()],
            article=article,
            clause=int(m.group("clause")),
            point=m.group("point"),
        )
        for m in _HERE.finditer(fold_aligned(text))
    ]
