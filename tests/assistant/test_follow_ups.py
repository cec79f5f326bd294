"""Suggested follow-up questions, on a made-up regulation: the same act of another body,
a numeric rule the answer did not use, the next step; none for a refusal."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.follow_ups import DocumentTables, document_handle, suggest_follow_ups
from assistant.models import Answer, Citation
from assistant.service import Assistant
from assistant.understand import understand
from ingest.models import Document
from ingest.parse import parse_text
from ingest.powers import extract_powers
from ingest.rules.extract import extract_rules
from ingest.settings import Settings

HA_LAM = """TỈNH ỦY HÀ LÂM
Số: 07-QC/TU

QUY CHẾ LÀM VIỆC
CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH HÀ LÂM

Chương I
NHIỆM VỤ, QUYỀN HẠN

Điều 1. Nhiệm vụ, quyền hạn của Ban Thường vụ
1. Ban Thường vụ quyết định triệu tập hội nghị Ban Chấp hành và chuẩn bị nội dung hội nghị.
2. Ban Thường vụ cho ý kiến về chương trình công tác năm của các ban xây dựng Đảng.

Điều 2. Nhiệm vụ, quyền hạn của Thường trực
1. Thường trực quyết định triệu tập hội nghị Ban Thường vụ và chuẩn bị nội dung, chương trình,
tài liệu của hội nghị.
2. Thường trực chỉ đạo công tác văn phòng và công tác tài chính của cơ quan.

Chương II
CHẾ ĐỘ HỘI NGHỊ

