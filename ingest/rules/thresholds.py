"""Money and area thresholds ("từ 03 tỷ đồng trở lên", "dưới 10 ha"), each with the body
that decides when it is met and, when the text gives it, the body that decides otherwise."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ingest.rules.amounts import AREA_UNIT, find_area, find_money
from ingest.rules.attribution import context_bodies
from ingest.rules.hits import Context, Hit, as_comparator, segment_span
from ingest.rules.models import Quantity, RuleKind
from ingest.rules.numbers import DECIMAL, comparator_of
from ingest.rules.text import fold_query

_MONEY_SIDE = re.compile(
    rf"(?<![a-z0-9])(?:(?P<cmp>tu|tren|duoi|khong qua|toi da|den|it nhat|vuot qua)\s+)?"
    rf"(?P<amt>(?:{DECIMAL})\s*(?:ty|ti|trieu)(?:\s+(?:{DECIMAL})\s*(?:ty|ti|trieu))*(?:\s*dong)?)"
    rf"(?:\s+(?P<after>tro len|tro xuong))?"
)


_AREA_SIDE = re.compile(
    rf"(?<![a-z0-9])(?:(?P<cmp>tu|tren|duoi|khong qua|toi da|den|it nhat|vuot qua)\s+)?"
    rf"(?P<amt>(?:{DECIMAL})\s*{AREA_UNIT})(?![a-z0-9])"
    rf"(?:\s+(?P<after>tro len|tro xuong))?"
)


# Households, the unit a project's reach is counted in ("giải tỏa từ 30 hộ trở lên").
HOUSEHOLD_UNIT = r"ho(?:\s+(?:dan|gia dinh))?"

_HOUSEHOLD_SIDE = re.compile(
    rf"(?<![a-z0-9])(?:(?P<cmp>tu|tren|duoi|khong qua|toi da|den|it nhat|vuot qua)\s+)?"
    rf"(?P<amt>\d{{1,5}}\s*{HOUSEHOLD_UNIT})(?![a-z0-9])"
    rf"(?:\s+(?P<after>tro len|tro xuong))?"
)


@dataclass
class _Side:
    """One side of a threshold: "từ 03 tỷ đồng trở lên", "dưới 10 ha"."""

    start: int
    end: int
    value: int
    comparator: str
    text: str


def _sides(
    ctx: Context, pattern: re.Pattern[str], read: Callable[[str], int | None]
) -> list[_Side]:
    """Every "từ … trở lên" / "dưới …" amount ``pattern`` finds, read by ``read``."""
    sides: list[_Side] = []
    for m in pattern.finditer(ctx.folded):
        value = read(ctx.sentence[m.start("amt") : m.end("amt")])
        if value is not None:
            cmp = comparator_of(m.group("cmp"), m.group("after") or "")
            sides.append(_Side(m.start(), m.end(), value, cmp, ctx.sentence[m.start() : m.end()]))
    return sides


def money_hits(ctx: Context) -> Iterator[Hit]:
    sides = _sides(ctx, _MONEY_SIDE, lambda text: next((m.value for m in find_money(text)), None))
    for hit in _threshold_hits(ctx, sides, "money_threshold", "đồng"):
        hit.subject = _money_subject(ctx.folded)
        yield hit


def area_hits(ctx: Context) -> Iterator[Hit]:
    """ "dự án chuyển mục đích sử dụng đất trồng lúa (từ 10 ha trở lên)": an area
    threshold, the land type before it as its condition."""
    sides = _sides(ctx, _AREA_SIDE, lambda text: next((a.value for a in find_area(text)), None))
    land = bool(re.search(r"(?<![a-z])(?:dat|rung)(?![a-z])", ctx.folded))
    for hit in _threshold_hits(ctx, sides, "area_threshold", "m²"):
        hit.subject = "land_use" if land else "area"
        hit.condition = _named_before(ctx, hit.start)
        yield hit


def household_hits(ctx: Context) -> Iterator[Hit]:
    """ "giải tỏa từ 30 hộ gia đình trở lên thì trình ...": a number of households
    that decides which body gives the go-ahead."""
    sides = _sides(ctx, _HOUSEHOLD_SIDE, _households)
    for hit in _threshold_hits(ctx, sides, "count_threshold", "hộ"):
        hit.subject = "households"
        hit.condition = _named_before(ctx, hit.start)
        yield hit


def _households(text: str) -> int | None:
    found = re.match(r"\s*(\d{1,5})", text)
    return int(found.group(1)) if found else None


def _threshold_hits(ctx: Context, sides: list[_Side], kind: RuleKind, unit: str) -> Iterator[Hit]:
    for main, other in _paired(sides):
        if_met = _threshold_body(ctx, main, allow_context=True)
        yield Hit(
            kind=kind,
            start=main.start,
            end=main.end,
            value=Quantity(text=main.text.strip(), number=main.value, unit=unit),
            comparator=as_comparator(main.comparator),
            subject="",
            if_met_body=if_met,
            otherwise_body=_threshold_body(ctx, other, allow_context=False) if other else "",
            bodies=[(if_met, "")],
        )


def _named_before(ctx: Context, pos: int) -> str:
    """The phrase a value qualifies when it follows it directly: "đất trồng lúa (từ 10 ha
    ...)" → "đất trồng lúa"; up to the previous comma, semicolon or bracket."""
    f = ctx.folded
    end = pos
    while end > 0 and f[end - 1] in " (":
        end -= 1
    start = max(f.rfind(mark, 0, end) for mark in ",;:()") + 1
    words = ctx.sentence[start:end].split()
    if len(words) > 8:
        # "… chuyển mục đích sử dụng đất trồng lúa (từ 05 ha …)": from the last "đất"
        heads = [i for i, w in enumerate(words) if fold_query(w) == "dat"]
        words = words[heads[-1] :] if heads and len(words) - heads[-1] <= 6 else []
    return " ".join(words)


