"""Procedure answers as ordered steps, on made-up regulations."""

from __future__ import annotations

from pathlib import Path

from tests.assistant.test_answer import assistant_over, verbatim

HEADER = (
    "ĐẢNG ỦY XÃ HỒ SEN\nSố 03-QC/ĐU\n\nQUY CHẾ LÀM VIỆC\ncủa Ban Chấp hành Đảng bộ xã Hồ Sen\n\n"
)

SEQUENCE = HEADER + (
    "Điều 1. Phạm vi\nQuy chế này quy định chế độ làm việc của Đảng ủy xã Hồ Sen.\n\n"
    "Điều 2. Trình tự xét duyệt đề án thủy lợi\n"
    "1. Văn phòng Đảng ủy tiếp nhận đề án thủy lợi và kiểm tra hồ sơ.\n"
    "2. Ban Thường vụ Đảng ủy thẩm tra đề án thủy lợi.\n"
    "3. Ban Chấp hành Đảng bộ biểu quyết thông qua đề án thủy lợi.\n\n"
    "Điều 3. Khen thưởng\nBan Thường vụ Đảng ủy quyết định khen thưởng đảng viên.\n"
)

SPREAD = HEADER + (
    "Điều 1. Chuẩn bị hội nghị\n"
    "1. Văn phòng Đảng ủy chuẩn bị tài liệu hội nghị sơ kết mùa vụ.\n"
    "2. Tài liệu hội nghị sơ kết mùa vụ phải gửi đến các thành viên trước kỳ họp ít nhất "
    "05 ngày.\n\n"
    "Điều 2. Khen thưởng\nBan Thường vụ Đảng ủy quyết định khen thưởng đảng viên.\n\n"
    "Điều 3. Biểu quyết\n"
    "1. Tại hội nghị sơ kết mùa vụ, Ban Chấp hành Đảng bộ biểu quyết bằng giơ tay.\n"
)


def test_an_article_that_names_a_sequence_is_answered_by_all_its_khoan_in_order(
    tmp_path: Path,
) -> None:
    assistant = assistant_over(tmp_path, {"ho-sen.txt": SEQUENCE})
    answer = assistant.ask("Đề án thủy lợi được xét duyệt qua những bước nào?")
    places = [(c.article, c.clause) for c in answer.citations[: len(answer.steps)]]
    assert places == [(2, 1), (2, 2), (2, 3)]
    assert [s.number for s in answer.steps] == [1, 2, 3]
    assert answer.steps[1].text in answer.citations[answer.steps[1].citation].quote
    verbatim(assistant, answer)


def test_steps_across_articles_come_in_the_documents_order_with_their_time_limit(
    tmp_path: Path,
) -> None:
    assistant = assistant_over(tmp_path, {"ho-sen.txt": SPREAD})
    answer = assistant.ask(
        "Hội nghị sơ kết mùa vụ: chuẩn bị tài liệu, gửi tài liệu và biểu quyết ra sao?"
    )
    places = [(c.article, c.clause) for c in answer.citations[: len(answer.steps)]]
    assert places == sorted(places)
    assert (3, 1) in places and (1, 2) in places
    timed = [s for s in answer.steps if s.timing]
    assert timed and "05 ngày" in timed[0].timing
    verbatim(assistant, answer)
