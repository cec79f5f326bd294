"""The answering layer on the bundled regulations (lexical retrieval: no model needed)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.deciding_body import deciding_body
from assistant.models import Answer, Turn
from assistant.service import Assistant
from assistant.stated_numbers import numbers_not_in, states_number
from assistant.understand import understand
from ingest.settings import Settings
from tests.conftest import CORPUS
from tests.ingest.rules.fixtures import make_doc

DIEN_BIEN = "quy-che-tinh-uy-dien-bien-khoa-xiv"
KON_TUM = "quy-che-ban-can-su-dang-ubnd-tinh-kon-tum-2021-2026"
TEMPLATE_2025 = "quy-che-mau-dang-uy-ubnd-tinh-2025"


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    settings = Settings(home=tmp_path_factory.mktemp("home"), embedding_backend="none")
    report = Assistant.ingest_files(settings, [CORPUS])
    assert not report.errors
    return Assistant.open(settings)


def assistant_over(tmp_path: Path, texts: dict[str, str]) -> Assistant:
    """An assistant over made-up regulations (file name → text), lexical only."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in texts.items():
        (docs / name).write_text(text, encoding="utf-8")
    settings = Settings(home=tmp_path / "home", embedding_backend="none")
    assert not Assistant.ingest_files(settings, [docs]).errors
    return Assistant.open(settings)


def verbatim(assistant: Assistant, answer: Answer) -> None:
    for c in answer.citations:
        assert c.quote in assistant.document(c.document_id).text


def test_who_decides_names_the_body_from_the_text(assistant: Assistant) -> None:
    answer = assistant.ask("Ai quyết định triệu tập hội nghị Ban Thường vụ Tỉnh ủy Điện Biên?")
    assert answer.kind == "answer"
    first = answer.citations[0]
    assert (first.document_id, first.article, first.clause) == (DIEN_BIEN, 3, 1)
    assert "Thường trực" in answer.answer
    verbatim(assistant, answer)


def test_same_question_without_diacritics(assistant: Assistant) -> None:
    answer = assistant.ask("ai quyet dinh trieu tap hoi nghi ban thuong vu tinh uy dien bien")
    assert (answer.citations[0].article, answer.citations[0].clause) == (3, 1)


def test_numeric_answer_computes_and_cites(assistant: Assistant) -> None:
    answer = assistant.ask(
        "Tỉnh ủy Điện Biên có 48 ủy viên thì hội nghị cần ít nhất bao nhiêu người?"
    )
    assert answer.kind == "numeric"
    assert answer.numeric is not None and "32" in answer.numeric.result
    assert answer.citations[0].document_id == DIEN_BIEN
    assert "2/3" in answer.citations[0].quote
    verbatim(assistant, answer)


def test_land_area_is_decided_with_a_short_quote(assistant: Assistant) -> None:
    answer = assistant.ask(
        "Ở Điện Biên, dự án chuyển mục đích 25 ha đất rừng phòng hộ thì ai cho chủ trương?"
    )
    assert answer.kind == "numeric"
    assert answer.numeric is not None and answer.numeric.result == "Ban Thường vụ"
    assert "25 ha ≥ 20 ha" in answer.numeric.computation
    # the rule's sentence is a long list of powers: the quote is its part about land
    quote = answer.citations[0].quote
    assert quote.startswith("dự án có chuyển đổi mục đích") and len(quote) < 300
    verbatim(assistant, answer)


def test_rules_of_one_sentence_quote_it_once(assistant: Assistant) -> None:
    answer = assistant.ask(
        "Ở Điện Biên, đất rừng sản xuất bao nhiêu ha trở lên thì cần chủ trương?"
    )
    assert answer.kind == "numeric" and "50 ha" in answer.answer.split("\n")[1]
    assert answer.answer.count("«") == 1 and len(answer.citations) == 1
    assert answer.answer.count("trích dẫn ở trên") == 2


