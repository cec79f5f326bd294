"""Lexical similarity of provisions: IDF-weighted cosine over folded syllables and their
bigrams, character trigrams for short titles, and containment for merged/split articles.

Everything is computed from the two documents alone (no model, deterministic), so two
texts that differ only by Unicode form, tone placement ("uỷ"/"ủy") or spacing score 1.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from ingest.normalize import canonical, fold

_WORD = re.compile(r"[^\W_]+")
_LEADING_NUMBER = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})?\s*[.)/-]+|[a-zđ]\)|-)\s*", re.I)
_LINE_MARKER = re.compile(
    r"^\s*(?:\(?\d{1,2}(?:\.\d{1,2})?\s*[.)/-]+|\(?[a-zđ]\)|[-+•*–])\s*", re.I | re.M
)

Vector = dict[str, float]


def comparable(text: str) -> str:
    """Lower-case, tone-canonical words only: what "the same wording" means here (case,
    punctuation, spacing and Unicode form do not count)."""
    return " ".join(_WORD.findall(canonical(text)))


def same_wording(a: str, b: str) -> bool:
    """The same words once each line's own number or list marker ("2.", "a)", "-", "+")
    is set aside: a list restyled, or clauses renumbered, is no rewording."""
    return comparable(_LINE_MARKER.sub("", a)) == comparable(_LINE_MARKER.sub("", b))


def without_number(text: str) -> str:
    """A clause's text without its own number ("2. ", "a) "), which renumbering changes."""
    return _LEADING_NUMBER.sub("", text, count=1)


def terms(text: str) -> list[str]:
    """Folded syllables and syllable bigrams."""
    syllables = _WORD.findall(fold(text))
    return syllables + [f"{a}_{b}" for a, b in itertools.pairwise(syllables)]


def trigrams(text: str) -> Counter[str]:
    padded = f"  {' '.join(_WORD.findall(fold(text)))} "
    return Counter(padded[i : i + 3] for i in range(len(padded) - 2))


class Weights:
    """Inverse document frequencies over the provisions of both documents."""

    def __init__(self, texts: Iterable[str]) -> None:
        counts: Counter[str] = Counter()
        total = 0
        for text in texts:
            counts.update(set(terms(text)))
            total += 1
        self._idf = {t: math.log((1 + total) / (1 + n)) + 1.0 for t, n in counts.items()}
        self._default = math.log(1 + total) + 1.0

    def vector(self, text: str) -> Vector:
        tf = Counter(terms(text))
        return {t: (1 + math.log(n)) * self._idf.get(t, self._default) for t, n in tf.items()}


def cosine(a: Vector | Counter[str], b: Vector | Counter[str]) -> float:
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    dot = sum(w * large.get(t, 0.0) for t, w in small.items())
    norm = math.sqrt(sum(w * w for w in a.values())) * math.sqrt(sum(w * w for w in b.values()))
    return dot / norm if norm else 0.0


def title_similarity(a: str, b: str) -> float:
    if comparable(a) == comparable(b):
        return 1.0
    return cosine(trigrams(a), trigrams(b))


def containment(part: str, whole: str) -> float:
    """The share of ``part``'s syllable bigrams that occur in ``whole``."""
    wanted = {t for t in terms(part) if "_" in t}
    if not wanted:
        return 0.0
    have = {t for t in terms(whole) if "_" in t}
    return len(wanted & have) / len(wanted)


def novelty(part: str, whole: str, own: str) -> float:
    """The share of ``part``'s bigrams found in ``whole`` but not in ``own``."""
    wanted = {t for t in terms(part) if "_" in t}
    if not wanted:
        return 0.0
    have = {t for t in terms(whole) if "_" in t} - {t for t in terms(own) if "_" in t}
    return len(wanted & have) / len(wanted)


def word_tokens(text: str) -> list[str]:
    """Words as written, for marking changes inside a clause."""
    return _WORD.findall(text)


def joined(texts: Sequence[str]) -> str:
    return "\n".join(texts)
