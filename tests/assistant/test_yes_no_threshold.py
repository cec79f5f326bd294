"""A yes/no question about who decides an amount is answered yes or no first."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.understand import yes_no_body
from tests.assistant.test_answer import assistant_over

REGULATION = (
    "ĐẢNG ỦY XÃ LIÊN HÀ\nSố 07-QC/ĐU\n\nQUY CHẾ LÀM VIỆC\ncủa Ban Chấp hành Đảng bộ xã Liên Hà\n\n"
    "Điều 1. Thẩm quyền tài chính\n"
    "1. Các khoản chi từ 50 triệu đồng trở lên do Ban Thường vụ quyết định; "
    "khoản chi dưới 50 triệu đồng do Thường trực quyết định.\n\n"
    "Điều 2. Khen thưởng\nBan Thường vụ quyết định khen thưởng đảng viên.\n"
)


@pytest.mark.parametrize(
    ("question", "body"),
    [
        ("Thường trực có tự quyết khoản chi 5 tỷ không?", "Thường trực"),
        (
            "khoan chi nay co phai trinh Ban Thuong vu khong hay Thuong truc quyet a",
            "Ban Thường vụ",
        ),
        ("Ban Thường vụ họp mấy lần?", ""),
    ],
)
def test_the_body_a_yes_no_question_asks_about(question: str, body: str) -> None:
    assert yes_no_body(question) == body


def test_an_amount_asked_of_the_wrong_body_is_answered_no(tmp_path: Path) -> None:
    assistant = assistant_over(tmp_path, {"lien-ha.txt": REGULATION})
    answer = assistant.ask(
        "Thường trực Đảng ủy xã Liên Hà có tự quyết khoản chi 80 triệu đồng không?"
    )
    assert answer.answer.startswith("Không, thuộc thẩm quyền của Ban Thường vụ")
    answer = assistant.ask("Khoản chi 30 triệu đồng thì Thường trực có quyết được không?")
    assert answer.answer.startswith("Có, thuộc thẩm quyền của Thường trực")
