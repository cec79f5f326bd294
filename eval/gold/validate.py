"""Check eval/gold/questions.jsonl: schema, category/split mix, and that every expected
article (and, as a warning, clause and fact) can be found in the regulation texts.

Stdlib only, so it runs before the package is installed:
    python eval/gold/validate.py [path/to/questions.jsonl]
Exit status 1 on errors; warnings are printed for a human to review.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [ROOT / "data" / "regulations", ROOT / "eval" / "regulations"]
CATEGORIES = {
    "who_decides": 25,
    "procedure": 15,
    "numeric": 65,
    "citation": 15,
    "comparison": 10,
    "ambiguous": 8,
    "out_of_scope": 15,
    "follow_up": 12,
}
# eval/gold/complete.jsonl (ids a…/b…): complete answers; article 0 is the header or the
# signature block, outside any article.
COMPLETE_MINIMUMS = {
    "procedure": 10,
    "document": 8,
    "blank": 6,
    "reference": 6,
    "multi_ask": 6,
    "follow_up": 6,
}
COMPLETE_TOTAL = 40
KEYS = {
    "id",
    "split",
    "category",
    "question",
    "history",
    "no_diacritics",
    "expected",
    "facts",
    "notes",
}
EXPECTED_KEYS = {"document_id", "part", "article", "clause"}
MIN_TOTAL = 170
MIN_NO_DIACRITICS = 0.25
# The frozen held-out set (frozen.jsonl) has its own floor: at least 150 questions, 25 of
# them out of scope, 30% without diacritics, every category present.
FROZEN_MINIMUMS = {category: 4 for category in CATEGORIES} | {"out_of_scope": 25}
FROZEN_TOTAL = 150
FROZEN_NO_DIACRITICS = 0.30

# A question as read from the jsonl file; its text per document, (part, article), clause.
Item = dict[str, Any]
Articles = dict[str, dict[tuple[str, int], dict[int | None, str]]]

_LEAD = re.compile(r"^[\s#*]+")
_ARTICLE = re.compile(r"^điều\s+(\d+)\s*[.:\-–]", re.IGNORECASE)
_CLAUSE = re.compile(r"^(\d{1,2})\s*(?:\.(?!\d)|/-|\)|-(?!\d))")
# Facts that are computed or mark an absence, so they need not occur in the text.
_FREE_FACT = re.compile(r"^(\d+|không quy định|điều \d+|khoản \d+)$", re.IGNORECASE)


def fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").lower()
    return re.sub(r"\s+", " ", text.replace("*", "").replace("…", "..."))


def load_documents() -> Articles:
    """document_id -> (part, article) -> clause -> text. Numbering that restarts at 1
    means the headings before the restart belong to the "decision" part."""
    docs: dict[str, dict[tuple[str, int], dict[int | None, str]]] = {}
    for folder in SOURCES:
        for path in sorted(folder.glob("*")):
            if path.suffix not in {".txt", ".md"}:
                continue
            articles: list[tuple[int, dict[int | None, list[str]]]] = []
            for raw in path.read_text(encoding="utf-8").splitlines():
                line = _LEAD.sub("", raw)
                if m := _ARTICLE.match(line):
                    articles.append((int(m.group(1)), {None: [line]}))
                    continue
                if not articles:
                    continue
                clauses = articles[-1][1]
                if m := _CLAUSE.match(line):
                    clauses.setdefault(int(m.group(1)), [])
                    clauses[int(m.group(1))].append(line)
                else:
                    last = max((k for k in clauses if k is not None), default=None)
                    clauses[last].append(line)
            restart = next(
                (i for i in range(1, len(articles)) if articles[i][0] <= articles[i - 1][0]), None
            )
            table: dict[tuple[str, int], dict[int | None, str]] = {}
            for i, (number, clauses) in enumerate(articles):
                part = "decision" if restart is not None and i < restart else "regulation"
                table[(part, number)] = {k: "\n".join(v) for k, v in clauses.items()}
            docs[path.stem] = table
    return docs


def main(path: Path) -> int:
    errors: list[str] = []
    warnings: list[str] = []
    docs = load_documents()
    items = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    ids = Counter(item.get("id") for item in items)
    errors += [f"duplicate id {i}" for i, n in ids.items() if n > 1]
    for item in items:
        qid = item.get("id", "?")
        if set(item) != KEYS:
            errors.append(f"{qid}: keys {sorted(set(item) ^ KEYS)} wrong")
            continue
        _check_fields(item, errors, warnings)
        _check_expected(item, docs, errors, warnings)
    _check_mix(items, errors)
    for w in warnings:
        print("WARN", w)
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


def _check_fields(item: Item, errors: list[str], warnings: list[str]) -> None:
    """The item's own fields: id, split, category, question, flags, history."""
    qid = item["id"]
    if not re.fullmatch(r"[a-z]\d{3,}", item["id"]):
        errors.append(f"{qid}: bad id")
    if item["split"] not in {"dev", "heldout", "frozen"}:
        errors.append(f"{qid}: bad split")
    if item["category"] not in CATEGORIES and item["category"] not in COMPLETE_MINIMUMS:
        errors.append(f"{qid}: bad category {item['category']}")
    if not isinstance(item["question"], str) or not item["question"].strip():
        errors.append(f"{qid}: empty question")
    if not isinstance(item["no_diacritics"], bool):
        errors.append(f"{qid}: no_diacritics not bool")
    elif item["no_diacritics"] != (fold(item["question"]) == item["question"].lower()):
        warnings.append(f"{qid}: no_diacritics flag disagrees with the question text")
    if not all(isinstance(f, str) and f for f in item["facts"]) or not isinstance(
        item["notes"], str
    ):
        errors.append(f"{qid}: facts/notes types")
    for turn in item["history"]:
        if set(turn) != {"role", "content"} or turn["role"] not in {"user", "assistant"}:
            errors.append(f"{qid}: bad history turn")
    if item["category"] == "follow_up" and not item["history"]:
        errors.append(f"{qid}: follow_up without history")
    if (item["category"] == "out_of_scope") != (not item["expected"]):
        errors.append(f"{qid}: expected must be empty exactly for out_of_scope")