def _paired(sides: list[_Side]) -> Iterator[tuple[_Side, _Side | None]]:
    """Each threshold once, with its opposite side when the text gives both ("từ 03 tỷ
    trở lên ... dưới 03 tỷ ..."): the "at least" side first."""
    used: set[int] = set()
    for i, side in enumerate(sides):
        if i in used:
            continue
        partner = next(
            (
                j
                for j, other in enumerate(sides)
                if j != i
                and j not in used
                and other.value == side.value
                and _opposite(side.comparator, other.comparator)
            ),
            None,
        )
        if partner is not None:
            used.add(partner)
        used.add(i)
        main = side
        other = sides[partner] if partner is not None else None
        if other is not None and main.comparator in ("<", "<=") and other.comparator in (">=", ">"):
            main, other = other, main
        yield main, other


def _opposite(a: str, b: str) -> bool:
    return (a in (">=", ">") and b in ("<", "<=")) or (a in ("<", "<=") and b in (">=", ">"))


_DECIDER = re.compile(
    r"(?:thi|do|giao|uy quyen(?:\s+cho)?|trinh|cho|duoc)\s+(?:tap the\s+)?(?:dong chi\s+)?$"
)


def _threshold_body(ctx: Context, side: _Side, allow_context: bool) -> str:
    f = ctx.folded
    seg_start, seg_end = segment_span(f, side.start, side.end)
    in_seg = [m for m in ctx.mentions if seg_start <= m.start < seg_end and m.rule_body]
    after = [m for m in in_seg if m.start >= side.end]
    for m in after:
        if _DECIDER.search(f[side.end : m.start][-30:]) or re.search(
            r"(?:thi|do)\s", f[side.end : m.start]
        ):
            return m.rule_body or ""
    # no "do/thì/ủy quyền cho X": the clause is in a list of X's powers
    if allow_context:
        body = next(iter(context_bodies(ctx)), ("", ""))[0]
        if body:
            return body
    before = [m for m in in_seg if m.end <= side.start]
    if after:
        return after[0].rule_body or ""
    if before:
        return before[-1].rule_body or ""
    return ""


def _money_subject(f: str) -> str:
    if re.search(r"dau tu|du an|cong trinh|xay dung", f):
        return "investment"
    if re.search(r"(?<![a-z])chi(?![a-z])|ngan sach|kinh phi|phan bo", f):
        return "budget_spending"
    return "financial_decision"
