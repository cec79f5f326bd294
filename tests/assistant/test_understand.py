from dataclasses import dataclass

import pytest

from assistant.models import Turn
from assistant.understand import classify, understand
from assistant.world_questions import asks_for_a_person
from ingest.models import DocumentMeta


@dataclass(frozen=True)
class Doc:
    id: str
    meta: DocumentMeta


REGULATION = Doc("quy-che", DocumentMeta(title="Quy chế làm việc của Tỉnh ủy"))


NUMBERED = Doc(
    "quy-che-hoa-binh",
    DocumentMeta(
        title="Quy chế làm việc của Tỉnh ủy Hòa Bình", number="07-QC/TU", province="Hòa Bình"
    ),
)


@pytest.mark.parametrize(
    ("question", "person"),
    [
        ("Bí thư Tỉnh ủy Hòa Bình hiện nay là ai?", True),
        ("chu tich ubnd tinh hoa binh hien tai ten gi", True),
        ("Hiện nay ai là Phó Bí thư thường trực?", True),
        ("pho bi thu tinh uy hoa binh hien nay la ai vay a", True),  # closing particles
        ("truong ban to chuc tinh uy hoa binh bay gio la ai the", True),
        # a title that ends in an office, whatever qualifies it
        ("Đệ nhất Bí thư hiện nay là đồng chí nào?", True),
        ("Người ký quyết định khen thưởng hiện nay là ai?", False),
        # an office asked for, not a person; or no word of the present
        ("Ai là chủ tài khoản của Đảng ủy hiện nay?", False),
        ("Ai là người ký văn bản của Ban Thường vụ?", False),
        ("Bí thư là ai?", False),
        ("Hiện nay ai quyết định triệu tập hội nghị?", False),
        # holding an office, said in so many words
        ("Ai đang giữ chức Trưởng ban Tổ chức Huyện ủy Lam Sơn hiện nay?", True),
        ("ai nam giu chuc vu chanh van phong hien tai", True),
        ("Ai giữ chức Trưởng ban Tổ chức?", False),  # no word of the present
        # a person's name asked for in so many words needs no word of the present
        ("Phó Bí thư Tỉnh ủy Hòa Bình là đồng chí nào nhỉ?", True),
        ("bi thu tinh uy hoa binh ten la gi", True),
        ("Người chủ trì hội nghị là đồng chí nào?", False),  # an office asked for
        ("Người giữ con dấu của Tỉnh ủy là đồng chí nào?", False),
    ],
)
def test_a_question_for_whoever_holds_an_office_now(question: str, person: bool) -> None:
    assert asks_for_a_person(question, [NUMBERED]) is person


def test_a_follow_up_to_another_place_drops_the_words_that_placed_the_first() -> None:
    docs = [
        Doc(
            "dien-bien",
            DocumentMeta(title="Quy chế làm việc của Tỉnh ủy Điện Biên", province="Điện Biên"),
        ),
        Doc(
            "dong-thap",
            DocumentMeta(title="Quy chế làm việc của Đảng ủy Khối", province="Đồng Tháp"),
        ),
    ]
    history = [Turn(role="user", content="ai quyet dinh dieu dong can bo o dien bien")]
    u = understand("Còn ở Đồng Tháp thì sao?", history, docs)
    assert u.document_ids == ("dong-thap",)
    assert "dien bien" not in u.text and " o " not in f" {u.text} " and "ở" not in u.text


def test_a_follow_up_with_its_own_ask_keeps_its_words() -> None:
    history = [
        Turn(role="user", content="Hội nghị Ban Thường vụ cần bao nhiêu người dự?"),
        Turn(role="assistant", content="Ít nhất 2/3 tổng số ủy viên."),
    ]
    own = understand("Còn họp Thường trực thì kéo dài bao lâu?", history, [REGULATION])
    # (less the contrast marker that opens it)
    assert own.is_follow_up and own.text == "họp Thường trực thì kéo dài bao lâu?"
    swapped = understand("Còn Thường trực thì sao?", history, [REGULATION])
    assert "bao nhieu nguoi du" in swapped.text.lower().replace("ư", "u") or (
        "bao nhiêu người dự" in swapped.text
    )


def test_a_new_condition_is_a_question_of_its_own_a_new_number_is_not() -> None:
    history = [
        Turn(role="user", content="Ban Thường vụ xét đơn trong bao lâu?"),
        Turn(role="assistant", content="Trong mười ngày làm việc."),
    ]
    condition = understand("Nếu Bí thư đi công tác vắng thì sao?", history, [REGULATION])
    assert condition.text == "Nếu Bí thư đi công tác vắng thì sao?"
    amount = understand("Nếu là 750 triệu thì sao?", history, [REGULATION])
    assert amount.text != "Nếu là 750 triệu thì sao?"


