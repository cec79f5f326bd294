"""Locating clauses (assistant/locate.py): what a citation question asks about."""

from __future__ import annotations

from pathlib import Path

from assistant.locate import without_citation_frame


def test_a_citation_frame_is_blanked_to_its_own_length() -> None:
    # the words that ask for a place go; a question word of the same length stands in
    # for each, so the words on either side stay apart and keep their offsets
    question = "Điều nào quy định về việc giữ con dấu của chi bộ?"
    blanked = without_citation_frame(question)
    assert len(blanked) == len(question)
    assert "quy định" not in blanked and blanked.endswith("việc giữ con dấu của chi bộ?")
    assert without_citation_frame("Giữ con dấu ra sao?") == "Giữ con dấu ra sao?"


def test_wording_words_leave_the_topic() -> None:
    """ "Trích nguyên văn câu ..." asks for a clause's wording: the words of quoting are
    no topic the clause must cover; the "cầu" of "yêu cầu" is not the "câu" of a text."""
    from assistant.locate import without_citation_frame

    kept = without_citation_frame("Trích nguyên văn câu quy định thủ quỹ kiểm kê kho").split()
    assert not {"Trích", "nguyên", "văn", "câu"} & set(kept)
    assert {"thủ", "quỹ", "kiểm", "kê", "kho"} <= set(kept)
    assert "cầu" in without_citation_frame("đoạn nào nói thủ quỹ yêu cầu kiểm kê").split()
    assert "cau" in without_citation_frame("khoan nao noi thu quy yeu cau kiem ke").split()


def test_a_who_question_is_no_topic_a_clause_must_write() -> None:
    from assistant.locate import body_questions_in
    from assistant.terms import question_terms

    text = "Tổ muốn đổi lịch họp thì ai có quyền quyết định việc đổi?"
    asked = body_questions_in(text)
    assert asked == {"ai co quyen"}
    terms = question_terms(text, asked)
    assert "quyền" not in terms and "quyết_định" in terms
    # the words on either side of it make no phrase of their own
    assert not any(t.startswith("họp_") for t in question_terms("giờ họp ai quyết định", {"ai"}))


CASES = (
    "ĐẢNG ỦY XÃ HỒ SEN\nSố 07-QC/ĐU\n\nQUY CHẾ LÀM VIỆC\ncủa Ban Chấp hành Đảng bộ xã Hồ Sen\n\n"
    "Điều 1. Phạm vi\nQuy chế này quy định chế độ làm việc của Đảng ủy xã Hồ Sen.\n\n"
    "Điều 2. Hồ sơ khen thưởng\n"
    "1. Chi bộ gửi hồ sơ đề nghị khen thưởng lên Văn phòng Đảng ủy; Văn phòng kiểm tra hồ sơ "
    "và trình Ban Thường vụ.\n"
    "2. Trường hợp Ban Thường vụ không đồng ý khen thưởng, Văn phòng Đảng ủy thông báo bằng "
    "văn bản cho chi bộ.\n"
)


def test_the_clause_that_writes_the_case_a_question_sets_comes_first(tmp_path: Path) -> None:
    """ "... mà Ban Thường vụ không đồng ý thì ...": the clause that opens with that case
    ("Trường hợp Ban Thường vụ không đồng ý ...") answers, though the one about sending the
    file shares more of the question's other words."""
    from tests.assistant.test_answer import assistant_over

    assistant = assistant_over(tmp_path, {"ho-sen.txt": CASES})
    answer = assistant.ask(
        "Hồ sơ khen thưởng chi bộ gửi lên Văn phòng mà Ban Thường vụ không đồng ý thì chi bộ "
        "được thông báo thế nào?"
    )
    assert (answer.citations[0].article, answer.citations[0].clause) == (2, 2)


def test_a_clause_on_the_same_case_that_says_something_else_gains_nothing() -> None:
    """ "Tổ trưởng đi vắng thì ai ký biên bản?": a clause on that case about passing on
    the news does not write what is asked after the case."""
    from assistant.cases import comment_written
    from assistant.understand import understand

    u = understand("Tổ trưởng đi vắng thì ai ký biên bản?", [], [])
    assert not comment_written(u, "Trường hợp tổ trưởng đi vắng thì tổ phó báo tin cho tổ viên.")
    assert comment_written(u, "Tổ trưởng đi vắng thì tổ phó ký biên bản.")


SCOPED = (
    "ĐẢNG ỦY XÃ LAM SƠN\nSố 04-QC/ĐU\n\nQUY CHẾ LÀM VIỆC\ncủa Ban Chấp hành Đảng bộ xã Lam Sơn\n\n"
    "Điều 1. Đối tượng áp dụng\n"
    "1. Quy chế này quy định chế độ làm việc của tổ công tác, tổ trưởng và tổ phó.\n"
    "2. Thành viên tổ công tác có trách nhiệm thực hiện Quy chế này.\n\n"
    "Điều 2. Nhiệm vụ của tổ trưởng\n"
    "1. Tổ trưởng chủ trì các cuộc họp của tổ và ký biên bản.\n"
)


def test_a_who_question_whose_words_only_the_article_title_writes_is_answered(
    tmp_path: Path,
) -> None:
    """ "... áp dụng cho những ai?": no clause writes the asked words, the title of the
    article that answers does; the article is cited, not refused."""
    from tests.assistant.test_answer import assistant_over

    assistant = assistant_over(tmp_path, {"lam-son.txt": SCOPED})
    answer = assistant.ask("quy chế xã Lam Sơn áp dụng cho những ai?")
    assert answer.citations and answer.citations[0].article == 1


def test_a_list_is_answered_by_the_clause_that_names_its_members(tmp_path: Path) -> None:
    """ "... những hình thức nào?": the clause lists them ("nhắc nhở, phê bình") without
    the word "hình thức"; a clause that writes the word about something else does not."""
    from tests.assistant.test_answer import assistant_over

    text = (
        "ĐẢNG ỦY XÃ SUỐI MƠ\nSố 03-QC/ĐU\n\nQUY CHẾ LÀM VIỆC\ncủa Ban Chấp hành Đảng bộ xã Suối Mơ\n\n"
        "Điều 1. Phạm vi\nQuy chế này quy định chế độ làm việc, quyền hạn của Đảng ủy xã Suối Mơ.\n\n"
        "Điều 2. Thi hành kỷ luật\n"
        "1. Chi bộ xem xét, quyết định kỷ luật nhắc nhở, phê bình đối với đảng viên trong chi bộ.\n"
        "2. Việc kỷ luật đảng ủy viên do hội nghị Đảng ủy quyết định; hình thức cách chức thì "
        "báo cáo cấp trên.\n"
    )
    assistant = assistant_over(tmp_path, {"suoi-mo.txt": text})
    answer = assistant.ask("chi bo duoc quyen ky luat dang vien nhung hinh thuc nao?")
    assert (answer.citations[0].article, answer.citations[0].clause) == (2, 1)
