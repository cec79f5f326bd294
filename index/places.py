"""Places a question names by a unit and a capitalised name ("xã Hòa Bình", "Tỉnh ủy Lào
Cai"), and those no loaded document is about."""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Sequence

from index.models import HasMeta
from index.spaced import has_phrase, spaced_words
from ingest.bodies import find_bodies
from ingest.models import DocumentMeta
from ingest.normalize import canonical, fold, words

# Words before a place name ("xã Hòa Bình", "Tỉnh ủy Lào Cai"), as typed: with their
# diacritics or with none ("phương án" is no "phường"). Longest first.
PLACE_UNITS: tuple[str, ...] = (
    "thị trấn",
    "thị xã",
    "thành phố",
    "tỉnh ủy",
    "huyện ủy",
    "thành ủy",
    "quận ủy",
    "thị ủy",
    "xã",
    "phường",
    "huyện",
    "quận",
    "tỉnh",
)
# The units below a commune or ward (thôn, tổ dân phố; Thông tư 04/2012/TT-BNV):
# "chi bộ khu phố 3" places the branch, it is no topic a regulation must write.
SUBUNITS: tuple[str, ...] = (
    "thôn", "ấp", "bản", "buôn", "làng", "xóm", "khóm", "khu phố", "tổ dân phố",
)  # fmt: skip
# Each unit's words as written and folded (computed once).
_UNIT_PARTS: tuple[tuple[list[str], list[str]], ...] = tuple(
    (unit.split(), [fold(p) for p in unit.split()]) for unit in PLACE_UNITS
)
_TOKEN = re.compile(r"[^\W\d_]+")
MAX_PLACE_WORDS = 4


def _unit_at(typed: list[str], i: int) -> int:
    """How many words from ``i`` (canonical, as typed) spell a place unit (0 = none)."""
    for parts, folded_parts in _UNIT_PARTS:
        here = typed[i : i + len(parts)]
        if len(here) == len(parts) and all(
            t in (p, f) for t, p, f in zip(here, parts, folded_parts, strict=True)
        ):
            if parts == ["quận"] and i > 0 and fold(typed[i - 1]) == "co":
                return 0  # "cơ quan" typed without diacritics
            return len(parts)
    return 0


def _is_name_word(token: str) -> bool:
    """A capitalised word, not an abbreviation ("BTV")."""
    return token[0].isupper() and not (len(token) > 1 and token.isupper())


def place_mentions(question: str) -> list[tuple[str, str]]:
    """(unit, name) of the places the question names by a unit and a capitalised name
    ("xã Hòa Bình", "Tỉnh ủy Lào Cai"), as typed. A name typed in lower case is not
    recognised: it cannot be told from ordinary words."""
    tokens = list(_TOKEN.finditer(question))
    typed = [canonical(t[0]) for t in tokens]
    found: list[tuple[str, str]] = []
    i = 0
    while i < len(tokens):
        width = _unit_at(typed, i)
        if not width:
            i += 1
            continue
        j = i + width
        name: list[re.Match[str]] = []
        while j < len(tokens) and len(name) < MAX_PLACE_WORDS and _is_name_word(tokens[j][0]):
            gap = question[(name[-1] if name else tokens[j - 1]).end() : tokens[j].start()]
            if gap.strip():
                break  # punctuation ends a name: "xã Sơn Hà, tỉnh Lâm Viên"
            name.append(tokens[j])
            j += 1
        # "Huyện Ban Thường vụ": a body's name, read on past the capitals, is no place;
        # one after the name ends it ("xã Suối Mơ Ban Chấp hành 25 người").
        bodies = find_bodies(question[name[0].start() :]) if name else []
        if bodies:
            body_at = name[0].start() + bodies[0].start
            name = [t for t in name if t.end() <= body_at]
        text = question[name[0].start() : name[-1].end()] if name else ""
        if text:
            unit = question[tokens[i].start() : tokens[i + width - 1].end()]
            found.append((unit, text))
        i = max(j, i + 1)
    return found


def unknown_places(question: str, documents: Sequence[HasMeta]) -> list[tuple[str, str]]:
    """(unit, name) of the places the question names that no loaded document is about (by
    its title, governed or issuing body, province): that regulation is not loaded. Exact:
    "Điện Biên Phủ" (a city) is not "Điện Biên" (the province)."""
    mentions = place_mentions(question)
    if not mentions:
        return []  # most questions: no document's metadata is read
    unknown = [
        (unit, name)
        for unit, name in mentions
        if not any(has_phrase(_meta_spaced(d.meta), " ".join(words(name))) for d in documents)
    ]
    return list(dict.fromkeys(unknown))


def misspelled_places(question: str, documents: Sequence[HasMeta]) -> list[tuple[str, str]]:
    """(as typed, as the documents write it): a place the question names that no loaded
    document is about, one letter from the name of one that is ("Tỉnh ủy Điện Bên")."""
    unknown = unknown_places(question, documents)
    if not unknown:
        return []
    names = {
        name
        for d in documents
        for field in (d.meta.province, d.meta.issuing_body, d.meta.governed_body, d.meta.title)
        for name in ([field] if field == d.meta.province else [n for _, n in place_mentions(field)])
        if name
    }
    from symspellpy.editdistance import DistanceAlgorithm, EditDistance

    distance = EditDistance(DistanceAlgorithm.LEVENSHTEIN)
    found: list[tuple[str, str]] = []
    for _, typed in unknown:
        typed_words = words(typed)
        close = [
            n
            for n in names
            if len(words(n)) == len(typed_words)
            and distance.compare(" ".join(typed_words), " ".join(words(n)), 1) == 1
        ]
        if len(close) == 1:
            found.append((typed, close[0]))
    return found


def own_unit(meta: DocumentMeta) -> str:
    """The unit of the place a document governs, folded ("xa" for "Ban Chấp hành Đảng bộ
    xã A (huyện B, tỉnh C)"): the first place its governed body (else its title) names."""
    for field in (meta.governed_body, meta.title):
        mentions = place_mentions(field)
        if mentions:
            return fold(mentions[0][0])
    return ""


def units_possessed(question: str, possessors: Collection[str]) -> list[str]:
    """The place units a question speaks of as the asker's own ("xã em", "phường mình":
    a unit followed by a personal pronoun), folded: the asker's unit, left unnamed."""
    typed = [canonical(t).lower() for t in _TOKEN.findall(question)]
    owners = {fold(p) for p in possessors if " " not in p}
    found = []
    for i in range(len(typed) - 1):
        width = _unit_at(typed, i)
        after = typed[i + width] if width and i + width < len(typed) else ""
        if after and fold(after) in owners:
            found.append(fold(" ".join(typed[i : i + width])))
    return found


@functools.lru_cache(maxsize=65536)
def _meta_spaced(m: DocumentMeta) -> str:
    """A document's name fields as spaced folded words (cached: metadata is immutable)."""
    return spaced_words(" ".join((m.title, m.governed_body, m.issuing_body, m.province)))


__all__ = [
    "MAX_PLACE_WORDS",
    "PLACE_UNITS",
    "misspelled_places",
    "own_unit",
    "place_mentions",
    "units_possessed",
    "unknown_places",
]
