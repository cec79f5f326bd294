"""One typed word read as the word meant: keystrokes of an input method decoded, a typo
of a word the regulations write repaired, chat shorthand spelled out. Decided from the
regulations' vocabulary and everyday Vietnamese frequencies (assistant.vocabulary),
never from a list of questions."""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Literal

from pydantic import BaseModel, ConfigDict

from assistant.function_words import chat_shorthand, function_words
from assistant.lexicon import is_listed
from assistant.typing_codes import decode_any, tone_of
from assistant.vocabulary import RARE_TYPO_ZIPF_GAP, Vocabulary, everyday_gap, zipf
from index.abbreviations import expansion
from ingest.normalize import canonical, has_diacritics, strip_diacritics

MIN_TYPO_LENGTH = 3
# A word the regulations write is read as another one edit away only when they write that
# one this many times more often (and only its neighbours attest it).
SLIP_COUNT_RATIO = 10
# ... and where it makes a set phrase with a neighbour: at least this share of the first
# word's occurrences in the regulations are followed by the second ("ý kiến", "Điều 5")
SLIP_BOND = 0.3
# The shape of a Vietnamese syllable typed without marks: onset, vowels, and one of the
# finals the language allows (c, ch, m, n, ng, nh, p, t, or none).
_SYLLABLE = re.compile(r"[b-df-hj-np-tv-zđ]*[aeiouy]+(?:ch|nh|ng|[cmnpt])?")
RepairKind = Literal["telex", "vni", "typo", "shorthand", "spelling"]


