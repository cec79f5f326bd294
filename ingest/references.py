"""In-text references ("theo quy định tại khoản 2 Điều 7", "Điều 11 Quy chế này", "Điều 4
Quy định số 202-QĐ/TW") found and resolved to the node they name.

A clause that says "quy định tại Điều 1" is not understood without Điều 1; an answer that
quotes it should quote what it points to, and say so when it points to a document that is
not loaded rather than leave the reader to guess. Headings ("Điều 5. Nguyên tắc ...") are
not references.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict

from ingest.models import Article, Clause, Document, Point
from ingest.rules.text import fold_aligned

_REFERENCE = re.compile(
    r"(?:(?:diem|tiet) (?P<point>[a-zđ])\s*,?\s+)?(?:khoan (?P<clause>\d{1,2})\s*,?\s+)?"
    r"dieu (?P<article>\d{1,3})(?P<suffix>[a-z])?(?!\d|\.\d|:)"
)
# what follows the article: another document ("Quy định số 202-QĐ/TW", "Luật ...",
# "Điều lệ Đảng"), or this one ("Quy chế này")
_OTHER_DOCUMENT = re.compile(
    r"^\s*,?\s*(?:cua |trong |tai )?(?P<doc>(?:quy dinh|quyet dinh|nghi quyet|chi thi|huong dan|"
    r"thong tu|nghi dinh|luat|bo luat|dieu le|hien phap)\b"
    r"(?:(?! (?:va|hoac|diem|khoan|dieu) )(?:[^,;.()]|\.{2,}|…)){0,60})"
)
_THIS_DOCUMENT = re.compile(r"^\s*,?\s*(?:cua |trong )?(?:quy che|quyet dinh|van ban) nay\b")


class TextReference(BaseModel):
    """A reference as written (a verbatim slice), what it names, and whether it is here."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    start: int
    end: int
    text: str
    article: int
    clause: int | None = None
    point: str | None = None
    other_document: str = ""  # as written, when it names another document


def find_references(text: str) -> list[TextReference]:
    """The references of ``text``, in order; a heading at the start of a line is none."""
    folded = fold_aligned(text)
    found: list[TextReference] = []
    for m in _REFERENCE.finditer(folded):
        line_start = folded.rfind("\n", 0, m.start()) + 1
        if not folded[line_start : m.start()].strip(" *#"):
            continue  # "Điều 5. ..." opening a line is the article's own heading
        end = m.end()
        other = ""
        follows = folded[end : end + 80]
        named = _OTHER_DOCUMENT.match(follows)
        if named and not _THIS_DOCUMENT.match(follows):
            other_end = end + named.end("doc")
            other = text[end + named.start("doc") : other_end].strip()
            end = other_end
        found.append(
            TextReference(
                start=m.start(),
                end=end,
                text=text[m.start() : end].strip(),
                article=int(m.group("article")),
                clause=int(m.group("clause")) if m.group("clause") else None,
                point=m.group("point"),
                other_document=other,
            )
        )
    return found


class ResolvedReference(BaseModel):
    """The node a reference names in its own document."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)

    reference: TextReference
    article: Article
    clause: Clause | None = None
    point: Point | None = None


def resolve(doc: Document, part: str, reference: TextReference) -> ResolvedReference | None:
    """The article (clause, point) a reference to this document names; None when it names
    another document or a node this one does not have."""
    if reference.other_document:
        return None
    found = find_node(doc, part, reference.article, reference.clause, reference.point)
    if found is None:
        return None
    article, clause, point = found
    return ResolvedReference(reference=reference, article=article, clause=clause, point=point)


def find_node(
    doc: Document, part: str | None, article_number: int, clause: int | None, point: str | None
) -> tuple[Article, Clause | None, Point | None] | None:
    """The article, clause and point a place names; None when the document lacks the
    article or the clause (a point it lacks is left out)."""
    article = doc.article(article_number, part)
    if article is None:
        return None
    found = article.clause(clause) if clause is not None else None
    if clause is not None and found is None:
        return None
    at = found.point(point) if found is not None and point is not None else None
    return article, found, at
