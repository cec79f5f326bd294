"""Answers composed from located clauses: every claim a verbatim quote with its citation."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence

from assistant.citations import QuoteNotVerbatimError, location, make_citation
from assistant.clause_choice import (
    MAX_WHOLE_CLAUSE,
    choose_clauses,
    second_clause,
    supporting_clauses,
)
from assistant.deciding_body import (
    SHARED_POWER,
    asked_action,
    deciding_body,
)
from assistant.document_names import doc_ref, short_name
from assistant.evidence import refusal_answer
from assistant.findings import findings_summary
from assistant.function_words import sequence_pattern
from assistant.locate import MIN_COVERAGE, ClauseLocator, Located
from assistant.models import Answer, Citation, Finding, ProcedureStep
from assistant.referring import referring_lead
from assistant.sentences import lead_ins, list_tail
from assistant.steps import (
    StepTerms,
    StepUnit,
    procedure_clauses,
    step_actor,
    step_timing,
    step_units,
    step_words,
)
from assistant.understand import Understanding
from ingest.models import Article, Clause, Document, Point
from ingest.normalize import fold, words
from ingest.powers import Power
from ingest.references import find_node
from ingest.rules.models import Rule

MAX_CLAUSES_LISTED = 5
MIN_OPENING_LETTERS = 12
_LETTERS = re.compile(r"[^\W\d_]")


class Composer:
    """The answer's text and citations, per kind: a claim per document, an article in
    full, a procedure's steps, a referenced clause."""

    def __init__(
        self,
        *,
        documents: Mapping[str, Document],
        locator: ClauseLocator,
        powers: Sequence[Power] = (),
        rules: Sequence[Rule] = (),
    ) -> None:
        self.documents = dict(documents)
        self.locator = locator
        self._powers: dict[tuple[str, str, int, int | None], list[Power]] = {}
        for power in powers:
            key = (power.document_id, power.part, power.article, power.clause)
            self._powers.setdefault(key, []).append(power)
        self._rules: dict[tuple[str, str, int], list[Rule]] = {}
        for rule in rules:
            self._rules.setdefault((rule.document_id, rule.part, rule.article), []).append(rule)

    def ask_what(self, u: Understanding) -> Answer:
        """ "Còn ở Đồng Tháp thì sao?" with no conversation before it names a document and
        nothing to look up in it: ask, rather than answer with whatever clause is first."""
        named = [self.documents[d] for d in u.document_ids]
        where = f" trong {'; '.join(short_name(d) for d in named)}" if named else ""
        return Answer(
            question=u.original,
            kind="clarification",
            answer=(
                f"Câu hỏi chưa nêu nội dung cần tra cứu{where}. Hãy hỏi cụ thể, ví dụ: "
                "«Ai ký nghị quyết của Ban Thường vụ?», «Phiên họp cần mấy ủy viên có mặt?». "
                "Nếu đây là câu hỏi tiếp theo, hãy hỏi trong cùng cuộc hội thoại."
            ),
            documents=[doc_ref(d) for d in named],
        )

    def cite(self, item: Located) -> Citation:
        try:
            return make_citation(item.doc, item.article, item.clause, item.point, item.quote)
        except QuoteNotVerbatimError:
            return make_citation(item.doc, item.article, item.clause)

    def per_document(self, u: Understanding, located: list[Located]) -> Answer:
        choice = choose_clauses(u, located)
        chosen = choice.chosen
        lines, citations, findings = self._claims(u, chosen)
        # Supporting clauses from the first document, after the main ones (a clause
        # already cited, as one of an article's clauses, is not cited twice).
        places = {citation_place(c) for c in citations}
        second = second_clause(u, choice)
        if second is not None:
            # the second clause scored alike is quoted too
            related = self.cite(second)
            if citation_place(related) not in places:
                places.add(citation_place(related))
                citations.append(related)
                lines.append(_related_line(second, related))
        for item in supporting_clauses(choice):
            citation = self.cite(item)
            if citation_place(citation) not in places:
                places.add(citation_place(citation))
                citations.append(citation)
        notes = []
        if len(chosen) > 1:
            notes.append(agreement_note(chosen, findings))
        if choice.left_out:
            notes.append(
                f"Còn {len(choice.left_out)} văn bản khác có quy định liên quan, chưa trình "
                f"bày: {'; '.join(choice.left_out)}. Hãy nêu tên văn bản để xem."
            )
        return Answer(
            question=u.original,
            kind="answer",
            answer="\n\n".join(lines),
            citations=citations,
            documents=[doc_ref(i.doc) for i in chosen],
            notes=notes,
            findings=findings,
        )

    def _claims(
        self, u: Understanding, chosen: list[Located]
    ) -> tuple[list[str], list[Citation], list[Finding]]:
        """A claim per document shown, its citations, and what each answers in a word."""
        lines: list[str] = []
        citations: list[Citation] = []
        findings: list[Finding] = []
        topic = self.locator.topic_terms(u) if u.kind == "citation" else []
        for item in chosen:
            if u.kind == "citation" and self.locator.title_answers(topic, item):
                line, cited = self._article_claim(item)
                lines.append(line)
                citations += cited
                continue
            citation = self.cite(item)
            citations.append(citation)
            line, body = self._claim(u, item, citation, several=len(chosen) > 1)
            lines.append(line)
            if body:
                findings.append(
                    Finding(document_id=item.doc.id, value=body, citation=len(citations) - 1)
                )
        return lines, citations, findings

    def _article_claim(self, item: Located) -> tuple[str, list[Citation]]:
        """The article as the answer: cited whole (its heading), then its clauses in order,
        each by its first sentence."""
        doc, article = item.doc, item.article
        heading = article.text.split("\n", 1)[0].strip()
        citations = [make_citation(doc, article, quote=heading or None)]
        lines = [
            f"Theo {short_name(doc)}, nội dung này được quy định tại Điều {article.number} "
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
        spans = self.locator.sentences(text)
        for _, end in spans:
            if len(_LETTERS.findall(text[spans[0][0] : end])) >= MIN_OPENING_LETTERS:
                return text[spans[0][0] : end].strip() or None
        return text.strip() or None

    def _claim(
        self, u: Understanding, item: Located, citation: Citation, several: bool
    ) -> tuple[str, str]:
        """The claim's text, and the deciding body it names ("" when none)."""
        where = f"{location(citation.article, citation.clause, citation.point)}"
        doc_name = short_name(item.doc)
        prefix = f"Theo {doc_name}"
        quote = item.quote.strip()
        leads, tail = lead_ins(item.clause.text, quote), list_tail(item.clause.text, quote)
        for lead in reversed(leads):
            quote = f"{lead}»\n«{quote}"  # the item under the lines that introduce it
        if tail:
            quote = f"{quote}»\n«{tail}"  # ... and the line that qualifies every item
        if u.kind == "who_decides":
            body = deciding_body(
                u.text, item.quote, item.article.title, self._table_holder(u, item)
            )
            shared = SHARED_POWER.search(fold(item.quote))
            if not body:
                return f"{prefix}, {where} ({item.article.title}):\n«{quote}»", ""
            head = f"{prefix}: {body}"
            tail = ""
            if shared:
                tail = "\n(Điều khoản có nhắc tới ủy quyền/xin ý kiến/phối hợp — xem nguyên văn.)"
            return f"{head} ({where}, {item.article.title}).\n«{quote}»{tail}", body
        if u.kind == "citation":
            return (
                f"{prefix}, nội dung này được quy định tại {where} ({item.article.title}):"
                f"\n«{quote}»",
                "",
            )
        return f"{prefix}, {where} ({item.article.title}):\n«{quote}»", ""

    def _table_holder(self, u: Understanding, item: Located) -> str:
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
        asked = set(asked_action(u.text))
        best = max(here, key=lambda p: len(asked & set(words(p.action))))
        return best.body

    def procedure(self, u: Understanding, located: list[Located]) -> Answer:
        """The steps in the document's order, each quoted with its citation, its actor
        and its time limit (assistant/steps.py)."""
        top = located[0]
        terms = StepTerms(
            self.locator.stats.weigh(self.locator.topic_terms(u)), self.locator.profile
        )
        clauses = procedure_clauses(located, terms, MIN_COVERAGE, sequence_pattern())
        units = step_units(clauses, MAX_WHOLE_CLAUSE, terms)
        if len(units) < 2:
            return self.per_document(u, located)
        citations: list[Citation] = []
        steps: list[ProcedureStep] = []
        for unit in units:
            citation = self._step_citation(unit)
            if citation in citations:
                continue
            citations.append(citation)
            item = unit.item
            here = self._powers.get(
                (item.doc.id, item.article.part, item.article.number, item.clause.number), []
            )
            rules = self._rules.get((item.doc.id, item.article.part, item.article.number), [])
            steps.append(
                ProcedureStep(
                    number=len(steps) + 1,
                    text=citation.quote,
                    actor=step_actor(unit, here),
                    timing=step_timing(unit, rules),
                    citation=len(citations) - 1,
                )
            )
        lines = [f"Theo {short_name(top.doc)}, trình tự như sau:"]
        lines += [_step_line(step, citations[step.citation]) for step in steps]
        others = [i for i in located[1:] if i.doc.id != top.doc.id and i.coverage >= MIN_COVERAGE]
        notes = []
        if others and not u.document_ids:
            names = ", ".join(dict.fromkeys(short_name(i.doc) for i in others[:3]))
            notes.append(
                f"Các văn bản khác cũng có quy định liên quan: {names}. Hãy chọn văn bản để xem."
            )
        return Answer(
            question=u.original,
            kind="answer",
            answer="\n".join(lines),
            citations=citations,
            documents=[doc_ref(top.doc)],
            notes=notes,
            steps=steps,
        )

    def _step_citation(self, unit: StepUnit) -> Citation:
        return self.cite(dataclasses.replace(unit.item, quote=unit.text, point=unit.point))

    def lookup(self, u: Understanding) -> Answer:
        ref = u.reference
        assert ref is not None
        candidates = (
            [self.documents[d] for d in u.document_ids]
            if u.document_ids
            else list(self.documents.values())
        )
        found: list[tuple[Document, Article, Clause | None, Point | None]] = []
        for doc in candidates:
            node = find_node(doc, ref.part, ref.article, ref.clause, ref.point)
            if node is None:
                continue
            article, clause, point = node
            if clause is None and _asks_which_clause(u):
                # "quy định đó thuộc khoản nào của Điều 9?": the khoản that says what is asked
                clause = self._clause_about(u, doc, article)
                point = clause.point(ref.point) if clause is not None and ref.point else None
            found.append((doc, article, clause, point))
        where = location(ref.article, ref.clause, ref.point)
        if not found:
            scope = "các văn bản đã chọn" if u.document_ids else "các văn bản đã nạp"
            return refusal_answer(u.original, f"Không có {where} trong {scope}.")
        if len(found) > 1 and not u.document_ids:
            return Answer(
                question=u.original,
                kind="clarification",
                answer=(
                    f"Có {len(found)} văn bản có {where}. Bạn hỏi văn bản nào?\n"
                    + "\n".join(f"- {short_name(d)} ({d.id}): {a.title}" for d, a, _, _ in found)
                ),
                citations=[make_citation(d, a, c, p) for d, a, c, p in found],
                documents=[doc_ref(d) for d, _, _, _ in found],
            )
        doc, article, clause, point = found[0]
        citation = make_citation(doc, article, clause, point)
        heading = f"{location(article.number, clause.number if clause else None, point.id if point else None)}"
        text = f"{heading} {short_name(doc)} ({article.title}):\n«{citation.quote}»"
        citations = [citation]
        # the place the asker read first, which leads to the one asked, follows it
        lead = referring_lead(doc, u.referring, ref) if u.referring is not None else None
        if lead is not None:
            line, referring = lead
            text = f"{text}\n\n{line}"
            citations = [citation, referring]
        return Answer(
            question=u.original,
            kind="answer",
            answer=text,
            citations=citations,
            documents=[doc_ref(doc)],
        )

    def _clause_about(self, u: Understanding, doc: Document, article: Article) -> Clause | None:
        """The numbered clause of ``article`` that covers the question's topic best; None
        when none covers any of it."""
        terms = self.locator.stats.weigh(self.locator.topic_terms(u))
        scored = [
            (self.locator.stats.coverage(terms, self.locator.profile(c.text)), i)
            for i, c in enumerate(article.clauses)
            if c.number is not None
        ]
        best = max(scored, default=(0.0, -1))
        return article.clauses[best[1]] if best[0] > 0 else None


# "khoản mấy", "khoản nào" (folded): the place asked is a clause of the article named.
_WHICH_CLAUSE = re.compile(r"(?<![a-z])khoan (?:nao|may|so may)(?![a-z])")


def _asks_which_clause(u: Understanding) -> bool:
    return bool(_WHICH_CLAUSE.search(fold(u.original)))


def agreement_note(items: Sequence[Located], findings: Sequence[Finding] = ()) -> str:
    """Where the documents agree and where they differ: by what each answers in a word
    (the deciding body) when each says one, else by whether their quotes are the same."""
    summary = findings_summary(findings, {i.doc.id: short_name(i.doc) for i in items})
    if summary and len(findings) == len(items):
        return summary
    texts = {fold(i.quote) for i in items}
    if len(texts) == 1:
        return "Các văn bản quy định giống nhau về nội dung này."
    return (
        "Câu hỏi không nêu văn bản nào và các văn bản quy định khác nhau, nên mỗi văn bản được "
        "trình bày riêng. Hãy nêu tên văn bản (tỉnh, số hiệu, cấp) để chỉ xem một văn bản."
    )


def citation_place(citation: Citation) -> tuple[str, str, int, int | None, str | None]:
    return (citation.document_id, citation.part, citation.article, citation.clause, citation.point)


def _related_line(item: Located, citation: Citation) -> str:
    where = location(citation.article, citation.clause, citation.point)
    return f"\nCũng liên quan, {where} ({item.article.title}):\n«{item.quote.strip()}»"


def _step_line(step: ProcedureStep, citation: Citation) -> str:
    where = location(citation.article, citation.clause, citation.point)
    who = f" {step.actor}:" if step.actor else ""
    timing = f" [thời hạn — {step.timing}]" if step.timing else ""
    return f"{step.number}.{who} «{step_words(step.text)}» ({where}){timing}"
