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
from assistant.exception_notes import with_exceptions
from assistant.follow_ups import DocumentTables, document_handle, suggest_follow_ups
from assistant.locate import ClauseLocator
from assistant.models import Answer, Citation, NumericResult, RankedClause, Turn
from assistant.normalize_question import NormalizedQuestion, normalize_question
from assistant.numeric import NO_RULE_NOTE
from assistant.numeric_route import NumericRoute
from assistant.reference_notes import with_references
from assistant.rules.models import Rule
from assistant.stated_numbers import asks_a_number
from assistant.terms import question_terms
from assistant.understand import Understanding, is_english, sanitize, understand
from assistant.vocabulary import Vocabulary
from assistant.word_repair import Repair
from index.places import misspelled_places
from index.retrieve import HybridRetriever
from ingest.models import Chunk, Document
from ingest.powers import Power
from ingest.settings import Settings

log = logging.getLogger(__name__)


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
        self.numbers = NumericRoute(
            documents=self.documents,
            rules=self.rules,
            locator=self.locator,
            evidence=self.evidence,
            composer=self.composer,
        )
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
        refused = self._refuse_unanswerable(question, text, document_ids)
        if refused is not None:
            return refused
        history = [Turn(role=t.role, content=self._turn_text(t)) for t in history[-8:]]
        normalized = self.normalize(text)
        u = understand(normalized.text, history, self._docs, document_ids, typed=text)
        notes = self._reading_notes(normalized, cut)
        refused = self._refuse_out_of_scope(question, text, u, document_ids, notes)
        if refused is not None:
            return refused
        answer = self._each_ask(u, normalized.text, text, history)
        if u.scope_by_body_only and (answer.kind == "refusal" or NO_RULE_NOTE in answer.notes):
            # a document the question pointed to only by a body it speaks of is silent
            # (no clause, or no rule of the number's kind: never a blank it leaves)
            answer = self._beyond_scope(u, answer)
        citations = [c for c in answer.citations if self._verbatim(c)]
        if answer.kind in ("answer", "numeric") and not citations:
            return refusal_answer(
                question, "Không tìm thấy quy định phù hợp trong các văn bản đã nạp."
            )
        answer = answer.model_copy(
            update={"question": question, "notes": notes + answer.notes, "citations": citations}
        )
        return self._with_notes(u, answer)

    def _refuse_unanswerable(
        self, question: str, text: str, document_ids: Sequence[str] | None
    ) -> Answer | None:
        """The refusal when there is nothing to answer: no words, no documents loaded, or
        a document asked for that is not loaded."""
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
        return None

    def _reading_notes(self, normalized: NormalizedQuestion, cut: bool) -> list[str]:
        """How the question was read: words repaired, and a question cut to the limit."""
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
        return notes

    def _refuse_out_of_scope(
        self,
        question: str,
        text: str,
        u: Understanding,
        document_ids: Sequence[str] | None,
        notes: list[str],
    ) -> Answer | None:
        """The refusal of a question the loaded regulations cannot answer: in English,
        about a person, about a law or a place not loaded. A place not loaded beside a
        document named is set aside with a note (added to ``notes``)."""
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
        if u.asks_occasion:
            return refusal_answer(
                question,
                "Các quy chế làm việc quy định cách làm việc, không ghi lại những việc đã diễn "
                "ra ở một kỳ họp hay một dịp cụ thể; không suy đoán. Hãy xem biên bản, nghị "
                "quyết hoặc thông báo kết luận của dịp đó.",
            )
        if u.unloaded_laws and not document_ids:
            return self.evidence.not_loaded(question, ", ".join(u.unloaded_laws))
        if u.unknown_places and not document_ids:
            places = ", ".join(u.unknown_places)
            if not u.names_document:
                return self.evidence.not_loaded(question, f"quy chế làm việc của {places}")
            notes.append(f"Chưa nạp quy chế của {places}: chỉ trả lời theo văn bản đã nạp.")
        return None

    def _with_notes(self, u: Understanding, answer: Answer) -> Answer:
        """The answer with its blanks said in words, the references its quotes make, and
        follow-up suggestions."""
        terms = self.locator.topic_terms(u)

        def relevance(text: str, words: str = "") -> float:
            asked = question_terms(words, self.locator.name_terms) if words else terms
            return self.locator.stats.coverage(asked, self.locator.profile(text))

        answer = with_blank_notes(answer, self.documents)
        answer = with_references(
            answer, self.documents, relevance, u.bodies, asks_for_body=u.kind == "who_decides"
        )
        answer = with_exceptions(answer, self.documents)
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
        # (a follow-up's asks are split only when it asks a number: each ask read again
        # with the conversation loses less than a number of another kind left unasked)
        simple = u.asks < 2 or u.kind == "comparison" or (u.is_follow_up and not u.asks_number)
        # (a question about the document answers its asks about the document whole; each
        # of its other asks, or of all when refused, is answered on its own: "văn bản này
        # ký ngày nào, tổ trưởng có được góp ý không?")
        if simple:
            return whole
        # (each ask read without the sentences about the asker: "Em mới về văn phòng.")
        return self.each_ask.answer(
            whole,
            u.asked_text,
            original,
            history,
            list(u.document_ids),
            u.frame.kind,
            say_unanswered=u.reference is None,
            rule_subject=u.frame.subject,
        )

    def _turn_text(self, turn: Turn) -> str:
        text = sanitize(turn.content, self.settings.max_question_chars)[0]
        return self.normalize(text).text if turn.role == "user" else text

    def _beyond_scope(self, u: Understanding, refusal: Answer) -> Answer:
        """ "Ai quyết định kỷ luật đảng viên ở chi bộ?" named the branch's template only by
        the body it speaks of; that template is silent, another regulation may not be. A
        number too, when the template has no rule of its kind (a blank it leaves is said,
        never filled from elsewhere; a document named by name is never widened)."""
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
        if wider.kind == "refusal" or NO_RULE_NOTE in wider.notes:
            return refusal
        if asks_a_number(u) and wider.kind != "numeric":
            return refusal  # a number asked is answered by a rule that states one, or not
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
        asked = self.numbers.read(u)
        composed = self.numbers.compose(u, asked, foreign)
        if composed is not None:
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
        if u.reference is not None and u.kind in ("citation", "general", "who_decides"):
            # (who an article named gives a task to is read in that article)
            return self.composer.lookup(u)
        if not self.locator.topic_terms(u):
            return self.composer.ask_what(u)
        hits = self.locator.retrieve(u)
        located = self.each_ask.focused(u, self.locator.locate(u, hits), focus)
        refusal = self.evidence.refuse_located(u, located, foreign)
        if refusal is not None:
            return refusal
        if u.kind == "procedure" and not located[0].writes_case:
            # (what to do in the case a clause writes is that clause, not the procedure)
            return self.composer.procedure(u, located)
        return self.numbers.finish(u, asked, located, self.composer.per_document(u, located))


__all__ = ["Answerer", "NumericResult"]
