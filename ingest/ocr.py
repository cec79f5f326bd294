"""Read a PDF page by page: its text layer where a page has one, Tesseract OCR where not.

Many regulations circulate as scans. A scanned page is rendered at 300 dpi (pypdfium2)
and read by Tesseract's Vietnamese model; a page OCR cannot read is left out and
reported, never guessed. Pages read by OCR stay marked so quotes from them can say so.
"""

from __future__ import annotations

import io
import logging
import math
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from ingest.errors import InputError
from ingest.models import SourcePage, SourceText

if TYPE_CHECKING:
    from PIL.Image import Image

log = logging.getLogger(__name__)

DPI = 300
# Hostile or odd files: a poster-sized page is rendered smaller than 300 dpi, and a scan
# longer than any regulation is refused rather than OCR'd for an hour.
MAX_PAGE_PIXELS = 40_000_000  # A2 at 300 dpi is about 35 million
MAX_OCR_PAGES = 300
LANGUAGE = "vie"
# A text layer with fewer letters than this is no text (a page number, a stamp's label).
MIN_LAYER_LETTERS = 20
# OCR output below these is not text: too few letters, mostly symbols, or low confidence.
MIN_OCR_LETTERS = 10
MIN_LETTER_SHARE = 0.5
MIN_CONFIDENCE = 65.0  # a clean 300 dpi page scores about 95
INSTALL_HINT = (
    "cần cài Tesseract OCR tiếng Việt: apt-get install -y tesseract-ocr tesseract-ocr-vie "
    "(hoặc chạy make setup)"
)

PageProgress = Callable[[int, int], None]

# Tesseract reads the roman numeral I of "Chương I" as "l" or "|"; nothing else is fixed.
_ROMAN_HEADING = re.compile(
    r"^(?P<head>[ \t]*(?:Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)[ \t]+)(?P<num>[IVXLCl|]*[l|][IVXLCl|]*)"
    r"(?=[ \t]|[.:\-–—]|$)",
    re.MULTILINE,
)


class OcrResult(BaseModel):
    """What Tesseract made of one page."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str
    confidence: float  # mean word confidence, 0-100; -1 when no word was found
    words: int


def has_real_text(text: str) -> bool:
    """A page's text layer counts only with enough letters; scans often carry a few."""
    return sum(ch.isalpha() for ch in text) >= MIN_LAYER_LETTERS


def unreadable_reason(result: OcrResult) -> str | None:
    """Why OCR output is not to be trusted as text (Vietnamese, for the notice), or None."""
    visible = [ch for ch in result.text if not ch.isspace()]
    letters = sum(ch.isalpha() for ch in visible)
    if result.words == 0 or not visible:
        return "OCR không thấy chữ nào (trang trắng hoặc ảnh quá mờ)"
    if letters < MIN_OCR_LETTERS or letters / len(visible) < MIN_LETTER_SHARE:
        return "OCR chỉ ra ký hiệu rời rạc, không phải chữ"
    if result.confidence < MIN_CONFIDENCE:
        return f"OCR không đọc được (độ tin cậy trung bình {result.confidence:.0f}%)"
    return None


def repair_headings(text: str) -> str:
    """Put back the roman numeral of a chapter/section/part heading OCR misread."""
    return _ROMAN_HEADING.sub(
        lambda m: m["head"] + m["num"].replace("l", "I").replace("|", "I"), text
    )


