"""Parser on layouts that are not in the bundled corpus."""

from __future__ import annotations

import pytest

from ingest.errors import InputError
from ingest.parse import document_id_for, parse_text
from tests.ingest.sample_regulation import CLAUSES, HEADINGS, regulation


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


def test_signature_block_with_double_spaces_ends_the_body() -> None:
    text = (
        "Điều 1. Phạm vi\n1. Quy chế này quy định chế độ làm việc.\n"
        "Nơi  nhận:\n-  Các  đảng  ủy  trực  thuộc,\n-  Lưu  Văn  phòng.\n"
    )
    doc = parse_text(text, "qc.txt")
    assert "nhận" not in doc.article(1).text
