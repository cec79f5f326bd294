"""Our own Vietnamese tokens for BM25 (bm25s has no Vietnamese stemmer or stopwords).

A token is a folded syllable ("thuong") or a folded syllable bigram ("thuong_vu"):
most Vietnamese words are two syllables, so bigrams stand in for word segmentation.
Abbreviations add their expansion next to the original. Questions additionally lose
question words; documents keep every token (IDF takes care of common ones).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import pairwise

from index.abbreviations import expansion
from ingest.normalize import nfc, words

_RAW_TOKEN = re.compile(r"[^\W_]+")
# Bigrams do not cross sentence or list punctuation.
_BREAK = re.compile(r"[.,;:!?()\[\]{}\"“”'\n/]+")

# Single folded syllables dropped from questions. Folding merges syllables ("co" is
# có/cơ/cỏ), so only the unigram goes: a bigram such as "co_quan" stays.
STOPWORDS: frozenset[str] = frozenset(
    {
        "ai",
        "gi",
        "nao",
        "co",
        "khong",
        "duoc",
        "cua",
        "la",
        "va",
        "cac",
        "nhung",
        "nhu",
        "the",
        "hay",
        "hoac",
        "cho",
        "voi",
        "ve",
        "nay",
        "khi",
        "neu",
        "thi",
        "a",
        "o",
        "oi",
        "nhe",
        "vay",
        "sao",
        "mot",
        "phai",
        "se",
    }
)
# Question phrases dropped as a whole from questions (folded syllable sequences).
STOP_PHRASES: tuple[tuple[str, ...], ...] = tuple(
    tuple(p.split())
    for p in (
        "bao nhieu",
        "bao lau",
        "nhu the nao",
        "the nao",
        "la gi",
        "hay khong",
        "co phai",
        "phai khong",
        "duoc khong",
        "co khong",
        "nhu nao",
        "o dau",
        "khi nao",
        "bao gio",
        "tai sao",
        "vi sao",
        "cho biet",
        "cho toi hoi",
        "xin hoi",
        "quy dinh gi",
        "quy dinh nhu the nao",
    )
)


@lru_cache(maxsize=131072)
def _fold_token(raw: str) -> tuple[str, ...]:
    return tuple(words(raw))


def _segments(text: str) -> list[tuple[list[str], list[list[str]]]]:
    """Per punctuation-free segment: its folded syllables and abbreviation expansions."""
    out: list[tuple[list[str], list[list[str]]]] = []
    for piece in _BREAK.split(nfc(text)):
        syllables: list[str] = []
        expansions: list[list[str]] = []
        for raw in _RAW_TOKEN.findall(piece):
            syllables.extend(_fold_token(raw))
            extra = expansion(raw)
            if extra:
                expansions.append(words(extra))
        if syllables:
            out.append((syllables, expansions))
    return out


def _drop_phrases(syllables: list[str]) -> list[list[str]]:
    """Split a syllable run where a question phrase occurs, dropping the phrase."""
    runs: list[list[str]] = [[]]
    i = 0
    while i < len(syllables):
        hit = next(
            (p for p in STOP_PHRASES if tuple(syllables[i : i + len(p)]) == p),
            None,
        )
        if hit is not None:
            runs.append([])
            i += len(hit)
            continue
        runs[-1].append(syllables[i])
        i += 1
    return [r for r in runs if r]


def _grams(run: list[str], drop_stopwords: bool) -> Iterable[str]:
    for s in run:
        if not (drop_stopwords and s in STOPWORDS):
            yield s
    for a, b in pairwise(run):
        if not (drop_stopwords and a in STOPWORDS and b in STOPWORDS):
            yield f"{a}_{b}"


def tokenize(text: str, query: bool = False) -> list[str]:
    """Index tokens of ``text``; ``query=True`` also drops question words."""
    tokens: list[str] = []
    for syllables, expansions in _segments(text):
        runs = _drop_phrases(syllables) if query else [syllables]
        for run in [*runs, *expansions]:
            tokens.extend(_grams(run, drop_stopwords=query))
    return tokens


def expand_abbreviations(text: str) -> str:
    """``text`` followed by the expansions of its abbreviations, for the dense query:
    "BTV họp khi nào" → "BTV họp khi nào (ban thường vụ)"."""
    seen: list[str] = []
    for raw in _RAW_TOKEN.findall(nfc(text)):
        extra = expansion(raw)
        if extra and extra not in seen:
            seen.append(extra)
    return f"{text} ({'; '.join(seen)})" if seen else text


__all__ = ["STOPWORDS", "STOP_PHRASES", "expand_abbreviations", "tokenize"]
