"""The numeric part of routing: when the rule module answers, and what an answer quoted
from clauses says about a number no rule gives.

``NumericRoute.read`` matches the question against the rule table; ``compose`` answers
from the rules when the question asks for a number (or compares documents on one, or
asks who decides a given amount); ``finish`` takes the answer composed from the closest
clauses when no rule answered: a clause that lists what is counted is numbered, a
how-many question no clause gives a number for is refused, and a document without the
rule asked is said to lack it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from assistant.compose import Composer
from assistant.evidence import EvidenceGate
from assistant.function_words import class_syllables, function_words, sequence_pattern
from assistant.lexicon import is_listed
from assistant.locate import ClauseLocator, Located
from assistant.models import Answer
from assistant.numeric import NO_RULE_NOTE, compose_numeric
from assistant.quantity_roles import ASKED_UNIT
from assistant.rules.models import DocumentNumeric, NumericAnswer, Rule
from assistant.rules.query import answer_frame
from assistant.stated_numbers import NO_NUMBER_MESSAGE, states_number
from assistant.terms import question_terms
from assistant.understand import Understanding
from ingest.bodies import governed_bodies
from ingest.models import Document
from ingest.normalize import fold, words

# How many words closing a list's lead-in may name what its points are.
LIST_HEAD = 4


@dataclass(frozen=True)
class NumberAsked:
    """The rule table's reading of a question, and whether the question wants a number
    from it: it asks for one, compares documents on one, or asks who decides a given
    amount (of money, of land)."""

    numeric: NumericAnswer | None
    wants: bool


class NumericRoute:
    def __init__(
        self,
        *,
        documents: Mapping[str, Document],
        rules: Sequence[Rule],
        locator: ClauseLocator,
        evidence: EvidenceGate,
        composer: Composer,
    ) -> None:
        self.documents = documents
        self.rules = rules
        self.locator = locator
        self.evidence = evidence
        self.composer = composer

    def read(self, u: Understanding) -> NumberAsked:
        numeric = answer_frame(
            u.frame, u.asks_number, u.text, self.rules, scope=list(u.document_ids) or None
        )
        if numeric is not None and u.kind == "comparison" and len(u.document_ids) > 1:
            numeric = self._each_own_body(u, numeric)
        wants = numeric is not None and (
            u.kind == "numeric"
            or (u.kind == "comparison" and numeric.frame.kind is not None)
            or (u.kind == "who_decides" and numeric.frame.measure is not None)
        )
        return NumberAsked(numeric=numeric, wants=wants)

    def _each_own_body(self, u: Understanding, numeric: NumericAnswer) -> NumericAnswer:
        """ "BCSĐ ở A khác gì Đảng ủy ở B?": a document with no rule for the body asked
        first is asked of the other bodies the question names (its own counterpart)."""
        others = tuple(b for b in u.bodies if b not in u.frame.bodies)
        if not others:
            return numeric
        frame = u.frame.model_copy(update={"bodies": others})
        documents = []
        for entry in numeric.documents:
            if not entry.matches:
                again = answer_frame(frame, u.asks_number, u.text, self.rules, [entry.document_id])
                if again is not None and again.documents and again.documents[0].matches:
                    entry = again.documents[0]
            documents.append(entry)
        return numeric.model_copy(update={"documents": tuple(documents)})

    def compose(self, u: Understanding, asked: NumberAsked, foreign: list[str]) -> Answer | None:
        """The answer from the rule module, when it answers on topic (and names the
        organization asked about, if any); None otherwise."""
        numeric = asked.numeric
        if numeric is None or not asked.wants:
            return None
        if not (numeric.is_numeric or u.kind == "comparison"):
            return None
        terms = question_terms(u.text, self.locator.name_terms)

        def topicality(rule: Rule) -> float:
            return self.locator.stats.coverage(
                terms, self.locator.profile(f"{rule.article_title} {rule.sentence}")
            )

        composed = compose_numeric(
            u, numeric, self.documents, self.evidence.refusal_text(u), topicality
        )
        if composed is not None and NO_RULE_NOTE in composed.notes:
            ungoverned = self._ungoverned(u, [d.document_id for d in composed.documents])
            if ungoverned:
                return self._refuse_ungoverned(u, ungoverned)
        if (
            composed is not None
            and self.evidence.on_topic(u, composed)
            and self.evidence.first_citation_names(foreign, composed)
        ):
            return composed
        return None

    def finish(
        self, u: Understanding, asked: NumberAsked, located: list[Located], answer: Answer
    ) -> Answer:
        """The answer quoted from ``located``, for a question no rule answered."""
        numeric = asked.numeric
        lacking: list[DocumentNumeric] = []
        if asked.wants and numeric is not None:
            shown = {d.document_id for d in answer.documents}
            lacking = [d for d in numeric.documents if d.no_rule and d.document_id in shown]
        if asked.wants or u.kind == "numeric":
            shown_quotes = [c.quote for c in answer.citations if c.quote in answer.answer]
            if u.frame.kind is None and lists_what_is_counted(u, located[0]):
                # "gồm mấy bước?": no rule counts them, the clause lists them; the list,
                # numbered, is the answer
                return self.composer.procedure(u, located)
            if not any(states_number(q, u.text) for q in shown_quotes) and (
                not u.document_ids or not lacking
            ):
                # No rule and the closest clauses give no number: the regulations do not
                # answer a "how many" question, however close their words are. (A document
                # named that has rules of other kinds is said to lack this one, below.)
                return self.evidence.refuse_uncovered(u, located, NO_NUMBER_MESSAGE)
        if asked.wants and numeric is not None:
            ungoverned = self._ungoverned(u, [d.document_id for d in lacking]) if lacking else []
            if ungoverned:
                return self._refuse_ungoverned(u, ungoverned)
            if lacking:
                # The rule table has nothing of this kind for the document: say so plainly.
                names = ", ".join(self.documents[d.document_id].meta.title for d in lacking)
                answer.answer = (
                    f"{names} không quy định con số được hỏi; không suy đoán. Điều khoản "
                    "liên quan gần nhất:\n\n" + answer.answer
                )
            answer.notes.append(
                "Không có quy tắc số phù hợp để tính toán; câu trả lời trích nguyên văn điều "
                "khoản liên quan — hãy đọc con số trong trích dẫn."
            )
        return answer

    def _ungoverned(self, u: Understanding, document_ids: Sequence[str]) -> list[str]:
        """The bodies asked about, when every one of them works under rules of its own that
        none of ``document_ids`` lays down ("Ủy ban Kiểm tra họp mấy lần?" of a committee's
        regulation); [] otherwise, or when a document's title names no body."""
        asked = u.frame.bodies
        # (bodies the question names itself: a follow-up's, or a number's read with the
        # conversation, may be the conversation's, carried into another document)
        if not asked or not set(asked) <= set(u.bodies) or u.is_follow_up:
            return []
        governed = [
            governed_bodies(f"{m.title} {m.governed_body}")
            for m in (self.documents[d].meta for d in document_ids if d in self.documents)
        ]
        if not governed or not all(governed):
            return []
        outside = [b for b in asked if all(b not in g for g in governed)]
        return outside if len(outside) == len(asked) else []

    def _refuse_ungoverned(self, u: Understanding, bodies: Sequence[str]) -> Answer:
        named = ", ".join(bodies)
        return self.evidence.refuse_uncovered(
            u,
            [],
            "Các quy chế đã nạp là quy chế làm việc của cấp ủy, tổ chức đảng và các cơ quan "
            f"của họ; không văn bản nào quy định con số được hỏi đối với {named} ({named} "
            "làm việc theo quy định riêng, chưa được nạp); không suy đoán.",
        )


