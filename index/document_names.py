"""Documents a question names by the distinctive words of their names ("xã Tân Phú",
"đảng ủy UBND tỉnh"), scored by the IDF of the shared bigrams."""

from __future__ import annotations

import dataclasses
import functools
import itertools
import math
import re
from collections.abc import Callable, Sequence

from index.models import HasMeta
from index.spaced import has_phrase, occurrences, spaced_words
from ingest.bodies import (
    BodyMention,
    bodies_in,
    find_bodies,
    organization_mentions,
    organizations_in,
)
from ingest.models import DocumentMeta
from ingest.normalize import fold, words

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
    return spaced_words(_spaced_out(folded, mentions))


# The word a document's title writes for its status ("mẫu", "dự thảo"), folded.
STATUS_TITLE_WORDS: dict[str, str] = {"template": "mau", "draft": "du thao"}

Span = tuple[int, int]


def named_documents(
    folded: str, documents: Sequence[HasMeta]
) -> tuple[str, set[str], tuple[int, int]] | None:
    """Documents whose distinctive name words the question uses ("xã Tân Phú", "đảng ủy
    UBND tỉnh"): the best-scoring ones, by IDF of the shared bigrams, with the span of
    the question that names them."""
    found = named_mentions(folded, documents)
    if not found:
        return None
    hits, span = found[0]
    return NAMED, hits, span


def named_mentions(folded: str, documents: Sequence[HasMeta]) -> list[tuple[set[str], Span]]:
    """The best-scoring documents by their name words (see :func:`named_documents`), then
    each other document the question names in words of its own name that those leave
    out ("..., Đảng ủy xã A và phường B"): by a name word of its own (not common language
    of the texts), or by its status word beside its name ("chi bộ mẫu")."""
    scored = _scored(folded, documents)
    if scored is None:
        return []
    scores, gram_spans, spaced, common = (
        scored.scores,
        scored.gram_spans,
        scored.spaced,
        scored.common,
    )
    best = max(scores.values())
    if best < math.log(2):
        return []
    hits = {d for d, v in scores.items() if v >= best - 1e-9}
    covered = [span for d in hits for spans in gram_spans[d].values() for span in spans]
    found = [(hits, (min(a for a, _ in covered), max(b for _, b in covered)))]
    by_id = {d.id: d for d in documents}
    n = len(documents)
    for doc_id in sorted(scores, key=lambda d: -scores[d]):
        if doc_id in hits:
            continue
        own = {
            g: kept
            for g, spans in gram_spans[doc_id].items()
            if (kept := [s for s in spans if not any(_overlap(s, c) for c in covered)])
        }
        if not own or sum(math.log(n / scored.df[g]) for g in own) < math.log(2):
            continue
        # where it is named: its own words, or common words with its status word beside
        beside = _status_beside(by_id[doc_id], spaced[doc_id])
        own_spans = [
            s
            for g, spans in own.items()
            for s in spans
            if not common(g) or any(s[1] == a or s[0] == b for a, b in beside)
        ]
        if not own_spans:
            continue
        covered += own_spans
        found.append(({doc_id}, (min(a for a, _ in own_spans), max(b for _, b in own_spans))))
    return found


def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def status_words(doc: HasMeta) -> list[str]:
    """The status words a document goes by ("mẫu" for a template, by its status or its
    title), folded."""
    return [
        word
        for status, word in STATUS_TITLE_WORDS.items()
        if doc.meta.status == status or has_phrase(spaced_words(doc.meta.title), word)
    ]


def _status_beside(doc: HasMeta, spaced: str) -> list[Span]:
    """Where the question writes the document's status word ("mẫu", "dự thảo")."""
    return [span for word in status_words(doc) for span in occurrences(spaced, word)]


@dataclasses.dataclass(frozen=True)
class _NameScores:
    """The documents' scores by the name bigrams a question writes, the spans of each such
    bigram, the question spaced for each document, what is common language of the texts,
    and in how many names each bigram stands."""

    scores: dict[str, float]
    gram_spans: dict[str, dict[str, list[Span]]]
    spaced: dict[str, str]
    common: Callable[[str], bool]
    df: dict[str, int]


