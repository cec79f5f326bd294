"""Grounded, deterministic answers. Every claim is a verbatim quote with its citation.

The flow: sanitize → understand (kind, body, scope, follow-up) → route:
numeric → rule module; citation with a reference → direct lookup; otherwise retrieval,
a support check (refuse when the corpus does not cover the question) and a composition
per kind. Several documents that answer differently are shown side by side.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence

from assistant.blank_notes import with_blank_notes
from assistant.compose import Composer
from assistant.document_answer import DocumentAnswerer
from assistant.document_names import short_name
from assistant.each_ask import AskFocus, EachAsk
from assistant.evidence import EvidenceGate, refusal_answer
from assistant.follow_ups import DocumentTables, document_handle, suggest_follow_ups
from assistant.lexicon import is_listed
from assistant.locate import ClauseLocator, Located
from assistant.models import Answer, Citation, NumericResult, RankedClause, Turn
from assistant.normalize_question import NormalizedQuestion, normalize_question
from assistant.numeric import compose_numeric
from assistant.quantities import ASKED_UNIT
from assistant.reference_notes import with_references
from assistant.rules.models import DocumentNumeric, Rule
from assistant.rules.query import answer_frame
from assistant.stated_numbers import (
    NO_NUMBER_MESSAGE,
    asks_a_number,
    numbers_not_in,
    states_number,
)
from assistant.terms import (
    question_terms,
)
from assistant.understand import Understanding, is_english, sanitize, understand
from assistant.vocabulary import Vocabulary
from assistant.word_repair import Repair
from index.places import misspelled_places
from index.retrieve import HybridRetriever
from ingest.models import Chunk, Document
from ingest.normalize import fold, words
from ingest.powers import Power
from ingest.settings import Settings

log = logging.getLogger(__name__)


# How many words closing a list's lead-in may name what its points are.
LIST_HEAD = 4


class Answerer:
    def __init__(
        self,
        *,
        documents: Mapping[str, Document],
        chunks: Sequence[Chunk],
        rules: Sequence[Rule],
        retriever: HybridRetriever,
        settings: Settings,
        powers: Sequence[Power] = (),
    ) -> None:
        self.documents = dict(documents)
        self.rules = list(rules)
        self.settings = settings
        self._docs = list(self.documents.values())
        self.locator = ClauseLocator(
            documents=documents,
            chunks=chunks,
            retriever=retriever,
            settings=settings,
            powers=powers,
        )
        self.evidence = EvidenceGate(documents=documents, locator=self.locator)
        self.composer = Composer(
            documents=documents, locator=self.locator, powers=powers, rules=self.rules
        )
        self.document_answerer = DocumentAnswerer(self.documents)
        self.each_ask = EachAsk(self.locator, self.evidence, self._route, self._docs)
        self._vocabulary: Vocabulary | None = None
        self._powers = list(powers)
        self._tables: dict[str, DocumentTables] = {}

    @property
    def vocabulary(self) -> Vocabulary:
        """The loaded regulations' words, built on the first question (one pass of text)."""
        if self._vocabulary is None:
            self._vocabulary = Vocabulary(d.text for d in self._docs)
        return self._vocabulary

    def normalize(self, text: str) -> NormalizedQuestion:
        normalized = normalize_question(text, self.vocabulary)
        places = misspelled_places(normalized.text, self._docs)
        if not places:
            return normalized
        # a loaded regulation's place one letter off ("Điện Bên") is that place
        fixed = normalized.text
        for typed, meant in places:
            fixed = fixed.replace(typed, meant)
        repairs = [Repair(typed=t, meant=m, kind="typo") for t, m in places]
        return normalized.model_copy(
            update={"text": fixed, "repairs": (*normalized.repairs, *repairs)}
        )

    # --- entry point -------------------------------------------------------------------

    def answer(
        self,
        question: str,
        history: Sequence[Turn] = (),
        document_ids: Sequence[str] | None = None,
    ) -> Answer:
        text, cut = sanitize(question, self.settings.max_question_chars)
        if not re.search(r"\w", text):
            return refusal_answer(
                question, "Câu hỏi trống hoặc không có chữ. Hãy nhập câu hỏi về quy chế làm việc."
            )
        if not self.documents:
            return refusal_answer(
                question,
                "Chưa có quy chế nào được nạp. Hãy nạp văn bản: quyche ingest data/regulations",
            )
        if document_ids:
            unknown = [d for d in document_ids if d not in self.documents]
            if unknown:
                return refusal_answer(question, f"Không có văn bản với mã: {', '.join(unknown)}.")
        history = [Turn(role=t.role, content=self._turn_text(t)) for t in history[-8:]]
        normalized = self.normalize(text)
        u = understand(normalized.text, history, self._docs, document_ids)
        notes = []
        if normalized.repairs:
            notes.append(
                "Đã đọc "
                + ", ".join(
                    dict.fromkeys(f"«{r.typed}» là «{r.meant}»" for r in normalized.repairs)
                )
                + "."
            )
        if cut:
            notes.append(
                f"Câu hỏi quá dài nên chỉ xét {self.settings.max_question_chars} ký tự đầu."
            )
        if u.english or is_english(text):
            # (read as typed: keystroke repair would make "is" a Vietnamese "í")
            return refusal_answer(
                question,
                "Trợ lý chỉ trả lời bằng tiếng Việt về các quy chế làm việc đã nạp. "
                "Vui lòng đặt câu hỏi bằng tiếng Việt. (This assistant answers in Vietnamese, "
                "about the loaded working regulations only.)",
            )
        if u.asks_person:
            return refusal_answer(
                question,
                "Các quy chế làm việc quy định chức danh, nhiệm vụ và thẩm quyền, không nêu tên "
                "người đang giữ chức vụ; không suy đoán. Hãy tra cứu thông tin nhân sự ở "
                "nguồn chính thức của cơ quan.",
            )
        if u.unloaded_laws and not document_ids:
            return self.evidence.not_loaded(question, ", ".join(u.unloaded_laws))
        if u.unknown_places and not document_ids:
            places = ", ".join(u.unknown_places)
            if not u.names_document:
                return self.evidence.not_loaded(question, f"quy chế làm việc của {places}")
            notes.append(f"Chưa nạp quy chế của {places}: chỉ trả lời theo văn bản đã nạp.")
        answer = self._each_ask(u, normalized.text, text, history)
        if answer.kind == "refusal" and u.scope_by_body_only and not asks_a_number(u):
            answer = self._beyond_scope(u, answer)
        citations = [c for c in answer.citations if self._verbatim(c)]
        if answer.kind in ("answer", "numeric") and not citations:
            return refusal_answer(
                question, "Không tìm thấy quy định phù hợp trong các văn bản đã nạp."
            )
        answer = answer.model_copy(
            update={"question": question, "notes": notes + answer.notes, "citations": citations}
        )
        terms = self.locator.topic_terms(u)

        def relevance(text: str) -> float:
            return self.locator.stats.coverage(terms, self.locator.profile(text))

        answer = with_blank_notes(answer, self.documents)
        answer = with_references(
            answer, self.documents, relevance, u.bodies, asks_for_body=u.kind == "who_decides"
        )
        follow_ups = suggest_follow_ups(answer, u, self._tables_of)
        return answer.model_copy(update={"follow_ups": follow_ups})

    def _tables_of(self, document_id: str) -> DocumentTables | None:
        """What follow-up suggestions read of one document, gathered on first use."""
        if document_id not in self._tables:
            doc = self.documents.get(document_id)
            if doc is None:
                return None
            self._tables[document_id] = DocumentTables.of(
                doc,
                [p for p in self._powers if p.document_id == document_id],
                [r for r in self.rules if r.document_id == document_id],
                document_handle(doc, self._docs),
            )
        return self._tables[document_id]

    def _each_ask(
        self, u: Understanding, text: str, original: str, history: Sequence[Turn]
    ) -> Answer:
        """The message answered whole, then each ask its quotes leave uncovered answered
        on its own (see assistant/each_ask.py)."""
        whole = self._route(u)
        simple = u.asks < 2 or u.kind == "comparison" or u.is_follow_up
        if simple or u.reference is not None or u.document_attributes:
            return whole
        return self.each_ask.answer(whole, text, original, history, list(u.document_ids))

    def _turn_text(self, turn: Turn) -> str:
        text = sanitize(turn.content, self.settings.max_question_chars)[0]
        return self.normalize(text).text if turn.role == "user" else text

    def _beyond_scope(self, u: Understanding, refusal: Answer) -> Answer:
        """ "Ai quyết định kỷ luật đảng viên ở chi bộ?" named the branch's template only by
        the body it speaks of; that template is silent, another regulation may not be.
        (Never for a number: one the named document does not give is not borrowed.)"""
        wider = self._route(
            u.model_copy(
                update={
                    "document_ids": (),
                    "scope_from_question": False,
                    "names_document": False,
                    "scope_by_body_only": False,
                }
            )
        )
        if wider.kind == "refusal":
            return refusal
        silent = ", ".join(short_name(self.documents[d]) for d in u.document_ids)
        wider.notes.insert(0, f"{silent} không quy định nội dung này; trả lời theo văn bản khác.")
        return wider

    def rank(
        self,
        question: str,
        history: Sequence[Turn] = (),
        document_ids: Sequence[str] | None = None,
    ) -> list[RankedClause]:
        """The clauses an answer draws on, best first: what it cites, then the other
        reranked candidates (scope and follow-ups resolved). What the evaluation measures."""
        text, _ = sanitize(question, self.settings.max_question_chars)
        u = understand(text, history, self._docs, document_ids)
        # What the answer cites comes first (a looked-up reference, a numeric rule), in
        # its order; then the rest of the reranked candidates.
        cited = [
            RankedClause(
                document_id=c.document_id,
                part=c.part,
                article=c.article,
                clause=c.clause,
                score=1.0,
                coverage=1.0,
            )
            for c in self.answer(question, history, document_ids).citations
        ]
        return cited + [
            RankedClause(
                document_id=item.doc.id,
                part=item.article.part,
                article=item.article.number,
                clause=item.clause.number,
                score=item.score,
                coverage=item.coverage,
            )
            for item in self.locator.locate(u, self.locator.retrieve(u))
        ]

    def _verbatim(self, citation: Citation) -> bool:
        doc = self.documents.get(citation.document_id)
        ok = doc is not None and citation.quote in doc.text
        if not ok:
            log.error("dropped a non-verbatim citation: %s", citation.cite_as)
        return ok

    def _route(self, u: Understanding, focus: AskFocus | None = None) -> Answer:
        about_document = self.document_answerer.answer(u, self.locator.topic_terms(u))
        if about_document is not None:
            return about_document
        foreign = self.evidence.foreign_organizations(u)
        numeric = answer_frame(
            u.frame, u.asks_number, u.text, self.rules, scope=list(u.document_ids) or None
        )
        # The rule module answers numbers: when the question asks for one, compares
        # documents on one, or asks who decides a given amount (of money, of land).
        wants_number = numeric is not None and (
            u.kind == "numeric"
            or (u.kind == "comparison" and numeric.frame.kind is not None)
            or (u.kind == "who_decides" and numeric.frame.measure is not None)
        )
        if numeric is not None and wants_number and (numeric.is_numeric or u.kind == "comparison"):
            terms = question_terms(u.text, self.locator.name_terms)

            def topicality(rule: Rule) -> float:
                return self.locator.stats.coverage(
                    terms, self.locator.profile(f"{rule.article_title} {rule.sentence}")
                )

            composed = compose_numeric(
                u, numeric, self.documents, self.evidence.refusal_text(u), topicality
            )
            if (
                composed is not None
                and self.evidence.on_topic(u, composed)
                and self.evidence.first_citation_names(foreign, composed)
            ):
                return composed
        if foreign and u.kind == "numeric":
            # Numbers come from rules; no rule speaks of this organization, and a clause
            # that merely names it ("báo cáo ... Quốc hội") gives none of its numbers.
            return self.evidence.refuse_uncovered(
                u,
                self.locator.locate(u, self.locator.retrieve(u)),
                f"Các quy chế đã nạp không quy định con số được hỏi về {', '.join(foreign)} "
                "(các quy chế quy định công việc của cấp ủy, tổ chức đảng); không suy đoán.",
            )
        if u.reference is not None and u.kind in ("citation", "general"):
            return self.composer.lookup(u)
        if not self.locator.topic_terms(u):
            return self.composer.ask_what(u)
        hits = self.locator.retrieve(u)
        located = self.each_ask.focused(u, self.locator.locate(u, hits), focus)
        if not located or not self.evidence.covers(u, located[0]):
            return self.evidence.refuse_uncovered(u, located)
        top = located[0]
        if not self.evidence.names_any(foreign, f"{top.article.title} {top.quote}") or (
            foreign and not self.evidence.covers_beyond_names(u, top)
        ):
            # "Quốc hội họp mấy kỳ?": the regulations govern Party bodies; a sentence that
            # never names the organization asked about does not answer for it (a long
            # clause lists many organizations, each in its own sentence).
            return self.evidence.refuse_uncovered(
                u,
                located,
                "Các quy chế đã nạp quy định công việc của cấp ủy, tổ chức đảng; điều khoản "
                f"gần nhất không nói về {', '.join(foreign)}.",
            )
        # "Tiêu chuẩn ... Huy hiệu 30 năm tuổi Đảng là gì?": in a what-is question the
        # number names the thing asked, so a clause about badges that never says 30 is not
        # about it. (In "ai quyết định kết nạp đảng viên 18 tuổi" it is incidental.)
        missing: list[str] = []
        if u.kind == "general":
            missing = numbers_not_in(u.text, f"{top.article.title} {top.article.text}")
        elif u.kind == "citation":
            # "Mức 03 tỷ đồng ở điều khoản nào?": the place of a number states it.
            missing = numbers_not_in(u.text, top.quote, amounts=True)
        if missing:
            return self.evidence.refuse_uncovered(
                u,
                located,
                "Các quy chế đã nạp không quy định về nội dung này (điều khoản gần nhất không "
                f"nhắc tới: {', '.join(missing[:3])}).",
            )
        if u.kind == "procedure":
            return self.composer.procedure(u, located)
        answer = self.composer.per_document(u, located)
        lacking: list[DocumentNumeric] = []
        if wants_number and numeric is not None:
            shown = {d.document_id for d in answer.documents}
            lacking = [d for d in numeric.documents if d.no_rule and d.document_id in shown]
        if wants_number or u.kind == "numeric":
            shown_quotes = [c.quote for c in answer.citations if c.quote in answer.answer]
            if u.frame.kind is None and _lists_what_is_counted(u, located[0]):
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
        if wants_number and numeric is not None:
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

    # --- retrieval ---------------------------------------------------------------------

    # --- compositions ------------------------------------------------------------------

    # --- refusals ----------------------------------------------------------------------


