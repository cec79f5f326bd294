"""Read a regulation file of any supported format into text; refuse what is not one.

The only I/O of the ingest package. Every failure is an :class:`InputError` naming the
file and the reason in one line.
"""

from __future__ import annotations

from pathlib import Path

from ingest.errors import InputError
from ingest.models import SourceText
from ingest.ocr import PageProgress, read_pdf

SUPPORTED_SUFFIXES = (".txt", ".md", ".docx", ".doc", ".pdf")
MAX_FILE_BYTES = 50 * 1024 * 1024


def read_text(path: Path, data: bytes | None = None) -> str:
    """Text of a regulation file; ``data`` lets callers pass bytes they already hold."""
    return read_source(path, data).text


def read_source(
    path: Path, data: bytes | None = None, on_page: PageProgress | None = None
) -> SourceText:
    """The text of a regulation file; a PDF's also says which pages OCR read.
    ``on_page(done, total)`` follows a PDF's pages (OCR takes seconds a page)."""
    name = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise InputError(
            name,
            f"định dạng {suffix or '(không có)'} không được hỗ trợ; dùng .txt, .md, .docx, .doc hoặc .pdf",
        )
    if data is None:
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                raise InputError(name, f"tệp quá lớn ({size} byte, tối đa {MAX_FILE_BYTES})")
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(name, f"không đọc được tệp ({exc.strerror or exc})") from exc
    if not data.strip():
        raise InputError(name, "tệp rỗng")
    if suffix == ".docx":
        from ingest.docx_text import docx_text  # python-docx: only paid for by .docx users

        return SourceText(text=docx_text(name, data))
    if suffix == ".doc":
        from ingest.doc_convert import doc_text

        return SourceText(text=doc_text(name, data))
    if suffix == ".pdf":
        return _pdf_source(name, data, on_page)
    return SourceText(text=decode_text(name, data))


def decode_text(name: str, data: bytes) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(name, "tệp UTF-16 bị lỗi mã hóa") from exc
    if b"\x00" in data[:4096]:
        # UTF-16 without a BOM is rare; binary files are common.
        for encoding in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _looks_like_text(text) and _mostly_latin(text):
                return text
        raise InputError(name, "tệp nhị phân, không phải văn bản")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            name, f"không giải mã được UTF-8 (byte lỗi ở vị trí {exc.start}); hãy lưu tệp ở UTF-8"
        ) from exc
    if not _looks_like_text(text):
        raise InputError(name, "tệp chứa ký tự điều khiển, không phải văn bản")
    return text


def _looks_like_text(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return False
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return control / len(sample) < 0.01


def _mostly_latin(text: str) -> bool:
    """Vietnamese is written in Latin letters: a wrong UTF-16 guess yields CJK soup."""
    sample = [ch for ch in text[:5000] if not ch.isspace()]
    latin = sum(1 for ch in sample if ord(ch) < 0x250 or 0x1E00 <= ord(ch) <= 0x1EFF)
    return bool(sample) and latin / len(sample) > 0.8


def _pdf_source(name: str, data: bytes, on_page: PageProgress | None) -> SourceText:
    """Text layer per page; pages without one are read by OCR (see ingest.ocr)."""
    if not data.startswith(b"%PDF"):
        raise InputError(name, "không phải tệp PDF hợp lệ")
    return read_pdf(name, data, on_page)
