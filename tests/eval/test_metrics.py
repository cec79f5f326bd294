from __future__ import annotations

import pytest

from eval.gold_set import Target
from eval.metrics import (
    ItemOutcome,
    article_rank,
    clause_rank,
    coverage,
    outcome,
    percentile,
    score,
)


def t(doc: str, article: int, clause: int | None = None, part: str = "regulation") -> Target:
    return Target(document_id=doc, part=part, article=article, clause=clause)


RANKED = [(t("a", 3, 1),), (t("a", 5, 2),), (t("b", 5, 2),), (t("a", 5, 3),)]


def test_article_rank_is_first_matching_entry() -> None:
    assert article_rank(RANKED, [t("a", 5, 3)]) == 2
    assert article_rank(RANKED, [t("b", 5, None)]) == 3
    assert article_rank(RANKED, [t("c", 1)]) is None


def test_clause_rank_needs_the_clause_too() -> None:
    assert clause_rank(RANKED, [t("a", 5, 3)]) == 4
    assert clause_rank(RANKED, [t("a", 3, None)]) is None


def test_part_must_match() -> None:
    assert article_rank(RANKED, [t("a", 3, 1, part="decision")]) is None


def test_any_expected_entry_counts() -> None:
    assert article_rank(RANKED, [t("z", 9), t("a", 3)]) == 1


def test_multi_target_entry_matches_any_target() -> None:
    node = [(t("a", 1, 1), t("a", 1, 2), t("a", 2, None))]
    assert clause_rank(node, [t("a", 1, 2)]) == 1


def test_coverage_counts_distinct_articles() -> None:
    assert coverage(RANKED, [t("a", 5, 9), t("b", 5), t("c", 1)]) == pytest.approx(2 / 3)
    assert coverage(RANKED, [t("b", 5)], k=2) == 0.0
    assert coverage(RANKED, []) == 0.0


def test_score_aggregates_recall_and_mrr() -> None:
    outcomes = [
        outcome("q1", "s", RANKED, [t("a", 3, 1)]),  # rank 1, clause rank 1
        outcome("q2", "s", RANKED, [t("a", 5, 3)]),  # article rank 2, clause rank 4
        outcome("q3", "s", RANKED, [t("c", 1)]),  # miss
        ItemOutcome(item_id="q4", system="s", article_rank=7, clause_rank=None, coverage=1.0),
    ]
    s = score(outcomes)
    assert s.n == 4
    assert s.recall_1 == pytest.approx(1 / 4)
    assert s.recall_5 == pytest.approx(2 / 4)
    assert s.mrr_10 == pytest.approx((1 + 1 / 2 + 0 + 1 / 7) / 4)
    assert s.clause_recall_5 == pytest.approx(2 / 4)


def test_mrr_ignores_ranks_beyond_ten() -> None:
    far = ItemOutcome(item_id="q", system="s", article_rank=11, clause_rank=11, coverage=0)
    assert score([far]).mrr_10 == 0.0


def test_empty_score_is_zero() -> None:
    assert score([]).n == 0


def test_percentile_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 50) == 50
    assert percentile(values, 95) == 95
    assert percentile(values, 100) == 100
    assert percentile([3.0], 95) == 3.0
    assert percentile([], 50) == 0.0