def test_how_many_without_a_number_anywhere_is_refused(assistant: Assistant) -> None:
    # Clauses share the words ("lãnh đạo công tác quốc phòng") but none gives a number.
    answer = assistant.ask("Ban Thường vụ lãnh đạo công tác quốc phòng mấy lần?")
    assert answer.kind == "refusal" and "không nêu con số" in answer.answer
    assert "Các điều gần nhất" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Quốc hội họp mấy kỳ một năm?",  # a clause names the Quốc hội, and "hai kỳ họp"
        "HĐND tỉnh họp thường lệ mấy lần một năm?",
        "Chính phủ họp mấy lần một tháng?",
    ],
)
def test_numbers_of_an_organization_outside_the_party_are_refused(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.ask(question)
    assert answer.kind == "refusal" and "không quy định con số" in answer.answer


def test_a_party_body_of_the_organization_is_answered(assistant: Assistant) -> None:
    answer = assistant.ask("Ban cán sự đảng UBND tỉnh họp mấy lần một tháng?")
    assert answer.kind == "numeric" and answer.citations[0].document_id == KON_TUM


def test_a_law_not_loaded_is_named_in_the_refusal(assistant: Assistant) -> None:
    answer = assistant.ask("Theo Luật Đất đai 2024, ai phê duyệt giá đất?")
    assert answer.kind == "refusal" and "Chưa có Luật Đất đai 2024" in answer.answer


@pytest.mark.parametrize(
    ("question", "unknown"),
    [
        # every syllable is common in the regulations, the words are not
        ("Ai bổ nhiệm hiệu trưởng trường trung học cơ sở?", "hiệu trưởng"),
        ("Làm sao để đăng ký thường trú cho con mới sinh?", "thường trú"),
        ("Thu tuc cap lai so ho khau bi mat?", "so ho khau"),
    ],
)
def test_a_word_the_regulations_never_use_is_refused(
    assistant: Assistant, question: str, unknown: str
) -> None:
    answer = assistant.ask(question)
    assert answer.kind == "refusal" and unknown in answer.answer


def test_an_age_asked_and_never_stated_is_refused(assistant: Assistant) -> None:
    answer = assistant.ask("Đảng viên ở độ tuổi nào thì được miễn sinh hoạt?")
    assert answer.kind == "refusal" and "không nêu con số" in answer.answer


def test_how_many_with_some_but_no_number_is_refused(assistant: Assistant) -> None:
    # "một số cơ quan" ("some agencies") in the closest clause is not a number.
    answer = assistant.ask("Nghĩa vụ quân sự kéo dài bao nhiêu tháng?")
    assert answer.kind == "refusal"


@pytest.mark.parametrize(
    ("quote", "states"),
    [
        ("trước kỳ họp 03 ngày.", True),
        ("họp ba tháng một lần", True),
        ("phải có trên 1/2 số thành viên.", True),
        ("trước ngày ..... hằng tháng", True),
        ("a) Chuẩn bị; b) Thảo luận; c) Biểu quyết", True),  # a list answers "mấy bước"
        ("2/- Lãnh đạo công tác giáo dục chính trị", False),  # an item label is no value
        ("(2)- Thường trực Tỉnh ủy chỉ đạo", False),
        ("giới thiệu ứng cử… đối với đảng viên", False),  # "etc.", not a template blank
        ("trực tiếp nắm và chỉ đạo", False),  # "nắm" is not "năm"
        ("hop ba thang mot lan", True),  # typed without diacritics: read folded
        ("đối với một số cơ quan trực thuộc", False),  # "some", not one
        ("theo một trong các hình thức", False),
        ("thành phần dự họp", False),  # "phần" counts only after a number word
        ("biểu quyết hai phần ba", True),
        ("doi voi mot so co quan", False),
    ],
)
def teststates_number(quote: str, states: bool) -> None:
    assert states_number(quote) is states


def test_template_blank_is_reported_not_guessed(assistant: Assistant) -> None:
    answer = assistant.ask(
        "Theo quy chế mẫu đảng ủy UBND tỉnh, tài liệu hội nghị phải gửi trước mấy ngày?"
    )
    assert answer.kind == "numeric"
    assert answer.numeric is not None and answer.numeric.unspecified
    assert "để trống" in answer.answer


def test_citation_lookup_and_cite_as(assistant: Assistant) -> None:
    answer = assistant.ask("khoản 2 Điều 14 Quy chế 09-QC/TU nói gì?")
    assert answer.kind == "answer"
    c = answer.citations[0]
    assert (c.document_id, c.article, c.clause) == (KON_TUM, 14, 2)
    assert c.cite_as.startswith("khoản 2 Điều 14 Quy chế làm việc")
    assert "09-QC/TU ngày 11/10/2024 của Tỉnh ủy Kon Tum" in c.cite_as


def test_reference_without_document_asks_which(assistant: Assistant) -> None:
    answer = assistant.ask("Điều 25 quy định gì?")
    assert answer.kind == "clarification"
    assert len(answer.documents) >= 2


def test_decision_part_is_its_own_article_numbering(assistant: Assistant) -> None:
    answer = assistant.ask("Điều 3 Quyết định 261-QĐ/TW quy định gì?")
    assert answer.citations[0].part == "decision"
    assert "Văn phòng Trung ương Đảng" in answer.citations[0].quote


def test_out_of_scope_is_refused(assistant: Assistant) -> None:
    for question in (
        "Thủ tục làm hộ chiếu phổ thông cần giấy tờ gì?",
        "Mức lương cơ sở năm 2025 là bao nhiêu?",
    ):
        answer = assistant.ask(question)
        assert answer.kind == "refusal", question
        assert answer.citations == []


def test_english_gets_a_vietnamese_reply(assistant: Assistant) -> None:
    answer = assistant.ask("Who convenes the meeting of the standing committee?")
    assert answer.kind == "refusal" and "tiếng Việt" in answer.answer


def test_documents_that_differ_are_shown_side_by_side(assistant: Assistant) -> None:
    answer = assistant.ask("Ban Thường vụ họp mấy lần một tháng?")
    assert len({c.document_id for c in answer.citations}) >= 2
    assert answer.notes


def test_follow_up_keeps_the_document_and_swaps_the_body(assistant: Assistant) -> None:
    first = "Hội nghị Ban Thường vụ Đảng ủy Khối Đồng Tháp cần bao nhiêu người tham dự?"
    history = [Turn(role="user", content=first), Turn(role="assistant", content="2/3")]
    answer = assistant.ask("Còn Điện Biên thì sao?", history=history)
    assert answer.citations and answer.citations[0].document_id == DIEN_BIEN


def test_follow_up_to_another_document_leaves_the_first_ones_own_body(
    assistant: Assistant,
) -> None:
    # Kon Tum's regulation is the Ban cán sự đảng's; Điện Biên's has none of its rules.
    first = "Ban cán sự đảng Kon Tum họp định kỳ mấy lần một tháng?"
    history = [Turn(role="user", content=first), Turn(role="assistant", content="...")]
    answer = assistant.ask("còn dien bien?", history=history)
    assert answer.kind == "numeric"
    assert answer.citations[0].document_id == DIEN_BIEN


@pytest.mark.parametrize("question", ["", "   ", "?!…", "\x00\x01", "😀😀"])
def test_empty_questions_are_refused_clearly(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question)
    assert answer.kind == "refusal" and answer.answer


def test_scope_passed_by_the_caller(assistant: Assistant) -> None:
    answer = assistant.ask("Hội nghị cần ít nhất bao nhiêu người tham dự?", document_ids=[KON_TUM])
    assert {c.document_id for c in answer.citations} == {KON_TUM}


def test_unknown_scope_is_a_clear_refusal(assistant: Assistant) -> None:
    answer = assistant.ask("Ai triệu tập?", document_ids=["khong-co"])
    assert answer.kind == "refusal" and "khong-co" in answer.answer


def test_answers_are_stable(assistant: Assistant, tmp_path: Path) -> None:
    question = "Tài liệu họp Ban Thường vụ Tỉnh ủy Điện Biên gửi trước mấy ngày?"
    assert assistant.ask(question) == assistant.ask(question)


def test_place_whose_regulation_is_not_loaded_is_refused(assistant: Assistant) -> None:
    # None of the bundled regulations is a commune's: answering from a province's
    # regulation would mix rules of different committees.
    answer = assistant.ask("Dự án 4 tỷ ở xã Hòa Bình thì ai quyết định chủ trương đầu tư?")
    assert answer.kind == "refusal"
    assert "xã Hòa Bình" in answer.answer and answer.citations == []
    assert {d.document_id for d in answer.documents} >= {DIEN_BIEN, KON_TUM}


def test_place_not_loaded_beside_a_loaded_one_is_noted(assistant: Assistant) -> None:
    answer = assistant.ask("Hội nghị Tỉnh ủy Điện Biên và Tỉnh ủy Lào Cai cần bao nhiêu người?")
    assert answer.kind == "numeric"
    assert {c.document_id for c in answer.citations} == {DIEN_BIEN}
    assert any("Tỉnh ủy Lào Cai" in n for n in answer.notes)


BADGES = make_doc(
    [
        (
            4,
            "Ban Thường vụ",
            [
                "1. Xét, đề nghị cấp trên tặng Huy hiệu Đảng cho đảng viên đủ tiêu chuẩn; họp mười lăm ngày một lần."
            ],
        )
    ]
)


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        ("Tiêu chuẩn tặng Huy hiệu 40 năm tuổi Đảng là gì?", ["40 năm"]),
        ("Huy hiệu Đảng xét 15 ngày một lần là gì?", []),  # "mười lăm" in words counts
        ("Khoản 1 Điều 4 Quy chế 09-QC/TU năm 2024 là gì?", []),  # references, numbers, years
        ("Dự án 3 tỷ đồng là gì?", []),  # an amount is the rule module's
    ],
)
def test_numbers_the_question_is_about(question: str, missing: list[str]) -> None:
    article = BADGES.articles[0]
    assert numbers_not_in(question, f"{article.title} {article.text}") == missing


