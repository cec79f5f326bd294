"""The conversational frame of a question ("cho em hỏi chút ...", "... với ạ"): which of
its words frame it rather than ask it. Personal pronouns and sentence-final particles
(closed grammatical classes) anchor an opening, a closing or an aside; the everyday words
around them that the regulations never write (by frequency, assistant.vocabulary) go with
them. Question words ("ai", "bao nhiêu") are never part of the frame."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from assistant.function_words import function_words
from assistant.lexicon import is_listed
from assistant.quantity_roles import count_nouns
from assistant.vocabulary import Vocabulary
from assistant.word_repair import in_class
from ingest.normalize import fold, strip_diacritics

# Folded closed-class words are ambiguous ("ban" is bạn and Ban): taken as conversational
# only when the regulations write the folded syllable this rarely.
MAX_FOLDED_CORPUS_COUNT = 2
# How far from either end of the question a folded pronoun or particle may stand.
EDGE_WORDS = 4


class Token(BaseModel):
    """A word of the question as typed, with what the frame reader needs of it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str
    start: int
    end: int
    word: str  # canonical (lower-case) form after repair
    protected: bool  # a number, an abbreviation or a question word
    names: bool = False  # a word of a body's name or a place unit ("chi bộ", "xã")
    after_break: bool  # punctuation stands between this token and the one before
    opens_sentence: bool = False  # the first word, or one after a sentence's end mark


def is_interrogative(word: str) -> bool:
    return in_class(word, function_words().interrogatives)


def _is_closed_class(
    tokens: Sequence[Token], i: int, vocabulary: Vocabulary, accented: bool
) -> bool:
    """A pronoun or particle. Typed without diacritics it is ambiguous ("ban" is bạn and
    Ban, "vang" is vâng and vàng): then it counts only when that is the syllable's usual
    reading in everyday Vietnamese, near an end of the question, and where the
    regulations never write it beside its neighbours, or hardly write it at all."""
    classes = function_words()
    word = tokens[i].word
    if word in classes.conversational:
        return True
    if accented and word != strip_diacritics(word):
        return False
    if vocabulary.usual_reading(word) not in classes.conversational:
        return False
    if EDGE_WORDS <= i < len(tokens) - EDGE_WORDS:
        return False  # typed without diacritics, only an opening or a closing is read so
    if vocabulary.corpus_count(strip_diacritics(word)) <= MAX_FOLDED_CORPUS_COUNT:
        return True
    before = tokens[i - 1].word if i > 0 else ""
    after = tokens[i + 1].word if i + 1 < len(tokens) else ""
    return not (
        (before and vocabulary.writes_pair(before, word))
        or (after and vocabulary.writes_pair(word, after))
    )


def conversational(tokens: Sequence[Token], vocabulary: Vocabulary, accented: bool) -> set[int]:
    """Indices of the tokens that frame the question rather than ask it. An opening or a
    closing is dropped only when a pronoun or particle anchors it: common words of a
    topic ("phụ cấp trách nhiệm cho kế toán", "diện tích rừng mấy ha") are never taken for a
    frame by frequency alone."""
    roles = _roles(tokens, vocabulary, accented)
    return (
        _opening(tokens, roles)
        | _closing(tokens, roles, vocabulary)
        | _closing_sentence(tokens, roles, vocabulary)
        | _inside(tokens, roles, accented)
    )


@dataclass(frozen=True)
class _Roles:
    """Per token: a pronoun or particle (closed class), a word that may frame the question
    (a marker), a word that glues a frame together."""

    closed: list[bool]
    marker: list[bool]
    glue: list[bool]


def _roles(tokens: Sequence[Token], vocabulary: Vocabulary, accented: bool) -> _Roles:
    closed = [
        not t.protected and _is_closed_class(tokens, i, vocabulary, accented)
        for i, t in enumerate(tokens)
    ]
    for i in _phrase_members(tokens, vocabulary):
        closed[i] = True
    # A word the regulations write beside its neighbour is part of a phrase of theirs
    # ("dien bien", "ban thuong vu"): content, whatever its frequency.
    content = [_in_phrase(tokens, i, vocabulary, closed) for i in range(len(tokens))]
    marker = [
        closed[i]
        or (
            not t.protected
            and not content[i]
            # typed without diacritics, a word the regulations never write beside its
            # neighbours ("em hoi chut", "cam on") is as good as everyday; in a question
            # typed with them, a word that has none ("chi", "tin") is as typed
            and (
                vocabulary.is_everyday(t.word)
                or (not accented and t.word == strip_diacritics(t.word))
            )
        )
        for i, t in enumerate(tokens)
    ]
    glue = [
        not t.protected and not content[i] and vocabulary.is_glue(t.word)
        for i, t in enumerate(tokens)
    ]
    return _Roles(closed=closed, marker=marker, glue=glue)


def _phrase_members(tokens: Sequence[Token], vocabulary: Vocabulary) -> set[int]:
    """A pronoun of several words typed without diacritics at an end of the question
    ("... vay moi nguoi"): each word alone reads otherwise ("mới", "người"), the phrase
    only as the pronoun, where the regulations never write it."""
    found: set[int] = set()
    folded = [strip_diacritics(t.word) for t in tokens]
    for member in _folded_phrases():
        n = len(member)
        for i in range(len(tokens) - n + 1):
            if tuple(folded[i : i + n]) != member or any(t.protected for t in tokens[i : i + n]):
                continue
            at_edge = i < EDGE_WORDS or i + n > len(tokens) - EDGE_WORDS
            if at_edge and not vocabulary.pair_count(*member[:2]):
                found.update(range(i, i + n))
    return found


