"""Question normalisation, the first stage of answering: what the user meant to type.

Three repairs, each decided from data rather than from the question's wording (the first
two per word, in assistant.word_repair):
- keystrokes of an input method left in a word ("quyeets", "ho5p") are decoded by the
  Telex/VNI rules when the result is a syllable Vietnamese uses;
- a word neither the regulations nor everyday Vietnamese write is replaced by the
  regulations' syllable one edit away, when exactly one is likely ("dnh" → "dinh");
- the conversational frame ("cho em hỏi chút ...", "... với ạ") is dropped: personal
  pronouns and sentence-final particles (closed grammatical classes) and the everyday words
  around them that the regulations never write (by frequency, see assistant.vocabulary).
  Question words ("ai", "bao nhiêu") are never dropped.

Abbreviations, numbers and words the regulations use are left exactly as typed.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from assistant.function_words import chat_shorthand, function_words
from assistant.lexicon import is_listed
from assistant.quantities import count_nouns
from assistant.vocabulary import Vocabulary
from assistant.word_repair import Repair, in_class, repair_word
from index.abbreviations import expansion
from index.places import PLACE_UNITS
from ingest.bodies import body_mentions
from ingest.normalize import canonical, fold, has_diacritics, strip_diacritics

_TOKEN = re.compile(r"[^\W_]+")
_PUNCTUATION = re.compile(r"[^\w\s]")
_END_MARK = re.compile(r"[?!.]")
# Signs that are part of a quantity, written right after its number or question word.
_QUANTITY_SYMBOL = re.compile(r"\s*[%‰]")
# Folded closed-class words are ambiguous ("ban" is bạn and Ban): taken as conversational
# only when the regulations write the folded syllable this rarely.
MAX_FOLDED_CORPUS_COUNT = 2
# How far from either end of the question a folded pronoun or particle may stand.
EDGE_WORDS = 4


class NormalizedQuestion(BaseModel):
    """The question as the user meant it; ``text`` is what every later stage reads."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    original: str
    text: str
    repairs: tuple[Repair, ...] = ()
    dropped: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.repairs or self.dropped)


