"""Questions about a regulation itself are answered from its header, signature and closing
articles; a question that asks about a clause goes on to ordinary retrieval."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.models import Turn
from assistant.service import Assistant
from tests.assistant.test_answer import assistant_over
from tests.ingest.test_document_facts import REGULATION, TEMPLATE

EXTRA = """
Điều 4. Ý kiến của Thường trực
Trong phạm vi được ủy quyền, ý kiến chỉ đạo của Thường trực có hiệu lực như quyết định của Ban Thường vụ.
"""


@pytest.fixture
def assistant(tmp_path: Path) -> Assistant:
    regulation = REGULATION.replace("\nNơi nhận:", EXTRA + "\nNơi nhận:")
    return assistant_over(tmp_path, {"xa-hung-loi.txt": regulation, "mau-xa.txt": TEMPLATE})


@pytest.mark.parametrize(
    ("question", "words", "place"),
    [
        (
            "cho mình hỏi quy chế xã Hưng Lợi có hiệu lực từ bao giờ",
            "hiệu lực kể từ ngày ký",
            "article",
        ),
        ("quy che xa hung loi do ai ky vay", "Lò Văn Pảng", "signature"),
        ("Quy chế của Đảng bộ xã Hưng Lợi số hiệu là gì?", "07-QC/ĐU", "header"),
        ("quy chế xã Hưng Lợi thay thế văn bản nào", "02-QC/ĐU", "article"),
        # why the asker asks is no part of what is asked
        (
            "Cho em xin số hiệu quy chế xã Hưng Lợi để chép vào mục căn cứ của công văn ạ",
            "07-QC/ĐU",
            "header",
        ),
    ],
)
def test_document_questions(assistant: Assistant, question: str, words: str, place: str) -> None:
    answer = assistant.ask(question)
    assert answer.kind == "answer"
    assert words in answer.answer
    assert answer.citations[0].place == place
    assert answer.citations[0].quote in assistant.document(answer.citations[0].document_id).text


def test_a_templates_blank_date_is_said(assistant: Assistant) -> None:
    answer = assistant.ask("quy chế mẫu của đảng ủy xã ban hành ngày nào?")
    assert answer.kind == "answer"
    assert "để trống" in answer.answer and answer.citations[0].unspecified


def test_a_clause_about_effect_is_no_document_question(assistant: Assistant) -> None:
    answer = assistant.ask("Ở xã Hưng Lợi, ý kiến chỉ đạo của Thường trực có hiệu lực thế nào?")
    assert answer.kind == "answer"
    assert answer.citations[0].place == "article" and answer.citations[0].article == 4


def test_another_regulation_asked_about_by_its_source_is_content() -> None:
    from assistant.document_question import asked_attributes

    assert (
        asked_attributes("ai ban hanh quy che lam viec cua chi bo, theo quy che xa hung loi") == ()
    )
    assert asked_attributes("quy che xa hung loi do ai ban hanh") == ("issuer",)


def test_several_asks_about_the_document_are_answered_in_order(assistant: Assistant) -> None:
    from assistant.document_question import asked_attributes

    folded = "quy che xa hung loi so hieu la gi, ky ngay nao va ai ky"
    assert asked_attributes(folded) == ("number", "date", "signer")
    answer = assistant.ask("quy chế xã Hưng Lợi số hiệu là gì, ký ngày nào và ai ký?")
    text = answer.answer
    assert text.index("07-QC/ĐU") < text.index("5/3/2031") < text.index("Lò Văn Pảng")
    assert [c.place for c in answer.citations] == ["header", "header", "signature"]


def test_asking_for_the_article_beside_a_document_question_asks_nothing_more(
    assistant: Assistant,
) -> None:
    answer = assistant.ask("Quy chế xã Hưng Lợi có hiệu lực từ khi nào, điều khoản luôn nhé")
    assert "hiệu lực" in answer.answer and answer.answer.startswith("Quy chế")
    assert [c.place for c in answer.citations] == ["article"]
    # nor does asking for the exact wording
    exact = assistant.ask("Quy chế xã Hưng Lợi có hiệu lực từ khi nào? cần câu chữ chính xác")
    assert exact.answer.startswith("Quy chế") and "hiệu lực" in exact.answer


def test_one_sentence_answers_two_asks_and_a_named_term_asks_nothing(
    assistant: Assistant,
) -> None:
    answer = assistant.ask(
        "quy chế xã Hưng Lợi khóa III có hiệu lực khi nào và thay thế quy chế nào?"
    )
    lines = [line for line in answer.answer.splitlines() if line.startswith("- ")]
    assert len(lines) == 1 and "hiệu lực" in lines[0] and "thay thế" in lines[0]
    assert "khóa, nhiệm kỳ" not in answer.answer
    # the document replaced, by its number and its date as people write it
    assert "Quy chế số 02-QC/ĐU, ngày 1/2/2026 —" in lines[0]


def test_a_number_and_a_date_on_one_header_line_are_both_said(tmp_path: Path) -> None:
    """A two-column header line "Số 07-QC/ĐU <tab> Hưng Lợi, ngày 05 tháng 3 năm 2031"
    answers two asks: both values are given, not only the first."""
    one_line = REGULATION.replace(
        "Số 07-QC/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\nHưng Lợi, ngày",
        "ĐẢNG CỘNG SẢN VIỆT NAM\nSố 07-QC/ĐU\tHưng Lợi, ngày",
    )
    assert one_line != REGULATION
    assistant = assistant_over(tmp_path, {"xa-hung-loi.txt": one_line})
    answer = assistant.ask("quy chế xã Hưng Lợi số mấy, ngày nào?")
    line = next(x for x in answer.answer.splitlines() if "số hiệu" in x)
    assert "07-QC/ĐU" in line and "5/3/2031" in line


def test_who_may_amend_the_regulations_a_question_names(tmp_path: Path) -> None:
    """ "sửa quy chế làm việc ở ..." asks of the documents named right after it; "ai có
    quyền" asks who, and a sibling's name words ask nothing more of each."""
    other = (
        REGULATION.replace("Hưng Lợi", "Tân Lập")
        .replace("HƯNG LỢI", "TÂN LẬP")
        .replace("07-QC/ĐU", "09-QC/ĐU")
        .replace("do Ban Chấp hành Đảng bộ xã xem xét", "do Ban Thường vụ Đảng ủy xã xem xét")
    )
    assistant = assistant_over(tmp_path, {"xa-hung-loi.txt": REGULATION, "xa-tan-lap.txt": other})
    answer = assistant.ask("Ai có quyền sửa quy chế làm việc ở xã Hưng Lợi và xã Tân Lập?")
    assert {c.document_id for c in answer.citations} == {"xa-hung-loi", "xa-tan-lap"}
    assert "Ban Thường vụ Đảng ủy xã xem xét" in answer.answer
    for c in answer.citations:
        assert c.quote in assistant.document(c.document_id).text


