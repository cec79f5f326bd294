"""Follow the references of the quoted clauses: "theo quy định tại Điều 1 Quy chế này"
quoted without Điều 1 leaves the reader to look it up; the referenced clause is added as
a linked citation (``via`` names the clause that refers to it), and a reference to a
document that is not loaded is named as such instead of guessed at.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from assistant.citations import location, make_citation
from assistant.models import Answer, Citation
from assistant.sentences import sentences
from ingest.models import Article, Document
from ingest.normalize import fold
from ingest.powers import lists_duties
from ingest.references import ResolvedReference, TextReference, find_references, resolve

MAX_REFERENCES = 3
MAX_REFERENCE_QUOTE = 700  # characters of the referenced unit quoted (whole sentences)
# How much of the question (or of other words, when given) a text covers.
Relevance = Callable[[str, str], float]
TIE_DIGITS = 3  # shares equal to this many decimals tell no clause from another


def _narrowed(resolved: ResolvedReference, relevance: Relevance, context: str) -> ResolvedReference:
    """A reference to a whole article of several clauses: the clause the question is about;
    among clauses it covers equally, the one the words that refer to it are about
    ("thảo luận tập thể các nội dung ... quy định tại Điều 2": the clause on what is
    discussed together); the first, when nothing tells them apart."""
    clauses = [c for c in resolved.article.clauses if c.number is not None]
    if resolved.clause is not None or len(clauses) < 2:
        return resolved

    def key(text: str) -> tuple[float, float]:
        return round(relevance(text, ""), TIE_DIGITS), round(relevance(text, context), TIE_DIGITS)

    best = max(clauses, key=lambda c: key(c.text))
    if max(key(best.text)) <= 0:
        return resolved
    return resolved.model_copy(update={"clause": best})


def _referring_words(quote: str, reference: TextReference) -> str:
    """The words of the quoted sentence that lead to a reference ("thảo luận tập thể các
    nội dung thuộc nhiệm vụ ... quy định tại")."""
    for start, end in sentences(quote):
        if start <= reference.start < end:
            return quote[start : reference.start]
    return quote[: reference.start]


def _quote_of(resolved: ResolvedReference) -> str:
    """The referenced unit, whole when short, else its opening sentences."""
    unit = resolved.point or resolved.clause or resolved.article
    text = unit.text.strip()
    if len(text) <= MAX_REFERENCE_QUOTE:
        return text
    end = 0
    for _start, stop in sentences(text):
        if stop > MAX_REFERENCE_QUOTE and end:
            break
        end = stop
    return text[:end].strip() or text[:MAX_REFERENCE_QUOTE]


def _loaded(documents: Mapping[str, Document], other: str) -> bool:
    folded = fold(other)
    return any(d.meta.number and fold(d.meta.number) in folded for d in documents.values())


def _referenced(
    doc: Document, citation: Citation, reference: TextReference
) -> ResolvedReference | None:
    resolved = resolve(doc, citation.part, reference)
    if resolved is None:
        return None
    same = (resolved.article.number, resolved.clause.number if resolved.clause else None) == (
        citation.article,
        citation.clause,
    )
    return None if same else resolved


def _inheriting(
    doc: Document, citation: Citation, bodies: Sequence[str]
) -> tuple[Article, str] | None:
    """ "Ngoài nhiệm vụ quy định tại Điều 5, Phó Bí thư ...": the article about the body
    asked that takes the cited article's duties by reference, with that sentence."""
    cited = doc.article(citation.article, citation.part)
    if cited is None or not bodies:
        return None
    # bodies asked about that the cited article is not about
    asked = [fold(b) for b in bodies if fold(b) not in fold(cited.title)]
    if not asked:
        return None
    for article in doc.articles:
        if article.part != citation.part or article.number == cited.number:
            continue
        if not any(b in fold(article.title) for b in asked):
            continue
        for reference in find_references(article.text):
            if reference.other_document or reference.article != cited.number:
                continue
            for start, end in sentences(article.text):
                if start <= reference.start < end:
                    return article, article.text[start:end].strip()
    return None


def _holds(cited: Citation, other: Citation) -> bool:
    """Whether ``cited`` quotes ``other``'s unit or the unit that holds it (a whole
    article holds its khoản)."""
    if cited.cite_as == other.cite_as:
        return True
    same_article = (cited.document_id, cited.part, cited.article) == (
        other.document_id,
        other.part,
        other.article,
    )
    whole = cited.clause is None and cited.point is None and cited.place == "article"
    return same_article and whole and other.quote in cited.quote


def with_references(
    answer: Answer,
    documents: Mapping[str, Document],
    relevance: Relevance,
    bodies: Sequence[str] = (),
    asks_for_body: bool = False,
) -> Answer:
    """The answer with the clauses its quotes refer to, each quoted and cited. A question
    about a body's own duties (not one asking which body) is led by that body's article
    when it takes the cited duties by reference."""
    if answer.kind == "refusal":
        return answer
    lines: list[str] = []
    added: list[Citation] = []
    for citation in answer.citations:
        doc = documents.get(citation.document_id)
        if doc is None or citation.place != "article" or citation.quote not in answer.answer:
            continue
        for reference in find_references(citation.quote):
            if len(lines) >= MAX_REFERENCES:
                break
            if reference.other_document:
                if not _loaded(documents, reference.other_document):
                    lines.append(
                        f"«{reference.text}» dẫn chiếu tới {reference.other_document}: văn bản "
                        "này chưa được nạp nên không trích được."
                    )
                continue
            resolved = _referenced(doc, citation, reference)
            if resolved is None:
                continue
            resolved = _narrowed(resolved, relevance, _referring_words(citation.quote, reference))
            linked = make_citation(
                doc, resolved.article, resolved.clause, resolved.point, _quote_of(resolved)
            ).model_copy(update={"via": citation.cite_as})
            if any(_holds(c, linked) for c in [*answer.citations, *added]):
                continue  # quoted already, itself or within the unit that holds it
            added.append(linked)
            where = location(linked.article, linked.clause, linked.point)
            lines.append(
                f"«{reference.text}» ({location(citation.article, citation.clause)}) dẫn chiếu "
                f"{where} ({resolved.article.title}):\n«{linked.quote}»"
            )
    answer = answer.model_copy(
        update={
            "answer": "\n\n".join([answer.answer, *lines]),
            "citations": [*answer.citations, *added],
        }
    )
    return _inherited_first(answer, documents, bodies, lead=not asks_for_body)


def _inherited_first(
    answer: Answer, documents: Mapping[str, Document], bodies: Sequence[str], lead: bool
) -> Answer:
    """The article about the body asked, which takes the cited clause by reference ("Ngoài
    nhiệm vụ quy định tại Điều 4, Ủy viên Ban Thường vụ còn ..."), leads: it is where that
    body's duty is laid down, and the cited clause becomes the clause it refers to."""
    first = answer.citations[0] if answer.citations else None
    doc = documents.get(first.document_id) if first is not None else None
    inherited = _inheriting(doc, first, bodies) if doc is not None and first else None
    if inherited is None or first is None or doc is None:
        return answer
    article, sentence = inherited
    # cited at its khoản when one holds the sentence ("khoản 2 Điều 7", not "Điều 7")
    holder = next((c for c in article.numbered_clauses if sentence in c.text), None)
    leading = make_citation(doc, article, holder, quote=sentence)
    if any(c.cite_as == leading.cite_as for c in answer.citations):
        return answer
    where = location(article.number, holder.number if holder else None)
    line = (
        f"{where[0].upper()}{where[1:]} ({article.title}) áp dụng {location(first.article)} "
        f"cho chức danh được hỏi:\n«{sentence}»"
    )
    cited = doc.article(first.article, first.part)
    duties = cited is not None and lists_duties(cited.title) and lists_duties(article.title)
    if not (lead and duties):
        # named after the answer, as the body's article that applies the cited one
        linked = leading.model_copy(update={"via": first.cite_as})
        return answer.model_copy(
            update={
                "answer": f"{answer.answer}\n\n{line}",
                "citations": [*answer.citations, linked],
            }
        )
    referred = first.model_copy(update={"via": leading.cite_as})
    return answer.model_copy(
        update={
            "answer": f"{line}\n\n{answer.answer}",
            "citations": [leading, referred, *answer.citations[1:]],
        }
    )
