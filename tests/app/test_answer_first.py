"""The answer first: the bold line from the typed Answer, [n] markers, per-document blocks,
follow-up chips, and the same answer as markdown for export (app/headline.py,
app/render.py, app/export.py)."""

from __future__ import annotations

import pytest

from app.export import answer_markdown, question_markdown
from app.headline import first_sentence, headline
from app.render import ref_href, render_answer
from assistant.models import Answer, DocumentRef, NumericResult
from tests.app.conftest import EVIL, citation

CITE = citation()
OTHER = citation().model_copy(
    update={"document_id": "khac", "document_title": "Quy chế khác", "quote": "Thường trực."}
)


class TestHeadline:
    def test_numeric_leads_with_the_computed_result(self) -> None:
        numeric = NumericResult(kind="quorum", value="2/3", result="10 người")
        answer = Answer(question="q", kind="numeric", answer="Cần 2/3.", numeric=numeric)
        assert headline(answer) == ("10 người", "Cần 2/3.")

    def test_numeric_without_result_leads_with_value_and_basis(self) -> None:
        numeric = NumericResult(kind="quorum", value="2/3", basis="tổng số ủy viên")
        answer = Answer(question="q", kind="numeric", answer="x", numeric=numeric)
        assert headline(answer)[0] == "2/3 tổng số ủy viên"

    @pytest.mark.parametrize("kind", ["refusal", "clarification"])
    def test_refusal_and_clarification_lead_with_their_reason(self, kind: str) -> None:
        text = "Không tìm thấy quy định này. Hãy hỏi khác."
        answer = Answer.model_validate({"question": "q", "kind": kind, "answer": text})
        assert headline(answer) == ("Không tìm thấy quy định này.", "Hãy hỏi khác.")

    def test_answer_leads_with_its_first_sentence(self) -> None:
        assert first_sentence("Có. Theo Điều 5 quy chế 01-QC/TU. Thêm.") == (
            "Có.",
            "Theo Điều 5 quy chế 01-QC/TU. Thêm.",
        )
        assert first_sentence("Ban Thường vụ quyết định") == ("Ban Thường vụ quyết định", "")
        assert first_sentence("Số 01-QC/TU. được ban hành. Ông A ký.")[0] == (
            "Số 01-QC/TU. được ban hành."
        )
        assert first_sentence("Có! Điều 5.") == ("Có!", "Điều 5.")

    def test_the_document_an_answer_opens_with_follows_the_first_line(self) -> None:
        ref = DocumentRef(document_id="d", title="Quy chế X", number="09-QC/TU")
        text = "Theo Quy chế X (09-QC/TU): Ban Thường vụ (khoản 1 Điều 2).\n«Quyết định.»"
        answer = Answer(question="q", kind="answer", answer=text, documents=[ref])
        assert headline(answer) == (
            "Ban Thường vụ (khoản 1 Điều 2).",
            "Theo Quy chế X (09-QC/TU). «Quyết định.»",
        )
        other = answer.model_copy(update={"answer": "Theo Quy chế Y: Ban Thường vụ."})
        assert headline(other)[0] == "Theo Quy chế Y: Ban Thường vụ."


class TestRenderAnswer:
    def test_bold_line_markers_quote_then_cards(self) -> None:
        answer = Answer(
            question="q", kind="answer", answer="Ban Thường vụ. Vì vậy.", citations=[CITE, CITE]
        )
        html = render_answer(answer, {"quy-che-thu": "Tỉnh ủy Thử · 01-QC/TU"})
        head, text, quote, cards = (
            html.index("qc-head"),
            html.index('href="#qc-ref/2"'),
            html.index("qc-lead-quote"),
            html.index("qc-cite"),
        )
        assert head < text < quote < cards
        assert "<b>Ban Thường vụ.</b>" in html and "Tỉnh ủy Thử · 01-QC/TU" in html
        assert html.count('class="qc-open" href="#qc/quy-che-thu/regulation/1/1/a"') == 2

    def test_a_quote_the_text_already_gives_is_not_repeated(self) -> None:
        text = f"Ban Thường vụ.\n«{CITE.quote}»"
        html = render_answer(Answer(question="q", kind="answer", answer=text, citations=[CITE]))
        assert "qc-lead-quote" not in html

    def test_several_documents_one_block_each_with_a_summary(self) -> None:
        answer = Answer(question="q", kind="answer", answer="Khác.", citations=[CITE, OTHER])
        html = render_answer(answer, {"khac": "Huyện ủy Khác"})
        assert html.count('class="qc-doc-block"') == 2
        assert "2 văn bản — nội dung được trích khác nhau" in html
        assert '<div class="qc-doc-head">Huyện ủy Khác</div>' in html

    def test_follow_ups_are_escaped_chips(self) -> None:
        answer = Answer(question="q", kind="answer", answer="x", follow_ups=[EVIL, "Hỏi tiếp?"])
        html = render_answer(answer)
        assert html.count('class="qc-chip"') == 2 and "<script" not in html
        assert "qc-follow" not in render_answer(Answer(question="q", kind="answer", answer="x"))

    def test_no_link_outside_an_article(self) -> None:
        assert ref_href(CITE.model_copy(update={"place": "header", "article": 0})) == ""


