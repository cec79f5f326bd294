"""Which documents a question names: a province, a document number, a level or status.

Everything is derived from the documents' own metadata, so a newly ingested regulation
is recognised without code changes. Questions may be typed without diacritics.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Sequence
from typing import Protocol

from index.models import Scope
from index.tokens import expand_abbreviations
from ingest.bodies import BodyMention, find_bodies, organization_mentions, organizations_in
from ingest.models import LEVEL_LABELS, STATUS_LABELS, DocumentMeta
from ingest.normalize import canonical, fold, words


class HasMeta(Protocol):
    """A document, or anything with its id and metadata (DocumentInfo too)."""

    @property
    def id(self) -> str: ...

    @property
    def meta(self) -> DocumentMeta: ...


# Folded phrases that name a level of committee in a question.
LEVEL_PHRASES: dict[str, tuple[str, ...]] = {
    "central": ("cap trung uong",),
    "province": ("cap tinh",),
    "district": ("cap huyen", "huyen uy", "quan uy", "thi uy", "dang bo huyen"),
    "commune": ("cap xa", "cap co so", "dang uy xa", "dang bo xa", "dang uy co so"),
    "bloc": ("dang uy khoi", "khoi co quan", "khoi doanh nghiep"),
    "caucus": ("ban can su",),
}
# Folded phrases that name a status; a document matches by status or by its title.
STATUS_PHRASES: dict[str, tuple[str, ...]] = {
    "template": ("quy che mau", "quy che lam viec mau", "ban mau"),
    "draft": ("du thao",),
}
STATUS_TITLE_WORDS: dict[str, str] = {"template": "mau", "draft": "du thao"}

# Long forms of document kinds in numbers ("09-QC/TU": quy chế).
KIND_WORDS: dict[str, tuple[str, ...]] = {
    "qc": ("quy che",),
    "qd": ("quyet dinh",),
    "qdi": ("quy dinh",),
    "nq": ("nghi quyet",),
    "ct": ("chi thi",),
    "kl": ("ket luan",),
    "hd": ("huong dan",),
}

_NUMBER = re.compile(r"0*(?P<num>\d{1,4})\s*[-–]\s*(?P<kind>[a-z]+)(?:\s*/\s*(?P<issuer>[a-z]+))?")


def parse_number(text: str) -> tuple[int, str, str] | None:
    """ "09-QC/TU" → (9, "qc", "tu"); None when ``text`` is no document number."""
    m = _NUMBER.search(fold(text))
    if m is None:
        return None
    return int(m["num"]), m["kind"], m["issuer"] or ""


def _question_numbers(folded: str, kinds: set[str]) -> list[tuple[int, str, str]]:
    found = [
        (int(m["num"]), m["kind"], m["issuer"] or "")
        for m in re.finditer(r"(?<![\w])" + _NUMBER.pattern, folded)
        if m["kind"] in kinds
    ]
    kind_forms = {form: kind for kind in kinds for form in (kind, *KIND_WORDS.get(kind, ()))}
    if kind_forms:
        alternation = "|".join(sorted(map(re.escape, kind_forms), key=len, reverse=True))
        pattern = rf"(?<![\w])({alternation})\s+(?:so\s+)?0*(\d{{1,4}})(?![\w])"
        found += [(int(m[2]), kind_forms[m[1]], "") for m in re.finditer(pattern, folded)]
    found += [(int(m[1]), "", "") for m in re.finditer(r"(?<![\w])so\s+0*(\d{1,4})\b", folded)]
    return found


def _has_phrase(spaced: str, phrase: str) -> bool:
    return f" {phrase} " in spaced


def _spaced(text: str) -> str:
    return f" {' '.join(words(text))} "


def detect_scope(question: str, documents: Sequence[HasMeta]) -> Scope:
    """The documents ``question`` names (and why), or an empty scope.

    Number and place names are strong; level and status words narrow them. When the
    criteria contradict each other the strong ones win."""
    folded = fold(expand_abbreviations(question))
    spaced = _spaced(folded)
    strong: list[tuple[str, set[str]]] = []
    weak: list[tuple[str, set[str]]] = []

    numbers = {d.id: parse_number(d.meta.number) for d in documents if d.meta.number}
    kinds = {n[1] for n in numbers.values() if n}
    for num, kind, issuer in _question_numbers(folded, kinds):
        hits = {
            doc_id
            for doc_id, n in numbers.items()
            if n and n[0] == num and kind in ("", n[1]) and issuer in ("", n[2])
        }
        if hits:
            strong.append((f"số {num}", hits))

    for name in sorted({d.meta.province for d in documents if d.meta.province}):
        key = " ".join(words(name))
        if key and _has_phrase(spaced, key):
            hits = {
                d.id
                for d in documents
                if any(
                    _has_phrase(_spaced(v), key)
                    for v in (d.meta.province, d.meta.issuing_body, d.meta.title)
                )
            }
            strong.append((name, hits))

    levels = {d.meta.level for d in documents if d.meta.level}
    for level in sorted(levels):
        if any(_has_phrase(spaced, p) for p in LEVEL_PHRASES.get(level, ())):
            weak.append((LEVEL_LABELS[level], {d.id for d in documents if d.meta.level == level}))

    for status, phrases in STATUS_PHRASES.items():
        if any(_has_phrase(spaced, p) for p in phrases):
            title_word = STATUS_TITLE_WORDS[status]
            hits = {
                d.id
                for d in documents
                if d.meta.status == status or _has_phrase(_spaced(d.meta.title), title_word)
            }
            if hits:
                weak.append((STATUS_LABELS[status], hits))

    named = _named(folded, documents)
    if named:
        weak.append(named)

    chosen = _combine(strong, weak)
    if not chosen:
        return Scope()
    why, ids = chosen
    why = list(dict.fromkeys(why))
    order = [d.id for d in documents if d.id in ids]
    return Scope(document_ids=tuple(order), why=tuple(why), by_name=bool(strong or named))


# Words that every regulation's name shares, and body names: they name no document.
_GENERIC = re.compile(
    r"\b(quy che lam viec|quy che|lam viec|mau|du thao|khoa [ivxlc]+|nhiem ky|\d+|cua|va|"
    r"dang bo|dang uy|cap uy|ban chap hanh|ban thuong vu|thuong truc|tinh uy|huyen uy|"
    r"thanh pho|thanh uy|[a-z]{1,3}/[a-z]+)\b"
)


def _name_grams(doc: HasMeta) -> frozenset[str]:
    return _meta_grams(doc.meta)


@functools.lru_cache(maxsize=65536)
def _meta_grams(m: DocumentMeta) -> frozenset[str]:
    """Bigrams of a document's distinctive name words (cached: metadata is immutable)."""
    text = fold(" ".join([m.title, m.governed_body, m.issuing_body, m.province]))
    parts = [" ".join(words(p)) for p in _GENERIC.split(text) if p and not _GENERIC.fullmatch(p)]
    grams: set[str] = set()
    for part in parts:
        syl = part.split()
        grams.update(f"{a} {b}" for a, b in itertools.pairwise(syl))
    return frozenset(grams)


