"""The rules table and the table of powers as the web page shows them: HTML grouped by
document, then by kind of rule or of power; Vietnamese column names, values in words,
and the citation as a link the page script opens in the reading pane. No ids.

Each group is its own narrow table in a box that scrolls by itself, so the page never
scrolls sideways (a phone scrolls the table, not the page).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from itertools import groupby
from typing import TypeVar
from urllib.parse import quote

from app.names import document_label
from app.render import esc, open_link
from app.tables import RULE_KIND_NAMES, rule_place, rule_value
from assistant.citations import location
from assistant.rules.models import RULE_KINDS, Rule
from ingest.models import Document
from ingest.powers import ACT_LABELS, Power

RULE_HTML_COLUMNS = ("Cơ quan", "Nội dung", "Giá trị", "Căn cứ tính", "Điều kiện", "Trích dẫn")
T = TypeVar("T")
UNKNOWN_DOCUMENT = "Văn bản không còn trong kho"
POWER_HTML_COLUMNS = ("Cơ quan", "Nội dung", "Điều kiện", "Trích dẫn")
_WIDTHS = {
    "Cơ quan": 16,
    "Nội dung": 26,
    "Giá trị": 22,
    "Căn cứ tính": 12,
    "Điều kiện": 14,
    "Trích dẫn": 12,
}


def place_href(doc_id: str, part: str, article: int, clause: int | None, point: str | None) -> str:
    fields = [doc_id, part, str(article), "" if clause is None else str(clause), point or ""]
    return "#qc/" + "/".join(quote(f, safe="") for f in fields)


def _table(all_headers: Sequence[str], all_rows: Sequence[Sequence[str]]) -> str:
    """Cells are HTML already (escaped text or an open link); a column no row fills is
    left out, so the table stays narrow."""
    keep = [i for i in range(len(all_headers)) if any(row[i] for row in all_rows)]
    headers = [all_headers[i] for i in keep]
    rows = [[row[i] for i in keep] for row in all_rows]
    total = sum(_WIDTHS.get(h, 14) for h in headers)
    cols = "".join(f'<col style="width:{100 * _WIDTHS.get(h, 14) / total:.0f}%">' for h in headers)
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return (
        f'<div class="qc-table-box"><table class="qc-table" style="min-width:{110 * len(headers)}px">'
        f"<colgroup>{cols}</colgroup>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


def _name(documents: Mapping[str, Document], doc_id: str) -> str:
    doc = documents.get(doc_id)
    return document_label(doc.meta, doc.source_file) if doc is not None else UNKNOWN_DOCUMENT


def _grouped(
    items: Sequence[T],
    doc_of: Callable[[T], str],
    kind_of: Callable[[T], str],
    documents: Mapping[str, Document],
    table: Callable[[list[T]], str],
) -> str:
    sections = []
    for doc_id, in_doc in groupby(items, key=doc_of):
        parts = [f'<h3 class="qc-group-doc">{esc(_name(documents, doc_id))}</h3>']
        for kind, of_kind in groupby(in_doc, key=kind_of):
            listed = list(of_kind)
            parts.append(f'<h4 class="qc-group-kind">{esc(kind)} ({len(listed)})</h4>')
            parts.append(table(listed))
        sections.append(f'<section class="qc-group">{"".join(parts)}</section>')
    return "".join(sections)


def rules_html(rules: Sequence[Rule], documents: Mapping[str, Document]) -> str:
    """Rules by document, then by kind in the order rules are listed, then by place."""
    if not rules:
        return '<p class="qc-empty">Không có quy tắc nào.</p>'
    order = {k: i for i, k in enumerate(RULE_KINDS)}
    ordered = sorted(
        rules,
        key=lambda r: (_name(documents, r.document_id), order.get(r.kind, 99), r.start, r.article),
    )

    def table(group: list[Rule]) -> str:
        rows = [
            [
                esc(r.body),
                esc(r.subject_label),
                esc(rule_value(r)),
                esc(r.basis),
                esc(r.condition),
                open_link(
                    place_href(r.document_id, r.part, r.article, r.clause, r.point),
                    rule_place(r),
                    r.sentence,
                ),
            ]
            for r in group
        ]
        return _table(RULE_HTML_COLUMNS, rows)

    return _grouped(
        ordered,
        lambda r: r.document_id,
        lambda r: RULE_KIND_NAMES.get(r.kind, r.kind),
        documents,
        table,
    )


def powers_html(powers: Sequence[Power], documents: Mapping[str, Document]) -> str:
    """Powers by document, then by kind of power (quyết định, phê duyệt…), then by body."""
    if not powers:
        return '<p class="qc-empty">Không có thẩm quyền nào.</p>'
    acts = list(ACT_LABELS)
    ordered = sorted(
        powers,
        key=lambda p: (_name(documents, p.document_id), acts.index(p.act), p.body, p.start),
    )

    def table(group: list[Power]) -> str:
        rows = [
            [
                esc(p.body + (f" → {p.delegate_to}" if p.delegate_to else "")),
                esc(p.action),
                esc(p.condition),
                open_link(
                    place_href(p.document_id, p.part, p.article, p.clause, p.point),
                    location(p.article, p.clause, p.point),
                    p.quote,
                ),
            ]
            for p in group
        ]
        return _table(POWER_HTML_COLUMNS, rows)

    return _grouped(ordered, lambda p: p.document_id, lambda p: ACT_LABELS[p.act], documents, table)
