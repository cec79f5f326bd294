"""Bodies a regulation names by their abbreviation ("BTV", "BCH", "TT"), read as the
bodies of the table of powers. The powers of a side are extracted from a copy of its text
with each abbreviation that stands for a body written out, as the project's one list of
abbreviations (index/abbreviations.py) writes it out; their spans are mapped back to the
text as written, so quotes and places stay the document's own. Nothing is stored."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from index.abbreviations import expansion
from ingest.bodies import bodies_in
from ingest.models import Document
from ingest.parse import parse_text
from ingest.powers import Power, extract_powers

# A word of letters; one written in capitals is the way an abbreviation is typed.
_WORD = re.compile(r"(?<!\w)[^\W\d_]{2,}(?!\w)")


@dataclass(frozen=True)
class _Written:
    """Each replacement: (start, end) as written, (start, end) in the written-out text."""

    old: tuple[tuple[int, int], ...]
    new: tuple[tuple[int, int], ...]

    def back(self, offset: int) -> int:
        """An offset of the written-out text, in the text as written."""
        k = bisect.bisect_right([s for s, _ in self.new], offset) - 1
        if k < 0:
            return offset
        (old_start, old_end), (new_start, new_end) = self.old[k], self.new[k]
        if offset < new_end:
            return old_start if offset == new_start else old_end
        return old_end + offset - new_end


def _body_expansion(word: str) -> str:
    """What ``word`` stands for when it is an abbreviation of a body, else ""."""
    if not word.isupper():
        return ""
    full = expansion(word)
    return full if full and bodies_in(full) else ""


def written_out(text: str) -> tuple[str, _Written]:
    """``text`` with the abbreviations of bodies written out, and where they were."""
    parts: list[str] = []
    old: list[tuple[int, int]] = []
    new: list[tuple[int, int]] = []
    position = length = 0
    for m in _WORD.finditer(text):
        full = _body_expansion(m.group())
        if not full:
            continue
        parts.append(text[position : m.start()])
        length += m.start() - position
        old.append(m.span())
        new.append((length, length + len(full)))
        parts.append(full)
        length += len(full)
        position = m.end()
    parts.append(text[position:])
    return "".join(parts), _Written(tuple(old), tuple(new))


def powers_read(doc: Document) -> list[Power]:
    """The document's powers, its abbreviated bodies read as the bodies they stand for."""
    text, where = written_out(doc.text)
    if not where.old:
        return extract_powers(doc)
    full = parse_text(text, doc.source_file, document_id=doc.id)
    same_shape = [len(p.articles) for p in full.parts] == [len(p.articles) for p in doc.parts]
    if full.text != text or not same_shape:
        return extract_powers(doc)  # written out, the text reads otherwise: as written
    return [_placed_back(p, where, doc.text) for p in extract_powers(full)]


def _placed_back(power: Power, where: _Written, text: str) -> Power:
    start, end = where.back(power.start), where.back(power.end)
    return power.model_copy(update={"start": start, "end": end, "quote": text[start:end]})
