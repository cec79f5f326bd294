"""The retrieval systems compared by ``quyche eval``: the full pipeline and baselines.

Each system turns a gold item into a ranked list of entries (see :mod:`eval.metrics`).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Protocol

from pydantic import BaseModel, ConfigDict

from assistant.answer import Answerer
from assistant.locate import MAX_DOCUMENTS_SHOWN
from assistant.models import RankedClause
from assistant.understand import understand
from eval.gold_set import GoldItem, Target
from eval.metrics import Entry
from index.models import Hit, RetrievalQuery
from index.retrieve import Retriever
from ingest.models import Chunk, Document

TOP_K = 10
# As the answering layer: a few named documents get their own candidates each; a broad
# scope (a level word matching hundreds of documents) is one filtered query.
MAX_SPLIT = MAX_DOCUMENTS_SHOWN


class Ranked(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    entries: tuple[Entry, ...]
    scope: tuple[str, ...] = ()


class System(Protocol):
    name: str

    def rank(self, item: GoldItem) -> Ranked: ...


def chunk_target(chunk: Chunk) -> Target:
    return Target(
        document_id=chunk.document_id, part=chunk.part, article=chunk.article, clause=chunk.clause
    )


def hits_entries(hits: Sequence[Hit]) -> tuple[Entry, ...]:
    return tuple((chunk_target(h.chunk),) for h in hits)


def interleave(lists: Sequence[Sequence[Hit]], top_k: int) -> list[Hit]:
    """Round-robin merge of per-document result lists, duplicates dropped."""
    merged: list[Hit] = []
    seen: set[str] = set()
    for group in itertools.zip_longest(*lists):
        for hit in group:
            if hit is not None and hit.chunk.id not in seen:
                seen.add(hit.chunk.id)
                merged.append(hit)
    return merged[:top_k]


class Pipeline:
    """What the assistant does before answering: understand the question (follow-ups
    resolved against the history, scope from the question or the conversation), then
    retrieve; several named documents each get their own candidates."""

    def __init__(
        self,
        name: str,
        retriever: Retriever,
        documents: Sequence[Document],
        use_scope: bool = True,
        top_k: int = TOP_K,
    ) -> None:
        self.name = name
        self.retriever = retriever
        self.documents = list(documents)
        self.use_scope = use_scope
        self.top_k = top_k

    def rank(self, item: GoldItem) -> Ranked:
        u = understand(item.question, item.history, self.documents)
        scope = u.document_ids if self.use_scope else ()
        scopes: list[tuple[str, ...]] = [tuple(scope)]
        per_scope = self.top_k
        if 1 < len(scope) <= MAX_SPLIT:
            scopes = [(d,) for d in scope]
            per_scope = max(3, self.top_k // len(scopes))
        lists = [
            self.retriever.retrieve(
                RetrievalQuery(
                    text=u.text,
                    document_ids=s,
                    top_k=per_scope,
                    boost_bodies=u.kind != "who_decides",
                )
            )
            for s in scopes
        ]
        return Ranked(entries=hits_entries(interleave(lists, self.top_k)), scope=tuple(scope))


class Answering:
    """The full pipeline: the answering layer's own ranking (scope, follow-ups, hybrid
    retrieval, then the coverage rerank) — the order its citations come in."""

    def __init__(self, name: str, answerer: Answerer, top_k: int = TOP_K) -> None:
        self.name = name
        self.answerer = answerer
        self.top_k = top_k

    def rank(self, item: GoldItem) -> Ranked:
        ranked = self.answerer.rank(item.question, item.history)
        entries = tuple(
            (Target(document_id=r.document_id, part=r.part, article=r.article, clause=r.clause),)
            for r in _unique(ranked)[: self.top_k]
        )
        return Ranked(entries=entries)


def _unique(ranked: Sequence[RankedClause]) -> list[RankedClause]:
    seen: set[tuple[str, str, int, int | None]] = set()
    out = []
    for r in ranked:
        key = (r.document_id, r.part, r.article, r.clause)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


class Plain:
    """A retriever given the question as typed: no history, no scope (baselines)."""

    def __init__(self, name: str, retriever: Retriever, top_k: int = TOP_K) -> None:
        self.name = name
        self.retriever = retriever
        self.top_k = top_k

    def rank(self, item: GoldItem) -> Ranked:
        hits = self.retriever.retrieve(RetrievalQuery(text=item.question, top_k=self.top_k))
        return Ranked(entries=hits_entries(hits))


__all__ = [
    "TOP_K",
    "Answering",
    "Pipeline",
    "Plain",
    "Ranked",
    "System",
    "chunk_target",
    "interleave",
]
