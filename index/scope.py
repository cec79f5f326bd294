"""Which documents a question names: a province, a document number, a level or status.

Everything is derived from the documents' own metadata, so a newly ingested regulation
is recognised without code changes. Questions may be typed without diacritics. Document
numbers, places and the distinctive words of a document's name are read by
:mod:`index.document_numbers`, :mod:`index.places` and :mod:`index.document_names`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from index.abbreviations import expansion
from index.document_names import (
    NAMED,
    STATUS_TITLE_WORDS,
    named_by_bodies_only,
    named_mentions,
    status_words,
)
from index.document_numbers import NUMBER, parse_number, question_numbers
from index.models import HasMeta, Scope
from index.places import PLACE_UNITS, place_mentions
from index.spaced import has_phrase, occurrences, spaced_words
from ingest.models import LEVEL_LABELS, STATUS_LABELS
from ingest.normalize import fold, nfc, words

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
    "template": ("quy che mau", "quy che lam viec mau", "ban mau", "theo mau"),
    "draft": ("quy che du thao", "ban du thao", "du thao quy che"),
}
# A status word that names a document on its own only with a year after it ("dự thảo
# 2023"): bare, it is also what the regulations call any draft ("gửi dự thảo cho ...").
STATUS_WITH_YEAR: dict[str, str] = {"draft": "du thao"}
_YEAR_AFTER = re.compile(r"\s*(?:nam\s+)?(?:19|20)\d\d(?!\d)")

_TOKEN_RUN = re.compile(r"[^\W_]+")


def _spelled_out(question: str) -> str:
    """The question with its abbreviations spelled out where they stand ("BTV" → "ban
    thường vụ"), document numbers ("09-QC/TU") left as typed: positions in it are the
    order in which the question names things."""
    text = nfc(question)
    folded = fold(text)
    if len(folded) != len(text):
        return text
    numbers = [m.span() for m in NUMBER.finditer(folded)]

    def spell(m: re.Match[str]) -> str:
        if any(a <= m.start() < b for a, b in numbers):
            return m.group()
        return expansion(m.group()) or m.group()

    return _TOKEN_RUN.sub(spell, text)


@dataclasses.dataclass(frozen=True)
class _Criterion:
    """One thing the question says that names documents, and where it says it."""

    why: str
    hits: frozenset[str]
    start: int  # in the spaced question
    end: int
    strong: bool = False


def detect_scope(question: str, documents: Sequence[HasMeta]) -> Scope:
    """The documents ``question`` names (and why), in the order it names them, or an
    empty scope.

    Numbers and place names are strong; level and status words narrow them. When the
    criteria contradict each other the question names several documents: see
    ``_combine``."""
    folded = fold(_spelled_out(question))
    spaced = spaced_words(folded)
    criteria = [
        *_number_criteria(folded, documents),
        *_province_criteria(spaced, documents),
        *_level_criteria(spaced, documents),
        *_status_criteria(spaced, documents),
        *_name_criteria(folded, documents),
    ]
    chosen = _combine(sorted(criteria, key=lambda c: (c.start, c.end)), spaced)
    if not chosen:
        return Scope()
    why, groups = chosen
    groups = _narrowed_by_year(folded, groups, documents)
    rank = {d.id: i for i, d in enumerate(documents)}
    order: list[str] = []
    for group in groups:
        order += sorted((d for d in group if d not in order), key=rank.__getitem__)
    order = _in_order_named(order, folded, documents, criteria)
    only_named = all(c.why == NAMED for c in criteria)
    return Scope(
        document_ids=tuple(order),
        why=tuple(dict.fromkeys(why)),
        by_name=any(c.strong or c.why == NAMED for c in criteria),
        by_body_only=only_named and named_by_bodies_only(folded, documents),
    )


# A year standing as a word ("mẫu 2025", "bản 2023"), not inside a date ("10/7/2025").
_YEAR = re.compile(r"(?<![\w/.-])((?:19|20)\d\d)(?![\w/])")


def _narrowed_by_year(
    folded: str, groups: list[set[str]], documents: Sequence[HasMeta]
) -> list[set[str]]:
    """Each group of several documents narrowed to those whose own metadata (date, term,
    title, file name) writes a year the question writes ("quy chế mẫu 2025" of three
    templates); a year none of them writes narrows nothing (it is the story's)."""
    years = set(_YEAR.findall(folded))
    if not years:
        return groups
    written = _years_written(documents)
    narrowed = []
    for group in groups:
        kept = {d for d in group if written.get(d, set()) & years}
        narrowed.append(kept if len(group) > 1 and kept else group)
    return narrowed


def _years_written(documents: Sequence[HasMeta]) -> dict[str, set[str]]:
    """The years each document's own metadata writes (date, term, title, file name)."""
    return {
        d.id: set(
            re.findall(
                r"(?:19|20)\d\d",
                " ".join((d.id, d.meta.title, d.meta.date_issued, d.meta.term_years)),
            )
        )
        for d in documents
    }


def _in_order_named(
    order: list[str], folded: str, documents: Sequence[HasMeta], criteria: Sequence[_Criterion]
) -> list[str]:
    """The documents in the order the question first names each ("xã A và phường B": A,
    then B): by its place, or by a criterion that names it alone (a number, a template's
    name); a level word or a name that fits several says nothing of their order."""
    by_id = {d.id: d for d in documents}

    def first(doc_id: str) -> int:
        meta = by_id[doc_id].meta
        fields = (meta.governed_body, meta.issuing_body, meta.title)
        names = {fold(n) for f in fields for _, n in place_mentions(f)} | {fold(meta.province)}
        places = [
            len(spaced_words(folded[: m.start()])) - 1
            for n in names
            if n
            for m in re.finditer(rf"\b{re.escape(n)}\b", folded)
        ]
        alone = [c.start for c in criteria if c.hits == {doc_id}]
        return min([*places, *alone], default=len(folded))

    return sorted(order, key=lambda d: (first(d), order.index(d)))


def _number_criteria(folded: str, documents: Sequence[HasMeta]) -> list[_Criterion]:
    """Document numbers the question writes ("09-QC/TU", "quyết định 261"): strong."""
    criteria: list[_Criterion] = []
    numbers = {d.id: parse_number(d.meta.number) for d in documents if d.meta.number}
    kinds = {n[1] for n in numbers.values() if n}
    for num, kind, issuer, start, end in question_numbers(folded, kinds):
        hits = frozenset(
            doc_id
            for doc_id, n in numbers.items()
            if n and n[0] == num and kind in ("", n[1]) and issuer in ("", n[2])
        )
        if hits:
            at = len(spaced_words(folded[:start])) - 1
            length = len(spaced_words(folded[start:end])) - 1
            criteria.append(_Criterion(f"số {num}", hits, at, at + length, strong=True))
    return criteria + _status_number_criteria(folded, documents)


def _status_number_criteria(folded: str, documents: Sequence[HasMeta]) -> list[_Criterion]:
    """A status word with a document's number ("mẫu 261", "dự thảo số 15"): the document
    of that status and number (strong, as a number is)."""
    criteria: list[_Criterion] = []
    for word in STATUS_TITLE_WORDS.values():
        of_status = [d for d in documents if d.meta.number and word in status_words(d)]
        pattern = rf"(?<![\w]){word}\s+(?:so\s+)?0*(\d{{1,4}})(?![\w])"
        for m in re.finditer(pattern, folded):
            hits = frozenset(
                d.id for d in of_status if (n := parse_number(d.meta.number)) and n[0] == int(m[1])
            )
            if hits:
                at = len(spaced_words(folded[: m.start()])) - 1
                length = len(spaced_words(m.group())) - 1
                criteria.append(_Criterion(f"số {m[1]}", hits, at, at + length, strong=True))
    return criteria


def _province_criteria(spaced: str, documents: Sequence[HasMeta]) -> list[_Criterion]:
    """The provinces of the documents, wherever the question names them: strong."""
    criteria: list[_Criterion] = []
    for name in sorted({d.meta.province for d in documents if d.meta.province}):
        key = " ".join(words(name))
        spans = occurrences(spaced, key) if key else []
        if spans:
            hits = frozenset(
                d.id
                for d in documents
                if any(
                    has_phrase(spaced_words(v), key)
                    for v in (d.meta.province, d.meta.issuing_body, d.meta.title)
                )
            )
            criteria += [_Criterion(name, hits, a, b, strong=True) for a, b in spans]
    return criteria


def _level_criteria(spaced: str, documents: Sequence[HasMeta]) -> list[_Criterion]:
    """Words that name a level of committee ("cấp huyện", "huyện ủy")."""
    criteria: list[_Criterion] = []
    levels = {d.meta.level for d in documents if d.meta.level}
    for level in sorted(levels):
        spans = [span for p in LEVEL_PHRASES.get(level, ()) for span in occurrences(spaced, p)]
        hits = frozenset(d.id for d in documents if d.meta.level == level)
        criteria += [_Criterion(LEVEL_LABELS[level], hits, a, b) for a, b in spans]
    return criteria


def _status_criteria(spaced: str, documents: Sequence[HasMeta]) -> list[_Criterion]:
    """Words that name a status ("quy chế mẫu", "dự thảo"), matched by status or title."""
    criteria: list[_Criterion] = []
    for status, phrases in STATUS_PHRASES.items():
        spans = [span for p in phrases for span in occurrences(spaced, p)]
        if bare := STATUS_WITH_YEAR.get(status):
            spans += [
                (a, b)
                for a, b in occurrences(spaced, bare)
                if _YEAR_AFTER.match(spaced[b:]) and not any(x <= a < y for x, y in spans)
            ]
        title_word = STATUS_TITLE_WORDS[status]
        hits = frozenset(
            d.id
            for d in documents
            if d.meta.status == status or has_phrase(spaced_words(d.meta.title), title_word)
        )
        if hits:
            criteria += [
                _status_criterion(STATUS_LABELS[status], hits, spaced, a, b, documents)
                for a, b in spans
            ]
    return criteria


def _status_criterion(
    label: str,
    hits: frozenset[str],
    spaced: str,
    start: int,
    end: int,
    documents: Sequence[HasMeta],
) -> _Criterion:
    """A status word; with a year right after it that only one of its documents writes
    ("quy chế mẫu 2025"), that document, named as strongly as by its number."""
    year = re.match(r"\s*((?:19|20)\d\d)(?!\d)", spaced[end:])
    if year is not None:
        written = _years_written([d for d in documents if d.id in hits])
        named = frozenset(d for d in hits if year[1] in written[d])
        if len(named) == 1:
            return _Criterion(f"{label} {year[1]}", named, start, end + year.end(), strong=True)
    return _Criterion(label, hits, start, end)


def _name_criteria(folded: str, documents: Sequence[HasMeta]) -> list[_Criterion]:
    """The documents whose distinctive name words the question uses."""
    return [
        _Criterion(NAMED, frozenset(ids), a, b) for ids, (a, b) in named_mentions(folded, documents)
    ]


# Criteria at most this many characters apart describe one document ("Đảng ủy xã Tân
# Phú", "huyện ủy (quy chế mẫu cấp huyện)").
_SAME_MENTION_GAP = 8
# The unit words that may stand between a name and its place ("... Ủy ban nhân dân tỉnh B").
_UNIT_WORDS = frozenset(fold(u) for u in PLACE_UNITS)


def _after_its_unit(spaced: str, start: int, gap: list[str]) -> bool:
    """Whether the words right before ``start`` are a place's unit word ("tỉnh"), with
    nothing else between the criterion before and the place."""
    before = spaced[:start].split()
    units = [u for u in _UNIT_WORDS if before[-len(u.split()) :] == u.split()]
    return bool(units) and (not gap or " ".join(gap) in units)


def _combine(criteria: list[_Criterion], spaced: str) -> tuple[list[str], list[set[str]]] | None:
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
            last_end = max(c.end for c in last)
            if together and criterion.start - last_end <= _SAME_MENTION_GAP:
                last.append(criterion)
                continue
            gap = spaced[last_end : criterion.start].split()
            # "... tỉnh B": the place's own unit word joins it to the name (a list "A, B"
            # reads the same with its commas gone: no unit word, no joining)
            if (
                _after_its_unit(spaced, criterion.start, gap)
                and criterion.strong
                and not any(c.strong for c in last)
            ):
                # "quy chế của Ban cán sự đảng ... tỉnh B": the place right after a name
                # says whose it is; a loaded document of that name but of another place
                # is not the one meant
                groups[-1] = [criterion]
                continue
        groups.append([criterion])

    def is_named(group: list[_Criterion]) -> bool:
        return len(group) > 1 or group[0].strong or group[0].why == NAMED

    if any(is_named(g) for g in groups):
        groups = [g for g in groups if is_named(g)]
    whys = [c.why for g in groups for c in g]
    return whys, [set.intersection(*(set(c.hits) for c in g)) for g in groups]


__all__ = ["LEVEL_PHRASES", "STATUS_PHRASES", "detect_scope"]
