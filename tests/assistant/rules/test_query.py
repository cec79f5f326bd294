from __future__ import annotations

import datetime as dt

import pytest

from assistant.models import Turn
from assistant.rules.frame import is_numeric_question, read_question
from assistant.rules.models import Rule, RuleMatch
from assistant.rules.query import answer_numeric, to_numeric_result
from ingest.rules.extract import extract_rules
from tests.ingest.rules.fixtures import make_doc
from tests.ingest.rules.test_extract import MEETINGS

TEMPLATE = make_doc(
    [
        (
            14,
            "Chế độ hội nghị của Đảng ủy, Ban Thường vụ Đảng ủy",
            [
                "1. Đảng ủy họp ba tháng một lần. Ban Thường vụ Đảng ủy họp ít nhất ...lần/tháng. Hội nghị Đảng "
                "ủy, Ban Thường vụ Đảng ủy phải có ít nhất 2/3 tổng số thành viên tham dự.",
                "2. Văn phòng Đảng ủy gửi tài liệu hội nghị đến các thành viên trước kỳ họp... ngày đối với hội "
                "nghị Đảng ủy.",
            ],
        )
    ],
    doc_id="template",
)


@pytest.fixture(scope="module")
def rules() -> list[Rule]:
    return extract_rules(MEETINGS) + extract_rules(TEMPLATE)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Hội nghị Tỉnh ủy cần ít nhất bao nhiêu người?", "quorum"),
        # a condition before "thì" does not say what is asked after it
        ("Cán bộ không tán thành kết luận thì khiếu nại trong bao lâu?", "deadline"),
        ("hoi nghi btv can toi thieu bao nhieu nguoi", "quorum"),
        ("Tỉnh ủy họp thường lệ bao lâu một lần?", "frequency"),
        ("BTV hop may lan mot thang", "frequency"),
        ("Cần bao nhiêu ủy viên đề nghị để triệu tập hội nghị đột xuất?", "request_trigger"),
        ("Gửi tài liệu trước kỳ họp mấy ngày?", "lead_time"),
        ("gui tai lieu truoc ky hop may ngay", "lead_time"),
        ("Dự án 3 tỷ thì ai quyết định?", "money_threshold"),
        ("du an 3 ty thi ai quyet dinh", "money_threshold"),
        ("Nghị quyết cần bao nhiêu thành viên tán thành?", "vote_threshold"),
        ("Hội nghị BTV kéo dài bao lâu?", "duration"),
        ("Dự án bao nhiêu tiền thì phải đưa ra Ban Chấp hành?", "money_threshold"),
        ("chuyen 5 ha dat lua thi ai cho chu truong", "area_threshold"),
        ("Chi bộ báo cáo tháng trước ngày nào?", "deadline"),
        ("Ban Thường vụ gồm mấy người?", "count"),
        ("Số lần họp của Thường trực là bao nhiêu?", "frequency"),
        ("Thường trực được quyết định chi dưới bao nhiêu tiền?", "money_threshold"),
    ],
)
def test_intent(question: str, kind: str) -> None:
    assert read_question(question).kind == kind
    assert is_numeric_question(question)


@pytest.mark.parametrize(
    ("question", "bodies"),
    [
        ("BTV họp mấy lần?", ("Ban Thường vụ",)),
        ("BCH họp mấy lần?", ("Ban Chấp hành",)),
        ("TTTU họp mấy lần?", ("Thường trực",)),
        ("BCS họp mấy lần?", ("Ban cán sự đảng",)),
        ("Tỉnh ủy họp mấy lần?", ("Ban Chấp hành",)),
        ("ban thuong vu hop may lan", ("Ban Thường vụ",)),
    ],
)
def test_bodies(question: str, bodies: tuple[str, ...]) -> None:
    assert read_question(question).bodies == bodies


def test_counting_items_is_not_a_membership_count() -> None:
    # "gồm mấy nội dung / mấy bước" counts items of a list, not the members of a body
    assert read_question("Công tác đối ngoại gồm mấy nội dung?").kind is None
    assert read_question("Quy trình kết nạp gồm mấy bước?").kind is None


def test_chi_bo_is_no_spending() -> None:
    assert read_question("ai quyet dinh ky luat dang vien o chi bo").kind is None
    assert read_question("Ai quyết định khoản chi 300 triệu?").kind == "money_threshold"


