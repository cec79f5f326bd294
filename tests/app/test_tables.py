from __future__ import annotations

from app.tables import rules_table
from ingest.rules.extract import extract_rules
from tests.ingest.rules.fixtures import make_doc

LAND = make_doc(
    [
        (
            2,
            "Nhiệm vụ, quyền hạn của Ban Thường vụ",
            [
                "4. Cho chủ trương các dự án có chuyển mục đích sử dụng đất trồng lúa (từ 05 ha "
                "trở lên), đất rừng phòng hộ (từ 15 ha trở lên).",
            ],
        )
    ]
)


def test_rules_of_one_sentence_are_told_apart_by_their_condition() -> None:
    table = rules_table(extract_rules(LAND))
    assert "chuyển mục đích sử dụng đất (đất trồng lúa) | >= 5 ha" in table
    assert "chuyển mục đích sử dụng đất (đất rừng phòng hộ) | >= 15 ha" in table
    assert table.endswith("2 quy tắc.")
