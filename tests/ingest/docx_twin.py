"""A made-up regulation twice: as Word lays it out (.docx) and as a plain-text copy (.txt).

The .docx has what real ones have: the two-column header table, articles, clauses and
points numbered by Word (numbering.xml: "Điều %1." through a paragraph style, "%2.",
"%3)", chapters "Chương %1" in upper roman, a list restarted with ``startOverride``), a
table of who signs what, a signature table and a footnote. Both must parse to the same
document. Run ``python -m tests.ingest.docx_twin`` to print what differs (nothing, when
the reader works).
"""

from __future__ import annotations

import difflib
import sys
import tempfile
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from ingest.models import Document
from ingest.parse import parse_file

W = nsdecls("w")
ARTICLE_STYLE = "Dieu"
ARTICLES, CHAPTERS, POINTS_AFRESH = "10", "11", "12"
# The restarted points as a .doc through LibreOffice comes out: the first in a list of
# its own, the others in a second list; each with its own copy of the definition.
SPLIT_FIRST, SPLIT_REST = "13", "14"

# (kind, text): kind is "p" plain, "chapter", "article", "clause", "point" (Word numbers
# these), "point-afresh" (a list restarted at a), "signs" (the table), "footnote" (a
# clause that carries a footnote).
BODY: list[tuple[str, str]] = [
    ("p", "QUY CHẾ LÀM VIỆC"),
    ("p", "của Ban Chấp hành Đảng bộ xã Ngọc Khê, nhiệm kỳ 2025 - 2030"),
    ("p", "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;"),
    ("p", "Ban Chấp hành Đảng bộ xã Ngọc Khê ban hành Quy chế làm việc như sau:"),
    ("chapter", ""),
    ("p", "NHỮNG QUY ĐỊNH CHUNG"),
    ("article", "Phạm vi và đối tượng áp dụng"),
    ("clause", "Quy chế này định rõ việc họp, việc ký văn bản và lề lối làm việc của Đảng ủy xã."),
    ("clause", "Ủy viên Ban Chấp hành, cán bộ cơ quan Đảng ủy thực hiện Quy chế này."),
    ("article", "Nguyên tắc làm việc"),
    ("clause", "Giữ nguyên tắc tập trung dân chủ:"),
    ("point", "Tập thể bàn bạc, cá nhân phụ trách việc được giao;"),
    ("point", "Ý kiến thiểu số được ghi lại và báo cáo lên cấp trên."),
    ("footnote", "Công khai chương trình công tác năm tại trụ sở Đảng ủy."),
    ("chapter", ""),
    ("p", "HỌP VÀ KÝ VĂN BẢN"),
    ("article", "Họp Ban Chấp hành"),
    ("clause", "Ban Chấp hành họp thường lệ hai tháng một lần."),
    ("clause", "Họp bất thường khi:"),
    ("point-afresh", "Đồng chí Bí thư thấy cần;"),
    ("point-afresh", "Quá nửa số ủy viên đề nghị;"),
    ("point-afresh", "Ban Thường vụ Huyện ủy yêu cầu."),
    ("article", "Ký văn bản"),
    ("clause", "Người ký theo từng loại văn bản:"),
    ("signs", ""),
    ("clause", "Người ký chịu trách nhiệm về văn bản mình ký."),
    ("article", "Hiệu lực"),
    ("p", "Quy chế có hiệu lực kể từ ngày ký; Văn phòng Đảng ủy theo dõi việc thực hiện."),
]
SIGNS = [
    ("Người ký", "Văn bản"),
    ("Bí thư", "Nghị quyết, quy chế, quyết định nhân sự"),
    ("Phó Bí thư thường trực", "Thông báo, kế hoạch, công văn"),
]
HEADER_LEFT = ["ĐẢNG BỘ TỈNH LAM HÀ", "ĐẢNG ỦY XÃ NGỌC KHÊ", "*", "Số 07-QC/ĐU"]
HEADER_RIGHT = ["ĐẢNG CỘNG SẢN VIỆT NAM", "Ngọc Khê, ngày 14 tháng 4 năm 2025"]
SIGNATURE_LEFT = ["Nơi nhận:", "- Ban Thường vụ Huyện ủy,", "- Lưu Văn phòng Đảng ủy."]
SIGNATURE_RIGHT = ["T/M ĐẢNG ỦY", "BÍ THƯ", "Lê Văn Khải"]
FOOTNOTE = "Việc công khai theo hướng dẫn của Huyện ủy (giả định, chỉ để thử)."

