"""Counting the asks of one message; a message with several gets whole clauses."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.asks import circumstance, count_asks, listed_categories, purpose, split_asks
from assistant.models import Answer
from tests.assistant.test_answer import assistant_over


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("ai ký biên bản?", 1),
        ("khi họp thì ai chủ trì và ai ghi biên bản", 2),
        ("tờ trình do ai lập, ai duyệt và gửi trước bao lâu ạ?", 3),
        ("hội nghị cần bao nhiêu người dự thì hợp lệ", 1),
        ("quy trình bầu cử diễn ra như thế nào", 1),
        ("9 người dự thì họp được không", 1),
    ],
)
def test_count_asks(question: str, asks: int) -> None:
    assert count_asks(question) == asks


REGULATION = """QUY CHẾ LÀM VIỆC CỦA ĐẢNG ỦY XÃ AN TƯỜNG

Điều 1. Phạm vi
Quy chế này quy định việc làm việc của Đảng ủy xã An Tường.

Điều 2. Chuẩn bị phiên họp
1. Văn phòng Đảng ủy lập tờ trình phiên họp; tờ trình ghi rõ nội dung, thời gian và thành phần dự họp. Phó Bí thư Đảng ủy duyệt tờ trình trước khi gửi. Trường hợp Phó Bí thư vắng mặt thì Bí thư duyệt. Tờ trình được gửi các đảng ủy viên trước phiên họp ít nhất 04 ngày, trừ phiên họp bất thường.
2. Đảng ủy họp thường lệ mỗi tháng một lần.
"""


def test_a_message_with_three_asks_quotes_the_whole_clause(tmp_path: Path) -> None:
    assistant = assistant_over(tmp_path, {"xa-an-tuong.txt": REGULATION})
    answer = assistant.ask("Tờ trình phiên họp do ai lập, ai duyệt và gửi trước bao lâu?")
    assert answer.kind == "answer"
    for words in ("Văn phòng Đảng ủy lập", "Phó Bí thư Đảng ủy duyệt", "04 ngày"):
        assert words in answer.answer


def test_whole_clause_replaces_the_best_sentence() -> None:
    from assistant.clause_choice import whole_clause
    from assistant.locate import Located
    from ingest.parse import parse_text

    doc = parse_text(REGULATION, "xa-an-tuong.txt")
    article = doc.article(2)
    assert article is not None
    clause = article.clauses[0]
    sentence = "Phó Bí thư Đảng ủy duyệt tờ trình trước khi gửi."
    item = Located(doc, article, clause, None, sentence, 1.0, 1.0, 1.0)
    whole = whole_clause(item)
    assert whole.quote == clause.text.strip() and sentence in whole.quote


def test_split_asks_keeps_the_scene() -> None:
    from assistant.asks import split_asks

    asks = split_asks("Phiên họp Đảng ủy xã do ai triệu tập, chuẩn bị thế nào và ai ghi biên bản?")
    assert [a.piece for a in asks] == [
        "Phiên họp Đảng ủy xã do ai triệu tập",
        "chuẩn bị thế nào",
        "ai ghi biên bản",
    ]
    assert asks[1].question == "Phiên họp Đảng ủy xã chuẩn bị thế nào"
    assert {a.scene for a in asks} == {"Phiên họp Đảng ủy xã"}
    assert split_asks("ai ghi biên bản?")[0].question == "ai ghi biên bản?"


SPREAD = """QUY CHẾ LÀM VIỆC CỦA ĐẢNG ỦY XÃ AN TƯỜNG

Điều 1. Triệu tập phiên họp
Thường trực Đảng ủy quyết định triệu tập phiên họp Đảng ủy.

Điều 2. Biên bản phiên họp
Chánh Văn phòng Đảng ủy ghi biên bản phiên họp Đảng ủy.

