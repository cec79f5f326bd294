from pathlib import Path

import pytest

from index.embed import FakeEmbedder
from index.lexical import LexicalIndex
from index.models import RetrievalQuery
from index.retrieve import DenseOnly, HybridRetriever, LexicalOnly
from index.vector import VectorIndex
from ingest.models import Chunk
from ingest.settings import Settings


@pytest.fixture
def vector(tmp_path: Path) -> VectorIndex:
    return VectorIndex.open(Settings(home=tmp_path), FakeEmbedder())


def test_lexical_only_before_embeddings(vector: VectorIndex, chunks: list[Chunk]) -> None:
    retriever = HybridRetriever(LexicalIndex.build(chunks), vector, FakeEmbedder(), chunks)
    hits = retriever.retrieve(RetrievalQuery(text="Ủy ban kiểm tra làm gì", top_k=3))
    assert hits[0].chunk.id == "dong-thap/4/1"
    assert hits[0].dense_rank is None


def test_hybrid_fuses_both(vector: VectorIndex, chunks: list[Chunk]) -> None:
    embedder = FakeEmbedder()
    vector.sync(chunks, embedder)
    retriever = HybridRetriever(LexicalIndex.build(chunks), vector, embedder, chunks)
    hits = retriever.retrieve(RetrievalQuery(text="họp định kỳ mỗi quý một lần", top_k=3))
    assert hits[0].chunk.id == "kon-tum/8/1"
    assert hits[0].lexical_rank is not None
    assert hits[0].dense_rank is not None
    assert len(hits) == 3


def test_no_dense_for_text_without_diacritics(vector: VectorIndex, chunks: list[Chunk]) -> None:
    embedder = FakeEmbedder()
    vector.sync(chunks, embedder)
    calls = embedder.calls
    retriever = HybridRetriever(LexicalIndex.build(chunks), vector, embedder, chunks)
    hits = retriever.retrieve(RetrievalQuery(text="hop dinh ky moi quy mot lan", top_k=3))
    assert hits[0].chunk.id == "kon-tum/8/1"
    assert all(h.dense_rank is None for h in hits)
    assert embedder.calls == calls  # the query was not embedded


def test_filters_apply_to_both(vector: VectorIndex, chunks: list[Chunk]) -> None:
    embedder = FakeEmbedder()
    vector.sync(chunks, embedder)
    retriever = HybridRetriever(LexicalIndex.build(chunks), vector, embedder, chunks)
    for query in (
        RetrievalQuery(text="họp", document_ids=("mau-huyen",)),
        RetrievalQuery(text="họp", level="district"),
        RetrievalQuery(text="họp", status="draft"),
    ):
        hits = retriever.retrieve(query)
        assert hits
        assert {h.chunk.document_id for h in hits} == {"mau-huyen"}


def test_body_named_in_question_boosts_its_article(chunks: list[Chunk]) -> None:
    retriever = HybridRetriever(LexicalIndex.build(chunks), None, None, chunks)
    hits = retriever.retrieve(RetrievalQuery(text="BTV có nhiệm vụ gì", top_k=2))
    assert {h.chunk.article for h in hits} == {3}
    assert all(h.boost > 0 for h in hits)


def test_stale_ids_are_ignored(vector: VectorIndex, chunks: list[Chunk]) -> None:
    embedder = FakeEmbedder()
    vector.sync(chunks, embedder)
    current = chunks[:4]  # the rest were removed but not yet synced away
    retriever = HybridRetriever(LexicalIndex.build(current), vector, embedder, current)
    hits = retriever.retrieve(RetrievalQuery(text="họp", top_k=10))
    assert {h.chunk.id for h in hits} <= {c.id for c in current}


def test_baselines(vector: VectorIndex, chunks: list[Chunk]) -> None:
    embedder = FakeEmbedder()
    vector.sync(chunks, embedder)
    lexical = LexicalOnly(LexicalIndex.build(chunks), chunks)
    dense = DenseOnly(vector, embedder, chunks)
    query = RetrievalQuery(text="Ủy ban kiểm tra giúp Ban Chấp hành", top_k=2)
    lex_hits = lexical.retrieve(query)
    dense_hits = dense.retrieve(query)
    assert lex_hits[0].retriever == "lexical"
    assert lex_hits[0].lexical_rank == 1
    assert dense_hits[0].retriever == "dense"
    assert dense_hits[0].chunk.id == lex_hits[0].chunk.id == "dong-thap/4/1"
    assert len(lex_hits) <= 2
    assert len(dense_hits) == 2
