"""What a follow-up carries over from the conversation (assistant/conversation.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assistant.models import Answer, Turn
from assistant.service import Assistant
from assistant.understand import understand
from ingest.models import DocumentMeta
from tests.assistant.test_answer import assistant_over


@dataclass(frozen=True)
class Doc:
    id: str
    meta: DocumentMeta


HILL = Doc(
    "doi-xanh",
    DocumentMeta(title="Quy chế làm việc của Đảng ủy Khối Đồi Xanh", province="Đồi Xanh"),
)
RIVER = Doc(
    "song-bac",
    DocumentMeta(title="Quy chế làm việc của Đảng ủy Khối Sông Bạc", province="Sông Bạc"),
)


def after(assistant: Assistant, first: str, question: str) -> Answer:
    """The answer to ``question`` asked after ``first`` and its answer."""
    history = [
        Turn(role="user", content=first),
        Turn(role="assistant", content=assistant.ask(first).answer),
    ]
    return assistant.ask(question, history=history)


def turns(*questions: str) -> list[Turn]:
    history: list[Turn] = []
    for q in questions:
        history += [Turn(role="user", content=q), Turn(role="assistant", content="...")]
    return history


def test_a_third_turn_reads_the_second_as_it_was_meant() -> None:
    # "còn BTV?" is the first question about Ban Thường vụ; the seat that names the
    # document ("Đảng ủy Khối Đồi Xanh") is not the body swapped out
    history = turns("Đảng ủy Khối Đồi Xanh họp BCH mấy tháng một lần?", "còn BTV?")
    u = understand("thế còn Thường trực thì sao?", history, [HILL, RIVER])
    assert "thuong truc" in u.text and "may thang mot lan" in u.text
    assert "dang uy khoi" in u.text and "ban thuong vu" not in u.text
    assert u.new_body == "Thường trực"


def test_a_comment_after_thi_is_a_question_of_its_own() -> None:
    history = turns("Đảng ủy Khối Đồi Xanh họp BCH mấy tháng một lần?")
    u = understand("còn Thường trực thì họp thế nào?", history, [HILL, RIVER])
    assert u.text == "Thường trực thì họp thế nào?"
    assert u.document_ids == ("doi-xanh",)


def test_a_choice_between_two_things_is_a_question_of_its_own() -> None:
    """ "còn bầu tổ phó thì giơ tay hay bỏ phiếu kín?" asks which of two, in its own
    words: not the previous question again."""
    from assistant.own_ask import asks_on_its_own

    assert asks_on_its_own("còn bầu lại Phó Bí thư thì biểu quyết công khai hay phiếu kín?", [])
    assert asks_on_its_own("con bau lai pho bi thu thi bieu quyet cong khai hay phieu kin", [])
    assert not asks_on_its_own("còn tổ phó thì sao?", [])
    # "... hay không?" asks yes or no of what it says, nothing more to choose from
    assert not asks_on_its_own("còn tổ phó thì có hay không?", [])


def test_a_body_an_act_is_done_to_is_no_new_actor() -> None:
    """ "còn bầu lại Phó Bí thư thì ...?": Phó Bí thư is who is elected, the follow-up
    does not ask about Phó Bí thư's own clauses."""
    history = turns("Đảng ủy Khối Đồi Xanh họp BCH cần mấy người dự?")
    u = understand(
        "còn bầu lại Phó Bí thư thì biểu quyết công khai hay phiếu kín?", history, [HILL, RIVER]
    )
    assert u.new_body == ""
    acting = understand("còn Phó Bí thư thì ký những gì?", history, [HILL, RIVER])
    assert acting.new_body == "Phó Bí thư"


def test_an_own_ask_naming_only_a_document_keeps_the_body_asked_before() -> None:
    history = turns("Tài liệu họp BTV Đảng ủy Khối Đồi Xanh gửi trước mấy ngày?")
    u = understand(
        "Còn Đảng ủy Khối Sông Bạc thì tài liệu gửi trước mấy ngày?", history, [HILL, RIVER]
    )
    assert u.document_ids == ("song-bac",)
    assert "Ban Thường vụ" in u.text


BOARD = Doc(
    "ban-can-su-doi-xanh",
    DocumentMeta(
        title="Quy chế làm việc của Ban cán sự đảng Ủy ban nhân dân tỉnh Đồi Xanh",
        province="Đồi Xanh",
        governed_body="Ban cán sự đảng",
    ),
)


