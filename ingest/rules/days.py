"""Days: lead times ("trước 03 ngày"), durations ("không quá 02 buổi"), deadlines
("chậm nhất 05 ngày làm việc", "trước ngày 20 hằng tháng")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ingest.normalize import has_diacritics
from ingest.rules.hits import Context, Hit, as_comparator, segment_span
from ingest.rules.models import Quantity, RuleKind
from ingest.rules.numbers import BLANK, STRICT_NUMBER, read_number, unit_label

_DAY_CMP = r"it nhat|toi thieu|cham nhat|khong qua|toi da|trong vong|trong thoi han|trong"
_DAYS = re.compile(
    rf"(?:(?<![a-z0-9/.,])(?:(?P<cmp>{_DAY_CMP})\s+)?(?P<n>{STRICT_NUMBER})"
    rf"|(?:(?<![a-z])(?P<cmpb>{_DAY_CMP})\s*)?(?P<b>{BLANK}))"
    rf"\s*(?P<u>ngay lam viec|ngay|buoi|gio|tuan|thang)(?![a-z])"
)


_DAY_COMPARATORS = {
    "it nhat": ">=",
    "toi thieu": ">=",
    "khong qua": "<=",
    "toi da": "<=",
    "cham nhat": "<=",
    "trong vong": "<=",
    "trong thoi han": "<=",
    "trong": "<=",
}


def day_hits(ctx: Context) -> Iterator[Hit]:
    f = ctx.folded
    for m in _DAYS.finditer(f):
        n_text = (m.group("n") or m.group("b")).strip()
        unit = unit_label(m.group("u"))
        after = f[m.end() : m.end() + 30]
        if _is_date(ctx, m.start(), after):
            continue
        unspecified = bool(re.fullmatch(BLANK, n_text))
        number = None if unspecified else read_number(n_text)
        if not unspecified and number is None:
            continue
        cmp_word = m.group("cmp") or m.group("cmpb") or ""
        seg_start, seg_end = segment_span(f, m.start(), m.end())
        segment = f[seg_start:seg_end]
        kind = _day_kind(unit, cmp_word, f[seg_start : m.start()], after, segment)
        if kind is None or (kind == "deadline" and cmp_word == "trong" and unit == "thang"):
            continue
        cmp = _DAY_COMPARATORS.get(cmp_word, "=")
        if kind == "lead_time" and cmp == "=":
            cmp = ">="  # "trước kỳ họp 03 ngày": at least that far ahead
        yield Hit(
            kind=kind,
            start=m.start(),
            end=m.end(),
            value=Quantity(
                text=ctx.sentence[m.start() : m.end()].strip(),
                number=number,
                unit=unit,
                unspecified=unspecified,
            ),
            comparator=as_comparator(cmp),
            subject=day_subject(kind, segment),
        )


def _is_date(ctx: Context, start: int, after: str) -> bool:
    """A date ("ngày 30 tháng 6 năm 2010") or part of a year ("6 tháng đầu năm", "6 tháng
    và hằng năm"), not a span of days."""
    if _ends_with_date_word(ctx.folded[:start], ctx.sentence[:start]) or re.match(
        r"\s+(?:nam\s+)?\d{4}", after
    ):
        return True
    return bool(re.match(r"\s*(?:dau|cuoi)\s+nam|\s*(?:va|,)\s*(?:hang\s+)?nam", after))


def _day_kind(unit: str, cmp_word: str, before: str, after: str, segment: str) -> RuleKind | None:
    """Lead time ("trước … 03 ngày"), deadline ("chậm nhất …", "… kể từ"), duration
    ("02 buổi", "không quá … hội nghị"), or none."""
    if unit in ("ngày", "ngày làm việc", "giờ", "tuần") and (
        re.search(r"truoc(?:\s+\S+){0,6}\s*$", before[-50:])
        or re.match(r"\s*truoc(?![a-z])", after)
        or ("gui" in before and "truoc" in before[before.rfind("gui") :])
    ):
        return "lead_time"
    if cmp_word in ("cham nhat", "trong vong", "trong thoi han") or re.match(
        r"\s*(?:ke tu|sau khi|sau)(?![a-z])", after
    ):
        return "deadline"
    if unit == "buổi" or (
        cmp_word in ("khong qua", "toi da")
        and re.search(r"hoi nghi|(?<![a-z])hop(?![a-z])|thoi gian", segment)
    ):
        return "duration"
    return None


_CALENDAR = re.compile(
    r"(?<![a-z])(?P<cmp>truoc hoac trong|truoc hoac vao|truoc|cham nhat(?: la)?(?: vao)?"
    r"|han chot(?: la)?|den het|den)\s+ngay\s+(?:mung\s+|mong\s+)?"
    rf"(?P<d>\d{{1,2}}|{STRICT_NUMBER}|{BLANK})(?:\s*(?:/|-|thang)\s*(?P<m>\d{{1,2}}))?"
    r"\s*(?:hang|moi|cua moi|cua hang)\s+(?P<p>thang|quy|nam)(?![a-z])"
)


def calendar_hits(ctx: Context) -> Iterator[Hit]:
    """A deadline on a day of every month or year: "trước ngày 20 hằng tháng", "chậm
    nhất ngày 15/12 hằng năm"."""
    f = ctx.folded
    for m in _CALENDAR.finditer(f):
        blank = bool(re.fullmatch(BLANK, m.group("d").strip()))
        day = None if blank else read_number(m.group("d"))
        month = int(m.group("m")) if m.group("m") else None
        period = {"thang": "tháng", "quy": "quý", "nam": "năm"}[m.group("p")]
        if not blank and (day is None or not 1 <= day <= 31):
            continue
        if month is not None and not 1 <= month <= 12:
            continue
        if month is not None and period != "năm":
            continue  # "ngày 15/12 hằng tháng" is not a reading we can trust
        seg_start, seg_end = segment_span(f, m.start(), m.end())
        yield Hit(
            kind="deadline",
            start=m.start(),
            end=m.end(),
            value=Quantity(
                text=ctx.sentence[m.start() : m.end()].strip(),
                calendar=True,
                day=day,
                month=month,
                period_unit=period,
                unspecified=blank,
            ),
            comparator="<" if m.group("cmp") == "truoc" else "<=",
            subject=day_subject("deadline", f[seg_start:seg_end]),
        )


def _ends_with_date_word(folded: str, original: str) -> bool:
    """ "ngày 30", "tháng 6": a date, not a span; "báo cáo ngay trong vòng 24 giờ" is a span
    ("ngay", at once), which only the diacritics tell apart."""
    if has_diacritics(original):
        return bool(re.search(r"(?:ngày|tháng)\s*$", original.lower()))
    return bool(re.search(r"(?:ngay|thang)\s*$", folded))


def day_subject(kind: str, segment: str) -> str:
    if kind == "lead_time":
        if re.search(r"tham dinh|den van phong", segment):
            return "document_submission"
        if re.search(r"tai lieu|giay moi|de an|du thao|gui", segment):
            return "document_sending"
        return "notice"
    if kind == "duration":
        return "meeting_duration"
    if re.search(r"tra loi|cho y kien|gop y|phan hoi", segment):
        return "response"
    if re.search(r"trieu tap", segment):
        return "convening"
    if re.search(r"tham dinh", segment):
        return "appraisal"
    if re.search(r"khieu nai", segment):
        return "complaint"
    if re.search(r"cong bo", segment):
        return "announcement"
    if re.search(r"quyet dinh|xem xet", segment):
        return "decision"
    if re.search(r"bao cao", segment):
        return "reporting"
    if re.search(r"dang phi|nop (?:kinh phi|tien|phi)", segment):
        return "payment"
    if re.search(r"ban hanh|phat hanh|van ban|thong bao|gui", segment):
        return "document_issuance"
    return "other"
