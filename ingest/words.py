"""A Vietnamese word list: which runs of syllables are one word ("công trình", "hiệu
trưởng"). The list is pyvi's (MIT), read as data from the installed package: nothing is
downloaded and pyvi's tagger is never loaded."""

from __future__ import annotations

import functools
from importlib import resources

from ingest.normalize import canonical, strip_diacritics


@functools.cache
def listed_words() -> tuple[frozenset[str], frozenset[str]]:
    """Words of two or more syllables: as written (canonical), and folded."""
    listing = resources.files("pyvi").joinpath("models/words.txt").read_text(encoding="utf-8")
    accented = {canonical(w) for w in listing.splitlines() if " " in w.strip()}
    return frozenset(accented), frozenset(strip_diacritics(w) for w in accented)


__all__ = ["listed_words"]
