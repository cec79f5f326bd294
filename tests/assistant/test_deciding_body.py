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
