"""A procedure's steps: which clauses, in which order, who does each and by when.

A how-question is rarely answered by one clause: preparing a session, sending its papers
and voting sit in different khoản or articles. The steps are the clauses of one document
that together cover the question's words: the best clause first, then, one at a time,
the clause that adds most of the question's weight not yet covered (a greedy set cover
over the located clauses), plus the other khoản of the first clause's article that score
near it. They are listed in the document's order (a regulation sets a procedure out in
the order it runs), each with its actor (the table of powers' subject named at its start)
and its time limit (the rule table), never a number read here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from pydantic import BaseModel, ConfigDict

from assistant.coverage import TextProfile, WeightedTerms
from assistant.locate import Located
from assistant.numeric import rule_statement
from assistant.sentences import sentences
from ingest.bodies import bodies_in
from ingest.models import Article, Point
from ingest.normalize import fold
from ingest.powers import Power
from ingest.rules.models import Rule

MAX_STEP_CLAUSES = 5  # clauses one procedure answer lists
MIN_GAIN = 0.08  # share of the question's weight a further clause must add
MIN_STEP_SCORE = 0.5  # ... and its located score against the first clause's
MAX_SENTENCE_STEPS = 10
MIN_STEP_LETTERS = 12  # a sentence shorter than this ("1.") opens the step after it
SUBJECT_REACH = 60  # characters from a step's start where its subject is named
TIME_KINDS = frozenset({"lead_time", "deadline", "duration"})


class StepUnit(BaseModel):
    """One step as quoted: the located clause it comes from, and the span of it quoted
    (a point, a sentence, or the whole clause)."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    item: Located
    text: str
    point: Point | None = None


def covering_clauses(
    located: Sequence[Located],
    weights: WeightedTerms,
    profile: Callable[[str], TextProfile],
    min_coverage: float,
) -> list[Located]:
    """The clauses of the first one's document that together cover the question: the
    first, then greedily the one adding most still-uncovered weight (at least
    :data:`MIN_GAIN`), in the document's order."""
    top = located[0]
    seen = {clause_place(top)}
    candidates: list[Located] = []
    for item in located[1:]:
        if item.doc.id != top.doc.id or clause_place(item) in seen:
            continue
        if item.score < MIN_STEP_SCORE * top.score or item.coverage < min_coverage:
            continue
        seen.add(clause_place(item))
        candidates.append(item)
    chosen = [top]
    covered = set(_terms(top, profile))
    while candidates and len(chosen) < MAX_STEP_CLAUSES and weights.total:
        gains = [_gain(weights, covered, _terms(c, profile)) for c in candidates]
        best = max(range(len(candidates)), key=lambda i: (gains[i], candidates[i].score))
        if gains[best] < MIN_GAIN:
            break
        item = candidates.pop(best)
        chosen.append(item)
        covered |= _terms(item, profile)
    return in_document_order(chosen)


def in_document_order(items: Sequence[Located]) -> list[Located]:
    return sorted(items, key=lambda i: (i.article.start, i.clause.start))


def names_a_sequence(article: Article, sequence: re.Pattern[str]) -> bool:
    """ "Điều 9. Trình tự xem xét đề án": an article whose title names a procedure lays
    it out over its khoản, which are then its steps in order."""
    return bool(sequence.search(fold(article.title)))


def step_units(clauses: Sequence[Located], max_whole: int) -> list[StepUnit]:
    """Each clause one step, quoted whole (a long one by its points); a single clause is
    split into its points, or its sentences, which are then its steps."""
    if len(clauses) > 1:
        units = []
        for item in clauses:
            text = item.clause.text.strip()
            if len(text) <= max_whole:
                units.append(StepUnit(item=item, text=text))
            elif len(item.clause.points) >= 2:
                units += [StepUnit(item=item, text=p.text, point=p) for p in item.clause.points]
            else:
                units.append(StepUnit(item=item, text=item.quote, point=item.point))
        return units
    item = clauses[0]
    if len(item.clause.points) >= 2:
        return [StepUnit(item=item, text=p.text, point=p) for p in item.clause.points]
    units = []
    text = item.clause.text
    begin: int | None = None
    for start, end in sentences(text):
        begin = start if begin is None else begin
        if sum(ch.isalpha() for ch in text[begin:end]) < MIN_STEP_LETTERS:
            continue
        units.append(StepUnit(item=item, text=text[begin:end]))
        begin = None
    return units[:MAX_SENTENCE_STEPS]


def step_actor(unit: StepUnit, powers: Sequence[Power]) -> str:
    """Who does the step: the bodies the table of powers reads as subjects of acts stated
    in it that the step names at its start, where a clause puts its subject ("3. Ban
    Thường vụ, Thường trực có trách nhiệm ..."); "" when none is."""
    acting = {p.body for p in powers if p.quote and p.quote in unit.text}
    opening = bodies_in(unit.text[:SUBJECT_REACH])
    return ", ".join(b for b in opening if b in acting)


def step_timing(unit: StepUnit, rules: Sequence[Rule]) -> str:
    """The step's time limit as the rule module reads it: "gửi tài liệu: ít nhất 05 ngày"."""
    for rule in rules:
        if rule.kind in TIME_KINDS and rule.sentence and _overlaps(rule.sentence, unit.text):
            return rule_statement(rule)
    return ""


def _overlaps(sentence: str, text: str) -> bool:
    return sentence in text or text in sentence


def clause_place(item: Located) -> tuple[str, str, int, int | None]:
    """Which clause of which document ``item`` is."""
    return (item.doc.id, item.article.part, item.article.number, item.clause.number)


def _terms(item: Located, profile: Callable[[str], TextProfile]) -> frozenset[str]:
    return profile(item.clause.text).terms | profile(item.article.title).terms


def _gain(weights: WeightedTerms, covered: set[str], terms: frozenset[str]) -> float:
    new = sum(w for t, w in weights.weights.items() if t in terms and t not in covered)
    return new / weights.total
