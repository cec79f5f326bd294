"""An ask of a message looks for its own clause."""

from __future__ import annotations

from pathlib import Path

from assistant.each_ask import past_quoted, quoted_spans
from tests.assistant.test_answer import assistant_over


def test_quoted_spans_are_read_folded() -> None:
    assert quoted_spans("ghi 'do Tổ trưởng triệu tập' và «không quá hai ngày» và 'họp'") == (
        "do to truong trieu tap",
        "khong qua hai ngay",
    )


def test_an_ask_for_another_place_looks_past_the_clause_the_message_quotes() -> None:
    spans = quoted_spans("Quy chế ghi 'do Tổ trưởng triệu tập theo khoản 2 Điều 4'. Còn ...")
    clauses = [
        "Phiên họp do Tổ trưởng triệu tập theo khoản 2 Điều 4 Quy chế này.",
        "Triệu tập, chủ trì các phiên họp của Tổ.",
    ]
    assert past_quoted(clauses, lambda c: c, spans) == clauses[::-1]


REGULATION = (
    "TỔ CÔNG TÁC HOA MAI\nSố 03-QC/TCT\n\nQUY CHẾ LÀM VIỆC\ncủa Tổ công tác Hoa Mai\n\n"
    "Điều 1. Phạm vi\nQuy chế này quy định chế độ làm việc của Tổ công tác Hoa Mai.\n\n"
    "Điều 2. Chế độ họp\n"
    "1. Tổ họp thường kỳ mỗi quý một lần.\n"
    "2. Phiên họp thường kỳ của Tổ do Tổ trưởng triệu tập theo quy định tại khoản 2 "
    "Điều 4 Quy chế này.\n3. Thư ký ghi biên bản các phiên họp.\n\n"
    "Điều 3. Nhiệm vụ của Tổ trưởng\n"
    "1. Triệu tập, chủ trì các phiên họp của Tổ.\n"
    "2. Ký các văn bản, công văn của Tổ gửi cấp trên.\n\n"
    "Điều 4. Nhiệm vụ của tổ viên\n"
    "1. Thực hiện nhiệm vụ được phân công.\n"
    "2. Dự đầy đủ các phiên họp của Tổ; phát biểu ý kiến về các việc của Tổ.\n"
)


def test_a_clause_the_scene_names_binds_only_the_ask_that_names_it(tmp_path: Path) -> None:
    """A question about a referenced clause with a second ask of its own: each answered."""
    assistant = assistant_over(tmp_path, {"hoa-mai.txt": REGULATION})
    answer = assistant.ask(
        "Quy chế Tổ Hoa Mai ghi phiên họp do Tổ trưởng triệu tập 'theo quy định tại khoản 2 "
        "Điều 4'. Khoản 2 Điều 4 đó nói gì, còn ai chủ trì các phiên họp của Tổ?"
    )
    assert "Dự đầy đủ các phiên họp" in answer.answer
    assert "Triệu tập, chủ trì các phiên họp" in answer.answer


def test_an_ask_of_only_question_words_stays_with_the_clause_named(tmp_path: Path) -> None:
    """ "..., trong trường hợp nào?" asks of the same clause: no block of its own."""
    assistant = assistant_over(tmp_path, {"hoa-mai.txt": REGULATION})
    answer = assistant.ask(
        "Quy chế Tổ Hoa Mai ghi phiên họp do Tổ trưởng triệu tập 'theo quy định tại khoản 2 "
        "Điều 4'. Khoản 2 Điều 4 giao việc gì cho tổ viên, trong trường hợp nào?"
    )
    assert "Dự đầy đủ các phiên họp" in answer.answer
    assert "Về ý" not in answer.answer


def test_an_ask_about_the_document_leaves_the_other_asks_their_own_clause(
    tmp_path: Path,
) -> None:
    """ "có hiệu lực từ khi nào, ai ký ...?": the document's closing article answers the
    first ask, the clause on signing the second, in the order asked."""
    with_effect = (
        REGULATION + "\nĐiều 5. Hiệu lực thi hành\nQuy chế này có hiệu lực kể từ ngày ký.\n"
    )
    assistant = assistant_over(tmp_path, {"hoa-mai.txt": with_effect})
    answer = assistant.ask(
        "Quy chế Tổ Hoa Mai có hiệu lực từ khi nào, ai ký các công văn của Tổ gửi cấp trên?"
    )
    effect = answer.answer.find("Quy chế này có hiệu lực kể từ ngày ký")
    signing = answer.answer.find("Ký các văn bản, công văn của Tổ gửi cấp trên")
    assert 0 <= effect < signing
