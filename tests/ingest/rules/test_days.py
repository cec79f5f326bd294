from __future__ import annotations

from assistant.rules.models import Rule
from ingest.rules.extract import extract_rules
from tests.ingest.rules.fixtures import LAND_AND_DAYS, find


def test_lead_times(rules: list[Rule]) -> None:
    leads = find(rules, 25, "lead_time")
    submission = {r.body: r.value.number for r in leads if r.subject == "document_submission"}
    sending = {r.body: r.value.number for r in leads if r.subject == "document_sending"}
    assert submission == {"Ban Chấp hành": 5, "Ban Thường vụ": 5}
    assert sending == {"Ban Chấp hành": 3, "Ban Thường vụ": 2}
    (bcs,) = find(rules, 6, "lead_time")
    assert bcs.body == "Ban cán sự đảng" and bcs.value.number == 1


def test_durations_in_points(rules: list[Rule]) -> None:
    durations = {r.body: r.value.label for r in find(rules, 19, "duration")}
    assert durations == {
        "Ban Chấp hành": "2 ngày",
        "Ban Thường vụ": "1 ngày",
        "Thường trực": "1 buổi",
    }
    assert all(r.point == "2.1" for r in find(rules, 19, "duration"))


def test_deadline_from_receipt(rules: list[Rule]) -> None:
    (deadline,) = find(rules, 11, "deadline")
    assert deadline.value.number == 15 and deadline.comparator == "<="


def test_deadlines_on_a_calendar_day() -> None:
    rules = [r for r in extract_rules(LAND_AND_DAYS) if r.value.calendar]
    assert [(r.value.label, r.comparator, r.subject, r.value.unspecified) for r in rules] == [
        ("ngày 25 hằng tháng", "<=", "reporting", False),
        ("ngày 15/11 hằng năm", "<", "reporting", False),
        ("ngày … hằng tháng", "<", "payment", True),
    ]
    assert all(r.kind == "deadline" and r.value.text in r.sentence for r in rules)
    # a date ("ngày 20 tháng 6 năm 2024") is not a rule
    assert not [r for r in extract_rules(LAND_AND_DAYS) if r.clause == 3]


def test_a_value_opening_its_sentence_reads_lower_case_after_its_label() -> None:
    from assistant.numeric import rule_statement
    from tests.ingest.rules.fixtures import make_doc

    doc = make_doc(
        [(4, "Thẩm định", ["1. Trong thời hạn mười ngày, tổ thẩm định hồ sơ xin vào tổ."])],
        doc_id="song-bac",
    )
    (deadline,) = find(extract_rules(doc), 4, "deadline")
    assert deadline.value.text.startswith("Trong")
    assert ": trong thời hạn mười ngày" in rule_statement(deadline)


def test_a_part_of_the_sentence_with_its_own_subject_borrows_no_body() -> None:
    """ "Chi bộ gửi ...; Ban Thẩm tra thẩm định ... trong thời hạn 05 ngày": the limit is
    the unnamed Ban's, not the branch's: no body is made up for it."""
    from tests.ingest.rules.fixtures import make_doc

    doc = make_doc(
        [
            (
                4,
                "Hồ sơ",
                [
                    "1. Chi bộ gửi hồ sơ về Văn phòng Đảng ủy; Ban Thẩm tra thẩm định hồ sơ "
                    "trong thời hạn 05 ngày làm việc.",
                    "2. Chi bộ xét hồ sơ trong thời hạn 10 ngày.",
                ],
            )
        ],
        doc_id="song-bac",
    )
    found = {r.clause: r.body for r in find(extract_rules(doc), 4, "deadline")}
    assert found == {1: "", 2: "Chi bộ"}
