"""The head noun of what a "what is / how" question asks about: "tiêu chuẩn" of "Tiêu
chuẩn xếp loại hội viên là gì?", "tính điểm" of "cách tính điểm thi đua thế nào?".

A clause that lists a matter among a body's tasks ("- việc kiểm điểm, xếp loại ...")
says who handles it, not its criteria, method or place: the head of the ask is what it
must write to answer."""

from __future__ import annotations

import functools
import re

from assistant.function_words import (
    alternation,
    class_syllables,
    framing_syllables,
    function_words,
)
from assistant.lexicon import is_listed
from ingest.normalize import fold, words


def ask_head(question: str) -> str:
    """The head (folded, one or two syllables) of the subject a question asks "what is /
    how / which" of, or "" when it asks nothing so (who, a number, a place in a text)."""
    folded = fold(question).strip(" ?.!")
    asked = _frame().search(folded)
    if asked is None:
        return ""
    framing = framing_syllables(question) | class_syllables(function_words().manner_nouns)
    subject = [w for w in words(folded[: asked.start()]) if w not in framing]
    if not subject:
        return ""
    if len(subject) > 1 and is_listed(subject[:2], folded=True):
        return " ".join(subject[:2])
    return subject[0]


def asked_subject(question: str) -> str:
    """What a "what is / how" question asks about, as typed ("Tiêu chuẩn xếp loại hội
    viên" of "Tiêu chuẩn xếp loại hội viên là gì?"); "" when it asks nothing so."""
    text = question.strip(" ?.!")
    asked = _frame().search(fold(text))
    return text[: asked.start()].strip(" ,") if asked is not None else ""


@functools.cache
def _frame() -> re.Pattern[str]:
    """A closing "what / how" frame: "... là gì", "... như thế nào", "... ra sao"."""
    return re.compile(rf"\s(?:{alternation(function_words().content_asks)})$")


__all__ = ["ask_head", "asked_subject"]
