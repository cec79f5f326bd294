"""Say in words that a quoted clause leaves a value blank, in every kind of answer.

A template's "ít nhất ... ngày" quoted without comment reads as if the number were lost in
copying; the adopting committee is meant to fill it. The sentence quotes the words around
each blank verbatim, so the reader sees which value is left open.
"""

from __future__ import annotations

from collections.abc import Mapping

from assistant.document_names import short_name
from assistant.models import Answer, Citation
from ingest.models import Document
from ingest.rules.blanks import find_blanks

MAX_BLANKS_NAMED = 3


def blank_sentence(doc: Document, quotes: list[str]) -> str | None:
    contexts = list(dict.fromkeys(b.context for q in quotes for b in find_blanks(q)))
    if not contexts:
        return None
    kind = " (quy chế mẫu)" if doc.meta.status == "template" else ""
    spans = ", ".join(f"«{c}»" for c in contexts[:MAX_BLANKS_NAMED])
    return (
        f"Lưu ý: {short_name(doc)}{kind} để trống giá trị tại {spans}; "
        "văn bản không ấn định con số này, đơn vị áp dụng tự quy định."
    )


def with_blank_notes(answer: Answer, documents: Mapping[str, Document]) -> Answer:
    """The answer with one sentence per document whose quoted clause leaves a blank."""
    if answer.kind == "refusal" or (answer.numeric is not None and answer.numeric.unspecified):
        return answer  # a refusal quotes nothing; a numeric answer already says it
    quoted: dict[str, list[str]] = {}
    for citation in answer.citations:
        if _shown(citation, answer.answer):
            quoted.setdefault(citation.document_id, []).append(citation.quote)
    lines = [
        line
        for doc_id, quotes in quoted.items()
        if doc_id in documents
        for line in [blank_sentence(documents[doc_id], quotes)]
        if line is not None
    ]
    if not lines:
        return answer
    return answer.model_copy(update={"answer": "\n\n".join([answer.answer, *lines])})


def _shown(citation: Citation, text: str) -> bool:
    """A quoted clause's blank; a header's blank is said by the answer about the document."""
    return citation.unspecified and citation.place == "article" and citation.quote.strip() in text
