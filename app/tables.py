"""Tables of rules and powers: markdown for the terminal, rows for the web page."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.citations import location
from assistant.rules.models import COMPARATOR_WORDS, KIND_LABELS, THRESHOLD_KINDS, Rule
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


# --- the web page's rules table ------------------------------------------------------

RULE_KIND_NAMES: dict[str, str] = {
    "quorum": "túc số hội nghị",
    "vote_threshold": "tỷ lệ biểu quyết",
    "request_trigger": "đề nghị triệu tập",
    "money_threshold": "ngưỡng tiền",
    "area_threshold": "ngưỡng diện tích",
    "count_threshold": "ngưỡng số hộ",
    "lead_time": "thời hạn gửi trước",
    "deadline": "thời hạn",
    "duration": "thời gian",
    "frequency": "định kỳ",
    "count": "số lượng",
}
# Words a value as written may already start with: then it is shown as written.
_VALUE_WORDS = ("từ", "ít nhất", "tối thiểu", "tối đa", "trên", "dưới", "không quá", "quá")
_THRESHOLD_WORDS = {">=": "từ", ">": "trên", "<": "dưới", "<=": "đến", "=": ""}
_PART_NAMES = {"decision": "Quyết định ban hành"}


def rule_value(rule: Rule) -> str:
    """The value in words: "ít nhất 2/3", "từ 03 tỷ đồng trở lên → Ban Thường vụ"."""
    written = rule.value.text.strip()
    if rule.value.unspecified:
        return f"để trống ({written})" if written else "để trống"
    threshold = rule.kind in THRESHOLD_KINDS
    words = _THRESHOLD_WORDS if threshold else COMPARATOR_WORDS
    if written.lower().startswith(_VALUE_WORDS) or not words.get(rule.comparator):
        phrase = written
    else:
        phrase = f"{words[rule.comparator]} {written}"
    if threshold and rule.if_met_body:
        phrase += f" → {rule.if_met_body}"
        if rule.otherwise_body:
            phrase += f"; còn lại → {rule.otherwise_body}"
    return phrase


def rule_place(rule: Rule) -> str:
    """ "khoản 2 Điều 14", with the part when it is not the regulation itself."""
    where = location(rule.article, rule.clause, rule.point)
    if rule.part.startswith("part-"):
        return f"{where} Phần {rule.part.removeprefix('part-')}"
    part = _PART_NAMES.get(rule.part)
    return f"{where} {part}" if part else where