class _Token(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str
    start: int
    end: int
    word: str  # canonical (lower-case) form after repair
    protected: bool  # a number, an abbreviation or a question word
    names: bool = False  # a word of a body's name or a place unit ("chi bộ", "xã")
    after_break: bool  # punctuation stands between this token and the one before


def normalize_question(text: str, vocabulary: Vocabulary) -> NormalizedQuestion:
    original = text
    text, repairs = _slashed_shorthand(text)
    tokens: list[_Token] = []
    position = 0
    meant: dict[int, str] = {}  # token index -> the words every later stage reads
    matches = list(_TOKEN.finditer(text))
    named = _naming_offsets(text)
    for index, m in enumerate(matches):
        typed = m.group()
        after_break = bool(_PUNCTUATION.search(text[position : m.start()]))
        opens_sentence = m.start() == 0 or bool(_END_MARK.search(text[position : m.start()]))
        position = m.end()
        before = tokens[-1].word if tokens and not after_break else ""
        after = canonical(matches[index + 1].group()) if index + 1 < len(matches) else ""
        word, repair = repair_word(typed, vocabulary, before, after, has_diacritics(text))
        names = m.start() in named
        if repair is not None:
            repairs.append(repair)
        protected = bool(
            any(c.isdigit() for c in word)
            # the unit or noun of a number or of a quantity asked ("25 ha", "bao nhiêu
            # ha", "mấy người") is never conversation
            or (
                tokens
                and not after_break
                and (tokens[-1].word.isdigit() or _is_interrogative(tokens[-1].word))
                and word not in function_words().conversational
            )
            or expansion(typed)
            # a body or a place unit ("Chi bộ em ...", "Xã mình ..."): what the
            # question is about, whatever pronoun follows it
            or names
            # ... and the pronoun that owns it ("xã em": the asker's commune)
            or (
                tokens
                and not after_break
                and tokens[-1].names
                and word in function_words().personal_pronouns
            )
            or _is_interrogative(word)
            or in_class(word, function_words().question_frame)
            # capitalised inside a sentence: a name ("Anh" opening a sentence is "anh")
            or (typed[:1].isupper() and not opens_sentence and not typed.isupper())
        )
        tokens.append(
            _Token(
                text=typed,
                start=m.start(),
                end=m.end(),
                word=word,
                protected=protected,
                names=names,
                after_break=after_break,
            )
        )
        if repair is not None:
            meant[index] = repair.meant
        elif (full := _spelled_out(text, m)) is not None:
            meant[index] = full
    accented = has_diacritics(text)
    drop = _conversational(tokens, vocabulary, accented)
    rebuilt = _rebuild(text, tokens, drop, meant)
    if not _TOKEN.search(rebuilt):  # nothing but conversation: keep what was typed
        rebuilt, drop = text, set()
    return NormalizedQuestion(
        original=original,
        text=rebuilt,
        repairs=tuple(repairs),
        dropped=tuple(tokens[i].text for i in sorted(drop)),
    )


_UNITS = frozenset(u for u in PLACE_UNITS if " " not in u)


def _naming_offsets(text: str) -> frozenset[int]:
    """Where the words of a body's name ("chi bộ", "ban thường vụ") or a place unit ("xã")
    start in ``text``."""
    folded = fold(text)
    starts: set[int] = set()
    if len(folded) == len(text):
        for mention in body_mentions(folded.lower()):
            starts.update(
                m.start() + mention.start
                for m in _TOKEN.finditer(folded[mention.start : mention.end])
            )
    starts.update(m.start() for m in _TOKEN.finditer(text) if m.group().lower() in _UNITS)
    return frozenset(starts)


def _slashed_shorthand(text: str) -> tuple[str, list[Repair]]:
    """Shorthand written with a slash ("đ/c"), which the word tokens would split."""
    repairs: list[Repair] = []
    for short, meant in chat_shorthand().items():
        if "/" not in short:
            continue
        pattern = re.compile(rf"(?<![^\W_]){re.escape(short)}(?![^\W_])", re.IGNORECASE)
        for typed in dict.fromkeys(m.group() for m in pattern.finditer(text)):
            repairs.append(Repair(typed=typed, meant=meant, kind="shorthand"))
        text = pattern.sub(meant, text)
    return text, repairs


def _is_interrogative(word: str) -> bool:
    return in_class(word, function_words().interrogatives)


def _is_closed_class(
    tokens: Sequence[_Token], i: int, vocabulary: Vocabulary, accented: bool
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


def _conversational(tokens: Sequence[_Token], vocabulary: Vocabulary, accented: bool) -> set[int]:
    """Indices of the tokens that frame the question rather than ask it. An opening or a
    closing is dropped only when a pronoun or particle anchors it: common words of a
    topic ("phụ cấp trách nhiệm cho kế toán", "diện tích rừng mấy ha") are never taken for a
    frame by frequency alone."""
    roles = _roles(tokens, vocabulary, accented)
    return (
        _opening(tokens, roles)
        | _closing(tokens, roles, vocabulary)
        | _inside(tokens, roles, accented)
    )


@dataclass(frozen=True)
class _Roles:
    """Per token: a pronoun or particle (closed class), a word that may frame the question
    (a marker), a word that glues a frame together."""

    closed: list[bool]
    marker: list[bool]
    glue: list[bool]


def _roles(tokens: Sequence[_Token], vocabulary: Vocabulary, accented: bool) -> _Roles:
    closed = [
        not t.protected and _is_closed_class(tokens, i, vocabulary, accented)
        for i, t in enumerate(tokens)
    ]
    # A word the regulations write beside its neighbour is part of a phrase of theirs
    # ("dien bien", "ban thuong vu"): content, whatever its frequency.
    content = [_in_phrase(tokens, i, vocabulary, closed) for i in range(len(tokens))]
    marker = [
        closed[i]
        or (
            not t.protected
            and not content[i]
            # typed without diacritics, a word the regulations never write beside its
            # neighbours ("em hoi chut", "cam on") is as good as everyday
            and (vocabulary.is_everyday(t.word) or t.word == strip_diacritics(t.word))
        )
        for i, t in enumerate(tokens)
    ]
    glue = [
        not t.protected and not content[i] and vocabulary.is_glue(t.word)
        for i, t in enumerate(tokens)
    ]
    return _Roles(closed=closed, marker=marker, glue=glue)


def _opening(tokens: Sequence[_Token], roles: _Roles) -> set[int]:
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


def _closing(tokens: Sequence[_Token], roles: _Roles, vocabulary: Vocabulary) -> set[int]:
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
            _is_interrogative(tokens[start - 2].word)
            or (tokens[start - 2].protected and not tokens[start - 2].names)
        )
    ):
        start -= 1
    return set(range(start, len(tokens)))