def test_the_place_of_an_amount_states_it(assistant: Assistant) -> None:
    answer = assistant.ask("Mức 03 tỷ đồng trong quy chế Tỉnh ủy Điện Biên ở điều khoản nào?")
    assert answer.kind == "answer" and "03 tỷ" in answer.citations[0].quote
    # no clause states the amount: not some other amount's clause
    answer = assistant.ask("Mức 07 tỷ đồng trong quy chế Tỉnh ủy Điện Biên ở điều khoản nào?")
    assert answer.kind == "refusal" and "07 tỷ" in answer.answer


def test_what_is_question_about_a_number_no_clause_states_is_refused(
    assistant: Assistant,
) -> None:
    answer = assistant.ask("Tiêu chuẩn tặng Huy hiệu 40 năm tuổi Đảng là gì?")
    assert answer.kind == "refusal" and "40 năm" in answer.answer
    # the same number beside a who-decides question is incidental: still answered
    assert assistant.ask("Đảng viên 18 tuổi thì ai quyết định kết nạp?").kind == "answer"


POWERS = make_doc(
    [
        (
            7,
            "Nhiệm vụ, quyền hạn của Ban Thường vụ",
            [
                "1. Chuẩn bị nhân sự để Ban Chấp hành xem xét, đề nghị Ban Bí thư, Ban cán sự"
                " đảng Chính phủ cho ý kiến về giới thiệu nhân sự bầu chức danh Bí thư.",
                "2. Việc kỷ luật Đảng ủy viên do hội nghị Ban Chấp hành xem xét, quyết định.",
            ],
        ),
        (
            8,
            "Chế độ hội nghị",
            [
                "1. Hội nghị Đảng ủy Khối do Ban Thường vụ Đảng ủy Khối triệu tập sáu tháng một lần.",
            ],
        ),
        (
            9,
            "Tổ chức thực hiện",
            [
                "1. Văn phòng Đảng ủy và các cơ quan có liên quan chịu trách nhiệm thi hành Quy chế này."
            ],
        ),
    ]
)


@pytest.mark.parametrize(
    ("question", "article", "clause", "body"),
    [
        # "quyết định" only says who decides; the text writes the action, "triệu tập".
        ("Ai quyết định triệu tập hội nghị Đảng ủy Khối?", 8, 1, "Ban Thường vụ"),
        # Bodies far before the action are not its actor: the article's holder is.
        ("Ai bầu Bí thư?", 7, 1, "Ban Thường vụ"),
        # "do hội nghị Ban Chấp hành ... quyết định": the conference of the body decides.
        ("Ai quyết định kỷ luật Đảng ủy viên?", 7, 2, "Ban Chấp hành"),
        # The action is not in the clause and the title names no holder: no body is
        # claimed (the first one named, "Văn phòng", did not issue the regulation).
        ("Ai ban hành Quy chế này?", 9, 1, ""),
    ],
)
def test_the_deciding_body_is_the_one_that_acts(
    question: str, article: int, clause: int, body: str
) -> None:
    found = next(a for a in POWERS.articles if a.number == article)
    chosen = found.clauses[clause - 1]
    u = understand(question, [], [POWERS])
    assert deciding_body(u.text, chosen.text, found.title) == body


def test_which_article_is_answered_with_the_article_and_its_clauses(
    assistant: Assistant,
) -> None:
    answer = assistant.ask("Điều nào trong quy chế Đảng ủy Khối Đồng Tháp quy định về phát ngôn?")
    first, *clauses = answer.citations
    # A drafter pastes "Điều 16 ...", not one of its clauses.
    assert (first.article, first.clause) == (16, None)
    assert first.cite_as.startswith("Điều 16 ")
    assert [c.clause for c in clauses[:2]] == [1, 2]
    assert "Điều 16 (Chế độ phát ngôn và giữ bí mật)" in answer.answer
    verbatim(assistant, answer)


def test_which_article_holds_a_detail_is_answered_with_the_clause(assistant: Assistant) -> None:
    # The title does not say it: the clause that does is the place.
    answer = assistant.ask("Mức 03 tỷ đồng trong quy chế Tỉnh ủy Điện Biên ở điều khoản nào?")
    assert answer.citations[0].clause is not None


SCATTERED = """QUY CHẾ LÀM VIỆC CỦA BAN CHẤP HÀNH ĐẢNG BỘ XÃ AN BÌNH

Chương I
NHIỆM VỤ, QUYỀN HẠN

Điều 1. Nhiệm vụ, quyền hạn của Ban Thường vụ
1. Ban Thường vụ lãnh đạo, chỉ đạo các công việc sau:
- Quyết định việc mua sắm phương tiện đi lại phục vụ công tác của cơ quan đảng.
- Chỉ đạo việc thực hiện chế độ bảo hiểm xã hội đối với cán bộ diện Ban Thường vụ quản lý.
- Cho ý kiến về việc tính toán kinh phí tổ chức hội nghị của Đảng ủy.
- Quyết định khen thưởng tập thể, cá nhân có thành tích xuất sắc.
- Chỉ đạo công tác kiểm tra, giám sát trong Đảng bộ.
2. Ban Thường vụ họp mỗi tháng một lần.

Điều 2. Chế độ hội nghị
1. Đảng ủy họp thường lệ ba tháng một lần.
2. Tài liệu hội nghị được gửi trước ít nhất 03 ngày.
"""


def test_words_scattered_over_a_long_clause_do_not_answer_an_unknown_topic(
    tmp_path: Path,
) -> None:
    assistant = assistant_over(tmp_path, {"quy-che-an-binh.txt": SCATTERED})
    # "đăng kiểm" is never used; "phương tiện đi lại" and "bảo hiểm xã hội" are, in two
    # different points of one clause: together they say nothing about the fee asked.
    asked = "Phí đăng kiểm phương tiện đi lại và bảo hiểm xã hội của cán bộ tính thế nào?"
    assert assistant.ask(asked).kind == "refusal"
    # one point that covers the question still answers it, unknown words ("ô tô") or not
    answer = assistant.ask(
        "Ai quyết định mua sắm phương tiện đi lại phục vụ công tác, kể cả xe ô tô?"
    )
    assert answer.kind == "answer" and "mua sắm phương tiện" in answer.citations[0].quote


def test_the_words_naming_a_document_do_not_pick_its_article(assistant: Assistant) -> None:
    # "quy chế mẫu đảng ủy UBND tỉnh" names the template; the decision's Điều 2 ("... căn
    # cứ Quy chế làm việc mẫu ... đảng ủy ủy ban nhân dân tỉnh ... báo cáo") only repeats
    # the name and has no title of its own.
    answer = assistant.ask("Điều nào của quy chế mẫu đảng ủy UBND tỉnh quy định chế độ báo cáo?")
    first = answer.citations[0]
    assert (first.document_id, first.part, first.article, first.clause) == (
        TEMPLATE_2025,
        "regulation",
        15,
        None,
    )
    places = [(c.part, c.article, c.clause, c.point) for c in answer.citations]
    assert len(places) == len(set(places))  # an article's clause is not cited twice
    verbatim(assistant, answer)


