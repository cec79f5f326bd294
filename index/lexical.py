"""BM25 over our own Vietnamese tokens (see :mod:`index.tokens`), with bm25s.

The context header (document title, article number and title) is indexed with the
text, the article title twice: a clause of "Nhiệm vụ của Ban Thường vụ" is about the
Ban Thường vụ even when its own words do not say so.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any

import bm25s
import numpy as np

from index.tokens import tokenize
from ingest.models import Chunk

log = logging.getLogger(__name__)
# bm25s sets its own logger to DEBUG at import; its messages are not ours to print.
logging.getLogger("bm25s").setLevel(logging.WARNING)

FORMAT_VERSION = 1
_META_FILE = "lexical.json"


def chunk_tokens(chunk: Chunk) -> list[str]:
    """Index tokens of a chunk: context header, article title again, then the text."""
    return [
        *tokenize(chunk.context),
        *tokenize(chunk.article_title),
        *tokenize(chunk.text),
    ]


def fingerprint(chunks: Sequence[Chunk]) -> str:
    """Changes whenever the chunk set or any indexed text changes."""
    digest = hashlib.sha256(f"v{FORMAT_VERSION}".encode())
    for c in chunks:
        for part in (c.id, c.context, c.article_title, c.text):
            digest.update(part.encode("utf-8"))
            digest.update(b"\x00")
    return digest.hexdigest()


class LexicalIndex:
    """BM25 scores by chunk id. Build from chunks, or save to / load from a folder."""

    def __init__(self, ids: Sequence[str], model: Any, fingerprint_: str) -> None:
        self.ids: tuple[str, ...] = tuple(ids)
        self.fingerprint = fingerprint_
        self._model = model
        self._position = {cid: i for i, cid in enumerate(self.ids)}

    @classmethod
    def build(cls, chunks: Sequence[Chunk]) -> LexicalIndex:
        if not chunks:
            return cls((), None, fingerprint(chunks))
        model = bm25s.BM25()
        model.index([chunk_tokens(c) for c in chunks], show_progress=False)
        return cls([c.id for c in chunks], model, fingerprint(chunks))

    def __len__(self) -> int:
        return len(self.ids)

    def search(
        self, text: str, top_k: int, allowed: Collection[str] | None = None
    ) -> list[tuple[str, float]]:
        """Best ``top_k`` (chunk id, score) with a positive score, best first;
        ``allowed`` restricts the candidates."""
        if self._model is None or top_k < 1:
            return []
        vocab: dict[str, int] = self._model.vocab_dict
        tokens = [t for t in tokenize(text, query=True) if t in vocab]
        if not tokens:
            return []
        scores = np.asarray(self._model.get_scores(tokens), dtype=np.float64)
        if allowed is not None:
            mask = np.zeros(len(self.ids), dtype=bool)
            mask[[self._position[i] for i in allowed if i in self._position]] = True
            scores = np.where(mask, scores, 0.0)
        candidates = np.flatnonzero(scores > 0)
        if candidates.size == 0:
            return []
        order = candidates[np.argsort(-scores[candidates], kind="stable")][:top_k]
        return [(self.ids[i], float(scores[i])) for i in order]

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        if self._model is not None:
            self._model.save(str(folder / "bm25"), show_progress=False)
        meta = {"version": FORMAT_VERSION, "fingerprint": self.fingerprint, "ids": self.ids}
        tmp = folder / (_META_FILE + ".tmp")
        tmp.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        tmp.replace(folder / _META_FILE)

    @classmethod
    def load(cls, folder: Path) -> LexicalIndex:
        """Raises FileNotFoundError or ValueError when the folder holds no usable index:
        callers rebuild from chunks then."""
        meta = json.loads((folder / _META_FILE).read_text(encoding="utf-8"))
        if meta.get("version") != FORMAT_VERSION:
            raise ValueError(f"lexical index version {meta.get('version')}, want {FORMAT_VERSION}")
        ids = list(meta["ids"])
        model = bm25s.BM25.load(str(folder / "bm25"), show_progress=False) if ids else None
        return cls(ids, model, str(meta["fingerprint"]))


__all__ = ["LexicalIndex", "chunk_tokens", "fingerprint"]
