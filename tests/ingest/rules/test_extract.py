from __future__ import annotations

from fractions import Fraction

import pytest

from assistant.rules.models import Rule
from ingest.rules.extract import extract_rules
from ingest.rules.text import sentences
from tests.ingest.rules.fixtures import make_doc

TY = 1_000_000_000

MEETINGS = make_doc(
    [
        (
            25,
            "Chế độ hội nghị của Tỉnh ủy, Ban Thường vụ Tỉnh ủy",
            [
                "1. Tỉnh ủy họp thường lệ ba tháng một lần, khi Ban Thường vụ thấy cần thiết hoặc khi có "
                "trên 1/2 Ủy viên Ban Chấp hành Đảng bộ tỉnh đề nghị thì Ban Thường vụ quyết định triệu tập "
                "hội nghị Tỉnh ủy đột xuất. Ban Thường vụ Tỉnh ủy họp thường lệ từ 01 đến 02 lần/tháng, họp "
                "đột xuất khi cần. Hội nghị Tỉnh ủy, Ban Thường vụ Tỉnh ủy phải có ít nhất 2/3 tổng số thành "
                "viên tham dự.",
                "2. Các đơn vị được phân công chuẩn bị phải gửi tài liệu phục vụ hội nghị đến Văn phòng Tỉnh ủy "
                "trước kỳ họp ít nhất 05 ngày để thẩm định; văn phòng Tỉnh ủy gửi giấy mời và tài liệu hội nghị "
                "đến các thành viên trước kỳ họp 03 ngày, đối với hội nghị Tỉnh ủy và trước 02 ngày đối với hội "
                "nghị Ban Thường vụ Tỉnh ủy (trừ trường hợp hội nghị đột xuất).",
                "3. Nghị quyết, quyết định của Tỉnh ủy, Ban Thường vụ phải có trên 1/2 số thành viên đương nhiệm "
                "tán thành.",
            ],
        ),
        (
            6,
            "Chế độ làm việc",
            [
                "1. Phiên họp của Ban cán sự đảng chỉ được tiến hành khi có ít nhất hai phần ba (2/3) tổng số "
                "thành viên của Ban cán sự đảng tham dự. Các vấn đề đưa ra bàn bạc chỉ được thông qua khi có hơn "
                "một nửa số thành viên Ban cán sự đảng biểu quyết tán thành.",
                "2. Ban cán sự đảng họp định kỳ một tháng một lần (đối với công tác tổ chức cán bộ thì họp vào "
                "thứ 2 hằng tuần).",
                "3. Các nội dung, chương trình cuộc họp phải được gửi cho các thành viên Ban cán sự đảng ít nhất "
                "01 ngày trước ngày tổ chức họp.",
                "4. Theo yêu cầu của ít nhất một phần ba (1/3) tổng số thành viên Ban cán sự đảng, Bí thư Ban "
                "cán sự đảng quyết định triệu tập phiên họp đột xuất.",
            ],
        ),
        (
            19,
            "Chế độ hội nghị của huyện ủy, ban thường vụ huyện ủy",
            [
                "1. Ban thường vụ họp ít nhất ...lần/tháng. Các đơn vị phải gửi tài liệu đến văn phòng huyện ủy "
                "trước kỳ họp ít nhất ... ngày để thẩm định.",
                (
                    "2. Thời gian tổ chức hội nghị:",
                    [
                        (
                            "2.1",
                            "2.1- Thời gian hội nghị của Đảng uỷ Khối không quá 02 ngày; hội nghị Ban Thường vụ "
                            "Đảng uỷ Khối không quá 01 ngày; họp Thường trực Đảng uỷ Khối 01 buổi.",
                        )
                    ],
                ),
            ],
        ),
        (
            2,
            "Nhiệm vụ, quyền hạn của Ban Thường vụ Tỉnh ủy",
            [
                (
                    "4. Những vấn đề quan trọng thuộc lĩnh vực kinh tế - xã hội, Ban Thường vụ Tỉnh ủy có thể "
                    "ra nghị quyết để lãnh đạo.",
                    [
                        (
                            "-1",
                            "- Cho chủ trương sử dụng các khoản chi phát sinh, có giá trị từ 03 tỷ đồng trở lên; "
                            "dưới 03 tỷ đồng thì ủy quyền Thường trực Tỉnh ủy xem xét, quyết định.",
                        )
                    ],
                )
            ],
        ),
        (
            11,
            "Thẩm quyền quyết định chủ trương đầu tư",
            [
                "1) Dự án có tổng mức đầu tư từ 05 tỷ đồng trở lên do Ban Chấp hành Đảng bộ xã quyết định chủ trương.",
                "2) Dự án có tổng mức đầu tư dưới 05 tỷ đồng do Ban Thường vụ quyết định chủ trương; riêng dự án "
                "có tổng mức đầu tư dưới 500 triệu đồng thì ủy quyền cho Thường trực Đảng ủy quyết định.",
                "3) Hội nghị Ban Thường vụ chỉ được tiến hành khi có ít nhất năm ủy viên Ban Thường vụ tham dự.",
                "4) Ban Thường vụ quyết định trong thời hạn mười lăm ngày kể từ ngày nhận đủ hồ sơ.",
            ],
        ),
    ]
)


