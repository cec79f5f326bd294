"""Dense vectors in chromadb: a local PersistentClient in the data home, or a Chroma
server when ``settings.chroma_url`` is set.

We always pass embeddings (chroma would otherwise download an ONNX model) and write
through the collection's ``upsert`` (llama-index's ``add`` keeps the old text of an
existing id). Each row carries the chunk as JSON, so a query returns whole chunks, and
the sha of the embedded text, so :meth:`VectorIndex.sync` re-embeds only what changed.
One collection per embedder name: switching models never mixes vectors.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import urlparse

import numpy as np
from pydantic import BaseModel, ConfigDict

from index.embed import Embedder, passage_text
from index.models import Hit
from index.windows import Vectors
from ingest.models import Chunk, ChunkMetaValue
from ingest.settings import Settings

log = logging.getLogger(__name__)

Where = dict[str, Any]
Progress = Callable[[str, float], None]

_CHUNK_KEY = "chunk_json"
_SHA_KEY = "text_sha"
_WRITE_BATCH = 256


class SyncReport(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0


def collection_name(embedder_name: str) -> str:
    """A valid chroma name (3-512 of [a-zA-Z0-9._-], alphanumeric ends) per embedder."""
    slug = re.sub(r"[^a-zA-Z0-9._-]+", "-", embedder_name).strip("._-")[:48]
    digest = hashlib.sha256(embedder_name.encode()).hexdigest()[:8]
    return f"chunks-{slug}-{digest}"


def open_client(settings: Settings) -> Any:
    """Chroma client for the settings, telemetry off."""
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_url:
        url = urlparse(settings.chroma_url)
        return chromadb.HttpClient(
            host=url.hostname or "localhost",
            port=url.port or (443 if url.scheme == "https" else 8000),
            ssl=url.scheme == "https",
            settings=chroma_settings,
        )
    path = settings.home / "chroma"
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=chroma_settings)


def where_filter(
    document_ids: Sequence[str] = (), level: str = "", status: str = ""
) -> Where | None:
    """Chroma ``where`` for the given restrictions; None when there are none."""
    clauses: list[Where] = []
    if document_ids:
        clauses.append({"document_id": {"$in": list(document_ids)}})
    if level:
        clauses.append({"level": level})
    if status:
        clauses.append({"status": status})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def _metadata(chunk: Chunk, sha: str) -> dict[str, ChunkMetaValue]:
    return {**chunk.flat_metadata(), _CHUNK_KEY: chunk.model_dump_json(), _SHA_KEY: sha}


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class VectorIndex:
    """The chunk vectors of one embedder."""

    def __init__(self, collection: Any) -> None:
        self.collection = collection

    @classmethod
    def open(cls, settings: Settings, embedder: Embedder, client: Any = None) -> VectorIndex:
        client = client if client is not None else open_client(settings)
        collection = client.get_or_create_collection(
            collection_name(embedder.name),
            embedding_function=None,
            configuration={"hnsw": {"space": "cosine"}},
            metadata={"embedder": embedder.name, "dim": embedder.dim},
        )
        return cls(collection)

    def ids(self) -> set[str]:
        return set(self.collection.get(include=[])["ids"])

    def count(self) -> int:
        return int(self.collection.count())

    def upsert(self, chunks: Sequence[Chunk], vectors: Vectors) -> None:
        """Insert or replace rows by chunk id (text, metadata and vector)."""
        if len(chunks) != len(vectors):
            raise ValueError(f"{len(chunks)} chunks but {len(vectors)} vectors")
        for i in range(0, len(chunks), _WRITE_BATCH):
            part = chunks[i : i + _WRITE_BATCH]
            self.collection.upsert(
                ids=[c.id for c in part],
                embeddings=np.asarray(vectors[i : i + _WRITE_BATCH], dtype=np.float32),
                documents=[c.text for c in part],
                metadatas=[_metadata(c, _sha(passage_text(c))) for c in part],
            )

    def delete_ids(self, ids: Sequence[str]) -> None:
        for i in range(0, len(ids), _WRITE_BATCH):
            self.collection.delete(ids=list(ids[i : i + _WRITE_BATCH]))

    def _stored_shas(self) -> dict[str, str]:
        got = self.collection.get(include=["metadatas"])
        return {
            cid: str((meta or {}).get(_SHA_KEY, ""))
            for cid, meta in zip(got["ids"], got["metadatas"], strict=True)
        }

    def sync(
        self,
        chunks: Sequence[Chunk],
        embedder: Embedder,
        batch_size: int = 32,
        progress: Progress | None = None,
    ) -> SyncReport:
        """Make the collection hold exactly ``chunks``: delete extra ids, embed new and
        changed ones batch by batch (each batch is queryable as soon as it is written)."""
        stored = self._stored_shas()
        wanted = {c.id for c in chunks}
        extra = [cid for cid in stored if cid not in wanted]
        self.delete_ids(extra)
        todo = [c for c in chunks if stored.get(c.id) != _sha(passage_text(c))]
        added = sum(1 for c in todo if c.id not in stored)
        for i in range(0, len(todo), batch_size):
            part = todo[i : i + batch_size]
            self.upsert(part, embedder.embed_passages([passage_text(c) for c in part]))
            if progress is not None:
                progress("embedding", min(1.0, (i + len(part)) / len(todo)))
        return SyncReport(
            added=added,
            updated=len(todo) - added,
            removed=len(extra),
            unchanged=len(chunks) - len(todo),
        )

    def nearest(
        self,
        vector: Vectors,
        top_k: int,
        document_ids: Sequence[str] = (),
        level: str = "",
        status: str = "",
    ) -> list[tuple[str, float]]:
        """Ids and cosine similarities of the nearest chunks, best first. Reading no
        metadata makes this several times faster than :meth:`query`; callers that hold
        the chunks in memory (the retrievers) look them up by id."""
        result = self._search(vector, top_k, where_filter(document_ids, level, status), [])
        if result is None:
            return []
        return [
            (str(cid), 1.0 - float(distance))
            for cid, distance in zip(result["ids"][0], result["distances"][0], strict=True)
        ]

    def _search(self, vector: Vectors, top_k: int, where: Where | None, extra: list[str]) -> Any:
        available = self.count()
        if available == 0 or top_k < 1:
            return None
        return self.collection.query(
            query_embeddings=[np.asarray(vector, dtype=np.float32)],
            n_results=min(top_k, available),
            where=where,
            include=[*extra, "distances"],
        )

    def query(
        self,
        vector: Vectors,
        top_k: int,
        document_ids: Sequence[str] = (),
        level: str = "",
        status: str = "",
    ) -> list[Hit]:
        """Nearest chunks by cosine similarity (score = 1 - cosine distance), each chunk
        read back from the store."""
        result = self._search(
            vector, top_k, where_filter(document_ids, level, status), ["metadatas"]
        )
        if result is None:
            return []
        hits: list[Hit] = []
        for rank, (meta, distance) in enumerate(
            zip(result["metadatas"][0], result["distances"][0], strict=True), start=1
        ):
            if not meta or _CHUNK_KEY not in meta:
                continue  # a row cut short by a crash mid-write: the next sync re-embeds it
            chunk = Chunk.model_validate_json(str(meta[_CHUNK_KEY]))
            hits.append(
                Hit(chunk=chunk, score=1.0 - float(distance), retriever="dense", dense_rank=rank)
            )
        return hits

    def llama_store(self) -> Any:
        """This collection as a llama-index ``ChromaVectorStore`` (read side: our rows
        are plain chroma rows, which it reads through its legacy path)."""
        from llama_index.vector_stores.chroma import ChromaVectorStore

        return ChromaVectorStore(chroma_collection=self.collection)


__all__ = ["SyncReport", "VectorIndex", "collection_name", "open_client", "where_filter"]
