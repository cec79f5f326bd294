import threading
from pathlib import Path

import numpy as np

from index.cache import CachedEmbedder, EmbeddingCache
from index.embed import FakeEmbedder


def test_get_put_roundtrip(tmp_path: Path) -> None:
    cache = EmbeddingCache(tmp_path / "c" / "e.sqlite")
    vectors = np.eye(3, dtype=np.float32)
    cache.put_many("m", ["a", "b", "c"], vectors)
    got = cache.get_many("m", ["a", "c", "zzz"])
    assert len(got) == 2
    assert cache.get_many("other-model", ["a"]) == {}
    assert cache.count("m") == 3


def test_identical_texts_share_one_vector(tmp_path: Path) -> None:
    inner = FakeEmbedder()
    embedder = CachedEmbedder(inner, EmbeddingCache(tmp_path / "e.sqlite"))
    out = embedder.embed_passages(["same clause", "same clause", "other"])
    assert inner.calls == 2
    np.testing.assert_array_equal(out[0], out[1])
    np.testing.assert_allclose(out, inner.embed_passages(["same clause", "same clause", "other"]))
    calls = inner.calls
    embedder.embed_passages(["other", "same clause"])
    assert inner.calls == calls  # all cached


def test_cache_survives_reopen(tmp_path: Path) -> None:
    path = tmp_path / "e.sqlite"
    CachedEmbedder(FakeEmbedder(), EmbeddingCache(path)).embed_passages(["x", "y"])
    inner = FakeEmbedder()
    CachedEmbedder(inner, EmbeddingCache(path)).embed_passages(["x", "y"])
    assert inner.calls == 0


def test_concurrent_readers_and_writer(tmp_path: Path) -> None:
    cache = EmbeddingCache(tmp_path / "e.sqlite")
    texts = [f"t{i}" for i in range(200)]
    errors: list[BaseException] = []

    def write() -> None:
        for i in range(0, 200, 20):
            cache.put_many("m", texts[i : i + 20], np.ones((20, 4), np.float32))

    def read() -> None:
        try:
            for _ in range(20):
                cache.get_many("m", texts)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=write)] + [threading.Thread(target=read) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert cache.count() == 200


def test_repeated_question_embedded_once_unless_cache_off(tmp_path: Path) -> None:
    inner = FakeEmbedder()
    cached = CachedEmbedder(inner, EmbeddingCache(tmp_path / "e.sqlite"))
    cached.embed_query("ai quyết định?")
    calls = inner.calls
    cached.embed_query("ai quyết định?")
    assert inner.calls == calls
    off = CachedEmbedder(inner, EmbeddingCache(tmp_path / "e.sqlite"), query_cache_size=0)
    off.embed_query("ai quyết định?")
    off.embed_query("ai quyết định?")
    assert inner.calls == calls + 2
