"""The in-memory exact index answers as chroma's collection does, from cached vectors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from index.cache import CachedEmbedder, EmbeddingCache
from index.embed import FakeEmbedder, passage_text
from index.matrix import MatrixIndex
from index.vector import VectorIndex
from ingest.models import Chunk
from ingest.settings import Settings


def _cached(tmp_path: Path, chunks: list[Chunk]) -> tuple[EmbeddingCache, CachedEmbedder]:
    cache = EmbeddingCache(tmp_path / "cache.sqlite")
    embedder = CachedEmbedder(FakeEmbedder(), cache)
    embedder.embed_passages([passage_text(c) for c in chunks])
    return cache, embedder


def test_same_neighbours_as_chroma(tmp_path: Path, chunks: list[Chunk]) -> None:
    cache, embedder = _cached(tmp_path, chunks)
    matrix = MatrixIndex.from_cache(chunks, cache, embedder.name)
    assert matrix is not None and matrix.count() == len(chunks)
    chroma = VectorIndex.open(Settings(home=tmp_path, embedding_backend="fake"), embedder)
    chroma.sync(chunks, embedder)
    query = embedder.embed_query("Ban Thường vụ họp mấy lần")
    ours = matrix.nearest(query, 3)
    theirs = chroma.nearest(query, 3)
    assert [cid for cid, _ in ours] == [cid for cid, _ in theirs]
    for (_, a), (_, b) in zip(ours, theirs, strict=True):
        assert abs(a - b) < 1e-4
    wanted = chunks[0].document_id
    assert {cid for cid, _ in matrix.nearest(query, 10, document_ids=[wanted])} == {
        c.id for c in chunks if c.document_id == wanted
    }
    assert matrix.nearest(query, 10, level="no-such-level") == []


def test_a_missing_vector_sends_reads_to_chroma(tmp_path: Path, chunks: list[Chunk]) -> None:
    cache, embedder = _cached(tmp_path, chunks[:-1])
    assert MatrixIndex.from_cache(chunks, cache, embedder.name) is None


def test_answering_never_imports_chromadb(tmp_path: Path) -> None:
    home = tmp_path / "home"
    regulation = tmp_path / "xa.txt"
    regulation.write_text(
        "QUY CHẾ LÀM VIỆC CỦA ĐẢNG ỦY XÃ AN TƯỜNG\n\nĐiều 1. Họp\n"
        "1. Ban Thường vụ họp mỗi tháng một lần.\n2. Đảng ủy họp ba tháng một lần.\n",
        encoding="utf-8",
    )
    code = f"""
import sys
from pathlib import Path
from assistant.service import Assistant
from ingest.settings import Settings
settings = Settings(home=Path({str(home)!r}), embedding_backend="fake")
Assistant.ingest_files(settings, [Path({str(regulation)!r})])
Assistant.open(settings).embed_pending()
"""
    reader = f"""
import sys
from pathlib import Path
from assistant.service import Assistant
from ingest.settings import Settings
settings = Settings(home=Path({str(home)!r}), embedding_backend="fake")
assistant = Assistant.open(settings)
answer = assistant.ask("Ban Thường vụ họp mấy lần?")
dense = type(assistant._answerer.locator.retriever.vector).__name__
print(answer.kind, dense, any(m.startswith("chromadb") for m in sys.modules))
"""
    for script in (code, reader):
        out = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
        )
        assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split()[-2:] == ["MatrixIndex", "False"]
