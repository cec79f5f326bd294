"""Scanned PDFs: OCR of pages without a text layer, on scans drawn here from made-up text."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from assistant.citations import OCR_NOTE, make_citation
from assistant.models import Answer
from assistant.render import answer_text
from eval.ocr_accuracy import FONT, PAGE_ONE, PAGE_PX, PAGE_TWO, char_accuracy, image_pdf
from eval.ocr_accuracy import render_page as draw
from ingest import ocr
from ingest.chunk import chunk_document
from ingest.errors import InputError
from ingest.models import Document
from ingest.ocr import (
    OcrResult,
    _word_confidences,
    has_real_text,
    repair_headings,
    tesseract_ready,
    unreadable_reason,
)
from ingest.parse import parse_file, parse_text

needs_ocr = pytest.mark.skipif(
    not (FONT.exists() and tesseract_ready()),
    reason="Tesseract (vie) or DejaVu Sans missing: make setup installs them",
)
needs_font = pytest.mark.skipif(not FONT.exists(), reason="DejaVu Sans missing")


def outline(doc: Document) -> list[tuple[int, str, list[tuple[int | None, list[str]]]]]:
    """Article numbers, chapters, clause numbers and point ids: what OCR must keep."""
    return [
        (a.number, a.chapter, [(c.number, [p.id for p in c.points]) for c in a.clauses])
        for a in doc.articles
    ]


def text_pdf(text: str) -> bytes:
    """A PDF with a real text layer."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=10)
    for line in text.splitlines():
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def blank_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def merged(*pdfs: bytes) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for data in pdfs:
        writer.append(PdfReader(io.BytesIO(data)))
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def scan(tmp_path_factory: pytest.TempPathFactory) -> Document:
    path = tmp_path_factory.mktemp("scan") / "quy-che-xa-suoi-may.pdf"
    path.write_bytes(image_pdf([draw(PAGE_ONE), draw(PAGE_TWO)]))
    return parse_file(path)


@needs_ocr
class TestScannedPdf:
    def test_same_articles_clauses_and_points_as_the_drawn_text(self, scan: Document) -> None:
        reference = parse_text(PAGE_ONE + PAGE_TWO, "quy-che.txt")
        assert outline(scan) == outline(reference)
        assert [a.number for a in scan.articles] == [1, 2, 3, 4, 5]
        assert len(scan.article(3).numbered_clauses) == 3

    def test_character_accuracy_at_least_98_percent(self, scan: Document) -> None:
        accuracy, errors = char_accuracy(PAGE_ONE + PAGE_TWO, scan.text)
        print(f"OCR character accuracy {accuracy:.2%} ({errors} edits)")
        assert accuracy >= 0.98

    def test_every_chunk_and_citation_is_marked(self, scan: Document) -> None:
        assert [(p.number, p.ocr) for p in scan.pages] == [(1, True), (2, True)]
        assert all(chunk.ocr for chunk in chunk_document(scan))
        article = scan.article(4)
        citation = make_citation(scan, article, article.clause(1))
        assert citation.ocr
        assert '"ocr":true' in citation.model_dump_json()
        answer = Answer(question="q", kind="answer", answer="a", citations=[citation])
        assert OCR_NOTE in answer_text(answer)


