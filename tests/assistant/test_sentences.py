"""Sentences and the line that introduces a list, verbatim."""

from __future__ import annotations

from assistant.sentences import lead_in, list_tail

CLAUSE = """3. Tổ trưởng có các nhiệm vụ sau:
- Điều hành công việc hằng ngày của tổ. Báo cáo định kỳ.
- Giữ sổ sách của tổ;
Ngoài ra, tổ trưởng làm việc khác.
- Việc lẻ không thuộc danh sách nào."""


def test_an_item_is_read_under_the_line_that_introduces_it() -> None:
    assert lead_in(CLAUSE, "- Giữ sổ sách của tổ;") == "Tổ trưởng có các nhiệm vụ sau:"


def test_no_lead_in_for_a_sentence_or_an_item_after_a_paragraph() -> None:
    assert lead_in(CLAUSE, "Ngoài ra, tổ trưởng làm việc khác.") == ""
    assert lead_in(CLAUSE, "- Việc lẻ không thuộc danh sách nào.") == ""


DEADLINES = """2. Thời hạn gửi tài liệu:
+ Tài liệu họp tổ gửi chậm nhất 02 ngày trước ngày họp;
+ Tài liệu họp nhóm gửi chậm nhất 01 ngày trước ngày họp;
trừ khi họp đột xuất.
Các tài liệu khác gửi theo yêu cầu."""


def test_a_lower_case_line_after_a_list_qualifies_every_item() -> None:
    item = "+ Tài liệu họp tổ gửi chậm nhất 02 ngày trước ngày họp;"
    assert list_tail(DEADLINES, item) == "trừ khi họp đột xuất."
    assert list_tail(CLAUSE, "- Giữ sổ sách của tổ;") == ""  # a sentence of its own


def test_a_lower_case_line_between_items_goes_on_an_item() -> None:
    wrapped = "1. Nhiệm vụ:\n- Giữ sổ;\nlưu hồ sơ của tổ;\n- Báo cáo tháng."
    assert list_tail(wrapped, "- Giữ sổ;") == ""
