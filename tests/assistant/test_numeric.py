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
