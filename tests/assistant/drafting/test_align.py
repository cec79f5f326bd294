"""The monotone alignment and the article/clause pairing on made-up text."""

from __future__ import annotations

from assistant.drafting.align import align_articles, monotone_align
from assistant.drafting.similarity import Weights, comparable, containment
from ingest.parse import parse_text
from tests.assistant.drafting.texts import MERGED, MODEL


class TestMonotoneAlign:
    def test_pairs_in_order_and_leaves_gaps(self) -> None:
        scores = {(0, 0): 0.9, (1, 2): 0.8, (2, 1): 0.95}
        steps = monotone_align(3, 3, lambda i, j: scores.get((i, j), 0.0), 0.3)
        pairs = [(i, j) for i, j, _ in steps if i is not None and j is not None]
        assert pairs[0] == (0, 0)
        # (1, 2) and (2, 1) cross: only one of them can be kept, the higher
        assert pairs[1:] == [(2, 1)]

    def test_nothing_similar_is_all_gaps(self) -> None:
        steps = monotone_align(2, 2, lambda i, j: 0.1, 0.3)
        assert all(i is None or j is None for i, j, _ in steps)
        assert len(steps) == 4


class TestSimilarity:
    def test_form_does_not_count(self) -> None:
        assert comparable("Đảng uỷ  họp.") == comparable("đảng ủy họp")

    def test_containment(self) -> None:
        assert containment("ban thường vụ họp", "hằng tháng ban thường vụ họp một lần") == 1.0


class TestArticles:
    def test_merge_pairs_two_model_articles_with_one(self) -> None:
        model, draft = parse_text(MODEL, "m.txt"), parse_text(MERGED, "d.txt")
        weights = Weights([c.text for a in (*model.articles, *draft.articles) for c in a.clauses])
        pairs = align_articles(model.articles, draft.articles, weights)
        assert [(p.model, p.draft) for p in pairs] == [
            ((1,), (1,)),
            ((2,), (2,)),
            ((3,), (3,)),
            ((4, 5), (4,)),
            ((6,), (5,)),
        ]


class TestDense:
    def test_an_embedder_adds_to_the_score_and_keeps_the_pairs(self) -> None:
        from index.embed import FakeEmbedder

        model, draft = parse_text(MODEL, "m.txt"), parse_text(MERGED, "d.txt")
        weights = Weights([c.text for a in (*model.articles, *draft.articles) for c in a.clauses])
        lexical = align_articles(model.articles, draft.articles, weights)
        dense = align_articles(
            model.articles, draft.articles, weights, FakeEmbedder().embed_passages
        )
        assert [(p.model, p.draft) for p in dense] == [(p.model, p.draft) for p in lexical]
        assert [p.score for p in dense] != [p.score for p in lexical]
