"""Parts, chapters, sections and articles found by their headings."""

from __future__ import annotations

from ingest.parse import parse_text
from tests.ingest.sample_regulation import CLAUSES, HEADINGS, regulation


def test_reference_at_line_start_is_not_a_heading() -> None:
    text = regulation(HEADINGS["dot"], CLAUSES["dot"]).replace(
        "Ban Thường vụ lãnh đạo giữa hai kỳ hội nghị.",
        "Ban Thường vụ lãnh đạo giữa hai kỳ hội nghị theo\nĐiều 1 của Quy chế này.",
    )
    doc = parse_text(text, "x.txt")
    assert [a.number for a in doc.articles] == [1, 2, 3]
    assert "Điều 1 của Quy chế này" in doc.articles[1].text


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
