"""Text tables for the terminal."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.citations import location
from assistant.rules.models import KIND_LABELS, Rule


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
