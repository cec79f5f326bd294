from __future__ import annotations

from assistant.rules.models import Rule
from ingest.rules.extract import extract_rules
from tests.ingest.rules.fixtures import LAND_AND_DAYS, TY, find


def test_money_two_sides(rules: list[Rule]) -> None:
    (money,) = find(rules, 2, "money_threshold")
    assert money.value.number == 3 * TY and money.comparator == ">="
    assert (money.if_met_body, money.otherwise_body) == ("Ban Thường vụ", "Thường trực")
    assert money.point == "-1"


def test_money_other_layout(rules: list[Rule]) -> None:
    money = {
        (r.comparator, r.value.number): r.if_met_body for r in find(rules, 11, "money_threshold")
    }
    assert money == {
        (">=", 5 * TY): "Ban Chấp hành",
        ("<", 5 * TY): "Ban Thường vụ",
        ("<", 500_000_000): "Thường trực",
    }


def test_area_thresholds_with_their_land_type() -> None:
    rules = [r for r in extract_rules(LAND_AND_DAYS) if r.kind == "area_threshold"]
    assert [(r.value.number, r.comparator, r.condition, r.if_met_body) for r in rules] == [
        (50_000, ">=", "đất trồng lúa", "Ban Thường vụ"),
        (150_000, ">=", "đất rừng phòng hộ", "Ban Thường vụ"),
    ]
    assert {r.subject for r in rules} == {"land_use"}


def test_a_number_of_households_is_a_threshold_with_its_body() -> None:
    from tests.ingest.rules.fixtures import make_doc

    doc = make_doc(
        [
            (
                7,
                "Thẩm quyền quyết định chủ trương đầu tư",
                [
                    "1. Dự án từ 05 tỷ đồng trở lên do Ban Chấp hành quyết định chủ trương.",
                    "2. Dự án phải giải tỏa từ 30 hộ gia đình trở lên thì phải trình Ban Chấp "
                    "hành cho chủ trương, không phụ thuộc vào tổng mức đầu tư.",
                ],
            )
        ],
        doc_id="suoi-bac",
    )
    rules = [r for r in extract_rules(doc) if r.kind == "count_threshold"]
    assert [(r.value.number, r.value.unit, r.comparator, r.if_met_body) for r in rules] == [
        (30, "hộ", ">=", "Ban Chấp hành")
    ]
