"""What words the loaded regulations use, and how common each is in Vietnamese at large.

Two frequency sources, one question each answers:
- the regulations themselves (counted from the loaded documents): is this syllable one the
  regulations write, and how is it written with its diacritics;
- general Vietnamese (wordfreq's Vietnamese list, shipped inside the package: subtitles,
  web and news text): is this a common word of everyday language.

A syllable that everyday Vietnamese uses far more often than the regulations do ("hỏi",
"chút", "biết") says how the user talks, not what they ask about.
"""

from __future__ import annotations

import functools
import gzip
import importlib.util
import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import msgpack

from ingest.normalize import canonical, strip_diacritics

_SYLLABLE = re.compile(r"[^\W\d_]+")
# Syllables and numbers, for the pairs: "Điều 5" attests "điều" before a number.
_PAIR_TOKEN = re.compile(r"[^\W\d_]+|\d+")
NUMBER = "#"
# A syllable that ends a sentence, a clause or a line of the regulations.
_FINAL = re.compile(r"([^\W\d_]+)[ \t]*(?:[.;!?]|$)", re.MULTILINE)
# A syllable everyday Vietnamese writes this many times more often than the regulations
# (counts smoothed by half an occurrence) is conversational. Ten keeps the regulations'
# own rare words (a topic a clause mentions once) on the topic side.
CONVERSATIONAL_RATIO = 10.0
# Below this general frequency (Zipf scale: 3 = once per million words) a word is not
# common enough to be small talk, however rarely the regulations use it.
MIN_CONVERSATIONAL_ZIPF = 4.5
# Common enough to be the glue between conversational words ("cho", "xin", "với").
GLUE_ZIPF = 5.7
KNOWN_ZIPF = 3.0
# Absence from a small collection says little: counts are read as if from at least this
# many syllables (about the five bundled regulations), so one short regulation loaded
# alone is judged like the bundled set.
MIN_REFERENCE_SYLLABLES = 50_000
# Weight of the bigram against the unigram in the interpolated model typo repair uses.
BIGRAM_WEIGHT = 0.8


# A syllable folded once per process (a few thousand distinct, many thousand occurrences).
_folded_syllable = functools.lru_cache(maxsize=65536)(strip_diacritics)


def _wordfreq_vietnamese() -> dict[str, float]:
    """wordfreq's Vietnamese list read straight from its data file (the package's "cB"
    format: bucket i holds the words of frequency 10^(-i/100)). Importing wordfreq itself
    would load its tokenizers, a quarter of a second a one-shot question does not need."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("wordfreq is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "small_vi.msgpack.gz"
    with gzip.open(path) as stream:
        header, *buckets = msgpack.unpack(stream, raw=False)
    if header.get("format") != "cB":
        raise ValueError(f"unexpected wordfreq data format: {header}")
    return {word: 10 ** (-i / 100) for i, bucket in enumerate(buckets) for word in bucket}


@functools.cache
def _general() -> tuple[dict[str, float], dict[str, float]]:
    """wordfreq's Vietnamese frequencies: by canonical syllable, and by folded syllable
    (the most frequent reading, for text typed without diacritics)."""
    by_word: dict[str, float] = {}
    for word, freq in _wordfreq_vietnamese().items():
        key = canonical(word)
        by_word[key] = by_word.get(key, 0.0) + freq
    folded: dict[str, float] = {}
    for word, freq in by_word.items():
        key = strip_diacritics(word)
        folded[key] = max(folded.get(key, 0.0), freq)
    return by_word, folded


@functools.cache
def _usual_readings() -> dict[str, str]:
    """The most frequent reading of each folded spelling (the first of equals)."""
    return {key: max(group, key=lambda r: r[1])[0] for key, group in _readings().items()}


# How many times more often a reading must be written than every other reading of its
# letters for the letters alone to mean it ("trich" is "trích"; "nua" is "nữa" and "nửa").
DOMINANT_READING_RATIO = 10.0


def reads_only_as(word: str) -> bool:
    """Whether ``word`` typed without diacritics can only be read as itself: its reading is
    far more frequent in everyday Vietnamese than any other reading of its letters."""
    by_word, _folded = _general()
    meant = canonical(word)
    others = [f for w, f in _readings().get(strip_diacritics(meant), ()) if w != meant]
    frequency = by_word.get(meant, 0.0)
    return frequency > 0 and frequency >= DOMINANT_READING_RATIO * max(others, default=0.0)


@functools.cache
def _readings() -> dict[str, tuple[tuple[str, float], ...]]:
    """Every reading of each folded spelling with its frequency, in wordfreq's order."""
    by_word, _folded = _general()
    grouped: dict[str, list[tuple[str, float]]] = {}
    for word, freq in by_word.items():
        grouped.setdefault(strip_diacritics(word), []).append((word, freq))
    return {k: tuple(v) for k, v in grouped.items()}


