"""Reading a numeric question's frame (assistant/rules/frame.py) on made-up wording."""

from __future__ import annotations

import pytest

from assistant.rules.frame import read_question


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # the unit asked decides: times are a frequency, beside "tối thiểu" or not
        ("tổ công tác giao ban tối thiểu mấy lần mỗi quý", "frequency"),
        # days asked before an event are a lead time, the event named or not
        ("thu quy bao cao truoc ngay kiem ke it nhat bao nhieu ngay", "lead_time"),
        ("bien ban gui cho cac to vien truoc may ngay", "lead_time"),
        # hours asked within are a deadline
        ("su co phai bao cao len cap tren trong bao nhieu gio", "deadline"),
        # people asked beside "tối thiểu" stay a quorum
        ("hop to can toi thieu bao nhieu nguoi du", "quorum"),
        # a number word or its digit
        ("Tổ công tác giao ban bao lâu 1 lần?", "frequency"),
        ("to cong tac hop bao lau mot lan", "frequency"),
    ],
)
def test_the_unit_asked_decides_the_kind(question: str, kind: str) -> None:
    assert read_question(question).kind == kind


@pytest.mark.parametrize(
    "question",
    [
        "Thời gian tối đa của hội nghị Ban Chấp hành ở xã A và xã B khác nhau ra sao?",
        "thoi gian toi da cua hoi nghi ban chap hanh o xa Hoa Lac",
    ],
)
def test_a_limit_word_between_the_measure_and_what_it_measures(question: str) -> None:
    """ "tối đa của" bounds the meeting's time; it does not hide what is measured."""
    assert read_question(question).kind == "duration"
    # a limit with no preposition after it asks its own threshold, not a head count
    assert read_question("thế nếu tổ có 12 người thì phải có ít nhất mấy người?").kind != "count"


def test_a_count_asked_of_another_role_than_the_one_given() -> None:
    """Six present is given, the votes needed are asked: the vote rule, on the total; a
    verdict asked ("họp được không") keeps the role given."""
    asked = read_question("Tổ có 9 người, 6 người dự. Cần bao nhiêu phiếu tán thành để thông qua?")
    assert (asked.kind, asked.member_count, asked.given_count) == ("vote_threshold", 9, None)
    verdict = read_question("Tổ có 9 người, 6 người dự thì họp được không?")
    assert (verdict.kind, verdict.given_count) == ("quorum", 6)


def test_a_count_present_never_stands_for_the_total() -> None:
    """Only "7 người dự" is given and the votes needed are asked: the rule counts the
    members, which the story does not give (the document may)."""
    asked = read_question("Tổ họp có 7 người dự thì cần bao nhiêu phiếu tán thành?")
    assert (asked.kind, asked.member_count) == ("vote_threshold", None)


def test_a_meetings_date_asks_how_long_before_it() -> None:
    """The date given is the meeting's: "gửi chậm nhất ngày nào" asks the lead time; the
    date of an act starts a deadline."""
    before = read_question("Hội nghị tổ chức ngày 12/9 thì tờ trình gửi chậm nhất ngày nào?")
    assert before.kind == "lead_time"
    after = read_question("Biên bản ký ngày 12/9 thì phải lưu chậm nhất ngày nào?")
    assert after.kind != "lead_time"
    # the body and the place named between the meeting and its date
    named = read_question(
        "Họp Ban Thường vụ Đảng ủy Khối Hòa Lạc dự kiến 12/9, tờ trình gửi muộn nhất ngày nào?"
    )
    assert named.kind == "lead_time"
    # the weekday before the date is part of it
    weekday = read_question(
        "Hội nghị BCH xã Ngọc Lâm dự kiến tổ chức vào thứ Sáu 14/8/2026 thì tài liệu gửi "
        "chậm nhất ngày nào?"
    )
    assert weekday.kind == "lead_time"


@pytest.mark.parametrize("bound", ["chậm nhất", "muộn nhất", "trễ nhất", "hạn chót"])
def test_every_word_for_the_latest_day_asks_a_deadline(bound: str) -> None:
    """Data (function_words.yaml time_bounds), not one spelling."""
    asked = read_question(f"Quyết định ký ngày 4/5 thì tổ phải niêm yết {bound} ngày nào?")
    assert asked.kind == "deadline"


def test_a_bare_head_count_after_a_question_about_votes_asks_the_votes() -> None:
    """ "Thế 15 người thì cần mấy người?" after a vote question: the vote rule; with no
    conversation, attendance."""
    from assistant.models import Turn

    history = [
        Turn(role="user", content="Nghị quyết của tổ được thông qua khi nào?"),
        Turn(role="assistant", content="Khi có quá nửa số tổ viên tán thành."),
    ]
    asked = read_question("Tổ mình 15 người thì cần mấy người?", history)
    assert (asked.kind, asked.member_count) == ("vote_threshold", 15)
    assert read_question("Tổ mình 15 người thì cần mấy người?").kind == "quorum"


def test_party_members_count_the_body() -> None:
    """Every noun that counts people (quantity_roles.yaml) gives the size."""
    assert read_question("Tổ 11 đảng viên thì cần ít nhất mấy người dự?").member_count == 11


def test_a_count_asked_with_its_verb_is_no_bare_count() -> None:
    from assistant.models import Turn

    history = [Turn(role="user", content="Nghị quyết của tổ được thông qua khi nào?")]
    asked = read_question("Tổ 15 người thì tối thiểu mấy người dự?", history)
    assert asked.kind == "quorum"


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Tổ có 9 người, hôm nay còn 6 người thì họp được không?", "quorum"),
        ("Việc gấp mà không họp được thì làm sao?", None),
        ("Quyết định ký ngày 4/5 thì hạn gửi lên là ngày nào?", "deadline"),
        ("Quyền hạn của tổ trưởng là gì?", None),
    ],
)
def test_a_meeting_held_or_a_deadline_named_by_its_noun(question: str, kind: str | None) -> None:
    assert read_question(question).kind == kind