@needs_ocr
def test_mixed_pdf_marks_scanned_pages_and_reports_the_unreadable(tmp_path: Path) -> None:
    page = draw(PAGE_ONE)
    # Shrunk to a twelfth and blown up again: shapes of letters, nothing readable.
    smudged = page.resize((PAGE_PX[0] // 12, PAGE_PX[1] // 12)).resize(PAGE_PX)
    path = tmp_path / "hon-hop.pdf"
    path.write_bytes(merged(text_pdf(PAGE_ONE), image_pdf([draw(PAGE_TWO), smudged])))
    seen: list[tuple[int, int]] = []
    doc = parse_file(path, on_page=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert [(p.number, p.ocr) for p in doc.pages] == [(1, False), (2, True)]
    assert [a.number for a in doc.articles] == [1, 2, 3, 4, 5]  # page 3 not guessed
    chunks = chunk_document(doc)
    assert {c.article for c in chunks if c.ocr} == {4, 5}
    assert [w for w in doc.warnings if w.startswith("trang 3:") and "bỏ qua" in w]


def test_missing_tesseract_is_one_clear_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pytesseract

    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", str(tmp_path / "none"))
    path = tmp_path / "ban-quet.pdf"
    path.write_bytes(blank_pdf())
    with pytest.raises(InputError, match="tesseract-ocr-vie") as info:
        parse_file(path)
    assert str(info.value).startswith(f"{path}: PDF không có lớp văn bản (ảnh quét, 1 trang)")
    assert "\n" not in str(info.value)


@needs_font
def test_text_pdf_with_a_blank_page_is_read_without_tesseract(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pytesseract

    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", str(tmp_path / "none"))
    path = tmp_path / "co-trang-trang.pdf"
    path.write_bytes(merged(text_pdf(PAGE_ONE), blank_pdf()))
    doc = parse_file(path)
    assert [a.number for a in doc.articles] == [1, 2, 3]
    assert not any(p.ocr for p in doc.pages)
    assert [w for w in doc.warnings if w.startswith("trang 2:") and "tesseract-ocr" in w]


def test_a_scan_longer_than_any_regulation_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr, "MAX_OCR_PAGES", 1)
    path = tmp_path / "dai.pdf"
    path.write_bytes(merged(blank_pdf(), blank_pdf()))
    with pytest.raises(InputError, match="2 trang ảnh quét, quá giới hạn 1 trang OCR"):
        parse_file(path)


def test_a_poster_sized_page_is_rendered_within_the_pixel_budget() -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=72 * 100, height=72 * 100)  # 100 x 100 inches
    buffer = io.BytesIO()
    writer.write(buffer)
    image = ocr._render("poster.pdf", buffer.getvalue(), 1)
    assert image.width * image.height <= ocr.MAX_PAGE_PIXELS * 1.001  # rounded up to pixels
    assert image.width > 5000


@pytest.mark.parametrize(
    ("result", "reason"),
    [
        (OcrResult(text="", confidence=-1, words=0), "không thấy chữ"),
        (OcrResult(text="#~ |{ }& ^^ %$ @@ ++ ==", confidence=80, words=9), "ký hiệu"),
        (OcrResult(text="Điều 1. Ab cd", confidence=90, words=3), "ký hiệu"),
        (OcrResult(text="tầu Sước May thương bu Phạm", confidence=38, words=5), "tin cậy"),
        (OcrResult(text="Điều 1. Phạm vi điều chỉnh", confidence=95, words=5), None),
    ],
)
def test_unreadable_reason(result: OcrResult, reason: str | None) -> None:
    found = unreadable_reason(result)
    assert found == reason if reason is None else reason in (found or "")


@pytest.mark.parametrize(
    ("text", "real"),
    [
        ("", False),
        (" 3 \n", False),
        ("Trang 2", False),
        ("Điều 1. Phạm vi điều chỉnh của quy chế", True),
    ],
)
def test_has_real_text(text: str, real: bool) -> None:
    assert has_real_text(text) is real


@pytest.mark.parametrize(
    ("read", "repaired"),
    [
        ("Chương l\nQUY ĐỊNH", "Chương I\nQUY ĐỊNH"),
        ("CHƯƠNG ll. TÀI CHÍNH", "CHƯƠNG II. TÀI CHÍNH"),
        ("Mục |V", "Mục IV"),
        ("Chương lớn", "Chương lớn"),
        ("Chương 2", "Chương 2"),
        ("theo Chương l", "theo Chương l"),
    ],
)
def test_repair_headings(read: str, repaired: str) -> None:
    assert repair_headings(read) == repaired


def test_word_confidences_from_tsv() -> None:
    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    rows = [
        "1\t1\t0\t0\t0\t0\t0\t0\t10\t10\t-1\t",
        "5\t1\t1\t1\t1\t1\t0\t0\t10\t10\t91.5\tĐiều",
        "5\t1\t1\t1\t1\t2\t0\t0\t10\t10\t60\t1.",
        "5\t1\t1\t1\t1\t3\t0\t0\t10\t10\t95\t ",
    ]
    assert _word_confidences("\n".join([header, *rows])) == [91.5, 60.0]
