"""Clauses located for a question: retrieved, read for the sentence that answers, reranked
by coverage of the question's terms."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from assistant.coverage import TermStats, TextProfile, WeightedTerms
from assistant.deciding_body import (
    DECISION_VERBS,
    asked_action,
    phrase_span,
)
from assistant.document_names import meta_text, name_terms
from assistant.function_words import wording_pattern
from assistant.sentences import sentences
from assistant.stated_numbers import (
    numbers_not_in,
)
from assistant.terms import content_syllables, question_terms, text_terms
from assistant.understand import Understanding
from index.document_numbers import document_name_phrases
from index.models import Hit, RetrievalQuery
from index.retrieve import HybridRetriever
from ingest.bodies import BODIES, bodies_in, find_bodies
from ingest.models import Article, Chunk, Clause, Document, Point
from ingest.normalize import fold, words
from ingest.powers import Power
from ingest.settings import Settings

# Below this IDF-weighted share of the question's content terms found in the best
# clause, the corpus is taken not to cover the question (calibrated on the eval set).
MIN_COVERAGE = 0.35
# A quote run on past ";" to reach the action asked about stays under this many characters.
MAX_RUN_ON_QUOTE = 900
MAX_DOCUMENTS_SHOWN = 5
# "Điều nào nói về lưu trữ hồ sơ?": when the article's title covers this much of the
# question, the whole article is the answer (cited as "Điều 16", its clauses in order).
MIN_TITLE_COVERAGE = 0.6
# What one shared (body, verb) pair adds to a sentence's score, and to a located clause's
# (two at most).
PAIR_BONUS = 0.15
PAIR_WEIGHT = 0.05
# What a clause gains where the table of powers gives a follow-up's new body the act asked
# of the previous body: that body's own clause for the same act.
HELD_BONUS = 0.3
# What a clause that names a follow-up's new body (or whose article does) gains.
NEW_BODY_WEIGHT = 0.05


# A point quoted whole instead of its best sentence: at most this long, covering this much
# more of the question.
MAX_POINT_QUOTE = 600
POINT_MARGIN = 0.2


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
        self.retriever = retriever
        self.settings = settings
        self.stats = TermStats(c.index_text for c in chunks)
        # Per-process caches of text analysis (clauses and sentences are immutable).
        self._profiles: dict[str, TextProfile] = {}
        self._sentence_spans: dict[str, list[tuple[int, int]]] = {}
        self._body_cache: dict[str, list[str]] = {}
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

    def topic_terms(self, u: Understanding) -> list[str]:
        """The terms of the question without the words that name a document, nor a
        citation question's frame: "Khoản nào trong quy chế mẫu của đảng ủy khối nói về lưu
        trữ hồ sơ?" asks about "lưu trữ hồ sơ"; a clause that names the template does
        not answer it."""
        name_words: frozenset[str] = frozenset()
        if u.names_document:
            name_words = frozenset(
                w for doc_id in u.document_ids for w in words(meta_text(self.documents[doc_id]))
            )
        text = without_citation_frame(u.text) if u.kind == "citation" else u.text
        return question_terms(text, self.naming(u), name_words)

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
        syllables = content_syllables(u.text)
        content = [w for w in syllables if w not in names]
        located: list[Located] = []
        asked_pairs = body_verb_pairs(u.text)
        for rank, hit in enumerate(hits):
            chunk = hit.chunk
            doc = self.documents.get(chunk.document_id)
            if doc is None:
                continue
            article = doc.article(chunk.article, chunk.part, chunk.article_suffix)
            if article is None:
                continue
            clause = next((c for c in article.clauses if c.number == chunk.clause), None)
            if clause is None:
                continue
            # For who-decides the article title names the holder of the power, not what
            # the question asks about: only the clause's own words count.
            covered = self.profile(chunk.text if u.kind == "who_decides" else chunk.index_text)
            coverage = self.stats.coverage(terms, covered)
            span = held.get((doc.id, article.part, article.number, clause.number), "")
            quote, point = self._best_sentence(u, terms, syllables, clause, span)
            quoted = self.profile(quote)
            focus = self.stats.coverage(terms, quoted)
            run = quoted.longest_run(content)
            if u.kind == "citation" and has_own_title(article):
                # "Điều nào nói về lưu trữ hồ sơ ...": the article title names it.
                run = max(run, self.profile(article.title).longest_run(content))
            phrase = run / max(len(content), 1)
            score = 0.3 * coverage + 0.35 * focus + 0.3 * phrase + 0.05 / (rank + 1)
            if asked_pairs and self._names_asked(asked_pairs, quote):
                # a body with the verb asked, in either order, in the quoted words
                score += PAIR_WEIGHT * min(len(asked_pairs & body_verb_pairs(quote)), 2)
            if span:
                score += HELD_BONUS
            if u.new_body and self._names_new_body(u, article, clause):
                # "còn Thường trực thì sao?": the new body's own clause, not the last one's
                score += NEW_BODY_WEIGHT
            located.append(
                Located(
                    doc, article, clause, point, quote, score=score, coverage=coverage, focus=focus
                )
            )
        # Rerank: retrieval proposes, coverage of the question's content terms decides.
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
            own = [i for i in ranked if self._names_new_body(u, i.article, i.clause)]
            return own or ranked
        return ranked

    def _names_new_body(self, u: Understanding, article: Article, clause: Clause) -> bool:
        """Whether the clause is about the follow-up's new body: the first body its article
        title or its own text names (its holder, its subject) is that body."""
        firsts = [
            found[0] for found in (self.bodies(article.title), self.bodies(clause.text)) if found
        ]
        return u.new_body in firsts

    def _best_sentence(
        self,
        u: Understanding,
        terms: WeightedTerms,
        content: list[str],
        clause: Clause,
        held: str = "",
    ) -> tuple[str, Point | None]:
        """The sentence of the clause that best covers the question (whole clause if short)."""
        text = clause.text
        if len(text) <= 400:
            return text, None
        best: tuple[float, int, int] | None = None
        asked_pairs = body_verb_pairs(u.text)
        for start, end in self.sentences(text):
            sentence = text[start:end]
            profile = self.profile(sentence)
            score = self.stats.coverage(terms, profile)
            score += 0.3 * profile.longest_run(content) / max(len(content), 1)
            if asked_pairs and self._names_asked(asked_pairs, sentence):
                # "họp BTV" and "Ban Thường vụ họp": a body with its verb, in either order
                shared = asked_pairs & body_verb_pairs(sentence)
                score += PAIR_BONUS * min(len(shared), 2)
            if u.bodies and any(b in self.bodies(sentence) for b in u.bodies):
                score += 0.2
            if u.kind == "who_decides" and DECISION_VERBS.search(" ".join(profile.syllables)):
                score += 0.1
            if held and (held in sentence or sentence in held):
                score += HELD_BONUS
            if u.kind == "citation":
                # the place of "mức 03 tỷ đồng" is the sentence that states it
                score -= len(numbers_not_in(u.text, sentence, amounts=True))
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
        # (a procedure quotes whole clauses and their steps: no point stands for them)
        spread = None if u.kind == "procedure" else self._spread_over_a_point(terms, clause, quote)
        if spread is not None:
            return spread.text.strip(), spread
        return quote, point

    def _spread_over_a_point(
        self, terms: WeightedTerms, clause: Clause, quote: str
    ) -> Point | None:
        """A point (a dash, a lettered item) of a few sentences that covers the question
        far better than the best single sentence: its words are spread over them ("Công
        đoàn ... báo cáo định kỳ ... Sáu tháng một lần báo cáo ..."), so it is quoted whole."""
        alone = self.stats.coverage(terms, self.profile(quote))
        best: tuple[float, Point] | None = None
        for point in clause.points:
            text = point.text.strip()
            if len(text) > MAX_POINT_QUOTE or len(self.sentences(text)) < 2:
                continue
            covered = self.stats.coverage(terms, self.profile(text))
            if covered >= alone + POINT_MARGIN and (best is None or covered > best[0]):
                best = (covered, point)
        return best[1] if best is not None else None

    def _names_asked(self, pairs: frozenset[tuple[str, str]], text: str) -> bool:
        """Whether ``text`` names a body of ``pairs`` (its bodies are read once per text):
        only then can it pair one with a verb."""
        named = self.bodies(text)
        return any(body in named for body, _ in pairs)

    def _to_the_action(self, u: Understanding, text: str, start: int, end: int) -> int:
        """The end of the quote, run on to the end of its sentence when the action asked
        about comes only there: "Các hồ sơ mật ...; những hồ sơ ... chỉ được sao lục khi
        có sự đồng ý của ban thường vụ." is one sentence, cut at ";" by the splitter."""
        action = asked_action(u.text)
        if not action or phrase_span(action, fold(text[start:end])) is not None:
            return end
        for _, next_end in (span for span in self.sentences(text) if span[0] >= end):
            run_on = text[start:next_end]
            if not text[start:end].rstrip().endswith(";") or "\n" in text[end:next_end].strip():
                return end
            if len(run_on) > MAX_RUN_ON_QUOTE:
                return end
            if phrase_span(action, fold(run_on)) is not None:
                return next_end
            end = next_end
        return end

    def profile(self, text: str) -> TextProfile:
        profile = self._profiles.get(text)
        if profile is None:
            profile = self._profiles[text] = TextProfile(text)
        return profile

    def sentences(self, text: str) -> list[tuple[int, int]]:
        spans = self._sentence_spans.get(text)
        if spans is None:
            spans = self._sentence_spans[text] = sentences(text)
        return spans

    def bodies(self, text: str) -> list[str]:
        found = self._body_cache.get(text)
        if found is None:
            found = self._body_cache[text] = bodies_in(text)
        return found

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
    r"quy dinh(?:\s+(?:ve|o dau|tai dau|gi))?|noi (?:gi|ve)|nam o|o dau)\b"
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


@functools.lru_cache(maxsize=8192)
def body_verb_pairs(text: str) -> frozenset[tuple[str, str]]:
    """Each body with the content word right before and right after it (words of another
    body's name skipped), folded: the same pairing in another word order ("họp Ban Thường
    vụ", "Ban Thường vụ họp")."""
    folded = fold(text)
    mentions = find_bodies(text)
    names = _body_syllables()
    words_at = [
        (m.start(), m.group())
        for m in re.finditer(r"[a-z0-9]+", folded)
        if m.group() not in names and not any(b.start <= m.start() < b.end for b in mentions)
    ]
    pairs: set[tuple[str, str]] = set()
    for mention in mentions:
        before = [w for at, w in words_at if at < mention.start][-1:]
        after = [w for at, w in words_at if at >= mention.end][:1]
        pairs.update((mention.body, w) for w in content_syllables(" ".join(before + after)))
    return frozenset(pairs)


@functools.cache
def _body_syllables() -> frozenset[str]:
    """Syllables of the bodies' names ("huyện", "ủy"): a seat's name, never a verb."""
    return frozenset(s for aliases in BODIES.values() for a in aliases for s in a.split())
