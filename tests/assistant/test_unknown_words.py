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


VOTES = """QUY CHẾ LÀM VIỆC CỦA CHI BỘ THÔN BẮC

Điều 1. Hội nghị chi bộ
Quy chế này quy định chế độ hội nghị. Chi bộ họp mỗi tháng một lần do chi ủy triệu tập.

Điều 2. Biểu quyết
1. Nghị quyết của chi bộ phải có trên một nửa số đảng viên chính thức tán thành.
"""


def test_the_measure_of_the_rule_an_article_is_asked_for_is_no_topic(tmp_path: Path) -> None:
    """ "điều nào quy định tỷ lệ ...": the measure names the rule's value, which the
    regulation writes as a share, never as "tỷ lệ"."""
    assistant = assistant_over(tmp_path, {"thon-bac.txt": VOTES})
    answerer = assistant._answerer
    u = understand("điều nào quy định tỷ lệ tán thành nghị quyết chi bộ?", [], answerer._docs)
    assert answerer.evidence.unknown_words(u) == []
    answer = assistant.ask("dieu nao quy dinh ti le tan thanh nghi quyet chi bo?")
    assert answer.kind != "refusal" and answer.citations[0].article == 2
