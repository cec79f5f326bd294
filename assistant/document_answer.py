"""Answers about a regulation itself, from its header, signature and closing articles.

Taken only when the question says nothing beyond the fact it asks: every content word
of it is in the fact's own quote, the ways to ask that fact, or the document's name.
"Ý kiến của Thường trực có hiệu lực ra sao?" asks about a clause, not about when the
regulation takes effect, and goes on to ordinary retrieval.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from assistant.citations import document_label, make_citation
from assistant.document_names import doc_ref, meta_text, short_name
from assistant.document_question import attribute_words
from assistant.models import Answer, Citation
from assistant.understand import Understanding
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
    "amendment": "việc sửa đổi, bổ sung quy chế",
    "term": "khóa, nhiệm kỳ",
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


def _sentence(doc: Document, fact: DocumentFact) -> str:
    name, label = short_name(doc), LABELS[fact.attribute]
    if fact.unspecified:
        if doc.meta.status == "template":
            return f"{name} là văn bản mẫu: {label} để trống («{fact.quote.strip()}»)."
        return f"{name} không ghi {label} («{fact.quote.strip()}»)."
    if fact.value:
        value = fact.value
        if fact.attribute == "date":
            year, month, day = value.split("-")
            value = f"{day}/{month}/{year}"
        return f"{name} — {label}: {value}.\n«{fact.quote.strip()}»"
    where = "Điều " + str(fact.article) + (f" khoản {fact.clause}" if fact.clause else "")
    return f"Theo {name}, {where}:\n«{fact.quote.strip()}»"


class DocumentAnswerer:
    """Facts are read from each document once, when first asked."""

    def __init__(self, documents: Mapping[str, Document]) -> None:
        self.documents = documents
        self._facts: dict[str, tuple[DocumentFact, ...]] = {}

    def fact(self, doc: Document, attribute: DocumentAttribute) -> DocumentFact | None:
        if doc.id not in self._facts:
            self._facts[doc.id] = document_facts(doc)
        found = [f for f in self._facts[doc.id] if f.attribute == attribute]
        return next((f for f in found if not f.unspecified), found[0] if found else None)

    def answer(self, u: Understanding, topic: Sequence[str]) -> Answer | None:
        attribute = u.document_attribute
        if attribute is None or u.reference is not None or _gives_numbers(u):
            return None
        targets = [self.documents[d] for d in u.document_ids] or list(self.documents.values())
        asked = attribute_words(attribute)
        found: list[tuple[Document, DocumentFact]] = []
        for doc in targets:
            fact = self.fact(doc, attribute)
            if fact is None:
                continue
            known = asked | set(words(fact.quote)) | set(words(meta_text(doc)))
            if all(fold(t.lstrip("~")) in known for t in topic if "_" not in t):
                found.append((doc, fact))
        if not found:
            return None
        found = found[:MAX_DOCUMENTS]
        citations = [fact_citation(doc, fact) for doc, fact in found]
        return Answer(
            question=u.original,
            kind="answer",
            answer="\n\n".join(_sentence(doc, fact) for doc, fact in found),
            citations=citations,
            documents=[doc_ref(doc) for doc, _ in found],
        )


def _gives_numbers(u: Understanding) -> bool:
    frame = u.frame
    return any(x is not None for x in (frame.member_count, frame.given_count, frame.amount))
