from __future__ import annotations

from assistant.rules.models import Rule
from ingest.rules.extract import extract_rules
from tests.ingest.rules.fixtures import MEETINGS, make_doc


def test_sentences_are_verbatim(rules: list[Rule]) -> None:
    for rule in rules:
        assert rule.sentence in MEETINGS.text
        assert MEETINGS.text[rule.start : rule.end] == rule.sentence


def test_ids_unique_and_stable(rules: list[Rule]) -> None:
    assert len({r.id for r in rules}) == len(rules)
    assert [r.id for r in extract_rules(MEETINGS)] == [r.id for r in rules]


def test_template_blanks(rules: list[Rule]) -> None:
    blanks = [r for r in rules if r.article == 19 and r.value.unspecified]
    kinds = {r.kind for r in blanks}
    assert kinds == {"frequency", "lead_time"}
    assert all(r.value.number is None for r in blanks)


def test_no_rule_from_plain_text() -> None:
    doc = make_doc(
        [
            (
                1,
                "Vị trí, chức năng",
                ["Ban cán sự đảng là tổ chức đảng do Ban Thường vụ Tỉnh ủy thành lập."],
            )
        ]
    )
    assert extract_rules(doc) == []


def test_without_diacritics() -> None:
    doc = make_doc(
        [
            (
                3,
                "Che do hoi nghi",
                [
                    "Hoi nghi Ban Thuong vu phai co it nhat 2/3 tong so thanh vien tham du. Ban Thuong vu hop mot thang mot lan."
                ],
            )
        ]
    )
    rules = extract_rules(doc)
    assert {(r.kind, r.body) for r in rules} == {
        ("quorum", "Ban Thường vụ"),
        ("frequency", "Ban Thường vụ"),
    }
