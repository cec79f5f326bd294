"""Which documents a question names: a province, a document number, a level or status.

Everything is derived from the documents' own metadata, so a newly ingested regulation
is recognised without code changes. Questions may be typed without diacritics.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import math
import re
from collections.abc import Sequence
from typing import Protocol

from index.abbreviations import expansion
from index.models import Scope
from ingest.bodies import (
    BodyMention,
    bodies_in,
    find_bodies,
    organization_mentions,
    organizations_in,
)
from ingest.models import LEVEL_LABELS, STATUS_LABELS, DocumentMeta
from ingest.normalize import canonical, fold, nfc, words


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


def _question_numbers(folded: str, kinds: set[str]) -> list[tuple[int, str, str, int, int]]:
    """Document numbers in the question: (number, kind, issuer, start, end)."""
    found = [
        (int(m["num"]), m["kind"], m["issuer"] or "", m.start(), m.end())
        for m in re.finditer(r"(?<![\w])" + _NUMBER.pattern, folded)
        if m["kind"] in kinds
    ]
    kind_forms = {form: kind for kind in kinds for form in (kind, *KIND_WORDS.get(kind, ()))}
    if kind_forms:
        alternation = "|".join(sorted(map(re.escape, kind_forms), key=len, reverse=True))
        pattern = rf"(?<![\w])({alternation})\s+(?:so\s+)?0*(\d{{1,4}})(?![\w])"
        found += [
            (int(m[2]), kind_forms[m[1]], "", m.start(), m.end())
            for m in re.finditer(pattern, folded)
        ]
    found += [
        (int(m[1]), "", "", m.start(), m.end())
        for m in re.finditer(r"(?<![\w])so\s+0*(\d{1,4})\b", folded)
    ]
    return found


_TOKEN_RUN = re.compile(r"[^\W_]+")


def _spelled_out(question: str) -> str:
    """The question with its abbreviations spelled out where they stand ("BTV" → "ban
    thường vụ"), document numbers ("09-QC/TU") left as typed: positions in it are the
    order in which the question names things."""
    text = nfc(question)
    folded = fold(text)
    if len(folded) != len(text):
        return text
    numbers = [m.span() for m in _NUMBER.finditer(folded)]

    def spell(m: re.Match[str]) -> str:
        if any(a <= m.start() < b for a, b in numbers):
            return m.group()
        return expansion(m.group()) or m.group()

    return _TOKEN_RUN.sub(spell, text)


def _has_phrase(spaced: str, phrase: str) -> bool:
    return f" {phrase} " in spaced


def _spaced(text: str) -> str:
    return f" {' '.join(words(text))} "


@dataclasses.dataclass(frozen=True)
class _Criterion:
    """One thing the question says that names documents, and where it says it."""

    why: str
    hits: frozenset[str]
    start: int  # in the spaced question
    end: int
    strong: bool = False


def _occurrences(spaced: str, phrase: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    i = spaced.find(f" {phrase} ")
    while i >= 0:
        spans.append((i, i + len(phrase) + 1))
        i = spaced.find(f" {phrase} ", i + 1)
    return spans


def detect_scope(question: str, documents: Sequence[HasMeta]) -> Scope:
    """The documents ``question`` names (and why), in the order it names them, or an
    empty scope.

    Numbers and place names are strong; level and status words narrow them. When the
    criteria contradict each other the question names several documents: see
    ``_combine``."""
    folded = fold(_spelled_out(question))
    spaced = _spaced(folded)
    criteria: list[_Criterion] = []

    numbers = {d.id: parse_number(d.meta.number) for d in documents if d.meta.number}
    kinds = {n[1] for n in numbers.values() if n}
    for num, kind, issuer, start, end in _question_numbers(folded, kinds):
        hits = frozenset(
            doc_id
            for doc_id, n in numbers.items()
            if n and n[0] == num and kind in ("", n[1]) and issuer in ("", n[2])
        )
        if hits:
            at = len(_spaced(folded[:start])) - 1
            length = len(_spaced(folded[start:end])) - 1
            criteria.append(_Criterion(f"số {num}", hits, at, at + length, strong=True))

    for name in sorted({d.meta.province for d in documents if d.meta.province}):
        key = " ".join(words(name))
        spans = _occurrences(spaced, key) if key else []
        if spans:
            hits = frozenset(
                d.id
                for d in documents
                if any(
                    _has_phrase(_spaced(v), key)
                    for v in (d.meta.province, d.meta.issuing_body, d.meta.title)
                )
            )
            criteria += [_Criterion(name, hits, a, b, strong=True) for a, b in spans]

    levels = {d.meta.level for d in documents if d.meta.level}
    for level in sorted(levels):
        spans = [span for p in LEVEL_PHRASES.get(level, ()) for span in _occurrences(spaced, p)]
        hits = frozenset(d.id for d in documents if d.meta.level == level)
        criteria += [_Criterion(LEVEL_LABELS[level], hits, a, b) for a, b in spans]

    for status, phrases in STATUS_PHRASES.items():
        spans = [span for p in phrases for span in _occurrences(spaced, p)]
        title_word = STATUS_TITLE_WORDS[status]
        hits = frozenset(
            d.id
            for d in documents
            if d.meta.status == status or _has_phrase(_spaced(d.meta.title), title_word)
        )
        if hits:
            criteria += [_Criterion(STATUS_LABELS[status], hits, a, b) for a, b in spans]

    named = _named(folded, documents)
    if named:
        why_named, named_ids, (a, b) = named
        criteria.append(_Criterion(why_named, frozenset(named_ids), a, b))

    chosen = _combine(sorted(criteria, key=lambda c: (c.start, c.end)))
    if not chosen:
        return Scope()
    why, groups = chosen
    rank = {d.id: i for i, d in enumerate(documents)}
    order: list[str] = []
    for group in groups:
        order += sorted((d for d in group if d not in order), key=rank.__getitem__)
    only_named = all(c.why == NAMED for c in criteria)
    return Scope(
        document_ids=tuple(order),
        why=tuple(dict.fromkeys(why)),
        by_name=any(c.strong or c.why == NAMED for c in criteria),
        by_body_only=only_named and _named_by_bodies_only(folded, documents),
    )


def _named_by_bodies_only(folded: str, documents: Sequence[HasMeta]) -> bool:
    """Whether the name words the question shares with a document are all the name of a
    body it speaks of ("chi bộ"), with no "quy chế" to say a document is meant."""
    if re.search(r"\bquy che\b", folded):
        return False
    bodies = [*find_bodies(folded), *_party_units(folded)]
    return bool(bodies) and _named(_spaced_out(folded, bodies), documents) is None


# Party organizations a question speaks of as actors, beside the bodies of ingest.bodies.
_PARTY_UNIT = re.compile(r"\b(?:chi bo|chi uy)\b")


def _party_units(folded: str) -> list[BodyMention]:
    return [BodyMention(m.group(), m.start(), m.end()) for m in _PARTY_UNIT.finditer(folded)]


def _spaced_out(folded: str, mentions: Sequence[BodyMention]) -> str:
    """``folded`` with the mentions replaced by a filler word of their length."""
    for mention in reversed(mentions):
        folded = (
            f"{folded[: mention.start]}{'q' * (mention.end - mention.start)}{folded[mention.end :]}"
        )
    return folded


# Words that every regulation's name shares, and body names: they name no document.
_GENERIC = re.compile(
    r"\b(quy che lam viec|quy che|lam viec|mau|du thao|khoa [ivxlc]+|nhiem ky|\d+|cua|va|"
    r"dang bo|dang uy|cap uy|ban chap hanh|ban thuong vu|thuong truc|tinh uy|huyen uy|"
    r"thanh pho|thanh uy|cap (?:trung uong|tinh|huyen|xa|co so)|[a-z]{1,3}/[a-z]+)\b"
)


def _name_grams(doc: HasMeta) -> frozenset[str]:
    return _meta_grams(doc.meta)


@functools.lru_cache(maxsize=65536)
def _meta_grams(m: DocumentMeta) -> frozenset[str]:
    """Bigrams of a document's distinctive name words (cached: metadata is immutable).
    The province is left out: a place is a criterion of its own."""
    text = fold(" ".join([m.title, m.governed_body, m.issuing_body]))
    province = " ".join(words(m.province))
    if province:
        text = re.sub(rf"\b{re.escape(province)}\b", " | ", " ".join(words(text)))
    parts = [" ".join(words(p)) for p in _GENERIC.split(text) if p and not _GENERIC.fullmatch(p)]
    grams: set[str] = set()
    for part in parts:
        syl = part.split()
        grams.update(f"{a} {b}" for a, b in itertools.pairwise(syl))
    return frozenset(grams)


NAMED = "tên văn bản"


@functools.lru_cache(maxsize=65536)
def _meta_names(m: DocumentMeta) -> frozenset[str]:
    """Bodies and organizations a document's name names ("Ban Bí thư", "UBND")."""
    text = " ".join([m.title, m.governed_body, m.issuing_body])
    return frozenset([*organizations_in(text), *bodies_in(text)])


def _name_mentions(folded: str) -> list[BodyMention]:
    """Bodies and organizations the question names, in order, without overlaps."""
    found = sorted([*organization_mentions(folded), *find_bodies(folded)], key=lambda m: m.start)
    kept: list[BodyMention] = []
    for mention in found:
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept


def _without_mentions(folded: str, mentions: Sequence[BodyMention]) -> str:
    """The question, spaced, with the given mentions blanked (by a word no name has, of
    the same length: spans found in it are spans of the question)."""
    return _spaced(_spaced_out(folded, mentions))


def _named(
    folded: str, documents: Sequence[HasMeta]
) -> tuple[str, set[str], tuple[int, int]] | None:
    """Documents whose distinctive name words the question uses ("xã Tân Phú", "đảng ủy
    UBND tỉnh"): the best-scoring ones, by IDF of the shared bigrams, with the span of
    the question that names them."""
    if not documents:
        return None
    # A body or organization the question names that a document's name does not is
    # blanked for that document: "hội đồng nhân dân tỉnh" shares "nhân dân tỉnh" with "Ủy
    # ban nhân dân tỉnh", "bí thư" shares "bí thư" with "Ban Bí thư", and neither names
    # it. One spacing per set of names kept, not per document.
    mentions = _name_mentions(folded)
    asked = {m.body for m in mentions}
    by_own: dict[frozenset[str], str] = {}
    spaced: dict[str, str] = {}
    for d in documents:
        own = _meta_names(d.meta) & asked
        if own not in by_own:
            by_own[own] = _without_mentions(folded, [m for m in mentions if m.body not in own])
        spaced[d.id] = by_own[own]
    grams = {d.id: _name_grams(d) for d in documents}
    df: dict[str, int] = {}
    for gs in grams.values():
        for g in gs:
            df[g] = df.get(g, 0) + 1
    n = len(documents)
    scores: dict[str, float] = {}
    spans: dict[str, list[tuple[int, int]]] = {}
    for doc_id, gs in grams.items():
        shared = [g for g in gs if df[g] < n and _has_phrase(spaced[doc_id], g)]
        if shared:
            scores[doc_id] = sum(math.log(n / df[g]) for g in shared)
            spans[doc_id] = [span for g in shared for span in _occurrences(spaced[doc_id], g)]
    if not scores:
        return None
    best = max(scores.values())
    if best < math.log(2):
        return None
    hits = {d for d, v in scores.items() if v >= best - 1e-9}
    found = [span for d in hits for span in spans[d]]
    return NAMED, hits, (min(a for a, _ in found), max(b for _, b in found))


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


@functools.lru_cache(maxsize=256)
def _name_pattern(num: int, kind: str) -> re.Pattern[str]:
    """A document's kind and number as a question writes them ("quyết định 261")."""
    forms = "|".join(re.escape(f) for f in (kind, *KIND_WORDS.get(kind, ())))
    return re.compile(
        rf"(?<![\w])(?:{forms})\s+(?:so\s+)?0*{num}(?:\s*-\s*[a-z]+(?:\s*/\s*[a-z]+)?)?(?![\w])"
    )


def document_name_phrases(question: str, documents: Sequence[HasMeta]) -> list[str]:
    """The words that name a loaded document by its kind and number, as written in the
    question and folded ("quyet dinh 261", "quy che so 09-qc/tu"): a name, not a topic."""
    folded = fold(question)
    numbers = [n for d in documents if d.meta.number and (n := parse_number(d.meta.number))]
    found: list[str] = []
    for num, kind, _ in numbers:
        found += [" ".join(words(m.group())) for m in _name_pattern(num, kind).finditer(folded)]
    return list(dict.fromkeys(found))


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


@functools.lru_cache(maxsize=65536)
def _meta_spaced(m: DocumentMeta) -> str:
    """A document's name fields as spaced folded words (cached: metadata is immutable)."""
    return _spaced(" ".join((m.title, m.governed_body, m.issuing_body, m.province)))


# Criteria at most this many characters apart describe one document ("Đảng ủy xã Tân
# Phú", "huyện ủy (quy chế mẫu cấp huyện)").
_SAME_MENTION_GAP = 8


def _combine(criteria: list[_Criterion]) -> tuple[list[str], list[set[str]]] | None:
    """Which documents the criteria name, in groups in question order.

    When they agree (their hits intersect), one group: the intersection. When they
    contradict, the question names several documents ("Điện Biên và Đồng Tháp", "Kon Tum
    và quy chế mẫu cấp huyện"): neighbouring criteria that agree describe one document
    and are intersected; a lone level or status word beside documents named otherwise
    ("huyện ủy" in a question about Điện Biên) names none."""
    if not criteria:
        return None
    every = set.intersection(*(set(c.hits) for c in criteria))
    if every:
        return [c.why for c in criteria], [every]
    groups: list[list[_Criterion]] = []
    for criterion in criteria:
        if groups:
            last = groups[-1]
            together = set.intersection(*(set(c.hits) for c in last)) & criterion.hits
            if together and criterion.start - max(c.end for c in last) <= _SAME_MENTION_GAP:
                last.append(criterion)
                continue
        groups.append([criterion])

    def is_named(group: list[_Criterion]) -> bool:
        return len(group) > 1 or group[0].strong or group[0].why == NAMED

    if any(is_named(g) for g in groups):
        groups = [g for g in groups if is_named(g)]
    whys = [c.why for g in groups for c in g]
    return whys, [set.intersection(*(set(c.hits) for c in g)) for g in groups]


__all__ = [
    "LEVEL_PHRASES",
    "PLACE_UNITS",
    "STATUS_PHRASES",
    "HasMeta",
    "detect_scope",
    "document_name_phrases",
    "misspelled_places",
    "parse_number",
    "place_mentions",
    "unknown_places",
]
