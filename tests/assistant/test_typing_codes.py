"""Telex and VNI keystrokes decoded back into syllables, and made on purpose."""

from __future__ import annotations

import pytest

from assistant.typing_codes import decode, decode_any, encode


class TestDecode:
    @pytest.mark.parametrize(
        ("typed", "meant"),
        [
            ("quyeets", "quyết"),
            ("ddinhj", "định"),
            ("hojp", "họp"),  # tone key before the final consonant
            ("thuwowngf", "thường"),
            ("thuongwf", "thường"),  # horn key typed at the end
            ("chaaps", "chấp"),
            ("bieeur", "biểu"),
        ],
    )
    def test_telex(self, typed: str, meant: str) -> None:
        assert decode(typed, "telex") == meant

    @pytest.mark.parametrize(
        ("typed", "meant"),
        [("ho5p", "họp"), ("quye61t", "quyết"), ("d9inh5", "định"), ("ngu7o7i2", "người")],
    )
    def test_vni(self, typed: str, meant: str) -> None:
        assert decode(typed, "vni") == meant

    @pytest.mark.parametrize("typed", ["tham", "ban", "sao", "xa", "ra"])
    def test_plain_syllables_are_no_keystrokes(self, typed: str) -> None:
        # "s", "x", "r" before the first vowel are consonants, not tone keys.
        assert decode_any(typed) == []

    def test_no_syllable_shape_is_none(self) -> None:
        assert decode("bcdfs", "telex") is None


class TestEncode:
    @pytest.mark.parametrize("word", ["quyết", "định", "thường", "người", "ủy", "hòa", "giữ"])
    @pytest.mark.parametrize("method", ["telex", "vni"])
    def test_round_trip(self, word: str, method: str) -> None:
        assert decode(encode(word, method), method) == word  # type: ignore[arg-type]

    def test_tone_key_last(self) -> None:
        assert encode("quyết") == "quyeets"
        assert encode("họp", "vni") == "hop5"
