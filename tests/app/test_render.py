"""Card HTML: every user- or document-supplied string is escaped."""

from __future__ import annotations

import pytest

from app.render import (
    DIFFERENCE_BADGE,
    REFUSAL_BADGE,
    citation_location,
    render_answer,
    render_citation,
    render_question,
    title_as_written,
)
from assistant.citations import OCR_NOTE
from assistant.models import Answer, DocumentRef, NumericResult
from tests.app.conftest import EVIL, FakeAssistant, citation


def test_citation_card_escapes_quote_and_keeps_structure() -> None:
    html = render_citation(citation(quote=EVIL), 1)
    assert "<script>" not in html
    assert "<img" not in html
    assert "&lt;script&gt;" in html
    assert html.startswith('<details class="qc-cite">')
    assert "<summary>" in html
    assert "Điều 1, khoản 1, điểm a" in html
    assert 'class="qc-copy"' in html
    assert "\n" not in html


def test_citation_read_by_ocr_carries_a_note() -> None:
    assert OCR_NOTE not in render_citation(citation(), 1)
    html = render_citation(citation().model_copy(update={"ocr": True}), 1)
    assert f'<div class="qc-ocr">({OCR_NOTE})</div>' in html


def test_cite_as_in_attribute_cannot_break_out() -> None:
    c = citation().model_copy(update={"cite_as": 'a" onmouseover="alert(1)'})
    html = render_citation(c, 2)
    assert 'data-cite="a&quot; onmouseover=&quot;alert(1)"' in html
    assert 'onmouseover="' not in html


def test_location_omits_missing_parts() -> None:
    c = citation().model_copy(update={"clause": None, "point": None})
    assert citation_location(c) == "Điều 1"
    assert citation_location(citation()) == "Điều 1, khoản 1, điểm a"


def test_answer_escapes_text_and_notes() -> None:
    answer = Answer(
        question=EVIL,
        kind="answer",
        answer=f"Trả lời {EVIL}\ndòng hai",
        notes=[EVIL],
        citations=[citation(quote=EVIL)],
    )
    html = render_answer(answer)
    assert "<script" not in html and "<img" not in html
    assert "dòng hai" in html and "<br>" in html
    assert "\n" not in html


def test_refusal_badge() -> None:
    html = render_answer(Answer(question="q", kind="refusal", answer="Không có."))
    assert REFUSAL_BADGE in html
    assert "qc-badge-refusal" in html


def test_difference_badge_when_several_documents() -> None:
    docs = [DocumentRef(document_id="a", title="A"), DocumentRef(document_id="b", title="B")]
    html = render_answer(Answer(question="q", kind="answer", answer="x", documents=docs))
    assert DIFFERENCE_BADGE in html
    one = render_answer(Answer(question="q", kind="answer", answer="x", documents=docs[:1]))
    assert DIFFERENCE_BADGE not in one


def test_numeric_shows_value_and_computation() -> None:
    numeric = NumericResult(
        kind="quorum",
        value="2/3",
        basis="<b>ủy viên</b>",
        result="32 người",
        computation="⌈2/3 × 48⌉ = 32",
    )
    html = render_answer(Answer(question="q", kind="numeric", answer="x", numeric=numeric))
    assert "2/3" in html and "32 người" in html and "⌈2/3 × 48⌉ = 32" in html
    assert "&lt;b&gt;ủy viên&lt;/b&gt;" in html


def test_unspecified_numeric_says_blank() -> None:
    numeric = NumericResult(kind="quorum", value="...", unspecified=True)
    html = render_answer(Answer(question="q", kind="numeric", answer="x", numeric=numeric))
    assert "để trống" in html


def test_question_escaped() -> None:
    assert "&lt;script&gt;" in render_question(EVIL)


class TestTitleAsWritten:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # only in capitals: shown in capitals, not lower-cased
            (
                "QUY CHẾ\nLÀM VIỆC CỦA BAN THƯỜNG VỤ HUYỆN ỦY\nĐiều 1. A\n",
                "QUY CHẾ LÀM VIỆC CỦA BAN THƯỜNG VỤ HUYỆN ỦY",
            ),
            # also written in mixed case: that form
            (
                "QUY CHẾ LÀM VIỆC CỦA BAN THƯỜNG VỤ HUYỆN ỦY\nĐiều 1. Ban hành Quy chế làm việc "
                "của Ban Thường vụ Huyện ủy.\n",
                "Quy chế làm việc của Ban Thường vụ Huyện ủy",
            ),
            # not in the text at all (a sidecar gave it): as parsed
            ("Điều 1. A\n", "Quy chế làm việc của ban thường vụ huyện ủy"),
        ],
    )
    def test_capitals_as_in_the_document(self, text: str, expected: str) -> None:
        doc = FakeAssistant().doc
        meta = doc.meta.model_copy(update={"title": "Quy chế làm việc của ban thường vụ huyện ủy"})
        assert title_as_written(doc.model_copy(update={"text": text, "meta": meta})) == expected


def test_a_referenced_clause_carries_its_marker_where_it_is_quoted() -> None:
    """The clause a quote refers to is quoted under it: its [n] stands right after that
    quote, not gathered with the others at the end; a citation the text never quotes
    keeps its marker at the end."""
    first = citation("Tổ họp tháng một lần theo Điều 3.")
    referred = citation("Tổ trưởng triệu tập cuộc họp của tổ.")
    unquoted = citation("Tổ phó giúp tổ trưởng.")
    answer = Answer(
        question="Tổ họp bao lâu một lần?",
        kind="answer",
        answer=(
            "Tổ họp tháng một lần.\n«Tổ họp tháng một lần theo Điều 3.»\n"
            "«Điều 3» dẫn chiếu: «Tổ trưởng triệu tập cuộc họp của tổ.»\nHết."
        ),
        citations=[first, referred, unquoted],
    )
    html = render_answer(answer)
    assert html.index("theo Điều 3.»") < html.index("#qc-ref/1") < html.index("«Điều 3»")
    assert html.index("của tổ.»") < html.index("#qc-ref/2") < html.index("Hết.")
    assert html.index("Hết.") < html.index("#qc-ref/3")
