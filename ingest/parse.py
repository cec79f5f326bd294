"""Parse a regulation's text into Document → parts → articles → clauses → points.

The outline (parts, chapters, sections, articles) is read by :mod:`ingest.outline`, each
article's clauses and points by :mod:`ingest.articles`; the document's metadata by
:mod:`ingest.metadata`.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from ingest.articles import build_article
from ingest.errors import InputError
from ingest.load import read_source
from ingest.metadata import extract_meta, read_sidecar
from ingest.models import Document, DocumentMeta, PageSpan, Part, SourcePage
from ingest.normalize import clean_source, strip_diacritics
from ingest.ocr import PageProgress
from ingest.outline import name_parts, scan, split_lines


def document_id_for(path: Path | str) -> str:
    """Stable id: the slug of the file name without its extension."""
    stem = Path(path).stem
    slug = re.sub(r"[^a-z0-9]+", "-", strip_diacritics(stem).lower()).strip("-")
    return slug or "tai-lieu"


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse_file(
    path: Path, data: bytes | None = None, on_page: PageProgress | None = None
) -> Document:
    """Read and parse one file; a sidecar ``<file>.meta.yaml|json`` overrides metadata."""
    source = read_source(path, data, on_page)
    try:
        doc = parse_text(
            source.text, source_file=path.name, overrides=read_sidecar(path), pages=source.pages
        )
    except InputError as exc:
        raise InputError(str(path), exc.reason) from None
    if source.warnings:
        doc = doc.model_copy(update={"warnings": source.warnings + doc.warnings})
    return doc


def parse_text(
    raw: str,
    source_file: str,
    *,
    document_id: str | None = None,
    overrides: dict[str, str] | None = None,
    pages: tuple[SourcePage, ...] = (),
    letter_gaps: bool = False,
) -> Document:
    """``pages``: a PDF's pages, whose joined text is ``raw``; given, the document keeps
    where each page lies, so text read by OCR can be told apart. ``letter_gaps``: the
    text is consolidated wording, where a repealed point's letter is missing ("a), b), d)")."""
    text, spans = _clean_pages(pages) if pages else (clean_source(raw), ())
    lines = split_lines(text)
    parts, warnings = scan(lines)
    if not any(p.articles for p in parts):
        raise InputError(
            source_file,
            "không tìm thấy tiêu đề “Điều …” nào: tài liệu không có cấu trúc điều, khoản",
        )
    part_ids = name_parts(parts, text, lines)
    built: list[Part] = []
    for part, part_id in zip(parts, part_ids, strict=True):
        articles = tuple(build_article(a, part_id, lines, text, letter_gaps) for a in part.articles)
        for article in articles:
            if not article.clauses:
                warnings.append(f"Điều {article.number} ({part_id}) không có nội dung")
        built.append(Part(id=part_id, title=part.explicit_title, articles=articles))

    main = next((p for p in built if p.id == "regulation"), built[-1])
    header_end = main.articles[0].start if main.articles else len(text)
    meta = extract_meta(text[:header_end])
    if overrides:
        meta = DocumentMeta.model_validate({**meta.model_dump(), **overrides})
    return Document(
        id=document_id or document_id_for(source_file),
        source_file=source_file,
        content_hash=content_hash(text),
        meta=meta,
        text=text,
        parts=tuple(built),
        warnings=tuple(warnings),
        pages=spans,
    )


def _clean_pages(pages: tuple[SourcePage, ...]) -> tuple[str, tuple[PageSpan, ...]]:
    """Clean page by page, so each page's span in the display text is known exactly."""
    spans: list[PageSpan] = []
    texts: list[str] = []
    offset = 0
    for page in pages:
        cleaned = clean_source(page.text)
        spans.append(
            PageSpan(number=page.number, start=offset, end=offset + len(cleaned), ocr=page.ocr)
        )
        texts.append(cleaned)
        offset += len(cleaned) + 1
    return "\n".join(texts), tuple(spans)
