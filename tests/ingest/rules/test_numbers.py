from __future__ import annotations

from fractions import Fraction

import pytest

from ingest.rules.amounts import find_area, find_money
from ingest.rules.numbers import (
    parse_decimal,
    parse_fraction,
    parse_share,
    read_number,
)

TY = 1_000_000_000


@pytest.mark.parametrize(
    ("text", "fraction", "comparator"),
    [
        ("hai phần ba", Fraction(2, 3), "="),
        ("một phần ba", Fraction(1, 3), "="),
        ("quá nửa", Fraction(1, 2), ">"),
        ("quá một nửa", Fraction(1, 2), ">"),
        ("hơn một nửa", Fraction(1, 2), ">"),
        ("trên 1/2", Fraction(1, 2), ">"),
        ("ít nhất hai phần ba (2/3)", Fraction(2, 3), ">="),
        ("ít nhất 2/3", Fraction(2, 3), ">="),
        ("từ 1/3 trở lên", Fraction(1, 3), ">="),
        ("quá bán", Fraction(1, 2), ">"),
        ("qua nua", Fraction(1, 2), ">"),
        ("hon mot nua", Fraction(1, 2), ">"),
        ("it nhat hai phan ba", Fraction(2, 3), ">="),
        ("ba phần tư", Fraction(3, 4), "="),
    ],
)
def test_shares(text: str, fraction: Fraction, comparator: str) -> None:
    share = parse_share(text)
    assert share is not None
    assert share.fraction == fraction
    assert share.comparator == comparator


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2/3", Fraction(2, 3)),
        ("hai phần ba (2/3)", Fraction(2, 3)),
        ("một nửa", Fraction(1, 2)),
        ("50%", Fraction(1, 2)),
    ],
)
def test_fractions(text: str, value: Fraction) -> None:
    assert parse_fraction(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("01", 1),
        ("05", 5),
        ("mười lăm", 15),
        ("muoi lam", 15),
        ("hai mươi mốt", 21),
        ("một trăm linh năm", 105),
        ("1.000", 1000),
    ],
)
def test_ints(text: str, value: int) -> None:
    assert read_number(text) == value


@pytest.mark.parametrize(
    ("text", "value", "alternative"),
    [
        ("3 tỷ", 3 * TY, None),
        ("03 tỷ đồng", 3 * TY, None),
        ("3.000 triệu", 3 * TY, None),
        ("3.000.000.000 đồng", 3 * TY, None),
        ("ba tỷ", 3 * TY, None),
        ("ba ty", 3 * TY, None),
        ("3,5 tỷ", 3_500_000_000, None),
        ("3.5 tỷ", 3_500_000_000, None),
        ("2,999 tỷ", 2_999_000_000, None),
        # "." groups thousands (Vietnamese), but "2.999 tỷ" may be typed the English way.
        ("2.999 tỷ", 2_999 * TY, 2_999_000_000),
        ("3 tỷ 500 triệu", 3_500_000_000, None),
        ("ba tỷ rưỡi", 3_500_000_000, None),
        ("500 triệu đồng", 500_000_000, None),
        ("dự án 3 ty thi ai quyet dinh", 3 * TY, None),
    ],
)
def test_money(text: str, value: int, alternative: int | None) -> None:
    money = find_money(text)[0]
    assert money.value == value
    assert money.alternative == alternative


@pytest.mark.parametrize("text", ["họp 3 lần", "Điều 5", "ba tháng"])
def test_not_money(text: str) -> None:
    assert find_money(text) == []


def test_decimal_conventions() -> None:
    assert parse_decimal("3,000,000").value == 3_000_000
    assert parse_decimal("3.000,5").value == Fraction(6001, 2)
    assert parse_decimal("3.000").alternative is None
    assert parse_decimal("1.500").alternative == Fraction(3, 2)


@pytest.mark.parametrize(
    ("text", "square_metres"),
    [
        ("từ 10 ha trở lên", 100_000),
        ("0,5 héc-ta", 5_000),
        ("2 hecta", 20_000),
        ("500 m²", 500),
        ("1.200 m2", 1_200),
        ("3ha", 30_000),
    ],
)
def test_areas(text: str, square_metres: int) -> None:
    assert [a.value for a in find_area(text)] == [square_metres]


@pytest.mark.parametrize("text", ["Hà Nội", "ngày 10 hằng tháng", "chương 2 hạ tầng"])
def test_not_areas(text: str) -> None:
    assert find_area(text) == []
