"""Is a reworded answer still faithful to its sources? The gate for the LLM phrasing layer.

A language model may reword, never add: every number, share, amount of money, duration,
article/clause/point reference and «quoted» span in its text must already be in the
deterministic answer or in the cited quotes. The test is deliberately one-sided: the
sources are read permissively (every reading of every number), the model's text
strictly, so doubt always falls back to the deterministic answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from fractions import Fraction

from assistant.models import Answer
from ingest.normalize import canonical, has_diacritics
from ingest.rules.amounts import find_money
from ingest.rules.numbers import (
    SHARE,
    parse_decimal,
    parse_fraction,
    parse_share,
    read_number,
    words_to_int,
)
from ingest.rules.text import fold_query

MIN_CHARS = 10

# Number words as written (canonical lower case, with diacritics) → folded syllable.
_NUMERALS = {
    "một": "mot",
    "mốt": "mot",
    "hai": "hai",
    "ba": "ba",
    "bốn": "bon",
    "tư": "tu",
    "năm": "nam",
    "lăm": "lam",
    "nhăm": "nham",
    "sáu": "sau",
    "bảy": "bay",
    "bẩy": "bay",
    "tám": "tam",
    "chín": "chin",
    "mười": "muoi",
    "mươi": "muoi",
    "trăm": "tram",
    "linh": "linh",
    "lẻ": "le",
    "nghìn": "nghin",
    "ngàn": "ngan",
    "triệu": "trieu",
    "tỷ": "ty",
    "tỉ": "ti",
    "rưỡi": "ruoi",
}
# Alone, these are usually not numbers in running text ("một số", "hằng năm", "tư cách").
_WEAK_ALONE = frozenset(
    {"một", "mốt", "năm", "tư", "lăm", "nhăm", "linh", "lẻ", "mươi", "trăm", "rưỡi"}
    | {"nghìn", "ngàn", "triệu", "tỷ", "tỉ"}
)
# ... unless a counting noun follows: "năm ngày", "năm người".
_COUNTED = re.compile(
    r"\s+(?:người|ngày|tháng|tuần|lần|ủy viên|uỷ viên|thành viên|đồng chí|đại biểu|phiếu|"
    r"văn bản|bản|đồng|phần|buổi|giờ|phút)\b"
)

_DATE = re.compile(r"(?<![\d/])(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{2,4})(?![\d/])")
_PERCENT = re.compile(r"(\d+(?:,\d+)?)\s*(?:%|phần trăm)")
_FRACTION = re.compile(r"(?<![\d/])(\d+)\s*/\s*(\d+)(?![\d/])")
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_WORD = re.compile(r"[^\W\d_]+")
_NUMBER_WORD = "|".join(sorted(_NUMERALS, key=len, reverse=True))
# On text with diacritics: folded, "Điều 25 Quy chế" would read as "25 quý".
_DURATION = re.compile(
    rf"(?<![\w/])(\d+|(?:{_NUMBER_WORD})(?:\s+(?:{_NUMBER_WORD}))*)\s+"
    r"(ngày làm việc|ngày|tuần|tháng|quý|năm|buổi|giờ|phút)(?!\w)"
)

_LIST = r"\d+(?:\s*(?:,|và|đến|-|–)\s*\d+)*"
_ARTICLE = re.compile(rf"\bđiều\s+({_LIST})")
_CLAUSE = re.compile(rf"\bkhoản\s+({_LIST})")
_CLAUSE_OF = re.compile(r"\bkhoản\s+(\d+)\s*(?:,\s*)?(?:của\s+)?điều\s+(\d+)")
_POINT = re.compile(r"\bđiểm\s+([a-zđ])\b")
_QUOTED = re.compile(r"«([^»]{1,2000})»|“([^”]{1,2000})”")

Number = tuple[str, Fraction]


def check_rephrase(text: str, answer: Answer) -> list[str]:
    """Why ``text`` may not replace ``answer.answer``; empty when it is faithful."""
    problems: list[str] = []
    stripped = text.strip()
    if len(stripped) < MIN_CHARS:
        return ["empty or too short"]
    limit = max(600, 2 * len(answer.answer))
    if len(stripped) > limit:
        problems.append(f"too long ({len(stripped)} > {limit} characters)")
    if has_diacritics(answer.answer) and not has_diacritics(stripped):
        problems.append("not Vietnamese")
    sources = _source_text(answer)
    out, src = canonical(stripped), canonical(sources)
    # "ba tỷ" is one number in words; its source may say "3 tỷ" (the amount is checked too).
    amounts = {("num", Fraction(value)) for value in _money(src, strict=False)}
    allowed = _numbers(src, strict=False) | amounts
    problems += _missing("number", _numbers(out, strict=True), allowed)
    problems += _missing("share", _shares(out, strict=True), _shares(src, strict=False))
    problems += _missing("amount", _money(out, strict=True), _money(src, strict=False))
    problems += _missing("duration", _durations(out), _durations(src))
    problems += _references(out, answer, src)
    problems += _quotes(stripped, answer)
    return problems


def _source_text(answer: Answer) -> str:
    parts = [answer.answer]
    for c in answer.citations:
        parts += [c.quote, c.cite_as, c.document_title]
    if answer.numeric is not None:
        n = answer.numeric
        parts += [n.value, n.basis, n.result, n.computation]
    return "\n".join(parts)


def _missing(label: str, found: Iterable[object], allowed: AbstractSet[object]) -> list[str]:
    return [f"{label} not in the sources: {item}" for item in found if item not in allowed]


# --- numbers -------------------------------------------------------------------------


def _numbers(text: str, *, strict: bool) -> set[object]:
    """Every number in ``text`` (canonical) as ("num"|"frac"|"date", value)."""
    found: set[object] = set()

    def blank(match: re.Match[str]) -> str:
        return " " * (match.end() - match.start())

    for m in _DATE.finditer(text):
        found.add(("date", tuple(int(g) for g in m.groups())))
    text = _DATE.sub(blank, text)
    for m in _PERCENT.finditer(text):
        found.add(("frac", parse_decimal(m.group(1)).value / 100))
    text = _PERCENT.sub(blank, text)
    for m in _FRACTION.finditer(text):
        if int(m.group(2)):
            found.add(("frac", Fraction(int(m.group(1)), int(m.group(2)))))
    text = _FRACTION.sub(blank, text)
    for m in _DIGITS.finditer(text):
        dec = parse_decimal(m.group(0))
        found.add(("num", dec.value))
        if not strict and dec.alternative is not None:
            found.add(("num", dec.alternative))
    found |= _word_numbers(text, strict=strict)
    return found


def _word_numbers(text: str, *, strict: bool) -> set[object]:
    tokens = list(_WORD.finditer(text))
    found: set[object] = set()
    i = 0
    while i < len(tokens):
        run = _run(text, tokens, i)
        if not run:
            if tokens[i].group(0) == "nửa":
                found.add(("frac", Fraction(1, 2)))
            i += 1
            continue
        after = i + len(run)
        # "hai phần ba", "một phần tư", "năm mươi phần trăm"
        if (
            after < len(tokens)
            and tokens[after].group(0) == "phần"
            and _adjacent(text, tokens, after)
        ):
            den = _run(text, tokens, after + 1) if _adjacent(text, tokens, after + 1) else []
            nxt = tokens[after + 1].group(0) if after + 1 < len(tokens) else ""
            num = words_to_int(run)
            if num and nxt == "trăm":
                found.add(("frac", Fraction(num[0], 100)))
                i = after + 2
                continue
            if num and den:
                value = parse_fraction(" ".join(run) + " phan " + " ".join(den))
                if value is not None:
                    found.add(("frac", value))
                    i = after + 1 + len(den)
                    continue
        j = 0
        while j < len(run):
            read = words_to_int(run[j:])
            if read is None:
                j += 1
                continue
            first = tokens[i + j]
            weak = read[1] == 1 and first.group(0) in _WEAK_ALONE
            if strict and weak and not _COUNTED.match(text, first.end()):
                j += 1  # "một năm": "năm" is a year here, not five
                continue
            found.add(("num", Fraction(read[0])))
            if not strict:  # every single word too: "hai mươi" also allows "hai"
                found.update(
                    ("num", Fraction(v[0]))
                    for t in run[j : j + read[1]]
                    if (v := words_to_int([t]))
                )
            j += read[1]
        i = after
    return found


def _run(text: str, tokens: list[re.Match[str]], start: int) -> list[str]:
    """Folded number words from ``tokens[start]`` on, separated by spaces only."""
    run: list[str] = []
    k = start
    while k < len(tokens) and tokens[k].group(0) in _NUMERALS:
        if k > start and not _adjacent(text, tokens, k):
            break
        run.append(_NUMERALS[tokens[k].group(0)])
        k += 1
    return run


def _adjacent(text: str, tokens: list[re.Match[str]], k: int) -> bool:
    return 0 < k < len(tokens) and not text[tokens[k - 1].end() : tokens[k].start()].strip()


def _shares(text: str, *, strict: bool) -> set[object]:
    """Shares with their comparator: "trên 1/2" and "quá nửa" both read (">", 1/2).

    A share written without a comparator ("2/3") is left to the number check."""
    found: set[object] = set()
    for m in SHARE.finditer(fold_query(text)):
        share = parse_share(m.group(0))
        if share is not None and (share.comparator != "=" or not strict):
            found.add((share.comparator, share.fraction))
    return found


def _money(text: str, *, strict: bool) -> set[int]:
    found: set[int] = set()
    for money in find_money(text):
        found.add(money.value)
        if not strict and money.alternative is not None:
            found.add(money.alternative)
    return found


def _durations(text: str) -> set[object]:
    found: set[object] = set()
    for m in _DURATION.finditer(text):
        number = read_number(m.group(1))
        if number is not None:
            found.add((number, m.group(2)))
    return found


# --- references and quotes -------------------------------------------------------------


def _references(text: str, answer: Answer, sources: str) -> list[str]:
    """Every Điều/khoản/điểm named must be cited, or named as such in the sources (a quote
    may itself refer to "khoản 2 Điều 8")."""
    mine, theirs = _mentions(text), _mentions(sources)
    articles = {c.article for c in answer.citations} | theirs.articles
    clauses = {c.clause for c in answer.citations if c.clause is not None} | theirs.clauses
    pairs = {(c.article, c.clause) for c in answer.citations} | theirs.pairs
    points = {c.point for c in answer.citations if c.point} | theirs.points
    return (
        [f"Điều {n} is not cited" for n in sorted(mine.articles - articles)]
        + [f"khoản {n} is not cited" for n in sorted(mine.clauses - clauses)]
        + [f"khoản {k} Điều {a} is not cited" for a, k in sorted(mine.pairs - pairs)]
        + [f"điểm {p} is not cited" for p in sorted(mine.points - points)]
    )


@dataclass(frozen=True)
class _Mentions:
    articles: set[int]
    clauses: set[int]
    pairs: set[tuple[int, int | None]]
    points: set[str]


def _mentions(text: str) -> _Mentions:
    return _Mentions(
        articles={n for m in _ARTICLE.finditer(text) for n in _list(m.group(1))},
        clauses={n for m in _CLAUSE.finditer(text) for n in _list(m.group(1))},
        pairs={(int(m.group(2)), int(m.group(1))) for m in _CLAUSE_OF.finditer(text)},
        points={m.group(1) for m in _POINT.finditer(text)},
    )


def _list(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"\d+", text)]


def _quotes(text: str, answer: Answer) -> list[str]:
    """A «quoted» span claims to be verbatim: it must be, up to case and spacing."""
    haystack = canonical("\n".join([answer.answer, *(c.quote for c in answer.citations)]))
    problems = []
    for m in _QUOTED.finditer(text):
        quoted = canonical(m.group(1) or m.group(2)).strip(" .;:,…")
        if quoted and quoted not in haystack:
            problems.append(f"quote not verbatim: «{quoted[:60]}»")
    return problems