def test_not_numeric() -> None:
    assert answer_numeric("Quy chế có hiệu lực từ khi nào?", []) is None
    assert not is_numeric_question("Nhiệm vụ của Bí thư là gì?")


def test_quorum_computed(rules: list[Rule]) -> None:
    answer = answer_numeric(
        "Hội nghị Tỉnh ủy có 48 ủy viên thì cần ít nhất bao nhiêu người dự?", rules
    )
    assert answer is not None and answer.is_numeric
    by_doc = {d.document_id: d for d in answer.documents}
    (match,) = by_doc["fixture"].matches
    assert match.calculation is not None and match.calculation.value == 32
    assert "2/3 × 48 = 32" in match.calculation.computation
    assert to_numeric_result(match).result == "32 người"


def test_more_than_half_no_diacritics(rules: list[Rule]) -> None:
    answer = answer_numeric("can bao nhieu uy vien de nghi de hop dot xuat, bch co 31 nguoi", rules)
    assert answer is not None
    (doc,) = [d for d in answer.documents if d.document_id == "fixture"]
    assert doc.matches[0].calculation is not None and doc.matches[0].calculation.value == 16


def test_blank_is_unspecified(rules: list[Rule]) -> None:
    answer = answer_numeric("Ban Thường vụ họp mấy lần một tháng?", rules, scope=["template"])
    assert answer is not None
    (doc,) = answer.documents
    (match,) = doc.matches
    assert match.unspecified and match.calculation is None
    assert to_numeric_result(match).unspecified


def test_no_rule_gives_nearest(rules: list[Rule]) -> None:
    answer = answer_numeric("Thường trực họp định kỳ mấy lần?", rules, scope=["template"])
    assert answer is not None
    (doc,) = answer.documents
    assert doc.no_rule and not doc.matches
    assert doc.nearest is not None and doc.nearest.kind == "frequency"


def test_scope_none_only_documents_with_rules(rules: list[Rule]) -> None:
    answer = answer_numeric("Dự án 3 tỷ thì ai quyết định?", rules)
    assert answer is not None
    assert [d.document_id for d in answer.documents] == ["fixture"]


@pytest.mark.parametrize(
    ("question", "decider"),
    [
        ("Chi 3 tỷ thì ai quyết định?", "Ban Thường vụ"),
        ("chi 2,999 ty thi ai quyet dinh", "Thường trực"),
        ("Chi 3,5 tỷ thì ai quyết định?", "Ban Thường vụ"),
        ("Dự án đầu tư 6 tỷ do ai quyết định chủ trương?", "Ban Chấp hành"),
        ("Dự án đầu tư 300 triệu do ai quyết định?", "Thường trực"),
        ("Dự án đầu tư 3 tỷ do ai quyết định?", "Ban Thường vụ"),
    ],
)
def test_money_decider(rules: list[Rule], question: str, decider: str) -> None:
    answer = answer_numeric(question, rules, scope=["fixture"])
    assert answer is not None
    (doc,) = answer.documents
    assert doc.matches[0].calculation is not None
    assert doc.matches[0].calculation.result == decider


def test_ambiguous_amount_notes_other_reading(rules: list[Rule]) -> None:
    answer = answer_numeric("Chi 2.999 tỷ thì ai quyết định?", rules, scope=["fixture"])
    assert answer is not None
    assert answer.frame.amount_alternative == 2_999_000_000
    notes = [n for m in answer.documents[0].matches for n in m.notes]
    assert any("2.999.000.000 đồng" in n for n in notes)


def test_lead_time_date(rules: list[Rule]) -> None:
    answer = answer_numeric(
        "Họp Ban cán sự đảng ngày 20/3/2025 thì gửi tài liệu chậm nhất ngày nào?",
        rules,
        scope=["fixture"],
    )
    assert answer is not None
    (doc,) = answer.documents
    (match,) = doc.matches
    assert match.calculation is not None and match.calculation.date == dt.date(2025, 3, 19)


def test_follow_up_uses_history(rules: list[Rule]) -> None:
    history = [
        Turn(role="user", content="Tỉnh ủy họp thường lệ bao lâu một lần?"),
        Turn(role="assistant", content="…"),
    ]
    answer = answer_numeric("Còn Ban Thường vụ thì sao?", rules, history=history, scope=["fixture"])
    assert answer is not None
    assert answer.frame.kind == "frequency" and answer.frame.bodies == ("Ban Thường vụ",)
    (doc,) = answer.documents
    assert doc.matches[0].rule.body == "Ban Thường vụ"


