"""A procedure's steps: which clauses, in which order, who does each and by when.

A how-question is rarely answered by one clause: preparing a session, sending its papers
and voting sit in different khoản or articles. The steps are the clauses of one document
that together cover the question's words: the best clause first, then, one at a time,
the clause that adds most of the question's weight not yet covered (a greedy set cover
over the located clauses), plus the other khoản of the first clause's article that score
near it. They are listed in the document's order (a regulation sets a procedure out in
the order it runs), passage by passage: the passages (khoản that follow one another in an
article) holding the best clause or one scored nearly as well first, then those that only
complete the answer. A clause whose opening names a sequence ("... theo các bước:") is the
procedure by its points. Each step has its actor (the table of powers' subject named at
its start) and its time limit (the rule table), never a number read here.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from assistant.coverage import TextProfile, WeightedTerms
from assistant.locate import Located
from assistant.numeric import rule_statement
from assistant.sentences import sentences
from ingest.bodies import bodies_in, body_mentions
from ingest.models import Article, Point
from ingest.normalize import fold
from ingest.powers import Power, lists_duties
from ingest.rules.models import Rule

MAX_STEP_CLAUSES = 5  # clauses one procedure answer lists
MIN_GAIN = 0.08  # share of the question's weight a further clause must add
MIN_STEP_SCORE = 0.5  # ... and its located score against the first clause's
MAX_SENTENCE_STEPS = 10
MAX_NEAR_KHOAN = 3  # other khoản of the steps' articles listed as steps ...
NEAR_KHOAN_SCORE = 0.65  # ... when scored this close to the first
# A clause scored this close to the best answers the question too: its passage keeps its
# place in the document's order (the clause choice's "close second").
LEADING_SCORE = 0.9
MAX_DUTY_ITEMS = 2  # items of a list of duties one clause gives a procedure
MIN_STEP_LETTERS = 12  # a sentence shorter than this ("1.") opens the step after it
SUBJECT_REACH = 60  # characters from a step's start where its subject is named
_MARKER = re.compile(r"(?:[\W\d_]|[a-z](?=[).-]))*")  # "- ", "2.1- ", "a) ", "(1)- "
TIME_KINDS = frozenset({"lead_time", "deadline", "duration"})


class StepUnit(BaseModel):
    """One step as quoted: the located clause it comes from, and the span of it quoted
    (a point, a sentence, or the whole clause)."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    item: Located
    text: str
    point: Point | None = None


@dataclass(frozen=True)
class StepTerms:
    """The question's weighted terms and the profiler that reads a text's terms: how much
    of the question a clause, or an item of it, covers."""

    weights: WeightedTerms
    profile: Callable[[str], TextProfile]

    def of(self, text: str) -> frozenset[str]:
        return self.profile(text).terms

    def share(self, text: str) -> float:
        return _gain(self.weights, set(), self.of(text))


def procedure_clauses(
    located: Sequence[Located], terms: StepTerms, min_coverage: float, sequence: re.Pattern[str]
) -> list[Located]:
    """The clauses a procedure's steps come from, in the document's order: all khoản of an
    article whose title names a sequence, else the covering clauses and the other khoản of
    their articles scored near the first (:func:`_near_khoan`)."""
    top = located[0]
    if lays_out_a_sequence(top, sequence):
        return [dataclasses.replace(top, quote=top.clause.text, point=None)]
    if names_a_sequence(top.article, sequence):
        return [
            dataclasses.replace(top, clause=c, quote=c.text, point=None)
            for c in top.article.numbered_clauses
        ]
    clauses = covering_clauses(located, terms, min_coverage)
    return leading_first([*clauses, *_near_khoan(located, [top, *clauses])], top)


def covering_clauses(
    located: Sequence[Located], terms: StepTerms, min_coverage: float
) -> list[Located]:
    """The clauses of the first one's document that together cover the question: the
    first, then greedily the one adding most still-uncovered weight (at least
    :data:`MIN_GAIN`), in the document's order. A clause that lists a holder's duties
    covers only with the items of it that are steps (:func:`duty_items`)."""
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
    weights = terms.weights
    chosen = [top]
    covered = set(_terms(top, terms))
    while candidates and len(chosen) < MAX_STEP_CLAUSES and weights.total:
        gains = [_gain(weights, covered, _terms(c, terms)) for c in candidates]
        best = max(range(len(candidates)), key=lambda i: (gains[i], candidates[i].score))
        if gains[best] < MIN_GAIN:
            break
        item = candidates.pop(best)
        chosen.append(item)
        covered |= _terms(item, terms)
    return in_document_order(chosen)


