"""Say in words that a quoted clause leaves a value blank, in every kind of answer.

A template's "ít nhất ... ngày" quoted without comment reads as if the number were lost in
copying; the adopting committee is meant to fill it. The sentence quotes the words around
each blank verbatim, so the reader sees which value is left open.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from assistant.document_names import short_name
from assistant.locate import outside_articles
from assistant.models import Answer, Citation
from ingest.models import Document
from ingest.normalize import words
from ingest.rules.blanks import find_blanks

MAX_BLANKS_NAMED = 3


def blank_sentence(doc: Document, quotes: list[str]) -> str | None:
    contexts = list(dict.fromkeys(b.context for q in quotes for b in find_blanks(q)))
    if not contexts:
        return None
    kind = " (quy chế mẫu)" if doc.meta.status == "template" else ""
    spans = ", ".join(f"«{c}»" for c in contexts[:MAX_BLANKS_NAMED])
    sentence = (
        f"Lưu ý: {short_name(doc)}{kind} để trống giá trị tại {spans}; "
        "văn bản không ấn định con số này, đơn vị áp dụng tự quy định."
    )
    grounds = [g for q in quotes if (g := cited_ground(doc, q))]
    if grounds:
        # the blank is a document's number; the text's own grounds name one on that subject
        sentence += (
            f" Phần căn cứ của văn bản dẫn văn bản cùng nội dung: «{grounds[0]}» — đối chiếu "
            "trước khi điền."
        )
    return sentence


# "Quy định số ...-QĐ/TW ... về <subject>": a document's number left blank.
_BLANK_NUMBER = re.compile(r"(?P<kind>[A-ZĐ][^\W\d_]*(?: [^\W\d_]+)?) số \.\.\.")
# Words of its subject (after "về") a preamble's ground must share with the blank's
# reference to name it.
MIN_SHARED_WORDS = 5


def _subject(text: str) -> set[str]:
    """The words of what a cited document is about: after its "về"."""
    at = re.search(r"(?<!\w)về(?!\w)", text)
    return set(words(text[at.end() :])) if at else set()


def cited_ground(doc: Document, quote: str) -> str:
    """The line of the text's grounds ("Căn cứ Quy định số 260-QĐ/TW ... về chức năng,
    nhiệm vụ ...") that cites a document of the kind whose number the quote leaves blank,
    on the same subject (the most words of it, at least MIN_SHARED_WORDS), verbatim; ""
    when none does."""
    blank = _BLANK_NUMBER.search(quote)
    subject = _subject(quote[blank.end() :]) if blank else set()
    if blank is None or not subject:
        return ""
    best: tuple[int, str] = (MIN_SHARED_WORDS - 1, "")
    for line in (x.strip() for x in outside_articles(doc).splitlines()):
        if "căn cứ" not in line.lower() or not re.search(
            rf"{re.escape(blank['kind'])} số \d", line
        ):
            continue
        shared = len(subject & _subject(line))
        if shared > best[0]:
            best = (shared, line)
    return best[1]


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
