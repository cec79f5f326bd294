"""A Vietnamese word list: which runs of syllables are one word ("hiệu trưởng", "sổ hộ
khẩu"). Syllables alone say little ("hiệu" is in "hiệu quả", "trưởng" in "Trưởng ban");
a word the regulations never write says the question is about something else.

The list is pyvi's (MIT), read as data from the installed package: nothing is downloaded
and pyvi's tagger is never loaded.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from importlib import resources

from ingest.normalize import canonical, strip_diacritics

MAX_WORD_SYLLABLES = 4


@functools.cache
def _words() -> tuple[frozenset[str], frozenset[str]]:
    """Words of two or more syllables: as written, and folded (for questions typed
    without diacritics)."""
    listing = resources.files("pyvi").joinpath("models/words.txt").read_text(encoding="utf-8")
    accented = {canonical(w) for w in listing.splitlines() if " " in w.strip()}
    return frozenset(accented), frozenset(strip_diacritics(w) for w in accented)


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