def in_document_order(items: Sequence[Located]) -> list[Located]:
    return sorted(items, key=lambda i: (i.article.start, i.clause.start))


def leading_first(items: Sequence[Located], top: Located) -> list[Located]:
    """The clauses in the document's order by passages (khoản that follow one another in
    one article are one passage of a procedure): first the passages holding the best
    clause or one scored nearly as well (:data:`LEADING_SCORE`), then those that only
    complete the answer. A weaker clause that happens to come earlier in the document
    does not open the answer before the clause that answers it."""
    passages: list[list[Located]] = []
    for item in in_document_order(items):
        if passages and _follows(passages[-1][-1], item):
            passages[-1].append(item)
        else:
            passages.append([item])

    def leads(passage: list[Located]) -> bool:
        return any(i.score >= LEADING_SCORE * top.score or i.clause is top.clause for i in passage)

    # a stable sort: each group keeps the document's order
    return [i for p in sorted(passages, key=lambda p: not leads(p)) for i in p]


def _follows(before: Located, item: Located) -> bool:
    """Whether ``item`` is the khoản right after ``before`` in the same article."""
    return (
        clause_place(before)[:3] == clause_place(item)[:3]
        and before.clause.number is not None
        and item.clause.number == before.clause.number + 1
    )


def lays_out_a_sequence(item: Located, sequence: re.Pattern[str]) -> bool:
    """ "2. Việc thẩm tra hồ sơ thực hiện theo các bước:" followed by its points: a clause
    whose opening names a procedure lays it out over its points, which are then its
    steps in order (the other khoản of its article are about something else)."""
    points = item.clause.points
    if len(points) < 2:
        return False
    opening = item.clause.text[: points[0].start - item.clause.start]
    return bool(sequence.search(fold(opening)))


def names_a_sequence(article: Article, sequence: re.Pattern[str]) -> bool:
    """ "Điều 9. Trình tự xem xét đề án": an article whose title names a procedure lays
    it out over its khoản, which are then its steps in order."""
    return bool(sequence.search(fold(article.title)))


def step_units(clauses: Sequence[Located], max_whole: int, terms: StepTerms) -> list[StepUnit]:
    """Each clause one step, quoted whole (a long one by its points); a single clause is
    split into its points, or its sentences, which are then its steps. A clause that
    lists a holder's duties gives the items of it that concern the question."""
    single = len(clauses) == 1
    units: list[StepUnit] = []
    for item in clauses:
        duties = duty_items(item, terms)
        if duties:
            units += duties
        elif not single and len(item.clause.text.strip()) <= max_whole:
            units.append(StepUnit(item=item, text=item.clause.text.strip()))
        elif len(item.clause.points) >= 2:
            units += [StepUnit(item=item, text=p.text, point=p) for p in item.clause.points]
        elif not single:
            units.append(StepUnit(item=item, text=item.quote, point=item.point))
        else:
            units += _sentence_units(item)
    return units


def duty_items(item: Located, terms: StepTerms) -> list[StepUnit]:
    """In an article that lists a holder's duties ("Nhiệm vụ, quyền hạn của ..."), each
    item of a clause is an act of its own, not a step of one procedure: the items that
    are steps are the one covering most of the question, then greedily those adding at
    least :data:`MIN_GAIN` of its weight not yet covered (at most :data:`MAX_DUTY_ITEMS`),
    in order. Empty for any other clause, and
    for a clause without points (its paragraphs state one duty)."""
    if len(item.clause.points) < 2 or not lists_duties(item.article.title):
        return []
    items = paragraphs(item)
    if len(items) < 2:
        return []
    first = max(range(len(items)), key=lambda i: terms.share(items[i].text))
    keep = [first]
    covered = set(terms.of(items[first].text))
    while len(keep) < MAX_DUTY_ITEMS:
        rest = [i for i in range(len(items)) if i not in keep]
        gains = {i: _gain(terms.weights, covered, terms.of(items[i].text)) for i in rest}
        best = max(rest, key=lambda i: gains[i], default=None)
        if best is None or gains[best] < MIN_GAIN:
            break
        keep.append(best)
        covered |= terms.of(items[best].text)
    return [items[i] for i in sorted(keep)]