Điều 3. Khen thưởng
Đảng ủy xét khen thưởng đảng viên mỗi năm một lần.
"""


def test_asks_answered_by_different_articles_are_each_answered(tmp_path: Path) -> None:
    assistant = assistant_over(tmp_path, {"xa-an-tuong.txt": SPREAD})
    answer = assistant.ask("Phiên họp Đảng ủy xã An Tường do ai triệu tập và ai ghi biên bản?")
    assert answer.kind == "answer"
    assert {c.article for c in answer.citations} >= {1, 2}
    text = answer.answer
    assert text.index("Thường trực") < text.index("Chánh Văn phòng")
    assert "Về ý «ai ghi biên bản»" in text


@pytest.mark.parametrize(
    ("question", "lists"),
    [
        ("những việc nào phải báo cáo Thường trực?", True),
        ("Ban Thường vụ xã gồm những ai", True),
        ("liet ke giup em cac truong hop hop bat thuong", True),
        ("ai ký biên bản", False),
        ("Đảng ủy họp khi nào", False),
    ],
)
def test_asks_for_list(question: str, lists: bool) -> None:
    from assistant.asks import asks_for_list

    assert asks_for_list(question) is lists


LISTED = """QUY CHẾ LÀM VIỆC CỦA ĐẢNG ỦY XÃ AN TƯỜNG

Điều 1. Phạm vi
Quy chế này quy định việc làm việc của Đảng ủy xã An Tường.

Điều 2. Việc Thường trực báo cáo
1. Thường trực Đảng ủy báo cáo Ban Thường vụ những việc sau: kết quả kiểm tra đảng viên; việc tiếp nhận đảng viên chuyển đến; tình hình thu nộp đảng phí.
2. Đảng ủy họp thường lệ mỗi tháng một lần.
"""


def test_a_listing_question_gets_the_whole_list(tmp_path: Path) -> None:
    assistant = assistant_over(tmp_path, {"xa-an-tuong.txt": LISTED})
    answer = assistant.ask(
        "Thường trực Đảng ủy xã An Tường phải báo cáo Ban Thường vụ những việc nào?"
    )
    for item in ("kiểm tra đảng viên", "tiếp nhận đảng viên chuyển đến", "thu nộp đảng phí"):
        assert item in answer.answer


SPLIT_RULES = """QUY CHẾ LÀM VIỆC CỦA ĐẢNG ỦY XÃ AN TƯỜNG

Điều 1. Phạm vi
Quy chế này quy định việc làm việc của Đảng ủy xã An Tường.

Điều 2. Xin ý kiến khi không họp
Trường hợp không tổ chức được phiên họp, Thường trực chỉ đạo Văn phòng gửi phiếu lấy ý kiến từng đảng ủy viên.

Điều 3. Biểu quyết
Nghị quyết của Đảng ủy phải có trên 1/2 tổng số đảng ủy viên tán thành.
"""


def test_the_first_asks_own_words_must_be_covered_too(tmp_path: Path) -> None:
    from assistant.asks import split_asks

    first = split_asks(
        "Xã An Tường: khi không họp được thì lấy ý kiến thế nào, bao nhiêu người đồng ý?"
    )[0]
    assert first.given == "Xã An Tường" and "lấy ý kiến" not in first.given
    assistant = assistant_over(tmp_path, {"xa-an-tuong.txt": SPLIT_RULES})
    answer = assistant.ask(
        "Đảng ủy xã An Tường: khi không họp được thì lấy ý kiến thế nào, "
        "bao nhiêu đảng ủy viên tán thành thì thông qua nghị quyết?"
    )
    assert "1/2" in answer.answer and "gửi phiếu lấy ý kiến" in answer.answer


STEPS = """QUY CHẾ LÀM VIỆC CỦA ĐẢNG ỦY XÃ AN TƯỜNG

Điều 1. Phạm vi
Quy chế này quy định việc làm việc của Đảng ủy xã An Tường.

