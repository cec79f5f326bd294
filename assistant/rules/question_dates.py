"""The date, the hour and the day of the week a numeric question gives, read from its
folded text: "họp ngày 20/10", "lúc 14h", "ngày 9 trùng thứ Bảy", and whether the date
is a meeting's (what is then asked is how long before it)."""

from __future__ import annotations

import datetime as dt
import re

from assistant.quantity_roles import meeting_nouns
from ingest.bodies import find_bodies, without_mentions

_DATE = re.compile(
    r"(?<!\d)(\d{1,2})\s*[/-]\s*(\d{1,2})(?:\s*[/-]\s*(\d{4}))?(?!\d)|ngay (\d{1,2}) thang (\d{1,2})(?: nam (\d{4}))?"
    # "họp ngày 10", "ngày 10 tháng này": a day of the month the question is asked in, or
    # of the next ("ngày 10 tháng tới")
    r"|(?<![a-z])ngay (\d{1,2})(?: thang (?P<relative>nay|toi)(?![a-z]))?"
    r"(?![\d/]|\s*(?:thang|ngay|gio|hang thang|moi thang))"
)

# How many words before a date a meeting noun may stand to date it (a place and "dự kiến
# vào ngày" between them: "hội nghị Tỉnh ủy X Y dự kiến vào ngày 5/6").
_MEETING_WINDOW = 8
_CLAUSE_BREAK = re.compile(r"[,;.?!:]|(?<![a-z])(?:thi|neu|khi)(?![a-z])")
# The days of the week, folded, Monday first ("thứ Hai" ... "Chủ nhật").
_WEEKDAYS = {"hai": 0, "ba": 1, "tu": 2, "nam": 3, "sau": 4, "bay": 5, "nhat": 6}
# The names after "thứ" ("thứ Hai" ... "thứ Bảy"), as one regex alternation.
WEEKDAY_NAMES = "|".join(name for name in _WEEKDAYS if name != "nhat")
# The day of the week written before a date ("thứ Năm 19/3", "chủ nhật, ngày 5/6"), folded.
_WEEKDAY_BEFORE = re.compile(
    rf"(?<![a-z])(?:thu (?:{WEEKDAY_NAMES})|chu nhat)\s*,?\s*(?:ngay\s*)?$"
)


# A day every month ("ngày 10 hằng tháng"): a date only where a meeting falls on it.
_RECURRING_DAY = re.compile(r"(?<![a-z])ngay (\d{1,2}) (?:hang|moi) thang(?![a-z])")


def dates_a_meeting(q: str) -> bool:
    """Whether the date a folded question gives is a meeting's: a meeting noun among the
    few words before it, the bodies named between them left out ("hội nghị dự kiến vào
    ngày 5/6", "họp Ban Gió Đảng ủy Khối Mây dự kiến 5/6")."""
    return _dated_meeting(q) is not None


def _dated_meeting(q: str) -> re.Match[str] | None:
    """The date a meeting falls on: a date, or a day every month ("sinh hoạt ngày 5 hằng
    tháng"), with a meeting noun before it."""
    m = _DATE.search(q) or _RECURRING_DAY.search(q)
    return m if m is not None and _meeting_before(q, m) else None


def _meeting_before(q: str, m: re.Match[str]) -> bool:
    said = _WEEKDAY_BEFORE.sub("", q[: m.start()])  # "thứ Sáu 14/8": the date's own
    before = " ".join(without_mentions(said, find_bodies(said)).split()[-_MEETING_WINDOW:])
    # or the meeting is what the clause the date ends is about ("Hội nghị BCH xã Ngọc
    # Lâm dự kiến tổ chức vào 14/8"), however long the place named
    clause = _CLAUSE_BREAK.split(said)[-1].strip()
    return any(
        re.search(rf"(?<![a-z]){n}(?![a-z])", before) or re.match(rf"{n}(?![a-z])", clause)
        for n in meeting_nouns()
    )


# "lúc 8 giờ sáng", "14h", "4 giờ chiều", "9h30 tối" (folded)
_HOUR = re.compile(
    r"(?<![\d/])(\d{1,2})\s*(?:gio|h)(?:\s*\d{1,2})?(?![a-z])(?:\s+(?P<part>sang|trua|chieu|toi|dem))?"
)
_AFTERNOON = {"chieu", "toi", "dem"}
_HOURS_A_DAY = 24
_NOON = 12


def hour_given(q: str) -> int | None:
    """The hour of the day a folded question gives, on a 24-hour clock."""
    m = _HOUR.search(q)
    if m is None or int(m.group(1)) >= _HOURS_A_DAY:
        return None
    hour = int(m.group(1))
    return hour + _NOON if m.group("part") in _AFTERNOON and hour < _NOON else hour


# "rơi vào thứ Bảy", "trùng Chủ nhật", "là thứ 7" (folded)
_FALLS_ON = re.compile(
    r"(?<![a-z])(?:roi|trung|nham|la)(?: (?:vao|dung|dung vao|ngay))? "
    rf"(?:thu (?P<name>{WEEKDAY_NAMES})|thu (?P<digit>[2-7])|chu (?P<sun>nhat))(?![a-z\d])"
)
_DATE_FULL = re.compile(r"(?<!\d)\d{1,2}\s*[/-]\s*\d{1,2}|ngay \d{1,2} thang \d{1,2}")
_DATE_DAY_ONLY = re.compile(r"(?<![a-z])ngay \d{1,2}(?![\d/])")


def gives_day_only(q: str) -> bool:
    """Whether the folded question gives a day of the month without its month."""
    return _DATE_DAY_ONLY.search(q) is not None and not _DATE_FULL.search(q)


def stated_weekday(q: str) -> int | None:
    """The day of the week a folded question says its date falls on (0 for Monday)."""
    m = _FALLS_ON.search(q)
    if m is None:
        return None
    if m.group("digit"):
        return int(m.group("digit")) - 2
    return _WEEKDAYS[m.group("name") or m.group("sun")]


def date_given(q: str) -> dt.date | None:
    """The date a folded question gives ("20/10", "ngày 5 tháng 6", "ngày 10" of this
    month); None when it gives none or an impossible one."""
    m = _DATE.search(q)
    today = dt.date.today()
    if m is None:
        # a day every month, when a meeting falls on it: this month's
        recurring = _dated_meeting(q)
        if recurring is None:
            return None
        try:
            return dt.date(today.year, today.month, int(recurring.group(1)))
        except ValueError:
            return None
    if m.group(7):
        ahead = m.group("relative") == "toi"
        month_index = today.month + ahead  # 13: January of the next year
        day, month = m.group(7), str((month_index - 1) % 12 + 1)
        year = str(today.year + (month_index > 12))
    else:
        day, month, year = (
            (m.group(1), m.group(2), m.group(3))
            if m.group(1)
            else (m.group(4), m.group(5), m.group(6))
        )
    try:
        return dt.date(int(year) if year else today.year, int(month), int(day))
    except ValueError:
        return None


__all__ = [
    "WEEKDAY_NAMES",
    "date_given",
    "dates_a_meeting",
    "gives_day_only",
    "hour_given",
    "stated_weekday",
]