def test_year_rate(rules: list[Rule]) -> None:
    answer = answer_numeric("Một năm Tỉnh ủy họp mấy lần?", rules, scope=["fixture"])
    assert answer is not None
    match = answer.documents[0].matches[0]
    assert match.calculation is not None and match.calculation.value == 4


# A commune-level committee with a stated size, money tiers laid out in one article and
# mentioned in passing elsewhere, and rules about reports and complaints.
COMMUNE = make_doc(
    [
        (
            2,
            "Nhiệm vụ, quyền hạn của Ban Chấp hành",
            [
                "1. Ban Chấp hành Đảng bộ xã gồm 15 đồng chí.",
                "2. Quyết định chủ trương đầu tư các công trình có tổng mức đầu tư từ 03 tỷ đồng "
                "trở lên theo quy định tại Điều 6 Quy chế này.",
            ],
        ),
        (
            4,
            "Chế độ hội nghị",
            [
                "1. Ban Chấp hành họp thường lệ mỗi tháng một lần.",
                "2. Hội nghị Ban Chấp hành hợp lệ khi có ít nhất hai phần ba tổng số ủy viên Ban "
                "Chấp hành tham dự. Nghị quyết được thông qua khi có quá nửa tổng số ủy viên Ban "
                "Chấp hành tán thành.",
                "3. Hội nghị Ban Thường vụ kéo dài không quá một buổi.",
            ],
        ),
        (
            6,
            "Thẩm quyền quyết định chủ trương đầu tư",
            [
                "1. Công trình có tổng mức đầu tư từ 03 tỷ đồng trở lên do Ban Chấp hành quyết "
                "định chủ trương.",
                "2. Công trình có tổng mức đầu tư dưới 03 tỷ đồng do Ban Thường vụ quyết định; "
                "riêng công trình dưới 300 triệu đồng thì ủy quyền cho Thường trực quyết định.",
            ],
        ),
        (
            8,
            "Chế độ báo cáo và kỷ luật",
            [
                "1. Ban Thường vụ báo cáo Ban Thường vụ Huyện ủy định kỳ sáu tháng một lần; vụ "
                "việc phức tạp phải báo cáo ngay trong vòng 24 giờ.",
                "2. Đảng viên có quyền khiếu nại quyết định kỷ luật trong thời hạn một tháng kể "
                "từ ngày nhận được quyết định.",
            ],
        ),
    ],
    doc_id="commune",
)


@pytest.fixture(scope="module")
def commune() -> list[Rule]:
    return extract_rules(COMMUNE)


def _first(rules: list[Rule], question: str) -> tuple[Rule, str]:
    result = answer_numeric(question, rules, scope=["commune"])
    assert result is not None and result.documents and result.documents[0].matches
    match = result.documents[0].matches[0]
    return match.rule, match.calculation.result if match.calculation else ""


@pytest.mark.parametrize(
    ("question", "decider"),
    [
        ("Công trình đúng 3 tỷ đồng thì ai quyết định chủ trương?", "Ban Chấp hành"),
        ("cong trinh 2,999 ty dong cua dang uy xa thi ai quyet dinh", "Ban Thường vụ"),
        ("Công trình 300 triệu đồng do ai quyết định?", "Ban Thường vụ"),
        ("Công trình 250 triệu đồng do ai quyết định?", "Thường trực"),
    ],
)
def test_money_tiers_from_the_article_that_lays_them_out(
    commune: list[Rule], question: str, decider: str
) -> None:
    # "Đảng ủy xã" names the committee, not a filter; the tier list of Điều 6 decides
    # (Điều 2 only mentions one tier and points to Điều 6).
    rule, result = _first(commune, question)
    assert result == decider
    assert rule.article == 6


def test_share_computed_on_the_stated_size(commune: list[Rule]) -> None:
    result = answer_numeric("Hội nghị Ban Chấp hành cần ít nhất bao nhiêu người dự?", commune)
    assert result is not None
    match = result.documents[0].matches[0]
    assert match.calculation is not None and match.calculation.value == 10  # ⌈2/3 × 15⌉
    assert match.size_rule is not None and match.size_rule.article == 2


def test_named_subject_is_not_answered_with_a_meeting_rule(commune: list[Rule]) -> None:
    rule, _ = _first(commune, "Ban Thường vụ báo cáo Huyện ủy định kỳ mấy tháng một lần?")
    assert (rule.subject, rule.value.period) == ("reporting", 6)


