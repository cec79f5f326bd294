"""Words a document writes only outside its articles are still words it writes."""

from __future__ import annotations

from pathlib import Path

from tests.assistant.test_answer import assistant_over

TEMPLATE = (
    "ĐẢNG BỘ XÃ ..........\nCHI BỘ THÔN ..........\n\nQUY CHẾ LÀM VIỆC CỦA CHI BỘ (MẪU)\n\n"
    "Căn cứ Điều lệ Đảng, Chi bộ thôn ........ ban hành Quy chế làm việc như sau:\n\n"
    "Điều 1. Sinh hoạt\nChi bộ sinh hoạt định kỳ mỗi tháng một lần.\n\n"
    "Điều 2. Sửa đổi quy chế\nViệc sửa đổi quy chế do chi bộ thảo luận, quyết định và báo cáo "
    "Đảng ủy xã.\n"
)


def test_a_word_of_the_header_is_not_a_word_no_document_writes(tmp_path: Path) -> None:
    assistant = assistant_over(tmp_path, {"chi-bo-thon.txt": TEMPLATE})
    answer = assistant.ask("chi bộ thôn muốn sửa quy chế thì cấp nào quyết?")
    # "thôn" is written in the header and the preamble, in no article
    assert "thôn" not in answer.answer.partition("nhắc tới:")[2].partition(")")[0]
