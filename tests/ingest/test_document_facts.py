"""A regulation's own facts: header, signature and closing articles, quoted verbatim."""

from __future__ import annotations

from ingest.document_facts import DocumentFact, document_facts
from ingest.parse import parse_text

REGULATION = """ĐẢNG BỘ TỈNH LAM SƠN
ĐẢNG ỦY XÃ HƯNG LỢI
*
Số 07-QC/ĐU
ĐẢNG CỘNG SẢN VIỆT NAM
Hưng Lợi, ngày 05 tháng 3 năm 2031

QUY CHẾ
làm việc của Ban Chấp hành Đảng bộ xã Hưng Lợi
khóa III, nhiệm kỳ 2030 - 2035

Điều 1. Phạm vi điều chỉnh
Quy chế này quy định việc làm việc của Ban Chấp hành Đảng bộ xã.

Điều 2. Họp Ban Thường vụ
Ban Thường vụ họp mỗi tháng một lần.

Điều 3. Hiệu lực thi hành
1. Việc sửa đổi, bổ sung Quy chế do Ban Chấp hành Đảng bộ xã xem xét, quyết định.
2. Quy chế này có hiệu lực kể từ ngày ký và thay thế Quy chế số 02-QC/ĐU, ngày 01/02/2026 của Đảng ủy xã.

Nơi nhận:
- Lưu Văn phòng.
T/M BAN CHẤP HÀNH
BÍ THƯ

Lò Văn Pảng
"""

TEMPLATE = """ĐẢNG ỦY XÃ ...
Số.....QC/ĐU
..., ngày … tháng … năm …

QUY CHẾ LÀM VIỆC MẪU CỦA ĐẢNG ỦY XÃ

Điều 1. Phạm vi
Quy chế này quy định việc làm việc của Đảng ủy xã.

Điều 2. Hiệu lực
Quy chế này có hiệu lực từ ngày ký.

T/M ĐẢNG ỦY
BÍ THƯ
"""


def _facts(text: str, name: str) -> dict[str, DocumentFact]:
    doc = parse_text(text, name)
    facts = {f.attribute: f for f in document_facts(doc)}
    for fact in facts.values():
        assert fact.quote in doc.text
    return facts


def test_header_signature_and_closing_facts() -> None:
    facts = _facts(REGULATION, "xa-hung-loi.txt")
    assert set(facts) >= {"number", "date", "signer", "effect", "replaces", "amendment", "term"}
    number, date, signer = facts["number"], facts["date"], facts["signer"]
    assert number.value == "07-QC/ĐU" and number.place == "header"
    assert date.value == "2031-03-05"
    assert signer.value.startswith("Lò Văn Pảng")
    assert "BÍ THƯ" in signer.value and signer.place == "signature"
    effect = facts["effect"]
    assert (effect.article, effect.clause) == (3, 2)
    assert facts["replaces"].quote == effect.quote
    assert facts["amendment"].clause == 1
    assert "khóa III" in facts["term"].value


def test_a_templates_blanks_are_unspecified() -> None:
    facts = _facts(TEMPLATE, "mau-xa.txt")
    for attribute in ("number", "date", "signer"):
        fact = facts[attribute]
        assert fact.unspecified and fact.value == "", attribute
    assert not facts["effect"].unspecified


def test_a_clause_that_only_relies_on_the_regulation_is_no_amendment() -> None:
    text = REGULATION.replace(
        "1. Việc sửa đổi, bổ sung Quy chế do Ban Chấp hành Đảng bộ xã xem xét, quyết định.",
        "1. Căn cứ Quy chế này, các chi bộ sửa đổi, bổ sung các quy định có liên quan.",
    )
    assert "amendment" not in _facts(text, "xa-hung-loi.txt")


def test_a_signature_in_a_column_beside_the_recipients_gives_its_name() -> None:
    text = REGULATION.split("Nơi nhận:")[0] + (
        "Nơi nhận:\tT/M BAN CHẤP HÀNH\n"
        "- Ban Thường vụ Huyện ủy (b/c),\tBÍ THƯ\n"
        "- Các chi bộ trực thuộc,\n"
        "- Các đồng chí ủy viên,\t(đã ký)\n"
        "- Lưu Văn phòng.\tLò Văn Pảng\n"
    )
    doc = parse_text(text, "hung-loi-cot")
    signer = [f for f in document_facts(doc) if f.attribute == "signer"]
    assert [f.value for f in signer] == ["Lò Văn Pảng (T/M BAN CHẤP HÀNH BÍ THƯ)"]
    assert signer[0].quote in doc.text


def test_the_replaced_document_may_have_words_of_its_name_before_its_number() -> None:
    text = REGULATION.replace(
        "thay thế Quy chế số 02-QC/ĐU, ngày 01/02/2026",
        "thay thế Quy chế làm việc tạm thời số 04-QC/ĐU, ngày 01/02/2026",
    )
    replaced = _facts(text, "xa-hung-loi.txt")["replaces"]
    assert replaced.value == "Quy chế làm việc tạm thời số 04-QC/ĐU, ngày 1/2/2026"


def test_each_line_the_header_issues_it_on_is_a_basis_fact() -> None:
    """ "- Căn cứ ...": the documents the regulation is issued on, each line quoted whole."""
    text = REGULATION.replace(
        "QUY CHẾ\n",
        "- Căn cứ Điều lệ Đảng;\n- Căn cứ Quy định số 31-QĐ/TU, ngày 02/01/2030 của Tỉnh ủy;\n\nQUY CHẾ\n",
    )
    doc = parse_text(text, "hung-loi.txt")
    basis = [f for f in document_facts(doc) if f.attribute == "basis"]
    assert [f.quote for f in basis] == [
        "- Căn cứ Điều lệ Đảng;",
        "- Căn cứ Quy định số 31-QĐ/TU, ngày 02/01/2030 của Tỉnh ủy;",
    ]
    assert all(text[f.start : f.start + len(f.quote)] == f.quote for f in basis)


def test_the_outline_counts_chapters_and_articles_of_the_main_part() -> None:
    chaptered = REGULATION.replace("Điều 1.", "Chương I\nQUY ĐỊNH CHUNG\nĐiều 1.").replace(
        "Điều 2.", "Chương II\nCHẾ ĐỘ HỌP\nĐiều 2."
    )
    doc = parse_text(chaptered, "hung-loi.txt")
    (outline,) = [f for f in document_facts(doc) if f.attribute == "outline"]
    assert outline.value == "2 chương, 3 điều"
    assert outline.article == 3 and outline.quote == "Điều 3. Hiệu lực thi hành"
    assert chaptered[outline.start : outline.start + len(outline.quote)] == outline.quote