def test_a_follow_up_about_the_same_document_asks_its_facts(assistant: Assistant) -> None:
    """ "ai ký?" after a question about a document asks who signed it, not who signs
    anything; "nó" there is the document, no clause."""
    from assistant.models import Turn

    first = "quy chế xã Hưng Lợi ban hành ngày nào?"
    history = [Turn(role="user", content=first), Turn(role="assistant", content="05/03/2031")]
    signer = assistant.ask("ai ký?", history=history)
    assert "Lò Văn Pảng" in signer.answer and signer.citations[0].place == "signature"
    replaced = assistant.ask("nó thay thế văn bản nào?", history=history)
    assert "02-QC/ĐU" in replaced.answer


def test_a_bare_verb_beside_the_document_noun_asks_about_amending_it() -> None:
    from assistant.document_question import asked_attributes

    assert asked_attributes("quy che nay muon bo sung thi ai quyet") == ("amendment",)
    # the document as the source of the answer, or a verb far from it, asks nothing of it
    assert asked_attributes("theo quy che sua chua tru so thi ai quyet") == ()
    assert asked_attributes("quy che xa hung loi quy dinh ai duoc sua chua tru so") == ()


def test_a_decision_pointed_at_is_a_document_asked_about() -> None:
    from assistant.document_question import asked_attributes

    assert asked_attributes("ai ky van ban ay") == ("signer",)
    assert asked_attributes("ai ky quyet dinh ket nap") == ()
    folded = "quy che ban hanh kem quyet dinh so may, ai ky thay mat ban bi thu"
    assert asked_attributes(folded) == ("number", "signer")
    # a decision named by its number is a document
    assert asked_attributes("quyet dinh 42-qd/tu do ai ky") == ("signer",)
    assert asked_attributes("van ban so 07-hd/du ky ngay nao") == ("date",)
    assert asked_attributes("quyet dinh 5 ngay ky") == ()


def test_a_document_question_with_an_ask_of_its_own_answers_each(assistant: Assistant) -> None:
    """ "Quy chế này sửa thì ai quyết, ... ?": the document's own fact for the first ask,
    though the message as a whole asks more than the document's facts."""
    history = [
        Turn(role="user", content="Quy chế xã Hưng Lợi, Ban Thường vụ họp mấy lần?"),
        Turn(role="assistant", content="Ban Thường vụ họp mỗi tháng một lần."),
    ]
    answer = assistant.ask(
        "Quy chế này muốn sửa thì ai quyết, có cần xin ý kiến cấp trên không?", history=history
    )
    assert answer.kind != "refusal"
    assert "Ban Chấp hành Đảng bộ xã xem xét, quyết định" in answer.answer


