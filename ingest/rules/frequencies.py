"""Frequencies: "ba tháng một lần", "mỗi tuần một lần", "01 lần/tháng", "định kỳ hằng quý"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ingest.normalize import has_diacritics
from ingest.rules.hits import Context, Hit, as_comparator, segment_span
from ingest.rules.models import Quantity
from ingest.rules.numbers import BLANK, STRICT_NUMBER, comparator_of, read_number, unit_label

_PERIOD = r"(?:tuan|thang|quy|nam)"
_FREQ_PATTERNS = (
    # "ba tháng một lần", "một tuần hoặc hai tuần một lần", "Sáu tháng một lần"
    re.compile(
        rf"(?<![a-z0-9])(?:(?P<cmp>it nhat|toi thieu|toi da|khong qua)\s+)?(?P<n>{STRICT_NUMBER})\s+(?P<u>{_PERIOD})"
        rf"(?:\s+hoac\s+(?P<n2>{STRICT_NUMBER})\s+(?P<u2>{_PERIOD}))?\s+(?P<c>mot|01|1)\s+lan(?![a-z])"
    ),
    # "mỗi tuần một lần"
    re.compile(
        rf"(?<![a-z])(?:(?P<cmp>it nhat|toi thieu|toi da|khong qua)\s+)?moi\s+(?P<u>{_PERIOD})"
        rf"\s+(?P<c>{STRICT_NUMBER})\s+(?P<cu>lan|ngay|buoi)(?![a-z])"
    ),
    # "từ 01 đến 02 lần/tháng", "ít nhất một lần/tháng", "ít nhất ...lần/tháng"
    re.compile(
        rf"(?<![a-z0-9])(?:(?P<cmp>it nhat|toi thieu|toi da|khong qua)\s*)?(?:tu\s+)?"
        rf"(?P<c>{STRICT_NUMBER}|{BLANK})\s*(?:den\s+(?P<c2>{STRICT_NUMBER})\s*)?lan\s*/\s*(?P<u>{_PERIOD})"
    ),
    # "định kỳ hằng quý", "họp vào thứ 2 hằng tuần", "vào ngày 15 hằng tháng", "Hằng năm,
    # …" (sentence start)
    re.compile(
        rf"(?:(?P<lead>dinh ky|thu\s+(?:\d|hai|ba|tu|nam|sau|bay)|vao ngay\s+\d{{1,2}})\s+"
        rf"|^\W*(?:\d+\W+)?)"
        rf"(?P<every>hang)\s+(?P<u>{_PERIOD})(?![a-z])(?!\s*,\s*(?:quy|thang|nam|\d|sau|giua|cuoi|dau))"
        rf"(?!\s+(?:va|hoac)\s+(?!dot xuat|khi can))"
    ),
    # "Định kỳ 6 tháng …" (without "một lần")
    re.compile(
        rf"(?<![a-z])dinh ky\s+(?P<n>{STRICT_NUMBER})\s+(?P<u>{_PERIOD})(?![a-z])"
        rf"(?!\s+(?:mot|01|1)\s+lan)(?!\s*,)"
    ),
)


def frequency_hits(ctx: Context) -> Iterator[Hit]:
    f = ctx.folded
    for pattern in _FREQ_PATTERNS:
        for m in pattern.finditer(f):
            groups = m.groupdict()
            start = m.start("every") if groups.get("every") else m.start()
            if (groups.get("lead") and groups["lead"].startswith("thu")) or groups.get("lead"):
                start = m.start("lead")
            unit = unit_label(m.group("u"))
            period: int | None = 1
            period_max: int | None = None
            if groups.get("n"):
                period = read_number(m.group("n"))
                if period is None:
                    continue
                if groups.get("n2"):
                    period_max = read_number(m.group("n2"))
            count_text = groups.get("c")
            unspecified = False
            number: int | None = 1
            number_max: int | None = None
            if count_text:
                if re.fullmatch(BLANK, count_text.strip()):
                    unspecified = True
                    number = None
                else:
                    number = read_number(count_text)
                    if number is None:
                        continue
            if groups.get("c2"):
                number_max = read_number(m.group("c2"))
            cmp = comparator_of(groups.get("cmp")) if groups.get("cmp") else "="
            seg_start, seg_end = segment_span(f, start, m.end())
            subject = frequency_subject(f[seg_start:seg_end], ctx.sentence[seg_start:seg_end])
            if groups.get("every") and not groups.get("lead") and subject == "other":
                continue  # "Hằng năm, …" opening a sentence about something else
            lead = groups.get("lead") or ""
            # "vào ngày 15 hằng tháng": a day of every month, not only a count
            day = read_number(lead.split()[-1]) if lead.startswith("vao ngay") else None
            yield Hit(
                kind="frequency",
                start=start,
                end=m.end(),
                value=Quantity(
                    text=ctx.sentence[start : m.end()].strip(),
                    number=number,
                    number_max=number_max,
                    unit=unit_label(groups["cu"]) if groups.get("cu") else "lần",
                    period=None if unspecified and period is None else period,
                    period_max=period_max,
                    period_unit=unit,
                    calendar=day is not None,
                    day=day,
                    day_off_shift=day_off_shift(f) if day is not None else 0,
                    unspecified=unspecified,
                ),
                comparator=as_comparator(cmp),
                subject=subject,
            )


# "trùng ngày nghỉ thì chuyển sang ngày làm việc kế tiếp", "nếu vào ngày nghỉ thì lùi về
# ngày làm việc liền trước" (folded)
_DAY_OFF = re.compile(
    r"(?:trung|roi vao|vao)\s+(?:ngay nghi|ngay le|thu bay|chu nhat).{0,60}?"
    r"ngay lam viec\s+(?P<way>ke tiep|tiep theo|lien sau|sau do|sau|lien truoc|truoc do|truoc)"
)


def day_off_shift(folded_sentence: str) -> int:
    """Where a day of the month that falls on a day off moves, as the sentence says: to
    the next working day (1), to the one before (-1), or nowhere said (0)."""
    m = _DAY_OFF.search(folded_sentence)
    if m is None:
        return 0
    return -1 if m.group("way").endswith("truoc") or m.group("way") == "truoc do" else 1


def frequency_subject(segment: str, original: str) -> str:
    if re.search(r"tiep cong dan|doi thoai", segment):
        return "citizen_reception"
    if re.search(r"sinh hoat", segment):
        return "regular_meeting"
    if re.search(r"giao ban", segment):
        return "working_session"
    if re.search(r"kiem diem|tu phe binh", segment):
        return "self_criticism"
    if _mentions_meeting(segment, original):
        return "regular_meeting"
    if re.search(r"lam viec", segment):
        return "working_session"
    if re.search(r"bao cao|thong bao", segment):
        return "reporting"
    return "other"


def _mentions_meeting(segment: str, original: str) -> bool:
    """ "họp", "hội nghị", "triệu tập"; "hợp" ("phù hợp", "trường hợp") folds to the same
    "hop", so the diacritics decide when the text has them."""
    if re.search(r"hoi nghi|trieu tap", segment):
        return True
    if has_diacritics(original):
        return bool(re.search(r"(?<!\w)họp(?!\w)", original.lower()))
    return bool(re.search(r"(?<![a-z])hop(?![a-z])", segment))
