"""Telex and VNI, the two ways Vietnamese is typed on a plain keyboard.

A phone or a PC without the input method switched on leaves the keystrokes in the text:
"quyeets ddinhj" (Telex) or "quye61t d9inh5" (VNI) for "quyết định". :func:`decode` turns
such a token back into the syllable it was meant to be; :func:`encode` does the opposite
and is what the robustness evaluation uses to make such leftovers on purpose.

The rules are those of the input methods themselves (UniKey's Telex and VNI tables), not
a list of words.
"""

from __future__ import annotations

import unicodedata
from typing import Literal

Method = Literal["telex", "vni"]

# Tone marks as combining characters, keyed by the Telex and VNI keys that type them.
_TONE_BY_TELEX = {"s": "\u0301", "f": "\u0300", "r": "\u0309", "x": "\u0303", "j": "\u0323"}
_TONE_BY_VNI = {"1": "\u0301", "2": "\u0300", "3": "\u0309", "4": "\u0303", "5": "\u0323"}
_TELEX_BY_TONE = {v: k for k, v in _TONE_BY_TELEX.items()}
_VNI_BY_TONE = {v: k for k, v in _TONE_BY_VNI.items()}

_BASE_VOWELS = "aeiouy"
_SHAPED_VOWELS = "âăêôơư"
_VOWELS = _BASE_VOWELS + _SHAPED_VOWELS
# Letters a syllable may end in after its vowels: c, ch, m, n, ng, nh, p, t.
_FINALS = ("ch", "ng", "nh", "c", "m", "n", "p", "t")

_HAT = {"a": "â", "e": "ê", "o": "ô"}
_HORN = {"o": "ơ", "u": "ư"}
_BREVE = {"a": "ă"}
_SHAPE_TELEX = {"â": "aa", "ê": "ee", "ô": "oo", "ă": "aw", "ơ": "ow", "ư": "uw", "đ": "dd"}
_SHAPE_VNI = {"â": "a6", "ê": "e6", "ô": "o6", "ă": "a8", "ơ": "o7", "ư": "u7", "đ": "d9"}


def _split_tone(syllable: str) -> tuple[str, str]:
    """("quyết" → "quyêt", acute): the syllable without its tone mark, and the mark."""
    decomposed = unicodedata.normalize("NFD", syllable)
    tone = next((c for c in decomposed if c in _TELEX_BY_TONE), "")
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c != tone))
    return bare, tone


def tone_of(syllable: str) -> str:
    """The combining tone mark of a syllable ("" for the level tone)."""
    return _split_tone(syllable.lower())[1]


def encode(syllable: str, method: Method = "telex") -> str:
    """The keystrokes that type ``syllable`` (lower-case) with the method, tone key last."""
    bare, tone = _split_tone(syllable.lower())
    shapes = _SHAPE_TELEX if method == "telex" else _SHAPE_VNI
    keys = "".join(shapes.get(c, c) for c in bare)
    if tone:
        keys += (_TELEX_BY_TONE if method == "telex" else _VNI_BY_TONE)[tone]
    return keys


def _nucleus(letters: str) -> tuple[int, int]:
    """Start and end of the vowel nucleus; "qu" and "gi" before a vowel are consonants."""
    start = 0
    if letters[:2] in ("qu", "gi") and len(letters) > 2 and letters[2] in _VOWELS:
        start = 2
    while start < len(letters) and letters[start] not in _VOWELS:
        start += 1
    end = start
    while end < len(letters) and letters[end] in _VOWELS:
        end += 1
    return start, end


def place_tone(bare: str, tone: str) -> str:
    """Put a combining tone mark on the vowel that carries it (the canonical placement:
    a shaped vowel first, then the last vowel of a closed syllable, else the middle
    or first vowel of an open one)."""
    if not tone:
        return bare
    start, end = _nucleus(bare)
    if start >= end:
        return bare
    nucleus = bare[start:end]
    shaped = [i for i, c in enumerate(nucleus) if c in _SHAPED_VOWELS]
    if shaped:
        at = shaped[-1] if nucleus.startswith("ươ") else shaped[0]
    elif end < len(bare):
        at = len(nucleus) - 1
    elif len(nucleus) == 3:
        at = 1
    else:
        at = 0
    index = start + at
    marked = bare[: index + 1] + tone + bare[index + 1 :]
    return unicodedata.normalize("NFC", marked)


