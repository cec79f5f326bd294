"""Exact arithmetic on rules: head counts, money comparisons, dates, rates.

Integers and Fractions only, never floats: "ít nhất 2/3 của 48" must be 32, not
31.999…. Every function returns a :class:`Calculation` with a one-line Vietnamese
explanation the answer can quote.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from collections.abc import Callable
from fractions import Fraction
from typing import Literal

from assistant.rules.models import Calculation, Quantity, format_area, format_int


def _frac(f: Fraction) -> str:
    """ "2/3" for a share; a product shows as "32", "15,5" or "32/3 ≈ 10,67"."""
    return str(f.numerator) if f.denominator == 1 else f"{f.numerator}/{f.denominator}"


def _show(f: Fraction) -> str:
    if f.denominator == 1:
        return str(f.numerator)
    d = f.denominator
    while d % 2 == 0:
        d //= 2
    while d % 5 == 0:
        d //= 5
    if d == 1:
        return _decimal_comma(f)
    return f"{f.numerator}/{f.denominator} ≈ {_decimal_comma(f, 2)}"


def _decimal_comma(f: Fraction, places: int | None = None) -> str:
    if places is None:
        places = 0
        while (f * 10**places).denominator != 1:
            places += 1
    scaled = round(f * 10**places)
    whole, frac = divmod(scaled, 10**places)
    return f"{whole},{frac:0{places}d}"


def at_least(fraction: Fraction, n: int) -> Calculation:
    """Smallest whole number of people ≥ fraction × n: ⌈f·n⌉ ("ít nhất 2/3 của 48" → 32)."""
    need = math.ceil(fraction * n)
    exact = fraction * n
    step = f"{_frac(fraction)} × {n} = {_show(exact)}"
    if exact.denominator != 1:
        step += f", làm tròn lên {need}"
    return Calculation(
        kind="count",
        value=need,
        result=f"{need} người",
        computation=f"{step} → cần ít nhất {need} người",
    )


def more_than(fraction: Fraction, n: int) -> Calculation:
    """Smallest whole number of people > fraction × n: ⌊f·n⌋ + 1 ("quá nửa của 30" → 16)."""
    need = math.floor(fraction * n) + 1
    exact = fraction * n
    return Calculation(
        kind="count",
        value=need,
        result=f"{need} người",
        computation=(
            f"{_frac(fraction)} × {n} = {_show(exact)}; phải trên {_show(exact).split(' ≈')[0]}"
            f" → cần ít nhất {need} người"
        ),
    )


def required_count(fraction: Fraction, comparator: str, n: int) -> Calculation:
    """Head count a share rule requires out of ``n``: ">=" → :func:`at_least`,
    ">" → :func:`more_than`; "=" (a bare "2/3") is read as at least."""
    if comparator == ">":
        return more_than(fraction, n)
    return at_least(fraction, n)


def fixed_count(number: int, comparator: str) -> Calculation:
    """Head count a rule states as a number ("ít nhất năm ủy viên"; "trên 5" is 6): the
    same whatever the body's size."""
    need = number + 1 if comparator == ">" else number
    shown = f"trên {number} → " if comparator == ">" else ""
    return Calculation(
        kind="count",
        value=need,
        result=f"{need} người",
        computation=f"số người quy định sẵn: {shown}cần ít nhất {need} người",
    )


def count_verdict(
    required: Calculation, given: int, counted_as: str, outcome: tuple[str, str] | None = None
) -> Calculation:
    """Whether a head count the question gives reaches what a share rule requires
    ("8 người dự" against 9 needed: không đủ), and what that means (``outcome``: met,
    not met)."""
    need = required.value or 0
    met = given >= need
    verdict = "Đủ" if met else "Không đủ"
    sign = "≥" if met else "<"
    meaning = f" — {outcome[0] if met else outcome[1]}" if outcome else ""
    return required.model_copy(
        update={
            "met": met,
            "result": f"{verdict}: {given} người {counted_as}, cần ít nhất {need} người{meaning}",
            "computation": (
                f"{required.computation}; {given} người {counted_as} {sign} {need}"
                f" → {verdict.lower()}"
            ),
        }
    )


_CMP_TEXT = {">=": "≥", ">": ">", "<": "<", "<=": "≤", "=": "="}


def compare_money(amount: int, comparator: str, threshold: int) -> bool:
    """Whether ``amount`` (đồng) satisfies "``comparator`` ``threshold``"."""
    return {
        ">=": amount >= threshold,
        ">": amount > threshold,
        "<": amount < threshold,
        "<=": amount <= threshold,
        "=": amount == threshold,
    }[comparator]


def money_decision(
    amount: int, comparator: str, threshold: int, if_met: str, otherwise: str
) -> Calculation:
    """Which side of a money threshold an amount falls on, and who decides there."""
    return _threshold_decision(
        "money", amount, comparator, threshold, if_met, otherwise, lambda v: f"{format_int(v)} đồng"
    )


