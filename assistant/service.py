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

from pydantic import BaseModel, ConfigDict, Field

from assistant.answer import Answerer
from assistant.home import DataHome
from assistant.models import Answer, Turn
from assistant.pipeline import IngestReport, Progress, ingest_paths, load_rules
from assistant.rules.models import Rule
from index.lexical import LexicalIndex, fingerprint
from index.retrieve import HybridRetriever
from ingest.chunk import chunk_document
from ingest.models import Chunk, Document, DocumentMeta
from ingest.settings import Settings

log = logging.getLogger(__name__)


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


class Snapshot(BaseModel):
    """Everything read from one committed snapshot: immutable once loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)

    name: str = ""
    documents: dict[str, Document] = Field(default_factory=dict)
    chunks: tuple[Chunk, ...] = ()
    rules: tuple[Rule, ...] = ()
    lexical: LexicalIndex | None = None


def load_snapshot(home: DataHome) -> Snapshot:
    path = home.current_snapshot()
    if path is None:
        return Snapshot()
    documents = home.read_documents(path)
    chunks = tuple(c for doc in documents.values() for c in chunk_document(doc))
    rules = tuple(r for table in load_rules(path).values() for r in table)
    try:
        lexical = LexicalIndex.load(path / "lexical")
        if lexical.fingerprint != fingerprint(chunks):
            raise ValueError("lexical index does not match the snapshot's chunks")
    except (OSError, ValueError, KeyError) as exc:
        # Snapshots are never rewritten in place: rebuild in memory (under a second).
        log.warning("lexical index unusable (%s); rebuilding from chunks", exc)
        lexical = LexicalIndex.build(chunks)
    return Snapshot(
        name=path.name, documents=documents, chunks=chunks, rules=rules, lexical=lexical
    )


class Assistant:
    def __init__(self, settings: Settings, snapshot: Snapshot) -> None:
        self.settings = settings
        self.home = DataHome(settings.home)
        self._snapshot = snapshot
        self._lock = threading.Lock()
        self._dense: object | None = None  # (vector index, embedder), loaded lazily
        self._answerer = self._make_answerer(snapshot)

    @classmethod
    def open(cls, settings: Settings) -> Assistant:
        return cls(settings, load_snapshot(DataHome(settings.home)))

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
        return ingest_paths(
            DataHome(settings.home), paths, remove=remove, rebuild=rebuild, **kwargs
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
        snapshot = load_snapshot(self.home)
        with self._lock:
            self._snapshot = snapshot
            self._answerer = self._make_answerer(snapshot)

    def embed_pending(self, progress: Callable[[int, int], None] | None = None) -> EmbedStats:
        """Make the vector store hold exactly this snapshot's chunks (cache first)."""
        from index.embed import passage_text

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
        return self._snapshot.documents[document_id]

    def rules(self, document_id: str | None = None, kind: str | None = None) -> list[Rule]:
        return [
            r
            for r in self._snapshot.rules
            if (document_id is None or r.document_id == document_id)
            and (kind is None or r.kind == kind)
        ]

    # --- asking --------------------------------------------------------------------

    def ask(
        self,
        question: str,
        history: Sequence[Turn] = (),
        document_ids: Sequence[str] | None = None,
        id: str | None = None,
    ) -> Answer:
        answer = self._answerer.answer(question, history=history, document_ids=document_ids)
        if id is not None:
            answer = answer.model_copy(update={"id": id})
        return answer

    # --- internals -----------------------------------------------------------------

    def _dense_parts(self, create: bool = False):  # type: ignore[no-untyped-def]
        if self.settings.embedding_backend == "none":
            return None
        if self._dense is None:
            if not create and not (self.settings.chroma_url or self.home.chroma_dir.exists()):
                return None
            from index.cache import EmbeddingCache
            from index.embed import make_embedder
            from index.vector import VectorIndex

            cache = EmbeddingCache(self.home.embedding_cache)
            embedder = make_embedder(self.settings, cache)
            if embedder is None:
                return None
            self._dense = (VectorIndex.open(self.settings, embedder), embedder, cache)
        return self._dense

    def _make_answerer(self, snapshot: Snapshot) -> Answerer:
        lexical = snapshot.lexical or LexicalIndex.build(snapshot.chunks)
        vector = embedder = None
        try:
            dense = self._dense_parts()
        except Exception as exc:  # a broken vector store must not stop lexical answers
            log.warning("vector index unavailable (%s); answering from the lexical index", exc)
            dense = None
        if dense is not None:
            vector, embedder, _cache = dense
        retriever = HybridRetriever(
            lexical=lexical, vector=vector, embedder=embedder, chunks=snapshot.chunks
        )
        return Answerer(
            documents=snapshot.documents,
            chunks=snapshot.chunks,
            rules=snapshot.rules,
            retriever=retriever,
            settings=self.settings,
        )
