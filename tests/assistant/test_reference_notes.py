"""A quoted clause that refers elsewhere brings the referenced clause, cited as linked."""

from __future__ import annotations

from pathlib import Path

from tests.assistant.test_answer import assistant_over
from tests.ingest.test_references import TEXT


def test_the_referenced_clause_is_quoted_and_linked(tmp_path: Path) -> None:
    assistant = assistant_over(tmp_path, {"xa-an-tuong.txt": TEXT})
    answer = assistant.ask("Ở xã An Tường, ngoài nhiệm vụ của Đảng ủy, Ban Thường vụ làm gì?")
    assert answer.kind == "answer"
    linked = [c for c in answer.citations if c.via]
    assert linked and linked[0].article == 1
    assert "dẫn chiếu" in answer.answer
    assert "31-QĐ/TW" in answer.answer and "chưa được nạp" in answer.answer
    for citation in answer.citations:
        assert citation.quote in assistant.document(citation.document_id).text
