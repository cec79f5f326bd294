"""Small documents built directly from the models, phrased like the bundled regulations."""

from __future__ import annotations

from ingest.models import Article, Clause, Document, DocumentMeta, Part, Point


def make_doc(
    articles: list[tuple[int, str, list[str | tuple[str, list[tuple[str, str]]]]]],
    doc_id: str = "fixture",
) -> Document:
    """Each clause is a text, or (lead text, [(point id, point text)])."""
    text_parts: list[str] = []
    pos = 0
    built: list[Article] = []

    def add(s: str) -> tuple[int, int]:
        nonlocal pos
        start = pos
        text_parts.append(s)
        pos += len(s)
        return start, pos

    for number, title, clauses in articles:
        a_start, _ = add(f"Điều {number}. {title}\n")
        built_clauses: list[Clause] = []
        for i, clause in enumerate(clauses, start=1):
            if isinstance(clause, str):
                c_start, c_end = add(clause)
                built_clauses.append(Clause(number=i, text=clause, start=c_start, end=c_end))
            else:
                lead, points = clause
                c_start, _ = add(lead)
                pts: list[Point] = []
                for pid, ptext in points:
                    add("\n")
                    p_start, p_end = add(ptext)
                    pts.append(Point(id=pid, text=ptext, start=p_start, end=p_end))
                c_end = pos
                ctext = "".join(text_parts)[c_start:c_end]
                built_clauses.append(
                    Clause(number=i, text=ctext, start=c_start, end=c_end, points=tuple(pts))
                )
            add("\n")
        whole = "".join(text_parts)
        built.append(
            Article(
                number=number,
                title=title,
                part="regulation",
                text=whole[a_start:pos],
                start=a_start,
                end=pos,
                clauses=tuple(built_clauses),
            )
        )
    text = "".join(text_parts)
    return Document(
        id=doc_id,
        source_file=f"{doc_id}.txt",
        content_hash="x",
        meta=DocumentMeta(title="Quy chế làm việc"),
        text=text,
        parts=(Part(id="regulation", articles=tuple(built)),),
    )