def area_decision(
    area: int, comparator: str, threshold: int, if_met: str, otherwise: str
) -> Calculation:
    """Which side of an area threshold (m²) an area falls on, and who decides there."""
    return _threshold_decision("area", area, comparator, threshold, if_met, otherwise, format_area)


def household_decision(
    households: int, comparator: str, threshold: int, if_met: str, otherwise: str
) -> Calculation:
    """Which side of a threshold in households a number of households falls on."""
    return _threshold_decision(
        "count", households, comparator, threshold, if_met, otherwise, lambda v: f"{v} hộ"
    )


def _threshold_decision(
    kind: Literal["money", "area", "count"],
    amount: int,
    comparator: str,
    threshold: int,
    if_met: str,
    otherwise: str,
    show: Callable[[int], str],
) -> Calculation:
    met = compare_money(amount, comparator, threshold)
    body = if_met if met else otherwise
    sign = _CMP_TEXT[comparator] if met else _negate(comparator)
    who = f" → {body}" if body else " → quy chế không nêu cơ quan cho trường hợp này"
    return Calculation(
        kind=kind,
        value=amount,
        met=met,
        result=body,
        computation=f"{show(amount)} {sign} {show(threshold)}{who}",
    )


def _negate(comparator: str) -> str:
    return {">=": "<", ">": "≤", "<": "≥", "<=": ">", "=": "≠"}[comparator]


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5


def shift_working_days(day: dt.date, n: int) -> dt.date:
    """The date ``n`` working days after ``day`` (before it for a negative ``n``;
    Monday–Friday; ``day`` itself is not counted). Public holidays are *not* known here
    and are counted as working days, so around Tết or 30/4–1/5 the real date moves: the
    answer says so."""
    step = dt.timedelta(days=1 if n > 0 else -1)
    current = day
    left = abs(n)
    while left > 0:
        current += step
        if is_working_day(current):
            left -= 1
    return current


def _shifted(day: dt.date, span: Quantity, sign: int) -> tuple[dt.date, str] | None:
    """``day`` moved by ``span`` (ngày, ngày làm việc, tuần, tháng) forward or back, with the
    line that shows it."""
    n = span.number
    if span.unspecified or n is None:
        return None
    shown = show_date(day)
    op = "+" if sign > 0 else "−"
    if span.unit == "ngày làm việc":
        moved = shift_working_days(day, sign * n)
        way = "cộng" if sign > 0 else "lùi"
        line = f"{shown} {way} {n} ngày làm việc (bỏ thứ Bảy, Chủ nhật; chưa trừ ngày lễ)"
    elif span.unit == "ngày":
        moved, line = day + sign * dt.timedelta(days=n), f"{shown} {op} {n} ngày"
    elif span.unit == "tuần":
        moved, line = day + sign * dt.timedelta(weeks=n), f"{shown} {op} {n} tuần"
    elif span.unit == "tháng":
        moved, line = add_months(day, sign * n), f"{shown} {op} {n} tháng"
    else:
        return None
    return moved, f"{line} = {show_date(moved)}"


def show_date(day: dt.date) -> str:
    """A date as people write it ("3/8/2026")."""
    return f"{day.day}/{day.month}/{day.year}"


def add_months(day: dt.date, n: int) -> dt.date:
    """The same day ``n`` calendar months later (earlier for a negative ``n``), the
    month's last day when it has no such day (31/1 + 1 tháng = 28/2 or 29/2)."""
    index = day.year * 12 + day.month - 1 + n
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def _date_result(day: dt.date, line: str, verb: str, said: str = "") -> Calculation:
    """The last day ``line`` computes, with its weekday; ``said``: the day as the question
    fixed it, a day of the month with no weekday."""
    act = f"{verb} " if verb else ""
    if said:
        return Calculation(
            kind="date", date=day, result=said, computation=f"{line} → {act}chậm nhất {said}"
        )
    weekday = _WEEKDAYS[day.weekday()]
    return Calculation(
        kind="date",
        date=day,
        result=f"{weekday}, {show_date(day)}",
        computation=f"{line} → {act}chậm nhất ngày {show_date(day)} ({weekday})",
    )


