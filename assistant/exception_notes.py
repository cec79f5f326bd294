"""Exceptions the article of a quoted clause writes elsewhere: a clause lets a committee
take members' opinions in writing when it cannot meet, and another sentence of the same
article says "(trừ công tác cán bộ)". Quoting the first without the second answers "may
we?" wrongly for the case excepted, so the excepting sentence is added, quoted and cited.

An excepting sentence is one with an exception word ("trừ", "ngoại trừ", "không áp
dụng", "riêng đối với") that shares at least MIN_SHARED_PHRASES two-word phrases with a
quoted clause, the bodies both name left aside (they name who acts, not what is done),
and at least MIN_PHRASE_SHARE of its own phrases: an exception to something else the
article says (a sentence that only shares "hội nghị" and a body with the quote) is left
out.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping

from assistant.citations import location, make_citation
from assistant.models import Answer, Citation
from assistant.sentences import sentences
from index.tokens import STOPWORDS
from ingest.bodies import body_mentions, without_mentions
from ingest.models import Article, Clause, Document
from ingest.normalize import canonical, fold, words

# Words that make a sentence an exception to a rule, as the regulations write them.
_EXCEPTION = re.compile(r"(?<!\w)(?:ngoại trừ|trừ|không áp dụng|riêng đối với)(?!\w)")
# "... hình thức này", "trường hợp nói trên": the sentence before is what it excepts
_DEMONSTRATIVE = re.compile(r"(?<!\w)(?:này|nói trên|như trên)(?!\w)")
POINTING_WORDS = 8
MIN_SHARED_PHRASES = 3
MIN_PHRASE_SHARE = 0.3
MAX_EXCEPTIONS = 2
CITED_LOOKED_AT = 3


def _phrases(text: str) -> frozenset[tuple[str, str]]:
    """The text's two-word phrases of content words, folded, its bodies left out."""
    folded = fold(text)
    unnamed = without_mentions(folded, body_mentions(folded))
    kept = [w for w in words(unnamed) if w not in STOPWORDS]
    return frozenset(itertools.pairwise(kept))


def _excepting(article: Article, quote: str, shown: str) -> list[tuple[Clause, str]]:
    """The sentences of ``article`` not yet shown that except what the quote says: by
    its words, or pointing back at it right after it ("Không áp dụng hình thức này ...")."""
    quoted = _phrases(quote)
    found: list[tuple[Clause, str]] = []
    for clause in article.clauses:
        previous = ""
        for start, end in sentences(clause.text):
            sentence = clause.text[start:end].strip()
            before, previous = previous, sentence
            if not sentence or sentence in shown:
                continue
            if not _EXCEPTION.search(canonical(sentence).lower()):
                continue
            own = _phrases(sentence)
            shared = len(quoted & own)
            follows = bool(before) and before in quote and _points_back(sentence)
            if follows or (shared >= MIN_SHARED_PHRASES and shared >= MIN_PHRASE_SHARE * len(own)):
                found.append((clause, sentence))
    return found


def _points_back(sentence: str) -> bool:
    """A demonstrative among the sentence's first words: it speaks of what came before."""
    opening = " ".join(canonical(sentence).lower().split()[:POINTING_WORDS])
    return bool(_DEMONSTRATIVE.search(opening))


def with_exceptions(answer: Answer, documents: Mapping[str, Document]) -> Answer:
    """The answer with the exceptions its quoted clauses' articles write elsewhere."""
    if answer.kind == "refusal":
        return answer
    lines: list[str] = []
    added: list[Citation] = []
    shown = answer.answer
    for citation in answer.citations[:CITED_LOOKED_AT]:
        doc = documents.get(citation.document_id)
        article = doc.article(citation.article, citation.part) if doc is not None else None
        if doc is None or article is None or citation.quote not in shown:
            continue
        for clause, sentence in _excepting(article, citation.quote, shown):
            if len(added) >= MAX_EXCEPTIONS:
                break
            note = make_citation(doc, article, clause, None, sentence)
            note = note.model_copy(update={"via": citation.cite_as})
            added.append(note)
            shown = f"{shown}\n{sentence}"
            where = location(article.number, clause.number)
            lines.append(f"Lưu ý ngoại lệ ({where}, {article.title}):\n«{sentence}»")
    if not added:
        return answer
    return answer.model_copy(
        update={
            "answer": "\n\n".join([answer.answer, *lines]),
            "citations": [*answer.citations, *added],
        }
    )


__all__ = ["with_exceptions"]