def lists_what_is_counted(u: Understanding, item: Located) -> bool:
    """Whether the question counts things ("gồm mấy bước") that the clause lists as its
    points, named in the clause's words before the first point ("... theo các bước sau")."""
    points = item.clause.points
    folded = fold(u.text)
    if len(points) < 2 or not ASKED_UNIT.search(folded):
        return False
    opening = " ".join(words(item.doc.text[item.clause.start : points[0].start]))
    units = _counted_units(folded)
    if sequence_pattern().search(opening):
        # a list of steps ("Trình tự xem xét kết nạp đảng viên:", "... theo các bước:")
        # counts steps, never what they are about ("bao nhiêu đảng viên")
        steps = class_syllables(function_words().sequence_nouns)
        return any(unit in steps for unit in units)
    # the list's head noun closes its lead-in ("... gồm các thành viên:")
    lead_in = " ".join(opening.split()[-LIST_HEAD:])
    return any(re.search(rf"(?<![a-z]){re.escape(unit)}(?![a-z])", lead_in) for unit in units)


def _counted_units(folded: str) -> list[str]:
    """What a "bao nhiêu / mấy" question counts: its noun, a word of two syllables when
    the word list has one there ("bao nhiêu đảng viên" counts members, not "đảng")."""
    units = []
    for m in ASKED_UNIT.finditer(folded):
        after = re.findall(r"[a-z]+", folded[m.start(1) :])[:2]
        units.append(" ".join(after) if is_listed(after, folded=True) else after[0])
    return units


__all__ = ["LIST_HEAD", "NumberAsked", "NumericRoute", "lists_what_is_counted"]