@functools.cache
def _folded_phrases() -> tuple[tuple[str, ...], ...]:
    return tuple(
        tuple(strip_diacritics(w) for w in m.split())
        for m in function_words().conversational
        if " " in m
    )


def _opening(tokens: Sequence[Token], roles: _Roles) -> set[int]:
    """The opening: through its last pronoun or particle and the everyday words right
    after it ("cho mình hỏi chút | ..."), never further."""
    closed, marker, glue = roles.closed, roles.marker, roles.glue
    run = _edge_run(range(len(tokens)), marker, glue)
    # its pronouns and particles come before any word of content ("cho em", "anh ơi")
    opening = list(itertools.takewhile(lambda i: closed[i] or glue[i] or not marker[i], run))
    anchors = [i for i in opening if closed[i]]
    if not anchors:
        return set()
    end = anchors[-1]
    while (
        end + 1 < len(tokens)
        and (marker[end + 1] or _asks_aloud(tokens, end + 1))
        and not closed[end + 1]
        and not tokens[end + 1].after_break
    ):
        end += 1
    return set(range(end + 1))


def _closing(tokens: Sequence[Token], roles: _Roles, vocabulary: Vocabulary) -> set[int]:
    """The closing: from its first pronoun or particle to the end ("... vậy ạ, em cảm
    ơn")."""
    run = _edge_run(range(len(tokens) - 1, -1, -1), roles.marker, roles.glue)
    anchors = [i for i in run if roles.closed[i]]
    if not anchors:
        return set()
    start = min(anchors)
    # after the question word (or the unit it asks for) that ends the ask, a common
    # word before the closing that never ends a sentence of the regulations speaks
    # with it ("... thì sao với ạ", "mấy lần với ạ": "với" pleads, it asks for
    # nothing); a count noun ("bao nhiêu người ạ") is the unit asked
    if (
        start >= 2
        and _pleads(tokens[start - 1].word, vocabulary)
        and (
            is_interrogative(tokens[start - 2].word)
            or (tokens[start - 2].protected and not tokens[start - 2].names)
        )
    ):
        start -= 1
    return set(range(start, len(tokens)))


def _closing_sentence(tokens: Sequence[Token], roles: _Roles, vocabulary: Vocabulary) -> set[int]:
    """A last sentence of its own that speaks to the assistant ("... ? Nói kỹ giúp tớ
    nha."): a pronoun or particle anchors it and none of its words is a number, a name, a
    question word or part of a phrase the regulations write. It asks how to answer, not
    what."""
    starts = [i for i, t in enumerate(tokens) if i and t.opens_sentence]
    if not starts:
        return set()
    sentence = range(starts[-1], len(tokens))
    if not any(roles.closed[i] for i in sentence):
        return set()
    if any(
        tokens[i].protected or tokens[i].names or _in_phrase(tokens, i, vocabulary, roles.closed)
        for i in sentence
    ):
        return set()
    return set(sentence)


def _inside(tokens: Sequence[Token], roles: _Roles, accented: bool) -> set[int]:
    """Inside: a pronoun or particle typed with its diacritics; after a pronoun, the
    everyday words it speaks with, up to the nearest punctuation ("..., em muốn biết")."""
    drop: set[int] = set()
    for i, t in enumerate(tokens):
        if accented and not t.protected and t.word in function_words().conversational:
            drop.add(i)
            if t.word not in function_words().personal_pronouns:
                continue
            j = i + 1
            while (
                j < len(tokens)
                and not tokens[j].after_break
                and roles.marker[j]
                and not roles.closed[j]
            ):
                drop.add(j)
                j += 1
    return drop


def _asks_aloud(tokens: Sequence[Token], i: int) -> bool:
    """A performative verb ("hỏi", "tìm hiểu") after the opening's pronoun: the act of
    asking, part of the frame even where its syllables, typed without diacritics, read as
    the start of a phrase of the regulations ("cho mình hoi quy ..." is not "hội"); not
    when it makes a listed word with the next syllable ("hoi dong" may be "hội đồng")."""
    token = tokens[i]
    if token.protected or not in_class(token.word, function_words().performatives):
        return False
    after = [fold(t.word) for t in tokens[i : i + 2]]
    return len(after) < 2 or not is_listed(after, folded=True)


def _pleads(word: str, vocabulary: Vocabulary) -> bool:
    return (
        vocabulary.is_glue(word)
        and not is_interrogative(word)
        and not in_class(word, function_words().question_frame)
        and not vocabulary.ends_a_sentence(word)
        and fold(word) not in count_nouns()
    )


def _in_phrase(
    tokens: Sequence[Token], i: int, vocabulary: Vocabulary, closed: Sequence[bool]
) -> bool:
    """Whether the regulations write the token beside the word before or after it."""
    word = tokens[i].word
    if closed[i]:
        return False
    before = i > 0 and not closed[i - 1] and vocabulary.writes_pair(tokens[i - 1].word, word)
    after = (
        i + 1 < len(tokens)
        and not closed[i + 1]
        and vocabulary.writes_pair(word, tokens[i + 1].word)
    )
    return before or after


def _edge_run(order: Iterable[int], marker: Sequence[bool], glue: Sequence[bool]) -> list[int]:
    """From one edge: the tokens up to the last conversational one before the first token
    that is neither conversational nor glue (empty when there is none)."""
    run: list[int] = []
    seen: list[int] = []
    for i in order:
        if not (marker[i] or glue[i]):
            break
        seen.append(i)
        if marker[i]:
            run = list(seen)
    return run


__all__ = ["Token", "conversational", "is_interrogative"]
