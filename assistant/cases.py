"""The case a question sets before its topic marker ("..., mà Ban X không đồng ý thì làm
thế nào?") and the clause that opens with that case ("Trường hợp Ban X không đồng ý ...")."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from assistant.coverage import TermStats, TextProfile
from assistant.function_words import alternation, function_words
from assistant.terms import question_terms
from assistant.understand import Understanding
from ingest.normalize import canonical, fold, has_diacritics

MIN_CASE_COVERAGE = 0.6
MIN_CASE_WORDS = 3


def sets_a_case(u: Understanding) -> bool:
    """Whether the question sets a case and asks what follows from it: the words before
    its topic marker ("..., mà Ban X không đồng ý thì làm thế nào?"); a coordinated first
    ask ("X giải quyết việc ... và ... theo trình tự nào?") sets none."""
    if not u.circumstance:
        return False
    after = fold(u.original)[len(fold(u.circumstance)) :]
    return re.match(r"\W*thi(?![a-z])", after) is not None


@functools.cache
def _condition_pattern() -> re.Pattern[str]:
    markers = alternation(function_words().condition_markers)
    return re.compile(rf"(?<![a-z])(?:{markers})\s+(?P<case>[^,;.:]+?)(?=\s+thi\s|[,;.:]|$)")


@functools.lru_cache(maxsize=8192)
def _cases_opened(text: str) -> tuple[tuple[str, ...], ...]:
    """The terms of each case a clause opens, read with diacritics ("văn bản" is no "vấn
    đề", so a case typed without them never counts), of three words or more; read once
    per clause text, not once per question."""
    folded = fold(text)
    if len(folded) != len(text):
        return ()
    cases = (
        question_terms(text[m.start("case") : m.end("case")])
        for m in _condition_pattern().finditer(folded)
    )
    return tuple(
        tuple(terms) for terms in cases if len([t for t in terms if "_" not in t]) >= MIN_CASE_WORDS
    )


def case_written(stats: TermStats, case: TextProfile, text: str) -> float:
    """How much of a case the clause opens ("Trường hợp ...", "Khi ..." up to its comma or
    "thì") the question's own case writes: the clause's case is the one the question sets.
    0 under the bar."""
    best = 0.0
    for terms in _cases_opened(text):
        best = max(best, stats.coverage(stats.weigh(terms), case))
    return best if best >= MIN_CASE_COVERAGE else 0.0


def comment_written(u: Understanding, text: str) -> bool:
    """Whether a clause writes at least half of what the question asks after its case
    ("..., thì ai chủ trì họp?": "chủ trì", "họp"): a clause about the same case that
    says something else ("... thì Phó Bí thư truyền đạt nghị quyết") does not answer."""
    after = u.original[len(u.circumstance) :]
    typed_bare = not has_diacritics(after)
    read = _reader(typed_bare)
    asked = {w for w in re.findall(r"\w+", read(after)) if w not in _grammar(typed_bare)}
    if not asked:
        return True
    written = set(re.findall(r"\w+", read(text)))
    return 2 * len(asked & written) >= len(asked)


def _reader(typed_bare: bool) -> Callable[[str], str]:
    """Text read folded when the question is typed bare, else with its marks."""
    return fold if typed_bare else (lambda t: canonical(t).lower())


@functools.cache
def _grammar(typed_bare: bool) -> frozenset[str]:
    """The grammar's syllables as :func:`_reader` reads them, built once per reading."""
    read = _reader(typed_bare)
    return frozenset(s for w in function_words().grammatical for s in read(w).split())


__all__ = ["case_written", "comment_written", "sets_a_case"]
