"""Clauses located for a question: retrieved, read for the sentence that answers
(`assistant/quotes.py`), reranked by coverage of the question's terms."""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from assistant.asks import listed_categories
from assistant.cases import case_written, comment_written, sets_a_case
from assistant.coverage import TermStats, TextProfile, WeightedTerms
from assistant.document_names import meta_text, name_terms, without_names
from assistant.function_words import (
    body_question_pattern,
    function_words,
    wording_pattern,
)
from assistant.power_match import PowerMatch
from assistant.quantity_roles import as_absence
from assistant.quotes import HELD_BONUS, QuoteFinder, body_verb_pairs
from assistant.same_meaning import with_same_meaning
from assistant.sentence_subjects import acts_as_asked, meetings_of, opens_with_meeting_of
from assistant.stated_numbers import numbers_not_in
from assistant.terms import content_syllables, folded_term, question_terms, text_terms
from assistant.understand import Understanding
from index.document_numbers import document_name_phrases
from index.models import Hit, RetrievalQuery
from index.retrieve import HybridRetriever
from ingest.models import Article, Chunk, Clause, Document, Point
from ingest.normalize import fold, words
from ingest.powers import Power
from ingest.settings import Settings

# Below this IDF-weighted share of the question's content terms found in the best
# clause, the corpus is taken not to cover the question (calibrated on the eval set).
MIN_COVERAGE = 0.35
MAX_DOCUMENTS_SHOWN = 5
# A who-question's clause whose own words cover none of the question counts its
# article's title at this share of its weight.
TITLE_ONLY_SHARE = 0.5
# "Điều nào nói về lưu trữ hồ sơ?": when the article's title covers this much of the
# question, the whole article is the answer (cited as "Điều 16", its clauses in order).
MIN_TITLE_COVERAGE = 0.6
# What one shared (body, verb) pair adds to a located clause's score (two at most).
PAIR_WEIGHT = 0.05
# What a clause that names a follow-up's new body (or whose article does) gains.
NEW_BODY_WEIGHT = 0.05
# What a clause that writes the case a question sets ("Trường hợp Ban Thường vụ không
# đồng ý ..." for "... mà BTV không đồng ý thì ...") gains, times the share of the
# clause's case the question writes (from this share up).
CASE_WEIGHT = 0.2
# ... and by the share of a power's action there that a who-question writes.
POWER_WEIGHT = 0.2
# ... and by naming the meeting of the body whose meeting the question names.
OWNER_WEIGHT = 0.2


def body_questions_in(text: str) -> frozenset[str]:
    """The questions for a body ("ai có quyền", "cấp nào") a text asks, folded: what a
    who-decides question asks, which no clause must write."""
    return frozenset(m.group() for m in body_question_pattern().finditer(fold(text)))


@dataclass(frozen=True)
class Located:
    """A retrieved clause with the sentence that best answers the question."""

    doc: Document
    article: Article
    clause: Clause
    point: Point | None
    quote: str
    score: float
    coverage: float
    focus: float  # the same share, in the quoted sentence alone
    writes_case: bool = False  # it opens with the case the question sets


