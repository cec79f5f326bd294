"""Build the indexes the retrieval systems share, and run systems over gold items."""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict
from tqdm import tqdm

from eval.gold_set import GoldItem
from eval.metrics import ItemOutcome, outcome
from eval.systems import System
from index.embed import Embedder, passage_text
from index.lexical import LexicalIndex
from index.vector import VectorIndex
from ingest.models import Chunk, Document
from ingest.settings import Settings

log = logging.getLogger(__name__)


class EmbedTiming(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    chunks: int
    unique_texts: int
    characters: int  # of the unique texts
    seconds: float


@dataclass
class Indexes:
    """Everything the systems retrieve from (one data home)."""

    documents: list[Document]
    chunks: list[Chunk]
    lexical: LexicalIndex
    vector: VectorIndex | None
    embedder: Embedder | None
    embed: EmbedTiming | None


def open_embedder(settings: Settings) -> Embedder | None:
    """The settings' embedder behind the data home's embedding cache."""
    from index.cache import EmbeddingCache
    from index.embed import make_embedder

    return make_embedder(settings, EmbeddingCache(settings.home / "embeddings.sqlite"))


def sync_vectors(
    settings: Settings, chunks: Sequence[Chunk], embedder: Embedder, progress: bool = True
) -> tuple[VectorIndex, EmbedTiming]:
    """Open the home's vector store and make it hold ``chunks`` (embedding what the
    cache lacks), with a progress bar."""
    vector = VectorIndex.open(settings, embedder)
    texts = {passage_text(c) for c in chunks}
    bar = tqdm(total=len(chunks), desc="embeddings", unit="clause", disable=not progress)

    def report(_stage: str, fraction: float) -> None:
        bar.n = round(fraction * len(chunks))
        bar.refresh()

    started = time.perf_counter()
    vector.sync(list(chunks), embedder, settings.embedding_batch_size, report)
    bar.close()
    timing = EmbedTiming(
        chunks=len(chunks),
        unique_texts=len(texts),
        characters=sum(len(t) for t in texts),
        seconds=time.perf_counter() - started,
    )
    return vector, timing


def build_indexes(
    settings: Settings, documents: Sequence[Document], chunks: Sequence[Chunk], progress: bool
) -> Indexes:
    lexical = LexicalIndex.build(chunks)
    embedder = open_embedder(settings)
    vector = timing = None
    if embedder is not None:
        vector, timing = sync_vectors(settings, chunks, embedder, progress)
    return Indexes(
        documents=list(documents),
        chunks=list(chunks),
        lexical=lexical,
        vector=vector,
        embedder=embedder,
        embed=timing,
    )


def run_system(
    system: System, items: Sequence[GoldItem], progress: bool = True
) -> list[ItemOutcome]:
    """Outcomes of ``system`` on the items that have an expected place."""
    results: list[ItemOutcome] = []
    scored = [i for i in items if i.expected]
    for item in tqdm(scored, desc=system.name, unit="q", disable=not progress, leave=False):
        started = time.perf_counter()
        ranked = system.rank(item)
        results.append(
            outcome(
                item.id,
                system.name,
                ranked.entries,
                item.expected,
                scope=ranked.scope,
                seconds=time.perf_counter() - started,
            )
        )
    return results


__all__ = ["EmbedTiming", "Indexes", "build_indexes", "open_embedder", "run_system", "sync_vectors"]
