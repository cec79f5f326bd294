"""Typed values that pass between the retrieval modules and the assistant."""

from __future__ import annotations

from collections.abc import Collection
from typing import Literal, Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict, Field

from index.windows import Vectors
from ingest.models import Chunk, DocumentMeta, Level, Status

RetrieverName = Literal["lexical", "dense", "fused"]


class HasMeta(Protocol):
    """A document, or anything with its id and metadata (DocumentInfo too)."""

    @property
    def id(self) -> str: ...

    @property
    def meta(self) -> DocumentMeta: ...


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into unit vectors. ``name`` identifies the model in caches and
    collection names: two embedders with one name must give the same vectors."""

    name: str
    dim: int

    def embed_passages(self, texts: list[str]) -> Vectors: ...

    def embed_query(self, text: str) -> Vectors: ...


class _Value(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Hit(_Value):
    """One retrieved chunk. ``score`` is comparable only within one result list;
    the ranks say where each retriever put the chunk (1-based, None: not found)."""

    chunk: Chunk
    score: float
    retriever: RetrieverName
    lexical_rank: int | None = None
    dense_rank: int | None = None
    boost: float = 0.0


class RetrievalQuery(_Value):
    text: str
    document_ids: tuple[str, ...] = Field(
        default=(), description="restrict to these documents; empty: all"
    )
    level: Level = ""
    status: Status = ""
    top_k: int = Field(default=10, ge=1)
    boost_bodies: bool = Field(
        default=True,
        description="boost articles about the bodies the question names; off when the body "
        "is the object of the question (who decides about Ban Thường vụ?)",
    )


class Scope(_Value):
    """The documents a question names, and why; empty when it names none."""

    document_ids: tuple[str, ...] = ()
    why: tuple[str, ...] = ()
    # Named by place, number or own name words, not only by level or status.
    by_name: bool = False
    # Named only by a body the question speaks of ("kỷ luật đảng viên ở chi bộ" and "Quy
    # chế làm việc của chi bộ (mẫu)"): other documents may say what that one does not.
    by_body_only: bool = False


__all__ = ["Hit", "RetrievalQuery", "RetrieverName", "Scope"]


def in_scope(chunk: Chunk, document_ids: Collection[str], level: str, status: str) -> bool:
    """Whether a chunk passes a query's restrictions (documents, level, status): the same
    test for every index that filters in memory."""
    return (
        (not document_ids or chunk.document_id in document_ids)
        and (not level or chunk.meta.level == level)
        and (not status or chunk.meta.status == status)
    )