def test_a_compared_document_that_is_silent_is_said_to_be(assistant: Assistant) -> None:
    # Kon Tum's Ban cán sự đảng has no Thường trực: its silence is part of the comparison,
    # and one document's number agrees with no other.
    answer = assistant.ask("So sánh số lần họp Thường trực ở Đồng Tháp và ở Kon Tum")
    assert answer.kind == "numeric"
    assert [d.document_id for d in answer.documents][1] == KON_TUM
    assert "không quy định" in answer.answer.split("\n\n")[1]
    assert not any("giống nhau" in n for n in answer.notes)
    verbatim(assistant, answer)


WHOSE = """QUY CHẾ LÀM VIỆC CỦA BAN CHẤP HÀNH ĐẢNG BỘ XÃ AN BÌNH

Điều 1. Quan hệ với công an xã
1. Ban Thường vụ lãnh đạo công an xã bằng các chủ trương, chính sách thông qua chi bộ công an.
2. Ban Thường vụ lãnh đạo trực tiếp tổ chức đảng trong công an xã và quân sự xã, không quyết định những vấn đề cụ thể thuộc thẩm quyền của các cơ quan đó. Các vụ việc có liên quan đến cán bộ thuộc diện Ban Thường vụ quản lý; những vụ việc phức tạp về an ninh, trật tự, dân tộc, tôn giáo trên địa bàn xã hoặc các vụ việc mà giữa các cơ quan chưa thống nhất quan điểm xử lý, đều phải có ý kiến chỉ đạo của Thường trực Đảng ủy.

Điều 2. Chế độ hội nghị
1. Đảng ủy họp thường lệ ba tháng một lần.
"""


def test_whose_opinion_is_the_body_named_after_it(tmp_path: Path) -> None:
    # The splitter cuts the sentence at ";": the quote runs on to where the action is,
    # and "của ai" is answered by the body named after it, not by the one before.
    assistant = assistant_over(tmp_path, {"quy-che-an-binh.txt": WHOSE})
    answer = assistant.ask(
        "Vụ việc liên quan cán bộ thuộc diện Ban Thường vụ quản lý phải có ý kiến chỉ đạo của ai?"
    )
    assert answer.kind == "answer" and ": Thường trực (khoản 2 Điều 1" in answer.answer
    quote = answer.citations[0].quote
    assert quote.startswith("Các vụ việc") and quote.endswith("của Thường trực Đảng ủy.")
    verbatim(assistant, answer)


def test_a_rule_is_about_what_the_rule_module_read_it_as(assistant: Assistant) -> None:
    # Neither text writes "bất thường" ("đột xuất"); the rules are of that kind all the same.
    answer = assistant.ask("So sánh quy định về họp bất thường giữa Kon Tum và Điện Biên")
    assert answer.kind == "numeric"
    assert [d.document_id for d in answer.documents] == [KON_TUM, DIEN_BIEN]
    # 1/3 and "trên 1/2": no single highlighted value stands for both
    assert answer.numeric is None and "1/3" in answer.answer and "trên 1/2" in answer.answer
    verbatim(assistant, answer)


BRANCH = """QUY CHẾ LÀM VIỆC CỦA CHI BỘ (MẪU)

Điều 1. Chế độ sinh hoạt
1. Chi bộ họp thường lệ mỗi tháng một lần.
2. Chi ủy họp mỗi tháng một lần, trước ngày sinh hoạt chi bộ.
"""
COMMUNE_RULES = """QUY CHẾ LÀM VIỆC CỦA BAN CHẤP HÀNH ĐẢNG BỘ XÃ AN BÌNH

Điều 1. Thi hành kỷ luật đảng
1. Chi bộ xem xét, quyết định kỷ luật khiển trách, cảnh cáo đối với đảng viên trong chi bộ.
2. Ban Thường vụ Đảng ủy quyết định kỷ luật đảng viên là cán bộ diện Ban Thường vụ quản lý.

Điều 2. Kết nạp đảng viên
1. Trong thời hạn một tháng kể từ ngày có quyết định, chi bộ tổ chức lễ kết nạp.
"""


def test_a_document_named_only_by_a_body_is_not_the_only_one_asked(tmp_path: Path) -> None:
    assistant = assistant_over(
        tmp_path, {"quy-che-chi-bo.txt": BRANCH, "quy-che-an-binh.txt": COMMUNE_RULES}
    )
    # "chi bộ" is the branch template's name and a body the question speaks of: the
    # template is silent on discipline, the commune regulation is not.
    answer = assistant.ask("Ai quyết định kỷ luật đảng viên ở chi bộ?")
    assert answer.kind == "answer"
    assert answer.citations[0].document_id == "quy-che-an-binh"
    assert "không quy định" in answer.notes[0]
    # the template still answers what it says
    meets = assistant.ask("Chi bộ họp mấy lần một tháng?")
    assert meets.citations[0].document_id == "quy-che-chi-bo"
    # a number it does not give is not borrowed from another document
    deadline = assistant.ask("Thời hạn gửi báo cáo tháng của chi bộ là khi nào?")
    assert deadline.kind == "refusal"


def test_a_number_the_body_s_own_template_has_no_rule_for_is_read_where_stated(
    tmp_path: Path,
) -> None:
    reports = COMMUNE_RULES + (
        "\nĐiều 3. Chế độ báo cáo\n1. Các chi bộ báo cáo tình hình hằng tháng về Văn phòng "
        "Đảng ủy trước ngày 25 hằng tháng.\n"
    )
    assistant = assistant_over(
        tmp_path, {"quy-che-chi-bo.txt": BRANCH, "quy-che-an-binh.txt": reports}
    )
    # the branch template, named only by the body, has no rule of the kind: another
    # regulation states the day for that body (the day asked as "ngày bao nhiêu")
    answer = assistant.ask("chi bo bao cao hang thang ve van phong truoc ngay bao nhieu?")
    assert answer.kind == "numeric"
    assert answer.citations[0].document_id == "quy-che-an-binh"
    assert "ngày 25" in answer.answer and "không quy định" in answer.notes[0]
    verbatim(assistant, answer)


def test_documents_beyond_the_ones_shown_are_named(tmp_path: Path) -> None:
    provinces = ["An Bình", "Bình Minh", "Cát Tiên", "Đông Hà", "Gia Lâm", "Hòa An"]
    texts = {
        f"quy-che-{i}.txt": f"QUY CHẾ LÀM VIỆC CỦA BAN CHẤP HÀNH ĐẢNG BỘ XÃ {p.upper()}\n\n"
        f"Điều 1. Chế độ hội nghị\n1. Ban Thường vụ xã {p} quyết định triệu tập hội nghị bất "
        f"thường khi có {i + 2} ủy viên đề nghị.\n"
        for i, p in enumerate(provinces)
    }
    assistant = assistant_over(tmp_path, texts)
    answer = assistant.ask("Ai quyết định triệu tập hội nghị bất thường?")
    assert len(answer.documents) == 5
    assert any("Còn 1 văn bản khác" in n for n in answer.notes)


