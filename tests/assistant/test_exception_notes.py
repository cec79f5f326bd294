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


POINTED = (
    "ĐẢNG ỦY XÃ GÒ NỔI\nSố 08-QC/ĐU\n\nQUY CHẾ LÀM VIỆC\nĐảng ủy xã Gò Nổi\n\n"
    "Điều 1. Phạm vi\nQuy chế này quy định chế độ làm việc của Đảng ủy xã Gò Nổi.\n\n"
    "Điều 2. Chế độ làm việc\n"
    "1. Khi có việc khẩn, Thường trực gửi phiếu hỏi các ủy viên; được quá nửa số ủy viên "
    "đồng ý thì có giá trị như nghị quyết. Không dùng cách làm này cho việc khen thưởng, "
    "trừ khi Bí thư cho phép.\n"
)


def test_an_exception_that_points_back_at_the_quoted_sentence_is_quoted(tmp_path: Path) -> None:
    """ "Không dùng cách làm này ... trừ ...": it shares no words with the rule before it;
    right after it, pointing back, it excepts it."""
    assistant = assistant_over(tmp_path, {"go-noi.txt": POINTED})
    answer = assistant.ask(
        "Thường trực xã Gò Nổi gửi phiếu hỏi 9 ủy viên khi có việc khẩn, 5 người đồng ý thì "
        "có giá trị như nghị quyết không?"
    )
    assert answer.kind == "numeric"  # its quote is the rule's sentence, not the clause
    assert "Không dùng cách làm này cho việc khen thưởng" in answer.answer
