"""Markdown tables for evaluation and benchmark results."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from eval.gold_set import CATEGORIES, GoldItem


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|",
    ]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}"


def groups(items: Sequence[GoldItem]) -> list[tuple[str, Callable[[GoldItem], bool]]]:
    """The item groups reported: all, each category present, no diacritics vs the rest."""
    present = {i.category for i in items}

    def in_category(category: str) -> Callable[[GoldItem], bool]:
        return lambda item: item.category == category

    out: list[tuple[str, Callable[[GoldItem], bool]]] = [("all", lambda _item: True)]
    out += [(c, in_category(c)) for c in CATEGORIES if c in present]
    out += [
        ("no diacritics", lambda item: item.no_diacritics),
        ("with diacritics", lambda item: not item.no_diacritics),
    ]
    return out


def splits(items: Sequence[GoldItem]) -> list[tuple[str, list[GoldItem]]]:
    """frozen, dev and heldout separately (when several are present), then together."""
    out = [
        (name, part)
        for name in ("frozen", "dev", "heldout")
        if (part := [i for i in items if i.split == name])
    ]
    if len(out) > 1:
        out.append(("all", list(items)))
    return out


__all__ = ["groups", "pct", "splits", "table"]
