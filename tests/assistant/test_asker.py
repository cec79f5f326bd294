"""Sentences about the asker (assistant/asker.py)."""

from __future__ import annotations

from pathlib import Path

from assistant.asker import asker_context


def test_a_sentence_opening_with_the_asker_that_asks_nothing_is_context() -> None:
    typed = "Tổ Gió họp mấy lần một quý? Mình mới chuyển về tổ nên chưa nắm."
    read = "Tổ Gió họp mấy lần một quý? mới chuyển về tổ nên chưa nắm."
    assert asker_context(typed, read) == "mới chuyển về tổ nên chưa nắm."


def test_it_stays_when_the_rest_names_nothing_of_its_own() -> None:
    typed = "Tôi đang soạn tờ trình về mức chi tiếp khách của tổ. Điều mấy, khoản mấy?"
    assert asker_context(typed, typed) == ""


def test_a_sentence_that_asks_is_never_context() -> None:
    typed = "Em vắng họp tổ thì báo ai? Em báo trước mấy ngày?"
    assert asker_context(typed, typed) == ""


def test_the_asker_s_own_sentence_does_not_dilute_the_topic(tmp_path: Path) -> None:
    from tests.assistant.test_answer import assistant_over
    from tests.assistant.test_evidence import MEETINGS

    assistant = assistant_over(tmp_path, {"ho-sen.txt": MEETINGS})
    answer = assistant.ask(
        "Đảng viên vắng sinh hoạt thì báo cáo ai? Mình mới chuyển công tác về xã, chưa quen việc."
    )
    assert answer.kind != "refusal"
    assert (answer.citations[0].article, answer.citations[0].clause) == (2, 2)


def test_a_clause_about_the_asker_before_a_comma_is_context() -> None:
    typed = "Em đang soạn tờ trình, cần biết điều nào quy định hạn nộp báo cáo quý?"
    read = "đang soạn tờ trình, cần biết điều nào quy định hạn nộp báo cáo quý?"
    assert asker_context(typed, read) == "đang soạn tờ trình,"


def test_asking_for_a_quotation_is_the_ask_not_context() -> None:
    typed = "Mình cần trích dẫn quy định tổ Mây họp với hội Sen, hội Trúc. Điều khoản nào?"
    assert asker_context(typed, typed) == ""


TEMPLATE = """QUY CHẾ LÀM VIỆC MẪU CỦA TỔ ĐẢNG THÔN

Điều 1. Phạm vi và đối tượng áp dụng
Quy chế này áp dụng cho tổ đảng thôn.

Điều 2. Sinh hoạt tổ
1. Tổ đảng sinh hoạt mỗi tháng một lần.
2. Đảng viên vắng sinh hoạt phải báo tổ trưởng trước một ngày.
"""


def test_an_aside_naming_the_document_applied_is_context() -> None:
    from ingest.parse import parse_text

    documents = [parse_text(TEMPLATE, "quy-che-mau-to-dang.txt")]
    typed = "Vắng sinh hoạt tổ thì phải làm sao? (tổ mình áp dụng quy chế mẫu)"
    assert asker_context(typed, typed, documents) == "(tổ mình áp dụng quy chế mẫu)"
    # without a document named, an aside says what is asked
    aside = "Ai chủ trì? (sinh hoạt tổ hằng tháng)"
    assert asker_context(aside, aside, documents) == ""