def test_a_how_many_question_about_a_named_document_needs_a_number(
    assistant: Assistant,
) -> None:
    # No rule of any kind, and the closest clause states no number: not an answer, even
    # though the question names the document. (How many articles it has is a fact of its
    # structure: tests/assistant/test_document_answer.py.)
    answer = assistant.ask("Quy chế Đảng ủy Khối Đồng Tháp có bao nhiêu cơ quan tham mưu?")
    assert answer.kind == "refusal"
    # a kind of rule the named document lacks is still said to be missing, with its
    # nearest clause
    lacking = assistant.ask("Ban cán sự đảng Kon Tum mỗi phiên họp kéo dài tối đa bao lâu?")
    assert lacking.kind != "refusal" and "không quy định" in lacking.answer


def test_a_question_with_nothing_to_look_up_is_asked_back(assistant: Assistant) -> None:
    # a follow-up sent without its conversation names a document and nothing else
    answer = assistant.ask("Còn ở Kon Tum thì sao?")
    assert answer.kind == "clarification" and not answer.citations
    assert [d.document_id for d in answer.documents] == [KON_TUM]


def test_story_form_quorum_is_decided(assistant: Assistant) -> None:
    # Numbers set in a story: a total and a count present, decided against the rule.
    answer = assistant.ask(
        "Ban Thường vụ Tỉnh ủy Điện Biên có 12 người, 7 người dự thì họp được không?"
    )
    assert answer.kind == "numeric" and answer.numeric is not None
    assert answer.answer.startswith("Không đủ: 7 người dự, cần ít nhất 8 người")
    verbatim(assistant, answer)


MEETINGS = """QUY CHẾ LÀM VIỆC CỦA BAN CHẤP HÀNH ĐẢNG BỘ XÃ HÒA LẠC

Điều 1. Chế độ hội nghị
1. Hội nghị Ban Chấp hành phải có ít nhất 2/3 tổng số ủy viên tham dự mới hợp lệ.
2. Nghị quyết của Ban Chấp hành được thông qua khi có quá nửa tổng số ủy viên tán thành.
"""


@pytest.mark.parametrize(
    ("question", "lead", "clauses"),
    [
        (
            "Ban Chấp hành có 30 ủy viên, 21 người dự, 17 người tán thành thì có thông qua?",
            "Đủ: 17 người tán thành, cần ít nhất 16 người — được thông qua; Đủ: 21 người dự,"
            " cần ít nhất 20 người — hội nghị được tiến hành",
            [2, 1],
        ),
        (
            "ban chap hanh 30 uy vien, 18 nguoi du hop, 16 nguoi nhat tri thi thong qua chua",
            "Không đủ: 18 người dự, cần ít nhất 20 người — hội nghị không được tiến hành; Đủ: 16"
            " người tán thành, cần ít nhất 16 người — không được thông qua vì hội nghị không đủ"
            " số người dự",
            [1, 2],
        ),
    ],
)
def test_a_vote_at_a_meeting_decides_the_meeting_too(
    tmp_path: Path, question: str, lead: str, clauses: list[int]
) -> None:
    # a vote counts only at a meeting that could be held: both counts are decided, and
    # what decides the answer leads (the vote asked; the meeting, when it failed)
    assistant = assistant_over(tmp_path, {"quy-che-hoa-lac.txt": MEETINGS})
    answer = assistant.ask(question)
    assert answer.kind == "numeric" and answer.answer.startswith(lead)
    assert [c.clause for c in answer.citations] == clauses
    assert answer.numeric is not None and answer.numeric.kind == "vote_threshold"
    verbatim(assistant, answer)


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("Ban Chấp hành có 30 ủy viên, 19 người dự thì đã đủ chưa?", "Chưa — không đủ: 19"),
        ("ban chap hanh 30 uy vien, 20 nguoi du thi du chua a", "Rồi — đủ: 20"),
        ("Ban Chấp hành 30 ủy viên, 20 người dự thì họp được không?", "Có — đủ: 20"),
        # asked with "không", a negative verdict already answers it
        ("Ban Chấp hành 30 ủy viên, 19 người dự thì họp được không?", "Không đủ: 19"),
    ],
)
def test_a_yes_no_count_question_is_answered_in_its_own_terms(
    tmp_path: Path, question: str, lead: str
) -> None:
    assistant = assistant_over(tmp_path, {"quy-che-hoa-lac.txt": MEETINGS})
    answer = assistant.ask(question)
    assert answer.kind == "numeric" and answer.answer.startswith(lead), answer.answer[:80]


def test_a_share_asked_for_is_stated_only_as_a_share() -> None:
    question = "Mỗi đảng viên đóng bao nhiêu % thu nhập?"
    assert not states_number("Đảng viên đóng phí hằng tháng tại kỳ sinh hoạt.", question)
    assert states_number("Đảng viên đóng 1% thu nhập hằng tháng.", question)
    assert states_number("Đảng viên đóng phí hằng tháng tại kỳ sinh hoạt.")


def test_a_body_in_a_list_governed_by_a_preposition_is_no_actor() -> None:
    quote = (
        "- Chịu trách nhiệm trước Ban Chấp hành, Ban Thường vụ và đồng chí Bí thư: "
        "làm chủ tài khoản của cơ quan; điều hành công tác văn phòng."
    )
    title = "Nhiệm vụ của Phó Bí thư Thường trực"
    assert deciding_body("Ai làm chủ tài khoản của cơ quan?", quote, title) == (
        "Phó Bí thư Thường trực"
    )


_REWARD_STEPS = [("a", "a) Chi bộ đề nghị;"), ("b", "b) Ban Thường vụ xét duyệt.")]


def _counts_listed(lead_in: str) -> Callable[[str], bool]:
    """Whether a question counts what a one-clause list under ``lead_in`` lists."""
    from assistant.locate import Located
    from assistant.numeric_route import lists_what_is_counted

    doc = make_doc([(5, "Trình tự xét khen thưởng", [(lead_in, _REWARD_STEPS)])])
    article = doc.parts[0].articles[0]
    clause = article.clauses[0]
    item = Located(doc, article, clause, None, clause.text, 1.0, 1.0, 1.0)
    return lambda question: lists_what_is_counted(understand(question, [], [doc]), item)


def test_a_count_of_what_a_clause_lists_is_answered_with_the_list() -> None:
    counts = _counts_listed("1. Việc xét khen thưởng cán bộ thực hiện theo các bước:")
    assert counts("Xét khen thưởng gồm mấy bước?")
    # a count of something else the clause does not list
    assert not counts("Xét khen thưởng mất mấy ngày?")
    # a word of two syllables is counted whole: "cán bộ" are people, not "cán"
    assert not counts("Xã có bao nhiêu cán sự?")
    # what the steps are about is not what they count
    assert not counts("Xã có bao nhiêu cán bộ?")


def test_a_list_of_steps_named_first_counts_steps_only() -> None:
    """ "Trình tự xét khen thưởng đảng viên:": the head noun opens the lead-in; the
    members the steps are about are not what the list counts."""
    counts = _counts_listed("1. Trình tự xét khen thưởng đảng viên:")
    assert counts("Xét khen thưởng gồm mấy bước?")
    assert not counts("Xã hiện có bao nhiêu đảng viên?")