Điều 2. Giải quyết việc được ủy quyền của Thường trực
1. Thường trực họp mỗi tuần một lần.
2. Khi giải quyết việc được Ban Thường vụ ủy quyền, Thường trực bàn tập thể; việc chưa thống nhất thì báo cáo Ban Thường vụ xem xét.
3. Kết luận của Thường trực được Văn phòng văn bản hóa và gửi các chi bộ.
"""


def test_a_procedure_over_an_articles_clauses_quotes_them_in_order(tmp_path: Path) -> None:
    assistant = assistant_over(tmp_path, {"xa-an-tuong.txt": STEPS})
    answer = assistant.ask(
        "Ở xã An Tường, Thường trực giải quyết việc được Ban Thường vụ ủy quyền và văn bản "
        "hóa kết luận theo trình tự nào?"
    )
    assert "bàn tập thể" in answer.answer and "văn bản hóa" in answer.answer
    cited = [(c.article, c.clause) for c in answer.citations]
    assert (2, 2) in cited and (2, 3) in cited


def test_other_steps_are_the_articles_clauses_scored_near_the_first() -> None:
    from assistant.locate import Located
    from assistant.steps import _near_khoan
    from ingest.parse import parse_text

    doc = parse_text(STEPS, "xa-an-tuong.txt")
    article = doc.article(2)
    assert article is not None
    one, two, three = article.clauses

    def at(clause, score):  # type: ignore[no-untyped-def]
        return Located(doc, article, clause, None, clause.text, score, 0.5, 0.5)

    top = at(three, 1.0)
    found = _near_khoan([top, at(one, 0.3), at(two, 0.7)], [top])
    assert [i.clause.number for i in found] == [2]


def test_a_yes_no_segment_is_an_ask_of_its_own() -> None:
    question = "Tổ trưởng vắng họp thì ai có quyền nhắc nhở, có phải tổ tự xét không?"
    assert count_asks(question) == 2
    assert [a.question for a in split_asks(question)] == [
        "Tổ trưởng vắng họp thì ai có quyền nhắc nhở",
        "Tổ trưởng vắng họp có phải tổ tự xét không",
    ]
    # one yes/no question, however many commas tell its story, is one ask
    assert count_asks("Tổ có 9 người, 5 người có mặt thì họp được không?") == 1
    assert count_asks("Tổ có được tự xét không?") == 1
    # a yes/no ask first: its words set the scene of the next
    assert [a.question for a in split_asks("Tổ có được tự xét không, theo điều nào?")] == [
        "Tổ có được tự xét không",
        "Tổ có được tự xét theo điều nào",
    ]


def test_the_scene_ends_before_the_whole_question_phrase() -> None:
    question = "Việc cử người dự lớp học thì cấp nào lo, còn kinh phí thì ai duyệt?"
    assert split_asks(question)[1].question == (
        "Việc cử người dự lớp học còn kinh phí thì ai duyệt"
    )


TEAM = """QUY CHẾ LÀM VIỆC CỦA ĐẢNG ỦY XÃ HÒA LẠC

Điều 1. Tổ giúp việc
Tổ giúp việc gồm Chánh Văn phòng và hai chuyên viên của Văn phòng Đảng ủy.

Điều 2. Công việc được ủy quyền
Những công việc Ban Thường vụ ủy quyền cho Tổ giúp việc giải quyết, gồm:
- Tổng hợp báo cáo tháng của các chi bộ;
- Chuẩn bị lịch làm việc tuần của Thường trực.
"""


def test_an_ask_for_a_whole_list_gets_the_clause_that_lists_it(tmp_path: Path) -> None:
    # the second ask's clause writes the first ask's words ("Tổ giúp việc", "gồm"), but
    # not the list of members it asks for
    assistant = assistant_over(tmp_path, {"hoa-lac.txt": TEAM})
    answer = assistant.ask(
        "Tổ giúp việc gồm những ai và được Ban Thường vụ ủy quyền giải quyết những việc gì?"
    )
    assert "Chánh Văn phòng và hai chuyên viên" in answer.answer
    assert "Tổng hợp báo cáo tháng" in answer.answer


def test_a_later_ask_shares_the_topic_not_the_first_asks_comment() -> None:
    # "thì" closes the topic; what follows is the first ask's own comment
    asks = split_asks("Khi có đoàn kiểm tra thì Văn phòng chuẩn bị gì, rồi ai ký biên bản?")
    assert asks[1].question == "Khi có đoàn kiểm tra ai ký biên bản"
    # typed without diacritics, "thi hanh" is a word, not the topic marker
    asks = split_asks("viec thi hanh ky luat do ai lam, ai ky quyet dinh?")
    assert asks[1].question == "viec thi hanh ky luat ai ky quyet dinh"
    # a yes/no ask has no subject of its own: it goes on with the first ask's comment
    asks = split_asks("Khi không họp được thì lấy ý kiến ra sao, có áp dụng cho khen thưởng không?")
    assert "lấy ý kiến" in asks[1].question


AFTER_STANDING = """QUY CHẾ LÀM VIỆC CỦA ĐẢNG ỦY XÃ BÌNH AN

