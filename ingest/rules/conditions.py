"""The condition a rule holds under: "đối với hội nghị Tỉnh ủy", "riêng đối với …"."""

from __future__ import annotations

import re

from ingest.normalize import has_diacritics
from ingest.rules.hits import Context, Hit, segment_span

_CONDITION = re.compile(r"(?:rieng\s+)?doi voi\s")
_CONDITION_END = re.compile(r"[,;.()]|\s(?:thi|phai)\s|\sva\s+truoc")


def rule_condition(ctx: Context, hit: Hit, prev_end: int, next_start: int) -> str:
    f = ctx.folded
    seg_start, seg_end = segment_span(f, hit.start, hit.end)
    lo, hi = max(prev_end, seg_start), min(next_start, seg_end)
    best: tuple[int, int, int] | None = None  # distance, start, end
    depth = _paren_depth(f, hit.start)
    for m in _CONDITION.finditer(f, lo, hi):
        if hit.start <= m.start() < hit.end or _paren_depth(f, m.start()) != depth:
            continue
        if m.start() >= hit.end and m.start() - hit.end > 12:
            continue  # only "… 03 ngày, đối với …" right after the value qualifies it
        end = _condition_end(ctx, m.end())
        stop = min(end if end is not None else hi, hi, m.end() + 90)
        if m.start() < hit.start:
            stop = min(stop, hit.start)
        # a qualifier right after the value ("03 ngày, đối với …") beats one before it
        distance = 1000 + hit.start - stop if m.start() < hit.start else m.start() - hit.end
        if best is None or distance < best[0]:
            best = (distance, m.start(), stop)
    if best is None:
        return ""
    text = ctx.sentence[best[1] : best[2]].strip(" ,")
    return text if len(text) > len("đối với ") else ""


def _condition_end(ctx: Context, pos: int) -> int | None:
    """Where a condition ends: punctuation, or "thì"/"phải" — the word itself when the
    text has diacritics ("đối với công tác thi đua thì …": "thi đua" goes on)."""
    accented = has_diacritics(ctx.sentence)
    for end in _CONDITION_END.finditer(ctx.folded, pos):
        word = ctx.sentence[end.start() : end.end()].strip().lower()
        if accented and word in ("thi", "phai", "phái"):
            continue
        return end.start()
    return None


def _paren_depth(f: str, pos: int) -> int:
    return max(0, f.count("(", 0, pos) - f.count(")", 0, pos))
