"""Text of a .docx as Word lays it out, in the shape the parser and metadata expect.

- The body is read in order, paragraphs and tables interleaved.
- Automatic numbering is written into the text ("Điều 1.", "1.", "a)": ingest.docx_numbering).
- A layout table (the two-column header "ĐẢNG BỘ ... / Số ..." | "ĐẢNG CỘNG SẢN VIỆT NAM /
  ..., ngày ...", or the signature block) is read column by column, one line per
  paragraph, so the header reads as it does in a plain-text copy.
- Any other table is kept as rows: one line per row, cells joined with " | ".
- Footnotes never enter the article text: they follow the body under the line
  ``FOOTNOTES_MARKER``, one line each, "[n] text", numbered in the order Word numbers them.
  The parser ends the last article at that line, so quotes stay verbatim.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part, XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.oxml.text.run import CT_R
from docx.parts.document import DocumentPart
from lxml.etree import _Element

from ingest.docx_numbering import Numberer, read_numbering
from ingest.errors import InputError
from ingest.structure import FOOTNOTES_MARKER

CELL_SEPARATOR = " | "
# A .docx is a zip: refuse archives that inflate far beyond any real regulation.
MAX_DOCX_UNCOMPRESSED = 200 * 1024 * 1024
# What only a header or a signature block holds; a table with one of these lays out a page.
_LAYOUT_MARK = re.compile(
    r"CỘNG SẢN VIỆT NAM|CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|^[ \t]*Số\b|^[ \t]*Nơi nhận"
    r"|^[ \t]*(?:T/M|TM\.|T\.M\.|TM[ \t]+BAN|KT\.)",
    re.M,
)
_MAX_LAYOUT_COLUMNS = 3
_NOT_TEXT = (qn("w:del"), qn("w:moveFrom"), qn("w:txbxContent"))


@dataclass
class _Reader:
    numberer: Numberer
    footnote_ids: list[str] = field(default_factory=list)


def docx_text(name: str, data: bytes) -> str:
    """Text of a .docx file; every failure is an :class:`InputError` naming ``name``."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise InputError(name, "không phải tệp .docx hợp lệ (không mở được dạng zip)") from exc
    total = sum(info.file_size for info in archive.infolist())
    if total > MAX_DOCX_UNCOMPRESSED:
        raise InputError(name, f"tệp .docx giải nén quá lớn ({total} byte), nghi là zip bomb")
    if "word/document.xml" not in archive.namelist():
        raise InputError(name, "không phải tệp .docx hợp lệ (thiếu word/document.xml)")
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        return _document_text(document.part)
    except Exception as exc:  # python-docx and lxml raise many types on corrupt input
        raise InputError(name, f"không đọc được tệp .docx ({type(exc).__name__})") from exc


def _document_text(part: DocumentPart) -> str:
    numbering = _related_xml(part, RT.NUMBERING)
    defs = read_numbering(numbering, part.styles.element if _has(part, RT.STYLES) else None)
    reader = _Reader(Numberer(defs))
    lines = _block_lines(part.element.body, reader)
    notes = _footnotes(_related_xml(part, RT.FOOTNOTES), reader.footnote_ids)
    if notes:
        lines += ["", FOOTNOTES_MARKER, *notes]
    return "\n".join(lines)


def _has(part: Part, reltype: str) -> bool:
    return any(rel.reltype == reltype for rel in part.rels.values() if not rel.is_external)


def _related_xml(part: Part, reltype: str) -> _Element | None:
    """The root element of a related part (numbering, footnotes), or None."""
    if not _has(part, reltype):
        return None
    related = part.part_related_by(reltype)
    if isinstance(related, XmlPart):
        return related.element
    return parse_xml(related.blob)


def _block_lines(container: _Element, reader: _Reader) -> list[str]:
    """Lines of a body, cell or content control: paragraphs and tables in order."""
    lines: list[str] = []
    for child in container:
        if child.tag == qn("w:p"):
            lines.append(_paragraph_text(child, reader))
        elif child.tag == qn("w:tbl"):
            lines.extend(_table_lines(child, reader))
        elif child.tag in (qn("w:sdt"), qn("w:customXml")):
            content = child.find(qn("w:sdtContent"))
            lines.extend(_block_lines(content if content is not None else child, reader))
    return lines


def _paragraph_text(paragraph: _Element, reader: _Reader) -> str:
    """The paragraph's text with its automatic number in front, as Word shows it."""
    parts: list[str] = []
    for run in paragraph.iter(qn("w:r")):
        if not _owned_text(run, paragraph):
            continue
        reader.footnote_ids.extend(
            ref.get(qn("w:id"), "") for ref in run.findall(qn("w:footnoteReference"))
        )
        if isinstance(run, CT_R):
            parts.append(run.text)
    text = "".join(parts)
    label = reader.numberer.label(paragraph)
    return label + text if text else label.rstrip()


def _owned_text(run: _Element, paragraph: _Element) -> bool:
    """A run of this paragraph that shows: not deleted, not in a text box inside it."""
    for ancestor in run.iterancestors():
        if ancestor is paragraph:
            return True
        if ancestor.tag in _NOT_TEXT or ancestor.tag == qn("w:p"):
            return False
    return False


def _table_lines(table: _Element, reader: _Reader) -> list[str]:
    # Cells are read row by row, in document order, so numbering counts as Word does.
    rows = [
        [_block_lines(cell, reader) for cell in _cells(row)]
        for row in table.xpath("./w:tr | ./w:sdt/w:sdtContent/w:tr")
    ]
    return table_lines(rows)


def table_lines(rows: list[list[list[str]]]) -> list[str]:
    """Lines of a table given each cell's lines: a layout table (header, signature) column
    by column, any other table one "cell | cell" line per row."""
    text = "\n".join(line for row in rows for cell in row for line in cell)
    width = max((len(row) for row in rows), default=0)
    if width <= _MAX_LAYOUT_COLUMNS and _LAYOUT_MARK.search(text):
        return [
            line
            for column in range(width)
            for row in rows
            if column < len(row)
            for line in row[column]
            if line.strip()
        ]
    lines = []
    for row in rows:
        cells = [" ".join(line.strip() for line in cell if line.strip()) for cell in row]
        if any(cells):
            lines.append(CELL_SEPARATOR.join(cells))
    return lines


def _cells(row: _Element) -> list[_Element]:
    """A row's cells, without the empty continuations of vertically merged cells."""
    cells = []
    for cell in row.xpath("./w:tc | ./w:sdt/w:sdtContent/w:tc"):
        merge = cell.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
        if merge is not None and merge.get(qn("w:val")) != "restart":
            continue
        cells.append(cell)
    return cells


def _footnotes(footnotes: _Element | None, order: list[str]) -> list[str]:
    """ "[n] text" for each footnote referenced in the body, in reference order."""
    if footnotes is None:
        return []
    by_id = {
        note.get(qn("w:id"), ""): note
        for note in footnotes.findall(qn("w:footnote"))
        if note.get(qn("w:type")) in (None, "normal")
    }
    lines = []
    numberer = Numberer(read_numbering(None, None))
    for n, note_id in enumerate(dict.fromkeys(order), start=1):
        note = by_id.get(note_id)
        if note is None:
            continue
        reader = _Reader(numberer)
        text = " ".join(line.strip() for line in _block_lines(note, reader) if line.strip())
        lines.append(f"[{n}] {text}")
    return lines
