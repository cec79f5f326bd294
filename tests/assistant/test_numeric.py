"""The rule module's answer: each rule with its verbatim quote and what frames it."""

from __future__ import annotations

from pathlib import Path

from tests.assistant.test_answer import assistant_over

DELEGATED = (
    "TỈNH ỦY SÔNG NGÂN\nSố 03-QC/TU\n\nQUY CHẾ LÀM VIỆC\n"
    "của Ban Chấp hành Đảng bộ tỉnh Sông Ngân\n\n"
    "Điều 1. Phạm vi\nQuy chế này quy định chế độ làm việc của Tỉnh ủy Sông Ngân.\n\n"
    "Điều 2. Nhiệm vụ của Thường trực Tỉnh ủy\n"
    "1. Chuẩn bị nội dung hội nghị Ban Thường vụ.\n"
    "2. Những việc Ban Thường vụ ủy quyền cho tập thể Thường trực giải quyết gồm:\n"
    "- Cho ý kiến về chủ trương sửa chữa trụ sở cơ quan đảng có tổng mức đầu tư từ 12 tỷ "
    "đồng trở lên;\n"
    "- Cho ý kiến về việc điều động cán bộ.\n\n"
    "Điều 3. Lưu trữ\nVăn phòng lưu trữ hồ sơ.\n"
)


def test_a_rule_in_a_list_is_quoted_under_the_line_that_introduces_it(tmp_path: Path) -> None:
    """An item alone loses who acts and on whose behalf ("ủy quyền cho tập thể Thường
    trực"): its lead-in is quoted above it, verbatim."""
    assistant = assistant_over(tmp_path, {"song-ngan.txt": DELEGATED})
    answer = assistant.ask("Sửa trụ sở cơ quan đảng 14 tỷ có phải xin ý kiến Thường trực không?")
    assert answer.kind == "numeric"
    assert "ủy quyền cho tập thể Thường trực giải quyết gồm:" in answer.answer
    assert answer.answer.index("ủy quyền cho tập thể") < answer.answer.index("«- Cho ý kiến")


OWN_BODIES = (
    "ĐẢNG ỦY XÃ HÒA LẠC\nSố 05-QC/ĐU\n\nQUY CHẾ LÀM VIỆC\n"
    "của Ban Chấp hành Đảng bộ xã Hòa Lạc\n\n"
    "Điều 1. Phạm vi\nQuy chế này quy định chế độ làm việc của Đảng ủy xã Hòa Lạc.\n\n"
    "Điều 2. Chế độ họp\n"
    "1. Ban Chấp hành họp thường lệ mỗi tháng một lần.\n"
    "2. Ban Chấp hành quyết định số lượng ủy viên Ủy ban Kiểm tra Đảng ủy.\n"
)


def test_a_number_of_a_body_working_under_rules_of_its_own_is_refused(tmp_path: Path) -> None:
    """The committee's regulation sets no number for its inspection commission: refused
    (not answered with the committee's own rule as "the nearest")."""
    assistant = assistant_over(tmp_path, {"hoa-lac.txt": OWN_BODIES})
    for question in (
        "Ủy ban Kiểm tra Đảng ủy xã Hòa Lạc họp mấy lần một tháng?",
        "UBKT dang uy xa Hoa Lac gom bao nhieu uy vien?",
    ):
        answer = assistant.ask(question)
        assert answer.kind == "refusal", question
        assert "Ủy ban Kiểm tra" in answer.answer
    # the committee's own organs are the regulation's: the standing board's number it
    # lacks is said to be missing, with the nearest rule
    board = assistant.ask("Ban Thường vụ Đảng ủy xã Hòa Lạc họp mấy lần một tháng?")
    assert board.kind != "refusal"
