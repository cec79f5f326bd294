"""Reading files: encodings, .docx, .pdf, and every kind of bad input."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from ingest.errors import InputError
from ingest.load import read_text
from ingest.parse import parse_file

SAMPLE = (
    "QUY CHẾ LÀM VIỆC\ncủa Ban Chấp hành Đảng bộ xã Hòa An\n"
    "Điều 1. Phạm vi\nQuy chế này quy định chế độ làm việc.\n"
    "Điều 2. Chế độ họp\n1. Ban Chấp hành họp mỗi tháng một lần.\n"
    "2. Hội nghị hợp lệ khi có ít nhất hai phần ba tổng số ủy viên tham dự.\n"
)
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-be-bom"]
)
def test_text_encodings(tmp_path: Path, encoding: str) -> None:
    if encoding == "utf-16-le-bom":
        data = b"\xff\xfe" + SAMPLE.encode("utf-16-le")
    elif encoding == "utf-16-be-bom":
        data = b"\xfe\xff" + SAMPLE.encode("utf-16-be")
    else:
        data = SAMPLE.encode(encoding)
    path = tmp_path / "quy-che.txt"
    path.write_bytes(data)
    doc = parse_file(path)
    assert [a.number for a in doc.articles] == [1, 2]
    assert doc.article(2).clause(2).text.startswith("2. Hội nghị hợp lệ")


def test_docx(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for line in SAMPLE.splitlines():
        document.add_paragraph(line)
    path = tmp_path / "quy-che.docx"
    document.save(str(path))
    doc = parse_file(path)
    assert [a.number for a in doc.articles] == [1, 2]
    assert doc.meta.title == "Quy chế làm việc của Ban Chấp hành Đảng bộ xã Hòa An"
    assert doc.meta.level == "commune"


@pytest.mark.skipif(not FONT.exists(), reason="DejaVuSans font not installed")
def test_pdf_with_text_layer(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=11)
    for line in SAMPLE.splitlines():
        pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "quy-che.pdf"
    pdf.output(str(path))
    doc = parse_file(path)
    assert [a.number for a in doc.articles] == [1, 2]
    assert "hai phần ba" in doc.article(2).clause(2).text


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "tệp rỗng"),
        ("blank.md", b"  \n\t\n", "tệp rỗng"),
        ("binary.txt", bytes(range(256)) * 40, "nhị phân"),
        (
            "latin1.txt",
            "Điều 1. Quy chế".encode("cp1258", errors="replace") + b"\xff\xfe\x00",
            "nhị phân|UTF-8",
        ),
        ("cp1258.txt", b"\xd0i\xea\xd2u 1. \xc0\xe1 \xff", "UTF-8"),
        ("fake.docx", b"this is not a zip", "không phải tệp .docx"),
        ("fake.pdf", b"GIF89a not a pdf", "không phải tệp PDF"),
        ("image.png", b"\x89PNG....", "không được hỗ trợ"),
        ("noext", b"Dieu 1. A", "không được hỗ trợ"),
    ],
)
def test_bad_files_give_one_clear_reason(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError, match=reason) as info:
        parse_file(path)
    assert str(info.value).startswith(str(path))
    assert "\n" not in str(info.value)


def test_zip_bomb_docx_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"0" * (210 * 1024 * 1024))
    path = tmp_path / "bomb.docx"
    path.write_bytes(buffer.getvalue())
    assert path.stat().st_size < 2 * 1024 * 1024
    with pytest.raises(InputError, match="zip bomb"):
        read_text(path)


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    path = tmp_path / "scan.pdf"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(InputError, match="không có lớp văn bản"):
        read_text(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="không đọc được"):
        read_text(tmp_path / "missing.txt")
