"""A Vietnamese word list: which runs of syllables are one word ("hiệu trưởng", "sổ hộ
khẩu"). Syllables alone say little ("hiệu" is in "hiệu quả", "trưởng" in "Trưởng ban");
a word the regulations never write says the question is about something else.

The list is pyvi's (MIT), read as data from the installed package: nothing is downloaded
and pyvi's tagger is never loaded.
"""

from __future__ import annotations

from collections.abc import Sequence

from ingest.words import listed_words

MAX_WORD_SYLLABLES = 4


def _words() -> tuple[frozenset[str], frozenset[str]]:
    return listed_words()


def word_length_at(
    syllables: Sequence[str], usable: Sequence[bool], start: int, folded: bool
) -> int:
    """Syllables in the longest listed word that starts at ``start`` using only usable
    syllables (0: none). Syllables are lower-case; ``folded``: without diacritics."""
    for n in range(min(MAX_WORD_SYLLABLES, len(syllables) - start), 1, -1):
        if all(usable[start : start + n]) and is_listed(syllables[start : start + n], folded):
            return n
    return 0


def is_listed(syllables: Sequence[str], folded: bool) -> bool:
    """Whether the syllables (lower-case) are one listed word."""
    accented, folded_words = _words()
    return " ".join(syllables) in (folded_words if folded else accented)
