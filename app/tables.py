"""Tables of rules and powers: markdown for the terminal, rows for the web page."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from assistant.citations import cite_as, location
from assistant.rules.models import COMPARATOR_WORDS, KIND_LABELS, RULE_KINDS, Rule
from ingest.models import Document
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
    "lead_time": "thời hạn gửi trước",
    "deadline": "thời hạn",
    "duration": "thời gian",
    "frequency": "định kỳ",
    "count": "số lượng",
}
RULE_DOCUMENT = "Văn bản"
RULE_COLUMNS = ("Loại quy tắc", "Cơ quan", "Nội dung", "Giá trị", "Căn cứ tính", "Điều kiện")
RULE_WHERE = "Trích dẫn"
# Words a value as written may already start with: then it is shown as written.
_VALUE_WORDS = ("từ", "ít nhất", "tối thiểu", "tối đa", "trên", "dưới", "không quá", "quá")
_THRESHOLD_WORDS = {">=": "từ", ">": "trên", "<": "dưới", "<=": "đến", "=": ""}
_PART_NAMES = {"decision": "Quyết định ban hành"}


def document_name(doc: Document) -> str:
    """ "Quy chế làm việc ... (01-QC/TU)": the title the document gives, then its number."""
    name = doc.meta.title or doc.source_file
    return f"{name} ({doc.meta.number})" if doc.meta.number else name


def rule_value(rule: Rule) -> str:
    """The value in words: "ít nhất 2/3", "từ 03 tỷ đồng trở lên → Ban Thường vụ"."""
    written = rule.value.text.strip()
    if rule.value.unspecified:
        return f"để trống ({written})" if written else "để trống"
    threshold = rule.kind in ("money_threshold", "area_threshold")
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


def rule_rows(
    rules: Sequence[Rule], documents: Mapping[str, Document]
) -> tuple[list[str], list[list[str]]]:
    """The rules as the web page shows them: Vietnamese headers and values in words, by
    document then kind; the document column only when several documents are shown, and
    a column nobody filled (no basis, no condition) is left out so the table stays narrow."""

    def name(rule: Rule) -> str:
        doc = documents.get(rule.document_id)
        return document_name(doc) if doc is not None else rule.document_id

    kind_order = {k: i for i, k in enumerate(RULE_KINDS)}
    ordered = sorted(
        rules,
        key=lambda r: (name(r), kind_order.get(r.kind, len(kind_order)), r.start, r.article),
    )
    table = [
        {
            RULE_DOCUMENT: name(r),
            "Loại quy tắc": RULE_KIND_NAMES.get(r.kind, r.kind),
            "Cơ quan": r.body,
            "Nội dung": r.subject_label,
            "Giá trị": rule_value(r),
            "Căn cứ tính": r.basis,
            "Điều kiện": r.condition,
            RULE_WHERE: rule_place(r),
        }
        for r in ordered
    ]
    several = len({r.document_id for r in rules}) > 1
    headers = [RULE_DOCUMENT] if several else []
    headers += [h for h in RULE_COLUMNS if h in RULE_COLUMNS[:4] or any(row[h] for row in table)]
    headers.append(RULE_WHERE)
    return headers, [[row[h] for h in headers] for row in table]


# --- the table of powers as rows (the CLI's and the tests' view) ---------------------

POWER_HEADERS = ["Cơ quan", "Thẩm quyền", "Nội dung", "Điều kiện", "Trích dẫn"]


def power_rows(document: Document, powers: Sequence[Power]) -> list[list[str]]:
    """One row per power, by body then by place in the text; Vietnamese labels only."""
    ordered = sorted(powers, key=lambda p: (p.body, p.part, p.article, p.start))
    rows: list[list[str]] = []
    for p in ordered:
        act = ACT_LABELS[p.act] + (f" → {p.delegate_to}" if p.delegate_to else "")
        where = cite_as(document, p.part, p.article, p.clause, p.point)
        rows.append([p.body, act, p.action, p.condition, where])
    return rows