class ClauseLocator:
    """Retrieval proposes clauses; this reads each for the sentence that answers the
    question and reranks them by how much of the question they cover."""

    def __init__(
        self,
        *,
        documents: Mapping[str, Document],
        chunks: Sequence[Chunk],
        retriever: HybridRetriever,
        settings: Settings,
        powers: Sequence[Power] = (),
    ) -> None:
        self.documents = dict(documents)
        self._chunks = {(c.document_id, c.part, c.article, c.clause): c for c in chunks}
        self._held: dict[tuple[str, str], list[Power]] = {}
        for power in powers:
            self._held.setdefault((power.body, power.act), []).append(power)
        self._powers = PowerMatch(powers)
        self.retriever = retriever
        self.settings = settings
        self.stats = TermStats(c.index_text for c in chunks)
        self.quotes = QuoteFinder(self.stats)
        docs = list(self.documents.values())
        self.name_terms = frozenset(t for d in docs for t in name_terms(d))
        # Words a document writes outside its articles (its header, its preamble: "Chi bộ
        # ấp ..."): the question may use them, though no clause does.
        self.meta_terms = frozenset(
            text_terms(" ".join(f"{meta_text(d)} {outside_articles(d)}" for d in docs))
        )

    def retrieve(self, u: Understanding) -> list[Hit]:
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

    def naming(self, u: Understanding) -> frozenset[str]:
        """Words that only name a document: place names and numbers of every document,
        plus a scoped document's issuing or governed body when the question spells it out
        ("Ai giữ con dấu của Đảng ủy xã Bình An?" is not about "Đảng ủy xã")."""
        folded = fold(u.text)
        spelled: set[str] = set()
        for doc_id in u.document_ids:
            meta = self.documents[doc_id].meta
            for body in (meta.issuing_body, re.sub(r"\([^)]*\)", "", meta.governed_body)):
                key = fold(body).strip()
                if key and len(key.split()) >= 2 and key in folded:
                    spelled.update(text_terms(body))
        # "Quyết định 261", "quy chế 09": the kind and number name the document
        spelled.update(document_name_phrases(u.text, list(self.documents.values())))
        return self.name_terms | spelled if spelled else self.name_terms

    def name_words(self, u: Understanding) -> frozenset[str]:
        """The words of the names of the documents the question names, and the pairs of
        them the names write side by side ("tan phu"); none when it names none."""
        if not u.names_document:
            return frozenset()
        names = [words(meta_text(self.documents[doc_id])) for doc_id in u.document_ids]
        pairs = {f"{a} {b}" for name in names for a, b in itertools.pairwise(name)}
        return frozenset(w for name in names for w in name) | pairs

    def topic_terms(self, u: Understanding) -> list[str]:
        """The terms of the question without the words that name a document, nor a
        citation question's frame: "Khoản nào trong bản mẫu dành cho đảng ủy cơ quan nói về lưu
        trữ hồ sơ?" asks about "lưu trữ hồ sơ"; a clause that names the template does
        not answer it."""
        name_words = self.name_words(u)
        text = without_citation_frame(u.asked_text) if u.kind == "citation" else u.asked_text
        text = as_absence(text)  # "không dự được" is what the regulations call "vắng"
        exclude = self.naming(u)
        if u.asks_number:
            # "tỷ lệ tán thành": the kind of number asked, which a rule states as "2/3"
            exclude = exclude | {fold(w) for w in function_words().measure_nouns}
        if u.kind == "who_decides":
            exclude = exclude | body_questions_in(text)
        return question_terms(text, exclude, name_words)

    def held(self, u: Understanding) -> dict[tuple[str, str, int, int | None], str]:
        """The clauses where the table of powers gives a follow-up's new body the act
        asked of the previous one ("còn Phó Bí thư thì ký gì?"), with that act's span."""
        if not u.new_body:
            return {}
        scope = set(u.document_ids)
        return {
            (p.document_id, p.part, p.article, p.clause): p.quote
            for act in u.acts
            for p in self._held.get((u.new_body, act), ())
            if not scope or p.document_id in scope
        }

    def with_held(self, u: Understanding, hits: Sequence[Hit]) -> list[Hit]:
        """``hits`` and the clauses :meth:`held` names that retrieval left out."""
        seen = {(h.chunk.document_id, h.chunk.part, h.chunk.article, h.chunk.clause) for h in hits}
        extra = [
            Hit(chunk=self._chunks[key], score=0.0, retriever="fused")
            for key in self.held(u)
            if key not in seen and key in self._chunks
        ]
        return [*hits, *extra]

    def locate(self, u: Understanding, hits: Sequence[Hit]) -> list[Located]:
        held = self.held(u)
        hits = self.with_held(u, hits) if held else hits
        names = self.naming(u)
        topic = self.topic_terms(u)
        terms = self.stats.weigh(topic)
        members = self._members_asked(u, topic)
        syllables = content_syllables(u.text)
        content = [w for w in syllables if w not in names]
        located: list[Located] = []
        # (the place that names a document is no word paired with a body: "Thường trực
        # Đảng ủy xã Hòa An họp ..." pairs the body with "họp")
        unnamed = without_names(u.text, list(self.documents.values()))
        asked_pairs = body_verb_pairs(unnamed, nearest=True)
        case = self.profile(u.circumstance) if sets_a_case(u) else None
        # "hội nghị BCH ... ai triệu tập?": the clause about that body's meeting
        owners = meetings_of(u.text) if u.kind == "who_decides" else frozenset()
        # a who-question is answered by a clause where a body holds what it asks about
        # (of one ask: with several, one ask's power must not take the others' place)
        asked = frozenset(syllables) if u.kind == "who_decides" and u.asks < 2 else frozenset()
        for rank, hit in enumerate(hits):
            chunk = hit.chunk
            found = self._clause_of(chunk)
            if found is None:
                continue
            doc, article, clause = found
            # For who-decides the article title names the holder of the power, not what
            # the question asks about: only the clause's own words count.
            covered = self.profile(
                with_same_meaning(chunk.text if u.kind == "who_decides" else chunk.index_text)
            )
            coverage = self._coverage(terms, members, covered)
            if u.kind == "who_decides" and not coverage:
                # ... unless they cover none of it: "áp dụng cho những ai" asks who the
                # article is about, and its title ("Phạm vi áp dụng") says it, weighed less
                titled = self.profile(with_same_meaning(chunk.index_text))
                coverage = TITLE_ONLY_SHARE * self.stats.coverage(terms, titled)
            span = held.get((doc.id, article.part, article.number, clause.number), "")
            quote, point, core = self.quotes.best_sentence(u, terms, syllables, clause, span)
            # (ranked by the sentence that answers, not the neighbours quoted beside it)
            quoted = self.profile(with_same_meaning(core))
            focus = self._coverage(terms, members, quoted)
            run = quoted.longest_run(content)
            if u.kind == "citation" and has_own_title(article):
                # "Điều nào nói về lưu trữ hồ sơ ...": the article title names it.
                run = max(run, self.profile(article.title).longest_run(content))
            phrase = run / max(len(content), 1)
            score = 0.3 * coverage + 0.35 * focus + 0.3 * phrase + 0.05 / (rank + 1)
            if asked_pairs and self.quotes.names_asked(asked_pairs, core):
                # a body with the verb asked, in either order, in the quoted words
                score += PAIR_WEIGHT * min(len(asked_pairs & body_verb_pairs(core)), 2)
            if span:
                score += HELD_BONUS
            if asked:
                place = (doc.id, article.part, article.number, clause.number)
                score += POWER_WEIGHT * self._powers.share(place, asked)
            if owners and opens_with_meeting_of(core, owners):
                score += OWNER_WEIGHT
            case_share = (
                self._case_written(case, clause.text)
                if case is not None and comment_written(u, clause.text)
                else 0.0
            )
            score += CASE_WEIGHT * case_share
            if u.new_body and self._names_new_body(u, article, clause, core):
                # "còn Thường trực thì sao?": the new body's own clause, not the last one's
                score += NEW_BODY_WEIGHT
            located.append(
                Located(
                    doc,
                    article,
                    clause,
                    point,
                    quote,
                    score=score,
                    coverage=coverage,
                    focus=focus,
                    writes_case=case_share > 0,
                )
            )
        return self._reranked(u, topic, located)

    def _members_asked(self, u: Understanding, topic: Sequence[str]) -> WeightedTerms | None:
        """A list question's terms without the noun it asks the members of ("những hình
        thức nào": the clause may list them, "khiển trách, cảnh cáo", without the word)."""
        category = listed_categories(u.text) if u.lists else frozenset()
        if not category:
            return None
        words = {w for c in category for w in c.split()}
        return self.stats.weigh([t for t in topic if not set(folded_term(t).split("_")) & words])

    def _coverage(
        self, terms: WeightedTerms, members: WeightedTerms | None, profile: TextProfile
    ) -> float:
        """The share of ``terms`` covered; of a list question, the better of with and
        without the noun for its members."""
        covered = self.stats.coverage(terms, profile)
        return covered if members is None else max(covered, self.stats.coverage(members, profile))

    def _case_written(self, case: TextProfile, text: str) -> float:
        return case_written(self.stats, case, text)

    def _clause_of(self, chunk: Chunk) -> tuple[Document, Article, Clause] | None:
        """The document, article and clause a chunk was cut from (None when not loaded)."""
        doc = self.documents.get(chunk.document_id)
        if doc is None:
            return None
        article = doc.article(chunk.article, chunk.part, chunk.article_suffix)
        if article is None:
            return None
        clause = next((c for c in article.clauses if c.number == chunk.clause), None)
        if clause is None:
            return None
        return doc, article, clause

    def _reranked(
        self, u: Understanding, topic: Sequence[str], located: list[Located]
    ) -> list[Located]:
        """Retrieval proposes, coverage of the question's content terms decides."""
        if u.kind == "citation":
            # "Điều nào nói về lưu trữ hồ sơ?": an article whose title says it comes
            # before a clause that merely mentions it ("lưu trữ ... theo hồ sơ"); the
            # place of a number ("mức 03 tỷ đồng") states that number.
            return sorted(
                located,
                key=lambda item: (
                    len(numbers_not_in(u.text, item.quote, amounts=True)),
                    not self.title_answers(topic, item),
                    -item.score,
                ),
            )
        ranked = sorted(located, key=lambda item: -item.score)
        if u.new_body:
            # "còn Thường trực thì sao?": the new body's own clauses answer, when any does
            own = [i for i in ranked if self._names_new_body(u, i.article, i.clause, i.quote)]
            return own or ranked
        return ranked

    def _names_new_body(
        self, u: Understanding, article: Article, clause: Clause, quote: str
    ) -> bool:
        """Whether the clause is about the follow-up's new body: the first body its article
        title, its own text or the sentence quoted from it names (its holder, its subject)
        is that body ("A họp ba tháng một lần; B họp hằng tháng" is about B too)."""
        firsts = [
            found[0] for text in (article.title, clause.text) if (found := self.quotes.bodies(text))
        ]
        if u.new_body in firsts:
            return True
        # "A họp ba tháng một lần. B họp hằng tháng": a sentence of the quote whose
        # subject is the new body, doing what the question asks
        asked = frozenset(words(u.text))
        return acts_as_asked(u.new_body, quote, asked)

    def profile(self, text: str) -> TextProfile:
        return self.quotes.profile(text)

    def sentences(self, text: str) -> list[tuple[int, int]]:
        return self.quotes.sentences(text)

    def title_answers(self, topic: Sequence[str], item: Located) -> bool:
        """Whether the article's title says what a citation question (its ``topic``
        terms) asks the place of. Words of the document's own name ("Đảng ủy Khối") say
        which document, not what."""
        if not has_own_title(item.article):
            return False
        name = self.profile(meta_text(item.doc)).terms
        asked = [t for t in topic if t not in name]
        if not asked:
            return False
        title = self.profile(item.article.title)
        return self.stats.coverage(self.stats.weigh(asked), title) >= MIN_TITLE_COVERAGE


