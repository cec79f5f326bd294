"""Sentences and the line that introduces a list, verbatim."""

from __future__ import annotations

from assistant.sentences import lead_in

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