def _scored(folded: str, documents: Sequence[HasMeta]) -> _NameScores | None:
    """Each document's score by the name bigrams the question writes (see
    :class:`_NameScores`)."""
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
    gram_spans: dict[str, dict[str, list[Span]]] = {}
    common: Callable[[str], bool] | None = None
    # words of an organization or body the question names ("Ủy ban nhân dân tỉnh") name
    # it however common they are in the texts
    named_words = {
        f"{a} {b}" for m in mentions for a, b in itertools.pairwise(words(folded[m.start : m.end]))
    }
    for doc_id, gs in grams.items():
        written = [
            g for g in gs if df[g] < n and has_phrase(spaced[doc_id], g) and _unbroken(folded, g)
        ]
        if not written:
            continue  # the texts are read only for a question that writes a name word
        common = common or _common_in_texts(documents)
        # a name with words of its own is named by those; one with none ("chi bộ") by all
        usable = {g for g in gs if g in named_words or not common(g)} or gs
        shared = [g for g in written if g in usable]
        if shared:
            scores[doc_id] = sum(math.log(n / df[g]) for g in shared)
            gram_spans[doc_id] = {g: occurrences(spaced[doc_id], g) for g in shared}
    if not scores or common is None:
        return None
    return _NameScores(scores, gram_spans, spaced, common, df)


def _common_in_texts(documents: Sequence[HasMeta]) -> Callable[[str], bool]:
    """Whether a name's bigram is common language of the regulations: written in the text
    of at least half of them (the "cơ quan" of a bloc committee's name). A question
    that uses it says what it is about, not which document it means, unless the name has
    no word of its own."""
    keys = tuple(_text_key(d) for d in documents if isinstance(getattr(d, "text", None), str))
    return functools.partial(_gram_is_common, keys=keys)


@functools.lru_cache(maxsize=65536)
def _gram_is_common(gram: str, keys: tuple[tuple[str, int], ...]) -> bool:
    """Answered once per gram and set of texts: questions ask it again and again."""
    found = sum(has_phrase(_SPACED_TEXTS[k], gram) for k in keys)
    return len(keys) >= 2 and found * 2 >= len(keys)


def _text_key(doc: HasMeta) -> tuple[str, int]:
    text: str = doc.text  # type: ignore[attr-defined]
    key = (doc.id, hash(text))
    if key not in _SPACED_TEXTS:
        _SPACED_TEXTS[key] = spaced_words(fold(text))
    return key


_SPACED_TEXTS: dict[tuple[str, int], str] = {}


def named_by_bodies_only(folded: str, documents: Sequence[HasMeta]) -> bool:
    """Whether the name words the question shares with a document are all the name of a
    body it speaks of ("chi bộ"), with no "quy chế" to say a document is meant."""
    if re.search(r"\bquy che\b", folded):
        return False
    bodies = [*find_bodies(folded), *_party_units(folded)]
    return bool(bodies) and named_documents(_spaced_out(folded, bodies), documents) is None


# Party organizations a question speaks of as actors, beside the bodies of ingest.bodies.
_PARTY_UNIT = re.compile(r"\b(?:chi bo|chi uy)\b")


def _party_units(folded: str) -> list[BodyMention]:
    return [BodyMention(m.group(), m.start(), m.end()) for m in _PARTY_UNIT.finditer(folded)]


def _unbroken(folded: str, gram: str) -> bool:
    """Whether the question writes the name's two words with nothing between them ("văn
    bản, cần" writes no "bản cần")."""
    first, second = gram.split()
    return re.search(rf"(?<![a-z]){first}\s+{second}(?![a-z])", folded) is not None


def _spaced_out(folded: str, mentions: Sequence[BodyMention]) -> str:
    """``folded`` with the mentions replaced by a filler word of their length."""
    for mention in reversed(mentions):
        folded = (
            f"{folded[: mention.start]}{'q' * (mention.end - mention.start)}{folded[mention.end :]}"
        )
    return folded


__all__ = [
    "NAMED",
    "STATUS_TITLE_WORDS",
    "named_by_bodies_only",
    "named_documents",
    "named_mentions",
]