Điều 3. Hội nghị Ban Chấp hành
1. Ban Chấp hành họp thường lệ ba tháng một lần.
2. Hội nghị Ban Chấp hành chỉ hợp lệ khi có ít nhất 2/3 tổng số ủy viên tham dự.
3. Tài liệu hội nghị Ban Chấp hành được gửi trước ít nhất 05 ngày làm việc.
"""

# A second made-up regulation, so that a suggestion has to name its document.
DONG_XANH = HA_LAM.replace("HÀ LÂM", "ĐỒNG XANH").replace("07-QC/TU", "11-QC/TU")


@pytest.fixture(scope="module")
def doc() -> Document:
    return parse_text(HA_LAM, "quy-che-ha-lam.txt")


def tables(doc: Document, handle: str = "") -> DocumentTables:
    return DocumentTables.of(doc, extract_powers(doc), extract_rules(doc), handle)


def cite(doc: Document, article: int, clause: int) -> Citation:
    node = next(a for a in doc.articles if a.number == article).clause(clause)
    assert node is not None
    return Citation(
        document_id=doc.id,
        document_title=doc.meta.title,
        source_file=doc.source_file,
        part="regulation",
        chapter="",
        article=article,
        clause=clause,
        quote=node.text,
        cite_as=f"khoản {clause} Điều {article}",
    )


def suggest(doc: Document, question: str, *citations: Citation, kind: str = "answer") -> list[str]:
    answer = Answer.model_validate(
        {"question": question, "kind": kind, "answer": "…", "citations": list(citations)}
    )
    u = understand(question, [], [doc])
    made = tables(doc)
    return suggest_follow_ups(answer, u, lambda _id: made)


class TestFollowUps:
    def test_same_act_of_another_body(self, doc: Document) -> None:
        found = suggest(doc, "Ai quyết định triệu tập hội nghị Ban Chấp hành?", cite(doc, 1, 1))
        # cut before "và", where the first item of the action ends
        assert found[0] == "Thường trực có quyền quyết định triệu tập hội nghị Ban Thường vụ không?"

    def test_numeric_rule_the_answer_did_not_use(self, doc: Document) -> None:
        found = suggest(
            doc, "Ban Chấp hành họp thường lệ mấy tháng một lần?", cite(doc, 3, 1), kind="numeric"
        )
        # a numeric question gets the rule first; the frequency it asked is not suggested
        assert found[0] == "Phải có mặt bao nhiêu thành viên thì hội nghị Ban Chấp hành hợp lệ?"
        assert not any("bao lâu một lần" in f for f in found)

    def test_a_rule_already_quoted_is_not_suggested(self, doc: Document) -> None:
        found = suggest(
            doc,
            "Ban Chấp hành họp thường lệ mấy tháng một lần?",
            cite(doc, 3, 1),
            cite(doc, 3, 2),
            kind="numeric",
        )
        assert found[0] == "Gửi tài liệu, giấy mời họp Ban Chấp hành trước bao nhiêu ngày?"

    def test_next_clause_then_next_article_of_the_chapter(self, doc: Document) -> None:
        assert "Khoản 2 Điều 3 quy định gì?" in suggest(
            doc, "Ban Chấp hành họp khi nào?", cite(doc, 3, 1)
        )
        assert "Điều 2 quy định gì?" in suggest(
            doc, "Ban Thường vụ cho ý kiến gì?", cite(doc, 1, 2)
        )
        # the last clause of a chapter: Điều 3 opens another chapter
        last = suggest(doc, "Thường trực chỉ đạo công tác gì?", cite(doc, 2, 2))
        assert not any("quy định gì" in f for f in last)

    def test_procedure_puts_the_next_step_first(self, doc: Document) -> None:
        found = suggest(doc, "Quy trình hội nghị Ban Chấp hành như thế nào?", cite(doc, 3, 1))
        assert found[0] == "Khoản 2 Điều 3 quy định gì?"

    def test_nothing_for_a_refusal_or_a_clarification(self, doc: Document) -> None:
        for kind in ("refusal", "clarification"):
            assert suggest(doc, "Thuế thu nhập tính thế nào?", kind=kind) == []
        assert suggest(doc, "Ai quyết định triệu tập hội nghị Ban Chấp hành?") == []  # no citation

    def test_never_the_question_asked_at_most_three_no_duplicates(self, doc: Document) -> None:
        asked = "Khoản 2 Điều 3 quy định gì?"
        found = suggest(doc, asked, cite(doc, 3, 1))
        assert asked not in found
        assert len(found) == len(set(found)) <= 3
        assert found == suggest(doc, asked, cite(doc, 3, 1))  # deterministic

    def test_several_documents_name_the_document(self, doc: Document) -> None:
        other = parse_text(DONG_XANH, "quy-che-dong-xanh.txt")
        handle = document_handle(doc, [doc, other])
        assert handle == "quy chế Hà Lâm"
        assert document_handle(doc, [doc]) == ""
        answer = Answer(
            question="Ai quyết định triệu tập hội nghị Ban Chấp hành?",
            kind="answer",
            answer="…",
            citations=[cite(doc, 1, 1)],
        )
        u = understand(answer.question, [], [doc, other])
        found = suggest_follow_ups(answer, u, lambda _id: tables(doc, handle))
        assert found[0] == (
            "Theo quy chế Hà Lâm, Thường trực có quyền quyết định triệu tập hội nghị "
            "Ban Thường vụ không?"
        )
        assert "Theo quy chế Hà Lâm, khoản 2 Điều 1 quy định gì?" in found


def test_each_suggestion_is_answered_from_the_same_document(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "quy-che-ha-lam.txt").write_text(HA_LAM, encoding="utf-8")
    (docs / "quy-che-dong-xanh.txt").write_text(DONG_XANH, encoding="utf-8")
    settings = Settings(home=tmp_path / "home", embedding_backend="none")
    assert not Assistant.ingest_files(settings, [docs]).errors
    assistant = Assistant.open(settings)
    for question in (
        "Ai quyết định triệu tập hội nghị Ban Chấp hành Tỉnh ủy Hà Lâm?",
        "Ban Chấp hành Tỉnh ủy Hà Lâm họp thường lệ bao lâu một lần?",
    ):
        answer = assistant.ask(question)
        assert answer.follow_ups, question
        for follow_up in answer.follow_ups:
            asked = assistant.ask(follow_up)
            assert asked.kind in ("answer", "numeric"), follow_up
            assert asked.citations[0].document_id == "quy-che-ha-lam", follow_up
    refused = assistant.ask("Thuế thu nhập cá nhân tính thế nào?")
    assert refused.kind == "refusal" and refused.follow_ups == []
