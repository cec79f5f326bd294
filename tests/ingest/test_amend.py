"""Reading an amending decision: recognised by its structure, instructions typed."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.amend import Target, read_amendment
from ingest.parse import parse_file, parse_text

DATA = Path(__file__).parent / "data" / "amend"
REGULATION = DATA / "quy-che-dang-uy-xa-binh-an-thuong.txt"
DECISION = DATA / "quyet-dinh-15-sua-doi.txt"

HEADER = """ĐẢNG ỦY XÃ BÌNH AN THƯỢNG
Số 21-QĐ/ĐU
Bình An Thượng, ngày 02 tháng 9 năm 2024

QUYẾT ĐỊNH
SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA QUY CHẾ LÀM VIỆC
CỦA ĐẢNG ỦY XÃ BÌNH AN THƯỢNG

BAN CHẤP HÀNH ĐẢNG BỘ XÃ BÌNH AN THƯỢNG
QUYẾT ĐỊNH:

"""


class TestReadAmendment:
    def test_the_decision_is_recognised_with_its_instructions(self) -> None:
        decision = read_amendment(parse_file(DECISION))
        assert decision is not None
        assert decision.number == "15-QĐ/ĐU"
        assert decision.date_issued == "2024-05-20"
        assert decision.effective == "2024-06-01"
        assert decision.target_numbers == ("07-QC/ĐU",)
        assert decision.target_title.startswith("Quy chế làm việc của Đảng ủy xã Bình An Thượng")
        assert decision.title.startswith("Quyết định sửa đổi, bổ sung một số điều")
        ops = [(i.op, i.target.label) for i in decision.instructions]
        assert ops == [
            ("replace", "Điều 5"),
            ("replace", "khoản 2 Điều 7"),
            ("repeal", "khoản 3 Điều 8"),
            ("repeal", "Điều 9"),
            ("add", "khoản 4 Điều 6"),
            ("add", "Điều 12a"),
        ]

    def test_wording_is_unquoted_and_stops_at_the_next_instruction(self) -> None:
        decision = read_amendment(parse_file(DECISION))
        assert decision is not None
        texts = {i.target.label: i.text for i in decision.instructions}
        assert texts["Điều 5"].startswith("Điều 5. Nhiệm vụ và quyền hạn của Bí thư\n1. ")
        assert texts["Điều 5"].endswith("cho các đảng ủy viên.")
        assert texts["khoản 2 Điều 7"] == "2. Ban Thường vụ họp thường lệ mỗi tháng hai lần."
        # indented, unquoted wording ends where the next instruction starts
        assert texts["khoản 4 Điều 6"] == "4. Theo dõi công tác kiểm tra, giám sát của các chi bộ."
        assert texts["Điều 9"] == ""
        assert "Quyết định này có hiệu lực" not in texts["Điều 12a"]

    def test_a_regulation_is_not_an_amending_decision(self) -> None:
        assert read_amendment(parse_file(REGULATION)) is None

    def test_a_decision_that_issues_a_regulation_is_not_one(self) -> None:
        text = HEADER.replace("SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA", "BAN HÀNH") + (
            "Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc.\n"
            "Điều 2. Quyết định này có hiệu lực từ ngày ký.\n"
        )
        assert read_amendment(parse_text(text, "ban-hanh.txt")) is None

    @pytest.mark.parametrize(
        ("line", "op", "targets"),
        [
            ("1. Khoản 2 Điều 7 được sửa đổi, bổ sung như sau:", "replace", [(7, "", 2)]),
            ("a) Sửa đổi Điều 4 như sau:", "replace", [(4, "", None)]),
            ("- Bãi bỏ khoản 3, khoản 4 Điều 8 và Điều 9.", "repeal", [(8, "", 3), (8, "", 4), (9, "", None)]),
            ("2. Điều 11 của Quy chế bị bãi bỏ.", "repeal", [(11, "", None)]),
            ("3. Bổ sung khoản 3 vào sau khoản 2 Điều 10 như sau:", "add", [(10, "", 3)]),
            ("4. Bổ sung Điều 6a như sau:", "add", [(6, "a", None)]),
        ],
    )  # fmt: skip
    def test_instruction_phrasings(
        self, line: str, op: str, targets: list[tuple[int, str, int | None]]
    ) -> None:
        wording = "" if op == "repeal" else "“Nội dung mới của quy định.”\n"
        text = f"{HEADER}Điều 1. Sửa đổi như sau:\n{line}\n{wording}Điều 2. Quyết định này có hiệu lực từ ngày ký.\n"
        decision = read_amendment(parse_text(text, "qd.txt"))
        assert decision is not None
        assert [i.op for i in decision.instructions] == [op] * len(targets)
        assert [i.target for i in decision.instructions] == [
            Target(article=a, suffix=s, clause=c) for a, s, c in targets
        ]
        assert decision.effective == "2024-09-02"  # from signing
        if wording:
            assert decision.instructions[0].text == "Nội dung mới của quy định."
        assert decision.target_numbers == ()
        # an all-capitals subject loses its capitals: the title is a link key, compared folded
        assert decision.target_title.lower() == "quy chế làm việc của đảng ủy xã bình an thượng"


def test_an_instruction_no_pattern_reads_is_named_not_dropped() -> None:
    from ingest.consolidate import consolidate

    text = (
        f"{HEADER}Điều 1. Sửa đổi như sau:\n"
        "1. Sửa đổi gạch đầu dòng thứ hai điểm a khoản 2 Điều 3 như sau:\n“- Nội dung mới.”\n"
        "2. Bãi bỏ khoản 3 Điều 4.\n"
        "Điều 2. Quyết định này có hiệu lực từ ngày ký.\n"
    )
    decision = read_amendment(parse_text(text, "qd.txt"))
    assert decision is not None
    assert [i.op for i in decision.instructions] == ["repeal"]
    assert decision.unread == ("1. Sửa đổi gạch đầu dòng thứ hai điểm a khoản 2 Điều 3 như sau:",)
    notices = consolidate({"qd": parse_text(text, "qd.txt")}).notices
    assert any("không đọc được chỉ dẫn" in n and "điểm a khoản 2 Điều 3" in n for n in notices)
