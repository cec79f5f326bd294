from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from assistant.rules.calc import (
    add_months,
    area_decision,
    at_least,
    compare_money,
    deadline_date,
    latest_send_date,
    money_decision,
    more_than,
    occurrences_per,
    required_count,
    shift_working_days,
    show_date,
)
from assistant.rules.models import Quantity, format_area

TY = 1_000_000_000


@pytest.mark.parametrize(
    ("fraction", "n", "need"),
    [
        (Fraction(2, 3), 48, 32),
        (Fraction(2, 3), 31, 21),
        (Fraction(1, 3), 15, 5),
        (Fraction(2, 3), 15, 10),
    ],
)
def test_at_least(fraction: Fraction, n: int, need: int) -> None:
    assert at_least(fraction, n).value == need


def test_at_least_line() -> None:
    assert at_least(Fraction(2, 3), 48).computation == "2/3 × 48 = 32 → cần ít nhất 32 người"


@pytest.mark.parametrize(("n", "need"), [(31, 16), (30, 16), (15, 8), (1, 1)])
def test_more_than_half(n: int, need: int) -> None:
    assert more_than(Fraction(1, 2), n).value == need
    assert required_count(Fraction(1, 2), ">", n).value == need


@pytest.mark.parametrize(
    ("amount", "comparator", "met"),
    [
        (3 * TY, ">=", True),
        (2_999_000_000, ">=", False),
        (3_500_000_000, ">=", True),
        (3 * TY, ">", False),
        (3 * TY, "<", False),
        (2_999_000_000, "<", True),
        (3 * TY, "<=", True),
    ],
)
def test_money_boundaries(amount: int, comparator: str, met: bool) -> None:
    assert compare_money(amount, comparator, 3 * TY) is met


def test_money_decision_sides() -> None:
    at = money_decision(3 * TY, ">=", 3 * TY, "Ban Thường vụ", "Thường trực")
    below = money_decision(2_999_000_000, ">=", 3 * TY, "Ban Thường vụ", "Thường trực")
    assert at.result == "Ban Thường vụ" and at.met
    assert below.result == "Thường trực" and not below.met
    assert "3.000.000.000 đồng" in at.computation


def test_working_days_skip_weekends() -> None:
    thursday = dt.date(2025, 3, 20)
    assert shift_working_days(thursday, -5) == dt.date(2025, 3, 13)
    monday = dt.date(2025, 3, 24)
    assert shift_working_days(monday, -1) == dt.date(2025, 3, 21)


@pytest.mark.parametrize(
    ("unit", "expected"),
    [("ngày làm việc", dt.date(2025, 3, 13)), ("ngày", dt.date(2025, 3, 15))],
)
def test_latest_send_date(unit: str, expected: dt.date) -> None:
    calc = latest_send_date(dt.date(2025, 3, 20), Quantity(text="05", number=5, unit=unit))
    assert calc is not None and calc.date == expected


def test_latest_send_date_blank() -> None:
    assert (
        latest_send_date(dt.date(2025, 3, 20), Quantity(text="...", unit="ngày", unspecified=True))
        is None
    )


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        ("ngày làm việc", dt.date(2025, 3, 27)),
        ("ngày", dt.date(2025, 3, 25)),
        ("tháng", dt.date(2025, 8, 20)),
    ],
)
def test_a_deadline_counts_forward_from_its_start(unit: str, expected: dt.date) -> None:
    """ "trong thời hạn 05 ngày kể từ ngày ký": the last day is after the start."""
    calc = deadline_date(dt.date(2025, 3, 20), Quantity(text="05", number=5, unit=unit))
    assert calc is not None and calc.date == expected


def test_occurrences_per_year() -> None:
    quarterly = Quantity(
        text="ba tháng một lần", number=1, unit="lần", period=3, period_unit="tháng"
    )
    calc = occurrences_per(quarterly, "năm")
    assert calc is not None and calc.value == 4
    monthly = Quantity(
        text="từ 01 đến 02 lần/tháng",
        number=1,
        number_max=2,
        unit="lần",
        period=1,
        period_unit="tháng",
    )
    calc = occurrences_per(monthly, "năm")
    assert calc is not None and calc.result == "12–24 lần/năm"


def test_area_decision_in_hectares() -> None:
    met = area_decision(150_000, ">=", 100_000, "Ban Thường vụ", "")
    assert (met.met, met.result) == (True, "Ban Thường vụ")
    assert met.computation == "15 ha ≥ 10 ha → Ban Thường vụ"
    short = area_decision(99_999, ">=", 100_000, "Ban Thường vụ", "")
    assert short.met is False and "không nêu cơ quan" in short.computation