def paragraphs(item: Located) -> list[StepUnit]:
    """The clause's paragraphs, each with the point it belongs to (a paragraph after a
    point that no marker opens is an item of its own); a line that starts in lower case
    continues the one before (a line wrapped in the source)."""
    text = item.clause.text
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]*\S[^\n]*", text):
        if spans and line.group().strip()[0].islower():
            spans[-1] = (spans[-1][0], line.end())
        else:
            spans.append((line.start(), line.end()))
    units = []
    for start, end in spans:
        at = item.clause.start + start
        point = next((p for p in item.clause.points if p.start <= at < p.end), None)
        units.append(StepUnit(item=item, text=text[start:end].strip(), point=point))
    return units


def _sentence_units(item: Located) -> list[StepUnit]:
    """A single clause's sentences, a too-short one ("1.") joined to the next."""
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


def _near_khoan(located: Sequence[Located], chosen: Sequence[Located]) -> list[Located]:
    """The other khoản of the chosen clauses' articles scored close to the first, best
    first: a procedure laid out over an article's khoản, whichever article the best clause
    is in ("soạn, bàn rồi chốt" may find the drafting body's duty first)."""
    top = chosen[0]
    articles = {(c.article.part, c.article.number) for c in chosen}
    taken = {clause_place(c) for c in chosen}
    near: dict[tuple[str, str, int, int | None], Located] = {}
    for item in located:
        place = clause_place(item)
        if item.doc.id != top.doc.id or place in taken or item.clause.number is None:
            continue
        if (item.article.part, item.article.number) not in articles:
            continue
        if item.score >= NEAR_KHOAN_SCORE * top.score:
            near.setdefault(place, item)
    return sorted(near.values(), key=lambda i: -i.score)[:MAX_NEAR_KHOAN]


def step_actor(unit: StepUnit, powers: Sequence[Power]) -> str:
    """Who does the step: the bodies the table of powers reads as subjects of acts stated
    in it that the step names at its start, where a clause puts its subject ("3. Ban
    Thường vụ, Thường trực có trách nhiệm ..."); in a list of duties, an item that opens
    with its verb ("- Giới thiệu nhân sự ...") is the holder's the title names; "" when
    none is."""
    article = unit.item.article
    if lists_duties(article.title) and not _opens_with_body(unit.text):
        return next(iter(bodies_in(article.title)), "")
    acting = {p.body for p in powers if p.quote and p.quote in unit.text}
    opening = bodies_in(unit.text[:SUBJECT_REACH])
    named = [b for b in opening if b in acting]
    if named:
        return ", ".join(named)
    # "b) Chi bộ gửi hồ sơ về ...": the body the step opens with does it, whether or not
    # its act is one of the table's kinds
    folded = fold(step_words(unit.text))
    first = body_mentions(folded[:SUBJECT_REACH])
    return first[0].body if first and first[0].start <= 1 else ""


def step_words(text: str) -> str:
    """A step's words without the item marker it opens with ("a) ", "2.1- ", "(3)- "): a
    numbered list gives the order ("1. «a) ...»" said it twice). A step the document
    names ("Bước 1 - Chuẩn bị") keeps its name. The rest is a verbatim part of the text."""
    stripped = text.strip()
    folded = fold(stripped)
    if len(folded) != len(stripped):
        return stripped
    start = _MARKER.match(folded)
    at = start.end() if start else 0
    return stripped[at:] if stripped[at:].strip() else stripped


def _opens_with_body(text: str) -> bool:
    """ "- Ban Thường vụ ...", "a) Thường trực ...": a body right after the item's marker."""
    folded = fold(text)
    marker = _MARKER.match(folded)
    start = marker.end() if marker else 0
    return any(m.start <= start + 1 for m in body_mentions(folded[: start + SUBJECT_REACH]))


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


def _terms(item: Located, terms: StepTerms) -> frozenset[str]:
    duties = duty_items(item, terms)
    text = " ".join(u.text for u in duties) if duties else item.clause.text
    return terms.of(text) | terms.of(item.article.title)


def _gain(weights: WeightedTerms, covered: set[str], terms: frozenset[str]) -> float:
    new = sum(w for t, w in weights.weights.items() if t in terms and t not in covered)
    return new / weights.total
