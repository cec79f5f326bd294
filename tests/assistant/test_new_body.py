"""The body a follow-up asks about (assistant/new_body.py), on made-up wording."""

from __future__ import annotations

from assistant.new_body import asked_bodies, new_body


def test_a_body_an_act_is_done_to_is_no_new_actor() -> None:
    assert new_body("còn bầu lại Phó Bí thư thì biểu quyết thế nào?", (), False) == ""
    assert new_body("còn Phó Bí thư thì ký gì?", (), False) == "Phó Bí thư"
    # a partner in coordinating acts too
    assert new_body("Còn phối hợp Văn phòng thì ký gì?", (), False) == "Văn phòng"
    # the body asked before is no new one
    assert new_body("còn Phó Bí thư thì ký gì?", ("Phó Bí thư",), False) == ""


def test_a_seat_names_the_document_when_one_is_named() -> None:
    assert asked_bodies("Ban Thường vụ Đảng ủy Khối Sông Ngân họp khi nào", True) == [
        "Ban Thường vụ"
    ]
