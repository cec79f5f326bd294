from __future__ import annotations

from assistant.rules.models import Rule
from ingest.rules.extract import extract_rules
from tests.ingest.rules.fixtures import find, make_doc


def test_frequencies(rules: list[Rule]) -> None:
    (bch,) = find(rules, 25, "frequency", "Ban Chấp hành")
    assert (bch.value.number, bch.value.period, bch.value.period_unit) == (1, 3, "tháng")
    (btv,) = find(rules, 25, "frequency", "Ban Thường vụ")
    assert (btv.value.number, btv.value.number_max, btv.value.period_unit) == (1, 2, "tháng")
    by_unit = {r.value.period_unit: r for r in find(rules, 6, "frequency")}
    monthly, weekly = by_unit["tháng"], by_unit["tuần"]
    assert monthly.condition == "" and monthly.value.text == "một tháng một lần"
    assert weekly.condition == "đối với công tác tổ chức cán bộ"


def test_periodic_or_when_needed_and_partner_body() -> None:
    doc = make_doc(
        [
            (
                5,
                "Quan hệ công tác",
                [
                    "1. Ban cán sự đảng phối hợp với Đảng ủy Khối trong công tác xây dựng Đảng; "
                    "định kỳ hằng năm hoặc khi cần thì trao đổi ý kiến.",
                    "2. Định kỳ hằng quý hoặc đột xuất, Ban Thường vụ báo cáo bằng văn bản.",
                    "3. Ban Thường vụ làm việc theo chương trình hằng năm và 6 tháng.",
                ],
            )
        ]
    )
    found = [(r.clause, r.body, r.value.period_unit) for r in extract_rules(doc)]
    # "hoặc khi cần"/"hoặc đột xuất" still leaves a period; a list ("hằng năm và 6 tháng")
    # is no frequency; "với Đảng ủy Khối" is the partner, not the actor.
    assert found == [(1, "Ban cán sự đảng", "năm"), (2, "Ban Thường vụ", "quý")]


def test_a_day_of_every_month_is_a_monthly_frequency_not_a_deadline() -> None:
    doc = make_doc(
        [
            (
                9,
                "Tiếp dân",
                [
                    "1. Tổ trưởng tiếp dân định kỳ vào ngày 20 hằng tháng tại nhà văn hóa.",
                    "2. Các tổ báo cáo trước ngày 25 hằng tháng.",
                ],
            )
        ],
        doc_id="song-bac",
    )
    rules = extract_rules(doc)
    (monthly,) = find(rules, 9, "frequency")
    assert monthly.value.text == "vào ngày 20 hằng tháng" and monthly.value.period_unit == "tháng"
    assert [r.kind for r in rules if r.clause == 2] == ["deadline"]


def test_a_day_of_every_month_and_where_it_moves_off_a_day_off() -> None:
    doc = make_doc(
        [
            (
                9,
                "Tiếp dân",
                [
                    "1. Tổ trưởng tiếp dân vào ngày 20 hằng tháng; trùng ngày nghỉ thì chuyển "
                    "sang ngày làm việc kế tiếp.",
                    "2. Tổ phó đi cơ sở vào ngày 5 hằng tháng; nếu rơi vào thứ Bảy, Chủ nhật thì "
                    "làm vào ngày làm việc liền trước.",
                    "3. Tổ họp vào ngày 10 hằng tháng.",
                ],
            )
        ],
        doc_id="song-bac",
    )
    found = {r.clause: r.value for r in find(extract_rules(doc), 9, "frequency")}
    assert [(v.calendar, v.day, v.day_off_shift) for v in found.values()] == [
        (True, 20, 1),
        (True, 5, -1),
        (True, 10, 0),
    ]
