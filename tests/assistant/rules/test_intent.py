"""The kind of numeric rule a question asks (assistant/rules/intent.py)."""

from __future__ import annotations

import pytest

from assistant.rules.intent import intent_text, read_intent
from ingest.normalize import fold


@pytest.mark.parametrize(
    "question",
    [
        "Số lần họp tối thiểu mỗi quý của chi ủy thôn Đông là bao nhiêu?",
        "so lan hoi nghi toi thieu trong nam cua dang uy khac nhau the nao",
    ],
)
def test_the_number_of_a_unit_named_as_a_noun_is_asked_in_that_unit(question: str) -> None:
    # "tối thiểu" beside it bounds how often, not how many must attend
    assert read_intent(fold(question))[0] == "frequency"


def test_an_ask_word_that_begins_a_listed_word_asks_nothing() -> None:
    # folded, "đầu tư" begins with the "đâu" of "ở đâu": the amount is still what is asked
    from assistant.rules.intent import is_numeric_question

    assert is_numeric_question("Công trình bao nhiêu tiền thì phải trình Đảng ủy xã đầu tư?")
    assert is_numeric_question("cong trinh bao nhieu tien thi trinh dang uy xa dau tu")
    # ... while a case before an ask of a place is no number asked
    assert not is_numeric_question("Khi mấy tổ viên vắng thì báo cáo ở đâu?")


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # "yêu cầu" that requires an act is no request for a session
        ("Tài liệu họp chi ủy quy chế yêu cầu gửi trước ít nhất bao lâu?", "lead_time"),
        ("Cần mấy ủy viên yêu cầu thì phải triệu tập họp?", "request_trigger"),
        ("de nghi trieu tap hoi nghi can bao nhieu nguoi", "request_trigger"),
    ],
)
def test_a_request_is_for_a_session_only_when_a_meeting_follows_it(
    question: str, kind: str
) -> None:
    assert read_intent(fold(question))[0] == kind


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # a head count asked of nothing done is the size of the body
        ("Tổ kiểm kê có bao nhiêu người vậy?", "count"),
        ("to kiem ke voi to bao ve moi ben bao nhieu nguoi", "count"),
        # with a need, a meeting, a role or a verdict it is a threshold
        ("Tổ kiểm kê cần bao nhiêu người?", "quorum"),
        ("tổ kiểm kê bao nhiêu người thì họp được", "quorum"),
        ("tổ kiểm kê phải bao nhiêu người mới đủ", "quorum"),
    ],
)
def test_a_bare_head_count_of_nothing_done_asks_the_size(question: str, kind: str) -> None:
    assert read_intent(fold(question))[0] == kind


def test_the_case_before_the_ask_names_the_subject_of_the_kind_asked() -> None:
    # the kind from the ask's own words; the subject the case names before it
    question = (
        "Tổ không họp được thì xin ý kiến bằng văn bản, mấy người đồng ý thì coi là thông qua?"
    )
    assert read_intent(fold(question)) == ("vote_threshold", "written_consultation")
    # a case of another kind says nothing of the kind asked
    question = "Tổ viên không tán thành kết luận thì khiếu nại trong mấy ngày?"
    assert read_intent(fold(question))[0] == "deadline"


@pytest.mark.parametrize(
    "question",
    ["Tổ nộp sổ trước ngày bao nhiêu hằng tháng?", "to nop so truoc ngay may hang thang"],
)
def test_a_day_asked_by_its_number_is_a_deadline(question: str) -> None:
    # "ngày bao nhiêu", "ngày mấy" ask a day as "ngày nào" does; "mấy ngày" is a span
    assert read_intent(fold(question))[0] == "deadline"


def test_a_full_stop_ends_the_case_before_the_ask() -> None:
    # the case sentence names an extraordinary session; the ask after it is a deadline
    question = "ngay 5/5 to nhan de nghi hop bat thuong cua to vien. han chot goi hop la ngay nao"
    assert read_intent(fold(question))[0] == "deadline"
    # a bare count asked after it asks the head count the case names
    question = "ngay 5/5 to nhan don de nghi hop bat thuong. can toi thieu may to vien ky?"
    assert read_intent(fold(question))[0] == "request_trigger"
    # a decimal point ends nothing
    assert read_intent(fold("chi 1.5 ty thi ai quyet"))[0] == "money_threshold"


def test_only_typed_with_its_marks_spends_nothing() -> None:
    # "chỉ" (only) folds to the "chi" that spends; typed with its marks it is not that
    assert read_intent(intent_text("thế nếu chỉ 2 tỷ thì có phải lên tổ không"))[1] is None
    assert read_intent(intent_text("chi 2 tỷ mua bàn ghế thì ai quyết"))[1] == "budget_spending"
    assert read_intent(intent_text("chi 2 ty mua ban ghe thi ai quyet"))[1] == "budget_spending"


def test_a_date_asked_before_which_an_act_is_done_is_a_deadline() -> None:
    # papers sent to an office name the lead time of submissions; a day of the calendar
    # asked ("trước ngày mấy") asks the date by which it is done
    question = "Tổ gửi sổ ghi chép hằng quý về văn phòng trước ngày mấy?"
    assert read_intent(fold(question))[0] == "deadline"
    assert read_intent(fold("Tổ gửi sổ về văn phòng trước mấy ngày?"))[0] == "lead_time"


def test_the_time_an_act_takes_is_the_span_it_is_done_within() -> None:
    # "mất bao lâu" asks, like "trong bao lâu", the span an act is done within, whatever
    # the act ("thẩm định" is also sending papers for appraisal before a meeting)
    for question in ("văn phòng thẩm định hồ sơ mất bao lâu", "tham dinh ho so mat may ngay"):
        assert read_intent(fold(question)) == ("deadline", "appraisal"), question
    assert read_intent("thuong truc xet mat bao nhieu ngay")[0] == "deadline"


def test_how_long_a_meeting_lasts_is_a_duration_not_how_often() -> None:
    """ "hội nghị thường lệ họp bao lâu": the length of the meeting ("thường lệ" says which
    meeting); "bao lâu một lần" is how often."""
    assert read_intent(fold("Hội nghị tổ thường lệ họp bao lâu?")) == (
        "duration",
        "meeting_duration",
    )
    assert read_intent(fold("tổ họp bao lâu một lần?"))[0] == "frequency"


def test_a_form_sent_out_for_opinions_is_a_written_consultation() -> None:
    assert read_intent(
        fold("Thường trực gửi phiếu xin ý kiến 7 ủy viên, 4 người đồng ý thì sao?")
    ) == (
        "vote_threshold",
        "written_consultation",
    )