class Repair(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    typed: str
    meant: str
    kind: RepairKind


def repair_word(
    typed: str, vocabulary: Vocabulary, before: str = "", after: str = "", accented: bool = False
) -> tuple[str, Repair | None]:
    word = canonical(typed)
    shorthand = chat_shorthand().get(word)
    if shorthand and vocabulary.corpus_count(word) == 0:
        return shorthand, Repair(typed=typed, meant=shorthand, kind="shorthand")
    phrase = _phrase_slip(typed, word, before, vocabulary, accented)
    if phrase is not None:
        return phrase.meant, phrase
    classes = function_words()
    grammar = classes.interrogatives | classes.question_frame | classes.conversational
    if in_class(word, grammar):
        return word, None  # "bao lâu" is asked as typed, whatever the regulations write
    if word in _grammatical_syllables():
        return word, None  # "hôm" of "hôm nay", "kiểu" of "kiểu gì": grammar, no typo
    if expansion(typed) or not word.isalpha() or (typed.isupper() and len(typed) > 1):
        if any(c.isdigit() for c in word) and any(c.isalpha() for c in word):
            return _decoded(typed, word, vocabulary)
        return word, None
    written = _spelled_as_written(typed, word, vocabulary, before, after)
    if written is not None:
        return written.meant, written
    # a question word or particle beside the word says nothing of what it should be
    # (as typed: folded, "dau" may be "dầu" as well as "đâu")
    before = "" if before in grammar else before
    after = "" if after in grammar else after
    if _in_a_word(word, before, after):
        return word, None  # "xuất sắc": a word of the language with its neighbour, as typed
    if vocabulary.is_known(word):
        if vocabulary.corpus_count(word) == 0:
            # keystrokes that spell a word the regulations write ("cos" is "có"), else a
            # word of everyday Vietnamese the regulations never write, typed where they
            # always write a word one letter away ("ban tường vụ")
            decoded = _decoded(typed, word, vocabulary, in_corpus=True)
            if decoded[1] is None and not _SYLLABLE.fullmatch(strip_diacritics(word)):
                # no Vietnamese syllable ends so ("nos"): keystrokes, whatever they spell
                decoded = _decoded(typed, word, vocabulary)
            if decoded[1] is not None:
                return decoded
            return _one_edit(typed, word, vocabulary, (before, after), True, accented)
        return _slip_of_the_key(typed, word, vocabulary, (before, after), accented)
    # an unknown word: keystrokes for a word the regulations write, then a typo of one,
    # then keystrokes for any word ("thaay" is "thay" mistyped before it is "thây")
    decoded = _decoded(typed, word, vocabulary, in_corpus=True)
    if decoded[1] is not None:
        return decoded
    edited = _one_edit(typed, word, vocabulary, (before, after), False, accented)
    if edited[1] is not None:
        return edited
    return _decoded(typed, word, vocabulary)


# An open syllable that ends in i or y after its consonants ("tỉ"/"tỷ", "kì"/"kỳ", "lí"/"lý"):
# both spellings are standard, and the regulations keep one of them.
_I_OR_Y = re.compile(r"([b-df-hj-np-tv-xzđ]+)([iy])", re.IGNORECASE)


def _spelled_as_written(
    typed: str, word: str, vocabulary: Vocabulary, before: str, after: str
) -> Repair | None:
    """A word the regulations never write, typed as they write it in another spelling: with
    some of its marks left out ("viêc", "măt" for "việc", "mặt") or with i for y ("tỉ lệ"
    for "tỷ lệ"). Read as theirs only when a neighbour stands beside that spelling in the
    regulations, or (typed with marks) it is the only one that fits. Marks are added only
    where everyday Vietnamese writes the result far more often than the word as typed
    ("giơ", "tôi" are words); both i and y are standard."""
    if vocabulary.corpus_count(word):
        return None
    candidates: list[str] = []
    if has_diacritics(word):
        # far commoner in everyday Vietnamese than the word typed ("giơ" is a word,
        # "viêc" is not)
        typed_zipf = zipf(vocabulary.general_frequency(word))
        candidates = [
            w
            for w in vocabulary.spellings(strip_diacritics(word))
            if _adds_marks(word, w)
            and zipf(vocabulary.general_frequency(w)) - typed_zipf >= RARE_TYPO_ZIPF_GAP
        ]
    variant = _I_OR_Y.fullmatch(strip_diacritics(word))
    if variant is not None and not variant.group(1).endswith(("q", "g")):
        swapped = variant.group(1) + ("y" if variant.group(2) == "i" else "i")
        other = _with_marks_of(word, swapped)
        if vocabulary.corpus_count(other):
            candidates.append(other)
    attested = [
        c
        for c in candidates
        if (before and vocabulary.pair_count(before, c))
        or (after and vocabulary.pair_count(c, after))
    ]
    chosen = attested if attested else (candidates if has_diacritics(word) else [])
    if len(chosen) != 1:
        return None
    return Repair(typed=typed, meant=chosen[0], kind="spelling")


def _adds_marks(typed: str, written: str) -> bool:
    """Whether ``written`` is ``typed`` with marks added only (letters, and the marks typed,
    the same): "việc" of "viêc", not "vịêc" of "viếc"."""
    if len(typed) != len(written):
        return False
    for t, w in zip(typed, written, strict=True):
        t_parts, w_parts = unicodedata.normalize("NFD", t), unicodedata.normalize("NFD", w)
        t_base, w_base = strip_diacritics(t), strip_diacritics(w)
        if t_base != w_base or not set(t_parts[1:]) <= set(w_parts[1:]):
            return False
        if t == "đ" and w != "đ":
            return False
    return True


def _with_marks_of(word: str, letters: str) -> str:
    """``letters`` (the same length as ``word``, bare) carrying ``word``'s marks."""
    marks = [unicodedata.normalize("NFD", c)[1:] for c in word]
    return unicodedata.normalize("NFC", "".join(b + m for b, m in zip(letters, marks, strict=True)))


def _in_a_word(word: str, before: str, after: str) -> bool:
    """Whether ``word`` makes a listed word of two syllables with a neighbour, as typed
    (with its marks, or bare when it is typed bare)."""
    bare = word == strip_diacritics(word)
    pairs = ([before, word], [word, after])
    return any(is_listed([p.lower() for p in pair], folded=bare) for pair in pairs if all(pair))


def _phrase_slip(
    typed: str, word: str, before: str, vocabulary: Vocabulary, accented: bool
) -> Repair | None:
    """The second word of a question phrase of the grammar ("giống nhau", "bao nhiêu")
    typed one edit off after its first ("giống nhu"): the phrases are a closed class, so
    the one they allow is meant, unless the pair typed is itself one of them or a pair the
    regulations write. A word typed with its marks is compared with them ("như" is two
    edits from "nhau")."""
    if not before or vocabulary.pair_count(before, word):
        return None
    if len(word) < MIN_TYPO_LENGTH or word in _grammatical_syllables():
        return None  # "ạ", "nha", "bao": words of the grammar themselves, as typed
    seconds = _question_phrases().get(strip_diacritics(before), frozenset())
    bare = word == strip_diacritics(word)
    forms = {strip_diacritics(s) if bare else s: s for s in seconds}
    if word in forms or strip_diacritics(word) in {strip_diacritics(s) for s in seconds}:
        return None
    close = [s for form, s in forms.items() if _one_apart(form, word)]
    if len(close) != 1:
        return None
    if not accented and everyday_gap(word, close[0]) < 0:
        # "bao lai" typed bare is "báo lại", commoner than "bao lâu": no slip of the key
        # (in a question typed with marks, a word left bare is no everyday word as typed)
        return None
    meant = close[0] if accented else strip_diacritics(close[0])
    return Repair(typed=typed, meant=meant, kind="typo")


@functools.cache
def _question_phrases() -> dict[str, frozenset[str]]:
    """Two-word phrases that ask ("bao nhiêu", "ra sao", "giống nhau") by their first word
    (folded): the second words each allows, as the data writes them."""
    classes = function_words()
    phrases = classes.ask_words | classes.comparison_words
    seconds: dict[str, set[str]] = {}
    for phrase in phrases:
        words = phrase.split()
        if len(words) == 2:
            seconds.setdefault(strip_diacritics(words[0]), set()).add(words[1])
    return {first: frozenset(found) for first, found in seconds.items()}


def _one_apart(a: str, b: str) -> bool:
    """One letter inserted, deleted or replaced, or two swapped."""
    from symspellpy.editdistance import DistanceAlgorithm, EditDistance

    return EditDistance(DistanceAlgorithm.DAMERAU_OSA).compare(a, b, 1) == 1


def _one_edit(
    typed: str,
    word: str,
    vocabulary: Vocabulary,
    neighbours: tuple[str, str],
    evidence_only: bool,
    accented: bool,
) -> tuple[str, Repair | None]:
    """The regulations' word one edit away; in a question typed with diacritics it is
    judged as they write it (a word typed bare there is still read with its marks)."""
    before, after = neighbours
    folded = strip_diacritics(word)
    if len(folded) < MIN_TYPO_LENGTH or not folded.isascii():
        return word, None
    closest = vocabulary.closest(
        folded, before, after, evidence_only=evidence_only, typed=word, accented=accented
    )
    if closest is None or closest == folded:
        return word, None
    meant = vocabulary.spelled_like(closest, word) if accented else closest
    # a typo changes letters, not a tone the user typed ("tícch" is no "tịch"); a tone
    # lost with its letter ("Đin" for "Điện") is no evidence either way
    if tone_of(word) and tone_of(meant) != tone_of(word):
        return word, None
    return meant, Repair(typed=typed, meant=meant, kind="typo")


def _slip_of_the_key(
    typed: str, word: str, vocabulary: Vocabulary, neighbours: tuple[str, str], accented: bool
) -> tuple[str, Repair | None]:
    """A word the regulations write, typed where they write another one edit away: read
    as that one only where the neighbours never stand beside the word typed, every one
    of them stands beside the other, the other makes a set phrase with one of them, and
    the regulations write it far more often ("Đều 5" before a number, where they write
    "Điều 5"; "ý kín" for "ý kiến"). A name (capitalised inside the question) is left."""
    before, after = neighbours
    if typed[:1].isupper() and before:
        return word, None  # capitalised inside the question: a name, as typed
    if not (before or after) or any(
        vocabulary.pair_count(*pair) for pair in ((before, word), (word, after)) if all(pair)
    ):
        return word, None
    meant, repair = _one_edit(typed, word, vocabulary, neighbours, True, accented)
    if repair is None:
        return word, None
    more = vocabulary.corpus_count(strip_diacritics(meant))
    if more < SLIP_COUNT_RATIO * vocabulary.corpus_count(strip_diacritics(word)):
        return word, None
    if vocabulary.bond(before, meant) < SLIP_BOND and vocabulary.bond(meant, after) < SLIP_BOND:
        return word, None  # one of the words they happen to write beside it, no phrase
    return meant, repair


def _decoded(
    typed: str, word: str, vocabulary: Vocabulary, in_corpus: bool = False
) -> tuple[str, Repair | None]:
    for meant in decode_any(word):
        if vocabulary.corpus_count(meant) if in_corpus else vocabulary.is_known(meant):
            kind: RepairKind = "vni" if any(c.isdigit() for c in word) else "telex"
            return meant, Repair(typed=typed, meant=meant, kind=kind)
    return word, None


@functools.cache
def _grammatical_syllables() -> frozenset[str]:
    return frozenset(s for member in function_words().grammatical for s in member.split())


def in_class(word: str, members: frozenset[str]) -> bool:
    """Membership as typed, or folded when the word was typed without diacritics."""
    return word in members or (word == strip_diacritics(word) and word in _folded(members))


@functools.cache
def _folded(members: frozenset[str]) -> frozenset[str]:
    return frozenset(strip_diacritics(w) for w in members)
