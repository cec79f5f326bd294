"""Question normalisation, the first stage of answering: what the user meant to type.

Three repairs, each decided from data rather than from the question's wording (the first
two per word, in assistant.word_repair):
- keystrokes of an input method left in a word ("quyeets", "ho5p") are decoded by the
  Telex/VNI rules when the result is a syllable Vietnamese uses;
- a word neither the regulations nor everyday Vietnamese write is replaced by the
  regulations' syllable one edit away, when exactly one is likely ("dnh" → "dinh");
- the conversational frame ("cho em hỏi chút ...", "... với ạ") is dropped: personal
  pronouns and sentence-final particles (closed grammatical classes) and the everyday words
  around them that the regulations never write (by frequency, see assistant.vocabulary),
  as assistant.chat_frame reads them. Question words ("ai", "bao nhiêu") are never
  dropped.

Abbreviations, numbers and words the regulations use are left exactly as typed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from assistant.chat_frame import Token, conversational, is_interrogative
from assistant.function_words import chat_shorthand, function_words
from assistant.vocabulary import Vocabulary
from assistant.word_repair import Repair, in_class, repair_word
from index.abbreviations import expansion
from index.places import PLACE_UNITS, SUBUNITS
from ingest.bodies import body_mentions
from ingest.normalize import canonical, fold, has_diacritics, strip_diacritics

_TOKEN = re.compile(r"[^\W_]+")
_PUNCTUATION = re.compile(r"[^\w\s]")
_END_MARK = re.compile(r"[?!.]")
# Signs that are part of a quantity, written right after its number or question word.
_QUANTITY_SYMBOL = re.compile(r"\s*[%‰]")


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


def normalize_question(text: str, vocabulary: Vocabulary) -> NormalizedQuestion:
    original = text
    text, repairs = _slashed_shorthand(text)
    tokens: list[Token] = []
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
                and (tokens[-1].word.isdigit() or is_interrogative(tokens[-1].word))
                and word not in function_words().conversational
            )
            or expansion(typed)
            # a body or a place unit ("Chi bộ em ...", "Xã mình ..."): what the
            # question is about, whatever pronoun follows it
            or names
            # ... and the pronoun that owns it ("xã em": the asker's commune), of one
            # word or two ("ấp tụi mình"), kept whole
            or (tokens and not after_break and _owns(tokens, word, after.lower()))
            or is_interrogative(word)
            or in_class(word, function_words().question_frame)
            # "cho em câu chữ ...": the words that ask for the wording are the ask
            or in_class(word, function_words().wording_words)
            # capitalised inside a sentence: a name ("Anh" opening a sentence is "anh")
            or (typed[:1].isupper() and not opens_sentence and not typed.isupper())
        )
        tokens.append(
            Token(
                text=typed,
                start=m.start(),
                end=m.end(),
                word=word,
                protected=protected,
                names=names,
                after_break=after_break,
                opens_sentence=opens_sentence,
            )
        )
        if repair is not None:
            meant[index] = repair.meant
        elif (full := _spelled_out(text, m)) is not None:
            meant[index] = full
    accented = has_diacritics(text)
    drop = conversational(tokens, vocabulary, accented)
    rebuilt = _rebuild(text, tokens, drop, meant)
    if not _TOKEN.search(rebuilt):  # nothing but conversation: keep what was typed
        rebuilt, drop = text, set()
    return NormalizedQuestion(
        original=original,
        text=rebuilt,
        repairs=tuple(repairs),
        dropped=tuple(tokens[i].text for i in sorted(drop)),
    )


# Place units and the units below a commune ("xã em", "ấp tụi mình"): a pronoun after one
# owns the place.
_UNITS = frozenset(u for u in (*PLACE_UNITS, *SUBUNITS) if " " not in u)


def _owns(tokens: Sequence[Token], word: str, after: str) -> bool:
    """Whether ``word`` is (part of) a pronoun right after a named body or place: the
    pronoun's first word after the name, or its second after a first so kept."""
    pronouns = function_words().personal_pronouns
    last = tokens[-1]
    if last.names:
        return word in pronouns or f"{word} {after}" in pronouns
    owner = len(tokens) > 1 and tokens[-2].names and last.protected
    return bool(owner) and f"{last.word} {word}" in pronouns


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


def _rebuild(text: str, tokens: Sequence[Token], drop: set[int], meant: dict[int, str]) -> str:
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
    if pending is not None:  # a dropped closing keeps only the asking sentence's end mark
        tail = next(iter(_END_MARK.findall(pending + tail)), "")
    out.append(tail)
    return "".join(out).strip()


def _join(marks: str) -> str:
    """The separator between two kept words: their punctuation (once each) and a space."""
    kept = "".join(dict.fromkeys(marks))
    return f"{kept} " if kept and kept not in {"-", "/"} else (kept or " ")


__all__ = ["NormalizedQuestion", "Repair", "normalize_question"]
