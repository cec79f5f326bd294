from pathlib import Path

import numpy as np
import pytest

from index.cache import CachedEmbedder, EmbeddingCache
from index.embed import Embedder, FakeEmbedder, make_embedder, passage_text
from ingest.errors import QuycheError
from ingest.models import Chunk
from ingest.settings import Settings


def test_fake_embedder_is_deterministic_and_normalised() -> None:
    a, b = FakeEmbedder(), FakeEmbedder()
    va = a.embed_passages(["Ban Thường vụ họp", "Ủy ban kiểm tra"])
    vb = b.embed_passages(["Ban Thường vụ họp", "Ủy ban kiểm tra"])
    assert va.shape == (2, a.dim)
    assert va.dtype == np.float32
    np.testing.assert_allclose(va, vb)
    np.testing.assert_allclose(np.linalg.norm(va, axis=1), 1.0, rtol=1e-5)


def test_fake_embedder_similarity_follows_shared_words() -> None:
    e = FakeEmbedder()
    q = e.embed_query("ban thuong vu hop")
    near, far = e.embed_passages(["Ban Thường vụ họp định kỳ", "kiểm tra tài chính đảng"])
    assert float(q @ near) > float(q @ far)


def test_fake_embedder_windows_long_text() -> None:
    e = FakeEmbedder(max_tokens=20, overlap_tokens=4)
    long_text = "ban thường vụ " * 40 + "kiểm tra tài chính " * 40
    v = e.embed_passages([long_text])[0]
    head = e.embed_passages(["ban thường vụ " * 5])[0]
    tail = e.embed_passages(["kiểm tra tài chính " * 5])[0]
    # Both halves count: nothing past the first window is dropped.
    assert float(v @ head) > 0.3
    assert float(v @ tail) > 0.3


def test_embedder_protocol() -> None:
    assert isinstance(FakeEmbedder(), Embedder)


def test_make_embedder(tmp_path: Path) -> None:
    assert make_embedder(Settings(home=tmp_path, embedding_backend="none")) is None
    fake = make_embedder(Settings(home=tmp_path, embedding_backend="fake"))
    assert isinstance(fake, FakeEmbedder)
    cache = EmbeddingCache(tmp_path / "e.sqlite")
    cached = make_embedder(Settings(home=tmp_path, embedding_backend="fake"), cache)
    assert isinstance(cached, CachedEmbedder)
    with pytest.raises(QuycheError):
        make_embedder(Settings(home=tmp_path, embedding_backend="sentence-transformers"))


def test_passage_text_has_context(chunks: list[Chunk]) -> None:
    text = passage_text(chunks[0])
    assert text.startswith(chunks[0].context)
    assert text.endswith(chunks[0].text)
