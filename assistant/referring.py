"""The place a message reads before the one it asks about ("Khoản 3 Điều 5 ghi 'theo
khoản 1 Điều 9', khoản ấy viết gì?"): the sentence of that place that refers to the place
asked, quoted after it, so the answer shows the chain the asker follows."""

from __future__ import annotations

from assistant.citations import location, make_citation
from assistant.models import Citation
from assistant.references import Reference
from assistant.sentences import sentences
from ingest.models import Document
from ingest.references import find_node, find_references


def referring_lead(
    doc: Document, referring: Reference, asked: Reference
) -> tuple[str, Citation] | None:
    """The line that quotes the sentence of ``referring`` that refers to ``asked``, and
    its citation; None when ``doc`` has no such place or its text never refers there."""
    found = find_node(doc, referring.part, referring.article, referring.clause, referring.point)
    if found is None:
        return None
    article, clause, point = found
    unit = point or clause or article
    for reference in find_references(unit.text):
        if reference.other_document or reference.article != asked.article:
            continue
        if asked.clause is not None and reference.clause not in (None, asked.clause):
            continue
        sentence = next(
            (unit.text[s:e].strip() for s, e in sentences(unit.text) if s <= reference.start < e),
            "",
        )
        if not sentence:
            continue
        citation = make_citation(doc, article, clause, point, sentence)
        where = location(
            article.number, clause.number if clause else None, point.id if point else None
        )
        target = location(asked.article, asked.clause, asked.point)
        line = f"{where[0].upper()}{where[1:]} ({article.title}) dẫn chiếu {target}:\n«{sentence}»"
        return line, citation
    return None


__all__ = ["referring_lead"]
