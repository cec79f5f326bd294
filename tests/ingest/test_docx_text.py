"""A .docx read as Word lays it out parses like its plain-text twin."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from ingest.docx_text import docx_text
from ingest.errors import InputError
from ingest.parse import parse_file
from ingest.structure import FOOTNOTES_MARKER
from tests.ingest.docx_twin import (
    FOOTNOTE,
    HEADER_LEFT,
    HEADER_RIGHT,
    build_docx,
    build_txt,
    outline,
    twin_diff,
)

W = nsdecls("w")


class TestTwin:
    def test_docx_parses_like_its_txt_twin(self, tmp_path: Path) -> None:
        """The acceptance check: same metadata, articles, clauses and points."""
        assert twin_diff(tmp_path) == []

    def test_a_restart_split_in_two_lists_counts_on(self, tmp_path: Path) -> None:
        """A .doc through LibreOffice stores "restart at a)" as two lists defined alike:
        the points still read a), b), c), not a), a), b)."""
        doc = parse_file(build_docx(tmp_path / "tach.docx", split_restart=True))
        twin = parse_file(build_txt(tmp_path / "twin.txt"))
        assert outline(doc) == outline(twin)
        assert [a.text for a in doc.articles] == [a.text for a in twin.articles]

    def test_header_table_metadata(self, tmp_path: Path) -> None:
        meta = parse_file(build_docx(tmp_path / "q.docx")).meta
        assert (meta.number, meta.issuing_body, meta.province, meta.date_issued) == (
            "07-QC/ĐU",
            "Đảng ủy xã Ngọc Khê",
            "Lam Hà",
            "2025-04-14",
        )
        assert meta.title.startswith("Quy chế làm việc của Ban Chấp hành Đảng bộ xã Ngọc Khê")

    def test_body_table_rows_are_quotable_in_their_clause(self, tmp_path: Path) -> None:
        doc = parse_file(build_docx(tmp_path / "q.docx"))
        clause = doc.article(4).clause(1)
        row = "Bí thư | Nghị quyết, quy chế, quyết định nhân sự"
        assert row in clause.text.split("\n")
        assert doc.text[clause.start : clause.end] == clause.text
        assert doc.article(4).clause(2).text.startswith("2. Người ký chịu trách nhiệm")

    def test_footnotes_stay_out_of_the_articles(self, tmp_path: Path) -> None:
        doc = parse_file(build_docx(tmp_path / "q.docx"))
        twin = parse_file(build_txt(tmp_path / "q.txt"))
        assert doc.article(2).clause(2).text == twin.article(2).clause(2).text
        assert all(FOOTNOTE not in a.text for a in doc.articles)
        assert doc.text.endswith(f"\n{FOOTNOTES_MARKER}\n[1] {FOOTNOTE}")
        assert doc.article(5).text == twin.article(5).text


def _save(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


class TestLayout:
    def test_two_row_header_reads_column_by_column(self) -> None:
        document = docx.Document()
        table = document.add_table(rows=2, cols=2)
        table.cell(0, 0).text = f"{HEADER_LEFT[0]}\n{HEADER_LEFT[1]}"
        table.cell(0, 1).text = HEADER_RIGHT[0]
        table.cell(1, 0).text = HEADER_LEFT[3]
        table.cell(1, 1).text = HEADER_RIGHT[1]
        lines = docx_text("h.docx", _save(document)).split("\n")
        assert lines == [*HEADER_LEFT[:2], HEADER_LEFT[3], *HEADER_RIGHT]

    def test_paragraphs_and_tables_keep_document_order(self) -> None:
        document = docx.Document()
        document.add_paragraph("trước bảng")
        table = document.add_table(rows=2, cols=3)
        for r, row in enumerate(table.rows):
            for c, cell in enumerate(row.cells):
                cell.text = f"ô {r}{c}"
        table.cell(1, 1).merge(table.cell(1, 2))
        document.add_paragraph("sau bảng")
        text = docx_text("t.docx", _save(document))
        assert text.split("\n") == [
            "trước bảng",
            "ô 00 | ô 01 | ô 02",
            "ô 10 | ô 11 ô 12",
            "sau bảng",
        ]

    def test_vertically_merged_cells_are_read_once(self) -> None:
        document = docx.Document()
        table = document.add_table(rows=2, cols=2)
        table.cell(0, 0).text = "Bí thư"
        table.cell(0, 0).merge(table.cell(1, 0))
        table.cell(0, 1).text = "Nghị quyết"
        table.cell(1, 1).text = "Quy chế"
        assert docx_text("v.docx", _save(document)).split("\n") == [
            "Bí thư | Nghị quyết",
            "Quy chế",
        ]

    def test_tracked_changes_read_as_accepted(self) -> None:
        document = docx.Document()
        paragraph = document.add_paragraph("Họp ")
        paragraph._p.append(
            parse_xml(
                f'<w:del {W} w:id="1" w:author="x"><w:r><w:delText>mỗi tháng</w:delText></w:r></w:del>'
            )
        )
        paragraph._p.append(
            parse_xml(f'<w:ins {W} w:id="2" w:author="x"><w:r><w:t>mỗi quý</w:t></w:r></w:ins>')
        )
        assert docx_text("c.docx", _save(document)) == "Họp mỗi quý"


class TestErrors:
    def test_broken_document_xml_is_one_line(self, tmp_path: Path) -> None:
        good = _save(docx.Document())
        buffer = io.BytesIO()
        with (
            zipfile.ZipFile(io.BytesIO(good)) as source,
            zipfile.ZipFile(buffer, "w") as target,
        ):
            for item in source.infolist():
                data = source.read(item.filename)
                if item.filename == "word/document.xml":
                    data = data[: len(data) // 2]
                target.writestr(item, data)
        path = tmp_path / "hong.docx"
        path.write_bytes(buffer.getvalue())
        with pytest.raises(InputError, match=r"không đọc được tệp \.docx") as info:
            parse_file(path)
        assert str(info.value).startswith(str(path)) and "\n" not in str(info.value)
