"""The gold question set (``eval/gold/questions.jsonl``) as typed items."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.models import Turn

EVAL_DIR = Path(__file__).resolve().parent
REPO = EVAL_DIR.parent
GOLD_FILE = EVAL_DIR / "gold" / "questions.jsonl"
# Written before the redesign of question understanding, by a writer who had not seen the
# code; frozen at its commit and read only to report (eval/gold/README.md).
FROZEN_FILE = EVAL_DIR / "gold" / "frozen.jsonl"
# Written after the frozen set, the same way, as questions to tune on: its failures may be
# read, so its figures say less about unseen wording than the frozen set's.
WILD_FILE = EVAL_DIR / "gold" / "wild.jsonl"
# Complete answers (issue 18): procedures as steps, questions about the document itself,
# template blanks, references, two asks, follow-ups with new numbers; written by helpers
# who saw only the regulations and the schema; a dev set.
COMPLETE_FILE = EVAL_DIR / "gold" / "complete.jsonl"
# A fresh dev set (stop 26): 120 questions written the frozen set's way by a helper who saw
# only the regulations and the schema, to find what generalises without the frozen set.
FRESH_FILE = EVAL_DIR / "gold" / "fresh.jsonl"
# A second fresh dev set (stop 28), written the same way; run once before any change it
# measured, then tuned on.
FRESH2_FILE = EVAL_DIR / "gold" / "fresh2.jsonl"
# A third (stop 29), the same way; its first run measured the code of stop 28 unchanged.
FRESH3_FILE = EVAL_DIR / "gold" / "fresh3.jsonl"
# A fourth (stop 30), the same way; its first run measured the code of stop 29 unchanged.
FRESH4_FILE = EVAL_DIR / "gold" / "fresh4.jsonl"
# A fifth (stop 30), written in the middle of that stop by a helper who saw only the
# regulations and the schema, committed unread and run once at its end: the stop's own
# held-out measure of its code on unseen wording.
FRESH5_FILE = EVAL_DIR / "gold" / "fresh5.jsonl"
# A sixth (stop 31), written at the start of that stop by a helper who saw only the
# regulations and the schema, committed unread and run once at its end (the fifth set's
# failures were read in that stop: it is a dev set since).
FRESH6_FILE = EVAL_DIR / "gold" / "fresh6.jsonl"
# A seventh (stop 32), written at the start of that stop by a helper who saw only the
# regulations and the schema, committed unread and run once at its end (the sixth set's
# failures were read in that stop: it is a dev set since; its own were read in stop 33).
FRESH7_FILE = EVAL_DIR / "gold" / "fresh7.jsonl"
# An eighth (stop 33), written at the start of that stop by a helper who saw only the
# regulations and the schema, committed unread and run once at its end (the seventh set's
# failures were read in that stop: it is a dev set since; its own were read in stop 34).
FRESH8_FILE = EVAL_DIR / "gold" / "fresh8.jsonl"
# A ninth (stop 34), written at the start of that stop by a helper who saw only the
# regulations and the schema, committed unread and run once at its end (the eighth set's
# failures were read in that stop: it is a dev set since; its own were read in stop 35).
FRESH9_FILE = EVAL_DIR / "gold" / "fresh9.jsonl"
# A tenth (stop 35), written at the start of that stop by a helper who saw only the
# regulations and the schema, committed unread and run once at its end (the ninth set's
# failures were read in that stop: it is a dev set since; its own were read in stop 36).
FRESH10_FILE = EVAL_DIR / "gold" / "fresh10.jsonl"
# An eleventh (stop 36), the same way: committed unread (a336bf7) before any code change of
# that stop and run once at its end; its failures were read in stop 37 (a dev set since).
FRESH11_FILE = EVAL_DIR / "gold" / "fresh11.jsonl"
# A twelfth (stop 37), the same way: committed unread (2c92985) before any code change of
# that stop and run once at its end; its failures were read in stop 38 (a dev set since).
FRESH12_FILE = EVAL_DIR / "gold" / "fresh12.jsonl"
# A thirteenth (stop 38), the same way: committed unread (2a91ecf) before any code change
# of that stop and run once at its end; its failures were read in stop 39 (a dev set since).
FRESH13_FILE = EVAL_DIR / "gold" / "fresh13.jsonl"
# A fourteenth (stop 39), the same way: committed unread (c4cf442) before any code change
# of that stop and run once at its end; its failures were read in stop 40 (a dev set since).
FRESH14_FILE = EVAL_DIR / "gold" / "fresh14.jsonl"
# A fifteenth (stop 40), the same way: committed unread (9f36a98) before any code change
# of that stop and run once at its end.
FRESH15_FILE = EVAL_DIR / "gold" / "fresh15.jsonl"
GOLD_SETS: dict[str, Path] = {
    "team": GOLD_FILE,
    "frozen": FROZEN_FILE,
    "wild": WILD_FILE,
    "complete": COMPLETE_FILE,
    "fresh": FRESH_FILE,
    "fresh2": FRESH2_FILE,
    "fresh3": FRESH3_FILE,
    "fresh4": FRESH4_FILE,
    "fresh5": FRESH5_FILE,
    "fresh6": FRESH6_FILE,
    "fresh7": FRESH7_FILE,
    "fresh8": FRESH8_FILE,
    "fresh9": FRESH9_FILE,
    "fresh10": FRESH10_FILE,
    "fresh11": FRESH11_FILE,
    "fresh12": FRESH12_FILE,
    "fresh13": FRESH13_FILE,
    "fresh14": FRESH14_FILE,
    "fresh15": FRESH15_FILE,
}
# The bundled corpus plus the two regulations written for evaluation only.
SOURCES: tuple[Path, ...] = (REPO / "data" / "regulations", EVAL_DIR / "regulations")

Split = Literal["dev", "heldout", "frozen"]
SplitChoice = Literal["dev", "heldout", "frozen", "all"]
CATEGORIES: tuple[str, ...] = (
    "who_decides",
    "procedure",
    "numeric",
    "citation",
    "comparison",
    "ambiguous",
    "out_of_scope",
    "follow_up",
    "document",
    "blank",
    "reference",
    "multi_ask",
)


class Target(BaseModel):
    """A place in a regulation: document, part, article and clause (None: lead-in text)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    document_id: str
    part: str
    article: int
    clause: int | None = None

    def same_article(self, other: Target) -> bool:
        return (self.document_id, self.part, self.article) == (
            other.document_id,
            other.part,
            other.article,
        )

    def same_clause(self, other: Target) -> bool:
        return self.same_article(other) and self.clause == other.clause

    def label(self) -> str:
        clause = f" k{self.clause}" if self.clause is not None else ""
        part = "" if self.part == "regulation" else f" [{self.part}]"
        return f"{self.document_id} Đ{self.article}{clause}{part}"


class GoldItem(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    split: Split
    category: str
    question: str
    history: tuple[Turn, ...] = ()
    no_diacritics: bool = False
    expected: tuple[Target, ...] = ()
    facts: tuple[str, ...] = ()
    notes: str = ""


class GoldSet(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    items: tuple[GoldItem, ...] = Field(default=())

    def select(self, split: SplitChoice) -> GoldSet:
        if split == "all":
            return self
        return GoldSet(items=tuple(i for i in self.items if i.split == split))


def load_gold(path: Path = GOLD_FILE) -> GoldSet:
    lines = path.read_text(encoding="utf-8").splitlines()
    return GoldSet(items=tuple(GoldItem.model_validate_json(x) for x in lines if x.strip()))


__all__ = [
    "CATEGORIES",
    "FROZEN_FILE",
    "GOLD_FILE",
    "GOLD_SETS",
    "SOURCES",
    "GoldItem",
    "GoldSet",
    "SplitChoice",
    "Target",
    "load_gold",
]