# The plain-text copy: the header's two columns on shared lines, as text copied from Word.
TXT = "\n".join(
    [
        f"{HEADER_LEFT[0]}\t\t{HEADER_RIGHT[0]}",
        HEADER_LEFT[1],
        HEADER_LEFT[2],
        f"{HEADER_LEFT[3]}\t\t{HEADER_RIGHT[1]}",
        *(line for line in (BODY[0][1], BODY[1][1], BODY[2][1], BODY[3][1])),
        "Chương I",
        BODY[5][1],
        "Điều 1. Phạm vi và đối tượng áp dụng",
        f"1. {BODY[7][1]}",
        f"2. {BODY[8][1]}",
        "Điều 2. Nguyên tắc làm việc",
        f"1. {BODY[10][1]}",
        f"a) {BODY[11][1]}",
        f"b) {BODY[12][1]}",
        f"2. {BODY[13][1]}",
        "Chương II",
        BODY[15][1],
        "Điều 3. Họp Ban Chấp hành",
        f"1. {BODY[17][1]}",
        f"2. {BODY[18][1]}",
        f"a) {BODY[19][1]}",
        f"b) {BODY[20][1]}",
        f"c) {BODY[21][1]}",
        "Điều 4. Ký văn bản",
        f"1. {BODY[23][1]}",
        *(" | ".join(row) for row in SIGNS),
        f"2. {BODY[25][1]}",
        "Điều 5. Hiệu lực",
        BODY[27][1],
        *SIGNATURE_RIGHT,
        *SIGNATURE_LEFT,
        "",
    ]
)


def _level(ilvl: int, fmt: str, text: str, style: str = "") -> str:
    linked = f'<w:pStyle w:val="{style}"/>' if style else ""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{linked}'
        f'<w:suff w:val="space"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
    )


def _articles_definition(abstract_id: int, style: str = ARTICLE_STYLE) -> str:
    return (
        f'<w:abstractNum {W} w:abstractNumId="{abstract_id}">'
        '<w:multiLevelType w:val="multilevel"/>'
        + _level(0, "decimal", "Điều %1.", style)
        + _level(1, "decimal", "%2.")
        + _level(2, "lowerLetter", "%3)")
        + "</w:abstractNum>"
    )


def _add_numbering(document: docx.document.Document) -> None:
    """Real numbering definitions: one multi-level list for Điều/khoản/điểm, one for
    chapters, a list that restarts the points (lvlOverride/startOverride), and the same
    restart split in two lists as LibreOffice writes it."""
    numbering = document.part.numbering_part.element
    articles = _articles_definition(90)
    chapters = (
        f'<w:abstractNum {W} w:abstractNumId="91">'
        + _level(0, "upperRoman", "Chương %1")
        + "</w:abstractNum>"
    )
    first_num = numbering.find(qn("w:num"))
    split = (_articles_definition(92, ""), _articles_definition(93, ""))
    for xml in (articles, chapters, *split):
        if first_num is not None:
            first_num.addprevious(parse_xml(xml))
        else:
            numbering.append(parse_xml(xml))
    numbering.append(
        parse_xml(f'<w:num {W} w:numId="{ARTICLES}"><w:abstractNumId w:val="90"/></w:num>')
    )
    numbering.append(
        parse_xml(f'<w:num {W} w:numId="{CHAPTERS}"><w:abstractNumId w:val="91"/></w:num>')
    )
    numbering.append(
        parse_xml(
            f'<w:num {W} w:numId="{POINTS_AFRESH}"><w:abstractNumId w:val="90"/>'
            '<w:lvlOverride w:ilvl="2"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        )
    )
    for num_id, abstract_id in ((SPLIT_FIRST, 92), (SPLIT_REST, 93)):
        numbering.append(
            parse_xml(
                f'<w:num {W} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'
            )
        )
    style = document.styles.add_style(ARTICLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    style.element.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {W}><w:numId w:val="{ARTICLES}"/></w:numPr>')
    )


def _numbered(document: docx.document.Document, text: str, num_id: str, ilvl: int) -> None:
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {W}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )


def _two_columns(document: docx.document.Document, left: list[str], right: list[str]) -> None:
    table = document.add_table(rows=1, cols=2)
    for cell, lines in zip(table.rows[0].cells, (left, right), strict=True):
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)


def _add_footnote(document: docx.document.Document, paragraph_text: str) -> None:
    paragraph = document.add_paragraph(paragraph_text)
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {W}><w:ilvl w:val="1"/><w:numId w:val="{ARTICLES}"/></w:numPr>')
    )
    paragraph.add_run()._r.append(parse_xml(f'<w:footnoteReference {W} w:id="1"/>'))
    notes = (
        f"<w:footnotes {W}>"
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {FOOTNOTE}</w:t></w:r></w:p></w:footnote>'
        "</w:footnotes>"
    )
    part = Part(
        PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, notes.encode(), document.part.package
    )
    document.part.relate_to(part, RT.FOOTNOTES)


def build_docx(path: Path, *, split_restart: bool = False) -> Path:
    """Write the .docx twin to ``path``; ``split_restart``: the restarted points stored
    as a .doc through LibreOffice stores them (two lists, no override)."""
    document = docx.Document()
    _add_numbering(document)
    _two_columns(document, HEADER_LEFT, HEADER_RIGHT)
    levels = {"chapter": (CHAPTERS, 0), "clause": (ARTICLES, 1), "point": (ARTICLES, 2)}
    levels["point-afresh"] = (POINTS_AFRESH, 2)
    afresh = 0
    for kind, text in BODY:
        if kind == "point-afresh" and split_restart:
            afresh += 1
            _numbered(document, text, SPLIT_FIRST if afresh == 1 else SPLIT_REST, 2)
        elif kind == "article":
            document.add_paragraph(text, style=ARTICLE_STYLE)
        elif kind in levels:
            _numbered(document, text, *levels[kind])
        elif kind == "signs":
            table = document.add_table(rows=len(SIGNS), cols=2)
            for row, values in zip(table.rows, SIGNS, strict=True):
                for cell, value in zip(row.cells, values, strict=True):
                    cell.text = value
        elif kind == "footnote":
            _add_footnote(document, text)
        else:
            document.add_paragraph(text)
    _two_columns(document, SIGNATURE_LEFT, SIGNATURE_RIGHT)
    document.save(str(path))
    return path


def build_txt(path: Path) -> Path:
    path.write_text(TXT, encoding="utf-8")
    return path


def outline(doc: Document) -> list[str]:
    """What must agree between the twins: metadata and the text of every node."""
    lines = [f"meta.{key}: {value}" for key, value in doc.meta.model_dump().items()]
    for article in doc.articles:
        lines.append(f"Điều {article.number} [{article.part}/{article.chapter}] {article.title}")
        for clause in article.clauses:
            lines.append(f"  khoản {clause.number}: {clause.text}")
            lines.extend(f"    điểm {p.id}: {p.text}" for p in clause.points)
    return lines


def twin_diff(folder: Path) -> list[str]:
    """Unified diff of the parsed .txt against the parsed .docx; empty when they agree."""
    from_txt = outline(parse_file(build_txt(folder / "quy-che-ngoc-khe.txt")))
    from_docx = outline(parse_file(build_docx(folder / "quy-che-ngoc-khe.docx")))
    return list(difflib.unified_diff(from_txt, from_docx, "txt", "docx", lineterm=""))


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        diff = twin_diff(Path(folder))
        docx_text = parse_file(Path(folder) / "quy-che-ngoc-khe.docx").text
    print("\n".join(diff) if diff else "Không khác nhau: .docx và .txt cho cùng một văn bản.")
    print("\n--- văn bản đọc từ .docx ---")
    print(docx_text)
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main())