def test_an_own_ask_in_another_document_drops_the_body_only_the_first_is_about() -> None:
    # the board's own regulation asked about first; the next document has no such board
    history = turns("Ai ký tờ trình của Ban cán sự đảng UBND tỉnh Đồi Xanh gửi lên?")
    u = understand("Còn ở Sông Bạc thì ai ký nghị quyết của Đảng ủy Khối?", history, [BOARD, RIVER])
    assert u.document_ids == ("song-bac",)
    assert "Ban cán sự đảng" not in u.text


def test_a_verb_without_an_object_reads_the_previous_subject() -> None:
    history = turns("Ở Đồi Xanh ai quyết định chủ trương mua sắm xe 2 tỷ?")
    u = understand("Thường trực quyết xong có phải báo cáo ai không?", history, [HILL, RIVER])
    assert u.is_follow_up and "mua sắm xe" in u.text and "2" not in u.text
    # a question with an object of its own is left as typed
    own = understand("Thường trực họp mấy lần một tháng?", history, [HILL, RIVER])
    assert own.text == "Thường trực họp mấy lần một tháng?" and not own.is_follow_up


REGULATION = """QUY CHẾ LÀM VIỆC CỦA ĐẢNG ỦY XÃ LỘC HÀ

Điều 1. Nhiệm vụ, quyền hạn của Bí thư Đảng ủy
1. Chủ trì công việc của Đảng ủy.
2. Thay mặt Đảng ủy ký các nghị quyết, chỉ thị của Đảng ủy; chỉ đạo Phó Bí thư Đảng ủy giải quyết việc hằng ngày của Đảng bộ.

Điều 2. Nhiệm vụ, quyền hạn của Phó Bí thư Đảng ủy
1. Giúp Bí thư chuẩn bị nội dung các hội nghị.
2. Theo dõi công tác dân vận trên địa bàn.
3. Thay mặt Đảng ủy ký một số văn bản theo sự phân công của Bí thư.

Điều 3. Chế độ hội nghị
1. Đảng ủy họp thường lệ ba tháng một lần.
"""


def test_a_new_body_is_answered_by_its_own_clause_for_the_act_asked(tmp_path: Path) -> None:
    assistant = assistant_over(tmp_path, {"loc-ha.txt": REGULATION})
    first = "Bí thư Đảng ủy xã Lộc Hà ký những văn bản gì?"
    answer = after(assistant, first, "còn phó bí thư thì được ký gì?")
    top = answer.citations[0]
    assert (top.article, top.clause) == (2, 3)


MEETINGS = """QUY CHẾ LÀM VIỆC CỦA ĐẢNG ỦY XÃ NGỌC THẠCH

Điều 1. Chế độ sinh hoạt
1. Ban Chấp hành họp thường lệ ba tháng một lần; Thường trực chuẩn bị nội dung các kỳ họp.
2. Ban Thường vụ họp mỗi tháng một lần do Thường trực quyết định triệu tập.
3. Thường trực giao ban mỗi tuần một lần vào sáng thứ Năm để bàn công việc trong tuần.
"""


def test_a_new_body_is_answered_by_a_clause_about_it(tmp_path: Path) -> None:
    # the first two clauses name Thường trực too, as the body that prepares or convenes
    assistant = assistant_over(tmp_path, {"ngoc-thach.txt": MEETINGS})
    first = "Ban Chấp hành xã Ngọc Thạch họp mấy tháng một lần?"
    answer = after(assistant, first, "thế còn Thường trực thì sao?")
    top = answer.citations[0]
    assert (top.article, top.clause) == (1, 3)


def test_another_act_asked_of_a_new_body_is_not_the_previous_act() -> None:
    history = turns("Ở Đồi Xanh Bí thư ký những văn bản nào?")
    same = understand("còn Phó Bí thư thì ký gì?", history, [HILL, RIVER])
    assert same.new_body == "Phó Bí thư" and same.acts == ("signs",)
    other = understand("còn Phó Bí thư thì báo cáo ai?", history, [HILL, RIVER])
    assert other.new_body == "Phó Bí thư" and other.acts == ()


def test_a_follow_up_naming_the_same_body_with_a_number_keeps_the_number() -> None:
    history = turns("Hội nghị Đảng ủy Khối Đồi Xanh cần bao nhiêu người dự?")
    u = understand("Vậy Đảng ủy Khối 31 người thì sao?", history, [HILL, RIVER])
    assert "31" in u.text and "bao nhieu nguoi du" in u.text
    swapped = understand("Còn Ban Thường vụ thì sao?", history, [HILL, RIVER])
    assert "ban thuong vu" in swapped.text and "bao nhieu nguoi du" in swapped.text