Điều 1. Nhiệm vụ của Ban Thường vụ
1. Ban Thường vụ quyết định khen thưởng tập thể và cá nhân theo thẩm quyền.
2. Ban Thường vụ họp mỗi tháng một lần.

Điều 2. Nhiệm vụ của Thường trực
1. Thường trực cho chủ trương thực hiện quy trình khen thưởng tập thể trước khi trình Ban Thường vụ cho ý kiến.
2. Thường trực chỉ đạo công việc hằng ngày của Đảng ủy.
"""


def test_a_later_ask_finds_its_own_clause_not_the_one_already_quoted(tmp_path: Path) -> None:
    # the clause quoted for the first ask scores best for the second too ("quy trình khen
    # thưởng tập thể"), but does not say who decides: the one that does is quoted for it
    assistant = assistant_over(tmp_path, {"binh-an.txt": AFTER_STANDING})
    answer = assistant.ask(
        "Đảng ủy xã Bình An: quy trình khen thưởng tập thể thì Thường trực làm gì trước, "
        "rồi ai quyết định?"
    )
    assert "cho chủ trương thực hiện quy trình" in answer.answer
    assert "Ban Thường vụ quyết định khen thưởng tập thể" in answer.answer


def _cited(text: str, quotes: list[str]) -> Answer:
    from assistant.citations import make_citation
    from ingest.parse import parse_text

    doc = parse_text(DECIDING, "binh-an.txt")
    citations = []
    for quote in quotes:
        article = next(a for a in doc.articles if quote in a.text)
        citations.append(make_citation(doc, article, article.clauses[0], quote=quote))
    return Answer(question="?", kind="answer", answer=text, citations=citations)


DECIDING = """QUY CHẾ LÀM VIỆC CỦA ĐẢNG ỦY XÃ BÌNH AN

Điều 1. Khen thưởng
1. Ban Thường vụ quyết định khen thưởng tập thể.

Điều 2. Phối hợp
1. Tổ chức thực hiện thủ tục bãi nhiệm đại biểu.
"""


def test_an_ask_for_a_whole_list_is_not_sent_elsewhere_by_its_words() -> None:
    from assistant.each_ask import ask_focus

    whole = _cited("«Ban Thường vụ quyết định khen thưởng tập thể.»", [])
    # a list: the clause that lists it answers, whether or not it is already shown
    assert ask_focus(whole, [], ["~hinh", "~thuc"], lists=True) is None
    # after a refusal nothing is shown and no clause was about the message
    refused = whole.model_copy(update={"kind": "refusal"})
    assert ask_focus(refused, [], ["~hinh", "~thuc"], lists=False) is None
    focus = ask_focus(whole, [], ["~hinh", "~thuc"], lists=False)
    assert focus is not None and "khen thưởng tập thể" in focus.shown


def test_after_a_refusal_an_ask_keeps_to_the_shared_topic() -> None:
    from assistant.each_ask import strays

    quote = "Tổ chức thực hiện thủ tục bãi nhiệm đại biểu."
    other = _cited(f"«{quote}»", [quote])

    # the scene ("chuyển sinh hoạt") is nowhere in what the answer shows
    def share(text: str) -> float:
        return 1.0 if "sinh hoạt" in text else 0.0

    assert strays(other, share, 0.35)
    # a citation listed beside the answer, not shown in it, says nothing of the scene
    beside = _cited("«Ban Thường vụ quyết định khen thưởng tập thể.»", [quote])
    assert strays(beside, lambda text: 1.0 if "bãi nhiệm" in text else 0.0, 0.35)
    assert not strays(other, lambda text: 1.0 if "bãi nhiệm" in text else 0.0, 0.35)


QUORUM_AND_VOTE = """QUY CHẾ LÀM VIỆC CỦA ĐẢNG ỦY XÃ SƠN CA

Điều 1. Chế độ họp
Hội nghị Ban Thường vụ phải có ít nhất 2/3 tổng số ủy viên tham dự; quyết định phải được trên 50% tổng số ủy viên tán thành.
"""


def test_a_second_number_asked_is_computed_not_only_quoted(tmp_path: Path) -> None:
    """The quorum's verdict and the votes needed share one sentence: the second ask still
    gets its own computation."""
    assistant = assistant_over(tmp_path, {"son-ca.txt": QUORUM_AND_VOTE})
    answer = assistant.ask(
        "Ban Thường vụ xã Sơn Ca có 12 người, 8 người dự thì họp được không và cần bao nhiêu phiếu tán thành?"
    )
    assert "8 người dự" in answer.answer
    assert "cần ít nhất 7 người" in answer.answer


MEETING_RHYTHM = """QUY CHẾ LÀM VIỆC CỦA ĐẢNG ỦY XÃ SƠN CA