def _lists_what_is_counted(u: Understanding, item: Located) -> bool:
    """Whether the question counts things ("gồm mấy bước") that the clause lists as its
    points, named in the clause's words before the first point ("... theo các bước sau")."""
    points = item.clause.points
    folded = fold(u.text)
    if len(points) < 2 or not ASKED_UNIT.search(folded):
        return False
    # the list's head noun closes its lead-in ("... thực hiện theo các bước:"); a word
    # earlier is what the steps are about ("kết nạp đảng viên ... theo trình tự:")
    lead_in = " ".join(words(item.doc.text[item.clause.start : points[0].start])[-LIST_HEAD:])
    return any(
        re.search(rf"(?<![a-z]){re.escape(unit)}(?![a-z])", lead_in)
        for unit in _counted_units(folded)
    )


def _counted_units(folded: str) -> list[str]:
    """What a "bao nhiêu / mấy" question counts: its noun, a word of two syllables when
    the word list has one there ("bao nhiêu đảng viên" counts members, not "đảng")."""
    units = []
    for m in ASKED_UNIT.finditer(folded):
        after = re.findall(r"[a-z]+", folded[m.start(1) :])[:2]
        units.append(" ".join(after) if is_listed(after, folded=True) else after[0])
    return units


__all__ = ["Answerer", "NumericResult"]
