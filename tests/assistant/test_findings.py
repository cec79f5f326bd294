"""What each document answers, in a word (Answer.findings), and where they differ."""

from __future__ import annotations

from pathlib import Path

from assistant.findings import findings_summary
from assistant.models import Finding
from tests.assistant.test_answer import assistant_over


def _regulation(place: str, body: str) -> str:
    return (
        f"ĐẢNG ỦY XÃ {place.upper()}\nSố 02-QC/ĐU\n\nQUY CHẾ LÀM VIỆC\n"
        f"của Ban Chấp hành Đảng bộ xã {place}\n\n"
        "Điều 1. Khen thưởng\n"
        f"1. {body} quyết định khen thưởng đảng viên có thành tích xuất sắc.\n\n"
        "Điều 2. Kỷ luật\n1. Ủy ban Kiểm tra xem xét kỷ luật đảng viên vi phạm.\n"
    )


def test_documents_that_name_different_deciding_bodies_are_said_to_differ(
    tmp_path: Path,
) -> None:
    assistant = assistant_over(
        tmp_path,
        {
            "xa-dong-son.txt": _regulation("Đông Sơn", "Ban Thường vụ"),
            "xa-tay-son.txt": _regulation("Tây Sơn", "Thường trực"),
        },
    )
    answer = assistant.ask("Ai quyết định khen thưởng đảng viên có thành tích xuất sắc?")
    assert sorted(f.value for f in answer.findings) == ["Ban Thường vụ", "Thường trực"]
    for finding in answer.findings:
        assert answer.citations[finding.citation].document_id == finding.document_id
    assert any(n.startswith("Khác nhau: ") for n in answer.notes)


def test_the_summary_groups_documents_by_what_they_answer() -> None:
    findings = [
        Finding(document_id="a", value="Ban Thường vụ", citation=0),
        Finding(document_id="b", value="Ban Thường vụ", citation=1),
        Finding(document_id="c", value="Thường trực", citation=2),
    ]
    names = {"a": "Xã A", "b": "Xã B", "c": "Xã C"}
    assert findings_summary(findings, names) == (
        "Khác nhau: Ban Thường vụ (Xã A, Xã B); Thường trực (Xã C)."
    )
    assert findings_summary(findings[:2], names) == "Giống nhau: Ban Thường vụ (Xã A, Xã B)."
    assert findings_summary(findings[:1], names) == ""
