"""The assistant as a library: open a data home, ingest, browse, ask.

The CLI and the web app are thin shells around :class:`Assistant`. Heavy pieces (the
embedding model, the vector store) load lazily, so lexical answers and the rule table
are available at once and a missing model never blocks a question.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from assistant.answer import Answerer
from assistant.home import DataHome
from assistant.models import Answer, Turn
from assistant.phrasing import Rephraser
from assistant.pipeline import IngestReport, Progress, ingest_paths
from assistant.rules.models import Rule
from assistant.shared import SharedState
from assistant.snapshot import Snapshot, load_shared, load_snapshot, snapshot_from_tables
from index.lexical import LexicalIndex
from index.retrieve import HybridRetriever
from ingest.bodies import bodies_in
from ingest.errors import QuycheError
from ingest.models import Document, DocumentMeta
from ingest.powers import Power
from ingest.settings import Settings

log = logging.getLogger(__name__)

# With a Chroma server, how often (at most) ask/documents look for a newer shared snapshot.
REFRESH_SECONDS = 2.0


class DocumentInfo(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    source_file: str
    meta: DocumentMeta
    article_count: int
    part_counts: dict[str, int]


class EmbedStats(BaseModel):
    model_config = ConfigDict(extra="forbid")

    embedded: int = 0
    cached: int = 0
    total: int = 0
    characters: int = 0
    seconds: float = 0.0

    @property
    def chars_per_second(self) -> float:
        return self.characters / self.seconds if self.seconds else 0.0


class Assistant:
    def __init__(
        self, settings: Settings, snapshot: Snapshot, shared: SharedState | None = None
    ) -> None:
        self.settings = settings
        self.home = DataHome(settings.home)
        self.refresh_seconds = REFRESH_SECONDS
        self._snapshot = snapshot
        self._shared = shared
        self._checked = time.monotonic()
        self._lock = threading.Lock()
        self._refresh_lock = threading.Lock()
        self._dense: object | None = None  # (vector index, embedder), loaded lazily
        self._embedding: object | None = None  # (embedder, its cache), loaded lazily
        self._answerer = self._make_answerer(snapshot)
        self._rephraser = Rephraser(settings)  # off unless QUYCHE_LLM_PROVIDER is set

    @classmethod
    def open(cls, settings: Settings) -> Assistant:
        home = DataHome(settings.home)
        if settings.chroma_url:
            shared, snapshot = load_shared(settings, home)
            return cls(settings, snapshot, shared)
        return cls(settings, load_snapshot(home))

    @property
    def snapshot_name(self) -> str:
        return self._snapshot.name

    # --- ingest --------------------------------------------------------------------

    @staticmethod
    def ingest_files(
        settings: Settings,
        paths: Sequence[Path],
        *,
        remove: Sequence[str] = (),
        rebuild: bool = False,
        progress: Progress | None = None,
    ) -> IngestReport:
        kwargs = {} if progress is None else {"progress": progress}
        shared = SharedState.connect(settings) if settings.chroma_url else None
        return ingest_paths(
            DataHome(settings.home),
            paths,
            remove=remove,
            rebuild=rebuild,
            shared=shared,
            **kwargs,
        )

    def ingest(
        self, paths: Sequence[Path], progress: Callable[[str, float], None] | None = None
    ) -> IngestReport:
        """Ingest, then reload this instance's snapshot so the new documents are answerable."""
        report = self.ingest_files(self.settings, paths, progress=progress)
        if report.changed:
            self.reload()
        return report

    def reload(self) -> None:
        if self.settings.chroma_url:
            self.refresh(force=True)
            return
        self._install(load_snapshot(self.home))

    def _install(self, snapshot: Snapshot) -> None:
        answerer = self._make_answerer(snapshot)
        with self._lock:
            self._snapshot = snapshot
            self._answerer = answerer

    def refresh(self, force: bool = False) -> bool:
        """With a Chroma server: load the shared snapshot if another instance published a
        newer one. Checks at most every ``refresh_seconds`` (one small request); never
        raises, so a server hiccup leaves the current snapshot answering."""
        if not self.settings.chroma_url:
            return False
        now = time.monotonic()
        if not force and now - self._checked < self.refresh_seconds:
            return False
        if not self._refresh_lock.acquire(blocking=force):
            return False  # another thread is already checking
        try:
            self._checked = now
            if self._shared is None:
                self._shared = SharedState.connect(self.settings)
            marker = self._shared.marker()
            if marker is None or marker.snapshot == self._snapshot.name:
                return False
            loaded = self._shared.load()
            if loaded is None:
                return False
            self._install(
                snapshot_from_tables(loaded.marker.snapshot, loaded.documents, loaded.rules)
            )
            log.info("loaded shared snapshot %s", loaded.marker.snapshot)
            return True
        except QuycheError as exc:
            log.warning("shared snapshot not refreshed (%s)", exc)
            return False
        finally:
            self._checked = time.monotonic()
            self._refresh_lock.release()

    def embed_pending(self, progress: Callable[[int, int], None] | None = None) -> EmbedStats:
        """Make the vector store hold exactly this snapshot's chunks (cache first)."""
        from index.embed import passage_text

        self.refresh(force=True)  # a Chroma server's vectors must follow the shared snapshot
        dense = self._dense_parts(create=True)
        if dense is None:
            return EmbedStats()
        vector, embedder, cache = dense
        chunks = list(self._snapshot.chunks)
        cached_before = cache.count(embedder.name)
        total = len(chunks)

        def report(_stage: str, fraction: float) -> None:
            if progress is not None:
                progress(int(fraction * total), total)

        started = time.perf_counter()
        with self.home.lock(timeout=60):
            result = vector.sync(chunks, embedder, self.settings.embedding_batch_size, report)
        seconds = time.perf_counter() - started
        new_vectors = cache.count(embedder.name) - cached_before
        todo = result.added + result.updated
        stats = EmbedStats(
            embedded=todo,
            cached=max(0, todo - new_vectors),
            total=total,
            characters=sum(len(passage_text(c)) for c in chunks) if todo else 0,
            seconds=seconds,
        )
        self._answerer = self._make_answerer(self._snapshot)
        return stats

    # --- browsing ------------------------------------------------------------------

    def documents(self) -> list[DocumentInfo]:
        self.refresh()
        return [
            DocumentInfo(
                id=doc.id,
                source_file=doc.source_file,
                meta=doc.meta,
                article_count=len(doc.articles),
                part_counts={p.id: len(p.articles) for p in doc.parts},
            )
            for doc in sorted(self._snapshot.documents.values(), key=lambda d: d.id)
        ]

    def document(self, document_id: str) -> Document:
        self.refresh()
        return self._snapshot.documents[document_id]

    def rules(self, document_id: str | None = None, kind: str | None = None) -> list[Rule]:
        self.refresh()
        return [
            r
            for r in self._snapshot.rules
            if (document_id is None or r.document_id == document_id)
            and (kind is None or r.kind == kind)
        ]

    # --- asking --------------------------------------------------------------------

    def powers(self, document_id: str | None = None, body: str | None = None) -> list[Power]:
        """The table of powers, optionally of one document and of one body (by its
        canonical name or any way people write it: "BTV", "ban thuong vu")."""
        self.refresh()
        wanted = bodies_in(body)[0] if body and bodies_in(body) else body
        return [
            p
            for p in self._snapshot.powers
            if (document_id is None or p.document_id == document_id)
            and (wanted is None or p.body == wanted)
        ]

    def ask(
        self,
        question: str,
        history: Sequence[Turn] = (),
        document_ids: Sequence[str] | None = None,
        id: str | None = None,
    ) -> Answer:
        self.refresh()
        current = answerer = self._answerer
        try:
            answer = answerer.answer(question, history=history, document_ids=document_ids)
        except Exception as exc:
            if current.locator.retriever.vector is None:
                raise
            # A vector store damaged mid-write (a killed embed) must not fail questions:
            # answer lexically until the next `quyche embed`/ingest repairs it.
            log.warning(
                "vector search failed (%s: %s); answering from the lexical index until "
                "`quyche embed` repairs the vector store",
                type(exc).__name__,
                exc,
            )
            answerer = self._make_answerer(self._snapshot, dense=False)
            with self._lock:
                if self._answerer is current:
                    self._answerer = answerer
            answer = answerer.answer(question, history=history, document_ids=document_ids)
        answer = self._rephraser.rephrase(answer)
        if id is not None:
            answer = answer.model_copy(update={"id": id})
        return answer

    # --- internals -----------------------------------------------------------------

    def _encoder(self):  # type: ignore[no-untyped-def]
        """The query/passage embedder behind its cache, built once per process (loading
        the model is the slow part), or None when embeddings are off."""
        if self._embedding is None:
            from index.cache import EmbeddingCache
            from index.embed import make_embedder

            cache = EmbeddingCache(self.home.embedding_cache)
            embedder = make_embedder(self.settings, cache)
            if embedder is None:
                return None
            self._embedding = (embedder, cache)
        return self._embedding

    def _dense_parts(self, create: bool = False):  # type: ignore[no-untyped-def]
        if self.settings.embedding_backend == "none":
            return None
        if self._dense is None:
            if not create and not (self.settings.chroma_url or self.home.chroma_dir.exists()):
                return None
            from index.vector import VectorIndex

            encoder = self._encoder()
            if encoder is None:
                return None
            embedder, cache = encoder
            self._dense = (VectorIndex.open(self.settings, embedder), embedder, cache)
        return self._dense

    def _reader_dense(self, snapshot: Snapshot):  # type: ignore[no-untyped-def]
        """The dense index answering reads: the snapshot's cached vectors in memory when
        every chunk has one (no chromadb import), else chroma's collection."""
        if self.settings.embedding_backend == "none":
            return None
        if self._dense is None and not self.settings.chroma_url:
            from index.matrix import MatrixIndex

            if self.home.embedding_cache.exists():
                encoder = self._encoder()
                if encoder is None:
                    return None
                embedder, cache = encoder
                matrix = MatrixIndex.from_cache(snapshot.chunks, cache, embedder.name)
                if matrix is not None:
                    return matrix, embedder
        parts = self._dense_parts()
        return None if parts is None else (parts[0], parts[1])

    def _make_answerer(self, snapshot: Snapshot, dense: bool = True) -> Answerer:
        lexical = snapshot.lexical or LexicalIndex.build(snapshot.chunks)
        vector = embedder = None
        parts = None
        try:
            parts = self._reader_dense(snapshot) if dense else None
        except Exception as exc:  # a broken vector store must not stop lexical answers
            log.warning("vector index unavailable (%s); answering from the lexical index", exc)
        if parts is not None:
            vector, embedder = parts
        retriever = HybridRetriever(
            lexical=lexical, vector=vector, embedder=embedder, chunks=snapshot.chunks
        )
        return Answerer(
            documents=snapshot.documents,
            chunks=snapshot.chunks,
            rules=snapshot.rules,
            retriever=retriever,
            settings=self.settings,
            powers=snapshot.powers,
        )