# "Điều nào quy định về ...", "... nằm ở điều, khoản nào": the frame of a citation question.
CITATION_FRAME = re.compile(
    r"\b(?:(?:o\s+)?(?:dieu|khoan|diem)(?:\s*,?\s*(?:dieu|khoan|diem))*\s+(?:nao|may)|"
    r"quy dinh(?:\s+(?:ve|o dau|tai dau|gi))?|noi (?:gi|ve)|nam o|o dau|dieu khoan)\b"
)


def without_citation_frame(text: str) -> str:
    """``text`` without the words that ask for a place ("điều nào quy định về"). Each is
    replaced by a question word of its length, so the words on either side do not join
    into a phrase or a document's name ("tỉnh [quy định] chế độ")."""
    folded = fold(text)
    if len(folded) != len(text):
        return text  # offsets in the folded text would not be offsets in ``text``
    # and the words that ask for its wording ("trích nguyên văn câu ..."): exact where
    # typed with diacritics, only the unambiguous phrases where folded
    lower = text.lower()
    spans = [
        *CITATION_FRAME.finditer(folded),
        *wording_pattern(accented=False).finditer(folded),
        *wording_pattern(accented=True).finditer(lower if len(lower) == len(text) else ""),
    ]
    for start, end in sorted({(m.start(), m.end()) for m in spans}, reverse=True):
        filler = "nào".ljust(end - start)
        text = f"{text[:start]}{filler}{text[end:]}"
    return text


def outside_articles(doc: Document) -> str:
    """The text no article holds: the header, a preamble, a regulation's own header after
    its enacting decision, the signature."""
    gaps, at = [], 0
    for article in sorted(doc.articles, key=lambda a: a.start):
        gaps.append(doc.text[at : article.start])
        at = max(at, article.end)
    gaps.append(doc.text[at:])
    return " ".join(gaps)


def has_own_title(article: Article) -> bool:
    """Whether the heading names the article: "Điều 2. Các tỉnh ủy ... căn cứ Quy chế mẫu
    để chỉ đạo ..." (a decision's article) has no title; its first words are its text."""
    first = article.clauses[0].text.lstrip() if article.clauses else ""
    return bool(article.title) and not first.startswith(article.title.strip())