CONVENING = """QUY CHẾ LÀM VIỆC CỦA ĐẢNG ỦY XÃ NGỌC THẠCH

Điều 1. Nhiệm vụ của Ban Chấp hành
1. Quyết định triệu tập đại hội đảng bộ xã; thông qua báo cáo chính trị trình đại hội.
Điều 2. Nhiệm vụ của Ban Thường vụ
1. Ban Thường vụ quyết định triệu tập hội nghị Ban Chấp hành; chuẩn bị nội dung hội nghị.
Điều 3. Nhiệm vụ của Thường trực
1. Quyết định triệu tập hội nghị Ban Thường vụ; chuẩn bị nội dung các phiên họp.
"""


def test_a_body_named_in_a_who_asks_follow_up_is_what_is_acted_on(tmp_path: Path) -> None:
    # "còn hội nghị Ban Chấp hành thì ai triệu tập?": who convenes the committee's
    # meeting, not what the committee itself convenes
    assistant = assistant_over(tmp_path, {"ngoc-thach.txt": CONVENING})
    first = "Hội nghị Ban Thường vụ xã Ngọc Thạch do ai triệu tập?"
    answer = after(assistant, first, "thế còn hội nghị Ban Chấp hành thì ai triệu tập?")
    assert answer.citations[0].article == 2


def test_a_body_after_a_meeting_noun_owns_the_meeting_it_does_not_act() -> None:
    # made up: "còn họp Ban Thường vụ" asks about the meeting of Ban Thường vụ; who
    # prepares it is asked, not what Ban Thường vụ does
    history = turns("Thường trực Đảng ủy Khối Đồi Xanh họp mấy tuần một lần?")
    meeting = understand("con hop BTV thi ben nao lo tai lieu", history, [HILL, RIVER])
    assert meeting.is_follow_up and meeting.new_body == ""
    # the body before the verb still acts ("còn Ban Thường vụ thì họp mấy lần?")
    acting = understand("con BTV thi ky nhung gi", history, [HILL, RIVER])
    assert acting.new_body == "Ban Thường vụ"
    # "trường hợp" typed without diacritics is no meeting
    case = understand("con truong hop BTV thi ky gi", history, [HILL, RIVER])
    assert case.new_body == "Ban Thường vụ"
    # typed with diacritics, "phối hợp" is no meeting: the body after it acts
    joint = understand("Còn phối hợp Văn phòng thì ký gì?", history, [HILL, RIVER])
    assert joint.new_body == "Văn phòng"


MOUNTAIN = Doc(
    "nui-hong",
    DocumentMeta(
        title="Quy chế làm việc của Ban Chấp hành, Ban Thường vụ Tỉnh ủy Núi Hồng",
        province="Núi Hồng",
        level="province",
    ),
)


def test_a_seat_that_names_the_next_document_is_no_new_body() -> None:
    # made up: "Tỉnh ủy Núi Hồng" names Núi Hồng's regulation; the body asked before
    # (Ban Thường vụ) is still the one asked, with the same ask
    history = turns("Ở Đồi Xanh Ban Thường vụ họp mấy lần một tháng?")
    for asked in (
        "Còn ở Tỉnh ủy Núi Hồng thì sao?",
        "Còn ở Tỉnh ủy Núi Hồng thì quy định thế nào?",
    ):
        u = understand(asked, history, [HILL, MOUNTAIN])
        assert u.document_ids == ("nui-hong",)
        assert "ban thuong vu" in u.text and "may lan" in u.text, asked
        assert "ban chap hanh" not in u.text
    # named alone, "Tỉnh ủy" is the committee asked about
    alone = understand("Còn Tỉnh ủy thì sao?", history, [HILL, MOUNTAIN])
    assert alone.new_body == "Ban Chấp hành"


def test_asking_where_that_is_laid_down_asks_the_previous_question() -> None:
    """ "Quy định đó ở khoản mấy?" asks nothing of its own: the previous question, for
    the place its answer is in."""
    history = turns("Đảng ủy Khối Đồi Xanh họp BCH mấy tháng một lần?")
    u = understand("Quy định đó nằm ở điều nào, khoản mấy?", history, [HILL, RIVER])
    from ingest.normalize import fold

    assert "may thang mot lan" in fold(u.text) and u.document_ids == ("doi-xanh",)


def test_asking_only_for_the_place_asks_where_the_previous_answer_is() -> None:
    """ "khoản mấy vậy?" with nothing pointing back and nothing else asked: the place of
    what was just asked."""
    from ingest.normalize import fold

    history = turns("Đảng ủy Khối Đồi Xanh họp BCH mấy tháng một lần?")
    for asked in ("điều mấy khoản mấy vậy bạn?", "dieu nao khoan nao a"):
        u = understand(asked, history, [HILL, RIVER])
        assert "may thang mot lan" in fold(u.text), asked
        assert u.document_ids == ("doi-xanh",), asked