ORGANIZATIONS = """QUY CHẾ LÀM VIỆC CỦA BAN CHẤP HÀNH ĐẢNG BỘ XÃ BÌNH AN

Chương I
NHIỆM VỤ, QUYỀN HẠN

Điều 1. Nhiệm vụ, quyền hạn của Ban Thường vụ
1. Cho ý kiến về phương án nhân sự đại hội Hội Nông dân, Hội Cựu chiến binh xã và bầu chủ tịch các hội.
2. Ban Thường vụ họp mỗi tháng một lần.
"""


def test_a_sentence_that_only_names_an_organization_does_not_answer_for_it(
    tmp_path: Path,
) -> None:
    assistant = assistant_over(tmp_path, {"quy-che-binh-an.txt": ORGANIZATIONS})
    # the clause names the association; how it runs its own congress is not in it
    assert assistant.ask("Hội Nông dân xã tổ chức đại hội theo trình tự nào?").kind == "refusal"
    # what the Party body does about the association is
    answer = assistant.ask("Ai cho ý kiến về nhân sự đại hội Hội Nông dân xã?")
    assert answer.kind == "answer" and "Ban Thường vụ" in answer.answer


def test_a_clause_scored_nearly_as_well_is_quoted_too() -> None:
    from assistant.clause_choice import close_second
    from assistant.locate import Located

    doc = make_doc(
        [
            (3, "Thường trực", ["1. Thường trực xử lý công việc được ủy quyền.", "2. Khác."]),
            (4, "Báo cáo", ["1. Chưa thống nhất thì báo cáo Ban Thường vụ."]),
        ]
    )
    first_article, second_article = doc.parts[0].articles
    first = Located(doc, first_article, first_article.clauses[0], None, "x", 1.0, 0.8, 0.8)
    close = Located(doc, second_article, second_article.clauses[0], None, "y", 0.95, 0.6, 0.6)
    far = Located(doc, second_article, second_article.clauses[0], None, "y", 0.5, 0.6, 0.6)
    assert close_second([first, close], first) is close
    assert close_second([first, far], first) is None
    # the same clause again is no second answer
    assert close_second([first, first], first) is None


def test_a_body_one_acts_on_behalf_of_is_no_actor() -> None:
    quote = "3. Thay mặt Ban Chấp hành, Ban Thường vụ ký các văn bản theo sự phân công."
    title = "Nhiệm vụ của Phó Bí thư Thường trực"
    assert deciding_body("Ai ký văn bản của Ban Thường vụ?", quote, title) == (
        "Phó Bí thư Thường trực"
    )


LIST_WITH_TAIL = """QUY CHẾ LÀM VIỆC CỦA ĐẢNG ỦY XÃ HÒA LẠC

Điều 1. Gửi tài liệu
1. Thời hạn gửi tài liệu:
+ Tài liệu hội nghị Ban Chấp hành gửi chậm nhất 04 ngày làm việc trước ngày họp;
+ Tài liệu họp Ban Thường vụ gửi chậm nhất 02 ngày làm việc trước ngày họp;
trừ trường hợp họp đột xuất.
"""


def test_the_line_closing_a_list_is_quoted_with_its_item(tmp_path: Path) -> None:
    assistant = assistant_over(tmp_path, {"hoa-lac.txt": LIST_WITH_TAIL})
    answer = assistant.ask("Tài liệu họp Ban Thường vụ gửi trước mấy ngày?")
    assert "«trừ trường hợp họp đột xuất.»" in answer.answer


def test_words_a_follow_up_carries_are_not_weighed_again(assistant: Assistant) -> None:
    """A word no regulation writes in the first question ("lũ") was weighed when it was
    asked; the follow-up that carries it is judged by its own words."""
    first = "Sau đợt lũ, khen thưởng tập thể thì ai quyết định?"
    history = [
        Turn(role="user", content=first),
        Turn(role="assistant", content=assistant.ask(first).answer),
    ]
    answer = assistant.ask("Còn Ban Thường vụ thì sao?", history=history)
    assert "lũ)" not in answer.answer and "lũ," not in answer.answer


def test_a_bounded_measure_compared_says_which_document_is_silent(tmp_path: Path) -> None:
    """ "Thời gian tối đa của hội nghị" asks the meetings' duration in each document named:
    one that states none is said to be silent, no clause about "thời gian" borrowed."""
    head = "QUY CHẾ LÀM VIỆC CỦA BAN CHẤP HÀNH ĐẢNG BỘ XÃ {}\n\nĐiều 1. Chế độ hội nghị\n"
    texts = {
        "hoa-lac.txt": head.format("HÒA LẠC")
        + "1. Thời gian hội nghị Ban Chấp hành không quá hai ngày.\n"
        + "2. Ban Thường vụ báo cáo Ban Chấp hành tình hình trong thời gian giữa hai kỳ"
        + " hội nghị.\n",
        "son-tay.txt": head.format("SƠN TÂY")
        + "1. Thời gian hội nghị Ban Chấp hành không quá một ngày.\n",
        "vinh-an.txt": head.format("VĨNH AN")
        + "1. Ban Chấp hành họp thường lệ ba tháng một lần.\n"
        + "2. Ban Thường vụ định hướng nhiệm vụ của hội nghị Ban Chấp hành trong thời gian"
        + " tới.\n",
    }
    assistant = assistant_over(tmp_path, texts)
    answer = assistant.ask(
        "Thời gian tối đa của hội nghị Ban Chấp hành ở xã Hòa Lạc, xã Sơn Tây và xã Vĩnh An"
        " khác nhau ra sao?"
    )
    cited = {(c.document_id, c.article, c.clause) for c in answer.citations}
    assert ("hoa-lac", 1, 1) in cited and ("son-tay", 1, 1) in cited
    assert not any(c.document_id == "vinh-an" for c in answer.citations)
    assert "không quy định" in answer.answer
    verbatim(assistant, answer)


MEETING_LENGTH = """QUY CHẾ LÀM VIỆC CỦA ĐẢNG ỦY XÃ {name}

Điều 1. Chế độ hội nghị
1. Ban Chấp hành họp thường lệ ba tháng một lần.
{length}
"""


def test_two_documents_named_show_the_silence_of_the_one_without_the_number(
    tmp_path: Path,
) -> None:
    """ "Hội nghị kéo dài tối đa mấy ngày: A và B thế nào?": B says nothing of it, and
    that is part of the answer, with no comparison word asked."""
    assistant = assistant_over(
        tmp_path,
        {
            "dong-vang.txt": MEETING_LENGTH.format(
                name="ĐỒNG VÀNG", length="2. Hội nghị Ban Chấp hành không quá 02 ngày."
            ),
            "suoi-bac.txt": MEETING_LENGTH.format(name="SUỐI BẠC", length=""),
        },
    )
    answer = assistant.ask("Hội nghị BCH kéo dài tối đa mấy ngày: xã Đồng Vàng và xã Suối Bạc?")
    assert "không quá 02 ngày" in answer.answer
    assert "không quy định" in answer.answer.split("02 ngày", 1)[1]


