"""Items of two aligned clauses found on one side only: a point or a paragraph, or a
sentence or ";"-item that gives a body a power, that the draft adds or drops. Said in the
domain's terms at the clause (and point) where it happens, instead of as a rewording of
the clause: the items of both clauses are aligned like clauses are
(align.monotone_align), and an unpaired item whose words the other clause does not hold
elsewhere is new."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.citations import point_label
from assistant.drafting.align import monotone_align, pair_moved
from assistant.drafting.checks import Finding, counts
from assistant.drafting.models import Place, Provision
from assistant.drafting.side import Side
from assistant.drafting.similarity import containment, cosine, without_number
from ingest.models import Clause
from ingest.normalize import fold
from ingest.powers import ACT_LABELS, Power

# Two items this alike are one item, reworded (as for clauses).
SAME_ITEM = 0.30
MOVED_ITEM = 0.75
# An unpaired item whose bigrams the other clause holds this much is there, said otherwise.
HELD = 0.5
# Sentences and ";"-items, as ingest/powers.py cuts a clause into the units it reads.
_SEGMENT_END = re.compile(r";|\.(?:\s|$)|\n")
_LINE_END = re.compile(r"\n")
_WORD = re.compile(r"[^\W\d_]+")
# A paragraph of this many words added or dropped is said on its own (a shorter one,
# with no power in it, is part of a rewording).
PARAGRAPH_WORDS = 8
_WORDS = re.compile(r"[^\W\d_]{2,}.*[^\W\d_]{2,}", re.S)


@dataclass(frozen=True)
class Item:
    text: str  # verbatim, stripped
    point: str | None  # the point it is (a whole point is one item)
    powers: tuple[Power, ...]
    words: int = 0


@dataclass(frozen=True)
class Items:
    """A clause cut two ways: blocks (its points and its paragraphs) and segments (its
    sentences and ";"-items; a point whole)."""

    blocks: tuple[Item, ...]
    segments: tuple[Item, ...]


def clause_items(side: Side, provision: Provision) -> Items:
    """The items of a provision (of each clause joined into it), in order."""
    blocks: list[Item] = []
    segments: list[Item] = []
    for number in (provision.clause, *provision.also):
        clause = side.clause(Place(article=provision.article, clause=number))
        if clause is not None:
            powers = side.powers.get((provision.article, number), [])
            blocks += _items(side.doc.text, clause, powers, _LINE_END)
            segments += _items(side.doc.text, clause, powers, _SEGMENT_END)
    return Items(tuple(blocks), tuple(segments))


def _items(text: str, clause: Clause, powers: Sequence[Power], ends: re.Pattern[str]) -> list[Item]:
    spans: list[tuple[int, int, str | None]] = []
    position = clause.start
    for p in clause.points:
        spans += [(s, e, None) for s, e in _segments(text, position, p.start, ends)]
        spans.append((p.start, p.end, p.id))
        position = max(position, p.end)
    spans += [(s, e, None) for s, e in _segments(text, position, clause.end, ends)]
    items = []
    for start, end, point in spans:
        raw = text[start:end]
        if _WORDS.search(without_number(raw.strip())):
            own = tuple(q for q in powers if start <= q.start < end)
            words = len(_WORD.findall(without_number(raw)))
            items.append(Item(raw.strip(), point, own, words))
    return items


def _segments(text: str, start: int, end: int, ends: re.Pattern[str]) -> list[tuple[int, int]]:
    out = []
    position = start
    for m in ends.finditer(text, start, end):
        if m.start() > position:
            out.append((position, m.start()))
        position = m.end()
    if end > position:
        out.append((position, end))
    return out


@dataclass(frozen=True)
class NewItems:
    """Items on one side only: the model's (dropped) and the draft's (added)."""

    dropped: tuple[Item, ...]
    added: tuple[Item, ...]


def new_items(model: Items, draft: Items, model_text: str, draft_text: str) -> NewItems:
    """Blocks, then segments that give a power outside them, on one side only."""
    blocks = _unpaired(model.blocks, draft.blocks, model_text, draft_text)
    dropped = [i for i in blocks.dropped if _a_block(i)]
    added = [i for i in blocks.added if _a_block(i)]
    segments = _unpaired(model.segments, draft.segments, model_text, draft_text)
    dropped += [i for i in segments.dropped if i.powers and not _within(i, dropped)]
    added += [i for i in segments.added if i.powers and not _within(i, added)]
    return NewItems(tuple(dropped), tuple(added))


def _a_block(item: Item) -> bool:
    """Said on its own: a point, a paragraph that gives a power, or one of substance."""
    return item.point is not None or bool(item.powers) or item.words >= PARAGRAPH_WORDS


def _within(item: Item, blocks: Sequence[Item]) -> bool:
    return any(item.text in b.text for b in blocks)


def _unpaired(
    model: Sequence[Item], draft: Sequence[Item], model_text: str, draft_text: str
) -> NewItems:
    """Items left unpaired whose words the other clause does not hold (an item split in
    two, or said in another item, is no addition)."""
    m_vec = [counts(without_number(i.text)) for i in model]
    d_vec = [counts(without_number(i.text)) for i in draft]

    def score(i: int, j: int) -> float:
        return cosine(m_vec[i], d_vec[j])

    steps = monotone_align(len(model), len(draft), score, SAME_ITEM)
    steps = pair_moved(steps, score, MOVED_ITEM)
    dropped = [
        model[i]
        for i, j, _ in steps
        if i is not None and j is None and containment(model[i].text, draft_text) < HELD
    ]
    added = [
        draft[j]
        for i, j, _ in steps
        if i is None and j is not None and containment(draft[j].text, model_text) < HELD
    ]
    dropped, added = _rewritten(dropped, added)
    return NewItems(tuple(dropped), tuple(added))


def _roles(item: Item) -> set[tuple[str, str]]:
    return {(fold(p.body), p.act) for p in item.powers}


def _rewritten(dropped: list[Item], added: list[Item]) -> tuple[list[Item], list[Item]]:
    """A dropped and an added item giving the same body the same kind of act, or neither
    giving any, are one item said anew (a rewording), not one removed and another given."""
    kept_added = list(added)
    kept_dropped = []
    for item in dropped:
        roles = _roles(item)
        twin = next((a for a in kept_added if roles & _roles(a) or not (roles or _roles(a))), None)
        if twin is None:
            kept_dropped.append(item)
        else:
            kept_added.remove(twin)
    return kept_dropped, kept_added


def item_findings(items: NewItems) -> list[Finding]:
    found = [
        Finding("missing_in_draft", i.text, "", _detail("bỏ", i), model_point=i.point)
        for i in items.dropped
    ]
    found += [
        Finding("added_in_draft", "", i.text, _detail("thêm", i), draft_point=i.point)
        for i in items.added
    ]
    return found


def _detail(verb: str, item: Item) -> str:
    what = point_label(item.point) if item.point is not None else "nội dung"
    if not item.powers:
        return f"Dự thảo {verb} {what}: “{_short(without_number(item.text))}”."
    return f"Dự thảo {verb} {what} giao quyền: {powers_said(item.powers)}."


def powers_said(powers: Sequence[Power]) -> str:
    """ "Thường trực (quyết định) “quyết định khen thưởng …”; ..." from the table of powers."""
    return "; ".join(
        f"{p.body} ({ACT_LABELS.get(p.act, p.act)}) “{_short(p.action)}”" for p in powers
    )


def _short(text: str, limit: int = 100) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def without_items(text: str, items: Sequence[Item]) -> str:
    """The clause's text with the new items taken out: what is left to compare."""
    for item in items:
        text = text.replace(item.text, "", 1)
    return text
