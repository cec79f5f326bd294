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


TWO_DEADLINES = (
    "ĐẢNG ỦY XÃ SEN HỒNG\nSố 06-QC/ĐU\n\nQUY CHẾ LÀM VIỆC\ncủa Ban Chấp hành Đảng bộ xã Sen Hồng\n\n"
    "Điều 1. Phạm vi\nQuy chế này quy định chế độ làm việc của Đảng ủy xã Sen Hồng.\n\n"
    "Điều 2. Chế độ hội nghị\n"
    "1. Đảng ủy họp thường lệ mỗi tháng một lần.\n"
    "2. Các ban được phân công chuẩn bị phải gửi tài liệu đến Văn phòng Đảng ủy trước kỳ họp "
    "ít nhất 06 ngày để thẩm định; Văn phòng Đảng ủy gửi giấy mời và tài liệu hội nghị đến "
    "các đảng ủy viên trước kỳ họp 04 ngày.\n"
)


def test_two_deadlines_of_one_clause_asked_together_are_each_computed(tmp_path: Path) -> None:
    """Two asks of one kind of number about different acts: each its own date."""
    assistant = assistant_over(tmp_path, {"sen-hong.txt": TWO_DEADLINES})
    answer = assistant.ask(
        "Hội nghị Đảng ủy xã Sen Hồng dự kiến ngày 25. Văn phòng phải gửi giấy mời, tài liệu "
        "cho các đảng ủy viên chậm nhất ngày mấy, và các ban chuẩn bị phải nộp tài liệu cho "
        "Văn phòng chậm nhất ngày mấy?"
    )
    assert "ngày 21" in answer.answer and "ngày 19" in answer.answer
    assert answer.answer.index("ngày 21") < answer.answer.index("ngày 19")  # as asked


OFFICES = (
    "ĐẢNG ỦY XÃ ĐỒI CÁT\nSố 09-QC/ĐU\n\nQUY CHẾ LÀM VIỆC\ncủa Ban Chấp hành Đảng bộ xã Đồi Cát\n\n"
    "Điều 1. Phạm vi\nQuy chế này quy định chế độ làm việc của Đảng ủy xã Đồi Cát; cán bộ "
    "kiêm nhiệm cũng thực hiện Quy chế này.\n\n"
    "Điều 2. Nhiệm vụ, quyền hạn của Bí thư Đảng ủy\n"
    "1. Chủ trì hội nghị Đảng ủy.\n"
    "2. Làm tổ trưởng tổ kiểm tra nội bộ.\n\n"
    "Điều 3. Nhiệm vụ, quyền hạn của Phó Bí thư Đảng ủy\n"
    "1. Giúp Bí thư điều hành công việc hằng ngày.\n"
    "2. Chịu trách nhiệm trước Đảng ủy, đồng chí Bí thư và các tổ trưởng về công tác văn thư, lưu trữ; "
    "trực tiếp phụ trách tổ văn thư và có tham gia tổ kiểm tra nội bộ.\n"
)


def test_a_yes_no_ask_about_one_body_is_not_answered_by_another_bodys_clause(
    tmp_path: Path,
) -> None:
    """The second ask's clause writes the first ask's words ("tổ kiểm tra nội bộ") of
    another body: the first ask gets its own clause."""
    assistant = assistant_over(tmp_path, {"doi-cat.txt": OFFICES})
    answer = assistant.ask(
        "QC xã Đồi Cát: bí thư có kiêm tổ trưởng tổ kiểm tra nội bộ không, còn tổ văn thư "
        "thì đ/c nào trực tiếp phụ trách?"
    )
    assert "Làm tổ trưởng tổ kiểm tra nội bộ" in answer.answer
    assert "trực tiếp phụ trách tổ văn thư" in answer.answer
    assert "Không tìm thấy" not in answer.answer


def test_a_who_ask_is_not_answered_by_a_quote_that_only_names_its_object(
    tmp_path: Path,
) -> None:
    """ "..., còn ai làm tổ trưởng tổ kiểm tra nội bộ?": the first ask's clause names "tổ
    kiểm tra nội bộ" (another body joins it); the act asked ("làm tổ trưởng") is not
    written there, so the second ask gets its own clause."""
    assistant = assistant_over(tmp_path, {"doi-cat.txt": OFFICES})
    answer = assistant.ask(
        "QC xã Đồi Cát: ai trực tiếp phụ trách tổ văn thư, còn ai làm tổ trưởng tổ kiểm tra nội bộ?"
    )
    assert "trực tiếp phụ trách tổ văn thư" in answer.answer
    assert "Làm tổ trưởng tổ kiểm tra nội bộ" in answer.answer


def test_the_scene_read_without_diacritics_is_still_no_word_of_the_ask(tmp_path: Path) -> None:
    """ "..., còn Văn phòng thì ...": the scene an ask that contrasts a body is read with
    is folded; its words are still the scene's, not the ask's own to be answered."""
    assistant = assistant_over(tmp_path, {"doi-cat.txt": OFFICES})
    answer = assistant.ask(
        "QC xã Đồi Cát: bí thư có kiêm tổ trưởng tổ kiểm tra nội bộ không, còn Văn phòng thì "
        "đ/c nào chịu trách nhiệm về công tác văn thư?"
    )
    assert "Không tìm thấy" not in answer.answer
