"""Sentences and the line that introduces a list, verbatim."""

from __future__ import annotations

from assistant.sentences import lead_in, list_tail, sentences

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


def test_an_item_under_a_heading_keeps_the_clause_opening_above_it() -> None:
    from assistant.sentences import lead_ins

    text = (
        "4. Những việc Ban Thường vụ giao Thường trực giải quyết gồm:\n"
        "(1)- Về cán bộ:\nXem xét việc điều động cán bộ.\n"
        "(2)- Về tài chính:\n- Duyệt khoản chi dưới 30 triệu đồng;\n- Duyệt quyết toán.\n"
    )
    assert lead_ins(text, "- Duyệt khoản chi dưới 30 triệu đồng;") == [
        "Những việc Ban Thường vụ giao Thường trực giải quyết gồm:",
        "(2)- Về tài chính:",
    ]
    # a clause opening that is itself the nearest lead-in is given once
    assert len(lead_ins("2. Việc gồm:\n- Một việc;\n- Hai việc.", "- Hai việc.")) == 1
    assert lead_ins("3. Văn phòng lưu trữ hồ sơ.", "Văn phòng lưu trữ hồ sơ.") == []


def test_a_blank_left_by_dots_does_not_end_the_sentence() -> None:
    text = "Tổ thẩm định hồ sơ trong thời hạn ... ngày làm việc; sau đó báo cáo. Xong... Tiếp."
    assert [text[a:b] for a, b in sentences(text)] == [
        "Tổ thẩm định hồ sơ trong thời hạn ... ngày làm việc;",
        "sau đó báo cáo.",
        "Xong...",
        "Tiếp.",
    ]


def test_a_list_in_brackets_is_part_of_its_sentence() -> None:
    text = "Tổ gửi xin ý kiến (trừ việc nhân sự; việc khen thưởng) rồi tổng hợp; sau đó báo cáo."
    assert [text[a:b] for a, b in sentences(text)] == [
        "Tổ gửi xin ý kiến (trừ việc nhân sự; việc khen thưởng) rồi tổng hợp;",
        "sau đó báo cáo.",
    ]
