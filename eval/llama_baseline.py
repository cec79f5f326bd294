"""The vanilla llama-index pipeline, as a baseline: default ``SentenceSplitter`` over the
whole document texts, the same embedding model through our ``BaseEmbedding`` adapter,
an in-memory ``VectorStoreIndex``, top-k similarity.

Its nodes are token windows, not clauses: a node is mapped back to every clause whose
span in ``Document.text`` it overlaps, so one node can match several expected places
(which flatters this baseline's recall, never hurts it).
"""

from __future__ import annotations

import bisect
import contextlib
import io
import time
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict

from eval.gold_set import GoldItem, Target
from eval.metrics import Entry
from eval.systems import TOP_K, Ranked, chunk_target
from index.embed import Embedder
from ingest.models import Chunk, Document


class Span(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    start: int
    end: int
    target: Target


class SpanMap:
    """Clause spans per document, for overlap lookups."""

    def __init__(self, chunks: Sequence[Chunk]) -> None:
        by_doc: dict[str, list[Span]] = {}
        for c in chunks:
            by_doc.setdefault(c.document_id, []).append(
                Span(start=c.start, end=c.end, target=chunk_target(c))
            )
        self.spans = {d: sorted(s, key=lambda x: x.start) for d, s in by_doc.items()}
        self.starts = {d: [s.start for s in spans] for d, spans in self.spans.items()}

    def overlapping(self, document_id: str, start: int, end: int) -> Entry:
        """Targets whose [start, end) overlaps [start, end), in document order."""
        spans = self.spans.get(document_id, [])
        upto = bisect.bisect_left(self.starts.get(document_id, []), end)
        return tuple(s.target for s in spans[:upto] if s.end > start and s.start < end)


class LlamaBuild(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    nodes: int
    characters: int  # what the embedder saw (metadata header included)
    split_seconds: float
    embed_seconds: float


def configure_llama(embedder: Embedder) -> Any:
    """Global llama-index settings: no LLM, our embedder; nothing may reach the network."""
    from llama_index.core import Settings as LlamaSettings

    from index.llama import LlamaEmbedding

    model = LlamaEmbedding(embedder)
    with contextlib.redirect_stdout(io.StringIO()):  # "LLM is explicitly disabled" notice
        LlamaSettings.llm = None
    LlamaSettings.embed_model = model
    return model


class LlamaBaseline:
    name = "llama-index vanilla"

    def __init__(
        self,
        documents: Sequence[Document],
        chunks: Sequence[Chunk],
        embedder: Embedder,
        top_k: int = TOP_K,
        show_progress: bool = True,
    ) -> None:
        from llama_index.core import Document as LlamaDocument
        from llama_index.core import VectorStoreIndex
        from llama_index.core.node_parser import SentenceSplitter
        from llama_index.core.schema import MetadataMode

        model = configure_llama(embedder)
        self.texts = {d.id: d.text for d in documents}
        self.spans = SpanMap(chunks)
        started = time.perf_counter()
        llama_docs = [
            LlamaDocument(text=d.text, metadata={"document_id": d.id}, id_=d.id) for d in documents
        ]
        nodes = SentenceSplitter().get_nodes_from_documents(llama_docs)
        split_seconds = time.perf_counter() - started
        started = time.perf_counter()
        self.index = VectorStoreIndex(nodes, embed_model=model, show_progress=show_progress)
        self.build = LlamaBuild(
            nodes=len(nodes),
            characters=sum(len(n.get_content(metadata_mode=MetadataMode.EMBED)) for n in nodes),
            split_seconds=split_seconds,
            embed_seconds=time.perf_counter() - started,
        )
        self.retriever = self.index.as_retriever(similarity_top_k=top_k)

    def _entry(self, node: Any) -> Entry:
        doc_id = str(node.metadata.get("document_id", ""))
        start, end = node.start_char_idx, node.end_char_idx
        if start is None or end is None:
            text = node.get_content()
            start = self.texts.get(doc_id, "").find(text)
            if start < 0:
                return ()
            end = start + len(text)
        return self.spans.overlapping(doc_id, int(start), int(end))

    def rank(self, item: GoldItem) -> Ranked:
        results = self.retriever.retrieve(item.question)
        return Ranked(entries=tuple(self._entry(r.node) for r in results))


__all__ = ["LlamaBaseline", "LlamaBuild", "SpanMap", "configure_llama"]