@pytest.mark.parametrize(
    ("square_metres", "label"),
    [(100_000, "10 ha"), (25_000, "2,5 ha"), (5_000, "5.000 m²"), (12_345_600, "1.234,56 ha")],
)
def test_area_label(square_metres: int, label: str) -> None:
    assert format_area(square_metres) == label
    assert Quantity(text="", number=square_metres, unit="m²").label == label


def test_calendar_day_label() -> None:
    monthly = Quantity(text="trước ngày 20 hằng tháng", calendar=True, day=20, period_unit="tháng")
    assert monthly.label == "ngày 20 hằng tháng"
    yearly = Quantity(text="", calendar=True, day=5, month=1, period_unit="năm")
    assert yearly.label == "ngày 05/01 hằng năm"
    blank = Quantity(text="", calendar=True, period_unit="tháng", unspecified=True)
    assert blank.label == "ngày … hằng tháng"


def test_a_deadline_in_months_keeps_the_day_or_ends_the_month() -> None:
    """ "trong thời hạn một tháng": the same day a month on, the month's last day when
    it has none."""
    one = Quantity(text="một tháng", number=1, unit="tháng")
    calc = deadline_date(dt.date(2027, 1, 31), one)
    assert calc is not None and calc.date == dt.date(2027, 2, 28)
    assert add_months(dt.date(2027, 11, 15), 3) == dt.date(2028, 2, 15)
    assert add_months(dt.date(2027, 3, 31), -1) == dt.date(2027, 2, 28)


def test_dates_are_written_as_people_write_them() -> None:
    """ "13/8/2026", not "13/08/2026": the form the question itself uses."""
    calc = deadline_date(dt.date(2027, 8, 3), Quantity(text="10", number=10, unit="ngày"))
    assert calc is not None and "13/8/2027" in calc.computation and "13/8/2027" in calc.result
    assert show_date(dt.date(2027, 1, 5)) == "5/1/2027"


def test_a_deadline_in_hours_runs_from_the_hour_given() -> None:
    """ "trong vòng 12 giờ" from 21 giờ 30/6: 9 giờ on 1/7; with no hour, the same hour."""
    twelve = Quantity(text="12 giờ", number=12, unit="giờ")
    calc = deadline_date(dt.date(2027, 6, 30), twelve, 21)
    assert calc is not None and calc.date == dt.date(2027, 7, 1)
    assert calc.result.startswith("9 giờ") and "1/7/2027" in calc.result
    same = deadline_date(dt.date(2027, 6, 30), twelve)
    assert same is not None and "cùng giờ" in same.result


def test_a_day_of_the_month_off_a_day_off() -> None:
    from assistant.rules.calc import day_of_the_month

    monthly = Quantity(
        text="vào ngày 20 hằng tháng", calendar=True, day=20, period_unit="tháng", day_off_shift=1
    )
    # as the question supposes: the 20th a Sunday (whatever the calendar says)
    moved = day_of_the_month(dt.date(2031, 5, 20), 6, monthly, month_known=False)
    assert moved is not None and moved.result == "thứ Hai, ngày 21"
    # by the calendar: 20/6/2026 is a Saturday, so Monday 22/6
    moved = day_of_the_month(dt.date(2026, 6, 20), None, monthly, month_known=True)
    assert moved is not None and moved.date == dt.date(2026, 6, 22)
    before = monthly.model_copy(update={"day_off_shift": -1})
    moved = day_of_the_month(dt.date(2026, 6, 20), None, before, month_known=True)
    assert moved is not None and moved.date == dt.date(2026, 6, 19)
    # another day, or a rule silent about days off: nothing computed
    assert day_of_the_month(dt.date(2026, 6, 21), None, monthly, month_known=True) is None
    silent = monthly.model_copy(update={"day_off_shift": 0})
    assert day_of_the_month(dt.date(2026, 6, 20), None, silent, month_known=True) is None


def test_latest_day_for_a_day_given_without_its_month() -> None:
    # "tổ họp ngày 12 hằng tháng": a day of the month, no weekday the question never fixed;
    # an act other than sending is only "done" by then
    lead = Quantity(text="02 ngày", number=2, unit="ngày")
    calc = latest_send_date(dt.date(2025, 3, 12), lead, month_known=False, verb="")
    assert calc is not None and calc.result == "ngày 10"
    assert "gửi" not in calc.computation and "thứ" not in calc.computation
    early = latest_send_date(dt.date(2025, 3, 1), lead, month_known=False)
    assert early is not None and early.result == "ngày 27 của tháng trước"
