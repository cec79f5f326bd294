"""The reading pane and the article tree.

A citation card, an inline [n], a table's citation and a link in the tree all carry the
place they point to as ``#qc/<document>/<part>/<article>/<clause>/<point>`` (the chat's
sanitiser keeps a link's address but drops data attributes). The page script sends that
address and the quote beside it; :func:`reader_html` answers with the whole article, the
quoted span in ``<mark>`` for the script to scroll into view.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from itertools import groupby
from urllib.parse import unquote

from pydantic import BaseModel, ConfigDict, ValidationError

from app.names import document_label
from app.render import esc, open_link
from app.tables_html import place_href
from assistant.citations import OCR_NOTE
from ingest.models import Article, Document

_ARTICLE = re.compile(r"^(\d+)([a-zđ]?)$")


class Place(BaseModel):
    """Where a link points: one article, and the clause or point inside it if any."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    document_id: str
    part: str
    article: int
    suffix: str = ""
    clause: int | None = None
    point: str = ""
    quote: str = ""


def parse_place(request: str) -> Place | None:
    """The place a page request names: JSON ``{"href": "#qc/...", "quote": "..."}``."""
    try:
        data = json.loads(request or "{}")
    except json.JSONDecodeError:
        return None
    href = str(data.get("href", "")) if isinstance(data, dict) else ""
    fields = [unquote(f) for f in href.removeprefix("#qc/").split("/")]
    if not href.startswith("#qc/") or len(fields) != 5:
        return None
    match = _ARTICLE.match(fields[2])
    if match is None:
        return None
    try:
        return Place(
            document_id=fields[0],
            part=fields[1],
            article=int(match.group(1)),
            suffix=match.group(2),
            clause=int(fields[3]) if fields[3].isdigit() else None,
            point=fields[4],
            quote=str(data.get("quote", ""))[:5000],
        )
    except ValidationError:
        return None


def _span(text: str, quote: str) -> tuple[int, int] | None:
    """Where ``quote`` stands in ``text``: exactly, else with any run of spaces matching."""
    if not quote.strip():
        return None
    at = text.find(quote)
    if at >= 0:
        return at, at + len(quote)
    words = quote.split()
    found = re.search(r"\s+".join(re.escape(w) for w in words), text)
    return (found.start(), found.end()) if found else None


def _clause_span(article: Article, place: Place) -> tuple[int, int] | None:
    clause = article.clause(place.clause) if place.clause is not None else None
    if clause is None:
        return None
    point = next((p for p in clause.points if p.id == place.point), None)
    start, end = (point.start, point.end) if point else (clause.start, clause.end)
    return start - article.start, end - article.start


def article_with_mark(document: Document, article: Article, place: Place) -> str:
    """The article in the pane, the quote (else the cited clause or point) marked."""
    text = article.text
    span = _span(text, place.quote) or _clause_span(article, place)
    if span is None:
        body = esc(text)
    else:
        start, end = span
        marked = f'<mark class="qc-mark">{esc(text[start:end])}</mark>'
        body = esc(text[:start]) + marked + esc(text[end:])
    chapter = " · ".join(x for x in (article.chapter, article.chapter_title) if x)
    ocr = document.read_by_ocr(article.start, article.end)
    note = f'<div class="qc-ocr">({OCR_NOTE})</div>' if ocr else ""
    return (
        '<div class="qc-article">'
        f'<div class="qc-article-doc">{esc(document_label(document.meta, document.id))}</div>'
        f'<div class="qc-article-title">{esc(document.meta.title)}</div>'
        f'<div class="qc-article-chapter">{esc(chapter)}</div>'
        f'<div class="qc-article-text">{body}</div>{note}</div>'
    )


def _part_title(document: Document, part_id: str) -> str:
    part = document.part(part_id)
    if part_id == "decision":
        return "Quyết định ban hành"
    if part_id == "regulation":
        return (part.title if part and part.title else "") or "Quy chế"
    return (part.title if part and part.title else "") or f"Phần {part_id.removeprefix('part-')}"


def _article_link(document: Document, article: Article) -> str:
    href = place_href(document.id, article.part, article.number, None, None)
    href = href.replace(f"/{article.number}//", f"/{article.label}//", 1)
    return f"<li>{open_link(href, f'Điều {article.label}. {article.title}')}</li>"


def _chapters(document: Document, articles: Sequence[Article]) -> str:
    out = []
    for chapter, in_chapter in groupby(articles, key=lambda a: (a.chapter, a.chapter_title)):
        links = "".join(_article_link(document, a) for a in in_chapter)
        name = " · ".join(x for x in chapter if x)
        if name:
            out.append(f"<details><summary>{esc(name)}</summary><ul>{links}</ul></details>")
        else:
            out.append(f"<ul>{links}</ul>")
    return "".join(out)


def document_tree(document: Document) -> str:
    """One document as nested ``<details>``: Phần (when several), Chương, Điều links."""
    parts = []
    for part in document.parts:
        inner = _chapters(document, part.articles)
        if len(document.parts) > 1:
            inner = f"<details><summary>{esc(_part_title(document, part.id))}</summary>{inner}</details>"
        parts.append(inner)
    label = document_label(document.meta, document.id)
    return (
        f'<details class="qc-tree-doc"><summary>{esc(label)}</summary>'
        f'<div class="qc-tree-title">{esc(document.meta.title)}</div>{"".join(parts)}</details>'
    )


def tree_html(documents: Sequence[Document]) -> str:
    if not documents:
        return '<p class="qc-empty">Chưa có văn bản nào.</p>'
    return f'<div class="qc-tree">{"".join(document_tree(d) for d in documents)}</div>'
