"""Parser on layouts that are not in the bundled corpus."""

from __future__ import annotations

import pytest

from ingest.errors import InputError
from ingest.parse import document_id_for, parse_text

HEADINGS = {
    "dot": "Điều {n}. {t}",
    "markdown": "**Điều {n}. {t}**",
    "colon": "Điều {n}: {t}",
    "dash": "Điều {n} - {t}",
    "upper": "ĐIỀU {n} {T}",
    "upper-dash": "ĐIỀU {n} – {T}",
    "markdown-heading": "### Điều {n}. {t}",
}
CLAUSES = {"dot": "{n}.", "slash": "{n}/-", "dash": "{n}-", "paren": "{n})"}


def regulation(heading: str, clause: str, points: str = "a)") -> str:
    def h(n: int, title: str) -> str:
        return heading.format(n=n, t=title, T=title.upper())

    def c(n: int) -> str:
        return clause.format(n=n)

    def p(letter: str) -> str:
        return points.replace("a", letter, 1)

    return f"""ĐẢNG BỘ TỈNH HÒA BÌNH
ĐẢNG ỦY KHỐI DOANH NGHIỆP TỈNH
Số 12-QC/ĐUK
Hòa Bình, ngày 05 tháng 3 năm 2021

QUY CHẾ LÀM VIỆC
của Ban Chấp hành Đảng bộ Khối Doanh nghiệp tỉnh khóa V, nhiệm kỳ 2020-2025

- Căn cứ Quy định số 24-QĐ/TW ngày 30-7-2021 của Ban Chấp hành Trung ương;

Chương I
NHIỆM VỤ, QUYỀN HẠN

{h(1, "Nhiệm vụ của Ban Chấp hành")}
{c(1)} Quyết định chương trình công tác toàn khóa.
{c(2)} Bầu Ban Thường vụ, Bí thư, Phó Bí thư theo Điều 4 của Quy chế này.
{p("a")} Bầu bằng phiếu kín;
{p("b")} Kết quả được công bố tại hội nghị.
{c(3)} Thực hiện nhiệm vụ khác.

{h(2, "Nhiệm vụ của Ban Thường vụ")}
Ban Thường vụ lãnh đạo giữa hai kỳ hội nghị.

Chương II
CHẾ ĐỘ LÀM VIỆC

{h(3, "Chế độ hội nghị")}
{c(1)} Ban Chấp hành họp thường lệ ba tháng một lần.
{c(2)} Hội nghị hợp lệ khi có ít nhất 2/3 tổng số ủy viên tham dự.
"""


@pytest.mark.parametrize("heading", sorted(HEADINGS))
@pytest.mark.parametrize("clause", sorted(CLAUSES))
def test_heading_and_clause_styles(heading: str, clause: str) -> None:
    doc = parse_text(regulation(HEADINGS[heading], CLAUSES[clause]), "quy-che-thu.txt")
    assert [a.number for a in doc.articles] == [1, 2, 3]
    first, second, third = doc.articles
    assert (
        first.title == "Nhiệm vụ của Ban Chấp hành" or first.title == "NHIỆM VỤ CỦA BAN CHẤP HÀNH"
    )
    assert [c.number for c in first.clauses] == [1, 2, 3]
    assert [p.id for p in first.clause(2).points] == ["a", "b"]
    assert first.chapter == "Chương I" and third.chapter == "Chương II"
    assert first.chapter_title == "NHIỆM VỤ, QUYỀN HẠN"
    assert [c.number for c in second.clauses] == [None]
    assert third.clause(2).text.endswith("tham dự.")


@pytest.mark.parametrize("points", ["a)", "a-", "a."])
def test_point_styles(points: str) -> None:
    doc = parse_text(regulation(HEADINGS["dot"], CLAUSES["dot"], points), "x.txt")
    assert [p.id for p in doc.articles[0].clause(2).points] == ["a", "b"]


def test_reference_at_line_start_is_not_a_heading() -> None:
    text = regulation(HEADINGS["dot"], CLAUSES["dot"]).replace(
        "Ban Thường vụ lãnh đạo giữa hai kỳ hội nghị.",
        "Ban Thường vụ lãnh đạo giữa hai kỳ hội nghị theo\nĐiều 1 của Quy chế này.",
    )
    doc = parse_text(text, "x.txt")
    assert [a.number for a in doc.articles] == [1, 2, 3]
    assert "Điều 1 của Quy chế này" in doc.articles[1].text


def test_metadata_from_header() -> None:
    doc = parse_text(regulation(HEADINGS["dot"], CLAUSES["dot"]), "Quy chế Thử.txt")
    meta = doc.meta
    assert doc.id == "quy-che-thu"
    assert meta.number == "12-QC/ĐUK"
    assert meta.province == "Hòa Bình"
    assert meta.issuing_body == "Đảng ủy khối doanh nghiệp tỉnh Hòa Bình"
    assert meta.level == "bloc"
    assert meta.term == "khóa V" and meta.term_years == "2020-2025"
    assert meta.date_issued == "2021-03-05"
    assert meta.status == "in_force"


