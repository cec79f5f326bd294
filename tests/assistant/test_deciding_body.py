"""Who holds the power a who-decides question asks about, read from the quoted sentence."""

from __future__ import annotations

import pytest

from assistant.deciding_body import deciding_body


@pytest.mark.parametrize(
    ("quote", "body"),
    [
        # the body reported or submitted to is the one that then decides
        (
            "Khi cần đổi lịch họp, Đảng ủy báo cáo Ban Thường vụ Huyện ủy xem xét, quyết định.",
            "Ban Thường vụ",
        ),
        ("Văn phòng trình Thường trực quyết định việc đổi lịch họp.", "Thường trực"),
        # an object far from the act hands nothing over: the actor before the act decides
        (
            "Sau khi báo cáo Ban Thường vụ về tình hình chung của các tổ, Thường trực quyết "
            "định việc đổi lịch họp.",
            "Thường trực",
        ),
    ],
)
def test_a_body_handed_the_act_by_a_report_decides(quote: str, body: str) -> None:
    question = "ai có quyền quyết định việc đổi lịch họp?"
    assert deciding_body(question, quote, "Tổ chức thực hiện") == body


def test_two_bodies_either_of_which_acts_are_both_named() -> None:
    quote = "Việc gấp thì được Bí thư hoặc Phó Bí thư Thường trực đồng ý trước khi gửi."
    assert deciding_body("cần ai đồng ý trước?", quote, "Chế độ làm việc") == (
        "Bí thư hoặc Phó Bí thư Thường trực"
    )


def test_a_sentence_writes_the_act_asked_by_its_phrase_not_one_syllable() -> None:
    from assistant.quotes import _writes_action

    assert _writes_action(["dong", "y", "truoc"], "được Bí thư đồng ý thì gửi")
    assert not _writes_action(["dong", "y", "truoc"], "các đồng chí ủy viên dự họp")


def test_bodies_listed_after_with_stay_objects_past_a_committee_seat() -> None:
    # "phối hợp với ban X huyện ủy, ủy ban Y huyện ủy": the seat after each says whose it
    # is; both are whom the office works with, the office acts
    quote = (
        "Văn phòng huyện ủy chủ trì, phối hợp với ban tổ chức huyện ủy, ủy ban kiểm tra "
        "huyện ủy giúp huyện ủy theo dõi việc lưu trữ hồ sơ."
    )
    assert deciding_body("ai giúp theo dõi việc lưu trữ hồ sơ?", quote, "Lưu trữ") == "Văn phòng"
