"""Exact cosine search over the snapshot's vectors held in memory, for answering.

A one-shot `quyche ask` spent about a second importing chromadb and opening its client
to search a few thousand vectors. The vectors are already in the embedding cache, keyed
by the embedder and the text embedded; read back for the snapshot's chunks they answer
the same nearest-neighbour question exactly, in a matrix product. Chroma stays the store
that ingest writes (and the index for corpora over ``MAX_CHUNKS`` or a Chroma server).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from index.cache import EmbeddingCache, text_sha
from index.embed import passage_text
from index.models import in_scope
from index.windows import Vectors
from ingest.models import Chunk

# Above this many chunks the matrix costs more memory and load time than chroma's index.
MAX_CHUNKS = 20_000


class MatrixIndex:
    """Chunks and their unit-length vectors, row by row."""

    def __init__(self, chunks: Sequence[Chunk], vectors: np.ndarray) -> None:
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        self._matrix = vectors / np.where(norms == 0, 1.0, norms)
        self._chunks = list(chunks)

    @classmethod
    def from_cache(
        cls, chunks: Sequence[Chunk], cache: EmbeddingCache, model: str
    ) -> MatrixIndex | None:
        """The index when every chunk's vector is cached, else None (ask chroma)."""
        if not chunks or len(chunks) > MAX_CHUNKS:
            return None
        texts = [passage_text(c) for c in chunks]
        found = cache.get_many(model, texts)
        rows = [found.get(text_sha(t)) for t in texts]
        if any(r is None for r in rows):
            return None
        return cls(chunks, np.vstack([np.asarray(r, dtype=np.float32) for r in rows]))

    def count(self) -> int:
        return len(self._chunks)

    def nearest(
        self,
        vector: Vectors,
        top_k: int,
        document_ids: Sequence[str] = (),
        level: str = "",
        status: str = "",
    ) -> list[tuple[str, float]]:
        """Ids and cosine similarities of the nearest chunks, best first."""
        if top_k < 1 or not self._chunks:
            return []
        query = np.asarray(vector, dtype=np.float32).reshape(-1)
        norm = float(np.linalg.norm(query)) or 1.0
        scores = self._matrix @ (query / norm)
        wanted = set(document_ids)
        allowed = [i for i, c in enumerate(self._chunks) if in_scope(c, wanted, level, status)]
        if not allowed:
            return []
        index = np.asarray(allowed)
        best = index[np.argsort(-scores[index], kind="stable")[:top_k]]
        return [(self._chunks[int(i)].id, float(scores[int(i)])) for i in best]
