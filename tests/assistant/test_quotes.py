"""Reading a located clause for the words that answer (assistant/quotes.py): which
sentence, which body and verb pair up, when a point is quoted whole."""

from __future__ import annotations

from pathlib import Path

from assistant.quotes import body_verb_pairs


def test_a_body_and_its_verb_pair_up_in_either_order() -> None:
    asked = body_verb_pairs("họp Ban Thường vụ thì ai chủ trì?")
    assert ("Ban Thường vụ", "hop") in asked
    assert asked & body_verb_pairs("Ban Thường vụ họp mỗi tháng một lần.")
    # the seat's name between a body and its verb is skipped, not taken for the verb
    assert ("Thường trực", "hop") in body_verb_pairs("Thường trực huyện ủy họp hằng tuần.")


SPREAD_POINT = """QUY CHẾ LÀM VIỆC CỦA ĐẢNG ỦY XÃ HÒA LẠC

Điều 1. Quan hệ với các hội
- Đối với Hội Nông dân xã, Ban Thường vụ lãnh đạo bằng nghị quyết và phân công một ủy viên phụ trách công tác hội trong suốt nhiệm kỳ.
- Chủ tịch Hội Nông dân giữ mối quan hệ công tác thường xuyên với Thường trực Đảng ủy và tổ chức hội cấp trên. Quý một lần báo cáo tình hình hoạt động trước tập thể Ban Thường vụ Đảng ủy.
- Các chi bộ lãnh đạo chi hội ở thôn theo hướng dẫn của Đảng ủy xã và của hội cấp trên; chi bộ thôn nghe chi hội báo cáo tình hình hội viên, kết quả các phong trào thi đua và kiến nghị của hội viên ở thôn.
- Đối với Hội Cựu chiến binh xã, Ban Thường vụ Đảng ủy lãnh đạo bằng nghị quyết và phân công đồng chí Phó Bí thư phụ trách.
"""


def test_a_point_whose_sentences_share_the_question_is_quoted_whole(tmp_path: Path) -> None:
    from tests.assistant.test_answer import assistant_over

    assistant = assistant_over(tmp_path, {"hoa-lac.txt": SPREAD_POINT})
    answer = assistant.ask(
        "Hội Nông dân xã phải báo cáo Ban Thường vụ Đảng ủy quý một lần, quy định ở đâu?"
    )
    assert "Quý một lần báo cáo tình hình hoạt động" in answer.answer
    assert answer.citations[0].point is not None
