"""Documents named by who they belong to: "Tỉnh ủy Kon Tum · 09-QC/TU · 2024 · đang hiệu lực".

The scope list, the citation cards, the tables and the article tree all name a document
this way, from what its :class:`~ingest.models.DocumentMeta` says about it.
"""

from __future__ import annotations

from ingest.models import DocumentMeta

STATUS_WORDS = {"template": "mẫu", "draft": "dự thảo", "in_force": "đang hiệu lực"}


def owner(meta: DocumentMeta, fallback: str = "") -> str:
    """Who the document belongs to: its issuing committee, else its province, else its title."""
    if meta.issuing_body:
        return meta.issuing_body
    if meta.province:
        return f"tỉnh {meta.province}"
    return meta.title or fallback


def document_label(meta: DocumentMeta, fallback: str = "") -> str:
    """Owner, number, year and status, those the document gives, joined by " · "; a
    template or draft also says whom it is a model for ("mẫu cho Cấp ủy cấp huyện")."""
    parts = [owner(meta, fallback)]
    if meta.status in ("template", "draft") and meta.governed_body:
        parts.append(f"mẫu cho {meta.governed_body}")
    if meta.number:
        parts.append(meta.number)
    if meta.date_issued[:4].isdigit():
        parts.append(meta.date_issued[:4])
    if meta.status in STATUS_WORDS and not (meta.status == "template" and meta.governed_body):
        parts.append(STATUS_WORDS[meta.status])  # "mẫu cho …" already says "mẫu"
    return " · ".join(p for p in parts if p)
