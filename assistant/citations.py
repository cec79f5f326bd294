"""Citations: a location, a verbatim quote (checked here), and a string a drafter can paste."""

from __future__ import annotations

from assistant.models import Amendment, Citation
from ingest.models import Article, Clause, Document, Point
from ingest.rules.blanks import find_blanks

# Shown beside a quote read by OCR from a scanned page.
OCR_NOTE = "văn bản nhận dạng từ ảnh quét — đối chiếu bản gốc"


class QuoteNotVerbatimError(ValueError):
    """A quote that is not a slice of its source: a bug, never shown to users as fact."""


def location(article: int | str, clause: int | None = None, point: str | None = None) -> str:
    """ "điểm a khoản 2 Điều 14" (Vietnamese citation order: smallest unit first)."""
    parts = []
    if point:
        parts.append(point_label(point))
    if clause is not None:
        parts.append(f"khoản {clause}")
    parts.append(f"Điều {article}")
    return " ".join(parts)


def point_label(point: str) -> str:
    """ "điểm a", or "gạch đầu dòng thứ 2" for a dash item (id "-2")."""
    if point.startswith("-"):
        return f"gạch đầu dòng thứ {point[1:]}"
    return f"điểm {point}"


def document_label(doc: Document, part: str) -> str:
    """ "Quy chế làm việc ... (09-QC/TU ngày 11/10/2024 của Tỉnh ủy Kon Tum)"."""
    meta = doc.meta
    if part == "decision":
        name = f"Quyết định {meta.number}".strip() if meta.number else "Quyết định ban hành"
    else:
        name = meta.title or doc.source_file
    details = []
    if meta.number and part != "decision":
        details.append(meta.number)
    if meta.date_issued:
        year, month, day = meta.date_issued.split("-")
        details.append(f"ngày {day}/{month}/{year}")
    if meta.issuing_body:
        details.append(f"của {meta.issuing_body}")
    return f"{name} ({' '.join(details)})" if details else name


def cite_as(
    doc: Document, part: str, article: int | str, clause: int | None, point: str | None
) -> str:
    return f"{location(article, clause, point)} {document_label(doc, part)}"


def make_citation(
    doc: Document,
    article: Article,
    clause: Clause | None = None,
    point: Point | None = None,
    quote: str | None = None,
) -> Citation:
    """Build a citation; the quote defaults to the smallest unit's whole text and must be a
    verbatim slice of that unit (and so of the document)."""
    unit = point or clause or article
    quote = unit.text if quote is None else quote
    if not quote or quote not in unit.text or quote not in doc.text:
        raise QuoteNotVerbatimError(f"quote not found in {doc.id} Điều {article.number}")
    quote_start = unit.start + unit.text.index(quote)
    clause_number = clause.number if clause else None
    point_id = point.id if point else None
    return Citation(
        document_id=doc.id,
        document_title=doc.meta.title or doc.source_file,
        source_file=doc.source_file,
        part=article.part,
        chapter=article.chapter,
        article=article.number,
        clause=clause_number,
        point=point_id,
        quote=quote,
        cite_as=cite_as(doc, article.part, article.label, clause_number, point_id),
        article_suffix=article.suffix,
        amended_by=amended_by(doc, article),
        unspecified=bool(find_blanks(quote)),
        ocr=doc.read_by_ocr(quote_start, quote_start + len(quote)),
    )


def amended_by(doc: Document, article: Article) -> Amendment | None:
    """The decision behind the article's wording in force, when one changed it."""
    history = doc.article_history(article.number, article.suffix)
    latest = history.versions[-1] if history is not None else None
    if latest is None or latest.amended_by is None:
        return None
    ref = latest.amended_by
    return Amendment(
        document_id=ref.document_id,
        number=ref.number,
        title=ref.title,
        date_issued=ref.date_issued,
        effective=ref.effective,
        change=latest.change,
    )


def amendment_line(amendment: Amendment) -> str:
    """ "sửa đổi khoản 2 theo Quyết định số 15-QĐ/ĐU ngày 20/05/2024, hiệu lực từ 01/06/2024"."""
    name = f"Quyết định số {amendment.number}" if amendment.number else amendment.title
    line = f"{amendment.change or 'sửa đổi'} theo {name or amendment.document_id}"
    if amendment.date_issued:
        line += f" ngày {_vn_date(amendment.date_issued)}"
    if amendment.effective and amendment.effective != amendment.date_issued:
        line += f", hiệu lực từ {_vn_date(amendment.effective)}"
    return line


def _vn_date(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{day}/{month}/{year}"
