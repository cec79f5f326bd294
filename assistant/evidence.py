"""The support checks between located clauses and an answer, and the refusals."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from assistant.ask_head import ask_head, asked_subject
from assistant.citations import location
from assistant.coverage import WeightedTerms
from assistant.document_names import doc_ref, meta_text, short_name
from assistant.function_words import (
    class_syllables,
    folded_grammar,
    function_words,
    sequence_pattern,
)
from assistant.locate import MIN_COVERAGE, ClauseLocator, Located
from assistant.models import Answer
from assistant.party_bodies import party_bodies
from assistant.quantities import number_qualifiers
from assistant.quantity_roles import ASKED_UNIT, counted_kind_words, quantity_syllables
from assistant.same_meaning import same_meaning, with_same_meaning
from assistant.stated_numbers import numbers_not_in, stating_case
from assistant.terms import FOLDED, question_terms
from assistant.understand import Understanding
from assistant.unknown_words import only_in, unknown_words
from index.document_numbers import parse_number
from ingest.bodies import (
    organization_mentions,
    organizations_in,
    without_mentions,
)
from ingest.models import Document
from ingest.normalize import canonical, fold, has_diacritics

MAX_LISTED_DOCUMENTS = 10
# Calibrated on the dev split of eval/gold: off-topic questions with a word the corpus
# never uses reach 0.59 by common words (no in-scope dev question has such a word).
MIN_COVERAGE_WITH_UNKNOWN = 0.6
# The most of a question's weight the words setting its case may carry to be set aside.
MAX_CASE_SHARE = 0.5
# The same for the article a numeric answer cites (numbers and question words excluded).
MIN_NUMERIC_COVERAGE = 0.3


def _within(word: str, text: str) -> bool:
    """Whether every syllable of ``word`` is one of ``text``'s, compared with diacritics
    when the word is typed with them ("cổ đông" is not "có", "đồng")."""
    if has_diacritics(word):
        return set(canonical(word).lower().split()) <= set(canonical(text).lower().split())
    return set(fold(word).split()) <= set(fold(text).split())


def _syllables(term: str) -> set[str]:
    """The folded syllables of a term ("~bước_~gửi" → {"buoc", "gui"})."""
    return {fold(w) for w in term.replace(FOLDED, "").split("_")}


def refusal_answer(question: str, message: str) -> Answer:
    return Answer(question=question, kind="refusal", answer=message)


class EvidenceGate:
    """Whether the located clauses answer the question at all, and the refusal (with its
    reason and the nearest articles) when they do not."""

    def __init__(self, *, documents: Mapping[str, Document], locator: ClauseLocator) -> None:
        self.documents = dict(documents)
        self.locator = locator
        self._name_organizations: dict[str, frozenset[str]] = {}

    def foreign_organizations(self, u: Understanding) -> list[str]:
        """Organizations outside the Party the question is about: named, with no Party body
        named, and not part of a document's own name ("Đảng ủy UBND tỉnh")."""
        named = organizations_in(u.text)
        if not named or party_bodies(u.text):
            return []
        in_scope = list(u.document_ids) or list(self.documents)
        own = {o for doc_id in in_scope for o in self._organizations_named_by(doc_id)}
        return [o for o in named if o not in own]

    def _organizations_named_by(self, doc_id: str) -> frozenset[str]:
        """Organizations in a document's own name, read once per document: an unscoped
        question would otherwise read every document's name again."""
        if doc_id not in self._name_organizations:
            doc = self.documents[doc_id]
            self._name_organizations[doc_id] = frozenset(organizations_in(meta_text(doc)))
        return self._name_organizations[doc_id]

    @staticmethod
    def names_any(organizations: Sequence[str], text: str) -> bool:
        return not organizations or bool(set(organizations) & set(organizations_in(text)))

    def first_citation_names(self, organizations: Sequence[str], answer: Answer) -> bool:
        """Whether the rule that answers (its sentence or its article's title) names one of
        ``organizations`` (trivially, when there are none)."""
        if not organizations or not answer.citations:
            return True
        first = answer.citations[0]
        article = self.documents[first.document_id].article(first.article, first.part)
        title = article.title if article is not None else ""
        return self.names_any(organizations, f"{first.quote} {title}")

    def _shares_phrase(self, u: Understanding, item: Located) -> bool:
        """Beyond single words (folded, "thời tiết" and "thời" share a syllable), a question
        of three or more content words shares at least one two-word phrase with the clause
        it is answered from."""
        terms = self.locator.topic_terms(u)
        singles = [t for t in terms if "_" not in t]
        # "các bước gửi ...": a phrase that joins the noun naming a procedure to its topic
        # is the ask's frame, in the question's word order ("gửi ... theo các bước")
        frame = {w for m in sequence_pattern().finditer(fold(u.text)) for w in m.group().split()}
        phrases = [t for t in terms if "_" in t and not _syllables(t) & frame]
        if len(singles) < 3 or not phrases:
            return True
        # (a phrase of the same meaning as the clause's words counts: "đi công tác" for
        # "vắng mặt")
        clause = self.locator.profile(with_same_meaning(f"{item.article.title} {item.clause.text}"))
        return any(p in clause.terms for p in phrases)

    def covers_beyond_names(self, u: Understanding, item: Located) -> bool:
        """Whether the quoted sentence covers what the question asks of an organization
        outside the Party beyond its name: sharing "Hội Liên hiệp Phụ nữ" with a sentence
        that lists it says nothing of how it elects its chair."""
        folded = without_mentions(fold(u.text), organization_mentions(u.text))
        terms = question_terms(folded, self.locator.naming(u))
        if not terms:
            return True
        weighted = self.locator.stats.weigh(terms)
        said = self.locator.profile(f"{item.article.title} {item.quote}")
        return self.locator.stats.coverage(weighted, said) >= MIN_COVERAGE

    def unknown_words(self, u: Understanding) -> list[str]:
        """The question's words no regulation writes (see assistant/unknown_words.py)."""
        return unknown_words(u, self.locator)

    def _case_words(self, u: Understanding, unknown: Sequence[str]) -> set[str]:
        """The folded syllables of the words of ``unknown`` (no regulation writes them)
        that only set the case before the ask (see :meth:`_case_weight_share`)."""
        case = fold(u.circumstance)
        if not case:
            return set()
        asked = fold(u.original)[len(case) :]
        return {s for w in unknown if only_in(fold(w), case, asked) for s in fold(w).split()}

    def _case_weight_share(self, u: Understanding, unknown: Sequence[str]) -> float:
        """The share of the question's weight in words no regulation writes that only set
        the case before the ask ("bị ốm" in "Đảng viên bị ốm thì báo ai?"): the
        regulations name the rule, never every circumstance it meets, so those words are
        set aside and the rest must be covered (no clause holds them: they only ever
        lowered the share covered)."""
        aside = self._case_words(u, unknown)
        if not aside:
            return 0.0
        weighted = self.locator.stats.weigh(self.locator.topic_terms(u))
        dropped = sum(w for t, w in weighted.weights.items() if _syllables(t) & aside)
        share = dropped / weighted.total if weighted.total else 0.0
        # a question mostly about what no regulation writes is about something else
        return share if share <= MAX_CASE_SHARE else 0.0

    def covers(self, u: Understanding, item: Located) -> bool:
        """Whether the best clause answers the question. With a word the corpus never uses,
        the quoted sentence itself must cover it: a long clause lists many matters, and the
        question's words scattered across its points ("thu nhập" in one, "tiền lương" in
        another) do not say one thing."""
        unknown = self.unknown_words(u)
        # a word the corpus never uses ("thuế", "hiệu trưởng") says the question is about
        # something else: then the answer must cover the question much better
        bar = MIN_COVERAGE_WITH_UNKNOWN if unknown else MIN_COVERAGE
        aside = self._case_weight_share(u, unknown)  # at most MAX_CASE_SHARE
        coverage, focus = item.coverage, item.focus
        if aside:
            coverage, focus = coverage / (1 - aside), focus / (1 - aside)
        if coverage < bar or not self._shares_phrase(u, item):
            return False
        return bar == MIN_COVERAGE or focus >= bar

    def on_topic(self, u: Understanding, answer: Answer) -> bool:
        """A rule of the right kind can still be about something else ("thời hạn giao đất"
        is no deadline of these regulations): the cited clause must cover the question."""
        if not answer.citations:
            return True
        # The unit asked for ("bao nhiêu tiền", "mấy ngày") is what the rule's value gives,
        # not a topic the clause must name.
        # (unless no document writes it: "bao nhiêu cổ đông" counts what no rule counts)
        unknown = self.unknown_words(u)
        asked = set(ASKED_UNIT.findall(fold(u.text)))
        if asked:
            asked -= {s for w in unknown for s in fold(w).split()}
        # a story's numbers ("8 người dự", "dự án 3 tỷ") are decided by the rule's computation
        story = (
            u.frame.given_count is not None
            or u.frame.measure is not None
            or u.frame.date is not None
            or u.frame.hour is not None  # "lúc 14h ...": a deadline the calculator counts
        )
        if story:
            # "5 người nhất trí": the rule's computation decides these words, in any synonym;
            # typed without diacritics, a grammar word ("thế nếu ...") reads as any of its
            # accented forms ("thể"), and tells no article from another either
            asked |= quantity_syllables() | {w for p in folded_grammar() for w in p.split()}
            asked |= number_qualifiers(fold(u.text))  # "họp đủ cả 8": how a number is given
            # "hạn chót", "chậm nhất": the frame of a deadline asked, which its rule gives
            asked |= class_syllables(function_words().time_bounds)
        aside = self._case_words(u, unknown)  # the case's own words: no rule writes them
        never = {s for w in unknown for s in fold(w).split()}
        terms = self._numeric_terms(u, asked, aside, never, story)
        if not terms.weights:
            return True  # every word is the measure asked or the story's: nothing else asked
        # "tổ cần mấy đồng chí có mặt thì buổi họp mới có giá trị?": the count of a role
        # and the verdict asked are what a rule of that kind gives, written or not (not
        # when a word no regulation writes says it is another body's count: "bao nhiêu
        # cổ đông")
        kind_words = counted_kind_words(u.frame.kind) if u.frame.kind and not story else ""
        if any(not _within(w, kind_words) for w in unknown):
            kind_words = ""
        if self._covered(answer, terms, kind_words) >= MIN_NUMERIC_COVERAGE:
            return True
        stating = stating_case(u)
        if not stating:
            return False
        # the words of the case that states the number (a size, a meeting's day) count
        # where a clause writes them, never against it ("bầu bổ sung xong ... lên 23 người")
        terms = self._numeric_terms(u, asked, aside | stating, never, story)
        return not terms.weights or self._covered(answer, terms, kind_words) >= (
            MIN_NUMERIC_COVERAGE
        )

    def _numeric_terms(
        self, u: Understanding, asked: set[str], aside: set[str], never: set[str], story: bool
    ) -> WeightedTerms:
        """The question's topic terms a numeric answer's clause must cover."""
        stats = self.locator.stats
        return stats.weigh(
            [
                t
                for t in question_terms(u.text, self.locator.name_terms)
                if not set(fold(t).replace(FOLDED, "").replace("_", " ").split()) <= asked
                and not (_syllables(t) & aside)
                # a story's counts and role already pick the rule; a word no regulation
                # writes ("hôm họp", "khai mạc" though each syllable is written apart)
                # tells no article from another
                and not (story and (not stats.df.get(t, 0) or _syllables(t) & never))
                # ... nor does a phrase across a word of the story's frame ("vụ có" of
                # "Ban Thường vụ có 7 người"): only the words beside it are the topic's
                and not (story and "_" in t and _syllables(t) & asked)
            ]
        )

    def _covered(self, answer: Answer, terms: WeightedTerms, kind_words: str) -> float:
        """The best share of ``terms`` the articles of the first three citations cover."""
        best = 0.0
        for citation in answer.citations[:3]:
            doc = self.documents[citation.document_id]
            article = doc.article(citation.article, citation.part)
            if article is None:
                continue
            # Words that name the document ("bản mẫu dành cho đảng ủy cơ quan") count as covered.
            text = f"{article.title} {article.text} {meta_text(doc)}"
            text = f"{text} {same_meaning(text)}\n{kind_words}"
            best = max(best, self.locator.stats.coverage(terms, self.locator.profile(text)))
        return best

    def refusal_text(self, u: Understanding) -> str:
        return "Không tìm thấy quy định về nội dung này trong các văn bản đã nạp."

    def refuse_uncovered(
        self, u: Understanding, located: list[Located], message: str = ""
    ) -> Answer:
        if not message:
            unknown = self.unknown_words(u)
            message = "Các quy chế đã nạp không quy định về nội dung này"
            unknown = [t for t in unknown if len(t) <= 20]  # never echo junk back at length
            if unknown:
                message += f" (không văn bản nào nhắc tới: {', '.join(unknown[:5])})"
            message += "."
        related: list[Located] = []
        for item in located:
            if len(related) == 3 or item.coverage < 0.3:
                break
            if all(
                (r.doc.id, r.article.number) != (item.doc.id, item.article.number) for r in related
            ):
                related.append(item)
        if related:
            message += "\nCác điều gần nhất có thể tham khảo:\n" + "\n".join(
                f"- {location(i.article.number)} {short_name(i.doc)}: {i.article.title}"
                for i in related
            )
        return Answer(
            question=u.original,
            kind="refusal",
            answer=message,
            citations=[],
            documents=[doc_ref(i.doc) for i in related],
        )

    def refuse_located(
        self, u: Understanding, located: list[Located], foreign: Sequence[str]
    ) -> Answer | None:
        """The refusal when the located clauses do not answer: none covers the question,
        the closest never names the organization asked about, or it lacks a number the
        question names; None when the closest clause may answer."""
        if not located or not self.covers(u, located[0]):
            return self.refuse_uncovered(u, located)
        top = located[0]
        listed = _listed_only(u, top)
        if listed:
            # "Tiêu chuẩn xếp loại ... là gì?" and a task list's "- xếp loại ...": it says
            # who handles the matter, not its criteria, method or place
            return self.refuse_uncovered(
                u,
                located,
                f"Các quy chế đã nạp không quy định về «{listed}»; điều khoản gần nhất chỉ "
                "nêu việc này trong danh sách nhiệm vụ, không nêu nội dung được hỏi.",
            )
        if not self.names_any(foreign, f"{top.article.title} {top.quote}") or (
            foreign and not self.covers_beyond_names(u, top)
        ):
            # "Quốc hội họp mấy kỳ?": the regulations govern Party bodies; a sentence that
            # never names the organization asked about does not answer for it (a long
            # clause lists many organizations, each in its own sentence).
            return self.refuse_uncovered(
                u,
                located,
                "Các quy chế đã nạp quy định công việc của cấp ủy, tổ chức đảng; điều khoản "
                f"gần nhất không nói về {', '.join(foreign)}.",
            )
        # "Điều kiện nhận bằng khen 25 năm công tác là gì?": in a what-is question the
        # number names the thing asked, so a clause about awards that never says 25 is not
        # about it. (In "ai duyệt hồ sơ của người 19 tuổi" it is incidental.)
        missing: list[str] = []
        naming = self._naming_numbers(u)
        if u.kind == "general":
            missing = numbers_not_in(
                u.text, f"{top.article.title} {top.article.text}", naming=naming
            )
        elif u.kind == "citation":
            # "Mức 03 tỷ đồng ở điều khoản nào?": the place of a number states it.
            missing = numbers_not_in(u.text, top.quote, amounts=True, naming=naming)
        if missing:
            return self.refuse_uncovered(
                u,
                located,
                "Các quy chế đã nạp không quy định về nội dung này (điều khoản gần nhất không "
                f"nhắc tới: {', '.join(missing[:3])}).",
            )
        return None

    def _naming_numbers(self, u: Understanding) -> frozenset[int]:
        """The numbers of the documents in scope ("261" of "261-QĐ/TW")."""
        parsed = [
            parse_number(self.documents[doc_id].meta.number)
            for doc_id in u.document_ids
            if doc_id in self.documents
        ]
        return frozenset(p[0] for p in parsed if p is not None)

    def not_loaded(self, question: str, what: str) -> Answer:
        """The question is about a committee whose regulation (or a law) is not loaded:
        answering from another committee's regulation would mix rules of different bodies."""
        docs = list(self.documents.values())
        listed = "\n".join(f"- {short_name(d)}" for d in docs[:MAX_LISTED_DOCUMENTS])
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
            documents=[doc_ref(d) for d in docs[:MAX_LISTED_DOCUMENTS]],
        )


# Words the regulations use for one thing ("hội nghị bất thường" in one, "họp đột xuất"
# in another): a question in either words is about a clause in the other.
def _listed_only(u: Understanding, top: Located) -> str:
    """The head of a what / how question that the closest clause, an item of a list of
    tasks, never writes (nor its article's title); "" when it may answer."""
    a_list = top.point is not None or len(top.clause.points) > 1
    if u.kind not in ("general", "procedure") or not a_list or u.bodies:
        return ""
    head = ask_head(u.asked_text)
    written = re.compile(rf"(?<![a-z]){head}(?![a-z])")
    # an item is read with the lead-in that opens its list ("Trình tự xem xét ...:")
    points = top.clause.points
    lead_in = top.doc.text[top.clause.start : points[0].start] if points else ""
    if not head or written.search(fold(f"{top.article.title} {lead_in} {top.quote}")):
        return ""
    return asked_subject(u.asked_text) or head
