"""``quyche bench``'s scale run: synthetic regulations parsed, chunked and indexed next to
the bundled corpus, embeddings projected, and retrieval latency over them with each
synthetic clause carrying the cached vector of the corpus clause it was built from."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
from tqdm import tqdm

from eval.bench_measure import (
    CORPUS,
    LATENCY_CAP_S,
    BenchReport,
    Timer,
    latencies_ms,
    p50_p95,
    peak_rss_mb,
    pipeline_for,
    unique_passages,
)
from eval.gold_set import GoldItem
from eval.workspace import chunks_of, parse_sources, source_files
from ingest.models import Chunk, Document
from ingest.settings import Settings


def bench_scale(
    report: BenchReport,
    settings: Settings,
    n: int,
    items: Sequence[GoldItem],
    chars_per_s: float,
    workdir: Path,
) -> None:
    from eval.synth import generate
    from index.lexical import LexicalIndex

    folder = workdir / "synth"
    manifest = generate(n, folder, seed=1)
    files = [folder / d.file for d in manifest.docs]
    timer = Timer()
    documents = [parse_one(p) for p in tqdm(files, desc="parse synthetic", unit="doc", leave=False)]
    parse_s = timer.seconds
    corpus_docs = parse_sources(source_files((CORPUS,)))
    all_docs = corpus_docs + documents
    timer = Timer()
    chunks = chunks_of(all_docs)
    chunk_s = timer.seconds
    timer = Timer()
    LexicalIndex.build(chunks)
    lexical_s = timer.seconds
    report.add(
        f"scale: parse {n} synthetic regulations",
        f"{parse_s:.1f} s",
        f"{sum(len(d.articles) for d in documents)} articles; + chunking {chunk_s:.1f} s",
    )
    report.add(
        f"scale: BM25 build over {len(chunks)} clauses",
        f"{lexical_s:.1f} s",
        f"{n} synthetic + {len(corpus_docs)} bundled regulations",
    )
    counts = unique_passages(chunks)
    projected = counts["chars"] / chars_per_s if chars_per_s else 0.0
    report.add(
        "scale: embeddings (projected)",
        f"{projected / 60:.0f} min",
        f"{counts['unique']} unique texts, {counts['chars']} chars at {chars_per_s:.0f} chars/s",
    )
    dense_home = Settings(home=workdir / "scale-home", embedding_backend=settings.embedding_backend)
    reused = fill_vectors(settings, dense_home, corpus_docs, chunks, manifest)
    report.add(
        "scale: dense vectors reused",
        f"{reused} / {len(chunks)}",
        "synthetic clauses carry the cached vector of the corpus clause they were built from",
    )
    retrieve = pipeline_for(dense_home, all_docs, chunks)
    values = latencies_ms(retrieve, items, f"retrieval at {n} docs")
    report.add(
        f"scale: retrieval latency p50 / p95 at {len(all_docs)} documents",
        p50_p95(values),
        f"{len(values)} gold questions (stops after {LATENCY_CAP_S:.0f} s), understand + hybrid",
    )
    report.add("peak RSS after scale run", f"{peak_rss_mb():.0f} MB", "resource.getrusage")


def parse_one(path: Path) -> Document:
    from ingest.parse import parse_file

    return parse_file(path)


def fill_vectors(
    source: Settings,
    target: Settings,
    corpus_docs: Sequence[Document],
    chunks: Sequence[Chunk],
    manifest: object,
) -> int:
    """Write each chunk's vector into ``target``'s store: corpus chunks from the cache,
    synthetic chunks the vector of the corpus clause they came from."""
    from eval.retrieval import open_embedder
    from eval.synth import SynthManifest
    from index.cache import EmbeddingCache, text_sha
    from index.embed import passage_text
    from index.vector import VectorIndex

    assert isinstance(manifest, SynthManifest)
    embedder = open_embedder(source)
    if embedder is None:
        return 0
    corpus = {
        (c.document_id, c.part, c.article, c.clause): passage_text(c)
        for c in chunks_of(corpus_docs)
    }
    origin = {
        (d.document_id, c.article, c.clause): (
            c.source_document,
            c.source_part,
            c.source_article,
            c.source_clause,
        )
        for d in manifest.docs
        for c in d.clauses
    }
    cache = EmbeddingCache(source.home / "embeddings.sqlite")
    vectors = cache.get_many(embedder.name, list(corpus.values()))

    chosen: list[Chunk] = []
    rows: list[np.ndarray] = []
    for c in chunks:
        key = (c.document_id, c.part, c.article, c.clause)
        text = corpus.get(key)
        if text is None and (c.document_id, c.article, c.clause) in origin:
            text = corpus.get(origin[(c.document_id, c.article, c.clause)])
        vector = vectors.get(text_sha(text)) if text is not None else None
        if vector is not None:
            chosen.append(c)
            rows.append(vector)
    store = VectorIndex.open(target, embedder)
    batch = 2000
    for i in tqdm(range(0, len(chosen), batch), desc="vectors (reused)", leave=False):
        store.upsert(chosen[i : i + batch], np.asarray(rows[i : i + batch], dtype=np.float32))
    return len(chosen)


__all__ = ["bench_scale", "fill_vectors", "parse_one"]
