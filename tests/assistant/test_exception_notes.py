"""Exceptions written elsewhere in a quoted clause's article (assistant/exception_notes.py),
on made-up regulations."""

from __future__ import annotations

from pathlib import Path

from tests.assistant.test_answer import assistant_over

REGULATION = (
    "ĐẢNG ỦY XÃ BÃI BỒI\nSố 06-QC/ĐU\n\nQUY CHẾ LÀM VIỆC\nĐảng ủy xã Bãi Bồi\n\n"
    "Điều 1. Phạm vi\nQuy chế này quy định chế độ làm việc của Đảng ủy xã Bãi Bồi.\n\n"
    "Điều 2. Chế độ làm việc\n"
    "1. Khi không tổ chức họp được, Thường trực gửi phiếu lấy ý kiến các ủy viên bằng văn "
    "bản, tổng hợp kết quả và báo cáo Bí thư quyết định.\n"
    "2. Hội nghị thảo luận dân chủ. Việc gửi phiếu lấy ý kiến các ủy viên bằng văn bản "
    "không áp dụng đối với công tác nhân sự.\n"
    "3. Văn phòng lưu hồ sơ, trừ hồ sơ mật do Bí thư giữ.\n\n"
    "Điều 3. Lưu trữ\nVăn phòng lưu trữ hồ sơ hội nghị.\n"
)


def test_the_exception_another_clause_writes_is_quoted_beside_the_rule(tmp_path: Path) -> None:
    assistant = assistant_over(tmp_path, {"bai-boi.txt": REGULATION})
    answer = assistant.ask("Không họp được thì Thường trực tổng hợp kết quả rồi báo cáo ai?")
    assert answer.kind != "refusal"
    assert "không áp dụng đối với công tác nhân sự" in answer.answer
    noted = [c for c in answer.citations if "không áp dụng" in c.quote]
    assert noted and (noted[0].article, noted[0].clause) == (2, 2) and noted[0].via
    # an exception to something else the article says is not added
    assert "hồ sơ mật" not in answer.answer
