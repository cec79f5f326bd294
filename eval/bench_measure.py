"""What the benchmarks measure with and report into: the markdown table of measures, a
timer, peak memory, warm latencies, the distinct passages to embed, and the full
retrieval pipeline over a data home's vector store."""

from __future__ import annotations

import resource
import sys
import time
from collections.abc import Callable, Sequence

from pydantic import BaseModel, ConfigDict, Field
from tqdm import tqdm

from eval.gold_set import REPO, GoldItem
from eval.metrics import percentile
from eval.report import table
from ingest.models import Chunk, Document
from ingest.settings import Settings

CORPUS = REPO / "data" / "regulations"
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


def unique_passages(chunks: Sequence[Chunk]) -> dict[str, int]:
    from index.embed import passage_text

    texts = {passage_text(c) for c in chunks}
    return {"unique": len(texts), "total": len(chunks), "chars": sum(len(t) for t in texts)}


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


__all__ = [
    "CORPUS",
    "LATENCY_CAP_S",
    "BenchReport",
    "Row",
    "Timer",
    "latencies_ms",
    "p50_p95",
    "peak_rss_mb",
    "pipeline_for",
    "unique_passages",
]
