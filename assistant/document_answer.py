"""Answers about a regulation itself, from its header, signature and closing articles.

Taken only when the question says nothing beyond the fact it asks: every content word
of it is in the fact's own quote, the ways to ask that fact, or the document's name.
"Ý kiến của Thường trực có hiệu lực ra sao?" asks about a clause, not about when the
regulation takes effect, and goes on to ordinary retrieval.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence

from assistant.citations import document_label, make_citation
from assistant.document_names import doc_ref, meta_text, short_name
from assistant.document_question import attribute_words
from assistant.function_words import body_question_pattern, framing_syllables
from assistant.models import Answer, Citation
from assistant.own_ask import PLACE_ASK, PLACE_NOUNS
from assistant.rules.calc import show_date
from assistant.terms import expand_inline
from assistant.understand import Understanding
from ingest.bodies import bodies_in, find_bodies
from ingest.document_facts import DocumentAttribute, DocumentFact, document_facts
from ingest.models import Document
from ingest.normalize import fold, words

LABELS: dict[DocumentAttribute, str] = {
    "number": "số hiệu",
    "issuer": "cơ quan ban hành",
    "date": "ngày ban hành",
    "signer": "người ký",
    "governed_body": "cơ quan thực hiện quy chế",
    "effect": "thời điểm có hiệu lực",
    "replaces": "văn bản được thay thế",
    "amendment": "thẩm quyền sửa đổi văn bản",
    "term": "khóa, nhiệm kỳ",
    "basis": "căn cứ ban hành",
    "outline": "số chương, số điều",
}
_PLACE_NAMES = {"header": "phần đầu", "signature": "phần ký ban hành"}
MAX_DOCUMENTS = 5


def fact_citation(doc: Document, fact: DocumentFact) -> Citation:
    """An article's fact is cited by its clause; a header or signature fact by its place."""
    if fact.article is not None:
        article = doc.article(fact.article, fact.part)
        assert article is not None
        clause = article.clause(fact.clause) if fact.clause is not None else None
        return make_citation(doc, article, clause, quote=fact.quote)
    part = doc.main_part
    return Citation(
        document_id=doc.id,
        document_title=doc.meta.title or doc.source_file,
        source_file=doc.source_file,
        part=part,
        chapter="",
        article=0,
        quote=fact.quote,
        cite_as=f"{_PLACE_NAMES[fact.place]} {document_label(doc, part)}",
        unspecified=fact.unspecified,
        place=fact.place,
        ocr=doc.read_by_ocr(fact.start, fact.start + len(fact.quote)),
    )


def _line(doc: Document, facts: Sequence[DocumentFact]) -> str:
    """The asked facts one sentence states: their values in words where the header states
    them ("số hiệu; ngày ban hành: 05-QC/ĐU; 20/6/2025"), then the quote."""
    first = facts[0]
    label = "; ".join(LABELS[f.attribute] for f in facts)
    quote = f"«{first.quote.strip()}»"
    if first.article is not None:
        where = f"Điều {first.article}" + (f" khoản {first.clause}" if first.clause else "")
        stated = "; ".join(f.value for f in facts if f.value)  # "Quy chế số 02-QC/ĐU, ..."
        return f"- {label} ({where}): {stated + ' — ' if stated else ''}{quote}"
    where = _PLACE_NAMES[first.place] + " văn bản"
    if first.attribute == "basis":  # the line is its own value
        return f"- {label} ({where}): {quote}"
    if all(f.unspecified for f in facts):
        left = "để trống" if doc.meta.status in ("template", "draft") else "không ghi"
        return f"- {label}: văn bản {left} ({where}: {quote})."
    values = "; ".join(_value(f) for f in facts)
    return f"- {label}: {values} ({where}: {quote})."


def _value(fact: DocumentFact) -> str:
    if fact.unspecified:
        return "để trống"
    if fact.attribute == "date":
        return show_date(dt.date.fromisoformat(fact.value))
    return fact.value