def test_span_after_ngay_meaning_at_once(commune: list[Rule]) -> None:
    # "báo cáo ngay trong vòng 24 giờ": "ngay" is "at once", not a date's "ngày"
    rule, _ = _first(commune, "Vụ việc phức tạp phải báo cáo trong bao lâu?")
    assert (rule.value.number, rule.value.unit) == (24, "giờ")


def test_quyet_dinh_ky_luat_is_not_periodic() -> None:
    frame = read_question("Đảng viên khiếu nại quyết định kỷ luật trong thời hạn bao lâu?")
    assert (frame.kind, frame.subject) == ("deadline", "complaint")


def test_de_nghi_ket_nap_is_not_a_request_to_meet() -> None:
    frame = read_question("Nghị quyết đề nghị kết nạp cần bao nhiêu người tán thành?")
    assert frame.kind == "vote_threshold"


def test_seat_name_beside_another_body_names_the_committee() -> None:
    assert read_question("Thường trực Đảng ủy xã họp mấy lần?").bodies == ("Thường trực",)
    assert read_question("Hội nghị Tỉnh ủy và Ban Thường vụ họp mấy lần?").bodies == (
        "Ban Chấp hành",
        "Ban Thường vụ",
    )


def test_a_seat_after_quy_che_names_the_document_not_a_body() -> None:
    # "quy chế Tỉnh ủy A", "quy chế Đảng ủy xã B" say which regulations, not whose rules
    frame = read_question(
        "So sánh ngưỡng tiền phân cấp giữa quy chế Tỉnh ủy A và quy chế Đảng ủy xã B"
    )
    assert (frame.kind, frame.bodies) == ("money_threshold", ())
    assert read_question("Tỉnh ủy A họp mấy lần một năm?").bodies == ("Ban Chấp hành",)


@pytest.mark.parametrize(
    "question",
    ["Ngưỡng tiền phân cấp là bao nhiêu?", "han muc phan cap theo quy che dang uy xa"],
)
def test_a_money_scale_asked_without_a_topic_lists_every_scale(
    commune: list[Rule], question: str
) -> None:
    assert read_question(question).kind == "money_threshold"
    rules = [m.rule for m in _document_matches(commune, question, "commune")]
    assert {r.body for r in rules} == {"Ban Chấp hành", "Ban Thường vụ", "Thường trực"}


def test_keo_dai_is_a_duration(commune: list[Rule]) -> None:
    rule, _ = _first(commune, "Họp Ban Thường vụ được kéo dài bao lâu?")
    assert (rule.kind, rule.value.unit) == ("duration", "buổi")


# A meeting rule with a case of its own, and a threshold whose sentence the source breaks
# with a blank line (a page break).
CASES = make_doc(
    [
        (
            5,
            "Chế độ làm việc",
            [
                "1. Ban cán sự đảng họp định kỳ một tháng một lần (đối với công tác thi đua "
                "khen thưởng thì họp vào thứ 5 hằng tuần) để thảo luận các công việc.",
            ],
        ),
        (
            7,
            "Nhiệm vụ, quyền hạn của Thường trực",
            [
                "1. Cho ý kiến về chủ trương đầu tư xây dựng trụ sở làm việc của các cơ quan "
                "đảng và các tổ chức\n\nđoàn thể cấp tỉnh có tổng mức đầu tư từ 20 tỷ đồng trở lên.",
            ],
        ),
    ],
    doc_id="cases",
)


@pytest.fixture(scope="module")
def cases() -> list[Rule]:
    return extract_rules(CASES)


def _document_matches(rules: list[Rule], question: str, doc_id: str) -> list[RuleMatch]:
    result = answer_numeric(question, rules, scope=[doc_id])
    assert result is not None and result.documents
    return list(result.documents[0].matches)


def _matches(rules: list[Rule], question: str) -> list[Rule]:
    return [m.rule for m in _document_matches(rules, question, "cases")]


def test_the_case_asked_about_comes_first(cases: list[Rule]) -> None:
    asked = _matches(cases, "Ban cán sự đảng họp về công tác thi đua khen thưởng vào lúc nào?")
    assert "thi đua" in asked[0].condition and asked[0].value.period_unit == "tuần"
    assert len(asked) == 2  # the general rule still follows, with no condition
    general = _matches(cases, "Ban cán sự đảng họp mấy lần một tháng?")
    assert general[0].condition == "" and general[0].value.period_unit == "tháng"


