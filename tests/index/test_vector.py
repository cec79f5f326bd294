from pathlib import Path

import pytest

from index.embed import FakeEmbedder, passage_text
from index.vector import VectorIndex, collection_name, where_filter
from ingest.models import Chunk
from ingest.settings import Settings


@pytest.fixture
def index(tmp_path: Path) -> VectorIndex:
    return VectorIndex.open(Settings(home=tmp_path, embedding_backend="fake"), FakeEmbedder())


def test_collection_name_is_valid() -> None:
    name = collection_name("st-all MiniLM/L6 v2-384")
    assert name.startswith("chunks-")
    assert name[-1].isalnum()
    assert collection_name("a") != collection_name("b")


def test_where_filter() -> None:
    assert where_filter() is None
    assert where_filter(level="caucus") == {"level": "caucus"}
    assert where_filter(["a"], status="draft") == {
        "$and": [{"document_id": {"$in": ["a"]}}, {"status": "draft"}]
    }


def test_sync_adds_then_is_idempotent(index: VectorIndex, chunks: list[Chunk]) -> None:
    embedder = FakeEmbedder()
    report = index.sync(chunks, embedder)
    assert (report.added, report.updated, report.removed) == (len(chunks), 0, 0)
    assert index.ids() == {c.id for c in chunks}
    calls = embedder.calls
    again = index.sync(chunks, embedder)
    assert again.unchanged == len(chunks)
    assert embedder.calls == calls


def test_sync_replaces_changed_text_and_removes_extra(
    index: VectorIndex, chunks: list[Chunk]
) -> None:
    embedder = FakeEmbedder()
    index.sync(chunks, embedder)
    changed = chunks[0].model_copy(update={"text": "Nội dung mới hoàn toàn khác."})
    kept = [changed, *chunks[1:4]]
    report = index.sync(kept, embedder)
    assert (report.updated, report.removed, report.unchanged) == (1, len(chunks) - 4, 3)
    assert index.ids() == {c.id for c in kept}
    top = index.query(embedder.embed_query(passage_text(changed)), 1)
    assert top[0].chunk.text == "Nội dung mới hoàn toàn khác."


def test_query_returns_whole_chunks(index: VectorIndex, chunks: list[Chunk]) -> None:
    embedder = FakeEmbedder()
    index.sync(chunks, embedder)
    hits = index.query(embedder.embed_query(passage_text(chunks[5])), 3)
    assert hits[0].chunk == chunks[5]
    assert hits[0].retriever == "dense"
    assert hits[0].dense_rank == 1
    assert hits[0].score == pytest.approx(1.0, abs=1e-4)
    assert hits[0].score >= hits[1].score


def test_nearest_matches_query_without_reading_chunks(
    index: VectorIndex, chunks: list[Chunk]
) -> None:
    embedder = FakeEmbedder()
    index.sync(chunks, embedder)
    q = embedder.embed_query(passage_text(chunks[5]))
    hits = index.query(q, 4, document_ids=[chunks[5].document_id])
    found = index.nearest(q, 4, document_ids=[chunks[5].document_id])
    assert [cid for cid, _ in found] == [h.chunk.id for h in hits]
    assert [s for _, s in found] == pytest.approx([h.score for h in hits])
    assert index.nearest(q, 0) == []


def test_query_filters(index: VectorIndex, chunks: list[Chunk]) -> None:
    embedder = FakeEmbedder()
    index.sync(chunks, embedder)
    q = embedder.embed_query("họp")
    assert {h.chunk.document_id for h in index.query(q, 10, document_ids=["kon-tum"])} == {
        "kon-tum"
    }
    assert {h.chunk.meta.level for h in index.query(q, 10, level="district")} == {"district"}
    assert index.query(q, 10, document_ids=["kon-tum"], level="district") == []


def test_empty_collection_query(index: VectorIndex) -> None:
    assert index.query(FakeEmbedder().embed_query("x"), 5) == []
    assert index.nearest(FakeEmbedder().embed_query("x"), 5) == []


def test_persists_across_reopen(tmp_path: Path, chunks: list[Chunk]) -> None:
    settings = Settings(home=tmp_path, embedding_backend="fake")
    VectorIndex.open(settings, FakeEmbedder()).sync(chunks, FakeEmbedder())
    reopened = VectorIndex.open(settings, FakeEmbedder())
    assert reopened.ids() == {c.id for c in chunks}
    assert (tmp_path / "chroma").is_dir()
