"""The support checks: which organizations a question is about."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.function_words import framing_syllables
from assistant.party_bodies import party_bodies


@pytest.mark.parametrize(
    ("question", "bodies"),
    [
        # a Party body named right before an organization is that organization's organ
        ("Ban Chấp hành Công đoàn tỉnh họp mấy lần?", []),
        ("BCH cong doan hop may lan", []),
        ("Ban Chấp hành Đảng bộ họp mấy lần?", ["Ban Chấp hành"]),
        ("Ban Thường vụ cho ý kiến về nhân sự Công đoàn thế nào?", ["Ban Thường vụ"]),
        ("Ban Chấp hành của Công đoàn họp mấy lần?", []),
        ("Quan hệ của Huyện ủy với Công đoàn thế nào?", ["Ban Chấp hành"]),
        # a body that names the Party in its own name is the Party's organ there
        ("Ban cán sự đảng Ủy ban nhân dân huyện họp mấy lần?", ["Ban cán sự đảng"]),
        ("dang uy cong an huyen do ai phu trach", ["Ban Chấp hành"]),
        # members named after an organization, no Party committee named: its members
        ("Hội đồng của ngân hàng họp cần mấy thành viên?", []),
        ("Thành viên chi bộ trong công ty sinh hoạt mấy lần?", ["Ủy viên"]),
        # the standing board of an organization's committee
        ("Ban Thường vụ Ủy ban Mặt trận Tổ quốc huyện họp khi nào?", []),
    ],
)
def test_bodies_of_other_organizations_are_notparty_bodies(
    question: str, bodies: list[str]
) -> None:
    assert party_bodies(question) == bodies


@pytest.mark.parametrize(
    ("question", "framing"),
    [
        ("Hôm nay có 4 người dự thì họp được không?", {"hom", "nay"}),
        ("Ký xong thì bao lâu phải công bố?", {"xong"}),
        ("Lấy ý kiến kiểu gì?", {"kieu", "gi"}),
        ("Thuế đất nộp ở đâu?", set()),
        # the closed classes whole: time nouns, quantifiers, pronouns, conjunctions
        ("Lúc cả tổ trưởng lẫn tổ phó vắng thì ai ký?", {"luc", "ca", "lan"}),
        ("Tụi mình muốn đổi vài điều thì làm sao?", {"tui", "minh", "vai"}),
        # a week or month counted from now, and the noun that asks for a procedure
        ("Tháng tới tổ họp mà tôi ốm thì làm thủ tục gì?", {"thang", "toi", "thu", "tuc"}),
    ],
)
def test_closed_class_words_frame_the_question(question: str, framing: set[str]) -> None:
    found = framing_syllables(question)
    assert framing <= found
    assert "thue" not in found


def test_closed_class_words_are_matched_as_typed() -> None:
    """Typed with diacritics, the "dòng" of a text is not the "đông" of "cổ đông", nor
    "có" the "cổ"; typed without, the folded forms are all one can go by."""
    from assistant.function_words import framing_syllables

    assert not {"co", "dong"} & framing_syllables("Cần bao nhiêu cổ đông để họp?")
    assert "dong" in framing_syllables("Trích giúp dòng quy định về lưu trữ")
    assert "bao" in framing_syllables("can bao nhieu co dong de hop")


def test_single_words_of_the_open_edged_classes_need_their_diacritics() -> None:
    """Folded, "dong" is "dòng" but also "đồng" and "đông": typed without diacritics only
    the phrases of those classes frame a question."""
    from assistant.function_words import framing_syllables

    assert "dong" not in framing_syllables("trich dong quy dinh ve luu tru")
    assert {"trich", "dan"} <= framing_syllables("trich dan quy dinh ve luu tru")


MAIL = (
    "ĐẢNG ỦY XÃ HỒ SEN\nSố 03-QC/ĐU\n\nQUY CHẾ LÀM VIỆC\ncủa Ban Chấp hành Đảng bộ xã Hồ Sen\n\n"
    "Điều 1. Phạm vi\nQuy chế này quy định chế độ làm việc của Đảng ủy xã Hồ Sen.\n\n"
    "Điều 2. Thư từ\n"
    "1. Thư của Đảng ủy được lưu tại Văn phòng Đảng ủy.\n"
    "2. Việc gửi thư của Đảng ủy thực hiện theo các bước:\n"
    "a) Cán bộ soạn thảo trình Thường trực duyệt nội dung;\n"
    "b) Văn phòng Đảng ủy đóng dấu, vào sổ;\n"
    "c) Văn phòng Đảng ủy chuyển thư qua bưu điện.\n\n"
    "Điều 3. Khen thưởng\nBan Thường vụ Đảng ủy quyết định khen thưởng đảng viên.\n"
)


def test_the_noun_naming_a_procedure_joins_no_phrase_the_clause_must_share(
    tmp_path: Path,
) -> None:
    """ "các bước gửi một thư": the sequence noun is the ask's frame; a clause that writes
    "gửi thư ... theo các bước" answers, though it never writes "bước gửi"."""
    from tests.assistant.test_answer import assistant_over

    assistant = assistant_over(tmp_path, {"ho-sen.txt": MAIL})
    answer = assistant.ask("cac buoc gui mot thu cua dang uy xa Ho Sen the nao?")
    assert answer.kind != "refusal"
    assert (answer.citations[0].article, answer.citations[0].clause) == (2, 2)


MEETINGS = (
    "ĐẢNG ỦY XÃ HỒ SEN\nSố 04-QC/ĐU\n\nQUY CHẾ LÀM VIỆC\ncủa Ban Chấp hành Đảng bộ xã Hồ Sen\n\n"
    "Điều 1. Phạm vi\nQuy chế này quy định chế độ làm việc của Đảng ủy xã Hồ Sen.\n\n"
    "Điều 2. Sinh hoạt\n"
    "1. Chi bộ sinh hoạt thường kỳ mỗi tháng một lần.\n"
    "2. Đảng viên vắng sinh hoạt phải báo cáo bí thư chi bộ trước ít nhất 01 ngày.\n\n"
    "Điều 3. Thẻ đảng viên\nVăn phòng Đảng ủy quản lý sổ đảng viên của Đảng bộ.\n"
)


def test_a_word_no_regulation_writes_that_only_sets_the_case_is_set_aside(
    tmp_path: Path,
) -> None:
    """ "bị ốm" is the case the question sets before it asks: the rule for the absence
    answers. The same unknown word in the ask still refuses (nothing says how to re-issue
    a card), and so does a question mostly about what no regulation writes, which once
    passed the gate with no clause left to quote and failed (an IndexError)."""
    from tests.assistant.test_answer import assistant_over

    assistant = assistant_over(tmp_path, {"ho-sen.txt": MEETINGS})
    answer = assistant.ask("Đảng viên bị ốm vắng sinh hoạt thì báo cáo ai?")
    assert answer.kind != "refusal"
    assert (answer.citations[0].article, answer.citations[0].clause) == (2, 2)
    refused = assistant.ask("Đảng viên làm hỏng thẻ thì ép nhựa lại ở đâu?")
    assert refused.kind == "refusal"
    mostly = assistant.ask(
        "Đảng viên bị sốt xuất huyết nằm viện điều trị dài ngày, không sinh hoạt được thì "
        "báo cho ai?"
    )
    assert mostly.kind == "refusal"


def test_a_clause_the_gate_passed_is_quoted_even_below_the_plain_share(tmp_path: Path) -> None:
    """The gate weighs a question without its case's own words; the clause it passed is
    quoted though its plain share is under the bar (an empty choice once crashed)."""
    from assistant.clause_choice import choose_clauses
    from assistant.locate import MIN_COVERAGE, Located
    from assistant.understand import understand
    from tests.assistant.test_answer import assistant_over

    assistant = assistant_over(tmp_path, {"ho-sen.txt": MEETINGS})
    doc = next(iter(assistant._answerer.documents.values()))
    article = doc.article(2, "regulation")
    assert article is not None
    clause = article.clauses[-1]
    low = Located(doc, article, clause, None, clause.text, 0.5, MIN_COVERAGE - 0.05, 0.3)
    u = understand("Đảng viên bị ốm vắng sinh hoạt thì báo cáo ai?", [], [doc])
    assert choose_clauses(u, [low, low]).chosen == [low]


def test_a_modifier_with_words_the_regulations_write_says_nothing_new(tmp_path: Path) -> None:
    """ "tự báo cáo" (by oneself), "ngoài xã" (outside the commune), "xuống dự" (go down to
    attend): a closed-class modifier and words the text writes are no word the regulations
    never use; the clock and calendar of the asker's case ("lúc 9h tối nay") neither. A
    word of its own beside them still refuses."""
    from tests.assistant.test_answer import assistant_over

    assistant = assistant_over(tmp_path, {"ho-sen.txt": MEETINGS})
    gate = assistant._answerer.evidence
    from assistant.understand import understand

    docs = list(assistant._answerer.documents.values())
    for question in (
        "Đảng viên vắng sinh hoạt ngoài xã thì tự báo cáo ai?",
        "Lúc 9h tối nay đảng viên vắng sinh hoạt thì báo cáo ai?",
        # a unit below the commune places the branch ("khu phố 3")
        "Đảng viên khu phố 3 vắng sinh hoạt thì báo cáo ai?",
    ):
        assert gate.unknown_words(understand(question, [], docs)) == []
    assert gate.unknown_words(understand("Đảng viên tự ép nhựa thẻ ở đâu?", [], docs))
    # typed with diacritics a word is compared with them: "bận" is no "bản" (a unit)
    busy = understand("Đảng viên bận vắng sinh hoạt thì báo cáo ai?", [], docs)
    assert gate.unknown_words(busy) == ["bận"]


def test_a_word_of_the_same_meaning_as_one_the_regulations_write_is_no_unknown_word(
    tmp_path: Path,
) -> None:
    """ "gửi qua email": the regulations write what it means ("thư điện tử"), though never
    the word."""
    from tests.assistant.test_answer import assistant_over

    mailed = MEETINGS.replace(
        "trước ít nhất 01 ngày.", "trước ít nhất 01 ngày, bằng văn bản hoặc thư điện tử."
    )
    assistant = assistant_over(tmp_path, {"ho-sen.txt": mailed})
    gate = assistant._answerer.evidence
    from assistant.understand import understand

    docs = list(assistant._answerer.documents.values())
    asked = understand("Đảng viên vắng sinh hoạt thì báo cáo bằng email được không?", [], docs)
    assert gate.unknown_words(asked) == []
    # where no regulation writes the meaning either, the word is still unknown
    (tmp_path / "other").mkdir()
    other = assistant_over(tmp_path / "other", {"ho-sen.txt": MEETINGS})._answerer
    asked = understand(
        "Đảng viên vắng sinh hoạt thì báo cáo bằng email được không?", [], other._docs
    )
    assert other.evidence.unknown_words(asked) == ["email"]


def test_an_organization_called_by_its_head_noun_owns_the_body_before_it() -> None:
    """ "bí thư đoàn" after "Đoàn Thanh niên": the Youth Union's secretary, no Party body."""
    assert party_bodies("Đoàn Thanh niên xã bầu bí thư đoàn thế nào?") == []
    assert party_bodies("Đoàn Thanh niên báo cáo Bí thư Đảng ủy thế nào?") == ["Bí thư"]


