"""The closed word classes of Vietnamese grammar the question reader relies on, and the
patterns built from them (data: ``assistant/data/function_words.yaml``, chat shorthand in
``assistant/data/chat_shorthand.yaml``). Grammar, not the topic of any question."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from importlib import resources

import yaml
from pydantic import BaseModel, ConfigDict

from assistant.vocabulary import reads_only_as
from ingest.normalize import canonical, fold, mostly_accented


class FunctionWords(BaseModel):
    """The closed word classes of ``assistant/data/function_words.yaml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    personal_pronouns: frozenset[str]
    first_person: frozenset[str]
    particles: frozenset[str]
    interrogatives: frozenset[str]
    ask_words: frozenset[str]
    body_questions: frozenset[str]
    plural_markers: frozenset[str]
    listing_verbs: frozenset[str]
    sequence_nouns: frozenset[str]
    membership_verbs: frozenset[str]
    question_frame: frozenset[str]
    yes_no_endings: frozenset[str]
    comparison_words: frozenset[str]
    likeness_words: frozenset[str]
    prepositions: frozenset[str]
    comparatives: frozenset[str]
    negated_copulas: frozenset[str]
    content_asks: frozenset[str]
    manner_nouns: frozenset[str]
    bounds: frozenset[str]
    time_bounds: frozenset[str]
    measure_nouns: frozenset[str]
    present_time: frozenset[str]
    aspect_markers: frozenset[str]
    frame_phrases: frozenset[str]
    performatives: frozenset[str]
    wording_words: frozenset[str]
    stance_adverbs: frozenset[str]
    time_nouns: frozenset[str]
    quantifiers: frozenset[str]
    demonstratives: frozenset[str]
    calendar_words: frozenset[str]
    compound_modifiers: frozenset[str]
    conjunctions: frozenset[str]
    purpose_conjunctions: frozenset[str]
    condition_markers: frozenset[str]
    modal_verbs: frozenset[str]
    topic_markers: frozenset[str]
    contrast_markers: frozenset[str]

    @property
    def adverbial(self) -> frozenset[str]:
        """Words that say when or how the question is asked, or join what it asks ("giả
        sử", "lẫn"), never what it is about."""
        return (
            self.present_time
            | self.conjunctions
            | self.aspect_markers
            | self.frame_phrases
            | self.performatives
            | self.listing_verbs
            | self.stance_adverbs
            | self.time_nouns
            | self.modal_verbs
            | self.calendar_words
        )

    @property
    def accent_only(self) -> frozenset[str]:
        """Single words of the classes added from the grammar's open edges that, folded,
        are more often other words ("dòng"/"đồng", "vẫn"/"văn", "nữa"/"nửa"): matched only
        when typed with their diacritics. One whose letters everyday Vietnamese reads only
        as that word ("trich" is "trích") is matched folded too."""
        classes = (
            self.wording_words
            | self.stance_adverbs
            | self.time_nouns
            | self.calendar_words
            | self.modal_verbs
            | self.quantifiers
            | self.conjunctions
        )
        return frozenset(w for w in classes if " " not in w and not reads_only_as(w))

    @property
    def grammatical(self) -> frozenset[str]:
        """Every member of every class: words and phrases that frame, never the topic."""
        return (
            self.adverbial
            | self.personal_pronouns
            | self.particles
            | self.interrogatives
            | self.question_frame
            | self.sequence_nouns
            | self.plural_markers
            | self.wording_words
            | self.quantifiers
            | self.conjunctions
            | self.comparatives
        )

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


@functools.cache
def chat_shorthand() -> dict[str, str]:
    """Chat shorthand ("ko", "đc") and the word each stands for
    (``assistant/data/chat_shorthand.yaml``)."""
    raw = resources.files("assistant").joinpath("data/chat_shorthand.yaml").read_text("utf-8")
    return {canonical(k): canonical(v) for k, v in yaml.safe_load(raw).items()}


def alternation(phrases: Iterable[str], accented: bool = False) -> str:
    """Phrases in one regex alternation, longest first, so that a phrase wins over its
    own beginning ("bao nhieu" over "bao"): folded, or with their diacritics."""
    form = canonical if accented else fold
    forms = sorted({form(p) for p in phrases}, key=len, reverse=True)
    return "|".join(re.escape(p) for p in forms)


@functools.cache
def comparison_pattern() -> re.Pattern[str]:
    """A comparison question's words (data: function_words.yaml), on folded text."""
    return re.compile(rf"\b(?:{alternation(function_words().comparison_words)})\b")