def test_threshold_asked_without_an_amount(cases: list[Rule]) -> None:
    question = "Xây trụ sở, tổng mức đầu tư từ bao nhiêu thì Thường trực cho ý kiến chủ trương?"
    assert read_question(question).kind == "money_threshold"
    rule = _matches(cases, question)[0]
    assert rule.value.number == 20_000_000_000
    # the sentence runs on across the blank line: the quote says what the threshold is for
    assert rule.sentence.startswith("Cho ý kiến") and rule.sentence.endswith("trở lên.")


# Thresholds per land type, and two deadlines in one clause.
LAND = make_doc(
    [
        (
            2,
            "Nhiệm vụ, quyền hạn của Ban Thường vụ",
            [
                "4. Cho chủ trương các dự án có chuyển mục đích sử dụng đất trồng lúa (từ 05 ha "
                "trở lên), đất rừng phòng hộ (từ 15 ha trở lên), đất rừng sản xuất (từ 30 ha trở lên).",
            ],
        ),
        (
            12,
            "Kỷ luật đảng viên",
            [
                "2. Quyết định kỷ luật được công bố trong thời hạn bảy ngày kể từ ngày ký. Đảng viên "
                "có quyền khiếu nại lên cấp trên trong thời hạn hai tháng kể từ ngày nhận quyết định.",
            ],
        ),
        (
            14,
            "Chế độ báo cáo",
            ["1. Các chi bộ báo cáo về Văn phòng Đảng ủy trước ngày 18 hằng tháng."],
        ),
    ],
    doc_id="land",
)


@pytest.fixture(scope="module")
def land() -> list[Rule]:
    return extract_rules(LAND)


def _land_matches(rules: list[Rule], question: str) -> list[tuple[Rule, str]]:
    return [
        (m.rule, m.calculation.computation if m.calculation else "")
        for m in _document_matches(rules, question, "land")
    ]


def test_area_threshold_asked_for_one_land_type(land: list[Rule]) -> None:
    asked = _land_matches(land, "chuyen dat rung phong ho tu bao nhieu ha thi can chu truong BTV?")
    assert asked[0][0].condition == "đất rừng phòng hộ" and asked[0][0].value.label == "15 ha"
    assert len(asked) == 3  # the other land types follow, each with its own condition


def test_area_given_is_decided_by_its_land_type(land: list[Rule]) -> None:
    assert is_numeric_question("Dự án chuyển 12 ha đất rừng sản xuất thì ai cho chủ trương?")
    below = _land_matches(land, "Dự án chuyển 12 ha đất rừng sản xuất thì ai cho chủ trương?")
    assert (
        len(below) == 1
        and below[0][1] == "12 ha < 30 ha → quy chế không nêu cơ quan cho trường hợp này"
    )
    above = _land_matches(land, "Dự án chuyển 6 ha đất trồng lúa thì ai cho chủ trương?")
    assert above[0][1] == "6 ha ≥ 5 ha → Ban Thường vụ"


def test_two_deadlines_asked_in_one_question(land: list[Rule]) -> None:
    question = "Quyết định kỷ luật công bố trong bao lâu và đảng viên khiếu nại trong bao lâu?"
    frame = read_question(question)
    assert (frame.kind, frame.subject, frame.more_subjects) == (
        "deadline",
        "announcement",
        ("complaint",),
    )
    asked = _land_matches(land, question)
    assert [r.value.text for r, _ in asked] == [
        "trong thời hạn bảy ngày",
        "trong thời hạn hai tháng",
    ]


def test_deadline_on_a_day_of_the_month(land: list[Rule]) -> None:
    asked = _land_matches(land, "Chi bộ báo cáo hằng tháng trước ngày nào?")
    assert asked[0][0].value.label == "ngày 18 hằng tháng"


TWO_SIDED = make_doc(
    [
        (
            2,
            "Nhiệm vụ, quyền hạn của Ban Thường vụ",
            [
                "4. Cho chủ trương sử dụng các khoản chi phát sinh ngoài dự toán có giá trị từ 02 "
                "tỷ đồng trở lên; dưới 02 tỷ đồng thì ủy quyền Thường trực xem xét, quyết định.",
            ],
        ),
        (
            3,
            "Nhiệm vụ, quyền hạn của Thường trực",
            [
                "5. Cho ý kiến về chủ trương đầu tư xây dựng trụ sở làm việc có tổng mức đầu tư "
                "từ 10 tỷ đồng trở lên.",
            ],
        ),
    ],
    doc_id="two-sided",
)


