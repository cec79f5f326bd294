"""Chunks: one per clause, stable ids, scalar metadata only."""

from __future__ import annotations

from ingest.chunk import chunk_document, chunk_id
from ingest.parse import parse_file
from tests.conftest import CORPUS

KON_TUM = CORPUS / "quy-che-ban-can-su-dang-ubnd-tinh-kon-tum-2021-2026.txt"


def test_chunk_id_is_pinned() -> None:
    # A change here re-embeds every clause of every user's data home: do it on purpose.
    assert chunk_id("abc", "regulation", 14, 2) == "2b28f68f61773d80c0dc0e549f245820"
    doc = parse_file(KON_TUM)
    chunk = next(c for c in chunk_document(doc) if c.article == 14 and c.clause == 2)
    assert chunk.id == "66f6fb3ce7a19eece4a46f2875548c6e"


def test_one_chunk_per_clause_with_context_and_flat_metadata() -> None:
    doc = parse_file(KON_TUM)
    chunks = chunk_document(doc)
    assert len(chunks) == sum(len(a.clauses) for a in doc.articles)
    assert len({c.id for c in chunks}) == len(chunks)
    for chunk in chunks:
        assert doc.text[chunk.start : chunk.end] == chunk.text
        assert chunk.context.startswith(doc.meta.title)
        for value in chunk.flat_metadata().values():
            assert isinstance(value, str | int | float | bool)
    article_4 = [c for c in chunks if c.article == 4]
    assert [c.clause for c in article_4] == [None]  # an article without khoản is one chunk