VOTES = (
    "ĐẢNG ỦY XÃ HỒ SEN\nSố 05-QC/ĐU\n\nQUY CHẾ LÀM VIỆC\ncủa Ban Chấp hành Đảng bộ xã Hồ Sen\n\n"
    "Điều 1. Phạm vi\nQuy chế này quy định về chế độ làm việc của Đảng ủy xã Hồ Sen; Văn "
    "phòng giúp Đảng ủy theo dõi việc thực hiện các điều khoản của Quy chế.\n\n"
    "Điều 2. Biểu quyết\n"
    "1. Hội nghị Ban Chấp hành phải có ít nhất 2/3 số ủy viên tham dự.\n"
    "2. Nghị quyết của Ban Chấp hành phải được trên 1/2 số ủy viên tán thành.\n\n"
    "Điều 3. Lưu trữ\nVăn phòng Đảng ủy lưu trữ biên bản hội nghị.\n"
)


def test_the_noun_of_the_kind_of_number_asked_is_no_topic(tmp_path: Path) -> None:
    """ "tỷ lệ tán thành": the regulations write the share ("trên 1/2"), never the noun
    (a measure noun, function_words.yaml); nor is "ghi rõ điều khoản" a topic of a
    citation question: it asks for the place."""
    from tests.assistant.test_answer import assistant_over

    assistant = assistant_over(tmp_path, {"ho-sen.txt": VOTES})
    answer = assistant.ask(
        "Trích giúp mình quy định về tỷ lệ tán thành nghị quyết BCH xã Hồ Sen, ghi rõ điều khoản."
    )
    assert answer.kind != "refusal"
    assert (answer.citations[0].article, answer.citations[0].clause) == (2, 2)


