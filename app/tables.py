"""Text tables for the terminal."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.citations import location
from assistant.rules.models import KIND_LABELS, Rule
from ingest.powers import ACT_LABELS, Power


def rules_table(rules: Sequence[Rule]) -> str:
    """A markdown table of rules, one row each, grouped by document."""
    if not rules:
        return "Không có quy tắc số nào."
    rows = [
        "| văn bản | vị trí | loại | cơ quan | nội dung | giá trị | cơ sở tính |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in sorted(rules, key=lambda r: (r.document_id, r.part, r.article, r.clause or 0)):
        value = "(để trống)" if r.value.unspecified else f"{r.comparator} {r.value.label}"
        where = location(r.article, r.clause, r.point)
        if r.part != "regulation":
            where += f" ({r.part})"
        about = f"{r.subject_label} ({r.condition})" if r.condition else r.subject_label
        rows.append(
            f"| {r.document_id} | {where} | {KIND_LABELS.get(r.kind, r.kind)} | {r.body} | "
            f"{about} | {value} | {r.basis} |"
        )
    return "\n".join(rows) + f"\n\n{len(rules)} quy tắc."


def powers_table(powers: Sequence[Power]) -> str:
    """A markdown table of the table of powers, grouped by document and body."""
    if not powers:
        return "Không có thẩm quyền nào."
    rows = [
        "| văn bản | vị trí | cơ quan | hành vi | nội dung | điều kiện |",
        "|---|---|---|---|---|---|",
    ]
    for p in sorted(powers, key=lambda p: (p.document_id, p.body, p.part, p.article, p.start)):
        where = location(p.article, p.clause, p.point)
        if p.part != "regulation":
            where += f" ({p.part})"
        action = p.action if len(p.action) <= 120 else p.action[:117] + "..."
        delegate = f" → {p.delegate_to}" if p.delegate_to else ""
        rows.append(
            f"| {p.document_id} | {where} | {p.body} | {ACT_LABELS[p.act]}{delegate} | "
            f"{action} | {p.condition} |"
        )
    return "\n".join(rows) + f"\n\n{len(powers)} thẩm quyền."