class DocumentAnswerer:
    """Facts are read from each document once, when first asked."""

    def __init__(self, documents: Mapping[str, Document]) -> None:
        self.documents = documents
        self._facts: dict[str, tuple[DocumentFact, ...]] = {}

    def facts(self, doc: Document, attribute: DocumentAttribute) -> list[DocumentFact]:
        """The fact asked, read from the document; a number or a date may be given twice
        (the regulation's own, the decision's it is attached to), stated ones first."""
        if doc.id not in self._facts:
            self._facts[doc.id] = document_facts(doc)
        found = sorted(
            (f for f in self._facts[doc.id] if f.attribute == attribute),
            key=lambda f: f.unspecified,
        )
        if attribute == "basis":
            return found  # every document it is issued on
        return found[:2] if attribute in ("number", "date") else found[:1]

    def _answers(
        self, doc: Document, u: Understanding, topic: Sequence[str]
    ) -> list[tuple[DocumentAttribute, list[DocumentFact]]] | None:
        """Each asked attribute's facts in ``doc``, when the question asks nothing else:
        every content word is in a fact's quote, a way to ask it, the document's name or
        a body the question names."""
        facts = [(a, self.facts(doc, a)) for a in u.document_attributes]
        present = [f for _, found in facts for f in found]
        if not present or _regulation_of_another_body(u.text, doc):
            return None
        # the words that name any document asked about ("... ở Ban cán sự đảng A và chi bộ
        # mẫu") name a document, they ask nothing more of this one
        named = [doc, *(self.documents[d] for d in u.document_ids if d != doc.id)]
        known = {w for d in named for w in words(meta_text(d))} | set(words(" ".join(u.bodies)))
        # "261-QĐ/TW": what the number's code spells out ("quyết định", "trung ương") too
        known |= {w for d in named for w in words(expand_inline(d.meta.number or ""))}
        known |= set(words(u.purpose))  # why it is asked, not what
        # "trích nguyên văn điều khoản nào ...": the words that ask for its place and its
        # wording, and the grammar's, frame the ask (the closing article is the answer)
        known |= framing_syllables(u.text)
        known |= {w for m in PLACE_ASK.finditer(fold(u.text)) for w in m.group().split()}
        # "... cho mình điều khoản luôn": the parts of the text its answer is cited by
        known |= PLACE_NOUNS
        for attribute in u.document_attributes:
            known |= attribute_words(attribute)
        # the question for a body ("ai có quyền ...") asks who, it is no topic of its own
        known |= {
            w for m in body_question_pattern().finditer(fold(u.text)) for w in m.group().split()
        }
        for fact in present:
            known |= set(words(fact.quote))
        if not all(fold(t.lstrip("~")) in known for t in topic if "_" not in t):
            return None
        return facts

    def answer(self, u: Understanding, topic: Sequence[str]) -> Answer | None:
        if not u.document_attributes or u.reference is not None or _gives_numbers(u):
            return None
        targets = [self.documents[d] for d in u.document_ids] or list(self.documents.values())
        found = [
            (doc, facts)
            for doc in targets
            for facts in [self._answers(doc, u, topic)]
            if facts is not None
        ][:MAX_DOCUMENTS]
        if not found:
            return None
        blocks: list[str] = []
        citations: list[Citation] = []
        for doc, facts in found:
            # one sentence may answer two asks: named together on its line, in ask order
            entries: list[str | list[DocumentFact]] = []
            by_quote: dict[str, list[DocumentFact]] = {}
            for attribute, asked in facts:
                if not asked:
                    entries.append(f"- {LABELS[attribute]}: văn bản không có quy định.")
                for fact in asked:
                    citation = fact_citation(doc, fact)
                    if citation not in citations:
                        citations.append(citation)
                    if fact.quote not in by_quote:
                        by_quote[fact.quote] = []
                        entries.append(by_quote[fact.quote])
                    by_quote[fact.quote].append(fact)
            lines = [f"{short_name(doc)}:"]
            lines += [e if isinstance(e, str) else _line(doc, e) for e in entries]
            blocks.append("\n".join(lines))
        return Answer(
            question=u.original,
            kind="answer",
            answer="\n\n".join(blocks),
            citations=citations,
            documents=[doc_ref(doc) for doc, _ in found],
        )


# "quy chế của Ban Dân vận ...": the document noun and the body it belongs to
_DOCUMENT_OF = re.compile(r"\bquy che(?: lam viec)?(?: mau)? cua ")


def _regulation_of_another_body(text: str, doc: Document) -> bool:
    """Whether the question asks about the regulation of a body ``doc`` is not about
    ("quy chế của Ban Dân vận Đảng ủy xã A", beside the Đảng ủy's own): another document,
    which a fact of this one does not answer."""
    folded = fold(expand_inline(text))
    found = _DOCUMENT_OF.search(folded)
    if found is None:
        return False
    named = find_bodies(folded[found.end() :])
    own = {*bodies_in(doc.meta.title), *bodies_in(doc.meta.governed_body)}
    return bool(named) and named[0].start == 0 and bool(own) and named[0].body not in own


def _gives_numbers(u: Understanding) -> bool:
    frame = u.frame
    return any(x is not None for x in (frame.member_count, frame.given_count, frame.amount))
