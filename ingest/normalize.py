"""Vietnamese text normalisation: one module, so indexing, matching and rules agree.

Three forms of the same text:
- display text: NFC, markup removed, wording and tone placement untouched (quotes);
- canonical text (:func:`canonical`): lower-case, one tone placement (``uỷ`` → ``ủy``,
  ``hoà`` → ``hòa``), abbreviations kept as typed, whitespace collapsed;
- folded text (:func:`fold`): canonical without diacritics, ``đ`` → ``d``, for text typed
  without accents.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# A cluster of oa/oe/uy at the end of a syllable takes the tone on its first vowel in
# the canonical ("old") placement: hoà→hòa, thuỷ→thủy, khoẻ→khỏe. "qu" + y is not a
# cluster (quý keeps its tone on y).
_OPEN_CLUSTER = re.compile(
    r"(?<![qQ])([oO][aAeE]|[uU][yY])([\u0300\u0301\u0303\u0309\u0323])(?![^\W\d_])"
)

_MARKDOWN_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+", re.MULTILINE)
_MARKDOWN_EMPHASIS = re.compile(r"\*{2,3}|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|__")
_TABLE_RULE = re.compile(
    r"^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*:?-{0,}:?[ \t]*$", re.MULTILINE
)
_TABLE_ROW = re.compile(r"^[ \t]*\|(.*)\|[ \t]*$", re.MULTILINE)
_MARKDOWN_ESCAPE = re.compile(r"\\([*_#\-+.()\[\]|`>])")
_CONVERTER_ARTEFACTS = re.compile(r"\[(?:bookmark: [^\]]*|footnoteRef:\d+)\]")
_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")
_WS = re.compile(r"\s+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def clean_source(text: str) -> str:
    """Display text of a whole document: NFC, unix newlines, markdown markup and
    converter artefacts (``[bookmark: _GoBack]``, ``[footnoteRef:1]``) removed."""
    text = nfc(text).replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = _CONVERTER_ARTEFACTS.sub("", text)
    text = _TABLE_RULE.sub("", text)
    text = _TABLE_ROW.sub(_table_row, text)
    text = _MARKDOWN_ESCAPE.sub(r"\1", text)
    text = _MARKDOWN_HEADING.sub("", text)
    text = _MARKDOWN_EMPHASIS.sub("", text)
    return text


def _table_row(match: re.Match[str]) -> str:
    """A markdown table row becomes its non-empty cells separated by tabs."""
    cells = [cell.strip() for cell in match.group(1).split("|")]
    return "\t".join(cell for cell in cells if cell)


def canonical_tones(text: str) -> str:
    """Move the tone of a syllable-final oa/oe/uy onto its first vowel; NFC result."""
    decomposed = unicodedata.normalize("NFD", text)
    moved = _OPEN_CLUSTER.sub(lambda m: m.group(1)[0] + m.group(2) + m.group(1)[1], decomposed)
    return unicodedata.normalize("NFC", moved)


# (pure functions of short texts the answering layer folds again and again: cached)
@functools.lru_cache(maxsize=1 << 16)
def canonical(text: str) -> str:
    """Lower-case, tone-canonical, single-spaced: the form used to match text."""
    return _WS.sub(" ", canonical_tones(nfc(text)).lower()).strip()


def _base_letter(ch: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", ch) if unicodedata.category(c) != "Mn")


# Precomposed Latin letters (Vietnamese lives in these ranges) → their base letter; one
# str.translate instead of a per-character Python loop on every question and clause.
_FOLD_TABLE = {
    cp: _base_letter(chr(cp))
    for cp in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]
    if _base_letter(chr(cp)) != chr(cp)
}
_FOLD_TABLE.update({ord("đ"): "d", ord("Đ"): "D"})
_COMBINING = re.compile(r"[̀-ͯ]")


def strip_diacritics(text: str) -> str:
    folded = unicodedata.normalize("NFC", text).translate(_FOLD_TABLE)
    return _COMBINING.sub("", folded) if max(folded, default="a") >= "̀" else folded


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Canonical text without diacritics: "Ủy ban" → "uy ban"."""
    return strip_diacritics(canonical(text))


def has_diacritics(text: str) -> bool:
    return fold(text) != canonical(text)


def mostly_accented(text: str) -> bool:
    """Typed with diacritics: at least half of its words carry them (a name or two typed
    bare does not make an accented question an unaccented one, nor the reverse)."""
    letters = re.findall(r"[^\W\d_]+", canonical(text))
    return sum(w != strip_diacritics(w) for w in letters) >= 0.5 * max(len(letters), 1)


_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def words(text: str) -> list[str]:
    """Syllables of the folded text, punctuation dropped."""
    return _WORD.findall(fold(text))


def collapse_spaces(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def sentence_case(text: str) -> str:
    """ "QUY CHẾ LÀM VIỆC" → "Quy chế làm việc"; mixed-case text is left alone."""
    letters = [c for c in text if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.8:
        lowered = text.lower()
        return lowered[:1].upper() + lowered[1:]
    return text


__all__ = [
    "canonical",
    "canonical_tones",
    "clean_source",
    "collapse_spaces",
    "fold",
    "has_diacritics",
    "nfc",
    "sentence_case",
    "strip_diacritics",
    "words",
]
