"""How many things one message asks: "ai lập hồ sơ, ai duyệt và gửi trước bao lâu?" asks
three, and an answer that quotes the sentence for the first leaves two unanswered.

An ask is an interrogative expression (assistant/data/function_words.yaml, ``ask_words``)
in a coordinated segment of the question: segments are split at commas, semicolons and
the coordinators that join clauses; two question words in one segment ("bao nhiêu người
... bao lâu") still count as two only when they are different expressions.
"""

from __future__ import annotations

import re
from functools import cache

from assistant.vocabulary import function_words
from ingest.normalize import fold

_SEGMENT = re.compile(r"[,;?!]|\s(?:va|roi|con|dong thoi|sau do|hay)\s")


@cache
def _ask_pattern() -> re.Pattern[str]:
    phrases = sorted((fold(w) for w in function_words().ask_words), key=len, reverse=True)
    return re.compile(r"(?<![a-z])(?:" + "|".join(re.escape(p) for p in phrases) + r")(?![a-z])")


def count_asks(text: str) -> int:
    """The number of distinct asks (at least 1 for any question)."""
    asks = 0
    for segment in _SEGMENT.split(fold(text)):
        asks += len(set(_ask_pattern().findall(segment)))
    return max(asks, 1)