def _check_expected(
    item: Item,
    docs: Articles,
    errors: list[str],
    warnings: list[str],
) -> None:
    """Every expected article exists (its clause, as a warning), and the facts occur in
    the expected clauses' text (a warning)."""
    qid = item["id"]
    texts: list[str] = []
    for exp in item["expected"]:
        if set(exp) != EXPECTED_KEYS or exp["part"] not in {"regulation", "decision"}:
            errors.append(f"{qid}: bad expected {exp}")
            continue
        where = f"{qid}: {exp['document_id']} {exp['part']} Điều {exp['article']}"
        if exp["article"] == 0:
            continue  # the header or the signature block
        table = docs.get(exp["document_id"])
        if table is None:
            errors.append(f"{where}: unknown document")
            continue
        article = table.get((exp["part"], exp["article"]))
        if article is None:
            errors.append(f"{where}: no such article")
            continue
        if exp["clause"] not in article:
            warnings.append(f"{where}: clause {exp['clause']} not found")
            texts.append("\n".join(article.values()))
        else:
            texts.append(article[exp["clause"]])
    if texts:
        haystack = fold("\n".join(texts))
        for fact in item["facts"]:
            if not _FREE_FACT.match(fact.strip()) and fold(fact) not in haystack:
                warnings.append(f"{qid}: fact {fact!r} not in the expected clause text")


def _check_mix(items: list[Item], errors: list[str]) -> None:
    """Print the category, split and diacritics mix; an error for each minimum missed
    (the set's own minimums: team, complete answers, or frozen)."""
    frozen = any(item.get("split") == "frozen" for item in items)
    complete = any(str(item.get("id", "")).startswith(("a", "b")) for item in items)
    minimums = COMPLETE_MINIMUMS if complete else FROZEN_MINIMUMS if frozen else CATEGORIES
    min_total = COMPLETE_TOTAL if complete else FROZEN_TOTAL if frozen else MIN_TOTAL
    min_no_dia = FROZEN_NO_DIACRITICS if frozen else MIN_NO_DIACRITICS
    cats = Counter(item.get("category") for item in items)
    splits = Counter(item.get("split") for item in items)
    no_dia = sum(bool(item.get("no_diacritics")) for item in items)
    print(f"items: {len(items)}")
    for cat, minimum in minimums.items():
        by_split = Counter(i["split"] for i in items if i.get("category") == cat)
        print(
            f"  {cat:13s} {cats[cat]:4d}  (dev {by_split['dev']}, heldout {by_split['heldout']}; min {minimum})"
        )
        if cats[cat] < minimum:
            errors.append(f"category {cat}: {cats[cat]} < {minimum}")
    print(f"splits: {dict(splits)}  heldout share {splits['heldout'] / max(len(items), 1):.0%}")
    print(f"no_diacritics: {no_dia} ({no_dia / max(len(items), 1):.0%})")
    if len(items) < min_total:
        errors.append(f"only {len(items)} items < {min_total}")
    if no_dia < min_no_dia * len(items):
        errors.append(f"fewer than {min_no_dia:.0%} questions without diacritics")


if __name__ == "__main__":
    default = Path(__file__).with_name("questions.jsonl")
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else default))
