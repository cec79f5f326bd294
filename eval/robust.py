"""``quyche eval --robust``: the gold questions asked again the ways people type them.

Every gold question gets mechanical variants (diacritics stripped; one word left in Telex
or VNI keystrokes; abbreviations swapped in or out; a conversational opening and closing;
one typo of one edit), each graded like the original. The report gives, per category,
the variants' scores next to the originals' and the gap. Variants are derived from the
question alone, deterministically (seeded by the item id), never written by hand.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from assistant.typing_codes import encode
from eval.answers import AnswerOutcome, grade
from eval.gold_set import CATEGORIES, GoldItem
from eval.report import pct, table
from ingest.normalize import has_diacritics, strip_diacritics

if TYPE_CHECKING:
    from assistant.service import Assistant

# Made-up conversational frames of the kinds members type in a chat.
OPENINGS: tuple[str, ...] = (
    "cho em hỏi chút,",
    "anh chị ơi cho mình hỏi",
    "ad ơi,",
    "xin hỏi",
    "em đang tìm hiểu, cho em hỏi",
    "cho mình hỏi với,",
)
CLOSINGS: tuple[str, ...] = ("nhé", "với ạ", "vậy ạ", "ạ", "nha", "ạ, em cảm ơn")
# Full names and the abbreviations people type for them.
ABBREVIATED: tuple[tuple[str, str], ...] = (
    ("Ban Thường vụ", "BTV"),
    ("Ban Chấp hành", "BCH"),
    ("Ban cán sự đảng", "BCSĐ"),
    ("Ủy ban nhân dân", "UBND"),
    ("Ủy ban Kiểm tra", "UBKT"),
    ("Thường trực", "TT"),
    ("Tỉnh ủy", "TU"),
    ("Huyện ủy", "HU"),
    ("Đảng ủy", "ĐU"),
    ("quy chế", "QC"),
)
_WORD = re.compile(r"[^\W\d_]+")
VARIANTS: tuple[str, ...] = ("no_diacritics", "keystrokes", "abbreviations", "chat", "typo")


def _seed(item_id: str, salt: str) -> int:
    return int.from_bytes(hashlib.sha256(f"{item_id}:{salt}".encode()).digest()[:4], "big")


def _no_diacritics(question: str, _seed_value: int) -> str | None:
    return strip_diacritics(question) if has_diacritics(question) else None


def _keystrokes(question: str, seed_value: int) -> str | None:
    words = [m for m in _WORD.finditer(question) if has_diacritics(m.group())]
    if not words:
        return None
    m = words[seed_value % len(words)]
    typed = encode(m.group(), "telex" if seed_value % 3 else "vni")
    return question[: m.start()] + typed + question[m.end() :]


def _abbreviations(question: str, _seed_value: int) -> str | None:
    folded = strip_diacritics(question).lower()
    for full, short in ABBREVIATED:
        at = folded.find(strip_diacritics(full).lower())
        if at >= 0:
            return question[:at] + short + question[at + len(full) :]
    for full, short in ABBREVIATED:
        found = re.search(rf"(?<!\w){re.escape(short)}(?!\w)", question)
        if found:
            return question[: found.start()] + full + question[found.end() :]
    return None


def _chat(question: str, seed_value: int) -> str:
    opening = OPENINGS[seed_value % len(OPENINGS)]
    closing = CLOSINGS[(seed_value // 7) % len(CLOSINGS)]
    body = question.rstrip(" ?.")
    if not has_diacritics(question):
        opening, closing = strip_diacritics(opening), strip_diacritics(closing)
    return f"{opening} {body[:1].lower()}{body[1:]} {closing}?"


def _typo(question: str, seed_value: int) -> str | None:
    words = [m for m in _WORD.finditer(question) if len(m.group()) >= 4 and not m.group().isupper()]
    if not words:
        return None
    m = words[seed_value % len(words)]
    word = m.group()
    at = 1 + (seed_value // 5) % (len(word) - 2)
    kind = (seed_value // 11) % 3
    if kind == 0:  # a letter dropped
        typed = word[:at] + word[at + 1 :]
    elif kind == 1:  # two letters swapped
        typed = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    else:  # a letter doubled
        typed = word[: at + 1] + word[at] + word[at + 1 :]
    return question[: m.start()] + typed + question[m.end() :]


_MAKERS: dict[str, Callable[[str, int], str | None]] = {
    "no_diacritics": _no_diacritics,
    "keystrokes": _keystrokes,
    "abbreviations": _abbreviations,
    "chat": _chat,
    "typo": _typo,
}


def variants(item: GoldItem) -> dict[str, GoldItem]:
    """The item's variants by name (those that apply to its question)."""
    out: dict[str, GoldItem] = {}
    for name, make in _MAKERS.items():
        question = make(item.question, _seed(item.id, name))
        if question and question != item.question:
            out[name] = item.model_copy(
                update={
                    "id": f"{item.id}~{name}",
                    "question": question,
                    "no_diacritics": not has_diacritics(question),
                }
            )
    return out


