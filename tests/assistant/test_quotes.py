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


SPREAD_SENTENCES = """QUY CHẾ LÀM VIỆC CỦA ĐẢNG ỦY XÃ RẠCH GIÁ

Điều 1. Phạm vi
Quy chế này quy định chế độ làm việc của Đảng ủy xã Rạch Giá.

Điều 2. Tự phê bình và phê bình
1. Hằng năm, tập thể Ban Thường vụ, Thường trực Đảng ủy và từng đồng chí ủy viên tiến hành kiểm điểm sự lãnh đạo, chỉ đạo của Ban Thường vụ trong năm; việc thực hiện chức trách, nhiệm vụ được giao theo quy định của cấp trên và hướng dẫn của Ban Tổ chức; kiểm điểm theo yêu cầu và nội dung gợi ý của cấp trên nếu có. Bản kiểm điểm được chuẩn bị kỹ, có số liệu minh họa và được gửi trước cho các thành viên. Kết quả kiểm điểm được báo cáo tại hội nghị Đảng ủy để lấy ý kiến góp ý và gửi cấp trên theo quy định.
2. Cuối nhiệm kỳ, Đảng ủy kiểm điểm công tác lãnh đạo.
"""


def test_sentences_that_share_the_question_between_them_are_quoted_together(
    tmp_path: Path,
) -> None:
    """The act asked about in one sentence, what becomes of it in a later one: both are
    quoted, verbatim, as one span of the clause."""
    from tests.assistant.test_answer import assistant_over

    assistant = assistant_over(tmp_path, {"rach-gia.txt": SPREAD_SENTENCES})
    answer = assistant.ask(
        "Tập thể Ban Thường vụ kiểm điểm hằng năm xong thì kết quả báo cáo ở đâu?"
    )
    assert "Kết quả kiểm điểm được báo cáo tại hội nghị Đảng ủy" in answer.answer
    assert "Hằng năm, tập thể Ban Thường vụ" in answer.answer


def test_a_questions_body_pairs_with_the_nearest_content_word(tmp_path: Path) -> None:
    """ "Thường trực ... và ... họp": the body asked pairs with "họp" across the function
    words, and across the place that names the document."""
    from assistant.quotes import body_verb_pairs
    from tests.assistant.test_answer import MEETINGS, assistant_over

    asked = "thuong truc dang uy va hop vao buoi nao"
    assert ("Thường trực", "hop") not in body_verb_pairs(asked)
    assert ("Thường trực", "hop") in body_verb_pairs(asked, nearest=True)
    rhythm = (
        "QUY CHẾ LÀM VIỆC CỦA ĐẢNG ỦY XÃ HÒA AN\n\nĐiều 1. Chế độ họp\n"
        "1. Ban Thường vụ họp mỗi tháng một lần do Thường trực Đảng ủy triệu tập.\n"
        "2. Thường trực Đảng ủy họp mỗi tuần một lần vào sáng thứ Tư.\n"
    )
    assistant = assistant_over(tmp_path, {"hoa-an.txt": rhythm, "hoa-lac.txt": MEETINGS})
    answer = assistant.ask("thuong truc dang uy xa hoa an hop vao sang nao trong tuan")
    assert answer.citations and answer.citations[0].clause == 2