@pytest.fixture(scope="module")
def rules() -> list[Rule]:
    return extract_rules(MEETINGS)


def find(rules: list[Rule], article: int, kind: str, body: str | None = None) -> list[Rule]:
    return [
        r
        for r in rules
        if r.article == article and r.kind == kind and (body is None or r.body == body)
    ]


def test_sentences_are_verbatim(rules: list[Rule]) -> None:
    for rule in rules:
        assert rule.sentence in MEETINGS.text
        assert MEETINGS.text[rule.start : rule.end] == rule.sentence


def test_ids_unique_and_stable(rules: list[Rule]) -> None:
    assert len({r.id for r in rules}) == len(rules)
    assert [r.id for r in extract_rules(MEETINGS)] == [r.id for r in rules]


def test_quorum_for_two_bodies(rules: list[Rule]) -> None:
    quorums = find(rules, 25, "quorum")
    assert {r.body for r in quorums} == {"Ban Chấp hành", "Ban Thường vụ"}
    for r in quorums:
        assert r.value.fraction == Fraction(2, 3)
        assert r.comparator == ">="
        assert r.basis == "tổng số thành viên"


def test_frequencies(rules: list[Rule]) -> None:
    (bch,) = find(rules, 25, "frequency", "Ban Chấp hành")
    assert (bch.value.number, bch.value.period, bch.value.period_unit) == (1, 3, "tháng")
    (btv,) = find(rules, 25, "frequency", "Ban Thường vụ")
    assert (btv.value.number, btv.value.number_max, btv.value.period_unit) == (1, 2, "tháng")
    by_unit = {r.value.period_unit: r for r in find(rules, 6, "frequency")}
    monthly, weekly = by_unit["tháng"], by_unit["tuần"]
    assert monthly.condition == "" and monthly.value.text == "một tháng một lần"
    assert weekly.condition == "đối với công tác tổ chức cán bộ"


def test_request_trigger(rules: list[Rule]) -> None:
    (req,) = find(rules, 25, "request_trigger")
    assert (
        req.body == "Ban Chấp hành"
        and req.comparator == ">"
        and req.value.fraction == Fraction(1, 2)
    )
    assert req.subject == "extraordinary_meeting"
    (bcs,) = find(rules, 6, "request_trigger")
    assert bcs.body == "Ban cán sự đảng" and bcs.value.fraction == Fraction(1, 3)


def test_lead_times(rules: list[Rule]) -> None:
    leads = find(rules, 25, "lead_time")
    submission = {r.body: r.value.number for r in leads if r.subject == "document_submission"}
    sending = {r.body: r.value.number for r in leads if r.subject == "document_sending"}
    assert submission == {"Ban Chấp hành": 5, "Ban Thường vụ": 5}
    assert sending == {"Ban Chấp hành": 3, "Ban Thường vụ": 2}
    (bcs,) = find(rules, 6, "lead_time")
    assert bcs.body == "Ban cán sự đảng" and bcs.value.number == 1