def test_the_body_on_the_other_side_of_a_threshold_is_its_body() -> None:
    rules = extract_rules(TWO_SIDED)
    matches = _document_matches(
        rules, "Thường trực được quyết định chi dưới bao nhiêu tiền?", "two-sided"
    )
    first = matches[0].rule
    assert (first.subject, first.value.number, first.otherwise_body) == (
        "budget_spending",
        2_000_000_000,
        "Thường trực",
    )


def test_the_body_whose_size_is_given_is_the_rules_body() -> None:
    frame = read_question(
        "Huyện ủy có 40 ủy viên, 15 người đề nghị họp bất thường thì Ban Thường vụ có phải "
        "triệu tập không?"
    )
    assert frame.kind == "request_trigger"
    assert frame.bodies[0] == "Ban Chấp hành" and "Ban Thường vụ" in frame.bodies
    assert (frame.member_count, frame.given_count) == (40, 15)


def test_a_count_keeps_the_subject_the_question_names_for_its_kind() -> None:
    frame = read_question("Tổ 9 người, xin ý kiến bằng văn bản thì 5 người nhất trí có được?")
    assert (frame.kind, frame.subject, frame.given_count) == (
        "vote_threshold",
        "written_consultation",
        5,
    )
    # with no subject named, the count's own rule
    plain = read_question("Tổ 9 người, 5 người nhất trí có được?")
    assert (plain.kind, plain.subject) == ("vote_threshold", "resolution")


def test_the_longest_a_meeting_may_last_is_its_duration() -> None:
    for question in ("Hội nghị tổ họp tối đa bao lâu?", "hop to keo dai khong qua bao lau"):
        assert read_question(question).kind == "duration"


SENDING = make_doc(
    [
        (
            3,
            "Chế độ họp",
            [
                "1. Văn phòng gửi tài liệu, giấy mời họp tổ đến các tổ viên trước ít nhất 02 ngày.",
                "2. Tài liệu phải gửi kèm phiếu góp ý. Đối với các đề án lớn, nhạy cảm thì gửi "
                "trước ít nhất 06 ngày.",
            ],
        )
    ],
    doc_id="sending",
)


def test_the_rule_of_the_case_named_answers_before_a_closer_sentence() -> None:
    """The question names the case one rule is limited to ("đề án lớn, nhạy cảm"): that
    rule answers, though another clause shares more of the question's other words."""
    rules = extract_rules(SENDING)
    question = "Đề án lớn, nhạy cảm thì văn phòng gửi tài liệu, giấy mời họp tổ trước mấy ngày?"
    result = answer_numeric(question, rules)
    assert result is not None and result.documents
    assert result.documents[0].matches[0].rule.value.number == 6


CLUB = make_doc(
    [
        (
            5,
            "Kết nạp hội viên",
            [
                "2. Ban Thường vụ xem xét hồ sơ trong thời hạn 05 ngày làm việc kể từ ngày "
                "nhận đủ hồ sơ.",
                "3. Chi bộ tổ chức lễ kết nạp trong thời hạn 20 ngày kể từ ngày có quyết định.",
            ],
        ),
        (
            6,
            "Báo cáo",
            ["1. Ban Thường vụ báo cáo sự cố trong vòng 12 giờ."],
        ),
    ],
    doc_id="club",
)


def test_two_asks_of_one_kind_are_each_answered_by_their_own_rule() -> None:
    """ "BTV xét trong bao lâu, lễ kết nạp làm trong bao lâu": both deadlines, each by the
    words of its ask (the body the first names does not filter out the second's rule)."""
    rules = extract_rules(CLUB)
    question = "BTV xét hồ sơ trong bao lâu, xong rồi lễ kết nạp làm trong bao lâu?"
    values = {m.rule.value.number for m in _document_matches(rules, question, "club")}
    assert {5, 20} <= values