class RobustRow(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    category: str
    variant: str
    n: int
    facts: float | None
    refusal_right: float | None
    original_facts: float | None
    original_refusal_right: float | None


def _share(values: Sequence[bool]) -> float | None:
    return sum(values) / len(values) if values else None


def _scores(items: Sequence[GoldItem], outcomes: Mapping[str, AnswerOutcome]) -> tuple:
    graded = [(i, outcomes[i.id]) for i in items if i.id in outcomes]
    facts = [bool(o.facts_ok) for i, o in graded if o.facts_ok is not None]
    refusal = [o.refused == (i.category == "out_of_scope") for i, o in graded]
    return _share(facts), _share(refusal)


def run_robust(
    assistant: Assistant,
    items: Sequence[GoldItem],
    texts: Mapping[str, str],
    original: Mapping[str, AnswerOutcome],
    progress: bool = True,
) -> tuple[list[RobustRow], dict[str, AnswerOutcome]]:
    from tqdm import tqdm

    derived = [(name, item, v) for item in items for name, v in variants(item).items()]
    outcomes: dict[str, AnswerOutcome] = {}
    for _name, _item, v in tqdm(derived, desc="variants", unit="q", disable=not progress):
        answer = assistant.ask(v.question, history=v.history, id=v.id)
        outcomes[v.id] = grade(v, answer, texts)
    rows: list[RobustRow] = []
    for category in ("all", *CATEGORIES):
        for name in VARIANTS:
            pairs = [
                (item, v)
                for n, item, v in derived
                if n == name and (category == "all" or item.category == category)
            ]
            if not pairs:
                continue
            facts, refusal = _scores([v for _, v in pairs], outcomes)
            base_facts, base_refusal = _scores([i for i, _ in pairs], original)
            rows.append(
                RobustRow(
                    category=category,
                    variant=name,
                    n=len(pairs),
                    facts=facts,
                    refusal_right=refusal,
                    original_facts=base_facts,
                    original_refusal_right=base_refusal,
                )
            )
    return rows, outcomes


def _gap(variant: float | None, base: float | None) -> str:
    if variant is None or base is None:
        return "–"
    return f"{100 * (variant - base):+.1f}"


def robust_table(rows: Sequence[RobustRow]) -> str:
    header = [
        "category",
        "variant",
        "n",
        "facts orig.",
        "facts variant",
        "gap",
        "refusal right orig.",
        "refusal right variant",
        "gap",
    ]
    body = [
        [
            r.category,
            r.variant,
            str(r.n),
            pct(r.original_facts),
            pct(r.facts),
            _gap(r.facts, r.original_facts),
            pct(r.original_refusal_right),
            pct(r.refusal_right),
            _gap(r.refusal_right, r.original_refusal_right),
        ]
        for r in rows
    ]
    return (
        "### Robustness (%; the same items asked as variants; refusal right = refused "
        "exactly when out of scope)\n" + table(header, body)
    )


__all__ = ["VARIANTS", "RobustRow", "robust_table", "run_robust", "variants"]