# How much more common (in zipf units: 2 is a hundred times) the regulations' word must
# be in everyday Vietnamese than a real but rare word typed one edit from it, for one
# neighbour's evidence to read the rare word as its typo.
RARE_TYPO_ZIPF_GAP = 2.0


def everyday_gap(typed: str, meant: str) -> float:
    """How much more common ``meant`` is than ``typed`` in everyday Vietnamese (zipf)."""
    _by_word, folded = _general()
    rare = folded.get(strip_diacritics(typed), 0.0)
    common = folded.get(strip_diacritics(meant), 0.0)
    if not common:
        return 0.0
    return zipf(common) - (zipf(rare) if rare else 0.0)


def zipf(frequency: float) -> float:
    return math.log10(frequency) + 9 if frequency > 0 else 0.0


def _pair_token(token: str) -> str:
    return NUMBER if token[:1].isdigit() else token


class Vocabulary:
    """Syllable counts of the loaded regulations plus general Vietnamese frequencies.
    Built once per set of documents (cheap: one pass over their text)."""

    def __init__(self, texts: Iterable[str]) -> None:
        accented: Counter[str] = Counter()
        pairs: Counter[tuple[str, str]] = Counter()
        accented_pairs: Counter[tuple[str, str]] = Counter()
        finals: Counter[str] = Counter()
        for text in texts:
            finals.update(_folded_syllable(w) for w in _FINAL.findall(canonical(text)))
            tokens = [_pair_token(t) for t in _PAIR_TOKEN.findall(canonical(text))]
            accented.update(t for t in tokens if t != NUMBER)
            accented_pairs.update(itertools.pairwise(tokens))
            folded = [_folded_syllable(w) for w in tokens]
            pairs.update(itertools.pairwise(folded))
        self.folded_finals = finals
        self.folded_pairs = pairs
        self.accented_pairs = accented_pairs
        self.accented_counts = accented
        self.folded_counts: Counter[str] = Counter()
        best: dict[str, tuple[int, str]] = {}
        for word, count in accented.items():
            key = strip_diacritics(word)
            self.folded_counts[key] += count
            if count > best.get(key, (0, ""))[0]:
                best[key] = (count, word)
        self.spelled = {key: word for key, (_count, word) in best.items()}
        self._spellings: dict[str, list[tuple[int, str]]] = {}
        for word, count in accented.items():
            self._spellings.setdefault(strip_diacritics(word), []).append((count, word))
        self.total = max(sum(accented.values()), MIN_REFERENCE_SYLLABLES)
        self._speller: object | None = None

    # --- lookups (syllables are lower-case; folded means without diacritics) ------------

    def corpus_count(self, syllable: str) -> int:
        if syllable == strip_diacritics(syllable):
            return self.folded_counts.get(syllable, 0)
        return self.accented_counts.get(syllable, 0)

    def writes_pair(self, first: str, second: str) -> bool:
        """Whether the regulations write the two syllables side by side (folded)."""
        return self.pair_count(first, second) > 0

    def pair_count(self, first: str, second: str) -> int:
        """How often the regulations write the two syllables side by side: as written when
        both carry diacritics ("đó làm" is not "độ làm"), else folded. Any number is
        one token ("khoản 3" and "khoản 12" attest the same pair)."""
        first, second = _pair_token(first), _pair_token(second)
        if first != strip_diacritics(first) and second != strip_diacritics(second):
            return self.accented_pairs.get((first, second), 0)
        return self.folded_pairs.get((strip_diacritics(first), strip_diacritics(second)), 0)

    def ends_a_sentence(self, syllable: str) -> bool:
        """Whether the regulations end a sentence or a line with the syllable (folded): a
        preposition ("với", "của") never does, it wants what follows."""
        return self.folded_finals.get(strip_diacritics(syllable), 0) > 0

    def bond(self, first: str, second: str) -> float:
        """The share of the regulations' ``first`` that ``second`` follows (0 without
        either)."""
        if not (first and second):
            return 0.0
        if first == strip_diacritics(first) or second == strip_diacritics(second):
            first = strip_diacritics(first)  # counted folded, as pair_count counts the pair
        count = self.corpus_count(first)
        return self.pair_count(first, second) / count if count else 0.0

    def usual_reading(self, folded: str) -> str:
        """The reading everyday Vietnamese gives a syllable typed without diacritics most
        often ("em" → em, "nha" → nhà, "vang" → vàng); "" when it has none."""
        return _usual_readings().get(folded, "")

    def general_frequency(self, syllable: str) -> float:
        by_word, folded = _general()
        if syllable == strip_diacritics(syllable):
            return folded.get(syllable, 0.0)
        return by_word.get(syllable, 0.0)

    def is_known(self, syllable: str) -> bool:
        """A syllable the regulations write or everyday Vietnamese uses."""
        return self.corpus_count(syllable) > 0 or zipf(self.general_frequency(syllable)) >= (
            KNOWN_ZIPF
        )

    def is_everyday(self, syllable: str) -> bool:
        """Common in everyday Vietnamese and (almost) never written by the regulations."""
        general = self.general_frequency(syllable)
        if zipf(general) < MIN_CONVERSATIONAL_ZIPF or self.corpus_count(syllable) > 1:
            return False
        corpus = (self.corpus_count(syllable) + 0.5) / self.total
        return general / corpus >= CONVERSATIONAL_RATIO

    def spellings(self, folded: str) -> list[str]:
        """How the regulations write a folded syllable, the most frequent spelling first."""
        return [w for _count, w in sorted(self._spellings.get(folded, []), reverse=True)]

    def spelled_like(self, folded: str, typed: str) -> str:
        """How the regulations write a folded syllable, as close to what was typed as they
        allow: the same đ or d, the same tone when one was typed; else the most frequent."""
        from assistant.typing_codes import tone_of

        forms = self.spellings(folded)
        if not forms:
            return folded
        typed = typed.lower()
        wants_dd = typed.startswith("đ")
        tone = tone_of(typed)
        for word in forms:
            if word.startswith("đ") == wants_dd and (not tone or tone_of(word) == tone):
                return word
        return forms[0]

    def _unigram(self, syllable: str) -> float:
        return (self.corpus_count(syllable) + 0.5) / self.total

    def _next(self, first: str, second: str) -> float:
        """P(second | first) of the regulations' bigrams, interpolated with unigrams."""
        count = self.corpus_count(first)
        bigram = self.pair_count(first, second) / count if count else 0.0
        return BIGRAM_WEIGHT * bigram + (1 - BIGRAM_WEIGHT) * self._unigram(second)

    def is_glue(self, syllable: str) -> bool:
        return zipf(self.general_frequency(syllable)) >= GLUE_ZIPF

    def closest(
        self,
        syllable: str,
        before: str = "",
        after: str = "",
        evidence_only: bool = False,
        typed: str = "",
        accented: bool = False,
    ) -> str | None:
        """The regulations' syllable one edit away from a folded syllable, or None.

        Candidates are scored by a bigram model of the regulations (interpolated with the
        unigram model): how likely each is beside the neighbouring words ("mỗi piên họp" is
        "phiên họp", "Tỉnh ủy Đin Biên" is "Điện Biên" though "định" is more frequent). The
        best must be at least twice as likely as the next. ``evidence_only`` (the syllable
        is itself a real word, only not one the regulations write): each neighbour must
        attest the candidate, twice in all, and none the syllable.
        ``accented`` (the question carries diacritics): candidates are judged as the
        regulations write them (:meth:`spelled_like` ``typed``), beside the neighbours as
        typed; the result is folded."""
        from symspellpy import SymSpell, Verbosity

        if self._speller is None:
            speller = SymSpell(max_dictionary_edit_distance=1, prefix_length=7)
            for word, count in self.folded_counts.items():
                if count >= 2:
                    speller.create_dictionary_entry(word, count)
            self._speller = speller
        assert isinstance(self._speller, SymSpell)
        found = [
            s.term
            for s in self._speller.lookup(syllable, Verbosity.ALL, max_edit_distance=1)
            if s.term != syllable
        ]
        if not found:
            return None
        if accented:
            written = {self.spelled_like(t, typed): t for t in found}
            best = self._best(list(written), typed, before, after, evidence_only)
            return written[best] if best is not None else None
        return self._best(found, syllable, before, after, evidence_only)

    def _best(
        self, found: list[str], syllable: str, before: str, after: str, evidence_only: bool
    ) -> str | None:
        def attested(term: str) -> int:
            return (self.pair_count(before, term) if before else 0) + (
                self.pair_count(term, after) if after else 0
            )

        if evidence_only:
            # a real word is replaced only where every neighbour attests the other one
            # ("ban tường vụ"), never on one side's say-so ("giá xăng dầu" stays)
            # ... or, for a word a hundred times rarer in everyday Vietnamese than the
            # one it is an edit from, where one neighbour does ("năm teo trình tự")
            found = [
                t
                for t in found
                if (
                    attested(t) >= 2
                    and (not before or self.pair_count(before, t))
                    and (not after or self.pair_count(t, after))
                )
                or (attested(t) and everyday_gap(syllable, t) >= RARE_TYPO_ZIPF_GAP)
            ]
            if not found or attested(syllable):
                return None

        def likelihood(term: str) -> float:
            score = self._next(before, term) if before else self._unigram(term)
            return score * self._next(term, after) if after else score

        ranked = sorted(found, key=likelihood, reverse=True)
        if len(ranked) > 1 and likelihood(ranked[1]) * 2 > likelihood(ranked[0]):
            return None
        return ranked[0]


__all__ = ["Vocabulary", "everyday_gap", "zipf"]