def test_votes(rules: list[Rule]) -> None:
    votes = find(rules, 25, "vote_threshold")
    assert {r.body for r in votes} == {"Ban Chấp hành", "Ban Thường vụ"}
    assert all(r.basis == "số thành viên đương nhiệm" and r.comparator == ">" for r in votes)
    (bcs,) = find(rules, 6, "vote_threshold")
    assert bcs.value.text == "hơn một nửa" and bcs.comparator == ">"
    (quorum,) = find(rules, 6, "quorum")
    assert quorum.body == "Ban cán sự đảng" and quorum.value.text == "ít nhất hai phần ba (2/3)"


def test_template_blanks(rules: list[Rule]) -> None:
    blanks = [r for r in rules if r.article == 19 and r.value.unspecified]
    kinds = {r.kind for r in blanks}
    assert kinds == {"frequency", "lead_time"}
    assert all(r.value.number is None for r in blanks)


def test_durations_in_points(rules: list[Rule]) -> None:
    durations = {r.body: r.value.label for r in find(rules, 19, "duration")}
    assert durations == {
        "Ban Chấp hành": "2 ngày",
        "Ban Thường vụ": "1 ngày",
        "Thường trực": "1 buổi",
    }
    assert all(r.point == "2.1" for r in find(rules, 19, "duration"))


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


def test_absolute_quorum_and_deadline(rules: list[Rule]) -> None:
    (quorum,) = find(rules, 11, "quorum")
    assert (
        quorum.value.number == 5 and quorum.value.unit == "người" and quorum.body == "Ban Thường vụ"
    )
    (deadline,) = find(rules, 11, "deadline")
    assert deadline.value.number == 15 and deadline.comparator == "<="


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


def test_blank_line_inside_a_sentence_does_not_end_it() -> None:
    text = "Cho ý kiến về trụ sở của các tổ chức\n\nđoàn thể từ 15 tỷ đồng.\n\nb) Xét khen thưởng."
    spans = [text[s.start : s.end] for s in sentences(text)]
    assert spans == [
        "Cho ý kiến về trụ sở của các tổ chức\n\nđoàn thể từ 15 tỷ đồng.",
        "b) Xét khen thưởng.",
    ]
    # after an end mark, or before a point label, a blank line still ends the sentence
    assert len(sentences("Họp mỗi tháng một lần;\n\nhọp bất thường khi cần.")) == 2
    assert len(sentences("gồm các việc sau\n\na) lập kế hoạch")) == 2


LAND_AND_DAYS = make_doc(
    [
        (
            3,
            "Nhiệm vụ, quyền hạn của Ban Thường vụ",
            [
                "1. Cho chủ trương các dự án có chuyển mục đích sử dụng đất trồng lúa (từ 05 ha "
                "trở lên), đất rừng phòng hộ (từ 15 ha trở lên).",
            ],
        ),
        (
            9,
            "Chế độ báo cáo",
            [
                "1. Các chi bộ báo cáo kết quả công tác về Văn phòng Đảng ủy chậm nhất ngày 25 "
                "hằng tháng; báo cáo năm gửi trước ngày 15/11 hằng năm.",
                "2. Chi ủy nộp đảng phí về Văn phòng Đảng ủy trước ngày ..... hằng tháng.",
                "3. Biên bản hội nghị ngày 20 tháng 6 năm 2024 được lưu tại Văn phòng.",
            ],
        ),
    ],
    doc_id="land",
)


def test_area_thresholds_with_their_land_type() -> None:
    rules = [r for r in extract_rules(LAND_AND_DAYS) if r.kind == "area_threshold"]
    assert [(r.value.number, r.comparator, r.condition, r.if_met_body) for r in rules] == [
        (50_000, ">=", "đất trồng lúa", "Ban Thường vụ"),
        (150_000, ">=", "đất rừng phòng hộ", "Ban Thường vụ"),
    ]
    assert {r.subject for r in rules} == {"land_use"}


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
