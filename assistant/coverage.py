"""How well a text covers a question's content terms (IDF-weighted).

Coverage is the refusal signal: a question whose rare words appear nowhere in the
corpus ("lương cơ sở", "hộ chiếu") is out of scope however well its common words match.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections import Counter
from collections.abc import Collection, Iterable, Sequence

from assistant.lexicon import is_listed
from assistant.terms import FOLDED, STOPWORDS, Compound, text_terms
from index.abbreviations import expansion
from ingest.normalize import words

UNSEEN_PHRASE_WEIGHT = 0.5


class WeightedTerms:
    """Terms and their weights; :meth:`share` is the weighted share present in a text."""

    __slots__ = ("total", "weights")

    def __init__(self, weights: dict[str, float]) -> None:
        self.weights = weights
        self.total = sum(weights.values())

    def share(self, text: str | TextProfile) -> float:
        if not self.total:
            return 0.0
        present = text.terms if isinstance(text, TextProfile) else text_terms(text)
        got = sum(w for t, w in self.weights.items() if t in present)
        return got / self.total


class TermStats:
    """Document frequencies over a collection of texts (chunks)."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.df: Counter[str] = Counter()
        self.n = 0
        for text in texts:
            self.n += 1
            self.df.update(text_terms(text))

    def idf(self, term: str) -> float:
        return math.log((self.n + 1) / (self.df.get(term, 0) + 0.5))

    def weight(self, term: str) -> float:
        """IDF, except that a phrase the corpus never uses (often a paraphrase seam, "định
        thành") weighs only UNSEEN_PHRASE_WEIGHT of the rarest phrase."""
        if "_" in term and not self.df.get(term, 0):
            return UNSEEN_PHRASE_WEIGHT * math.log(self.n + 1)
        return self.idf(term)

    def weigh(self, terms: Iterable[str]) -> WeightedTerms:
        """The question's terms with their weights, computed once for many texts."""
        return WeightedTerms({t: self.weight(t) for t in dict.fromkeys(terms)})

    def coverage(self, terms: Iterable[str] | WeightedTerms, text: str | TextProfile) -> float:
        """IDF-weighted share of ``terms`` present in ``text`` (0..1)."""
        weighted = terms if isinstance(terms, WeightedTerms) else self.weigh(terms)
        return weighted.share(text)

    def unknown(self, terms: Iterable[str], known: str | Collection[str] = "") -> list[str]:
        """Terms (syllables) the corpus never uses; ``known`` (document names, as text or
        as its terms) excepted."""
        named = text_terms(known) if isinstance(known, str) else known
        return [
            t.lstrip(FOLDED)
            for t in dict.fromkeys(terms)
            if "_" not in t
            and self.df.get(t, 0) == 0
            and not expansion(t.lstrip(FOLDED))
            and t not in named
        ]

    def _other_split(self, left: str, right: str) -> bool:
        """Whether ``left right`` is a word the corpus writes: then the listed word beside
        it may be a wrong split ("người yêu cầu" is "người" + "yêu cầu", not "người yêu");
        a pair no list has ("học công" in "trường đại học công lập") is no such word."""
        pair = [left.removeprefix(FOLDED), right.removeprefix(FOLDED)]
        return bool(self.df.get(f"{left}_{right}", 0)) and is_listed(pair, left.startswith(FOLDED))

    def unknown_words(
        self, compounds: Iterable[Compound], known: Collection[str] = ()
    ) -> list[str]:
        """Listed words the corpus never writes ("hiệu trưởng": common syllables, unseen
        pair), ``known`` (document names) excepted. A word whose edge makes a corpus phrase
        with its neighbour is a doubtful split ("người yêu cầu": "yêu cầu"), not a signal."""
        found: list[str] = []
        for c in compounds:
            if all(self.df.get(f"{a}_{b}", 0) for a, b in itertools.pairwise(c.terms)):
                continue
            if c.before and self._other_split(c.before, c.terms[0]):
                continue
            if c.after and self._other_split(c.terms[-1], c.after):
                continue
            if all(t in known for t in c.terms):
                continue
            found.append(" ".join(t.removeprefix(FOLDED) for t in c.terms))
        return found


RUN_CAP = 8


class TextProfile:
    """A text analysed once: its folded syllables, terms and phrase n-grams. Clauses and
    sentences are profiled once per process, not once per question."""

    __slots__ = ("_grams", "content", "syllables", "terms")

    def __init__(self, text: str) -> None:
        self.syllables: tuple[str, ...] = tuple(words(text))
        self.terms: frozenset[str] = frozenset(text_terms(text))
        # Phrases are compared on content words only, as the question's are.
        self.content: tuple[str, ...] = tuple(w for w in self.syllables if w not in STOPWORDS)
        self._grams: dict[int, frozenset[tuple[str, ...]]] = {}

    def grams(self, n: int) -> frozenset[tuple[str, ...]]:
        if n not in self._grams:
            s = self.content
            self._grams[n] = frozenset(tuple(s[i : i + n]) for i in range(len(s) - n + 1))
        return self._grams[n]

    def longest_run(self, query: Sequence[str], cap: int = RUN_CAP) -> int:
        """Length of the longest run of consecutive query syllables written contiguously
        here: "lập sổ theo dõi công văn" as one phrase beats scattered words."""
        wanted = tuple(query)
        for n in range(min(cap, len(wanted)), 0, -1):
            if not self.grams(n).isdisjoint(_query_grams(wanted, n)):
                return n
        return 0


@functools.lru_cache(maxsize=1024)
def _query_grams(query: tuple[str, ...], n: int) -> frozenset[tuple[str, ...]]:
    """A question's n-grams, built once per question rather than once per text."""
    return frozenset(query[i : i + n] for i in range(len(query) - n + 1))


def longest_run(query: list[str], text: str, cap: int = RUN_CAP) -> int:
    return TextProfile(text).longest_run(query, cap)
