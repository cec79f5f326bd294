"""Amounts of money and land areas in Vietnamese text → exact đồng and m².

Numbers are read by :mod:`ingest.rules.numbers` (its separator convention: "." groups
thousands, "," is the decimal mark, "2.999 tỷ" is ambiguous and carries its other
reading). Money needs a scale word or "đồng": "3 tỷ", "3.000.000.000 đồng", "ba tỷ rưỡi".
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from fractions import Fraction

from ingest.normalize import nfc
from ingest.rules.numbers import DECIMAL, NUMBER_WORDS, SCALES, parse_decimal, words_to_int
from ingest.rules.text import fold_aligned, fold_query

# --- money -----------------------------------------------------------------------------

MONEY_SCALE = r"(?:ty|ti|trieu|nghin|ngan)"
MONEY = re.compile(
    rf"(?P<amount>(?:(?:{DECIMAL})\s*{MONEY_SCALE}(?:\s+(?:{DECIMAL})\s*{MONEY_SCALE})*"
    rf"(?:\s+ruoi)?(?:\s*(?:dong|vnd|d)(?![a-z]))?)"
    rf"|(?:{DECIMAL})\s*(?:dong|vnd|d)(?![a-z])"
    rf"|{NUMBER_WORDS}\s*(?:dong)?)"
)


@dataclass(frozen=True)
class Money:
    value: int  # đồng
    alternative: int | None  # the other reading of an ambiguous "2.999 tỷ"
    text: str


def find_money(text: str) -> list[Money]:
    """Every amount of money in ``text`` (folded internally), in reading order: "3 tỷ",
    "03 tỷ đồng", "3.000 triệu", "3.000.000.000 đồng", "ba tỷ", "3,5 tỷ", "3 tỷ 500
    triệu" → đồng; a number is money only when a scale word or "đồng" says so."""
    folded = fold_query(text)
    out: list[Money] = []
    for match in MONEY.finditer(folded):
        amount = match.group("amount")
        read = _read_money(amount)
        if read:
            out.append(Money(read[0], read[1], amount))
    return out


def _read_money(amount: str) -> tuple[int, int | None] | None:
    if not re.search(r"\d", amount):
        tokens = amount.replace("dong", "").split()
        if not tokens or not any(t in SCALES for t in tokens):
            return None
        read = words_to_int(tokens)
        if not read or read[1] != len(tokens):
            return None
        return read[0], None
    if not re.search(MONEY_SCALE + r"|dong|vnd|\bd\b", amount):
        return None
    value = Fraction(0)
    alternative: Fraction | None = Fraction(0)
    ambiguous = False
    pairs = re.findall(rf"({DECIMAL})\s*({MONEY_SCALE})?", amount)
    last_scale = 1
    for number, scale_word in pairs:
        scale = SCALES.get(scale_word, 1)
        dec = parse_decimal(number)
        value += dec.value * scale
        if dec.alternative is not None:
            ambiguous = True
            alternative = (alternative or Fraction(0)) + dec.alternative * scale
        else:
            alternative = (alternative or Fraction(0)) + dec.value * scale
        last_scale = scale
    if re.search(r"\bruoi\b", amount):
        value += Fraction(last_scale, 2)
        alternative = (alternative or Fraction(0)) + Fraction(last_scale, 2)
    alt = math.floor(alternative) if ambiguous and alternative is not None else None
    return math.floor(value), alt


# --- areas -------------------------------------------------------------------------------

_AREA_UNITS = {"ha": 10_000, "hecta": 10_000, "hec ta": 10_000}  # "hec-ta" read as "hec ta"
AREA_UNIT = r"(?:hec[- ]?ta|ha|m2|m²|met vuong|km2|km²)"
AREA = re.compile(rf"(?<![\d.,])(?P<n>{DECIMAL})\s*(?P<u>{AREA_UNIT})(?![a-z0-9])")


@dataclass(frozen=True)
class Area:
    value: int  # m²
    text: str


def area_in_square_metres(number: str, unit: str) -> int:
    """ "10" "ha" → 100000; "0,5" "ha" → 5000; "500" "m2" → 500 (exact, floored)."""
    scale = _AREA_UNITS.get(unit.replace("-", " ").strip(), 0)
    if not scale:
        scale = 1_000_000 if unit.startswith("km") else 1
    return math.floor(parse_decimal(number).value * scale)


def find_area(text: str) -> list[Area]:
    """Every area ("10 ha", "0,5 héc-ta", "500 m²") in ``text``, in reading order; "2 hạ
    tầng" is not one (the diacritics tell, when the text has them)."""
    text = nfc(text)
    folded = fold_aligned(text)
    found: list[Area] = []
    for m in AREA.finditer(folded):
        written = text[m.start("u") : m.end("u")].lower()
        if written.startswith("h") and written not in _HECTARE_SPELLINGS:
            continue
        found.append(Area(area_in_square_metres(m.group("n"), m.group("u")), m.group(0)))
    return found


_HECTARE_SPELLINGS = frozenset({"ha", "hecta", "hec-ta", "hec ta", "héc-ta", "héc ta", "hécta"})


__all__ = [
    "AREA",
    "AREA_UNIT",
    "MONEY_SCALE",
    "Area",
    "Money",
    "area_in_square_metres",
    "find_area",
    "find_money",
]
