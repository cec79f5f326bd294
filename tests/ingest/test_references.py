"""In-text references: found, told apart from headings and from other documents, resolved."""

from __future__ import annotations

from ingest.parse import parse_text
from ingest.references import find_references, resolve

TEXT = """QUY CHẾ LÀM VIỆC CỦA ĐẢNG ỦY XÃ AN TƯỜNG

Điều 1. Nhiệm vụ của Đảng ủy
1. Lãnh đạo việc thực hiện nghị quyết của Đảng bộ xã.
2. Quyết định những vấn đề quy định tại khoản 1 Điều 3 Quy chế này.

Điều 2. Nhiệm vụ của Ban Thường vụ
Ngoài nhiệm vụ quy định tại Điều 1, Ban Thường vụ thực hiện Điều 5 Quy định số 31-QĐ/TW và điểm b khoản 2 Điều 3.

Điều 3. Chế độ họp
1. Đảng ủy họp ba tháng một lần.
2. Ban Thường vụ họp mỗi tháng một lần:
a) họp thường lệ vào đầu tháng;
b) họp bất thường khi cần.
"""


def test_references_found_and_resolved() -> None:
    doc = parse_text(TEXT, "xa-an-tuong.txt")
    article = doc.article(2)
    assert article is not None
    refs = find_references(article.text)
    assert [(r.article, r.clause, r.point, r.other_document) for r in refs] == [
        (1, None, None, ""),
        (5, None, None, "Quy định số 31-QĐ/TW"),
        (3, 2, "b", ""),
    ]
    assert all(r.text in article.text for r in refs)
    assert resolve(doc, article.part, refs[1]) is None  # another document
    point = resolve(doc, article.part, refs[2])
    assert point is not None and point.point is not None and point.point.id == "b"


def test_a_heading_is_no_reference() -> None:
    doc = parse_text(TEXT, "xa-an-tuong.txt")
    first = doc.article(1)
    assert first is not None
    refs = find_references(first.text)
    assert [(r.article, r.clause) for r in refs] == [(3, 1)]


def test_a_missing_node_does_not_resolve() -> None:
    doc = parse_text(TEXT.replace("khoản 1 Điều 3", "khoản 9 Điều 3"), "xa.txt")
    first = doc.article(1)
    assert first is not None
    assert resolve(doc, first.part, find_references(first.text)[0]) is None
