"""Retrieval metrics over ranked results, pure functions.

A ranked result is a list of entries, one per retrieved unit; an entry is the set of
places it covers (one clause for our chunks; every overlapped clause for a llama-index
node). An entry matches an expected place at article level when document, part and
article agree, at clause level when the clause agrees too.

- Recall@k: share of items with a match among the first k entries (any expected entry);
- MRR@10: mean of 1/rank of the first match within 10 (0 when none);
- coverage@10: mean share of an item's expected articles found within 10 (comparisons
  name several documents: this shows whether all of them were found).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from pydantic import BaseModel, ConfigDict

from eval.gold_set import Target

Entry = tuple[Target, ...]
Matcher = Callable[[Target, Target], bool]


def first_rank(ranked: Sequence[Entry], expected: Sequence[Target], match: Matcher) -> int | None:
    """1-based rank of the first entry that matches any expected place."""
    for rank, entry in enumerate(ranked, start=1):
        if any(match(got, want) for got in entry for want in expected):
            return rank
    return None


def article_rank(ranked: Sequence[Entry], expected: Sequence[Target]) -> int | None:
    return first_rank(ranked, expected, Target.same_article)


def clause_rank(ranked: Sequence[Entry], expected: Sequence[Target]) -> int | None:
    return first_rank(ranked, expected, Target.same_clause)


def coverage(ranked: Sequence[Entry], expected: Sequence[Target], k: int = 10) -> float:
    """Share of the distinct expected articles matched within the first ``k`` entries."""
    wanted = {(t.document_id, t.part, t.article): t for t in expected}
    if not wanted:
        return 0.0
    top = [got for entry in ranked[:k] for got in entry]
    found = sum(1 for want in wanted.values() if any(g.same_article(want) for g in top))
    return found / len(wanted)


class ItemOutcome(BaseModel):
    """One system on one gold item."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    item_id: str
    system: str
    article_rank: int | None
    clause_rank: int | None
    coverage: float
    top: tuple[str, ...] = ()  # labels of the first entries, for inspection
    scope: tuple[str, ...] = ()
    seconds: float = 0.0


def outcome(
    item_id: str,
    system: str,
    ranked: Sequence[Entry],
    expected: Sequence[Target],
    scope: Sequence[str] = (),
    seconds: float = 0.0,
) -> ItemOutcome:
    return ItemOutcome(
        item_id=item_id,
        system=system,
        article_rank=article_rank(ranked, expected),
        clause_rank=clause_rank(ranked, expected),
        coverage=coverage(ranked, expected),
        top=tuple(" + ".join(t.label() for t in entry[:3]) for entry in ranked[:5]),
        scope=tuple(scope),
        seconds=seconds,
    )


class Scores(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    n: int
    recall_1: float
    recall_5: float
    mrr_10: float
    clause_recall_5: float
    coverage_10: float


def _within(rank: int | None, k: int) -> float:
    return 1.0 if rank is not None and rank <= k else 0.0


def _reciprocal(rank: int | None, k: int = 10) -> float:
    return 1.0 / rank if rank is not None and rank <= k else 0.0


def score(outcomes: Sequence[ItemOutcome]) -> Scores:
    n = len(outcomes)
    if n == 0:
        return Scores(n=0, recall_1=0, recall_5=0, mrr_10=0, clause_recall_5=0, coverage_10=0)

    def mean(values: Sequence[float]) -> float:
        return sum(values) / n

    return Scores(
        n=n,
        recall_1=mean([_within(o.article_rank, 1) for o in outcomes]),
        recall_5=mean([_within(o.article_rank, 5) for o in outcomes]),
        mrr_10=mean([_reciprocal(o.article_rank) for o in outcomes]),
        clause_recall_5=mean([_within(o.clause_rank, 5) for o in outcomes]),
        coverage_10=mean([o.coverage for o in outcomes]),
    )


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100); 0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, math.ceil(q / 100 * len(ordered)) - 1))
    return ordered[index]


__all__ = [
    "Entry",
    "ItemOutcome",
    "Scores",
    "article_rank",
    "clause_rank",
    "coverage",
    "first_rank",
    "outcome",
    "percentile",
    "score",
]
