"""Grading facts in answers: fold both sides and read number words as digits.

The gold facts are written as the source writes them ("hai phần ba", "03 ngày", "quá
nửa"); an answer may say "2/3", "3 ngày" or "trên 1/2". This normaliser is for grading
only: the product's answers never depend on it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ingest.normalize import canonical, fold

# Canonical (lower-case, with diacritics) number words; diacritics keep "tám" apart from
# "tạm" and "bảy" apart from "bay", so numbers are read before folding.
UNITS: dict[str, int] = {
    "một": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "bẩy": 7,
    "tám": 8,
    "chín": 9,
}
# Only after "mươi"/"mười": "hai mươi mốt", "mười lăm", "ba mươi tư".
TAIL_UNITS: dict[str, int] = {**UNITS, "mốt": 1, "lăm": 5, "nhăm": 5, "tư": 4}
_NUMBER_WORDS = sorted({*TAIL_UNITS, "mười", "mươi", "trăm", "linh", "lẻ"}, key=len, reverse=True)
_NUMBER_RUN = re.compile(
    r"(?<![^\W\d_])(?:" + "|".join(_NUMBER_WORDS) + r")(?:\s+(?:" + "|".join(_NUMBER_WORDS) + r"))*"
    r"(?![^\W\d_])"
)
_LEADING_ZERO = re.compile(r"(?<![\d.,/])0+(?=\d)")
_FRACTION = re.compile(r"(\d+)\s*phần\s*(\d+)")
_PERCENT = re.compile(r"\s*phần\s+trăm(?!\w)")
_HALF = re.compile(r"(?<![\w/])(?:1\s+)?nửa(?!\w)")
_MORE_THAN_HALF = re.compile(r"(?<!\w)(?:quá|hơn|trên)\s+1/2(?![\d\w])|(?<!\w)quá bán(?!\w)")
_SPACES = re.compile(r"\s+")

# Folded phrases that say a value is not fixed by the text (template blank or no rule).
NO_RULE_PHRASES: tuple[str, ...] = (
    "khong quy dinh",
    "chua quy dinh",
    "khong co quy dinh",
    "khong neu",
    "chua neu",
    "khong ghi",
    "de trong",
    "bo trong",
    "chua dien",
    "chua xac dinh",
    "khong xac dinh",
    "khong tim thay",
    "khong co so",
    "...",
    "…",
)
BLANK_FACT = "..."
NO_RULE_FACT = "không quy định"


def _words_value(tokens: Sequence[str]) -> int | None:
    """Value of a run of number words, or None when it is no well-formed number."""
    total = 0
    current = 0
    i = 0
    seen_tens = False
    while i < len(tokens):
        word = tokens[i]
        if word == "mười":
            current += 10
            seen_tens = True
        elif word == "mươi":
            current = (current or 1) * 10
            seen_tens = True
        elif word == "trăm":
            total += (current or 1) * 100
            current = 0
            seen_tens = False
        elif word in ("linh", "lẻ"):
            pass
        elif word in UNITS or (seen_tens and word in TAIL_UNITS):
            if current % 10:
                return None  # two units in a row: "hai ba" is no number
            current += TAIL_UNITS[word]
        else:
            return None
        i += 1
    return total + current


def _number_run(match: re.Match[str]) -> str:
    tokens = match.group(0).split()
    value = _words_value(tokens)
    if value is None:
        return " ".join(str(TAIL_UNITS.get(t, t)) if t in UNITS else t for t in tokens)
    return str(value)


def normalize_fact(text: str) -> str:
    """Canonical form for comparing a fact with an answer: digits for number words, no
    leading zeros, "X phần Y" as "X/Y", every "more than half" as "tren 1/2", folded."""
    text = canonical(text).replace("…", "...")
    text = _PERCENT.sub("%", text)
    text = _NUMBER_RUN.sub(_number_run, text)
    text = _LEADING_ZERO.sub("", text)
    text = _FRACTION.sub(r"\1/\2", text)
    text = _HALF.sub("1/2", text)
    text = _MORE_THAN_HALF.sub("trên 1/2", text)
    text = re.sub(r"(\d)\s*/\s*(\d)", r"\1/\2", text)
    return _SPACES.sub(" ", fold(text)).strip()


def _contains(haystack: str, needle: str) -> bool:
    if not needle:
        return True
    pattern = r"(?<![0-9a-z])" + re.escape(needle) + r"(?![0-9a-z])"
    return re.search(pattern, haystack) is not None


def fact_present(fact: str, answer_text: str) -> bool:
    """Whether ``answer_text`` states ``fact`` (after normalisation). A blank ("...") or
    "không quy định" fact is present when the answer says the value is not fixed."""
    haystack = normalize_fact(answer_text)
    if fact.strip() in (BLANK_FACT, "…") or fold(fact) == fold(NO_RULE_FACT):
        return any(p in haystack for p in NO_RULE_PHRASES)
    return _contains(haystack, normalize_fact(fact))


def missing_facts(facts: Sequence[str], answer_text: str) -> list[str]:
    return [f for f in facts if not fact_present(f, answer_text)]


def is_no_rule(facts: Sequence[str]) -> bool:
    """Whether the gold says the text leaves the value open (blank or no rule)."""
    return any(f.strip() in (BLANK_FACT, "…") or fold(f) == fold(NO_RULE_FACT) for f in facts)


__all__ = [
    "NO_RULE_PHRASES",
    "fact_present",
    "is_no_rule",
    "missing_facts",
    "normalize_fact",
]
