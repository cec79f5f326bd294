"""A Vietnamese word list: which runs of syllables are one word ("công trình", "hiệu
trưởng"). The list is pyvi's (MIT), read as data from the installed package: nothing is
downloaded and pyvi's tagger is never loaded."""

from __future__ import annotations

import functools
from importlib import resources

from ingest.normalize import canonical_tones, nfc, strip_diacritics


@functools.cache
def listed_words() -> tuple[frozenset[str], frozenset[str]]:
    """Words of two or more syllables: as written (canonical), and folded."""
    listing = resources.files("pyvi").joinpath("models/words.txt").read_text(encoding="utf-8")
    # canonical() over the whole list at once, line by line after: the same forms, read in
    # one pass instead of thirty thousand (a one-shot question waits for this list)
    lines = canonical_tones(nfc(listing)).lower().splitlines()
    accented = {" ".join(line.split()) for line in lines if len(line.split()) > 1}
    folded = strip_diacritics("\n".join(accented)).splitlines()
    return frozenset(accented), frozenset(folded)


__all__ = ["listed_words"]