def test_an_ask_that_names_no_subject_is_not_bound_by_anothers() -> None:
    """ "Văn phòng thẩm định trong mấy ngày, còn BTV xét trong bao lâu": the first ask
    names the appraisal; the second, which names none, is the board's own deadline."""
    doc = make_doc(
        [
            (
                7,
                "Khen thưởng",
                [
                    "2. Văn phòng thẩm định hồ sơ trong thời hạn 04 ngày làm việc.",
                    "3. Ban Thường vụ xem xét, quyết định trong thời hạn 12 ngày làm việc kể từ "
                    "ngày nhận đủ hồ sơ.",
                ],
            )
        ],
        doc_id="awards",
    )
    question = "Văn phòng thẩm định hồ sơ trong mấy ngày, còn BTV xét trong bao lâu?"
    values = {
        m.rule.value.number for m in _document_matches(extract_rules(doc), question, "awards")
    }
    assert {4, 12} <= values


FIXED = make_doc(
    [
        (
            4,
            "Chế độ họp của Ban Thường vụ",
            [
                "2. Hội nghị Ban Thường vụ chỉ được tiến hành khi có ít nhất bốn ủy viên "
                "Ban Thường vụ tham dự.",
            ],
        ),
    ],
    doc_id="fixed",
)


def test_a_head_count_stated_as_a_number_decides_the_count_given() -> None:
    """ "ít nhất bốn ủy viên": the same whatever the size; 3 present is not enough, 4 is."""
    rules = extract_rules(FIXED)
    short = _document_matches(
        rules, "BTV có 9 người, hôm nay 3 người dự thì họp được không?", "fixed"
    )
    assert short and short[0].calculation is not None
    assert (
        short[0].calculation.met is False and "cần ít nhất 4 người" in short[0].calculation.result
    )
    enough = _document_matches(
        rules, "BTV có 9 người, hôm nay 4 người dự thì họp được không?", "fixed"
    )
    assert enough[0].calculation is not None and enough[0].calculation.met is True


# An amount decided by its tier, unless a number of households escalates it.
REACH = make_doc(
    [
        (
            9,
            "Thẩm quyền quyết định chủ trương đầu tư",
            [
                "1. Dự án từ 03 tỷ đồng trở lên do Ban Chấp hành quyết định chủ trương.",
                "2. Dự án dưới 03 tỷ đồng do Ban Thường vụ quyết định chủ trương.",
                "3. Dự án phải giải tỏa từ 30 hộ gia đình trở lên thì phải trình Ban Chấp hành cho "
                "chủ trương, không phụ thuộc vào tổng mức đầu tư.",
            ],
        )
    ],
    doc_id="reach",
)


def test_households_that_meet_their_threshold_decide_before_the_amount() -> None:
    rules = extract_rules(REACH)
    question = "Dự án 1 tỷ mà phải giải tỏa 40 hộ thì Ban Thường vụ quyết được không?"
    matches = _document_matches(rules, question, "reach")
    first = matches[0].calculation
    assert first is not None and first.result == "Ban Chấp hành"
    assert first.computation == "40 hộ ≥ 30 hộ → Ban Chấp hành"
    # below the households' threshold the amount's tier decides alone
    fewer = _document_matches(rules, question.replace("40 hộ", "12 hộ"), "reach")
    assert fewer[0].calculation is not None and fewer[0].calculation.result == "Ban Thường vụ"
    # households alone ask the households' threshold
    assert read_question("phải giải tỏa 40 hộ thì ai cho chủ trương?").kind == "count_threshold"


CALLED = make_doc(
    [
        (
            9,
            "Hội nghị Hội đồng",
            [
                "2. Khi có ít nhất một phần ba tổng số ủy viên Ban Chấp hành đề nghị bằng văn "
                "bản, Ban Thường vụ triệu tập hội nghị bất thường trong thời hạn 7 ngày.",
            ],
        ),
        (
            10,
            "Họp Ban Thường vụ",
            [
                "1. Ban Thường vụ họp bất thường khi có ít nhất một phần hai tổng số ủy viên "
                "Ban Thường vụ đề nghị; hội nghị Ban Thường vụ phải có ít nhất 2/3 tổng số ủy "
                "viên tham dự.",
            ],
        ),
    ],
    doc_id="called",
)