def test_a_comparison_asks_each_document_of_the_body_named_beside_it(tmp_path: Path) -> None:
    """ "Ban cán sự đảng ở A khác gì Đảng ủy ở B?": A's rule for its caucus, B's for its
    committee; neither document is silent."""
    assistant = assistant_over(
        tmp_path,
        {
            "lam-son.txt": "TỈNH ỦY LAM SƠN\nQUY CHẾ LÀM VIỆC CỦA BAN CÁN SỰ ĐẢNG UBND TỈNH\n\n"
            "Điều 1. Chế độ họp\nBan cán sự đảng họp định kỳ một tháng một lần.\n",
            "tra-linh.txt": "TỈNH ỦY TRÀ LĨNH\nQUY CHẾ LÀM VIỆC CỦA ĐẢNG ỦY UBND TỈNH\n\n"
            "Điều 1. Chế độ họp\nĐảng ủy họp thường lệ ba tháng một lần.\n",
        },
    )
    answer = assistant.ask(
        "Chế độ họp định kỳ của Ban cán sự đảng tỉnh Lam Sơn khác gì với Đảng ủy tỉnh Trà Lĩnh?"
    )
    assert "một tháng một lần" in answer.answer and "ba tháng một lần" in answer.answer
    assert "không quy định" not in answer.answer


TASK_LIST = """QUY CHẾ LÀM VIỆC CỦA ĐẢNG ỦY XÃ HÒA BÌNH

Điều 2. Nhiệm vụ, quyền hạn của Ban Thường vụ
1. Về công tác tổ chức, cán bộ:
a) Quyết định khen thưởng tổ chức đảng và đảng viên theo thẩm quyền.
b) Chỉ đạo việc kiểm điểm, đánh giá, xếp loại chất lượng đảng viên hằng năm.

Điều 3. Hồ sơ khen thưởng
Văn phòng lập hồ sơ đề nghị khen thưởng đủ tiêu chuẩn, gửi Ban Thường vụ.
"""


def test_a_what_is_question_a_task_list_only_names_is_not_answered_by_it(
    tmp_path: Path,
) -> None:
    """ "Tiêu chuẩn xếp loại ... là gì?": the list says who directs the rating, not its
    criteria; who directs it is answered."""
    assistant = assistant_over(tmp_path, {"hoa-binh.txt": TASK_LIST})
    answer = assistant.ask("Tiêu chuẩn xếp loại chất lượng đảng viên là gì?")
    assert answer.kind == "refusal" and "Tiêu chuẩn xếp loại" in answer.answer
    answer = assistant.ask("Ai chỉ đạo việc xếp loại chất lượng đảng viên?")
    assert answer.kind == "answer" and "Ban Thường vụ" in answer.answer


CONVENING = """QUY CHẾ LÀM VIỆC CỦA ĐẢNG ỦY XÃ HÒA BÌNH

Điều 1. Chế độ họp của Ban Thường vụ
1. Ban Thường vụ họp thường lệ mỗi tháng một lần; họp bất thường khi cần thiết do Thường trực quyết định triệu tập.

Điều 2. Gửi tài liệu
1. Tài liệu họp Ban Thường vụ gửi trước ít nhất 02 ngày đến từng người dự họp, trừ trường hợp họp bất thường.
"""


def test_a_who_question_is_answered_where_a_body_holds_what_it_asks(tmp_path: Path) -> None:
    """ "Ai triệu tập họp BTV bất thường?": the clause where Thường trực holds "họp bất
    thường khi cần thiết", not the one that names the meeting in passing."""
    assistant = assistant_over(tmp_path, {"hoa-binh.txt": CONVENING})
    answer = assistant.ask("Muốn họp Ban Thường vụ bất thường thì ai là người triệu tập?")
    assert answer.citations[0].article == 1


QUORUM_STORY = """QUY CHẾ LÀM VIỆC CỦA ĐẢNG ỦY XÃ HÒA BÌNH

Điều 1. Chế độ hội nghị
1. Hội nghị Ban Chấp hành phải có ít nhất hai phần ba tổng số ủy viên tham dự.

Điều 2. Thực hiện nghị quyết
Ban Thường vụ triển khai nghị quyết; các chi bộ mắc khuyết điểm phải kiểm điểm.
"""


def test_a_story_worded_with_a_compound_no_regulation_writes_is_still_decided(
    tmp_path: Path,
) -> None:
    """ "... thì có khai mạc hội nghị được không?": each syllable is written apart
    ("triển khai", "mắc"), the compound never; the counts decide."""
    assistant = assistant_over(tmp_path, {"hoa-binh.txt": QUORUM_STORY})
    answer = assistant.ask("bch 12 nguoi, hom nay 7 nguoi toi thi co khai mac duoc khong")
    assert answer.kind == "numeric" and "cần ít nhất 8 người" in answer.answer


URGENT = """QUY CHẾ LÀM VIỆC CỦA ĐẢNG ỦY XÃ HÒA BÌNH

Điều 1. Chế độ báo cáo
1. Ban Thường vụ báo cáo Huyện ủy định kỳ hằng quý; vụ việc đột xuất, phức tạp phải báo cáo trong vòng 12 giờ.

Điều 2. Chế độ hội nghị
Ban Chấp hành họp thường lệ mỗi tháng một lần.
"""


def test_a_deadline_story_names_the_case_in_its_own_words(tmp_path: Path) -> None:
    """ "có vụ cháy kho lúc 9h sáng nay, báo cáo lên hạn chót là mấy giờ?": the hour and
    the deadline's frame are the calculator's; the case is the asker's own words."""
    assistant = assistant_over(tmp_path, {"hoa-binh.txt": URGENT})
    answer = assistant.ask(
        "xa hoa binh co vu chay kho luc 9h sang nay, bao cao len huyen han chot la may gio?"
    )
    assert answer.kind != "refusal" and "12 giờ" in answer.answer


MEETINGS_OF_TWO = """QUY CHẾ LÀM VIỆC CỦA ĐẢNG ỦY XÃ HÒA BÌNH

Điều 1. Chế độ hội nghị
1. Hội nghị Đảng ủy xã do Ban Thường vụ triệu tập ba tháng một lần; khi cần thiết hoặc khi có trên một nửa số ủy viên đề nghị thì triệu tập hội nghị bất thường để bàn những việc quan trọng, cấp bách của địa phương.
2. Ban Thường vụ Đảng ủy xã họp định kỳ một tháng một lần do Thường trực Đảng ủy xã quyết định triệu tập.
"""


def test_the_meeting_of_the_body_asked_about_is_the_clause(tmp_path: Path) -> None:
    """ "Hội nghị BCH bao lâu họp một lần, ai triệu tập?": the clause that opens with
    that body's meeting, not the one where another body meets and names more words."""
    assistant = assistant_over(tmp_path, {"hoa-binh.txt": MEETINGS_OF_TWO})
    answer = assistant.ask("Hội nghị Đảng ủy xã bao lâu họp một lần, ai triệu tập?")
    assert (answer.citations[0].article, answer.citations[0].clause) == (1, 1)


