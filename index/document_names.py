"""Documents a question names by the distinctive words of their names ("xã Tân Phú",
"đảng ủy UBND tỉnh"), scored by the IDF of the shared bigrams."""

from __future__ import annotations

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


def named_documents(
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
    common: Callable[[str], bool] | None = None
    # words of an organization or body the question names ("Ủy ban nhân dân tỉnh") name
    # it however common they are in the texts
    named_words = {
        f"{a} {b}" for m in mentions for a, b in itertools.pairwise(words(folded[m.start : m.end]))
    }
    for doc_id, gs in grams.items():
        written = [g for g in gs if df[g] < n and has_phrase(spaced[doc_id], g)]
        if not written:
            continue  # the texts are read only for a question that writes a name word
        common = common or _common_in_texts(documents)
        # a name with words of its own is named by those; one with none ("chi bộ") by all
        usable = {g for g in gs if g in named_words or not common(g)} or gs
        shared = [g for g in written if g in usable]
        if shared:
            scores[doc_id] = sum(math.log(n / df[g]) for g in shared)
            spans[doc_id] = [span for g in shared for span in occurrences(spaced[doc_id], g)]
    if not scores:
        return None
    best = max(scores.values())
    if best < math.log(2):
        return None
    hits = {d for d, v in scores.items() if v >= best - 1e-9}
    found = [span for d in hits for span in spans[d]]
    return NAMED, hits, (min(a for a, _ in found), max(b for _, b in found))


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


def _spaced_out(folded: str, mentions: Sequence[BodyMention]) -> str:
    """``folded`` with the mentions replaced by a filler word of their length."""
    for mention in reversed(mentions):
        folded = (
            f"{folded[: mention.start]}{'q' * (mention.end - mention.start)}{folded[mention.end :]}"
        )
    return folded


__all__ = ["NAMED", "named_by_bodies_only", "named_documents"]
