"""Vietnamese numbers, decimals and shares → exact ints and Fractions (amounts of money
and areas are read by :mod:`ingest.rules.amounts` with these).

Everything works on folded text (``ingest.normalize.fold``), so "hai phần ba" and
"hai phan ba" read the same.

Separator convention (Vietnamese, as in official texts): "." groups thousands and "," is
the decimal mark: "3.000.000.000 đồng" = 3 000 000 000, "3,5 tỷ" = 3.5 × 10⁹,
"2,999 tỷ" = 2.999 × 10⁹. A single "." followed by exactly three digits ("2.999 tỷ",
"1.500 tỷ") is read the Vietnamese way (2 999 tỷ, 1 500 tỷ) but is *ambiguous*: people
typing the English way mean 2.999 tỷ. :class:`Decimal` then carries the other reading in
``alternative`` so the answer can say which reading it used; "3.000 triệu" (zeros after
the dot) is not ambiguous, nobody writes 3.000 for 3. A "." followed by one, two or four
or more digits ("3.5 tỷ") can only be a decimal point. Several commas in groups of three
("3,000,000") are English thousands separators.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from ingest.rules.text import fold_query

# --- number words ----------------------------------------------------------------------

_DIGIT_WORDS = {
    "mot": 1,
    "hai": 2,
    "ba": 3,
    "bon": 4,
    "nam": 5,
    "sau": 6,
    "bay": 7,
    "tam": 8,
    "chin": 9,
}
# Only after "mươi"/"phần": "hai mươi tư", "ba phần tư", "mười lăm", "hai mươi mốt".
_AFTER_TENS = {"tu": 4, "lam": 5, "mot": 1, "nham": 5}
SCALES = {"nghin": 1_000, "ngan": 1_000, "trieu": 1_000_000, "ty": 10**9, "ti": 10**9}
NUMBER_WORD = (
    r"(?:mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi|tram|linh|le|nghin|ngan|trieu|ty|ti|ruoi)"
)
NUMBER_WORDS = rf"(?:{NUMBER_WORD}(?:\s+{NUMBER_WORD})*)"


def words_to_int(tokens: list[str]) -> tuple[int, int] | None:
    """Read the longest valid number at the start of ``tokens`` (folded syllables).

    Returns (value, tokens used) or None: ["muoi", "lam", "ngay"] → (15, 2);
    ["ba", "ty", "ruoi"] → (3_500_000_000, 3); ["ba", "nam"] → (3, 1) ("ba năm" is three
    years, not 3 + 5)."""
    total = 0  # finished groups at tỷ scale
    section = 0  # finished groups below tỷ
    hundreds = tens = units = 0
    has_group = False
    state = "start"  # start, unit, hundreds, tens, linh, scale
    used = 0
    last_scale = 0
    for i, tok in enumerate(tokens):
        if tok in _DIGIT_WORDS and state in ("start", "hundreds", "scale"):
            units = _DIGIT_WORDS[tok]
            state = "unit"
        elif tok in _AFTER_TENS and state == "tens":
            units = _AFTER_TENS[tok]
            state = "done_tens"
        elif tok in _DIGIT_WORDS and state in ("tens", "linh"):
            units = _DIGIT_WORDS[tok]
            state = "done_tens"
        elif tok == "muoi" and state in ("start", "hundreds", "scale", "unit"):
            tens = units if state == "unit" else 1
            units = 0
            state = "tens"
        elif tok == "tram" and state == "unit":
            hundreds, units = units, 0
            state = "hundreds"
        elif tok in ("linh", "le") and state == "hundreds":
            state = "linh"
        elif tok in SCALES and state in ("unit", "tens", "done_tens", "hundreds"):
            group = hundreds * 100 + tens * 10 + units
            scale = SCALES[tok]
            if scale == 10**9:
                total = (total + section + group) * scale
                section = 0
            else:
                section += group * scale
            hundreds = tens = units = 0
            last_scale = scale
            state = "scale"
        elif tok == "ruoi" and state == "scale":
            section += last_scale // 2
            state = "ruoi"
        else:
            break
        has_group = True
        used = i + 1
        if state == "ruoi":
            break
    if not has_group or state == "linh":
        return None
    return total + section + hundreds * 100 + tens * 10 + units, used


# --- decimals --------------------------------------------------------------------------

DECIMAL = r"\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"


@dataclass(frozen=True)
class Decimal:
    value: Fraction
    alternative: Fraction | None = None  # the other reading of "2.999"


def parse_decimal(text: str) -> Decimal:
    """Digits with Vietnamese separators → exact value (see the module docstring)."""
    s = text.strip()
    if "," in s and "." in s:
        decimal_mark = "," if s.rfind(",") > s.rfind(".") else "."
        thousands = "." if decimal_mark == "," else ","
        return Decimal(_exact(s.replace(thousands, ""), decimal_mark))
    if "," in s:
        if re.fullmatch(r"\d{1,3}(?:,\d{3}){2,}", s):
            return Decimal(Fraction(int(s.replace(",", ""))))
        return Decimal(_exact(s, ","))
    if "." in s:
        if re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}", s):
            return Decimal(Fraction(int(s.replace(".", ""))))
        if re.fullmatch(r"\d{1,3}\.\d{3}", s):
            grouped = Fraction(int(s.replace(".", "")))
            tail = s.split(".")[1]
            alternative = None if set(tail) == {"0"} else _exact(s, ".")
            return Decimal(grouped, alternative)
        return Decimal(_exact(s, "."))
    return Decimal(Fraction(int(s)))


def _exact(s: str, mark: str) -> Fraction:
    whole, _, frac = s.partition(mark)
    if not frac:
        return Fraction(int(whole or "0"))
    return Fraction(int(whole or "0")) + Fraction(int(frac), 10 ** len(frac))


# --- fractions and shares --------------------------------------------------------------

_FRACTION_DIGITS = r"\d+\s*/\s*\d+"
FRACTION = (
    rf"(?:{_FRACTION_DIGITS}"
    rf"|{NUMBER_WORDS}\s+phan\s+(?:{NUMBER_WORDS}|tu)(?:\s*\(\s*{_FRACTION_DIGITS}\s*\))?"
    rf"|(?:mot\s+)?nua|\d+(?:,\d+)?\s*(?:%|phan tram))"
)

GE_WORDS = ("it nhat", "toi thieu", "khong it hon", "tu")
GT_WORDS = ("tren", "hon", "qua", "nhieu hon", "vuot qua")
LT_WORDS = ("duoi", "it hon", "chua den")
LE_WORDS = ("khong qua", "toi da", "khong vuot qua", "den")
COMPARATOR_WORD = r"(?:khong it hon|khong vuot qua|it nhat|toi thieu|khong qua|toi da|nhieu hon|it hon|tren|hon|qua|duoi|tu)"


def comparator_of(word: str | None, after: str = "") -> str:
    """ ">=" for "ít nhất"/"từ … trở lên", ">" for "trên/hơn/quá", "<", "<=" likewise."""
    w = re.sub(r"\s+", " ", (word or "").strip())
    if "tro len" in after:
        return ">="
    if "tro xuong" in after:
        return "<="
    if w in GE_WORDS:
        return ">="
    if w in GT_WORDS:
        return ">"
    if w in LT_WORDS:
        return "<"
    if w in LE_WORDS:
        return "<="
    return "="


def parse_fraction(text: str) -> Fraction | None:
    """ "2/3", "hai phần ba", "hai phần ba (2/3)", "một nửa", "50%" → Fraction."""
    folded = fold_query(text)
    digits = re.search(r"(\d+)\s*/\s*(\d+)", folded)
    if digits and int(digits.group(2)):
        return Fraction(int(digits.group(1)), int(digits.group(2)))
    words = re.fullmatch(rf"({NUMBER_WORDS})\s+phan\s+({NUMBER_WORDS}|tu)", folded)
    if words:
        num = words_to_int(words.group(1).split())
        den_tokens = words.group(2).split()
        den = (4, 1) if den_tokens == ["tu"] else words_to_int(den_tokens)
        if num and den and num[1] == len(words.group(1).split()) and den[0]:
            return Fraction(num[0], den[0])
    if re.fullmatch(r"(?:mot\s+)?nua", folded):
        return Fraction(1, 2)
    percent = re.fullmatch(r"(\d+(?:,\d+)?)\s*(?:%|phan tram)", folded)
    if percent:
        return parse_decimal(percent.group(1)).value / 100
    return None


@dataclass(frozen=True)
class Share:
    fraction: Fraction
    comparator: str
    text: str


SHARE = re.compile(
    rf"(?:(?P<cmp>{COMPARATOR_WORD})\s+(?:(?:la|mot)\s+)?)?(?P<frac>{FRACTION})(?![\w/])"
    r"|(?P<ban>qua ban|da so qua ban)"
)


def parse_share(text: str) -> Share | None:
    """ "quá nửa", "hơn một nửa", "trên 1/2", "ít nhất hai phần ba (2/3)",
    "từ 1/3 trở lên", "quá bán" → Share(fraction, comparator)."""
    folded = fold_query(text)
    match = SHARE.search(folded)
    if not match:
        return None
    if match.group("ban"):
        return Share(Fraction(1, 2), ">", text)
    frac_text = match.group("frac")
    if re.fullmatch(r"(?:mot\s+)?nua", frac_text) and not match.group("cmp"):
        # "một nửa" alone is half; "quá nửa" carries its own comparator below.
        before = folded[: match.start()].split()[-1:] or [""]
        cmp = comparator_of(before[0])
    else:
        cmp = comparator_of(match.group("cmp"), folded[match.end() : match.end() + 60])
    fraction = parse_fraction(frac_text)
    if fraction is None:
        return None
    return Share(fraction, cmp, text)


# --- durations -------------------------------------------------------------------------

TIME_UNIT = r"(?:ngay lam viec|ngay|tuan|thang|quy|nam|buoi|gio|phut)"
_UNIT_LABEL = {
    "ngay lam viec": "ngày làm việc",
    "ngay": "ngày",
    "tuan": "tuần",
    "thang": "tháng",
    "quy": "quý",
    "nam": "năm",
    "buoi": "buổi",
    "gio": "giờ",
    "phut": "phút",
    "lan": "lần",
}


def unit_label(folded_unit: str) -> str:
    return _UNIT_LABEL.get(re.sub(r"\s+", " ", folded_unit.strip()), folded_unit)


# For patterns over running text: a word number must start with a digit word or "mười"
# ("lệ ba tháng" is not the number "lệ ba").
STRICT_NUMBER = rf"(?:\d+|(?:mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi)(?:\s+{NUMBER_WORD})*)"
BLANK = r"(?:(?:\.\s?){2,}|…+\.*)"


def read_number(text: str) -> int | None:
    """Digits ("05") or words ("mười lăm") → int; None for anything else."""
    folded = fold_query(text)
    if re.fullmatch(r"\d+", folded):
        return int(folded)
    if re.fullmatch(DECIMAL, folded):
        value = parse_decimal(folded).value
        return int(value) if value.denominator == 1 else None
    read = words_to_int(folded.split())
    if read and read[1] == len(folded.split()):
        return read[0]
    return None


__all__ = [
    "Decimal",
    "Share",
    "comparator_of",
    "parse_decimal",
    "parse_fraction",
    "parse_share",
    "read_number",
    "words_to_int",
]