def test_not_attending_asked_finds_the_rule_for_absence(tmp_path: Path) -> None:
    """ "không tham dự ... được" is what the regulation calls "vắng": the clause on absence
    answers, though it never writes "tham dự"."""
    from tests.assistant.test_answer import assistant_over

    assistant = assistant_over(tmp_path, {"ho-sen.txt": MEETINGS})
    answer = assistant.ask("Đảng viên xã Hồ Sen không tham dự sinh hoạt được thì phải làm gì?")
    assert answer.kind != "refusal"
    assert (answer.citations[0].article, answer.citations[0].clause) == (2, 2)


def test_a_list_item_is_read_with_the_lead_in_that_opens_its_list() -> None:
    """The head a "how" question asks of ("xét" of "quy trình xét ...") is written in the
    lead-in of a list of steps ("Trình tự xét ...:"), not in its last item; a head neither
    writes ("tiêu chuẩn") is still only listed."""
    from assistant.evidence import _listed_only
    from assistant.locate import Located
    from assistant.understand import understand
    from tests.ingest.rules.fixtures import make_doc

    steps = [("(1)", "(1) Chi bộ họp, đề nghị;"), ("(2)", "(2) Tổ chức lễ trao tặng.")]
    doc = make_doc([(7, "Khen thưởng", [("2. Trình tự xét khen thưởng:", steps)])])
    article = doc.parts[0].articles[0]
    clause = article.clauses[0]
    last = clause.points[-1]
    item = Located(doc, article, clause, last, last.text, 1.0, 0.6, 0.4)

    def listed(question: str) -> str:
        return _listed_only(understand(question, [], [doc]), item)

    assert listed("Quy trình xét khen thưởng đi qua các bước thế nào?") == ""
    assert listed("Tiêu chuẩn khen thưởng là gì?")