def test_sections_parts_and_sub_clauses() -> None:
    text = """QUY CHẾ MẪU
PHẦN I. QUY ĐỊNH CHUNG
Mục 1. Phạm vi
Điều 1. Phạm vi điều chỉnh
1.1. Quy chế này áp dụng cho chi bộ.
1.2. Quy chế này áp dụng cho đảng viên.
(1) Đảng viên chính thức;
(2) Đảng viên dự bị.
PHẦN II. TỔ CHỨC THỰC HIỆN
Điều 1. Hiệu lực
Quy chế có hiệu lực từ ngày ký.
"""
    doc = parse_text(text, "mau.txt")
    assert [p.id for p in doc.parts] == ["part-1", "part-2"]
    first = doc.parts[0].articles[0]
    assert first.section == "Mục 1"
    # "1.1.", "1.2." in Điều 1 number its khoản under the article; "(1)" items are points.
    assert [c.number for c in first.clauses] == [1, 2]
    assert doc.parts[0].title == "Phần I. QUY ĐỊNH CHUNG"
    assert [p.id for p in first.clauses[1].points] == ["(1)", "(2)"]
    assert doc.meta.status == "template"


def test_decision_with_attached_regulation() -> None:
    text = """QUYẾT ĐỊNH
ban hành Quy chế làm việc
BAN THƯỜNG VỤ QUYẾT ĐỊNH
Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc.
Điều 2. Quyết định có hiệu lực từ ngày ký.
Nơi nhận:
- Như Điều 2,
T/M BAN THƯỜNG VỤ

QUY CHẾ LÀM VIỆC
(Kèm theo Quyết định số 15-QĐ/HU, ngày 02/03/2022 của Ban Thường vụ Huyện ủy)
Điều 1. Phạm vi
Quy chế này quy định chế độ làm việc.
Điều 2. Chế độ họp
1. Ban Chấp hành họp ba tháng một lần.
Điều 3. Hiệu lực
Quy chế có hiệu lực từ ngày ký.
"""
    doc = parse_text(text, "qd.txt")
    assert [(p.id, len(p.articles)) for p in doc.parts] == [("decision", 2), ("regulation", 3)]
    assert "Nơi nhận" not in doc.parts[0].articles[-1].text
    assert doc.article(2).title == "Chế độ họp"
    assert doc.article(2, "decision").title.startswith("Quyết định có hiệu lực")
    assert doc.meta.number == "15-QĐ/HU"
    assert doc.meta.date_issued == "2022-03-02"
    assert doc.meta.issuing_body == "Ban Thường vụ Huyện ủy"


def test_gap_in_numbering_warns() -> None:
    text = "Điều 1. A\nNội dung.\nĐiều 3. C\nNội dung.\n"
    doc = parse_text(text, "gap.txt")
    assert [a.number for a in doc.articles] == [1, 3]
    assert any("Điều 2" in w for w in doc.warnings)


def test_no_articles_is_an_input_error() -> None:
    with pytest.raises(InputError, match="không tìm thấy tiêu đề"):
        parse_text("Biên bản cuộc họp chi bộ.\nNội dung: thảo luận.", "bien-ban.txt")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Quy chế Tỉnh ủy.txt", "quy-che-tinh-uy"),
        ("a/b/QC 09-QC_TU.docx", "qc-09-qc-tu"),
        ("Đảng ủy.md", "dang-uy"),
        ("....pdf", "tai-lieu"),
    ],
)
def test_document_id_slug(name: str, expected: str) -> None:
    assert document_id_for(name) == expected


def test_clauses_numbered_under_their_article() -> None:
    text = """QUY CHẾ LÀM VIỆC
Điều 1. Chế độ họp
1.1. Ban Thường vụ họp mỗi tháng một lần.
1.2. Khi cần, Bí thư triệu tập họp bất thường:
a) theo đề nghị của Thường trực;
b) theo đề nghị của một phần ba ủy viên.
1.3. Hội nghị hợp lệ khi có hai phần ba ủy viên dự.
Điều 2. Quan hệ công tác
1. Với cấp trên.
1.1. Báo cáo định kỳ.
2. Với cấp dưới.
"""
    doc = parse_text(text, "thu.txt")
    seventh, eighth = doc.parts[0].articles
    assert [c.number for c in seventh.clauses] == [1, 2, 3]
    assert [p.id for p in seventh.clauses[1].points] == ["a", "b"]
    # "1.1." under khoản 1 of another article stays its sub-clause
    assert [c.number for c in eighth.clauses] == [1, 2]
    assert [p.id for p in eighth.clauses[0].points] == ["1.1"]


def test_signature_block_with_double_spaces_ends_the_body() -> None:
    text = (
        "Điều 1. Phạm vi\n1. Quy chế này quy định chế độ làm việc.\n"
        "Nơi  nhận:\n-  Các  đảng  ủy  trực  thuộc,\n-  Lưu  Văn  phòng.\n"
    )
    doc = parse_text(text, "qc.txt")
    assert "nhận" not in doc.article(1).text
