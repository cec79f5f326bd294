"""What a message says about the asker rather than about the regulations: a sentence that
opens with the asker ("Mình mới chuyển về tổ nên chưa nắm.", "Tôi cần lên lịch.") and asks
nothing, or such a clause before a comma ("Tôi đang lập kế hoạch quý, ..."), or an aside in
brackets that names the document the asker's unit applies ("(tổ mình theo quy chế mẫu)").
It tells why or from where the question comes; the clause that answers need not write its
words. Set aside only when the asking sentences say what is asked on their own ("Mình đang
soạn tờ trình về mức chi. Điều mấy?" keeps its first sentence: the second names
nothing)."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from assistant.asks import asks_anything
from assistant.function_words import (
    alternation,
    class_syllables,
    function_words,
    wording_pattern,
)
from assistant.own_ask import PLACE_ASK, grammar_syllables
from assistant.terms import content_syllables
from index.models import HasMeta
from index.scope import detect_scope
from ingest.normalize import fold

# Words the asking sentences must name besides grammar and the place asked ("điều mấy").
MIN_OWN_CONTENT_WORDS = 2

# Where a sentence or a clause ends ("Tôi đang lập kế hoạch quý, ...": the clause
# about the asker is set apart as a sentence would be), or an aside in brackets begins
# after one ("... ra sao? (đơn vị theo quy chế mẫu)").
_SENTENCE_END = re.compile(r"(?<=[.?!,;])\s+|(?<=[.?!;])\s*(?=\()")


@functools.cache
def _first_person() -> re.Pattern[str]:
    return re.compile(rf"^(?:{alternation(function_words().first_person)})(?![a-z])")


def asker_context(original: str, text: str, documents: Sequence[HasMeta] = ()) -> str:
    """The sentences of ``text`` (the question as read) that are about the asker in
    ``original`` (as typed: reading drops the opening pronoun), joined; "" when there are
    none, when the two do not split alike, or when the rest would not say what is asked."""
    typed = _sentences(original)
    read = _sentences(text)
    about = [
        i
        for i, s in enumerate(typed)
        if not asks_anything(s)
        and (_first_person().match(fold(s).lstrip()) or _names_the_document_aside(s, documents))
        # "Tôi muốn chép nguyên văn đoạn X, ...": asking for the wording is the ask
        and not _asks_wording(s)
    ]
    if not about or len(about) == len(typed) or len(read) != len(typed):
        return ""
    rest = fold(" ".join(s for i, s in enumerate(read) if i not in about))
    rest = PLACE_ASK.sub(" ", rest)
    wording = class_syllables(function_words().wording_words)
    own = set(content_syllables(rest)) - grammar_syllables() - wording
    return " ".join(read[i] for i in about) if len(own) >= MIN_OWN_CONTENT_WORDS else ""


def _names_the_document_aside(sentence: str, documents: Sequence[HasMeta]) -> bool:
    """ "(chi bộ mình áp dụng quy chế mẫu)": in brackets, naming a loaded document; its
    words say which document, not what is asked."""
    aside = sentence.strip()
    return (
        aside.startswith("(")
        and aside.rstrip(" .?!").endswith(")")
        and bool(documents)
        and bool(detect_scope(aside, documents).document_ids)
    )


def _asks_wording(sentence: str) -> bool:
    return bool(
        wording_pattern(True).search(sentence.lower())
        or wording_pattern(False).search(fold(sentence))
    )


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text.strip()) if s.strip()]


__all__ = ["asker_context"]