def test_a_pronoun_typed_without_diacritics_opens_a_follow_up() -> None:
    history = [
        Turn(role="user", content="Thường trực có mấy thành viên?"),
        Turn(role="assistant", content="Gồm Bí thư và các Phó Bí thư."),
    ]
    assert understand("ho hop khi nao?", history, [REGULATION]).text.startswith("Thường trực")
    # "ho so" is "hồ sơ", no pronoun
    assert not understand("ho so gui ve dau?", history, [REGULATION]).text.startswith("Thường trực")


def test_which_body_questions_are_who_decides() -> None:
    from assistant.deciding_body import asked_action
    from assistant.understand import classify

    for asked in ("ban nao", "to chuc nao", "dong chi nao"):
        folded = f"ho so xin chuyen sinh hoat gui len thi {asked} xem xet"
        assert classify(folded, False) == "who_decides"
        assert asked_action(folded)[:2] == ["xem", "xet"]


def test_a_comparison_word_in_a_condition_is_not_the_ask() -> None:
    from assistant.understand import classify

    assert classify("to truong va to pho khac nhau the nao", False) == "comparison"
    assert classify("neu y kien con khac nhau thi to xu ly ra sao", False) == "procedure"


def test_asking_for_the_wording_or_the_place_is_a_citation() -> None:
    """Any of article, clause or point with "nào"/"mấy" asks for a place; the phrases of
    quoting ask for the text itself."""
    assert classify("quy dinh thu quy kiem ke kho nam o khoan may", False) == "citation"
    assert classify("diem may noi thu quy kiem ke kho", False) == "citation"
    assert classify("cho xin cau chu quy dinh thu quy kiem ke kho", False) == "citation"


def test_a_body_named_alone_keeps_the_document_the_conversation_named() -> None:
    # made up: a branch's model regulation beside one commune's regulation
    branch = Doc("chi-bo-mau", DocumentMeta(title="Quy chế làm việc của chi bộ (mẫu)"))
    commune = Doc(
        "suoi-may",
        DocumentMeta(
            title="Quy chế làm việc của Ban Chấp hành Đảng bộ xã Suối Mây",
            level="commune",
            province="Suối Mây",
        ),
    )
    docs = [branch, commune]
    history = [
        Turn(role="user", content="Ở xã Suối Mây, hồ sơ chuyển đảng được duyệt trong mấy ngày?"),
        Turn(role="assistant", content="Bảy ngày làm việc."),
    ]
    asked = "chi bo phai hop xet trong bao lau"
    assert understand(asked, history, docs).document_ids == ("suoi-may",)
    # with no document named before, the body still points to its own regulation
    assert understand(asked, [], docs).document_ids == ("chi-bo-mau",)
    # a document named by name is another matter
    named = "Quy chế chi bộ: chi bộ phải họp xét trong bao lâu?"
    assert understand(named, history, docs).document_ids == ("chi-bo-mau",)


def test_under_whose_authority_is_a_who_question() -> None:
    """ "thuộc quyền X hay Y": which body holds the power, asked as a choice; the
    asking words are no topic a clause must write."""
    from assistant.locate import body_questions_in
    from assistant.understand import classify

    assert classify("khen thuong to truong thuoc quyen to hay ban thuong vu", False) == (
        "who_decides"
    )
    assert "thuoc quyen" in body_questions_in("khen thưởng tổ trưởng thuộc quyền tổ hay ai")


def test_a_which_question_with_a_comparative_compares() -> None:
    """ "bên nào dày hơn": the things named are compared, whatever the verb."""
    folded = "to may hop may lan so voi to gio thi ben nao hop day hon"
    assert classify(folded, False) == "comparison"
    assert classify("to may hop day hon to gio khong", False) != "comparison"


def test_a_body_set_apart_is_not_asked_about() -> None:
    u = understand("Hội nghị Ban Chấp hành (không phải Ban Thường vụ) cần mấy người dự?", [], [])
    assert u.bodies == ("Ban Chấp hành",)
    assert u.frame.bodies == ("Ban Chấp hành",)
    # named again without the negative, it is asked about
    u = understand("Không phải Ban Thường vụ thì Ban Thường vụ hay BCH họp?", [], [])
    assert "Ban Thường vụ" in u.bodies


def test_which_one_with_a_comparative_predicate_of_a_few_words_compares() -> None:
    # "bên nào bắt nộp báo cáo sớm hơn": which of the two, by a verb phrase before "hơn"
    assert classify("hai quy che, ben nao bat nop bao cao som hon", False) == "comparison"
    assert classify("to nao hop thua hon", False) == "comparison"


def test_a_term_that_names_a_document_names_it_before_its_comma() -> None:
    termed = Doc(
        "quy-che-lam-son",
        DocumentMeta(title="Quy chế làm việc của Huyện ủy Lam Sơn khóa IX, nhiệm kỳ 2031 - 2036"),
    )
    assert asks_for_a_person("Bí thư Huyện ủy Lam Sơn khóa IX là đồng chí nào?", [termed])
