import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index.windows import approx_token_count, embed_windowed, split_windows


def word_count(text: str) -> int:
    """A fake tokenizer: one token per word plus two special tokens."""
    return len(text.split()) + 2


def test_short_text_is_one_window() -> None:
    assert split_windows("một hai ba", word_count, 10, 2) == ["một hai ba"]


def test_long_text_windows_fit_and_overlap() -> None:
    text = " ".join(f"w{i}" for i in range(100))
    windows = split_windows(text, word_count, 22, 5)
    assert len(windows) > 4
    assert all(word_count(w) <= 22 for w in windows)
    for a, b in itertools.pairwise(windows):
        shared = set(a.split()) & set(b.split())
        assert 1 <= len(shared) <= 5


@settings(max_examples=50, deadline=None)
@given(
    st.lists(st.text(alphabet="abcđơ ", min_size=1, max_size=12), min_size=1, max_size=80),
    st.integers(min_value=8, max_value=40),
)
def test_windows_cover_every_word(parts: list[str], max_tokens: int) -> None:
    text = " ".join(parts)
    windows = split_windows(text, word_count, max_tokens, 2)
    assert all(word_count(w) <= max_tokens for w in windows)
    covered = [w for window in windows for w in window.split()]
    assert set(covered) == set(text.split())


def test_approx_count_is_conservative_for_vietnamese() -> None:
    text = "Ban Thường vụ Tỉnh ủy họp thường kỳ mỗi tháng một lần."
    # e5 needs about one token per 3.1+ characters of Vietnamese text.
    assert approx_token_count(text) >= len(text) / 3.1


def test_embed_windowed_averages_and_renormalises() -> None:
    def embed(batch: list[str]) -> np.ndarray:
        return np.asarray([[1.0, 0.0] if "a" in t else [0.0, 1.0] for t in batch], np.float32)

    out = embed_windowed(["a a a b b b"], embed, word_count, 5, 0, 8, 2)
    assert out.shape == (1, 2)
    assert np.linalg.norm(out[0]) == pytest.approx(1.0)
    assert out[0][0] == pytest.approx(out[0][1])
