"""Automatic numbering of .docx paragraphs, rendered as Word shows it.

Word keeps "Điều 1.", "1.", "a)" of a numbered paragraph out of the text: the paragraph
names a list (``w:numPr``: numId + level, directly or through its style) and
word/numbering.xml says how each level is written (``lvlText`` such as "Điều %1.",
``numFmt``, ``start``) and when it restarts. Without rendering them a regulation typed
with automatic numbering loses every article, clause and point heading.

Counting follows Word: lists (``w:num``) that share an abstract definition continue one
another's numbers; a list with ``lvlOverride`` is an instance of its own (that is how
Word's "Restart at 1" is stored); a level restarts when a higher level advances, or per
``lvlRestart`` (0: never; k: when one of the levels 1..k advances).

One departure from Word: a list that asks for no restart (its own abstract definition,
no override) and opens right after a paragraph of another list at the same level, its
levels written the same way, continues that count. A .doc that went through LibreOffice
splits a restarted list so ("a)" alone in one list, the rest in a copy that starts
again): Word and LibreOffice then show "a) a) b)", which no regulation means.
"""

from __future__ import annotations

import re

from docx.oxml.ns import qn
from lxml.etree import _Element
from pydantic import BaseModel, ConfigDict

LEVELS = 9
Counters = tuple[int | None, ...]
# Symbol/Wingdings bullets live in the private use area; show the glyph Word draws.
_SYMBOL_BULLETS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf076": "❖", "\uf0fc": "✓"}
_PLACEHOLDER = re.compile(r"%([1-9])")
_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


class _Def(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Level(_Def):
    """One level of a list: how its number is written and when it restarts."""

    fmt: str = "decimal"
    text: str = ""  # lvlText, e.g. "Điều %1.", "%1.%2.", "%1)"
    start: int = 1
    restart: int | None = None  # lvlRestart; None: after any higher level
    legal: bool = False  # isLgl: every level's number shown as decimal
    style: str = ""  # the paragraph style linked to this level
    suffix: str = "tab"  # what follows the number: tab, space or nothing


class NumInstance(_Def):
    """A ``w:num``: the abstract definition it uses and what it overrides."""

    abstract: str
    starts: dict[int, int] = {}
    levels: dict[int, Level] = {}


class StyleNumbering(_Def):
    num_id: str
    level: int | None = None


class NumberingDefs(_Def):
    """Everything numbering.xml and styles.xml say about lists."""

    abstracts: dict[str, tuple[Level, ...]] = {}
    nums: dict[str, NumInstance] = {}
    styles: dict[str, StyleNumbering] = {}


def format_number(value: int, fmt: str) -> str:
    """A counter value in a ``numFmt``; unknown formats fall back to decimal like Word."""
    if fmt == "none":
        return ""
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt in ("lowerLetter", "upperLetter"):
        # Word goes a..z, then aa..zz, aaa...: the letter repeated.
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1) if value > 0 else ""
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman.upper() if fmt == "upperRoman" else roman
    return str(value)


def _roman(value: int) -> str:
    out = []
    for amount, numeral in _ROMAN:
        count, value = divmod(value, amount)
        out.append(numeral * count)
    return "".join(out)


def advance(counters: Counters, level: int, levels: tuple[Level, ...]) -> Counters:
    """Counters after a paragraph at ``level``: it counts up, deeper levels restart."""
    current = counters[level]
    new = list(counters)
    new[level] = levels[level].start if current is None else current + 1
    for deeper in range(level + 1, len(new)):
        after = levels[deeper].restart
        after = deeper if after is None else after
        if level < after:
            new[deeper] = None
    return tuple(new)


def render(counters: Counters, level: int, levels: tuple[Level, ...]) -> str:
    """The label Word shows for ``level`` given the counters: "Điều 3.", "2.", "b)"."""
    spec = levels[level]
    if spec.fmt == "bullet":
        return "".join(_SYMBOL_BULLETS.get(ch, ch) for ch in spec.text)

    def number(match: re.Match[str]) -> str:
        k = int(match.group(1)) - 1
        value = counters[k] if counters[k] is not None else levels[k].start
        fmt = "decimal" if spec.legal and k != level else levels[k].fmt
        return format_number(value or 0, fmt)

    return _PLACEHOLDER.sub(number, spec.text)


def read_numbering(numbering: _Element | None, styles: _Element | None) -> NumberingDefs:
    """Parse numbering.xml (and the numPr of styles.xml) into plain definitions."""
    abstracts: dict[str, tuple[Level, ...]] = {}
    nums: dict[str, NumInstance] = {}
    if numbering is not None:
        for abstract in numbering.findall(qn("w:abstractNum")):
            defined = {_int(lvl.get(qn("w:ilvl"))): _level(lvl) for lvl in abstract}
            abstracts[abstract.get(qn("w:abstractNumId"), "")] = tuple(
                defined.get(i, Level()) for i in range(LEVELS)
            )
        for num in numbering.findall(qn("w:num")):
            nums[num.get(qn("w:numId"), "")] = _num(num)
    return NumberingDefs(abstracts=abstracts, nums=nums, styles=_style_numbering(styles))


def _level(lvl: _Element) -> Level:
    restart = _val(lvl, "w:lvlRestart")
    legal = lvl.find(qn("w:isLgl"))
    return Level(
        fmt=_val(lvl, "w:numFmt") or "decimal",
        text=_val(lvl, "w:lvlText") or "",
        start=_int(_val(lvl, "w:start"), 1),
        restart=None if restart is None else _int(restart),
        legal=legal is not None and legal.get(qn("w:val")) not in ("0", "false", "off"),
        style=_val(lvl, "w:pStyle") or "",
        suffix=_val(lvl, "w:suff") or "tab",
    )


