"""Which located clauses an answer quotes: one per document (the question's documents
in the order it names them, at most MAX_DOCUMENTS_SHOWN), whole when several asks, a
list or a how are asked, and the clauses of the first document quoted beside it."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.document_names import short_name
from assistant.locate import MAX_DOCUMENTS_SHOWN, MIN_COVERAGE, Located
from assistant.understand import Understanding

MAX_WHOLE_CLAUSE = 1500  # characters: a longer clause is quoted by its answering sentence
# A clause of the same document scored this close to the first answers part of the
# question too.
CLOSE_SECOND = 0.9


@dataclass(frozen=True)
class ClauseChoice:
    """The candidates (whole clauses where the whole clause answers), the best of each
    document shown, and the names of the documents left out."""

    located: list[Located]
    chosen: list[Located]
    left_out: list[str]


def choose_clauses(u: Understanding, located: list[Located]) -> ClauseChoice:
    if u.asks > 1 or u.lists or u.kind == "procedure":
        # several asks, a list or a how: the whole clause answers, not its best sentence
        located = [whole_clause(item) for item in located]
    best_per_doc: dict[str, Located] = {}
    for item in located:
        if item.coverage < MIN_COVERAGE:
            continue
        best_per_doc.setdefault(item.doc.id, item)
    # the evidence gate passed the first (its share weighed without the case's own words)
    chosen = list(best_per_doc.values()) or located[:1]
    if len(u.document_ids) > 1 and u.scope_from_question:
        # Documents the question names are answered in the order it names them.
        chosen.sort(key=lambda item: u.document_ids.index(item.doc.id))
    single = bool(u.document_ids) and len(u.document_ids) == 1
    if single or (u.kind == "citation" and u.scope_from_question):
        chosen = chosen[:1]
    left_out = [short_name(item.doc) for item in chosen[MAX_DOCUMENTS_SHOWN:]]
    return ClauseChoice(located=located, chosen=chosen[:MAX_DOCUMENTS_SHOWN], left_out=left_out)


def second_clause(u: Understanding, choice: ClauseChoice) -> Located | None:
    """A clause of the one document shown scored nearly as well as its first: a question
    with two asks ("ai lập hồ sơ, nộp về đâu?") is often answered by two clauses. (Not for
    a number: the closest clause states it, or none does.)"""
    if len(choice.chosen) != 1 or u.kind == "numeric":
        return None
    return close_second(choice.located, choice.chosen[0])


def supporting_clauses(choice: ClauseChoice) -> list[Located]:
    """The next clauses of the first document shown, quoted after the main ones."""
    located, chosen = choice.located, choice.chosen
    return [
        item
        for item in located[1:4]
        if item.doc.id == chosen[0].doc.id and item.coverage >= MIN_COVERAGE and item not in chosen
    ]


def close_second(located: Sequence[Located], first: Located) -> Located | None:
    """The next clause of ``first``'s document when it scores nearly as well."""
    for item in located[1:3]:
        same_place = (item.article.number, item.clause.number) == (
            first.article.number,
            first.clause.number,
        )
        if (
            item.doc.id == first.doc.id
            and not same_place
            and item.coverage >= MIN_COVERAGE
            and item.score >= CLOSE_SECOND * first.score
        ):
            return item
    return None


def whole_clause(item: Located) -> Located:
    """The clause quoted whole (its points included), unless it is too long to read."""
    text = item.clause.text.strip()
    if len(text) > MAX_WHOLE_CLAUSE or text == item.quote:
        return item
    return dataclasses.replace(item, quote=text, point=None)


__all__ = [
    "MAX_WHOLE_CLAUSE",
    "ClauseChoice",
    "choose_clauses",
    "close_second",
    "second_clause",
    "supporting_clauses",
    "whole_clause",
]
