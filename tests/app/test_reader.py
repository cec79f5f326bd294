"""The reading pane's article with its quote marked, the tree, and document names."""

from __future__ import annotations

import json

from app.names import document_label
from app.reader import Place, article_with_mark, parse_place, tree_html
from assistant.citations import OCR_NOTE
from ingest.models import DocumentMeta
from tests.app.conftest import FakeAssistant


def _request(href: str, quote: str = "") -> str:
    return json.dumps({"href": href, "quote": quote})


def test_place_read_from_a_link() -> None:
    place = parse_place(_request("#qc/quy-che-thu/regulation/12a/1/a", "x"))
    assert place is not None
    assert (place.document_id, place.article, place.suffix, place.clause, place.point) == (
        "quy-che-thu",
        12,
        "a",
        1,
        "a",
    )
    assert parse_place(_request("#qc/a/b/c")) is None
    assert parse_place("not json") is None
    assert parse_place(_request("https://x/a/b/1//")) is None


def test_quote_marked_and_text_escaped() -> None:
    doc = FakeAssistant().doc
    place = parse_place(_request("#qc/quy-che-thu/regulation/1/1/", "triệu tập  hội nghị."))
    assert place is not None
    html = article_with_mark(doc, doc.articles[0], place)
    assert '<mark class="qc-mark">triệu tập hội nghị.</mark>' in html
    other = parse_place(_request("#qc/quy-che-thu/regulation/2//"))
    assert other is not None
    shown = article_with_mark(doc, doc.articles[1], other)
    assert "&lt;b&gt;quan hệ&lt;/b&gt;" in shown and "<mark" not in shown
    assert "Chương II · QUAN HỆ" in shown


def test_article_from_a_scanned_page_carries_the_note() -> None:
    from ingest.models import SourcePage
    from ingest.parse import parse_text

    text = "Điều 1. Phạm vi\n1. Quy chế áp dụng cho Đảng ủy xã Đồi Sim."
    pages = (SourcePage(number=1, text=text, ocr=True),)
    scanned = parse_text(text, "scan.pdf", pages=pages)
    typed = parse_text(text, "typed.txt")
    place = Place(document_id="scan", part=scanned.main_part, article=1)
    assert OCR_NOTE in article_with_mark(scanned, scanned.article(1), place)
    assert OCR_NOTE not in article_with_mark(typed, typed.article(1), place)


def test_without_quote_the_cited_point_is_marked() -> None:
    doc = FakeAssistant().doc
    place = parse_place(_request("#qc/quy-che-thu/regulation/1/1/a"))
    assert place is not None
    assert '<mark class="qc-mark">Gửi tài liệu trước 05 ngày.</mark>' in article_with_mark(
        doc, doc.articles[0], place
    )


def test_tree_by_chapter_with_links() -> None:
    html = tree_html([FakeAssistant().doc])
    assert "<summary>Chương II · QUAN HỆ</summary>" in html
    assert 'href="#qc/quy-che-thu/regulation/2//">Điều 2. Quan hệ công tác</a>' in html
    assert "Chưa có văn bản" in tree_html([])


def test_document_named_by_owner_number_year_status() -> None:
    meta = DocumentMeta(
        title="Quy chế làm việc",
        number="09-QC/TU",
        issuing_body="Tỉnh ủy Kon Tum",
        date_issued="2024-10-11",
        status="in_force",
    )
    assert document_label(meta) == "Tỉnh ủy Kon Tum · 09-QC/TU · 2024 · đang hiệu lực"
    draft = DocumentMeta(title="Quy chế mẫu", province="Điện Biên", status="draft")
    assert document_label(draft) == "tỉnh Điện Biên · dự thảo"
    model = draft.model_copy(update={"issuing_body": "Ban Bí thư", "governed_body": "Cấp ủy"})
    assert document_label(model) == "Ban Bí thư · mẫu cho Cấp ủy · dự thảo"
    template = model.model_copy(update={"status": "template"})
    assert document_label(template) == "Ban Bí thư · mẫu cho Cấp ủy"
    assert document_label(DocumentMeta(), "tep.txt") == "tep.txt"