def test_a_verb_a_few_words_either_side_of_the_document_noun_asks_about_amending_it() -> None:
    from assistant.document_question import asked_attributes

    assert asked_attributes("to minh muon bo sung vai cho trong quy che thi ai duyet") == (
        "amendment",
    )
    assert asked_attributes("quy che lam viec co cho can sua thi ai quyet") == ("amendment",)
    # the document as where the answer comes from
    assert asked_attributes("sua tru so theo quy che thi ai quyet") == ()


def test_a_decision_named_by_its_number_is_asked_who_signed_it(tmp_path: Path) -> None:
    """ "Quyết định 42-QĐ/TU do ai ký?": the number's code spells "quyết định", "tỉnh
    ủy": words that name the document, nothing more asked of it."""
    text = (
        "TỈNH ỦY SÔNG LAM\nSố 42-QĐ/TU\n\nQUYẾT ĐỊNH\nban hành Quy chế làm việc của Ban "
        "Chấp hành Đảng bộ tỉnh Sông Lam\n\nĐiều 1. Phạm vi\nQuy chế này quy định chế độ "
        "làm việc.\n\nĐiều 2. Hiệu lực\nQuy chế có hiệu lực từ ngày ký.\n\n"
        "T/M TỈNH ỦY\nBÍ THƯ\n\nNguyễn Văn Lâm\n"
    )
    from tests.assistant.test_answer import assistant_over

    assistant = assistant_over(tmp_path, {"song-lam.txt": text})
    answer = assistant.ask("Quyết định 42-QĐ/TU do ai ký?")
    assert "Nguyễn Văn Lâm" in answer.answer


def test_a_citation_ask_about_effect_and_what_is_replaced_reads_the_closing_article(
    assistant: Assistant,
) -> None:
    """The words that ask for a place and its wording ("điều khoản nào", "câu chữ") and the
    old regulation named as the value asked ("bãi bỏ quy chế cũ") ask nothing else of it."""
    from assistant.document_question import asked_attributes

    folded = "trong quy che xa hung loi, dieu khoan nao quy dinh hieu luc va bai bo quy che cu?"
    assert asked_attributes(folded) == ("effect", "replaces")
    answer = assistant.ask(
        "Trong quy chế xã Hưng Lợi, điều khoản nào quy định hiệu lực và thay thế quy chế cũ, "
        "câu chữ ra sao?"
    )
    assert answer.kind == "answer" and "02-QC/ĐU" in answer.answer
    assert answer.citations[0].place == "article"


def test_a_document_noun_whose_do_asks_by_whom_points_at_no_document() -> None:
    """Typed bare, "văn bản do ai ký" asks who signs documents: "do ai" is the agent's
    preposition, not "văn bản đó"."""
    from assistant.document_question import asked_attributes

    assert asked_attributes("vay van ban do ai ky") == ()
    assert asked_attributes("van ban do ky ngay nao") == ("date",)


def test_the_documents_a_regulation_is_issued_on_are_its_header_lines(tmp_path: Path) -> None:
    based = REGULATION.replace(
        "QUY CHẾ\n", "- Căn cứ Quy định số 31-QĐ/TU, ngày 02/01/2030 của Tỉnh ủy;\n\nQUY CHẾ\n"
    )
    assistant = assistant_over(tmp_path, {"xa-hung-loi.txt": based})
    answer = assistant.ask("quy che xa hung loi can cu vao van ban nao vay?")
    assert answer.kind == "answer" and "31-QĐ/TU" in answer.answer
    assert answer.citations[0].place == "header"


def test_how_many_articles_is_read_from_the_structure(assistant: Assistant) -> None:
    answer = assistant.ask("quy che xa hung loi co may dieu?")
    assert answer.kind == "answer" and "4 điều" in answer.answer
    assert answer.citations[0].article == 4


def test_the_regulation_of_another_body_is_not_this_one(assistant: Assistant) -> None:
    """ "quy chế làm việc của Ủy ban Kiểm tra ...": another document than the Đảng ủy's own;
    the signer of this one does not answer it."""
    answer = assistant.ask("quy chế làm việc của Ủy ban Kiểm tra Đảng ủy xã Hưng Lợi do ai ký?")
    assert "Lò Văn Pảng" not in answer.answer
    assert (
        "Lò Văn Pảng" in assistant.ask("quy chế làm việc của Đảng ủy xã Hưng Lợi do ai ký?").answer
    )
