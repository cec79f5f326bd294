from __future__ import annotations

import pytest

from app.tables import RULE_KIND_NAMES, rule_place, rule_value, rules_table
from ingest.rules.extract import extract_rules
from ingest.rules.models import RULE_KINDS, Quantity
from tests.app.conftest import fake_rules
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


class TestRuleWords:
    """The rules table's words: kinds, places and values (app/tables_html.py shows them)."""

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
