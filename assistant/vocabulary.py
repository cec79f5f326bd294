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
from importlib import resources
from pathlib import Path

import msgpack
import yaml
from pydantic import BaseModel, ConfigDict

from ingest.normalize import canonical, strip_diacritics

_SYLLABLE = re.compile(r"[^\W\d_]+")
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


class FunctionWords(BaseModel):
    """The closed word classes of ``assistant/data/function_words.yaml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    personal_pronouns: frozenset[str]
    particles: frozenset[str]
    interrogatives: frozenset[str]
    question_frame: frozenset[str]

    @property
    def conversational(self) -> frozenset[str]:
        return (
            (self.personal_pronouns | self.particles) - self.interrogatives - (self.question_frame)
        )


@functools.cache
def function_words() -> FunctionWords:
    raw = resources.files("assistant").joinpath("data/function_words.yaml").read_text("utf-8")
    data = yaml.safe_load(raw)
    return FunctionWords(**{k: frozenset(canonical(w) for w in v) for k, v in data.items()})


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


def zipf(frequency: float) -> float:
    return math.log10(frequency) + 9 if frequency > 0 else 0.0


class Vocabulary:
    """Syllable counts of the loaded regulations plus general Vietnamese frequencies.
    Built once per set of documents (cheap: one pass over their text)."""

    def __init__(self, texts: Iterable[str]) -> None:
        accented: Counter[str] = Counter()
        pairs: Counter[tuple[str, str]] = Counter()
        for text in texts:
            syllables = _SYLLABLE.findall(canonical(text))
            accented.update(syllables)
            folded = [strip_diacritics(w) for w in syllables]
            pairs.update(itertools.pairwise(folded))
        self.folded_pairs = pairs
        self.accented_counts = accented
        self.folded_counts: Counter[str] = Counter()
        best: dict[str, tuple[int, str]] = {}
        for word, count in accented.items():
            key = strip_diacritics(word)
            self.folded_counts[key] += count
            if count > best.get(key, (0, ""))[0]:
                best[key] = (count, word)
        self.spelled = {key: word for key, (_count, word) in best.items()}
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
        return self.folded_pairs.get((strip_diacritics(first), strip_diacritics(second)), 0)

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

    def is_glue(self, syllable: str) -> bool:
        return zipf(self.general_frequency(syllable)) >= GLUE_ZIPF

    def closest(self, syllable: str, before: str = "", after: str = "") -> str | None:
        """The regulations' syllable one edit away from an unknown folded syllable, or None.
        Candidates the regulations write beside the neighbouring words come first, by how
        often ("mỗi piên họp" is "phiên họp"); without that evidence, the one they use most,
        when it is clearly the most used."""
        from symspellpy import SymSpell, Verbosity

        if self._speller is None:
            speller = SymSpell(max_dictionary_edit_distance=1, prefix_length=7)
            for word, count in self.folded_counts.items():
                if count >= 2:
                    speller.create_dictionary_entry(word, count)
            self._speller = speller
        assert isinstance(self._speller, SymSpell)
        found = self._speller.lookup(syllable, Verbosity.CLOSEST, max_edit_distance=1)
        if not found:
            return None

        def context(term: str) -> int:
            return (self.pair_count(before, term) if before else 0) + (
                self.pair_count(term, after) if after else 0
            )

        if any(context(s.term) for s in found):
            found = [s for s in found if context(s.term)]
            best = max(found, key=lambda s: context(s.term))
            ties = [s for s in found if context(s.term) * 2 > context(best.term) and s != best]
            return None if ties else best.term
        best = max(found, key=lambda s: s.count)
        ties = [s for s in found if s.count * 2 > best.count and s.term != best.term]
        return None if ties else best.term


__all__ = ["FunctionWords", "Vocabulary", "function_words", "zipf"]