def _inside(tokens: Sequence[_Token], roles: _Roles, accented: bool) -> set[int]:
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


def _asks_aloud(tokens: Sequence[_Token], i: int) -> bool:
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
        and not _is_interrogative(word)
        and not in_class(word, function_words().question_frame)
        and not vocabulary.ends_a_sentence(word)
        and fold(word) not in count_nouns()
    )


def _in_phrase(
    tokens: Sequence[_Token], i: int, vocabulary: Vocabulary, closed: Sequence[bool]
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


def _spelled_out(text: str, match: re.Match[str]) -> str | None:
    """The full name of an abbreviation ("BTV" → "Ban Thường vụ"), so that every later
    stage reads the words the regulations write; never inside a document number
    ("09-QC/TU")."""
    full = expansion(match.group())
    if not full:
        return None
    around = text[max(0, match.start() - 1) : match.start()] + text[match.end() : match.end() + 1]
    if "-" in around or "/" in around:
        return None
    if not has_diacritics(text):
        full = strip_diacritics(full)  # one typing style: the question's own
    return full[:1].upper() + full[1:]


def _rebuild(text: str, tokens: Sequence[_Token], drop: set[int], meant: dict[int, str]) -> str:
    """The text with dropped tokens removed (the punctuation around them kept once) and
    repaired tokens replaced; untouched stretches stay exactly as typed."""
    out: list[str] = []
    pending: str | None = None  # punctuation of a dropped stretch, None: nothing dropped
    position = 0
    for i, t in enumerate(tokens):
        separator = text[position : t.start]
        position = t.end
        if i in drop:
            symbol = _QUANTITY_SYMBOL.match(separator)
            if symbol is not None and out and pending is None:
                # "bao nhiêu % ạ": the sign belongs to the number asked, not to the closing
                out.append(symbol.group())
                separator = separator[symbol.end() :]
            pending = (pending or "") + "".join(_PUNCTUATION.findall(separator))
            continue
        if out:
            out.append(
                separator
                if pending is None
                else _join(pending + "".join(_PUNCTUATION.findall(separator)))
            )
        pending = None
        out.append(meant.get(i, t.text))
    tail = text[position:]
    if pending is not None:  # a dropped closing keeps only the sentence's end mark
        tail = "".join(dict.fromkeys(_END_MARK.findall(pending + tail)))
    out.append(tail)
    return "".join(out).strip()


def _join(marks: str) -> str:
    """The separator between two kept words: their punctuation (once each) and a space."""
    kept = "".join(dict.fromkeys(marks))
    return f"{kept} " if kept and kept not in {"-", "/"} else (kept or " ")


__all__ = ["NormalizedQuestion", "Repair", "normalize_question"]
