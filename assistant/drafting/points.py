"""The points of two aligned clauses paired by what they say, not by their letter: a point
left out re-letters the ones after it ("a, b, c" → "a, b"), and a drafter may reorder
them. A change found in the clause is cited at the point it happens in on each side, and
points only put in another order are said as points renumbered, not as a rewording."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from assistant.citations import point_label
from assistant.drafting.align import monotone_align, pair_moved
from assistant.drafting.checks import Finding, counts
from assistant.drafting.models import Place, Provision
from assistant.drafting.side import Side
from assistant.drafting.similarity import cosine, same_wording, without_number
from ingest.models import Point

# As items.py pairs the items of a clause.
SAME_POINT = 0.30
MOVED_POINT = 0.75
_END = re.compile(r"[\s;.,]+$")

Pairs = list[tuple[Point, Point]]


def points_of(side: Side, provision: Provision) -> tuple[Point, ...]:
    """The points of a provision of one clause (none for clauses joined into one)."""
    if provision.also:
        return ()
    clause = side.clause(Place(article=provision.article, clause=provision.clause))
    return tuple(clause.points) if clause is not None else ()


def paired_points(model: Sequence[Point], draft: Sequence[Point]) -> Pairs:
    """(model point, draft point) pairs by their words, in the model's order."""
    m_vec = [counts(without_number(p.text)) for p in model]
    d_vec = [counts(without_number(p.text)) for p in draft]

    def score(i: int, j: int) -> float:
        return cosine(m_vec[i], d_vec[j])

    steps = pair_moved(
        monotone_align(len(model), len(draft), score, SAME_POINT), score, MOVED_POINT
    )
    found = [(i, j) for i, j, _ in steps if i is not None and j is not None]
    return [(model[i], draft[j]) for i, j in sorted(found)]


def at_points(findings: list[Finding], pairs: Pairs) -> list[Finding]:
    """Each number or blank finding cited at the one pair of points that holds its old
    and its new words (the model's letter and the draft's, which may differ)."""
    out = []
    for f in findings:
        holding = [
            (p, q)
            for p, q in pairs
            if f.kind in {"number_changed", "blank_filled"} and f.old in p.text and f.new in q.text
        ]
        if len(holding) == 1 and f.model_point is None and f.draft_point is None:
            p, q = holding[0]
            f = dataclasses.replace(f, model_point=p.id, draft_point=q.id)
        out.append(f)
    return out


def reordered(
    model_text: str, draft_text: str, model: Sequence[Point], draft: Sequence[Point], pairs: Pairs
) -> list[Finding] | None:
    """The points moved, one finding each, when the clauses differ in nothing else (every
    point paired and the same words in the model's order); None otherwise."""
    if len(pairs) != len(model) or len(pairs) != len(draft) or not pairs:
        return None
    moved = _out_of_order([draft.index(q) for _, q in pairs])
    if not moved:
        return None
    by_model = [q for _, q in pairs]
    if not same_wording(_listed(model_text, model, model), _listed(draft_text, draft, by_model)):
        return None
    return [
        Finding(
            "renumbered",
            point_label(p.id),
            point_label(q.id),
            f"{point_label(p.id).capitalize()} của mẫu thành {point_label(q.id)} của dự thảo"
            " (các điểm đổi thứ tự).",
            model_point=p.id,
            draft_point=q.id,
        )
        for k, (p, q) in enumerate(pairs)
        if k in moved
    ]


def _listed(text: str, points: Sequence[Point], order: Sequence[Point]) -> str:
    """The clause's lead-in, then ``order``'s points without their end marks."""
    lead = text[: text.index(points[0].text)] if points[0].text in text else ""
    return lead + "\n".join(_END.sub("", p.text) for p in order)


def _out_of_order(sequence: list[int]) -> set[int]:
    """Positions not on a longest increasing run of ``sequence`` (the points moved)."""
    best: list[list[int]] = []
    for k, value in enumerate(sequence):
        before = [run for run in best if sequence[run[-1]] < value]
        longest = max(before, key=len) if before else []
        best.append([*longest, k])
    kept: list[int] = max(best, key=len) if best else []
    return set(range(len(sequence))) - set(kept)
