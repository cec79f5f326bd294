from __future__ import annotations

from eval.gold_set import GoldItem, Target
from eval.metrics import ItemOutcome
from eval.run import choose_split, retrieval_scores, retrieval_tables

EXPECTED = [Target(document_id="d", part="regulation", article=1, clause=None)]


def item(id: str, split: str, category: str, no_diacritics: bool = False) -> GoldItem:
    return GoldItem.model_validate(
        {
            "id": id,
            "split": split,
            "category": category,
            "question": "?",
            "no_diacritics": no_diacritics,
            "expected": [] if category == "out_of_scope" else EXPECTED,
        }
    )


def test_scores_by_split_group_and_system() -> None:
    items = [
        item("q1", "dev", "numeric"),
        item("q2", "heldout", "numeric", no_diacritics=True),
        item("q3", "dev", "out_of_scope"),
    ]
    outcomes = [
        ItemOutcome(item_id="q1", system="a", article_rank=1, clause_rank=1, coverage=1),
        ItemOutcome(item_id="q2", system="a", article_rank=None, clause_rank=None, coverage=0),
        ItemOutcome(item_id="q1", system="b", article_rank=3, clause_rank=None, coverage=1),
        ItemOutcome(item_id="q2", system="b", article_rank=2, clause_rank=2, coverage=1),
    ]
    rows = retrieval_scores(items, outcomes)
    overall = {(r.system, r.split): r.scores for r in rows if r.group == "all"}
    assert overall[("a", "all")].recall_1 == 0.5
    assert overall[("b", "all")].recall_5 == 1.0
    assert overall[("a", "dev")].n == 1  # out-of-scope items are not scored
    nd = next(
        r for r in rows if r.system == "a" and r.split == "all" and r.group == "no diacritics"
    )
    assert nd.scores.n == 1 and nd.scores.recall_5 == 0.0
    text = retrieval_tables(rows)
    assert "| a | dev | 1 |" in text
    assert "out_of_scope" not in text  # empty groups are left out


def test_choose_split() -> None:
    assert choose_split("dev") == "dev"
    assert choose_split("heldout") == "heldout"
    assert choose_split(None) == "all"
