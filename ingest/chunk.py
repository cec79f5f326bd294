"""One chunk per clause (an article without clauses is one chunk).

Clause-sized chunks keep a citation exact: what retrieval finds is already "khoản 2
Điều 14", not a window of text that straddles two articles.
"""

from __future__ import annotations

import hashlib

from ingest.models import Article, Chunk, Clause, Document
from ingest.normalize import canonical


def chunk_id(
    content_hash: str, part: str, article: int, clause: int | None, suffix: str = ""
) -> str:
    """Stable across runs: the document's content hash plus the structural path."""
    path = f"{part}/{article}{suffix}/{'' if clause is None else clause}"
    return hashlib.sha256(f"{content_hash}|{path}".encode()).hexdigest()[:32]


def chunk_document(doc: Document) -> list[Chunk]:
    return [_chunk(doc, article, clause) for article in doc.articles for clause in article.clauses]


def _chunk(doc: Document, article: Article, clause: Clause) -> Chunk:
    chunk = Chunk(
        id=chunk_id(doc.content_hash, article.part, article.number, clause.number, article.suffix),
        document_id=doc.id,
        document_title=doc.meta.title or doc.source_file,
        part=article.part,
        chapter=article.chapter,
        article=article.number,
        article_title=article.title,
        clause=clause.number,
        text=clause.text,
        start=clause.start,
        end=clause.end,
        meta=doc.meta,
        points=clause.points,
        ocr=doc.read_by_ocr(clause.start, clause.end),
        article_suffix=article.suffix,
    )
    return chunk.model_copy(update={"index_text": canonical(f"{chunk.context}\n{chunk.text}")})