def test_the_size_given_before_carries_to_a_count_asked_after() -> None:
    from assistant.models import Turn

    history = [
        Turn(role="user", content="Ban Thường vụ có 11 người thì cần mấy người dự?"),
        Turn(role="assistant", content="..."),
    ]
    frame = read_question("thế biểu quyết thông qua cần mấy người?", history)
    assert frame.kind == "vote_threshold" and frame.member_count == 11
    # another body asked: its size is not the one given before
    other = read_question("còn Tỉnh ủy biểu quyết thông qua cần mấy người?", history)
    assert other.member_count is None


@pytest.mark.parametrize(
    ("question", "amount", "bound"),
    [
        (
            "Thường trực được quyết chủ trương đầu tư dưới 400 triệu theo khoản nào?",
            399_999_999,
            "<",
        ),
        ("dự án từ 7 tỷ trở lên thì ai quyết chủ trương đầu tư?", 7_000_000_000, ">="),
        ("dự án trên 7 tỷ thì ai quyết chủ trương đầu tư?", 7_000_000_001, ">"),
        # a sum on its own is decided as it is
        ("dự án 7 tỷ thì ai quyết chủ trương đầu tư?", 7_000_000_000, ""),
    ],
)
def test_an_amount_after_a_bound_names_a_bracket(question: str, amount: int, bound: str) -> None:
    frame = read_question(question)
    assert frame.kind == "money_threshold"
    assert (frame.amount, frame.amount_bound) == (amount, bound)


def test_a_question_that_names_no_body_keeps_the_conversations_body() -> None:
    """ "vậy phải mấy người dự mới hợp lệ?" after a question about one body asks its own
    kind of rule, of that body."""
    from assistant.models import Turn

    history = [
        Turn(role="user", content="Ban Thường vụ họp mấy lần một tháng?"),
        Turn(role="assistant", content="..."),
    ]
    frame = read_question("phải có ít nhất bao nhiêu ủy viên dự thì mới hợp lệ?", history)
    assert frame.kind == "quorum" and frame.bodies == ("Ban Thường vụ",)


@pytest.mark.parametrize(
    ("question", "hour"),
    [
        ("Sự cố lúc 9 giờ tối 2/3 thì báo cáo chậm nhất lúc nào?", 21),
        ("su co luc 15h ngay 2/3 thi bao cao cham nhat luc nao", 15),
        ("Sự cố ngày 2/3 thì báo cáo chậm nhất lúc nào?", None),
    ],
)
def test_the_hour_a_deadline_runs_from(question: str, hour: int | None) -> None:
    assert read_question(question).hour == hour


def test_spending_an_amount_asks_the_spending_rule_not_the_investment_tiers() -> None:
    """ "chi 15 triệu mua bàn ghế": spending from the budget; an amount of a project is
    an investment, whatever verb is used."""
    assert read_question("Văn phòng tổ chi 15 triệu mua bàn ghế thì ai duyệt?").subject == (
        "budget_spending"
    )
    assert read_question("Dự án 15 triệu thì ai duyệt chủ trương?").subject != "budget_spending"


def test_a_few_in_the_case_of_a_manner_question_asks_no_number() -> None:
    """ "mà mấy đồng chí chưa thống nhất thì xử lý ra sao": "mấy" in the case before the
    topic marker is "a few" when what is asked after it is no number."""
    from assistant.rules.intent import is_numeric_question

    assert not is_numeric_question("tổ bàn việc mà mấy đồng chí chưa thống nhất thì xử lý ra sao?")
    assert is_numeric_question("tổ có 9 người, mấy người dự thì hợp lệ?")
    assert is_numeric_question("tài liệu họp tổ gửi trước mấy ngày, còn họp chi hội thì sao?")
    assert is_numeric_question("tổ họp mấy lần một năm? Nếu vắng thì báo ai?")


def test_each_lead_time_asked_reads_its_own_subject() -> None:
    """Sent to the office to be checked, then by the office to those who attend: two
    lead times of one sentence, each ask its own."""
    frame = read_question(
        "Hội nghị chi ủy họp ngày 20/6. Tổ soạn thảo gửi dự thảo cho văn phòng chậm nhất ngày "
        "nào, và văn phòng phải gửi cho các ủy viên ngày nào?"
    )
    assert frame.kind == "lead_time"
    assert (frame.subject, frame.more_subjects) == ("document_submission", ("document_sending",))


def test_the_weekday_a_day_falls_on_asks_where_a_monthly_day_moves() -> None:
    frame = read_question("Tháng này ngày 20 rơi vào thứ Bảy thì tổ trưởng tiếp dân hôm nào?")
    assert frame.kind == "frequency"
    assert (frame.date is not None and frame.date.day, frame.day_only, frame.weekday) == (
        20,
        True,
        5,
    )


def test_a_span_asked_within_is_a_deadline_whatever_act_it_names() -> None:
    """ "thẩm định ... trong mấy ngày": within how long the act is done, not how long
    before a meeting (that is "trước mấy ngày")."""
    assert read_question("Ban Thẩm tra thẩm định hồ sơ trong mấy ngày làm việc?").kind == (
        "deadline"
    )
    assert read_question("Văn phòng thẩm định dự thảo trước kỳ họp mấy ngày?").kind == ("lead_time")
