from __future__ import annotations

from eval.gold_set import Target
from eval.llama_baseline import SpanMap
from eval.systems import interleave
from index.models import Hit
from ingest.models import Chunk, DocumentMeta


def chunk(cid: str, doc: str, article: int, clause: int | None, start: int, end: int) -> Chunk:
    return Chunk(
        id=cid,
        document_id=doc,
        document_title="Quy chế",
        part="regulation",
        chapter="",
        article=article,
        article_title="",
        clause=clause,
        text="x" * (end - start),
        start=start,
        end=end,
        meta=DocumentMeta(),
    )


def hit(c: Chunk) -> Hit:
    return Hit(chunk=c, score=1.0, retriever="fused")


def test_interleave_round_robin_without_duplicates() -> None:
    a1, a2 = chunk("a1", "a", 1, 1, 0, 5), chunk("a2", "a", 1, 2, 5, 9)
    b1 = chunk("b1", "b", 2, 1, 0, 5)
    merged = interleave([[hit(a1), hit(a2)], [hit(b1), hit(a1)]], top_k=10)
    assert [h.chunk.id for h in merged] == ["a1", "b1", "a2"]
    assert len(interleave([[hit(a1), hit(a2)], [hit(b1)]], top_k=2)) == 2


def test_span_map_returns_every_overlapped_clause() -> None:
    spans = SpanMap(
        [
            chunk("1", "a", 1, None, 0, 10),
            chunk("2", "a", 1, 1, 10, 20),
            chunk("3", "a", 2, 1, 20, 30),
            chunk("4", "b", 1, 1, 0, 30),
        ]
    )
    got = spans.overlapping("a", 15, 25)
    assert got == (
        Target(document_id="a", part="regulation", article=1, clause=1),
        Target(document_id="a", part="regulation", article=2, clause=1),
    )
    assert spans.overlapping("a", 10, 20) == (
        Target(document_id="a", part="regulation", article=1, clause=1),
    )
    assert spans.overlapping("c", 0, 5) == ()
