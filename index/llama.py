"""llama-index adapter: any :class:`~index.embed.Embedder` as a ``BaseEmbedding``, for
the vanilla llama-index baseline and for ``ChromaVectorStore`` queries. Imported only
by code that uses llama-index (its import takes a few seconds)."""

from __future__ import annotations

from typing import Any

from llama_index.core.base.embeddings.base import BaseEmbedding, Embedding
from pydantic import PrivateAttr

from index.embed import Embedder


class LlamaEmbedding(BaseEmbedding):
    """Wraps an Embedder; ``model_name`` is the embedder's name."""

    _embedder: Any = PrivateAttr()

    def __init__(self, embedder: Embedder, **kwargs: Any) -> None:
        super().__init__(model_name=embedder.name, **kwargs)
        self._embedder = embedder

    @classmethod
    def class_name(cls) -> str:
        return "QuycheEmbedding"

    def _get_query_embedding(self, query: str) -> Embedding:
        return [float(x) for x in self._embedder.embed_query(query)]

    async def _aget_query_embedding(self, query: str) -> Embedding:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> Embedding:
        return self._get_text_embeddings([text])[0]

    def _get_text_embeddings(self, texts: list[str]) -> list[Embedding]:
        return [[float(x) for x in row] for row in self._embedder.embed_passages(list(texts))]


__all__ = ["LlamaEmbedding"]