@functools.cache
def _negated_copula_before() -> re.Pattern[str]:
    copulas = alternation(tuple(fold(w) for w in function_words().negated_copulas))
    return re.compile(rf"(?<![a-z])(?:{copulas})[\s(,]*$")


def negated_at(folded: str, start: int) -> bool:
    """Whether the words of ``folded`` before ``start`` end with a negated copula: what
    stands at ``start`` ("... (không phải chi ủy)") is set apart, not asked."""
    return bool(_negated_copula_before().search(folded[max(0, start - 30) : start]))


COMPARATIVE_PREDICATE_WORDS = 5  # "nào <up to five words> hơn"


@functools.cache
def comparative_ask_pattern() -> re.Pattern[str]:
    """ "tổ nào họp thưa hơn", "bên nào bắt phải gửi sớm hơn": a which-question whose
    predicate (a verb phrase of a few words) is a comparative asks to compare the things
    named (folded)."""
    markers = alternation(tuple(fold(w) for w in function_words().comparatives))
    return re.compile(rf"\bnao(?:\s+[a-z]+){{1,{COMPARATIVE_PREDICATE_WORDS}}}\s+(?:{markers})\b")


@functools.cache
def likeness_pattern() -> re.Pattern[str]:
    """Words asking whether the same holds elsewhere (function_words.yaml), folded."""
    return re.compile(rf"\b(?:{alternation(function_words().likeness_words)})\b")


@functools.cache
def body_question_pattern() -> re.Pattern[str]:
    """The folded body questions ("ai", "ban nao", ...) as whole words."""
    return re.compile(r"\b(" + alternation(function_words().body_questions) + r")\b")


@functools.cache
def sequence_pattern() -> re.Pattern[str]:
    """The folded nouns that name a procedure ("trình tự", "các bước") as whole words."""
    return re.compile(r"\b(" + alternation(function_words().sequence_nouns) + r")\b")


@functools.cache
def wording_pattern(accented: bool) -> re.Pattern[str]:
    """The words that ask for a text's wording ("trích nguyên văn", "câu"). On accented
    text every member, with its diacritics; on folded text only the phrases: folded,
    "cau" is also the "cầu" of "yêu cầu"."""
    members = function_words().wording_words
    kept = members if accented else {m for m in members if " " in m}
    return re.compile(rf"(?<!\w)(?:{alternation(kept, accented)})(?!\w)")


def without_closing(folded: str) -> str:
    """Folded text without the sentence-final particles that close it ("... là ai vậy ạ")."""
    return _closing_pattern().sub("", re.sub(r"\s+", " ", folded).strip())


@functools.cache
def _closing_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?:\s(?:{alternation(function_words().particles)}))+\s*$")


@functools.cache
def class_syllables(members: frozenset[str]) -> frozenset[str]:
    """The folded syllables of a closed class's members ("hạn chót" → "han", "chot"), read
    once per class."""
    return frozenset(s for member in members for s in fold(member).split())


def framing_syllables(text: str) -> frozenset[str]:
    """The syllables (folded) of ``text`` that belong to a closed-class word or phrase,
    matched with their diacritics when the text is typed with them ("dòng" of a text is
    not the "đông" of "cổ đông")."""
    accented = mostly_accented(text)
    typed = " ".join((canonical(text) if accented else fold(text)).split())
    found: set[str] = set()
    for member, pattern in _grammar_patterns(accented):
        if pattern.search(typed):
            found.update(fold(member).split())
    return frozenset(found)


@functools.cache
def _grammar_patterns(accented: bool) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each closed-class member with its whole-word pattern, compiled once (built per
    call, they overflow re's cache)."""
    members = _accented_grammar() if accented else folded_grammar()
    return tuple((m, re.compile(rf"(?<!\w){re.escape(m)}(?!\w)")) for m in members)


@functools.cache
def _accented_grammar() -> tuple[str, ...]:
    return tuple(sorted({canonical(w) for w in function_words().grammatical}))


@functools.cache
def folded_grammar() -> tuple[str, ...]:
    words = function_words()
    return tuple(sorted({fold(w) for w in words.grammatical - words.accent_only}))


__all__ = [
    "FunctionWords",
    "alternation",
    "body_question_pattern",
    "chat_shorthand",
    "class_syllables",
    "comparative_ask_pattern",
    "comparison_pattern",
    "folded_grammar",
    "framing_syllables",
    "function_words",
    "negated_at",
    "sequence_pattern",
    "without_closing",
    "wording_pattern",
]