NAMED = "tên văn bản"


@functools.lru_cache(maxsize=65536)
def _meta_organizations(m: DocumentMeta) -> frozenset[str]:
    return frozenset(organizations_in(" ".join([m.title, m.governed_body, m.issuing_body])))


def _without_organizations(folded: str, mentions: Sequence[BodyMention]) -> str:
    """The question, spaced, with the given organization mentions blanked."""
    for mention in reversed(mentions):
        folded = f"{folded[: mention.start]} | {folded[mention.end :]}"
    return _spaced(folded)


def _named(folded: str, documents: Sequence[HasMeta]) -> tuple[str, set[str]] | None:
    """Documents whose distinctive name words the question uses ("xã Tân Phú", "đảng ủy
    UBND tỉnh"): the best-scoring ones, by IDF of the shared bigrams."""
    if not documents:
        return None
    # An organization the question names that a document's name does not is blanked for
    # that document: "hội đồng nhân dân tỉnh" shares "nhân dân tỉnh" with "Ủy ban nhân dân
    # tỉnh" but does not name it. One spacing per set of organizations, not per document.
    mentions = organization_mentions(folded)
    by_own: dict[frozenset[str], str] = {}
    spaced: dict[str, str] = {}
    for d in documents:
        own = _meta_organizations(d.meta) & {m.body for m in mentions}
        if own not in by_own:
            by_own[own] = _without_organizations(folded, [m for m in mentions if m.body not in own])
        spaced[d.id] = by_own[own]
    grams = {d.id: _name_grams(d) for d in documents}
    df: dict[str, int] = {}
    for gs in grams.values():
        for g in gs:
            df[g] = df.get(g, 0) + 1
    n = len(documents)
    scores: dict[str, float] = {}
    for doc_id, gs in grams.items():
        shared = [g for g in gs if df[g] < n and _has_phrase(spaced[doc_id], g)]
        if shared:
            scores[doc_id] = sum(math.log(n / df[g]) for g in shared)
    if not scores:
        return None
    best = max(scores.values())
    if best < math.log(2):
        return None
    return NAMED, {d for d, v in scores.items() if v >= best - 1e-9}


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
_TOKEN = re.compile(r"[^\W\d_]+")
MAX_PLACE_WORDS = 4