def test_the_role_of_the_count_asked_and_the_body_sized_pick_the_rule() -> None:
    """ "Ban Chấp hành 30 ủy viên, cần ít nhất bao nhiêu người ký đề nghị thì Ban Thường vụ
    phải triệu tập họp bất thường?": the count asked is of those requesting (not of those
    attending, whatever "cần bao nhiêu người" says alone), a share of the 30 members of the
    body sized, not of the body that convenes."""
    question = (
        "Ban Chấp hành 30 ủy viên, cần ít nhất bao nhiêu người ký đề nghị thì Ban Thường vụ "
        "phải triệu tập họp bất thường?"
    )
    frame = read_question(question)
    assert (frame.kind, frame.members_of, frame.member_count) == (
        "request_trigger",
        "Ban Chấp hành",
        30,
    )
    matches = _document_matches(extract_rules(CALLED), question, "called")
    assert matches and matches[0].rule.article == 9
    assert matches[0].calculation is not None and matches[0].calculation.value == 10
    # with a second ask after it, the convening body's own rule is still not counted on
    # the 30 members of the other
    two = f"{question} Nếu Ban Thường vụ nhận đề nghị ngày 2/5 thì hạn chót triệu tập là ngày nào?"
    counted = [
        m
        for m in _document_matches(extract_rules(CALLED), two, "called")
        if m.rule.kind == "request_trigger"
    ]
    assert counted and all(m.rule.body == "Ban Chấp hành" for m in counted)


WRITTEN = make_doc(
    [
        (
            12,
            "Chế độ văn bản",
            [
                "3. Khi việc không phức tạp hoặc không tổ chức họp Ban Thường vụ được thì Thường "
                "trực Huyện ủy chỉ đạo Văn phòng gửi xin ý kiến Huyện ủy, Ban Thường vụ Huyện ủy "
                "bằng văn bản, khi có trên 1/2 thành viên Huyện ủy, Ban Thường vụ Huyện ủy đương "
                "nhiệm tán thành thì coi như nghị quyết.",
            ],
        )
    ],
    doc_id="written",
)


def test_a_rule_answers_for_every_body_its_sentence_names() -> None:
    """One rule is extracted for a sentence that names two bodies; asked of the other, it
    still answers (not "no rule" with itself as the nearest)."""
    rules = extract_rules(WRITTEN)
    for body in ("Ban Chấp hành", "Ban Thường vụ"):
        question = f"Xin ý kiến {body} bằng văn bản thì cần mấy người đồng ý?"
        matches = _document_matches(rules, question, "written")
        assert matches and matches[0].rule.article == 12, body


STANDING_ONLY = make_doc(
    [
        (
            9,
            "Chế độ họp",
            [
                "1. Các phiên họp của Ban Thường vụ Đảng ủy Khối phải có ít nhất 2/3 tổng số "
                "ủy viên Ban Thường vụ tham dự.",
            ],
        )
    ],
    doc_id="standing-only",
)


def test_an_ask_of_one_body_is_never_counted_by_another_bodys_share() -> None:
    """Two asks of a committee whose document gives only its standing board's quorum:
    neither ask is decided on the board's share (no rule, so the document lacks one)."""
    rules = extract_rules(STANDING_ONLY)
    question = (
        "Ban Chấp hành có 41 ủy viên, phiên họp có 25 người dự thì có hợp lệ không, quy "
        "chế đặt tỷ lệ bao nhiêu"
    )
    assert not _document_matches(rules, question, "standing-only")
    # asked of the board itself, the same two asks are decided on its share
    board = question.replace("Ban Chấp hành", "Ban Thường vụ")
    (match,) = _document_matches(rules, board, "standing-only")
    assert match.calculation is not None and match.calculation.value == 28


def test_the_size_of_each_body_a_question_names_is_given() -> None:
    """ "BCH và BTV mỗi bên mấy người?": one size per body named, not the closer one."""
    doc = make_doc(
        [
            (
                3,
                "Ban Chấp hành",
                [
                    "Ban Chấp hành Đảng bộ xã khóa IV gồm 19 đồng chí, là cơ quan lãnh đạo giữa "
                    "hai kỳ đại hội."
                ],
            ),
            (
                4,
                "Ban Thường vụ",
                [
                    "Ban Thường vụ Đảng ủy gồm 05 đồng chí, thay mặt Đảng ủy lãnh đạo mọi mặt giữa hai kỳ "
                    "hội nghị."
                ],
            ),
        ],
        doc_id="xa-moc",
    )
    found = answer_numeric("BCH va BTV moi ben bao nhieu nguoi?", extract_rules(doc))
    assert found is not None
    values = {m.rule.body: m.rule.value.text for d in found.documents for m in d.matches}
    assert values == {"Ban Chấp hành": "19 đồng chí", "Ban Thường vụ": "05 đồng chí"}
