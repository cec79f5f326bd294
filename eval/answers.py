"""Grading the assistant's answers to gold items (``quyche eval --answers``)."""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict
from tqdm import tqdm

from assistant.models import Answer, Citation
from eval.facts import is_no_rule, missing_facts
from eval.gold_set import GoldItem, Target
from eval.metrics import percentile

if TYPE_CHECKING:
    from assistant.service import Assistant


class AnswerOutcome(BaseModel):
    """One graded answer; None where a measure does not apply to the item."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    item_id: str
    kind: str
    first_citation: str = ""
    citation_article: bool | None = None
    citation_clause: bool | None = None
    facts_ok: bool | None = None
    missing: tuple[str, ...] = ()
    refused: bool = False
    verbatim: bool | None = None
    numeric_ok: bool | None = None
    seconds: float = 0.0
    answer: str = ""

    @property
    def failed(self) -> bool:
        checks = (self.citation_clause, self.facts_ok, self.verbatim, self.numeric_ok)
        return any(c is False for c in checks)


def citation_target(citation: Citation) -> Target:
    return Target(
        document_id=citation.document_id,
        part=citation.part,
        article=citation.article,
        clause=citation.clause,
    )


def graded_text(answer: Answer) -> str:
    """What the facts are looked for in: the answer text and its numeric result (not the
    quotes, which would let any cited clause "state" a fact the answer never gives)."""
    parts = [answer.answer]
    if answer.numeric is not None:
        n = answer.numeric
        parts += [n.value, n.result, n.computation]
    return "\n".join(p for p in parts if p)


def grade(
    item: GoldItem, answer: Answer, texts: Mapping[str, str], seconds: float = 0.0
) -> AnswerOutcome:
    refused = answer.kind == "refusal"
    first = answer.citations[0] if answer.citations else None
    article_ok = clause_ok = None
    if item.expected and item.category != "out_of_scope":
        want = item.expected[0]
        got = citation_target(first) if first is not None else None
        article_ok = got is not None and got.same_article(want)
        clause_ok = article_ok and (
            want.clause is None or (got is not None and got.clause == want.clause)
        )
    missing: tuple[str, ...] = ()
    facts_ok = None
    if item.facts and item.category != "out_of_scope":
        missing = tuple(missing_facts(item.facts, graded_text(answer)))
        facts_ok = not missing
    verbatim = None
    if answer.citations:
        verbatim = all(c.quote in texts.get(c.document_id, "") for c in answer.citations)
    numeric_ok = None
    if item.category == "numeric":
        numeric_ok = bool(facts_ok) and (answer.kind == "numeric" or is_no_rule(item.facts))
    return AnswerOutcome(
        item_id=item.id,
        kind=answer.kind,
        first_citation=first.cite_as if first is not None else "",
        citation_article=article_ok,
        citation_clause=clause_ok,
        facts_ok=facts_ok,
        missing=missing,
        refused=refused,
        verbatim=verbatim,
        numeric_ok=numeric_ok,
        seconds=seconds,
        answer=answer.answer,
    )


class AnswerScores(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    n: int
    citation_article: float | None
    citation_clause: float | None
    facts: float | None
    refusal_precision: float | None
    refusal_recall: float | None
    verbatim: float | None
    numeric: float | None
    p50_ms: float
    p95_ms: float


def _share(values: Sequence[bool | None]) -> float | None:
    known = [v for v in values if v is not None]
    return sum(known) / len(known) if known else None


def summarize(items: Sequence[GoldItem], outcomes: Mapping[str, AnswerOutcome]) -> AnswerScores:
    graded = [(i, outcomes[i.id]) for i in items if i.id in outcomes]
    refused = [i for i, o in graded if o.refused]
    positives = [i for i, _ in graded if i.category == "out_of_scope"]
    true_pos = sum(1 for i in refused if i.category == "out_of_scope")
    times = [o.seconds * 1000 for _, o in graded]
    return AnswerScores(
        n=len(graded),
        citation_article=_share([o.citation_article for _, o in graded]),
        citation_clause=_share([o.citation_clause for _, o in graded]),
        facts=_share([o.facts_ok for _, o in graded]),
        refusal_precision=true_pos / len(refused) if refused else None,
        refusal_recall=true_pos / len(positives) if positives else None,
        verbatim=_share([o.verbatim for _, o in graded]),
        numeric=_share([o.numeric_ok for _, o in graded]),
        p50_ms=percentile(times, 50),
        p95_ms=percentile(times, 95),
    )


def wrong_refusal(item: GoldItem, outcome: AnswerOutcome) -> bool:
    return outcome.refused != (item.category == "out_of_scope")


def ask_all(
    assistant: Assistant,
    items: Sequence[GoldItem],
    texts: Mapping[str, str],
    progress: bool = True,
) -> dict[str, AnswerOutcome]:
    """Ask every item (with its history) once; the first ask warms the caches and is
    asked again so every latency is a warm one."""
    if items:
        assistant.ask(items[0].question, history=items[0].history)
    out: dict[str, AnswerOutcome] = {}
    for item in tqdm(items, desc="answers", unit="q", disable=not progress):
        started = time.perf_counter()
        answer = assistant.ask(item.question, history=item.history, id=item.id)
        out[item.id] = grade(item, answer, texts, time.perf_counter() - started)
    return out


__all__ = [
    "AnswerOutcome",
    "AnswerScores",
    "ask_all",
    "citation_target",
    "grade",
    "graded_text",
    "summarize",
    "wrong_refusal",
]
