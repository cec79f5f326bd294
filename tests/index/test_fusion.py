import pytest

from index.fusion import BODY_BOOST, RRF_K, fuse, named_bodies, rrf
from ingest.models import Chunk


def test_rrf_sums_reciprocal_ranks() -> None:
    scores = rrf([["a", "b"], ["b", "c"]])
    assert scores["b"] == pytest.approx(1 / (RRF_K + 2) + 1 / (RRF_K + 1))
    assert scores["a"] == pytest.approx(1 / (RRF_K + 1))
    assert max(scores, key=scores.__getitem__) == "b"


def test_rrf_weights() -> None:
    scores = rrf([["a"], ["b"]], weights=(1.0, 0.5))
    assert scores["a"] == pytest.approx(2 * scores["b"])


def test_dense_counts_less_without_diacritics(chunks: list[Chunk]) -> None:
    by_id = {c.id: c for c in chunks}
    lexical, dense = ["kon-tum/8/1"], ["dien-bien/12/1"]
    accented = fuse("họp định kỳ", lexical, dense, by_id)
    plain = fuse("hop dinh ky", lexical, dense, by_id)
    assert accented[0].score == pytest.approx(accented[1].score)
    assert plain[0].chunk.id == "kon-tum/8/1"
    assert plain[0].score > plain[1].score


def test_named_bodies_longest_match() -> None:
    assert named_bodies("Nhiệm vụ của Phó Bí thư") == {"pho bi thu"}
    assert named_bodies("BTV và Ban Bí thư") == {"ban thuong vu", "ban bi thu"}
    assert named_bodies("nhiem vu cua ban thuong vu") == {"ban thuong vu"}
    assert named_bodies("họp định kỳ") == frozenset()


def test_fuse_ranks_and_boost(chunks: list[Chunk]) -> None:
    by_id = {c.id: c for c in chunks}
    lexical = ["dien-bien/12/1", "dien-bien/3/1"]
    dense = ["dien-bien/3/1", "kon-tum/8/1", "unknown"]
    hits = fuse("BTV có quyền gì", lexical, dense, by_id)
    assert next(h.chunk.id for h in hits) == "dien-bien/3/1"
    top = hits[0]
    assert (top.lexical_rank, top.dense_rank) == (2, 1)
    assert top.boost == BODY_BOOST
    assert top.retriever == "fused"
    assert hits[1].chunk.id == "dien-bien/12/1"
    assert "unknown" not in {h.chunk.id for h in hits}
    kon_tum = next(h for h in hits if h.chunk.id == "kon-tum/8/1")
    assert kon_tum.lexical_rank is None
    assert kon_tum.boost == 0.0


def test_fuse_without_body_keeps_rrf_order(chunks: list[Chunk]) -> None:
    by_id = {c.id: c for c in chunks}
    hits = fuse("họp", ["dien-bien/12/1", "kon-tum/8/1"], [], by_id)
    assert [h.chunk.id for h in hits] == ["dien-bien/12/1", "kon-tum/8/1"]