def test_asking_if_the_same_holds_in_another_document_moves_the_question() -> None:
    """ "Ở quy chế Sông Bạc có giống không?": the previous question, asked of Sông Bạc;
    a topic of its own ("thì khen thưởng có giống không") is no such question."""
    from ingest.normalize import fold

    history = turns("Đảng ủy Khối Đồi Xanh họp BCH mấy tháng một lần?")
    u = understand("Ở quy chế Đảng ủy Khối Sông Bạc có giống vậy không?", history, [HILL, RIVER])
    assert "may thang mot lan" in fold(u.text) and u.document_ids == ("song-bac",)
    own = understand("Ở Sông Bạc thì khen thưởng có giống không?", history, [HILL, RIVER])
    assert "may thang" not in fold(own.text)


def test_a_follow_up_closed_by_a_particle_is_still_one() -> None:
    """ "... thì sao ạ?" typed without diacritics ("thi sao a"): the particle closes the
    frame, it does not hide it; the new count takes the place of the one it varies."""
    history = turns("Đảng ủy Khối Đồi Xanh 15 người, hôm nay 11 người dự thì họp được không?")
    u = understand("neu chi co 8 nguoi thi sao a?", history, [HILL, RIVER])
    assert u.is_follow_up
    assert u.frame.member_count == 15 and u.frame.given_count == 8


def test_the_topic_carried_has_no_grammar_words_nor_the_nouns_numbers_count() -> None:
    history = turns(
        "Đảng ủy Khối Đồi Xanh họp bất thường khi nào?",
        "Tức là 30 người thì cần 10 người đề nghị nhỉ?",
    )
    u = understand("Đề nghị xong thì trong bao lâu phải triệu tập?", history, [HILL, RIVER])
    assert "người" not in u.text and "Tức" not in u.text


def test_a_new_head_count_and_nothing_else_asks_the_previous_rule_again() -> None:
    """Ellipsis: "Ban X có 41 người thì tối thiểu mấy phiếu?" after a question about the
    vote on a written consultation keeps that rule and takes the new size."""
    history = turns(
        "Đảng ủy Khối Đồi Xanh hỏi ý kiến BCH bằng thư thì cần bao nhiêu người tán thành?"
    )
    u = understand("bch co 41 nguoi thi toi thieu bao nhieu phieu?", history, [HILL, RIVER])
    assert u.is_follow_up
    assert "y kien" in u.text and "bang thu" in u.text
    assert u.frame.member_count == 41


def test_a_new_count_that_asks_another_role_is_a_question_of_its_own() -> None:
    history = turns("Đảng ủy Khối Đồi Xanh họp BCH cần bao nhiêu người dự?")
    u = understand("BCH có 41 người thì mấy người nhất trí là được?", history, [HILL, RIVER])
    assert "dự" not in u.text


def test_a_number_that_places_a_clause_is_no_head_count() -> None:
    history = turns("khoan 4 dieu 6 quy che Doi Xanh noi gi?")
    u = understand("BCH có 41 người thì bao nhiêu người đề nghị?", history, [HILL, RIVER])
    assert "khoan" not in u.text


def test_a_noun_pointed_back_at_asks_the_previous_question_in_the_new_document() -> None:
    """ "mức đó" names nothing of its own: the previous question moves to the document
    the follow-up names."""
    history = turns("Đồi Xanh: phó bí thư được tự chi khoản dưới bao nhiêu?")
    u = understand("Ở Sông Bạc thì mức đó là bao nhiêu?", history, [HILL, RIVER])
    assert u.is_follow_up
    assert "tu chi" in u.text
    assert u.document_ids == ("song-bac",)


def test_which_clause_of_a_named_article_says_what_was_just_asked(tmp_path: Path) -> None:
    """ "Điều đó nằm ở khoản mấy của Điều 2?": the article is named, the thing is the
    previous question's; the khoản of that article that says it is the answer."""
    from tests.assistant.test_evidence import MEETINGS

    assistant = assistant_over(tmp_path, {"ho-sen.txt": MEETINGS})
    answer = after(
        assistant,
        "Đảng viên vắng sinh hoạt thì báo cáo ai?",
        "Diều đó nằm ở khoản mấy của điều 2?",
    )
    assert (answer.citations[0].article, answer.citations[0].clause) == (2, 2)
    assert answer.answer.startswith("khoản 2 Điều 2")