AWAY = """QUY CHẾ LÀM VIỆC CỦA ĐẢNG ỦY XÃ HÒA BÌNH

Điều 1. Nhiệm vụ của Bí thư
1. Bí thư triệu tập, chủ trì các hội nghị; nếu vắng mặt thì ủy quyền cho Phó Bí thư chủ trì.

Điều 2. Nhiệm vụ của Phó Bí thư
1. Phó Bí thư giúp Bí thư chỉ đạo công việc thường xuyên, công tác tổ chức và công tác kiểm tra.
"""


def test_a_word_of_the_same_meaning_covers_the_question(tmp_path: Path) -> None:
    """ "Bí thư đi công tác thì ai chủ trì?": the clause that writes "vắng mặt"."""
    assistant = assistant_over(tmp_path, {"hoa-binh.txt": AWAY})
    answer = assistant.ask("Bí thư đi công tác thì ai chủ trì hội nghị?")
    assert answer.kind == "answer" and answer.citations[0].article == 1


SECRET = """QUY CHẾ LÀM VIỆC CỦA ĐẢNG ỦY XÃ HÒA BÌNH

Điều 1. Gửi văn bản
1. Văn bản thường gửi qua đường bưu chính hoặc giao trực tiếp.
2. Tài liệu mật giao trực tiếp theo chế độ mật; không gửi qua thư điện tử, mạng xã hội.
"""


def test_a_thing_named_by_what_people_use_is_covered_by_its_class(tmp_path: Path) -> None:
    """ "gửi qua zalo, gmail": the clause writes "thư điện tử, mạng xã hội"."""
    assistant = assistant_over(tmp_path, {"hoa-binh.txt": SECRET})
    answer = assistant.ask("Tài liệu mật có được gửi qua zalo hay gmail không?")
    assert answer.kind == "answer"
    assert (answer.citations[0].article, answer.citations[0].clause) == (1, 2)


def test_who_an_article_named_gives_a_task_is_read_from_that_article(tmp_path: Path) -> None:
    """ "Điều 2 giao những cơ quan nào ...?": the article named is where the answer is,
    however well another article's words match the rest of the question."""
    regulation = (
        "QUY CHẾ LÀM VIỆC CỦA ĐẢNG ỦY XÃ ĐỒNG XANH\n\n"
        "Điều 1. Phạm vi\nQuy chế này quy định chế độ làm việc của Đảng ủy xã Đồng Xanh.\n\n"
        "Điều 2. Tổ chức thực hiện\nVăn phòng và Ban Xây dựng Đảng chịu trách nhiệm thi "
        "hành Quy chế này.\n\n"
        "Điều 3. Kế hoạch\nBan Thường vụ giao các cơ quan thi hành kế hoạch công tác; các "
        "cơ quan được giao thi hành báo cáo kết quả thi hành hằng quý.\n"
    )
    assistant = assistant_over(tmp_path, {"dong-xanh.txt": regulation})
    answer = assistant.ask("Điều 2 quy chế Đồng Xanh giao những cơ quan nào thi hành?")
    assert answer.citations and answer.citations[0].article == 2


SCALE = """QUY CHẾ LÀM VIỆC CỦA BAN CHẤP HÀNH ĐẢNG BỘ XÃ HƯNG THÁI

Điều 2. Thường trực Đảng ủy
Quyết định chủ trương đầu tư các công trình có tổng mức đầu tư dưới 200 triệu đồng và báo cáo Ban Thường vụ tại phiên họp gần nhất.

Điều 3. Thẩm quyền quyết định chủ trương đầu tư
1. Công trình có tổng mức đầu tư từ 02 tỷ đồng trở lên do Ban Chấp hành quyết định chủ trương.
2. Công trình có tổng mức đầu tư dưới 02 tỷ đồng do Ban Thường vụ quyết định chủ trương; riêng công trình có tổng mức đầu tư dưới 200 triệu đồng thì ủy quyền cho Thường trực Đảng ủy quyết định.
"""


def test_the_tightest_tier_decides_and_the_deciding_bodys_own_clause_is_shown(
    tmp_path: Path,
) -> None:
    """150 triệu: "dưới 200 triệu: Thường trực" decides; "dưới 02 tỷ: Ban Thường vụ" holds
    too but names no one who decides it, and Thường trực's own article is quoted."""
    assistant = assistant_over(tmp_path, {"quy-che-hung-thai.txt": SCALE})
    answer = assistant.ask("Công trình 150 triệu thì ai quyết định chủ trương?")
    assert answer.kind == "numeric" and answer.answer.startswith("Thường trực")
    assert "→ Ban Thường vụ" not in answer.answer
    assert {c.article for c in answer.citations} == {2, 3}
    verbatim(assistant, answer)


SIGNING = """QUY CHẾ LÀM VIỆC CỦA ĐẢNG ỦY XÃ ĐÔNG LÂM

Điều 1. Nhiệm vụ của Ủy viên Ban Chấp hành
1. Tích cực thảo luận các nghị quyết và cùng Đảng ủy chịu trách nhiệm về việc lãnh đạo.

Điều 2. Nhiệm vụ của Bí thư
1. Chủ trì hội nghị Đảng ủy.
2. Thay mặt Đảng ủy ký các nghị quyết, văn bản của Đảng ủy.
"""


def test_who_is_responsible_for_an_act_asks_who_does_it(tmp_path: Path) -> None:
    """ "ai chịu trách nhiệm ký ...": the set phrase asks who signs, not who bears a
    responsibility."""
    assistant = assistant_over(tmp_path, {"dong-lam.txt": SIGNING})
    answer = assistant.ask("nghị quyết của Đảng ủy xã Đông Lâm thì ai chịu trách nhiệm ký?")
    assert answer.kind != "refusal"
    assert (answer.citations[0].article, answer.citations[0].clause) == (2, 2)


MONTHLY_BRANCH = """QUY CHẾ LÀM VIỆC CỦA CHI BỘ THÔN ĐÔNG HÀ

Điều 1. Nhiệm vụ của chi ủy
1. Chuẩn bị nội dung sinh hoạt chi bộ.
2. Chi ủy họp mỗi tháng một lần, trước ngày sinh hoạt chi bộ ít nhất 02 ngày.

Điều 2. Chế độ sinh hoạt
1. Chi bộ sinh hoạt mỗi tháng một lần.
"""


def test_the_day_a_meeting_falls_on_every_month_is_computed_from(tmp_path: Path) -> None:
    """ "sinh hoạt định kỳ ngày 12 hằng tháng": the meeting's day, in words the rule does
    not write; the earlier meeting is answered as a day of the month."""
    assistant = assistant_over(tmp_path, {"dong-ha.txt": MONTHLY_BRANCH})
    answer = assistant.ask(
        "Chi bộ thôn Đông Hà sinh hoạt định kỳ ngày 12 hằng tháng thì chi ủy họp chậm nhất ngày nào?"
    )
    assert answer.kind == "numeric"
    assert answer.answer.startswith("ngày 10")
