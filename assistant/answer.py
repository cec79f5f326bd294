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
from dataclasses import dataclass

from assistant.citations import QuoteNotVerbatimError, location, make_citation
from assistant.models import Answer, Citation, DocumentRef, NumericResult, RankedClause, Turn
from assistant.normalize_question import NormalizedQuestion, normalize_question
from assistant.numeric import compose_numeric
from assistant.rules.models import DocumentNumeric, Rule
from assistant.rules.numbers import STRICT_NUMBER, read_number
from assistant.rules.query import answer_numeric, read_question
from assistant.rules.text import fold_aligned
from assistant.terms import (
    TermStats,
    TextProfile,
    WeightedTerms,
    content_syllables,
    question_compounds,
    question_terms,
    sentences,
    text_terms,
)
from assistant.understand import Understanding, sanitize, understand
from assistant.vocabulary import Vocabulary
from index.models import Hit, RetrievalQuery
from index.retrieve import HybridRetriever
from ingest.bodies import bodies_in, find_bodies, organizations_in
from ingest.models import Article, Chunk, Clause, Document, Point
from ingest.normalize import fold, has_diacritics, words
from ingest.powers import Power
from ingest.settings import Settings

log = logging.getLogger(__name__)

# Below this IDF-weighted share of the question's content terms found in the best
# clause, the corpus is taken not to cover the question (calibrated on the eval set).
MIN_COVERAGE = 0.35
MAX_LISTED_DOCUMENTS = 10
# Calibrated on the dev split of eval/gold: off-topic questions with a word the corpus
# never uses reach 0.59 by common words (no in-scope dev question has such a word).
MIN_COVERAGE_WITH_UNKNOWN = 0.6
# A quote run on past ";" to reach the action asked about stays under this many characters.
MAX_RUN_ON_QUOTE = 900
# The same for the article a numeric answer cites (numbers and question words excluded).
MIN_NUMERIC_COVERAGE = 0.3
MAX_DOCUMENTS_SHOWN = 5
# "Điều nào quy định chế độ phát ngôn?": when the article's title covers this much of the
# question, the whole article is the answer (cited as "Điều 16", its clauses in order).
MIN_TITLE_COVERAGE = 0.6
MAX_CLAUSES_LISTED = 5
MIN_OPENING_LETTERS = 12
_LETTERS = re.compile(r"[^\W\d_]")

_DECISION_VERBS = re.compile(
    r"\b(quyet dinh|phe duyet|xem xet, quyet dinh|chi dinh|bo nhiem|trieu tap|chu tri|"
    r"ky ban hanh|ban hanh|thong qua|cho y kien|giai quyet|ket nap|ky|duyet|giao|"
    r"lanh dao|chi dao|de nghi|bau|cu|trinh)\b"
)
_SHARED = re.compile(
    r"\b(uy quyen|uy nhiem|xin y kien|sau khi co y kien|y kien cua|phoi hop|thong nhat voi|"
    r"trinh|bao cao)\b"
)