def test_naming_only_another_document_asks_the_previous_question_there() -> None:
    """ "Bên Sông Bạc thì cần mấy người?": no body, nothing asked about but the frame of
    a number: the previous question, of Sông Bạc."""
    from ingest.normalize import fold

    history = turns("Ở Đồi Xanh quyết định của BTV cần bao nhiêu người tán thành?")
    u = understand("ben Song Bac thi can may nguoi?", history, [HILL, RIVER])
    assert u.is_follow_up and "tan thanh" in fold(u.text)
    assert u.document_ids == ("song-bac",)


def test_a_thing_pointed_back_at_is_what_the_previous_question_was_about() -> None:
    """ "ai ký cái đó?": its own verb, of the previous topic; the verb asked before ("do
    ai quyết định") goes, the verb that was its object ("cử đi học") stays."""
    from ingest.normalize import fold

    history = turns("Ở Đồi Xanh, cử đảng viên đi học do ai quyết định?")
    u = understand("ai ký cái đó?", history, [HILL, RIVER])
    assert u.is_follow_up
    assert "cu dang vien di hoc" in fold(u.text) and "quyet dinh" not in fold(u.text)


def test_this_regulation_pointed_at_is_the_document_not_the_previous_topic() -> None:
    history = turns("Chi ủy Đồi Xanh họp khi nào?")
    u = understand("Quy chế này muốn sửa thì ai quyết?", history, [HILL, RIVER])
    assert "hop" not in fold_text(u.text)
    assert u.document_attributes == ("amendment",)


def fold_text(text: str) -> str:
    from ingest.normalize import fold

    return fold(text)


def test_a_merged_follow_up_that_names_its_document_excludes_the_name_from_the_topic() -> None:
    history = turns("Theo quy chế Đồi Xanh, Đảng ủy Khối họp mấy tháng một lần?")
    u = understand("vậy BTV thì sao?", history, [HILL, RIVER])
    assert u.is_follow_up and u.names_document


SHARED_CLAUSE = """QUY CHẾ LÀM VIỆC CỦA ĐẢNG ỦY XÃ NGỌC THẠCH

Điều 1. Nhiệm vụ của Ban Thường vụ
Ban Thường vụ lãnh đạo, chỉ đạo thực hiện nghị quyết của Ban Chấp hành giữa hai kỳ họp.

Điều 2. Chế độ họp
1. Ban Chấp hành họp thường lệ ba tháng một lần. Ban Thường vụ họp mỗi tháng một lần, họp bất thường khi cần.
2. Thường trực giao ban mỗi tuần một lần.
"""


def test_a_new_body_named_in_the_sentence_quoted_is_its_clause(tmp_path: Path) -> None:
    """ "A họp ba tháng một lần. B họp hằng tháng": the clause is about B too, though A
    opens it; the article whose title names B does not say how often it meets."""
    assistant = assistant_over(tmp_path, {"ngoc-thach.txt": SHARED_CLAUSE})
    first = "Ban Chấp hành xã Ngọc Thạch họp mấy tháng một lần?"
    answer = after(assistant, first, "thế còn BTV thì sao?")
    top = answer.citations[0]
    assert (top.article, top.clause) == (2, 1)
    assert "mỗi tháng một lần" in answer.answer


def test_a_comparative_without_its_standard_compares_with_the_previous_question() -> None:
    """ "BTV họp thưa hay dày hơn?": what "hơn" compares with is left out, so it is the
    previous question, of the body named now; "ít hơn 5 người" has its standard."""
    from ingest.normalize import fold

    history = turns("Theo quy chế Đồi Xanh, Ban Chấp hành họp mấy tháng một lần?")
    u = understand("BTV họp thưa hay dày hơn?", history, [HILL, RIVER])
    assert u.is_follow_up and "may thang mot lan" in fold(u.text)
    assert u.new_body == "Ban Thường vụ"


def test_a_person_pointed_back_at_after_a_who_question_is_the_one_answered() -> None:
    """ "đồng chí đó" after "ai phụ trách ...?" is whoever the answer named, not a body
    the question named."""
    history = [
        Turn(role="user", content="Ở Đảng ủy Khối Đồi Xanh ai phụ trách Văn phòng?"),
        Turn(role="assistant", content="Phó Bí thư Thường trực phụ trách Văn phòng (Điều 6)."),
    ]
    u = understand("đồng chí đó còn làm trưởng ban nào nữa không?", history, [HILL, RIVER])
    assert u.text.startswith("Phó Bí thư")