def _unit_at(typed: list[str], i: int) -> int:
    """How many words from ``i`` (canonical, as typed) spell a place unit (0 = none)."""
    for unit in PLACE_UNITS:
        parts = unit.split()
        here = typed[i : i + len(parts)]
        if len(here) == len(parts) and all(
            t in (p, fold(p)) for t, p in zip(here, parts, strict=True)
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
                break  # punctuation ends a name: "xã Hòa Bình, tỉnh Tây Ninh"
            name.append(tokens[j])
            j += 1
        text = question[name[0].start() : name[-1].end()] if name else ""
        # "Huyện Ban Thường vụ": a body's name, read on past the capitals, is no place.
        bodies = find_bodies(question[name[0].start() :]) if name else []
        if text and not (bodies and bodies[0].start == 0):
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
        if not any(_has_phrase(_meta_spaced(d.meta), " ".join(words(name))) for d in documents)
    ]
    return list(dict.fromkeys(unknown))


@functools.lru_cache(maxsize=65536)
def _meta_spaced(m: DocumentMeta) -> str:
    """A document's name fields as spaced folded words (cached: metadata is immutable)."""
    return _spaced(" ".join((m.title, m.governed_body, m.issuing_body, m.province)))


def _combine(
    strong: list[tuple[str, set[str]]], weak: list[tuple[str, set[str]]]
) -> tuple[list[str], set[str]] | None:
    """All criteria intersected when they agree. When strong criteria (numbers, places)
    disagree, the question names several documents ("Điện Biên và Đồng Tháp"): each strong
    criterion, narrowed by the weak ones where that leaves something, united."""
    every = [*strong, *weak]
    if every:
        ids = set.intersection(*(hits for _, hits in every))
        if ids:
            return [why for why, _ in every], ids
    if strong:
        united: set[str] = set()
        whys = [why for why, _ in strong]
        for _, hits in strong:
            narrowed = hits
            for _, weak_hits in weak:
                if narrowed & weak_hits:
                    narrowed = narrowed & weak_hits
            united |= narrowed
        # "… ở Điện Biên, ở Đồng Tháp và theo quy chế mẫu đảng ủy UBND tỉnh": a document
        # named by its own name words, apart from every place, is one more of the several.
        for why, hits in weak:
            if why == NAMED and not any(hits & strong_hits for _, strong_hits in strong):
                united |= hits
                whys.append(why)
        return whys, united
    if weak:
        return [why for why, _ in weak], set.union(*(hits for _, hits in weak))
    return None


__all__ = [
    "LEVEL_PHRASES",
    "PLACE_UNITS",
    "STATUS_PHRASES",
    "HasMeta",
    "detect_scope",
    "parse_number",
    "place_mentions",
    "unknown_places",
]