@dataclass(frozen=True)
class _Located:
    """A retrieved clause with the sentence that best answers the question."""

    doc: Document
    article: Article
    clause: Clause
    point: Point | None
    quote: str
    score: float
    coverage: float
    focus: float  # the same share, in the quoted sentence alone


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
        self._powers: dict[tuple[str, str, int, int | None], list[Power]] = {}
        for power in powers:
            key = (power.document_id, power.part, power.article, power.clause)
            self._powers.setdefault(key, []).append(power)
        self.chunks = list(chunks)
        self.rules = list(rules)
        self.retriever = retriever
        self.settings = settings
        self.stats = TermStats(c.index_text for c in self.chunks)
        # Per-process caches of text analysis (clauses and sentences are immutable).
        self._profiles: dict[str, TextProfile] = {}
        self._sentence_spans: dict[str, list[tuple[int, int]]] = {}
        self._body_cache: dict[str, list[str]] = {}
        self._name_organizations: dict[str, frozenset[str]] = {}
        self._docs = list(self.documents.values())
        self._name_terms = frozenset(t for d in self._docs for t in _name_terms(d))
        self._meta_terms = frozenset(text_terms(" ".join(_meta_text(d) for d in self._docs)))
        self._vocabulary: Vocabulary | None = None

    @property
    def vocabulary(self) -> Vocabulary:
        """The loaded regulations' words, built on the first question (one pass of text)."""
        if self._vocabulary is None:
            self._vocabulary = Vocabulary(d.text for d in self._docs)
        return self._vocabulary

    def normalize(self, text: str) -> NormalizedQuestion:
        return normalize_question(text, self.vocabulary)

    # --- entry point -------------------------------------------------------------------

    def answer(
        self,
        question: str,
        history: Sequence[Turn] = (),
        document_ids: Sequence[str] | None = None,
    ) -> Answer:
        text, cut = sanitize(question, self.settings.max_question_chars)
        if not re.search(r"\w", text):
            return self._refusal(
                question, "Câu hỏi trống hoặc không có chữ. Hãy nhập câu hỏi về quy chế làm việc."
            )
        if not self.documents:
            return self._refusal(
                question,
                "Chưa có quy chế nào được nạp. Hãy nạp văn bản: quyche ingest data/regulations",
            )
        if document_ids:
            unknown = [d for d in document_ids if d not in self.documents]
            if unknown:
                return self._refusal(question, f"Không có văn bản với mã: {', '.join(unknown)}.")
        history = [Turn(role=t.role, content=self._turn_text(t)) for t in history[-8:]]
        normalized = self.normalize(text)
        u = understand(normalized.text, history, self._docs, document_ids)
        notes = []
        if normalized.repairs:
            notes.append(
                "Đã đọc "
                + ", ".join(f"«{r.typed}» là «{r.meant}»" for r in normalized.repairs)
                + "."
            )
        if cut:
            notes.append(
                f"Câu hỏi quá dài nên chỉ xét {self.settings.max_question_chars} ký tự đầu."
            )
        if u.english:
            return self._refusal(
                question,
                "Trợ lý chỉ trả lời bằng tiếng Việt về các quy chế làm việc đã nạp. "
                "Vui lòng đặt câu hỏi bằng tiếng Việt. (This assistant answers in Vietnamese, "
                "about the loaded working regulations only.)",
            )
        if u.unloaded_laws and not document_ids:
            return self._not_loaded(question, ", ".join(u.unloaded_laws))
        if u.unknown_places and not document_ids:
            places = ", ".join(u.unknown_places)
            if not u.names_document:
                return self._not_loaded(question, f"quy chế làm việc của {places}")
            notes.append(f"Chưa nạp quy chế của {places}: chỉ trả lời theo văn bản đã nạp.")
        answer = self._route(u)
        if answer.kind == "refusal" and u.scope_by_body_only and not _asks_a_number(u):
            answer = self._beyond_scope(u, answer)
        answer.question = question
        answer.notes = notes + answer.notes
        answer.citations = [c for c in answer.citations if self._verbatim(c)]
        if answer.kind in ("answer", "numeric") and not answer.citations:
            return self._refusal(
                question, "Không tìm thấy quy định phù hợp trong các văn bản đã nạp."
            )
        return answer

    def _turn_text(self, turn: Turn) -> str:
        text = sanitize(turn.content, self.settings.max_question_chars)[0]
        return self.normalize(text).text if turn.role == "user" else text

    def _ask_what(self, u: Understanding) -> Answer:
        """ "Còn ở Đồng Tháp thì sao?" with no conversation before it names a document and
        nothing to look up in it: ask, rather than answer with whatever clause is first."""
        named = [self.documents[d] for d in u.document_ids]
        where = f" trong {'; '.join(_short_name(d) for d in named)}" if named else ""
        return Answer(
            question=u.original,
            kind="clarification",
            answer=(
                f"Câu hỏi chưa nêu nội dung cần tra cứu{where}. Hãy hỏi cụ thể, ví dụ: "
                "«Ai quyết định triệu tập hội nghị?», «Hội nghị cần bao nhiêu người dự?». "
                "Nếu đây là câu hỏi tiếp theo, hãy hỏi trong cùng cuộc hội thoại."
            ),
            documents=[_doc_ref(d) for d in named],
        )

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
        silent = ", ".join(_short_name(self.documents[d]) for d in u.document_ids)
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
            for item in self._locate(u, self._retrieve(u))
        ]

    def _verbatim(self, citation: Citation) -> bool:
        doc = self.documents.get(citation.document_id)
        ok = doc is not None and citation.quote in doc.text
        if not ok:
            log.error("dropped a non-verbatim citation: %s", citation.cite_as)
        return ok

    def _route(self, u: Understanding) -> Answer:
        foreign = self._foreign_organizations(u)
        numeric = answer_numeric(u.text, self.rules, scope=list(u.document_ids) or None)
        # The rule module answers numbers: when the question asks for one, compares
        # documents on one, or asks who decides a given amount (of money, of land).
        wants_number = numeric is not None and (
            u.kind == "numeric"
            or (u.kind == "comparison" and numeric.frame.kind is not None)
            or (u.kind == "who_decides" and numeric.frame.measure is not None)
        )
        if numeric is not None and wants_number and (numeric.is_numeric or u.kind == "comparison"):
            terms = question_terms(u.text, self._name_terms)

            def topicality(rule: Rule) -> float:
                return self.stats.coverage(
                    terms, self._profile(f"{rule.article_title} {rule.sentence}")
                )

            composed = compose_numeric(
                u, numeric, self.documents, self._refusal_text(u), topicality
            )
            if (
                composed is not None
                and self._on_topic(u, composed)
                and self._first_citation_names(foreign, composed)
            ):
                return composed
        if foreign and u.kind == "numeric":
            # Numbers come from rules; no rule speaks of this organization, and a clause
            # that merely names it ("báo cáo ... Quốc hội") gives none of its numbers.
            return self._refuse_uncovered(
                u,
                self._locate(u, self._retrieve(u)),
                f"Các quy chế đã nạp không quy định con số được hỏi về {', '.join(foreign)} "
                "(các quy chế quy định công việc của cấp ủy, tổ chức đảng); không suy đoán.",
            )
        if u.reference is not None and u.kind in ("citation", "general"):
            return self._lookup(u)
        if not self._topic_terms(u):
            return self._ask_what(u)
        hits = self._retrieve(u)
        located = self._locate(u, hits)
        if not located or not self._covers(u, located[0]):
            return self._refuse_uncovered(u, located)
        top = located[0]
        if not self._names_any(foreign, f"{top.article.title} {top.clause.text}"):
            # "Quốc hội họp mấy kỳ?": the regulations govern Party bodies; a clause that
            # never names the organization asked about does not answer for it.
            return self._refuse_uncovered(
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
            missing = _numbers_not_in(u.text, f"{top.article.title} {top.article.text}")
        elif u.kind == "citation":
            # "Mức 03 tỷ đồng ở điều khoản nào?": the place of a number states it.
            missing = _numbers_not_in(u.text, top.quote, amounts=True)
        if missing:
            return self._refuse_uncovered(
                u,
                located,
                "Các quy chế đã nạp không quy định về nội dung này (điều khoản gần nhất không "
                f"nhắc tới: {', '.join(missing[:3])}).",
            )
        if u.kind == "procedure":
            return self._procedure(u, located)
        answer = self._per_document(u, located)
        lacking: list[DocumentNumeric] = []
        if wants_number and numeric is not None:
            shown = {d.document_id for d in answer.documents}
            lacking = [d for d in numeric.documents if d.no_rule and d.document_id in shown]
        if wants_number or u.kind == "numeric":
            shown_quotes = [c.quote for c in answer.citations if c.quote in answer.answer]
            if not any(_states_number(q) for q in shown_quotes) and (
                not u.document_ids or not lacking
            ):
                # No rule and the closest clauses give no number: the regulations do not
                # answer a "how many" question, however close their words are. (A document
                # named that has rules of other kinds is said to lack this one, below.)
                return self._refuse_uncovered(u, located, NO_NUMBER_MESSAGE)
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

    def _foreign_organizations(self, u: Understanding) -> list[str]:
        """Organizations outside the Party the question is about: named, with no Party body
        named, and not part of a document's own name ("Đảng ủy UBND tỉnh")."""
        if bodies_in(u.text):
            return []
        named = organizations_in(u.text)
        if not named:
            return []
        in_scope = list(u.document_ids) or list(self.documents)
        own = {o for doc_id in in_scope for o in self._organizations_named_by(doc_id)}
        return [o for o in named if o not in own]

    def _organizations_named_by(self, doc_id: str) -> frozenset[str]:
        """Organizations in a document's own name, read once per document: an unscoped
        question would otherwise read every document's name again."""
        if doc_id not in self._name_organizations:
            doc = self.documents[doc_id]
            self._name_organizations[doc_id] = frozenset(organizations_in(_meta_text(doc)))
        return self._name_organizations[doc_id]

    @staticmethod
    def _names_any(organizations: Sequence[str], text: str) -> bool:
        return not organizations or bool(set(organizations) & set(organizations_in(text)))

    def _first_citation_names(self, organizations: Sequence[str], answer: Answer) -> bool:
        """Whether the rule that answers (its sentence or its article's title) names one of
        ``organizations`` (trivially, when there are none)."""
        if not organizations or not answer.citations:
            return True
        first = answer.citations[0]
        article = self.documents[first.document_id].article(first.article, first.part)
        title = article.title if article is not None else ""
        return self._names_any(organizations, f"{first.quote} {title}")

    def _shares_phrase(self, u: Understanding, item: _Located) -> bool:
        """Beyond single words (folded, "thời tiết" and "thời" share a syllable), a question
        of three or more content words shares at least one two-word phrase with the clause
        it is answered from."""
        terms = self._topic_terms(u)
        singles = [t for t in terms if "_" not in t]
        phrases = [t for t in terms if "_" in t]
        if len(singles) < 3 or not phrases:
            return True
        clause = self._profile(f"{item.article.title} {item.clause.text}")
        return any(p in clause.terms for p in phrases)

    def _unknown_words(self, u: Understanding) -> list[str]:
        """Syllables ("thuế") and listed words ("hiệu trưởng") of the question that the
        corpus never uses, document names excepted."""
        names = self._meta_terms
        listed = self.stats.unknown_words(question_compounds(u.text), names)
        in_listed = {s for w in listed for s in w.split()}
        syllables = self.stats.unknown(question_terms(u.text), names)
        return [*listed, *(s for s in syllables if s not in in_listed)]

    def _min_coverage(self, u: Understanding) -> float:
        """A word the corpus never uses ("thuế", "hiệu trưởng") says the question is about
        something else: then the answer must cover the question much better."""
        return MIN_COVERAGE_WITH_UNKNOWN if self._unknown_words(u) else MIN_COVERAGE

    def _covers(self, u: Understanding, item: _Located) -> bool:
        """Whether the best clause answers the question. With a word the corpus never uses,
        the quoted sentence itself must cover it: a long clause lists many matters, and the
        question's words scattered across its points ("thu nhập" in one, "tiền lương" in
        another) do not say one thing."""
        bar = self._min_coverage(u)
        if item.coverage < bar or not self._shares_phrase(u, item):
            return False
        return bar == MIN_COVERAGE or item.focus >= bar

    def _on_topic(self, u: Understanding, answer: Answer) -> bool:
        """A rule of the right kind can still be about something else ("thời hạn giao đất"
        is no deadline of these regulations): the cited clause must cover the question."""
        if not answer.citations:
            return True
        # The unit asked for ("bao nhiêu tiền", "mấy ngày") is what the rule's value gives,
        # not a topic the clause must name.
        asked = set(_ASKED_UNIT.findall(fold(u.text)))
        terms = self.stats.weigh(
            [t for t in question_terms(u.text, self._name_terms) if fold(t) not in asked]
        )
        best = 0.0
        for citation in answer.citations[:3]:
            doc = self.documents[citation.document_id]
            article = doc.article(citation.article, citation.part)
            if article is None:
                continue
            # Words that name the document ("Quy chế mẫu Đảng ủy UBND tỉnh") count as covered.
            text = f"{article.title} {article.text} {_meta_text(doc)}"
            text = f"{text} {_same_meaning(text)}"
            best = max(best, self.stats.coverage(terms, self._profile(text)))
        return best >= MIN_NUMERIC_COVERAGE

    # --- retrieval ---------------------------------------------------------------------

    def _retrieve(self, u: Understanding) -> list[Hit]:
        # A wide pool: retrieval proposes, the coverage rerank below decides.
        top_k = max(self.settings.retrieval_top_k * 3, 30)
        scopes: list[tuple[str, ...]] = [u.document_ids]
        if 1 < len(u.document_ids) <= MAX_DOCUMENTS_SHOWN:
            # A few documents named (a comparison): each gets its own candidates.
            scopes = [(d,) for d in u.document_ids]
            top_k = max(3, top_k // len(scopes))
        hits: list[Hit] = []
        for scope in scopes:
            query = RetrievalQuery(
                text=u.text, document_ids=scope, top_k=top_k, boost_bodies=u.kind != "who_decides"
            )
            hits.extend(self.retriever.retrieve(query))
        return hits

    def _naming(self, u: Understanding) -> frozenset[str]:
        """Words that only name a document: place names and numbers of every document,
        plus a scoped document's issuing or governed body when the question spells it out
        ("Ai là chủ tài khoản của Đảng uỷ xã Tân Phú?" is not about "Đảng ủy xã")."""
        folded = fold(u.text)
        spelled: set[str] = set()
        for doc_id in u.document_ids:
            meta = self.documents[doc_id].meta
            for body in (meta.issuing_body, re.sub(r"\([^)]*\)", "", meta.governed_body)):
                key = fold(body).strip()
                if key and len(key.split()) >= 2 and key in folded:
                    spelled.update(text_terms(body))
        return self._name_terms | spelled if spelled else self._name_terms

    def _topic_terms(self, u: Understanding) -> list[str]:
        """The terms of the question without the words that name a document, nor a
        citation question's frame: "Điều nào của quy chế mẫu đảng ủy UBND tỉnh quy định chế
        độ báo cáo?" asks about "chế độ báo cáo"; a clause that names the template does
        not answer it."""
        name_words: frozenset[str] = frozenset()
        if u.names_document:
            name_words = frozenset(
                w for doc_id in u.document_ids for w in words(_meta_text(self.documents[doc_id]))
            )
        text = _without_citation_frame(u.text) if u.kind == "citation" else u.text
        return question_terms(text, self._naming(u), name_words)

    def _locate(self, u: Understanding, hits: Sequence[Hit]) -> list[_Located]:
        names = self._naming(u)
        topic = self._topic_terms(u)
        terms = self.stats.weigh(topic)
        syllables = content_syllables(u.text)
        content = [w for w in syllables if w not in names]
        located: list[_Located] = []
        for rank, hit in enumerate(hits):
            chunk = hit.chunk
            doc = self.documents.get(chunk.document_id)
            if doc is None:
                continue
            article = doc.article(chunk.article, chunk.part)
            if article is None:
                continue
            clause = next((c for c in article.clauses if c.number == chunk.clause), None)
            if clause is None:
                continue
            # For who-decides the article title names the holder of the power, not what
            # the question asks about: only the clause's own words count.
            covered = self._profile(chunk.text if u.kind == "who_decides" else chunk.index_text)
            coverage = self.stats.coverage(terms, covered)
            quote, point = self._best_sentence(u, terms, syllables, clause)
            quoted = self._profile(quote)
            focus = self.stats.coverage(terms, quoted)
            run = quoted.longest_run(content)
            if u.kind == "citation" and _has_own_title(article):
                # "Điều nào quy định chế độ phát ngôn ...": the article title names it.
                run = max(run, self._profile(article.title).longest_run(content))
            phrase = run / max(len(content), 1)
            score = 0.3 * coverage + 0.35 * focus + 0.3 * phrase + 0.05 / (rank + 1)
            located.append(
                _Located(
                    doc, article, clause, point, quote, score=score, coverage=coverage, focus=focus
                )
            )
        # Rerank: retrieval proposes, coverage of the question's content terms decides.
        if u.kind == "citation":
            # "Điều nào quy định chế độ báo cáo?": an article whose title says it comes
            # before a clause that merely mentions it ("báo cáo ... theo chế độ"); the
            # place of a number ("mức 03 tỷ đồng") states that number.
            return sorted(
                located,
                key=lambda item: (
                    len(_numbers_not_in(u.text, item.quote, amounts=True)),
                    not self._title_answers(topic, item),
                    -item.score,
                ),
            )
        return sorted(located, key=lambda item: -item.score)

    def _best_sentence(
        self, u: Understanding, terms: WeightedTerms, content: list[str], clause: Clause
    ) -> tuple[str, Point | None]:
        """The sentence of the clause that best covers the question (whole clause if short)."""
        text = clause.text
        if len(text) <= 400:
            return text, None
        best: tuple[float, int, int] | None = None
        for start, end in self._sentences(text):
            sentence = text[start:end]
            profile = self._profile(sentence)
            score = self.stats.coverage(terms, profile)
            score += 0.3 * profile.longest_run(content) / max(len(content), 1)
            if u.bodies and any(b in self._bodies(sentence) for b in u.bodies):
                score += 0.2
            if u.kind == "who_decides" and _DECISION_VERBS.search(" ".join(profile.syllables)):
                score += 0.1
            if u.kind == "citation":
                # the place of "mức 03 tỷ đồng" is the sentence that states it
                score -= len(_numbers_not_in(u.text, sentence, amounts=True))
            if best is None or score > best[0]:
                best = (score, start, end)
        if best is None:
            return text, None
        _, start, end = best
        if u.kind == "who_decides":
            end = self._to_the_action(u, text, start, end)
        quote = text[start:end]
        absolute = clause.start + start
        point = next((p for p in clause.points if p.start <= absolute < p.end), None)
        return quote, point

    def _to_the_action(self, u: Understanding, text: str, start: int, end: int) -> int:
        """The end of the quote, run on to the end of its sentence when the action asked
        about comes only there: "Các vụ án có liên quan ...; những vụ án ... đều phải có ý
        kiến chỉ đạo của thường trực huyện ủy." is one sentence, cut at ";" by the splitter."""
        action = _action(u.text)
        if not action or _phrase_span(action, fold(text[start:end])) is not None:
            return end
        for _, next_end in (span for span in self._sentences(text) if span[0] >= end):
            run_on = text[start:next_end]
            if not text[start:end].rstrip().endswith(";") or "\n" in text[end:next_end].strip():
                return end
            if len(run_on) > MAX_RUN_ON_QUOTE:
                return end
            if _phrase_span(action, fold(run_on)) is not None:
                return next_end
            end = next_end
        return end

    def _profile(self, text: str) -> TextProfile:
        profile = self._profiles.get(text)
        if profile is None:
            profile = self._profiles[text] = TextProfile(text)
        return profile

    def _sentences(self, text: str) -> list[tuple[int, int]]:
        spans = self._sentence_spans.get(text)
        if spans is None:
            spans = self._sentence_spans[text] = sentences(text)
        return spans

    def _bodies(self, text: str) -> list[str]:
        found = self._body_cache.get(text)
        if found is None:
            found = self._body_cache[text] = bodies_in(text)
        return found

    # --- compositions ------------------------------------------------------------------

    def _cite(self, item: _Located) -> Citation:
        try:
            return make_citation(item.doc, item.article, item.clause, item.point, item.quote)
        except QuoteNotVerbatimError:
            return make_citation(item.doc, item.article, item.clause)

    def _per_document(self, u: Understanding, located: list[_Located]) -> Answer:
        best_per_doc: dict[str, _Located] = {}
        for item in located:
            if item.coverage < MIN_COVERAGE:
                continue
            best_per_doc.setdefault(item.doc.id, item)
        chosen = list(best_per_doc.values())
        if len(u.document_ids) > 1 and u.scope_from_question:
            # Documents the question names are answered in the order it names them.
            chosen.sort(key=lambda item: u.document_ids.index(item.doc.id))
        single = bool(u.document_ids) and len(u.document_ids) == 1
        if single or (u.kind == "citation" and u.scope_from_question):
            chosen = chosen[:1]
        left_out = [_short_name(item.doc) for item in chosen[MAX_DOCUMENTS_SHOWN:]]
        chosen = chosen[:MAX_DOCUMENTS_SHOWN]
        lines: list[str] = []
        citations: list[Citation] = []
        topic = self._topic_terms(u) if u.kind == "citation" else []
        for item in chosen:
            if u.kind == "citation" and self._title_answers(topic, item):
                line, cited = self._article_claim(item)
                lines.append(line)
                citations += cited
                continue
            citation = self._cite(item)
            citations.append(citation)
            lines.append(self._claim(u, item, citation, several=len(chosen) > 1))
        # Supporting clauses from the first document, after the main ones (a clause
        # already cited, as one of an article's clauses, is not cited twice).
        places = {_place(c) for c in citations}
        for item in located[1:4]:
            if (
                item.doc.id == chosen[0].doc.id
                and item.coverage >= MIN_COVERAGE
                and item not in chosen
            ):
                citation = self._cite(item)
                if _place(citation) not in places:
                    places.add(_place(citation))
                    citations.append(citation)
        notes = []
        if len(chosen) > 1:
            notes.append(_agreement_note(chosen))
        if left_out:
            notes.append(
                f"Còn {len(left_out)} văn bản khác có quy định liên quan, chưa trình bày: "
                f"{'; '.join(left_out)}. Hãy nêu tên văn bản để xem."
            )
        answer_text = "\n\n".join(lines)
        return Answer(
            question=u.original,
            kind="answer",
            answer=answer_text,
            citations=citations,
            documents=[_doc_ref(i.doc) for i in chosen],
            notes=notes,
        )

    def _title_answers(self, topic: Sequence[str], item: _Located) -> bool:
        """Whether the article's title says what a citation question (its ``topic``
        terms) asks the place of. Words of the document's own name ("Đảng ủy Khối") say
        which document, not what."""
        if not _has_own_title(item.article):
            return False
        name = self._profile(_meta_text(item.doc)).terms
        asked = [t for t in topic if t not in name]
        if not asked:
            return False
        title = self._profile(item.article.title)
        return self.stats.coverage(self.stats.weigh(asked), title) >= MIN_TITLE_COVERAGE

    def _article_claim(self, item: _Located) -> tuple[str, list[Citation]]:
        """The article as the answer: cited whole (its heading), then its clauses in order,
        each by its first sentence."""
        doc, article = item.doc, item.article
        heading = article.text.split("\n", 1)[0].strip()
        citations = [make_citation(doc, article, quote=heading or None)]
        lines = [
            f"Theo {_short_name(doc)}, nội dung này được quy định tại Điều {article.number} "
            f"({article.title})."
        ]
        for clause in article.clauses[:MAX_CLAUSES_LISTED]:
            citation = make_citation(doc, article, clause, quote=self._opening(clause.text))
            citations.append(citation)
            lines.append(f"- khoản {clause.number}: «{citation.quote}»")
        more = len(article.clauses) - MAX_CLAUSES_LISTED
        if more > 0:
            lines.append(f"(và {more} khoản khác)")
        return "\n".join(lines), citations

    def _opening(self, text: str) -> str | None:
        """The first sentence of ``text`` that says something (not only "1." or "a)"),
        with the ones before it: a verbatim slice."""
        spans = self._sentences(text)
        for _, end in spans:
            if len(_LETTERS.findall(text[spans[0][0] : end])) >= MIN_OPENING_LETTERS:
                return text[spans[0][0] : end].strip() or None
        return text.strip() or None

    def _claim(self, u: Understanding, item: _Located, citation: Citation, several: bool) -> str:
        where = f"{location(citation.article, citation.clause, citation.point)}"
        doc_name = _short_name(item.doc)
        prefix = f"Theo {doc_name}"
        quote = item.quote.strip()
        if u.kind == "who_decides":
            body = _deciding_body(u, item, self._table_holder(u, item))
            shared = _SHARED.search(fold(item.quote))
            if not body:
                return f"{prefix}, {where} ({item.article.title}):\n«{quote}»"
            head = f"{prefix}: {body}"
            tail = ""
            if shared:
                tail = "\n(Điều khoản có nhắc tới ủy quyền/xin ý kiến/phối hợp — xem nguyên văn.)"
            return f"{head} ({where}, {item.article.title}).\n«{quote}»{tail}"
        if u.kind == "citation":
            return f"{prefix}, nội dung này được quy định tại {where} ({item.article.title}):\n«{quote}»"
        return f"{prefix}, {where} ({item.article.title}):\n«{quote}»"

    def _table_holder(self, u: Understanding, item: _Located) -> str:
        """Who the table of powers says acts in the quoted sentence (it reads the article's
        and the lead-in's holder, passives and points under "Thảo luận và quyết định:");
        among several acts there, the one whose action shares most of the question's."""
        key = (item.doc.id, item.article.part, item.article.number, item.clause.number)
        start = item.doc.text.find(item.quote, item.clause.start)
        if start < 0:
            return ""
        end = start + len(item.quote)
        here = [p for p in self._powers.get(key, []) if p.start < end and start < p.end]
        if not here:
            return ""
        asked = set(_action(u.text))
        best = max(here, key=lambda p: len(asked & set(words(p.action))))
        return best.body

    def _procedure(self, u: Understanding, located: list[_Located]) -> Answer:
        top = located[0]
        steps: list[tuple[str, Citation]] = []
        if len(top.clause.points) >= 2:
            for point in top.clause.points:
                steps.append((point.text, make_citation(top.doc, top.article, top.clause, point)))
        else:
            for start, end in sentences(top.clause.text):
                quote = top.clause.text[start:end]
                steps.append((quote, make_citation(top.doc, top.article, top.clause, None, quote)))
        steps = steps[:10]
        if len(steps) < 2:
            return self._per_document(u, located)
        where = location(top.article.number, top.clause.number)
        lines = [f"Theo {_short_name(top.doc)}, {where} ({top.article.title}), trình tự như sau:"]
        lines += [f"{n}. «{text.strip()}»" for n, (text, _) in enumerate(steps, 1)]
        others = [i for i in located[1:] if i.doc.id != top.doc.id and i.coverage >= MIN_COVERAGE]
        notes = []
        if others and not u.document_ids:
            names = ", ".join(dict.fromkeys(_short_name(i.doc) for i in others[:3]))
            notes.append(
                f"Các văn bản khác cũng có quy định liên quan: {names}. Hãy chọn văn bản để xem."
            )
        return Answer(
            question=u.original,
            kind="answer",
            answer="\n".join(lines),
            citations=[c for _, c in steps],
            documents=[_doc_ref(top.doc)],
            notes=notes,
        )

    def _lookup(self, u: Understanding) -> Answer:
        ref = u.reference
        assert ref is not None
        candidates = (
            [self.documents[d] for d in u.document_ids]
            if u.document_ids
            else list(self.documents.values())
        )
        found: list[tuple[Document, Article, Clause | None, Point | None]] = []
        for doc in candidates:
            article = doc.article(ref.article, ref.part)
            if article is None:
                continue
            clause = article.clause(ref.clause) if ref.clause is not None else None
            if ref.clause is not None and clause is None:
                continue
            point = None
            if ref.point and clause is not None:
                point = next((p for p in clause.points if p.id == ref.point), None)
            found.append((doc, article, clause, point))
        where = location(ref.article, ref.clause, ref.point)
        if not found:
            scope = "các văn bản đã chọn" if u.document_ids else "các văn bản đã nạp"
            return self._refusal(u.original, f"Không có {where} trong {scope}.")
        if len(found) > 1 and not u.document_ids:
            return Answer(
                question=u.original,
                kind="clarification",
                answer=(
                    f"Có {len(found)} văn bản có {where}. Bạn hỏi văn bản nào?\n"
                    + "\n".join(f"- {_short_name(d)} ({d.id}): {a.title}" for d, a, _, _ in found)
                ),
                citations=[make_citation(d, a, c, p) for d, a, c, p in found],
                documents=[_doc_ref(d) for d, _, _, _ in found],
            )
        doc, article, clause, point = found[0]
        citation = make_citation(doc, article, clause, point)
        heading = f"{location(article.number, clause.number if clause else None, point.id if point else None)}"
        return Answer(
            question=u.original,
            kind="answer",
            answer=f"{heading} {_short_name(doc)} ({article.title}):\n«{citation.quote}»",
            citations=[citation],
            documents=[_doc_ref(doc)],
        )

    # --- refusals ----------------------------------------------------------------------

    def _refusal_text(self, u: Understanding) -> str:
        return "Không tìm thấy quy định về nội dung này trong các văn bản đã nạp."

    def _refuse_uncovered(
        self, u: Understanding, located: list[_Located], message: str = ""
    ) -> Answer:
        if not message:
            unknown = self._unknown_words(u)
            message = "Các quy chế đã nạp không quy định về nội dung này"
            unknown = [t for t in unknown if len(t) <= 20]  # never echo junk back at length
            if unknown:
                message += f" (không văn bản nào nhắc tới: {', '.join(unknown[:5])})"
            message += "."
        related: list[_Located] = []
        for item in located:
            if len(related) == 3 or item.coverage < 0.3:
                break
            if all(
                (r.doc.id, r.article.number) != (item.doc.id, item.article.number) for r in related
            ):
                related.append(item)
        if related:
            message += "\nCác điều gần nhất có thể tham khảo:\n" + "\n".join(
                f"- {location(i.article.number)} {_short_name(i.doc)}: {i.article.title}"
                for i in related
            )
        return Answer(
            question=u.original,
            kind="refusal",
            answer=message,
            citations=[],
            documents=[_doc_ref(i.doc) for i in related],
        )

    def _not_loaded(self, question: str, what: str) -> Answer:
        """The question is about a committee whose regulation (or a law) is not loaded:
        answering from another committee's regulation would mix rules of different bodies."""
        docs = list(self.documents.values())
        listed = "\n".join(f"- {_short_name(d)}" for d in docs[:MAX_LISTED_DOCUMENTS])
        if len(docs) > MAX_LISTED_DOCUMENTS:
            listed += f"\n- … và {len(docs) - MAX_LISTED_DOCUMENTS} văn bản khác"
        message = (
            f"Chưa có {what} trong các văn bản đã nạp, nên không trả lời theo văn bản "
            "khác. Các văn bản đã nạp:\n"
            f"{listed}\nHãy nạp văn bản đó (quyche ingest, hoặc tải lên trong giao diện) "
            "hoặc hỏi theo một văn bản đã nạp."
        )
        return Answer(
            question=question,
            kind="refusal",
            answer=message,
            documents=[_doc_ref(d) for d in docs[:MAX_LISTED_DOCUMENTS]],
        )

    @staticmethod
    def _refusal(question: str, message: str) -> Answer:
        return Answer(question=question, kind="refusal", answer=message)


_ASKER = re.compile(
    r"\b(ai|co quan nao|cap nao|bo phan nao|don vi nao|nguoi nao|chuc danh nao|tap the nao|"
    r"ai co quyen|ai co tham quyen|thuoc tham quyen cua ai|do ai)\b"
)


# A body right after these words is an object ("phụ trách Văn phòng", "báo cáo Ban
# Thường vụ"), not the one acting.
_OBJECT_OF = re.compile(
    r"\b(phu trach|chi dao|giup|bao cao|trinh|voi|cho|cua|den|tu|giao|moi|xin y kien)\s+$"
)
# Words that only say "decides" before the action asked ("ai quyết định triệu tập ..."):
# the text writes the action ("... do Ban Thường vụ triệu tập").
_DECIDES = re.compile(r"^(?:(?:co tham quyen|co quyen|duoc quyen|quyet dinh|xem xet)\s+)+")
# A body named this many words or more before the action is not the one that acts
# ("Ban Chấp hành ... xem xét, đề nghị Bộ Chính trị ... cho ý kiến về giới thiệu nhân sự
# bầu"): the article's holder of the powers is.
MAX_WORDS_BODY_TO_ACTION = 8


def _action(question: str) -> list[str]:
    """The verb phrase asked about: the content words after "ai"/"cơ quan nào", or
    before it when the question ends with it ("... phải có ý kiến chỉ đạo của ai?")."""
    folded = fold(question)
    match = _ASKER.search(folded)
    tail = folded[match.end() :] if match else folded
    found = content_syllables(tail)[:4]
    if not found and match and _asks_whose(question):
        found = content_syllables(folded[: match.start()])[-4:]
    return found


def _asks_whose(question: str) -> bool:
    """ "... ý kiến chỉ đạo của ai?", "... do ai?": the body follows the action."""
    return bool(re.search(r"\b(?:cua|do|boi)\s+ai\s*\W*$", fold(question)))


def _deciding_body(u: Understanding, item: _Located, from_table: str = "") -> str:
    """The body that holds the power: the body named right before the action in the
    quoted sentence ("... thì Ban Thường vụ quyết định triệu tập ..."), else the actor the
    table of powers reads for that sentence, else the holder named in the article title
    ("Nhiệm vụ, quyền hạn của Ban Thường vụ")."""
    folded = fold(item.quote)
    mentions = find_bodies(item.quote)
    action = _action(u.text)
    span = _phrase_span(action, folded)
    if span is None:
        plain = _DECIDES.sub("", " ".join(action)).split()
        span = _phrase_span(plain, folded) if plain and plain != action else None
    position = span[0] if span else None
    title_bodies = bodies_in(item.article.title)
    if span is not None and _asks_whose(u.text):
        # "... đều phải có ý kiến chỉ đạo của thường trực huyện ủy": named right after
        after = next((m for m in mentions if m.start >= span[1]), None)
        if after is not None and re.fullmatch(
            r"\s*(?:cua|do|boi)\s+", folded[span[1] : after.start]
        ):
            return after.body
    if position is not None:
        segment_start = max(folded.rfind(";", 0, position), folded.rfind(".", 0, position)) + 1
        before = [
            m
            for m in mentions
            if segment_start <= m.start
            and m.end <= position
            and not _OBJECT_OF.search(folded[max(0, m.start - 16) : m.start])
        ]
        if before:
            gap = len(folded[before[-1].end : position].split())
            if gap < MAX_WORDS_BODY_TO_ACTION or not title_bodies:
                return before[-1].body
    if from_table:
        return from_table
    if title_bodies:
        return title_bodies[0]
    return ""


def _phrase_span(action: list[str], folded: str) -> tuple[int, int] | None:
    """Where in ``folded`` the longest prefix of ``action`` is written as a phrase."""
    for n in range(len(action), 0, -1):
        phrase = " ".join(action[:n])
        match = re.search(rf"(?<![a-z0-9]){re.escape(phrase)}(?![a-z0-9])", folded)
        if match:
            return match.span()
    return None


_PLACE_UNIT = re.compile(
    r"\b(?:tỉnh|huyện|xã|phường|thị trấn|thành phố|quận|thị xã|tỉnh ủy|tỉnh uỷ|huyện ủy)\s+", re.I
)


def _place_names(text: str) -> list[str]:
    """Capitalised words right after an administrative unit: "xã Tân Phú", "Tỉnh ủy Kon Tum"."""
    names = []
    for match in _PLACE_UNIT.finditer(text):
        run = []
        for word in re.findall(r"[^\s,.;:()]+", text[match.end() :]):
            if not word[:1].isupper():
                break
            run.append(word)
        if run:
            names.append(" ".join(run))
    return names


def _name_terms(doc: Document) -> set[str]:
    """Terms that name the document (place names, number): a question uses them to pick
    the document, not to say what it asks, so they never count as coverage."""
    m = doc.meta
    places = [m.province]
    for text in (m.issuing_body, m.governed_body, m.title):
        places.extend(_place_names(text))
    terms = text_terms(m.number)  # no abbreviation expansion: "TU" names, it is no topic
    for place in places:
        syllables = words(place)
        # A place of several syllables is left out where it is written whole: typed
        # without diacritics, "Đồng Tháp" must not take "động" out of "điều động".
        terms.update([" ".join(syllables)] if len(syllables) > 1 else text_terms(place))
    return terms


# "Điều nào quy định về ...", "... nằm ở điều, khoản nào": the frame of a citation question.
_CITATION_FRAME = re.compile(
    r"\b(?:(?:o\s+)?(?:dieu|khoan|diem)(?:\s*,?\s*(?:dieu|khoan|diem))*\s+(?:nao|may)|"
    r"quy dinh(?:\s+(?:ve|o dau|tai dau|gi))?|noi (?:gi|ve)|nam o|o dau)\b"
)


def _without_citation_frame(text: str) -> str:
    """``text`` without the words that ask for a place ("điều nào quy định về"). Each is
    replaced by a question word of its length, so the words on either side do not join
    into a phrase or a document's name ("tỉnh [quy định] chế độ")."""
    folded = fold(text)
    if len(folded) != len(text):
        return text  # offsets in the folded text would not be offsets in ``text``
    for m in reversed(list(_CITATION_FRAME.finditer(folded))):
        filler = "nào".ljust(m.end() - m.start())
        text = f"{text[: m.start()]}{filler}{text[m.end() :]}"
    return text


def _meta_text(doc: Document) -> str:
    """What the question may use to name the document: it counts as covered."""
    m = doc.meta
    return " ".join(
        [
            m.title,
            m.number,
            m.issuing_body,
            m.governed_body,
            m.province,
            m.term,
            m.term_years,
            doc.id,
        ]
    )


_ASKED_UNIT = re.compile(r"(?<![a-z])(?:bao nhieu|may) ([a-z]+)")
NO_NUMBER_MESSAGE = (
    "Các quy chế đã nạp không nêu con số được hỏi; không suy đoán một con số không có "
    "trong văn bản."
)
# A number as regulations write one: digits, number words, shares, a template blank, or a
# period ("hằng tháng") that answers "how often". Number words are read with their
# diacritics when the text has them ("nắm" is not "năm", "bà" is not "ba").
# "một số", "một cách", "một trong": "some", "in a way", "one of", not a value; "phần"
# is a number only after one ("hai phần ba"), never in "thành phần".
_NUMBER_WORDS = (
    r"một(?! (?:số|cách|vài|khi|trong))|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mươi|trăm|nửa"
)
_NUMBER_STATED = re.compile(
    r"\d|(?:\.{3,}|…+)\s*(?:ngay|lan|thang|tuan|nguoi|uy vien|thanh vien|ty|trieu|dong|hang|buoi|gio|%)"
    r"|(?<![a-z])(?:ngay|nhat|qua|tu|truoc|so|den)\s*(?:\.{3,}|…+)"
    r"|(?<![a-z])(?:hang|moi) (?:ngay|tuan|thang|quy|nam)(?![a-z])|dinh ky|thuong ky"
)
_NUMBER_WORD = re.compile(rf"(?<!\w)(?:{_NUMBER_WORDS})(?!\w)")
_NUMBER_WORD_FOLDED = re.compile(rf"(?<![a-z])(?:{fold(_NUMBER_WORDS)})(?![a-z])")
# "2/-", "(1)-", "3.2.", "c)" opening an item: a position in a list, not a value.
_ITEM_LABEL = re.compile(r"(?:^|(?<=\s))\(?(?:\d{1,2}(?:\.\d{1,2})*|[a-zđ])\)?[/.)\-]+-?(?=\s|$)")


def _states_number(quote: str) -> bool:
    """Whether a quote gives a number: a value in its words, or a list of two or more
    items (which answers "gồm mấy bước")."""
    if len(_ITEM_LABEL.findall(quote)) >= 2:
        return True
    text = _ITEM_LABEL.sub(" ", quote)
    folded = fold(text)
    if _NUMBER_STATED.search(folded):
        return True
    if has_diacritics(text):
        return bool(_NUMBER_WORD.search(text.lower()))
    return bool(_NUMBER_WORD_FOLDED.search(folded))


# A number that says what the question is about ("Huy hiệu 30 năm", "đảng viên 18
# tuổi"): not a document number ("09-QC/TU"), a year, an article reference, or an amount
# the rule module reads.
_ABOUT_NUMBER = re.compile(
    r"(?<![\w/.,-])(?P<n>\d{1,3})(?![\w/.,-])(?!\s*(?:ty|ti|trieu|nghin|dong|ha|m2|%))"
)
_REFERENCE_BEFORE = re.compile(r"(?:dieu|khoan|diem|chuong|muc|so|phan|quyet dinh|quy che)\s*$")


# Any number of the question, amounts included: what a citation question looks for
# ("Mức 03 tỷ đồng ở điều khoản nào?").
# A number with a unit is an amount, whatever the word before ("mức 03 tỷ" folds to
# "muc 03 ty", and "mục 3" is a section).
_AMOUNT_UNIT = re.compile(r"\s*(?:ty|ti|trieu|nghin|dong|ngay|thang|tuan|lan|gio|ha|m2|%)(?![a-z])")
_ANY_NUMBER = re.compile(r"(?<![\w/.,-])(?P<n>\d{1,4})(?![\w.,-])")


def _numbers_not_in(question: str, text: str, amounts: bool = False) -> list[str]:
    """Numbers the question is about that ``text`` (digits or words) never states; with
    ``amounts``, amounts of money, land and shares count too."""
    q = fold_aligned(question)  # same offsets as the question, to echo its own words
    asked = [
        m
        for m in (_ANY_NUMBER if amounts else _ABOUT_NUMBER).finditer(q)
        if _AMOUNT_UNIT.match(q, m.end())
        or not _REFERENCE_BEFORE.search(q[max(0, m.start() - 14) : m.start()])
    ]
    if not asked:
        return []
    stated = _stated_numbers(text)
    missing = []
    for m in asked:
        if int(m.group("n")) not in stated:
            unit = re.match(r"\s*[a-z]+", q[m.end() :])
            missing.append(question[m.start() : m.end() + (unit.end() if unit else 0)].strip())
    return missing


def _stated_numbers(text: str) -> set[int]:
    folded = fold(_ITEM_LABEL.sub(" ", text))  # "(3)", "2.1-" label items, state nothing
    stated = {int(n) for n in re.findall(r"\d+", folded)}
    stated |= {
        value
        for words in re.findall(rf"(?<![a-z]){STRICT_NUMBER}(?![a-z])", folded)
        if (value := read_number(words)) is not None
    }
    return stated


def _short_name(doc: Document) -> str:
    meta = doc.meta
    name = meta.title or doc.source_file
    extra = meta.number or meta.issuing_body
    return f"{name} ({extra})" if extra else name


def _doc_ref(doc: Document) -> DocumentRef:
    meta = doc.meta
    return DocumentRef(
        document_id=doc.id, title=meta.title, number=meta.number, issuing_body=meta.issuing_body
    )


def _agreement_note(items: Sequence[_Located]) -> str:
    texts = {fold(i.quote) for i in items}
    if len(texts) == 1:
        return "Các văn bản quy định giống nhau về nội dung này."
    return (
        "Câu hỏi không nêu văn bản nào và các văn bản quy định khác nhau, nên mỗi văn bản được "
        "trình bày riêng. Hãy nêu tên văn bản (tỉnh, số hiệu, cấp) để chỉ xem một văn bản."
    )


__all__ = ["Answerer", "NumericResult"]


def _has_own_title(article: Article) -> bool:
    """Whether the heading names the article: "Điều 2. Các tỉnh ủy ... căn cứ Quy chế mẫu
    để chỉ đạo ..." (a decision's article) has no title; its first words are its text."""
    first = article.clauses[0].text.lstrip() if article.clauses else ""
    return bool(article.title) and not first.startswith(article.title.strip())


def _place(citation: Citation) -> tuple[str, str, int, int | None, str | None]:
    return (citation.document_id, citation.part, citation.article, citation.clause, citation.point)


# Words the regulations use for one thing ("hội nghị bất thường" in one, "họp đột xuất"
# in another): a question in either words is about a clause in the other.
_SAME_MEANING: tuple[tuple[str, ...], ...] = (("đột xuất", "bất thường"),)


def _same_meaning(text: str) -> str:
    """The other words for what ``text`` says, from :data:`_SAME_MEANING`."""
    folded = fold(text)
    found = [
        other
        for group in _SAME_MEANING
        if any(fold(word) in folded for word in group)
        for other in group
    ]
    return " ".join(found)


def _asks_a_number(u: Understanding) -> bool:
    """A question the rule module reads as one for a number (a deadline, a frequency)."""
    return u.kind == "numeric" or read_question(u.text).kind is not None
