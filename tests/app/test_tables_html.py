"""The rules table and the table of powers as the page shows them."""

from __future__ import annotations

import re

from app.tables_html import UNKNOWN_DOCUMENT, powers_html, rules_html
from ingest.powers import extract_powers
from tests.app.conftest import EVIL, FakeAssistant, fake_rules


def test_rules_grouped_by_document_and_kind_in_words() -> None:
    doc = FakeAssistant().doc
    html = rules_html(fake_rules(), {doc.id: doc})
    assert html.index("Quy chế làm việc thử · 01-QC/TU") < html.index(UNKNOWN_DOCUMENT)
    assert "ngưỡng tiền (1)" in html and "túc số hội nghị (1)" in html
    assert "từ 03 tỷ đồng trở lên → Ban Thường vụ; còn lại → Thường trực" in html
    assert "ít nhất 2/3" in html and "tổng số ủy viên" in html and "để trống (... lần)" in html
    assert (
        'class="qc-open" href="#qc/quy-che-thu/regulation/1/1/a">điểm a khoản 1 Điều 1</a>' in html
    )
    shown = re.sub(r"<[^>]+>", " ", html)  # ids may be in link addresses, never shown
    for english in ("money_threshold", "lead_time", "regulation", ">=", "None", "quy-che-khac"):
        assert english not in shown
    assert not re.search(r"[0-9a-f]{16}", shown)
    assert "<script" not in html and "&lt;script&gt;" in html
    assert "Không có quy tắc" in rules_html([], {})


def test_empty_columns_left_out() -> None:
    doc = FakeAssistant().doc
    html = rules_html([r for r in fake_rules() if r.kind == "money_threshold"], {doc.id: doc})
    assert "Căn cứ tính" not in html and "Điều kiện" not in html and "Giá trị" in html


def test_powers_grouped_by_kind_with_links() -> None:
    doc = FakeAssistant().doc
    html = powers_html(extract_powers(doc), {doc.id: doc})
    assert "quyết định (" in html and "Ban Thường vụ" in html
    assert 'href="#qc/quy-che-thu/regulation/1/1/' in html
    assert EVIL not in html
