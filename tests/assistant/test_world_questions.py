"""Questions about one past occasion (assistant/world_questions.py)."""

from __future__ import annotations

import pytest

from assistant.world_questions import asks_about_an_occasion


@pytest.mark.parametrize(
    ("question", "occasion"),
    [
        ("Hội nghị tổ Gió tháng 3 năm 2031 đã bàn những việc gì?", True),
        ("hop to gio thang 3 da ket luan nhung gi", True),
        ("Hôm qua tổ Gió đã quyết định gì?", True),
        # the rule, not one occasion
        ("Hội nghị tổ Gió bàn những nội dung gì?", False),
        # a time, but nothing asked of what was done
        ("Tổ Gió đã họp tháng 3 thì ai ký biên bản?", False),
        ("Quyết định ký ngày 4/5/2031 thì công bố trong mấy ngày?", False),
    ],
)
def test_what_was_done_once_is_a_record(question: str, occasion: bool) -> None:
    assert asks_about_an_occasion(question) is occasion
