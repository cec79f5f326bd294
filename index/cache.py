"""Embedding cache: sqlite, keyed by (embedder name, sha256 of the exact text).

Near-copy regulations repeat many clauses word for word; those share one vector, and
re-ingesting an edited file only embeds what changed. WAL mode lets readers run while
one writer writes.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from pathlib import Path

import numpy as np

from index.models import Embedder
from index.windows import Vectors

_SCHEMA = """
CREATE TABLE IF NOT EXISTS embeddings (
    model TEXT NOT NULL,
    sha TEXT NOT NULL,
    dim INTEGER NOT NULL,
    vector BLOB NOT NULL,
    PRIMARY KEY (model, sha)
) WITHOUT ROWID
"""
QUERY_CACHE_SIZE = 2048
_BATCH = 500  # stays under sqlite's bound-parameter limit


def text_sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class EmbeddingCache:
    """Vectors by (model, text hash). One connection per call: safe across threads
    and processes (sqlite locking, busy timeout)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(_SCHEMA)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        with closing(sqlite3.connect(self.path, timeout=30.0)) as db, db:
            yield db

    def get_many(self, model: str, texts: Sequence[str]) -> dict[str, Vectors]:
        """Cached vectors by text sha, for the texts that have one."""
        shas = sorted({text_sha(t) for t in texts})
        found: dict[str, Vectors] = {}
        with self._connect() as db:
            for i in range(0, len(shas), _BATCH):
                part = shas[i : i + _BATCH]
                rows = db.execute(
                    f"SELECT sha, vector FROM embeddings WHERE model = ? "
                    f"AND sha IN ({','.join('?' * len(part))})",
                    (model, *part),
                )
                for sha, blob in rows:
                    found[sha] = np.frombuffer(blob, dtype=np.float32).copy()
        return found

    def put_many(self, model: str, texts: Sequence[str], vectors: Vectors) -> None:
        rows = [
            (model, text_sha(t), int(v.shape[0]), np.asarray(v, dtype=np.float32).tobytes())
            for t, v in zip(texts, vectors, strict=True)
        ]
        with self._connect() as db:
            db.executemany("INSERT OR REPLACE INTO embeddings VALUES (?, ?, ?, ?)", rows)

    def count(self, model: str | None = None) -> int:
        with self._connect() as db:
            if model is None:
                row = db.execute("SELECT COUNT(*) FROM embeddings").fetchone()
            else:
                row = db.execute(
                    "SELECT COUNT(*) FROM embeddings WHERE model = ?", (model,)
                ).fetchone()
        return int(row[0])


class CachedEmbedder:
    """An :class:`Embedder` that embeds each distinct passage once, ever."""

    def __init__(
        self, inner: Embedder, cache: EmbeddingCache, query_cache_size: int = QUERY_CACHE_SIZE
    ) -> None:
        self.inner = inner
        self.cache = cache
        self.query_cache_size = query_cache_size
        self._queries: OrderedDict[str, Vectors] = OrderedDict()
        self._lock = threading.Lock()
        self.name = inner.name
        self.dim = inner.dim

    def embed_passages(self, texts: list[str]) -> Vectors:
        found = self.cache.get_many(self.name, texts)
        missing = list(dict.fromkeys(t for t in texts if text_sha(t) not in found))
        if missing:
            fresh = self.inner.embed_passages(missing)
            self.cache.put_many(self.name, missing, fresh)
            found.update({text_sha(t): v for t, v in zip(missing, fresh, strict=True)})
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            out[i] = found[text_sha(t)]
        return out

    def embed_query(self, text: str) -> Vectors:
        """Repeated questions (the same question from many staff) skip the model."""
        with self._lock:
            vector = self._queries.get(text)
            if vector is not None:
                self._queries.move_to_end(text)
                return vector
        vector = self.inner.embed_query(text)
        if self.query_cache_size < 1:
            return vector
        with self._lock:
            self._queries[text] = vector
            while len(self._queries) > self.query_cache_size:
                self._queries.popitem(last=False)
        return vector


__all__ = ["CachedEmbedder", "EmbeddingCache", "text_sha"]