Điều 1. Chế độ họp Ban Thường vụ
Ban Thường vụ họp thường lệ mỗi tháng một lần, do Thường trực triệu tập.

Điều 2. Chế độ làm việc của Thường trực
Thường trực họp định kỳ mỗi tuần một lần.
"""


def test_a_contrasted_body_gets_its_own_rule(tmp_path: Path) -> None:
    """ "..., còn Thường trực thì bao lâu?": the second ask is about Thường trực, whose
    rule is its own, though the first quote writes "Thường trực"."""
    assistant = assistant_over(tmp_path, {"son-ca.txt": MEETING_RHYTHM})
    answer = assistant.ask(
        "Ban Thường vụ xã Sơn Ca họp mấy lần một tháng, còn Thường trực thì bao lâu họp một lần?"
    )
    assert "mỗi tháng một lần" in answer.answer and "mỗi tuần một lần" in answer.answer


@pytest.mark.parametrize(
    ("question", "case"),
    [
        ("Đảng viên ốm nằm viện thì báo ai?", "Đảng viên ốm nằm viện"),
        ("Chi bộ thôn mới bầu xong, kết quả thì ai chuẩn y?", "Chi bộ thôn mới bầu xong, kết quả"),
        ("Đảng viên có việc riêng thì phải làm những gì?", "Đảng viên có việc riêng"),
        # typed without diacritics, "thi" opening a listed word is no topic marker
        ("quy che nay thi hanh the nao", ""),
        # no ask after the marker: the question sets no case
        ("ai chủ trì thì hợp lý?", ""),
        ("Ban Thường vụ họp mấy lần?", ""),
    ],
)
def test_circumstance_is_what_comes_before_the_ask(question: str, case: str) -> None:
    assert circumstance(question) == case


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("Cho em xin số hiệu quy chế để chép vào công văn ạ", "để chép vào công văn ạ"),
        # an ask after it: what follows is asked
        ("quy trình để xét khen thưởng gồm những bước nào", ""),
        # folded, "de" may be "đề": never read as a purpose
        ("cho xin so hieu de chep vao cong van", ""),
    ],
)
def test_purpose_is_why_the_asker_asks(question: str, said: str) -> None:
    assert purpose(question) == said


def test_after_a_refusal_the_document_named_is_no_part_of_the_scene(tmp_path: Path) -> None:
    """The whole refused for its second ask; the first, answered on its own, need not
    write the place that names the document ("Xã An Tường: ...")."""
    from tests.assistant.test_answer import MEETINGS

    files = {"xa-an-tuong.txt": SPREAD, "quy-che-hoa-lac.txt": MEETINGS}
    assistant = assistant_over(tmp_path, files)
    answer = assistant.ask("Xã An Tường: biên bản phiên họp Đảng ủy thì ai ghi, còn UBKT làm gì?")
    assert answer.kind == "answer"
    assert "Chánh Văn phòng Đảng ủy ghi biên bản" in answer.answer


def test_the_sentence_of_the_first_ask_is_its_own_not_the_scene() -> None:
    # the sentence before sets the scene; "Cần tối thiểu" belongs to the first ask
    asks = split_asks(
        "Ngày 5/5 tổ nhận đơn xin họp đột xuất. Cần tối thiểu mấy tổ viên ký và tổ trưởng "
        "phải gọi họp chậm nhất ngày nào?"
    )
    assert [a.scene for a in asks] == ["Ngày 5/5 tổ nhận đơn xin họp đột xuất."] * 2
    assert asks[1].question.endswith("đột xuất. tổ trưởng phải gọi họp chậm nhất ngày nào")


def test_the_noun_a_list_question_asks_the_members_of() -> None:
    assert listed_categories("Tổ được quyền khen thưởng những hình thức nào?") == {"hinh thuc"}
    assert listed_categories("to giai quyet nhung viec gi") == {"viec"}
    assert listed_categories("Hội nghị gồm những ai?") == frozenset()