def read_pdf(name: str, data: bytes, on_page: PageProgress | None = None) -> SourceText:
    """The PDF's pages, each from its text layer or, lacking one, from OCR."""
    layers = _text_layers(name, data)
    if not layers:
        raise InputError(name, "PDF không có trang nào")
    scanned = {n for n, layer in enumerate(layers, start=1) if not has_real_text(layer)}
    if len(scanned) > MAX_OCR_PAGES:
        raise InputError(
            name, f"PDF có {len(scanned)} trang ảnh quét, quá giới hạn {MAX_OCR_PAGES} trang OCR"
        )
    warnings: list[str] = []
    if scanned and not tesseract_ready():
        if len(scanned) == len(layers):
            raise InputError(
                name, f"PDF không có lớp văn bản (ảnh quét, {len(layers)} trang); {INSTALL_HINT}"
            )
        # A text PDF with a few pages to OCR is still read; those pages are named.
        warnings.extend(f"trang {n}: không có lớp văn bản; {INSTALL_HINT}" for n in sorted(scanned))
        scanned = set()
    if scanned:
        log.info("%s: %d/%d trang là ảnh quét, đọc bằng OCR", name, len(scanned), len(layers))
    pages: list[SourcePage] = []
    for number, layer in enumerate(layers, start=1):
        if number not in scanned:
            pages.append(SourcePage(number=number, text=layer))
        else:
            page, warning = _ocr_page(name, data, number, len(layers))
            pages.extend([page] if page else [])
            warnings.extend([warning] if warning else [])
        if on_page is not None:
            on_page(number, len(layers))
    if not any(p.text.strip() for p in pages):
        raise InputError(
            name,
            f"PDF không có lớp văn bản và OCR không đọc được trang nào ({len(layers)} trang); "
            "cần bản quét rõ hơn hoặc PDF có chữ",
        )
    text = "\n".join(p.text for p in pages)
    return SourceText(text=text, pages=tuple(pages), warnings=tuple(warnings))


def _ocr_page(
    name: str, data: bytes, number: int, total: int
) -> tuple[SourcePage | None, str | None]:
    """The page read by OCR, or the warning that says why it could not be."""
    result = ocr_image(_render(name, data, number))
    reason = unreadable_reason(result)
    if reason is not None:
        log.warning("%s: trang %d: %s", name, number, reason)
        return None, f"trang {number}: {reason}; trang này bị bỏ qua, cần xem bản gốc"
    log.info("%s: OCR trang %d/%d xong (độ tin cậy %.0f%%)", name, number, total, result.confidence)
    return SourcePage(number=number, text=result.text, ocr=True), None


def _text_layers(name: str, data: bytes) -> list[str]:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        return [page.extract_text() or "" for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, OSError) as exc:
        raise InputError(name, f"không đọc được tệp PDF ({type(exc).__name__})") from exc


def tesseract_ready() -> bool:
    """Tesseract is installed with its Vietnamese model."""
    import pytesseract

    try:
        return LANGUAGE in pytesseract.get_languages()
    except (pytesseract.TesseractNotFoundError, OSError):
        return False


def _render(name: str, data: bytes, number: int) -> Image:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
        try:
            page = pdf[number - 1]
            width, height = page.get_size()  # points: 1/72 inch
            scale = min(DPI / 72, math.sqrt(MAX_PAGE_PIXELS / max(width * height, 1.0)))
            image = page.render(scale=scale, grayscale=True).to_pil()
            page.close()
        finally:
            pdf.close()
    except pdfium.PdfiumError as exc:
        raise InputError(name, f"không dựng được ảnh trang {number} của PDF ({exc})") from exc
    return image


def ocr_image(image: Image) -> OcrResult:
    """Tesseract's text and word confidences from one run (txt and tsv outputs)."""
    import pytesseract

    text, tsv = pytesseract.run_and_get_multiple_output(
        image, extensions=["txt", "tsv"], lang=LANGUAGE
    )
    confidences = _word_confidences(tsv)
    mean = sum(confidences) / len(confidences) if confidences else -1.0
    return OcrResult(
        text=repair_headings(text.strip("\n\f ")), confidence=mean, words=len(confidences)
    )


def _word_confidences(tsv: str) -> list[float]:
    """Confidence of each recognised word (level 5 rows with text) in Tesseract's TSV."""
    confidences: list[float] = []
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        try:
            confidence = float(cells[10])
        except ValueError:
            continue
        if confidence >= 0:
            confidences.append(confidence)
    return confidences