def day_of_the_month(
    given: dt.date, weekday: int | None, day: Quantity, month_known: bool
) -> Calculation | None:
    """The day an act fixed on a day of every month ("vào ngày 15 hằng tháng; trùng ngày
    nghỉ thì chuyển sang ngày làm việc kế tiếp") happens in the month of ``given``, that
    day falling on ``weekday`` (as the question supposes; else the calendar's). None
    when ``given`` is another day or the rule says nothing of days off."""
    if day.day != given.day or not day.day_off_shift:
        return None
    falls = given.weekday() if weekday is None else weekday
    moved = 0
    while (falls + moved) % 7 >= 5:
        moved += day.day_off_shift
    target = given + dt.timedelta(days=moved)
    name = _WEEKDAYS[(falls + moved) % 7]
    said, moved_to = (_day(given, month_known), _day(target, month_known))
    if not moved:
        line = f"{said} là {_WEEKDAYS[falls]}, ngày làm việc: giữ {said}"
    else:
        way = "kế tiếp" if moved > 0 else "liền trước"
        line = (
            f"{said} là {_WEEKDAYS[falls]}, ngày nghỉ → chuyển sang ngày làm việc {way}: "
            f"{moved_to} ({name})"
        )
    return Calculation(kind="date", date=target, result=f"{name}, {moved_to}", computation=line)


def _day(day: dt.date, month_known: bool) -> str:
    """ "15/8/2026", or "ngày 15" when the question gave no month."""
    return show_date(day) if month_known else f"ngày {day.day}"


def latest_send_date(
    meeting: dt.date, lead: Quantity, month_known: bool = True, verb: str = "gửi"
) -> Calculation | None:
    """The last day documents can go out (``verb``) for a meeting on ``meeting`` under a
    lead-time rule ("trước kỳ họp ít nhất 05 ngày" → meeting − 5 days). None for a blank
    value. A day given without its month ("họp ngày 10") is answered as a day of the
    month, with no weekday the question never fixed."""
    shifted = _shifted(meeting, lead, -1)
    if shifted is None:
        return None
    if month_known or lead.unit != "ngày":
        return _date_result(*shifted, verb)
    day = shifted[0]
    said = _day(day, month_known) + ("" if day.month == meeting.month else " của tháng trước")
    line = f"{_day(meeting, month_known)} − {lead.number} ngày = {said}"
    return _date_result(day, line, verb, said)


def deadline_date(start: dt.date, within: Quantity, hour: int | None = None) -> Calculation | None:
    """The last day of a deadline counted from ``start`` ("trong thời hạn mười ngày kể từ
    ngày ký" → start + 10 days; "trong vòng 24 giờ" from 8 giờ → 8 giờ the next day, the
    same hour when none is given). None for a blank value."""
    if within.unit == "giờ" and within.number is not None and not within.unspecified:
        return _hours_later(start, within.number, hour)
    shifted = _shifted(start, within, 1)
    return _date_result(*shifted, "thực hiện") if shifted else None


def _hours_later(start: dt.date, hours: int, hour: int | None) -> Calculation:
    begin = dt.datetime.combine(start, dt.time(hour or 0))
    end = begin + dt.timedelta(hours=hours)
    weekday = _WEEKDAYS[end.weekday()]
    if hour is None:
        line = f"{show_date(start)} + {hours} giờ → đến cùng giờ ngày {show_date(end.date())}"
        result = f"cùng giờ ngày {show_date(end.date())} ({weekday})"
    else:
        line = (
            f"{hour} giờ {show_date(start)} + {hours} giờ = {end.hour} giờ {show_date(end.date())}"
        )
        result = f"{end.hour} giờ {weekday}, {show_date(end.date())}"
    return Calculation(
        kind="date",
        date=end.date(),
        result=result,
        computation=f"{line} → thực hiện chậm nhất {result}",
    )


_WEEKDAYS = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")

_PER_YEAR = {"tuần": 52, "tháng": 12, "quý": 4, "năm": 1}


def occurrences_per(frequency: Quantity, period_unit: str) -> Calculation | None:
    """Times per ``period_unit`` ("năm", "quý", "tháng") for a frequency rule:
    "ba tháng một lần" → 4 lần/năm; "từ 01 đến 02 lần/tháng" → 12–24 lần/năm. Weeks
    count as 52 a year."""
    if frequency.unspecified or frequency.number is None or frequency.period is None:
        return None
    per_target = _PER_YEAR.get(period_unit)
    per_source = _PER_YEAR.get(frequency.period_unit)
    if not per_target or not per_source:
        return None
    # times per year = number × per_source / period; then divide by per_target.
    lo = Fraction(frequency.number * per_source, (frequency.period_max or frequency.period))
    hi = Fraction((frequency.number_max or frequency.number) * per_source, frequency.period)
    lo_t, hi_t = lo / per_target, hi / per_target
    if lo_t.denominator != 1 or hi_t.denominator != 1:
        return None
    span = f"{lo_t}" if lo_t == hi_t else f"{lo_t}–{hi_t}"
    return Calculation(
        kind="rate",
        value=int(lo_t),
        result=f"{span} lần/{period_unit}",
        computation=f"{frequency.label} → {span} lần/{period_unit}",
    )


__all__ = [
    "area_decision",
    "at_least",
    "compare_money",
    "deadline_date",
    "fixed_count",
    "household_decision",
    "is_working_day",
    "latest_send_date",
    "money_decision",
    "more_than",
    "occurrences_per",
    "required_count",
    "shift_working_days",
]