def test_markdown_has_question_answer_cite_as_and_quote() -> None:
    answer = Answer(question="q", kind="answer", answer="Ban Thường vụ. Vì vậy.", citations=[CITE])
    text = question_markdown("Ai  quyết định?") + answer_markdown(answer)
    assert text.startswith("## Hỏi: Ai quyết định?\n**Ban Thường vụ.**\n\nVì vậy.")
    assert f"[1] {CITE.cite_as}\n\n> {CITE.quote}" in text


def test_a_procedure_is_drawn_as_numbered_steps_each_with_its_citation() -> None:
    from assistant.models import ProcedureStep

    second = CITE.model_copy(update={"quote": "Văn phòng gửi giấy mời trước 05 ngày.", "clause": 2})
    steps = [
        ProcedureStep(number=1, text=CITE.quote, actor="Ban Thường vụ", citation=0),
        ProcedureStep(number=2, text=second.quote, timing="gửi tài liệu: 05 ngày", citation=1),
    ]
    answer = Answer(
        question="q",
        kind="answer",
        answer="Theo X, trình tự như sau:",
        citations=[CITE, second],
        steps=steps,
    )
    assert headline(answer)[0] == "Trình tự gồm 2 bước"
    html = render_answer(answer)
    assert html.count("<li>") == 2 and '<ol class="qc-steps">' in html
    assert "<b>Ban Thường vụ</b>" in html and 'href="#qc-ref/2">[2]</a>' in html
    assert "gửi tài liệu: 05 ngày" in html


def test_the_deciding_body_leads_and_documents_are_compared_by_their_findings() -> None:
    from assistant.models import Finding

    one = Answer(
        question="q",
        kind="answer",
        answer="Theo X: Thường trực (khoản 1 Điều 1).",
        citations=[CITE],
        documents=[DocumentRef(document_id=CITE.document_id, title="X")],
        findings=[Finding(document_id=CITE.document_id, value="Thường trực", citation=0)],
    )
    assert headline(one)[0] == "Thường trực"
    two = one.model_copy(
        update={
            "citations": [CITE, OTHER],
            "documents": [
                DocumentRef(document_id=CITE.document_id, title="X"),
                DocumentRef(document_id="khac", title="Quy chế khác"),
            ],
            "findings": [
                Finding(document_id=CITE.document_id, value="Thường trực", citation=0),
                Finding(document_id="khac", value="Ban Thường vụ", citation=1),
            ],
        }
    )
    html = render_answer(two, {CITE.document_id: "Xã A", "khac": "Xã B"})
    assert "Khác nhau: Thường trực (Xã A); Ban Thường vụ (Xã B)." in html


def test_a_step_links_the_clauses_its_own_clause_refers_to() -> None:
    """ "Bước 2: biểu quyết theo khoản 3 Điều 10": the referenced clause, added as a
    linked citation, is marked on the step that refers to it."""
    from assistant.models import ProcedureStep

    second = CITE.model_copy(
        update={"quote": "Biểu quyết theo khoản 3 Điều 10.", "clause": 2, "cite_as": "khoản 2"}
    )
    referred = CITE.model_copy(
        update={
            "quote": "Hội nghị hợp lệ khi có hai phần ba dự.",
            "article": 10,
            "clause": 3,
            "cite_as": "khoản 3 Điều 10",
            "via": second.cite_as,
        }
    )
    steps = [
        ProcedureStep(number=1, text=CITE.quote, citation=0),
        ProcedureStep(number=2, text=second.quote, citation=1),
    ]
    answer = Answer(
        question="q",
        kind="answer",
        answer="Theo X, trình tự như sau:",
        citations=[CITE, second, referred],
        steps=steps,
    )
    html = render_answer(answer)
    second_step = html.split("<li>")[2]
    assert 'dẫn chiếu <a class="qc-ref" href="#qc-ref/3">[3]</a>' in second_step
    assert "dẫn chiếu" not in html.split("<li>")[1]
