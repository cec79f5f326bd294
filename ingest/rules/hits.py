"""One match of a rule pattern in one sentence, and the sentence it is read in."""

from __future__ import annotations

from dataclasses import dataclass, field

from ingest.rules.models import Comparator, Quantity, RuleKind
from ingest.rules.text import Mention


@dataclass
class Hit:
    kind: RuleKind
    start: int  # in the sentence
    end: int
    value: Quantity
    comparator: Comparator
    subject: str
    basis: str = ""
    basis_span: tuple[int, int] | None = None
    if_met_body: str = ""
    otherwise_body: str = ""
    bodies: list[tuple[str, str]] = field(default_factory=list)  # (canonical, as written)
    condition: str = ""  # set by extractors that read it themselves (an area's land type)


@dataclass(frozen=True)
class Context:
    sentence: str
    folded: str
    mentions: list[Mention]
    lead_folded: str
    lead_text: str
    title: str
    governed: str


def segment_span(folded: str, start: int, end: int) -> tuple[int, int]:
    """The ";"-delimited part of the sentence around [start, end)."""
    left = folded.rfind(";", 0, start)
    right = folded.find(";", end)
    return left + 1, (len(folded) if right < 0 else right)


def as_comparator(value: str) -> Comparator:
    if value in (">=", ">", "<", "<=", "="):
        return value  # type: ignore[return-value]
    return "="
