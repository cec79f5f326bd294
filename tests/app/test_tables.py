from __future__ import annotations

import re

import pytest

from app.tables import RULE_KIND_NAMES, rule_place, rule_rows, rule_value, rules_table
from ingest.rules.extract import extract_rules
from ingest.rules.models import RULE_KINDS, Quantity
from tests.app.conftest import FakeAssistant, fake_rules
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


class TestRuleRows:
    """The web page's rules table: Vietnamese headers, values in words, no ids."""

    def test_headers_and_words(self) -> None:
        doc = FakeAssistant().doc
        headers, rows = rule_rows(fake_rules(), {doc.id: doc})
        assert headers == [
            "Văn bản",
            "Loại quy tắc",
            "Cơ quan",
            "Nội dung",
            "Giá trị",
            "Căn cứ tính",
            "Điều kiện",
            "Trích dẫn",
        ]
        by_kind = {row[1]: dict(zip(headers, row, strict=True)) for row in rows}
        assert by_kind["túc số hội nghị"]["Giá trị"] == "ít nhất 2/3"
        assert by_kind["túc số hội nghị"]["Căn cứ tính"] == "tổng số ủy viên"
        money = by_kind["ngưỡng tiền"]
        assert money["Giá trị"] == "từ 03 tỷ đồng trở lên → Ban Thường vụ; còn lại → Thường trực"
        assert money["Trích dẫn"] == "Điều 2"
        assert by_kind["thời hạn gửi trước"]["Trích dẫn"] == "điểm a khoản 1 Điều 1"
        assert by_kind["định kỳ"]["Giá trị"] == "để trống (... lần)"

    def test_grouped_by_document_then_kind(self) -> None:
        doc = FakeAssistant().doc
        _, rows = rule_rows(fake_rules(), {doc.id: doc})
        assert [(r[0], r[1]) for r in rows] == [
            ("Quy chế làm việc thử (01-QC/TU)", "túc số hội nghị"),
            ("Quy chế làm việc thử (01-QC/TU)", "ngưỡng tiền"),
            ("Quy chế làm việc thử (01-QC/TU)", "thời hạn gửi trước"),
            ("quy-che-khac", "định kỳ"),
        ]

    def test_no_ids_no_english_and_narrow_for_one_document(self) -> None:
        doc = FakeAssistant().doc
        one = [r for r in fake_rules() if r.document_id == doc.id and r.kind != "quorum"]
        headers, rows = rule_rows(one, {doc.id: doc})
        # one document: no document column; nobody states a basis: no basis column
        assert headers == [
            "Loại quy tắc",
            "Cơ quan",
            "Nội dung",
            "Giá trị",
            "Điều kiện",
            "Trích dẫn",
        ]
        cells = " ".join(" ".join(row) for row in rows)
        assert not re.search(r"[0-9a-f]{16}", cells)
        for english in ("money_threshold", "lead_time", "regulation", ">=", "None"):
            assert english not in cells

    @pytest.mark.parametrize("kind", RULE_KINDS)
    def test_every_kind_has_a_vietnamese_name(self, kind: str) -> None:
        assert RULE_KIND_NAMES[kind] and "_" not in RULE_KIND_NAMES[kind]

    @pytest.mark.parametrize(
        ("part", "expected"),
        [
            ("regulation", "khoản 1 Điều 1"),
            ("decision", "khoản 1 Điều 1 Quyết định ban hành"),
            ("part-2", "khoản 1 Điều 1 Phần 2"),
        ],
    )
    def test_place_names_the_part_in_words(self, part: str, expected: str) -> None:
        rule = fake_rules()[2].model_copy(update={"part": part})
        assert rule_place(rule) == expected

    def test_a_value_without_its_comparator_word_gets_one(self) -> None:
        rule = fake_rules()[2]
        plain = rule.model_copy(update={"value": Quantity(text="2/3", numerator=2, denominator=3)})
        assert rule_value(plain) == "ít nhất 2/3"
        area = fake_rules()[1].model_copy(
            update={
                "kind": "area_threshold",
                "value": Quantity(text="10 ha", number=100_000, unit="m²"),
                "otherwise_body": "",
            }
        )
        assert rule_value(area) == "từ 10 ha → Ban Thường vụ"
