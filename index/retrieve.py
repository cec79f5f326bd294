"""Retrievers: hybrid (BM25 + dense, fused), and the single-retriever baselines.

Lexical always answers; dense covers the chunks embedded so far, so questions work
while a large ingest is still embedding.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from index.embed import Embedder
from index.fusion import dense_counts, fuse
from index.lexical import LexicalIndex
from index.models import Hit, RetrievalQuery, in_scope
from index.tokens import expand_abbreviations
from index.windows import Vectors
from ingest.models import Chunk

# Each retriever proposes this many candidates per requested hit before fusion.
CANDIDATES_PER_HIT = 5
MIN_CANDIDATES = 50


class DenseIndex(Protocol):
    """Nearest chunks to a vector: chroma's collection (index.vector) or the snapshot's
    vectors in memory (index.matrix)."""

    def nearest(
        self,
        vector: Vectors,
        top_k: int,
        document_ids: Sequence[str] = (),
        level: str = "",
        status: str = "",
    ) -> list[tuple[str, float]]: ...


class Retriever(Protocol):
    def retrieve(self, query: RetrievalQuery) -> list[Hit]: ...


def _pool(top_k: int) -> int:
    return max(MIN_CANDIDATES, top_k * CANDIDATES_PER_HIT)


def _allowed(chunks: dict[str, Chunk], query: RetrievalQuery) -> set[str] | None:
    if not (query.document_ids or query.level or query.status):
        return None
    wanted = set(query.document_ids)
    return {cid for cid, c in chunks.items() if in_scope(c, wanted, query.level, query.status)}


class _Base:
    def __init__(self, chunks: Sequence[Chunk]) -> None:
        self.chunks: dict[str, Chunk] = {c.id: c for c in chunks}

    def _lexical_ids(self, lexical: LexicalIndex, query: RetrievalQuery) -> list[str]:
        found = lexical.search(query.text, _pool(query.top_k), _allowed(self.chunks, query))
        return [cid for cid, _ in found if cid in self.chunks]

    def _dense_ids(
        self, vector: DenseIndex, embedder: Embedder, query: RetrievalQuery
    ) -> list[str]:
        return [cid for cid, _ in self._nearest(vector, embedder, query, _pool(query.top_k))]

    def _nearest(
        self, vector: DenseIndex, embedder: Embedder, query: RetrievalQuery, top_k: int
    ) -> list[tuple[str, float]]:
        """Dense neighbours among the chunks this retriever knows (a row another
        instance wrote after this snapshot is skipped until the next refresh)."""
        found = vector.nearest(
            embedder.embed_query(expand_abbreviations(query.text)),
            top_k,
            document_ids=query.document_ids,
            level=query.level,
            status=query.status,
        )
        return [(cid, score) for cid, score in found if cid in self.chunks]


class HybridRetriever(_Base):
    """BM25 and dense candidates fused by reciprocal rank, with structural boosts."""

    def __init__(
        self,
        lexical: LexicalIndex,
        vector: DenseIndex | None,
        embedder: Embedder | None,
        chunks: Sequence[Chunk],
    ) -> None:
        super().__init__(chunks)
        self.lexical = lexical
        self.vector = vector
        self.embedder = embedder

    def retrieve(self, query: RetrievalQuery) -> list[Hit]:
        lexical = self._lexical_ids(self.lexical, query)
        dense: list[str] = []
        # Dense results carry no weight for text typed without diacritics (fusion): then
        # the query is not embedded at all.
        if self.vector is not None and self.embedder is not None and dense_counts(query.text):
            dense = self._dense_ids(self.vector, self.embedder, query)
        fused = fuse(query.text, lexical, dense, self.chunks, boost_bodies=query.boost_bodies)
        return fused[: query.top_k]


class LexicalOnly(_Base):
    """BM25 alone (evaluation baseline)."""

    def __init__(self, lexical: LexicalIndex, chunks: Sequence[Chunk]) -> None:
        super().__init__(chunks)
        self.lexical = lexical

    def retrieve(self, query: RetrievalQuery) -> list[Hit]:
        found = self.lexical.search(query.text, query.top_k, _allowed(self.chunks, query))
        return [
            Hit(chunk=self.chunks[cid], score=score, retriever="lexical", lexical_rank=rank)
            for rank, (cid, score) in enumerate(
                ((cid, s) for cid, s in found if cid in self.chunks), start=1
            )
        ]


class DenseOnly(_Base):
    """Dense vectors alone (evaluation baseline)."""

    def __init__(self, vector: DenseIndex, embedder: Embedder, chunks: Sequence[Chunk]) -> None:
        super().__init__(chunks)
        self.vector = vector
        self.embedder = embedder

    def retrieve(self, query: RetrievalQuery) -> list[Hit]:
        found = self._nearest(self.vector, self.embedder, query, query.top_k)
        return [
            Hit(chunk=self.chunks[cid], score=score, retriever="dense", dense_rank=rank)
            for rank, (cid, score) in enumerate(found, start=1)
        ]


__all__ = ["DenseOnly", "HybridRetriever", "LexicalOnly", "Retriever"]