def _num(num: _Element) -> NumInstance:
    starts: dict[int, int] = {}
    levels: dict[int, Level] = {}
    for override in num.findall(qn("w:lvlOverride")):
        level = _int(override.get(qn("w:ilvl")))
        start = _val(override, "w:startOverride")
        if start is not None:
            starts[level] = _int(start, 1)
        lvl = override.find(qn("w:lvl"))
        if lvl is not None:
            levels[level] = _level(lvl)
    return NumInstance(abstract=_val(num, "w:abstractNumId") or "", starts=starts, levels=levels)


def _style_numbering(styles: _Element | None) -> dict[str, StyleNumbering]:
    """Each paragraph style's list, following ``basedOn`` like Word does."""
    if styles is None:
        return {}
    own: dict[str, StyleNumbering] = {}
    based_on: dict[str, str] = {}
    for style in styles.findall(qn("w:style")):
        style_id = style.get(qn("w:styleId"), "")
        parent = _val(style, "w:basedOn")
        if parent:
            based_on[style_id] = parent
        num_pr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        num_id = _val(num_pr, "w:numId") if num_pr is not None else None
        if num_pr is not None and num_id is not None:
            level = _val(num_pr, "w:ilvl")
            own[style_id] = StyleNumbering(
                num_id=num_id, level=None if level is None else _int(level)
            )
    resolved: dict[str, StyleNumbering] = {}
    for style_id in {*own, *based_on}:
        seen, current = set(), style_id
        while current and current not in own and current not in seen:
            seen.add(current)
            current = based_on.get(current, "")
        if current in own:
            resolved[style_id] = own[current]
    return resolved


def _val(element: _Element | None, tag: str) -> str | None:
    child = element.find(qn(tag)) if element is not None else None
    return child.get(qn("w:val")) if child is not None else None


def _int(value: str | None, default: int = 0) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


class Numberer:
    """Labels of numbered paragraphs, read in document order (counters are the state)."""

    def __init__(self, defs: NumberingDefs) -> None:
        self._defs = defs
        self._counters: dict[str, Counters] = {}
        # the previous paragraph's list: (counter key, level, levels), None when unnumbered
        self._previous: tuple[str, int, tuple[Level, ...]] | None = None

    def label(self, paragraph: _Element) -> str:
        """The number Word draws before this paragraph and the space after it ("Điều 3. ");
        "" when it has none. Word's tab after a number is one space here: a line with a tab
        reads as two table cells to the metadata reader."""
        found = self._list_of(paragraph)
        if found is None:
            self._previous = None
            return ""
        num_id, level = found
        num = self._defs.nums[num_id]
        levels = _levels(self._defs, num)
        # A list with overrides is an instance of its own; the others share counters.
        restarts = bool(num.starts or num.levels)
        key = f"num:{num_id}" if restarts else f"abstract:{num.abstract}"
        counters = self._counters.get(key, (None,) * LEVELS)
        previous = self._previous
        if (
            previous is not None
            and not restarts
            and key not in self._counters
            and previous[0] != key
            and previous[1] == level
            and _written_alike(previous[2], levels, level)
        ):
            counters = self._counters[previous[0]]
        counters = advance(counters, level, levels)
        self._counters[key] = counters
        self._previous = (key, level, levels)
        label = render(counters, level, levels)
        return label if levels[level].suffix == "nothing" or not label else f"{label} "

    def _list_of(self, paragraph: _Element) -> tuple[str, int] | None:
        p_pr = paragraph.find(qn("w:pPr"))
        style_id = _val(p_pr, "w:pStyle") or ""
        by_style = self._defs.styles.get(style_id)
        num_pr = p_pr.find(qn("w:numPr")) if p_pr is not None else None
        num_id = _val(num_pr, "w:numId") if num_pr is not None else None
        level_text = _val(num_pr, "w:ilvl") if num_pr is not None else None
        if num_id is None and by_style is not None:
            num_id = by_style.num_id
        if level_text is None and by_style is not None and by_style.level is not None:
            level_text = str(by_style.level)
        if num_id is None or num_id == "0" or num_id not in self._defs.nums:
            return None
        num = self._defs.nums[num_id]
        if num.abstract not in self._defs.abstracts:
            return None
        if level_text is not None:
            level = _int(level_text)
        else:
            levels = self._defs.abstracts[num.abstract]
            level = next(
                (i for i, lvl in enumerate(levels) if style_id and lvl.style == style_id), 0
            )
        return (num_id, level) if 0 <= level < LEVELS else None


def _written_alike(first: tuple[Level, ...], second: tuple[Level, ...], level: int) -> bool:
    """Levels 0..``level`` of two lists are numbered and written the same way."""
    return all(
        (a.fmt, a.text, a.start, a.legal) == (b.fmt, b.text, b.start, b.legal)
        for a, b in zip(first[: level + 1], second[: level + 1], strict=True)
    )


def _levels(defs: NumberingDefs, num: NumInstance) -> tuple[Level, ...]:
    """The abstract levels with this list's overrides applied."""
    levels = []
    for i, level in enumerate(defs.abstracts[num.abstract]):
        level = num.levels.get(i, level)
        if i in num.starts:
            level = level.model_copy(update={"start": num.starts[i]})
        levels.append(level)
    return tuple(levels)