def _apply_shapes(letters: str, method: Method) -> str | None:
    """Shape keys turned into shaped vowels and đ; None when a key has nothing to shape."""
    out: list[str] = []
    for ch in letters:
        prev = out[-1] if out else ""
        if method == "telex":
            if ch == "d" and prev == "d":
                out[-1] = "đ"
                continue
            if ch in _HAT and prev == ch:
                out[-1] = _HAT[ch]
                continue
        elif ch in "6789":
            target = _last_vowel(out, {"6": _HAT, "7": _HORN, "8": _BREVE}.get(ch, {}))
            if ch == "9":
                if "d" not in out:
                    return None
                out[out.index("d")] = "đ"
                continue
            if target is None:
                return None
            shapes = {"6": _HAT, "7": _HORN, "8": _BREVE}[ch]
            out[target] = shapes[out[target]]
            if ch == "7" and target > 0 and out[target - 1] == "u" and out[target] == "ơ":
                out[target - 1] = "ư"
            continue
        out.append(ch)
    word = "".join(out)
    if method == "telex" and "w" in word:
        return _apply_telex_w(word)
    return word


def _last_vowel(letters: list[str], shapes: dict[str, str]) -> int | None:
    for i in range(len(letters) - 1, -1, -1):
        if letters[i] in shapes:
            return i
    return None


def _apply_telex_w(word: str) -> str | None:
    """Telex "w": horn on u/o ("uo" takes both: ươ), breve on a; alone it types ư."""
    count = word.count("w")
    if count > 2:
        return None
    letters = word.replace("w", "")
    if "uo" in letters:
        return letters.replace("uo", "ươ", 1)
    for plain, shaped in (("o", "ơ"), ("u", "ư"), ("a", "ă")):
        index = letters.rfind(plain)
        if index >= 0:
            return letters[:index] + shaped + letters[index + 1 :]
    at = word.index("w")
    return word[:at] + "ư" + word[at + 1 :].replace("w", "")


def _valid_shape(word: str) -> bool:
    """A Vietnamese syllable's shape: consonants, a vowel nucleus, an allowed ending."""
    start, end = _nucleus(word)
    if start >= end or end - start > 3:
        return False
    tail = word[end:]
    return tail == "" or tail in _FINALS


def decode(token: str, method: Method) -> str | None:
    """The syllable a token typed with the method's keys stands for, or None when the token
    holds no such keys or does not make a syllable ("ddinhj" → "định")."""
    token = token.lower()
    if not token.isascii() and method == "vni":
        return None
    tones = _TONE_BY_TELEX if method == "telex" else _TONE_BY_VNI
    start, _end = _nucleus(token)
    tone = ""
    kept: list[str] = []
    for i, ch in enumerate(token):
        # A tone key can only come after the first vowel: before it, "s", "x", "r" are
        # consonants ("sao", "xã", "ra").
        if ch in tones and i > start:
            if tone:
                return None
            tone = tones[ch]
            continue
        kept.append(ch)
    shaped = _apply_shapes("".join(kept), method)
    if shaped is None or shaped == token or not _valid_shape(shaped):
        return None
    if method == "vni" and any(c.isdigit() for c in shaped):
        return None
    return place_tone(shaped, tone)


def decode_any(token: str) -> list[str]:
    """Both readings of a token (Telex first), the ones that make a syllable."""
    found = [decode(token, "telex")]
    if any(c.isdigit() for c in token) and any(c.isalpha() for c in token):
        found.append(decode(token, "vni"))
    return [f for f in found if f]


__all__ = ["Method", "decode", "decode_any", "encode", "place_tone", "tone_of"]
