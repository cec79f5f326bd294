"""A quoted blank is said in words, and its citation carries ``unspecified``."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.assistant.test_answer import assistant_over

TEMPLATE = """ĐẢNG ỦY XÃ ...
QUY CHẾ LÀM VIỆC MẪU CỦA ĐẢNG ỦY XÃ

Chương I
QUY ĐỊNH CHUNG

Điều 1. Phạm vi
Quy chế này quy định việc làm việc của Đảng ủy xã.

Điều 2. Chuẩn bị phiên họp của Ban Thường vụ
1. Văn phòng Đảng ủy gửi tài liệu phiên họp đến các ủy viên trước phiên họp ít nhất ... ngày làm việc.
2. Ban Thường vụ họp thường lệ mỗi tháng một lần.

Điều 3. Hiệu lực
Quy chế này có hiệu lực từ ngày ký.
"""

FILLED = (
    TEMPLATE.replace("ít nhất ... ngày", "ít nhất 04 ngày")
    .replace("QUY CHẾ LÀM VIỆC MẪU CỦA ĐẢNG ỦY XÃ", "QUY CHẾ LÀM VIỆC CỦA ĐẢNG ỦY XÃ HƯNG LỢI")
    .replace("ĐẢNG ỦY XÃ ...", "ĐẢNG ỦY XÃ HƯNG LỢI")
)


def test_a_blank_in_the_quote_is_said_in_words(tmp_path: Path) -> None:
    assistant = assistant_over(tmp_path, {"mau-xa.txt": TEMPLATE})
    answer = assistant.ask("Văn phòng gửi tài liệu phiên họp Ban Thường vụ trước bao lâu?")
    assert answer.kind != "refusal"
    blank = [c for c in answer.citations if c.unspecified]
    assert blank and "..." in blank[0].quote
    assert "để trống" in answer.answer


def test_a_filled_value_is_no_blank(tmp_path: Path) -> None:
    assistant = assistant_over(tmp_path, {"xa-hung-loi.txt": FILLED})
    answer = assistant.ask("Ai gửi tài liệu phiên họp Ban Thường vụ đến các ủy viên?")
    assert answer.kind == "answer"
    assert not any(c.unspecified for c in answer.citations)
    assert "để trống" not in answer.answer


def test_who_answers_and_comparisons_say_it_too(tmp_path: Path) -> None:
    assistant = assistant_over(tmp_path, {"mau-xa.txt": TEMPLATE, "xa-hung-loi.txt": FILLED})
    answer = assistant.ask("Ai gửi tài liệu phiên họp Ban Thường vụ đến các ủy viên?")
    assert answer.kind == "answer"
    notes = [line for line in answer.answer.splitlines() if "để trống" in line]
    assert len(notes) == 1 and "ít nhất ... ngày" in notes[0]
    assert {c.unspecified for c in answer.citations} == {True, False}


def test_a_blank_document_number_is_set_beside_the_ground_on_its_subject() -> None:
    from assistant.blank_notes import cited_ground
    from ingest.parse import parse_text

    text = """QUYẾT ĐỊNH BAN HÀNH QUY CHẾ MẪU
- Căn cứ Hướng dẫn số 12-HD/TW về tổ chức đại hội chi bộ;
- Căn cứ Hướng dẫn số 34-HD/TW về chế độ báo cáo của tổ công tác ở thôn, bản;

Điều 1. Phạm vi
Thực hiện theo Hướng dẫn số ...-HD/TW ngày ... về chế độ báo cáo của tổ công tác ở thôn.
"""
    doc = parse_text(text, source_file="made-up.txt")
    quote = (
        "Thực hiện theo Hướng dẫn số ...-HD/TW ngày ... về chế độ báo cáo của tổ công tác ở thôn."
    )
    assert cited_ground(doc, quote) == (
        "- Căn cứ Hướng dẫn số 34-HD/TW về chế độ báo cáo của tổ công tác ở thôn, bản;"
    )
    assert cited_ground(doc, "Theo Hướng dẫn số ...-HD/TW về lễ kết nạp đảng viên.") == ""


@pytest.mark.parametrize("names", [("a-mau.txt", "b-xa.txt"), ("b-mau.txt", "a-xa.txt")])
def test_a_document_stating_the_value_comes_before_a_blank_one(
    tmp_path: Path, names: tuple[str, str]
) -> None:
    """Asked without naming a document, the answer leads with a document that states the
    number, whichever order the documents were loaded in; the template's blank follows."""
    template, filled = names
    assistant = assistant_over(tmp_path, {template: TEMPLATE, filled: FILLED})
    answer = assistant.ask("Tài liệu phiên họp Ban Thường vụ phải gửi trước mấy ngày?")
    assert answer.kind == "numeric"
    assert len({c.document_id for c in answer.citations}) == 2
    assert not answer.citations[0].unspecified
    assert answer.citations[-1].unspecified
