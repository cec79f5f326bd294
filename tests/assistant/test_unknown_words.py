"""The words of a question no regulation writes (assistant/unknown_words.py)."""

from __future__ import annotations

from pathlib import Path

from assistant.understand import understand
from tests.assistant.test_answer import assistant_over

DUTIES = """QUY CHẾ LÀM VIỆC CỦA ĐẢNG ỦY XÃ HÒA MỸ

Điều 1. Nhiệm vụ của Phó Bí thư
Phó Bí thư chủ trì hội nghị khi Bí thư vắng mặt và phụ trách Văn phòng Đảng ủy.
Văn phòng được giao lưu trữ hồ sơ.
"""


def test_a_word_read_across_the_edge_of_a_bodys_name_is_no_word(tmp_path: Path) -> None:
    """ "giao Phó Bí thư": "giao phó" is no word the question writes."""
    assistant = assistant_over(tmp_path, {"hoa-my.txt": DUTIES})
    answerer = assistant._answerer

    def unknown(question: str) -> list[str]:
        u = understand(question, [], answerer._docs)
        return answerer.evidence.unknown_words(u)

    assert unknown("Điều nào giao Phó Bí thư phụ trách Văn phòng?") == []
    assert unknown("Ai giao phó việc tiếp khách?")
