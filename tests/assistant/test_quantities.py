"""Head counts a question gives, with what each stands for."""

from __future__ import annotations

import pytest

from assistant.quantities import GivenQuantities, given_quantities, head_counts


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Ban Thường vụ có 11 người, 7 người dự thì họp được không?", (11, 7, "present")),
        ("BCH 40 ủy viên, 21 người nhất trí thì thông qua chưa", (40, 21, "in_favour")),
        ("co 12 thanh vien, 4 nguoi de nghi hop bat thuong duoc khong", (12, 4, "requesting")),
        # the verb before the count, and the part smaller than the whole
        ("hội nghị 27 người, có mặt 17 người", (27, 17, "present")),
        ("Ban Thường vụ có 25 ủy viên thì cần bao nhiêu người dự?", (25, None, None)),
    ],
)
def test_roles(question: str, expected: tuple[int | None, int | None, str | None]) -> None:
    total, count, role = expected
    assert given_quantities(question) == GivenQuantities(total=total, count=count, role=role)


def test_those_present_are_kept_beside_the_vote_they_take() -> None:
    given = given_quantities("chi bộ 24 đảng viên, 15 người có mặt, 9 người nhất trí")
    assert given == GivenQuantities(total=24, count=9, role="in_favour", present=15)
    # a count present is itself what is decided: nothing kept beside it
    assert given_quantities("chi ủy 9 người, 6 người dự").present is None


def test_money_is_no_head_count() -> None:
    assert given_quantities("dự án 2,5 tỷ thì ai quyết định") == GivenQuantities()


def test_quantity_words_cover_every_synonym_of_a_role() -> None:
    from assistant.quantity_roles import quantity_syllables

    words = quantity_syllables()
    assert {"nhat", "tri", "dong", "y", "du", "nguoi"} <= words


def test_the_words_of_a_story_are_the_rules_not_its_topic() -> None:
    from assistant.quantity_roles import quantity_syllables

    words = quantity_syllables()
    # synonyms of a role, count nouns and the verdict asked for
    assert {"nhat", "tri", "dong", "y", "nguoi", "du", "hop", "le"} <= words
    assert "ky" not in words


def test_members_counted_as_party_members_and_arriving_is_attending() -> None:
    """ "đảng viên" counts people as "người" does; "tới" is "đến": those who came."""
    given = given_quantities("Tổ đảng có 12 đảng viên, hôm họp 7 người tới thì sao?")
    assert (given.total, given.count, given.role) == (12, 7, "present")


def test_a_rule_bound_is_no_role_verb() -> None:
    """Folded, the "tối" of "tối thiểu" is the "tới" of arriving: a bound stays a bound."""
    given = given_quantities("to co 11 nguoi thi toi thieu may nguoi du hop")
    assert (given.total, given.count, given.role) == (11, None, None)


def test_a_count_with_its_verb_is_never_the_size_of_the_body() -> None:
    """ "6 người có mặt, 4 người đồng ý": six were there, not six members; the size comes
    from a count written without a verb, or from the document."""
    given = given_quantities("Tổ có 6 người có mặt, 4 người đồng ý thì có được không?")
    assert given == GivenQuantities(total=None, count=4, role="in_favour", present=6)


def test_going_to_a_meeting_by_its_name_is_attending() -> None:
    """ "đi sinh hoạt", "tham gia hội nghị": a verb of going before a meeting noun."""
    given = given_quantities("to dang 14 dang vien, 9 nguoi di sinh hoat thi sao")
    assert (given.total, given.count, given.role) == (14, 9, "present")
    given = given_quantities("Đội có 20 người, 12 người tham gia hội nghị")
    assert (given.total, given.count, given.role) == (20, 12, "present")


def test_a_meeting_noun_before_a_count_of_people_counts_those_at_the_meeting() -> None:
    from assistant.quantities import given_quantities

    given = given_quantities("Tổ 13 người, họp 10 người, 6 người nhất trí thì thông qua không?")
    assert (given.total, given.count, given.role, given.present) == (13, 6, "in_favour", 10)
    came = given_quantities("Tổ 13 người, hôm họp có 9 người thì sao?")
    assert (came.count, came.role) == (9, "present")
    # a number of times is no one at the meeting
    assert given_quantities("Tổ họp 12 lần một năm").role is None


def test_a_part_of_a_whole_written_with_a_slash_gives_both_counts() -> None:
    """ "họp có 7/11 người": seven there of eleven; "2/3 tổ viên" is a rule's fraction,
    and a date "3/4" counts no one."""
    from assistant.quantities import given_quantities

    given = given_quantities("Tổ Gió họp có 7/11 người, 5 người nhất trí thì thông qua chưa?")
    assert (given.total, given.count, given.role, given.present) == (11, 5, "in_favour", 7)
    assert given_quantities("cần 2/3 tổ viên dự").count is None
    assert given_quantities("ngày 3/4 tổ họp").total is None


def test_a_count_a_negative_follows_is_of_those_against() -> None:
    """ "4 đồng ý 3 không": four in favour; the three against are no vote counted for the
    rule, nor the body's size."""
    from assistant.quantities import given_quantities

    given = given_quantities("Tổ Gió họp 7 người, biểu quyết 4 đồng ý 3 không thì thông qua chưa?")
    assert (given.count, given.role, given.present, given.total) == (4, "in_favour", 7, None)
    away = given_quantities("Tổ Gió có 3 người không dự thì họp được không?")
    assert away.count is None


def test_members_away_leave_the_rest_of_the_body_present() -> None:
    from assistant.quantities import given_quantities

    given = given_quantities("Tổ công tác 11 người, 3 người đi công tác thì họp được không?")
    assert (given.total, given.count, given.role) == (11, 8, "present")
    # going to the meeting is attending, not being away
    given = given_quantities("Tổ công tác 11 người, 7 người đi họp thì sao?")
    assert (given.total, given.count, given.role) == (11, 7, "present")


def test_those_left_are_those_present_unless_a_role_follows() -> None:
    from assistant.quantities import given_quantities

    given = given_quantities("tổ công tác 11 người, chỉ còn 6 người thì họp được không")
    assert (given.total, given.count, given.role) == (11, 6, "present")
    given = given_quantities("tổ công tác 11 người, còn 4 người vắng thì họp được không")
    assert (given.total, given.count, given.role) == (11, 7, "present")


def test_a_year_is_no_head_count_and_a_body_is_no_one_away() -> None:
    from assistant.quantities import given_quantities

    # "BCH" spelled out begins with "ban", the letters of "bận": no one is away
    given = given_quantities("Tổ công tác (quy chế mẫu 2031) có 30 ủy viên Ban chấp hành")
    assert (given.total, given.count) == (30, None)


def test_the_body_a_count_belongs_to_stands_between_it_and_its_verb() -> None:
    """ "6 ủy viên Ban Chấp hành đề nghị": the body's name says whose members they are;
    the verb after it still gives their role."""
    given = given_quantities("Văn phòng nhận đơn của 6 ủy viên Ban Chấp hành đề nghị họp")
    assert (given.total, given.count, given.role) == (None, 6, "requesting")
    given = given_quantities("có 5 uy vien ban thuong vu tinh uy dong y")
    assert (given.count, given.role) == (5, "in_favour")


def test_not_attending_is_being_away() -> None:
    from assistant.quantity_roles import as_absence

    assert (
        as_absence("tổ viên không dự họp tổ được thì báo ai")
        == "tổ viên vắng họp tổ được thì báo ai"
    )
    assert as_absence("khong the co mat buoi hop thi sao") == "vang buoi hop thi sao"
    assert as_absence("không đồng ý thì sao") == "không đồng ý thì sao"


def test_a_count_written_bare_before_a_comma_is_a_count() -> None:
    # "dự 7, ...": a comma and a space end the number; "1,5" and "7.000" are not counts
    given = given_quantities("tổ có 10 người, sáng nay dự 7, có 5 phiếu nhất trí thì sao")
    assert given == GivenQuantities(total=10, count=5, role="in_favour", present=7)
    assert [c.value for c in head_counts("dự 1,5 giờ, chi 7.000 đồng")] == []


def test_a_qualifier_between_the_verb_and_the_count_keeps_its_role() -> None:
    # "dự đúng 13 người": the count is those present, not the size of the body
    given = given_quantities("hom truoc du dung 13 nguoi, 8 nguoi nhat tri thi sao")
    assert given == GivenQuantities(total=None, count=8, role="in_favour", present=13)
    given = given_quantities("tổ có 12 người, có mặt tổng cộng 9 người thì họp được không")
    assert given == GivenQuantities(total=12, count=9, role="present")
    # a qualifier after a verb of having gives no role: "có tất cả 15 người" is a size
    assert given_quantities("tổ có tất cả 15 người, 9 người dự").total == 15


def test_a_verb_of_being_away_after_a_count_outweighs_the_meeting_before_it() -> None:
    # "hôm họp 3 đồng chí đi học": those three were not there; "còn 8 người" were
    given = given_quantities("Tổ có 11 người. Hôm họp 3 đồng chí đi học, còn 8 người")
    assert given == GivenQuantities(total=11, count=8, role="present")


def test_a_verb_that_begins_a_longer_word_is_no_verb() -> None:
    # "dự bị" is a member on probation, "dự thính" an observer: neither attends as "dự"
    counts = head_counts("tổ có 20 người, 4 dự bị, 2 người dự thính, 12 người dự")
    assert [(c.value, c.role) for c in counts] == [
        (20, None),
        (4, None),
        (2, None),
        (12, "present"),
    ]


def test_a_count_keeps_the_word_that_sorts_whom_it_counts() -> None:
    counts = head_counts("đội 18 người, 12 chính thức, 6 dự bị; 9 chính thức và 3 dự bị đến")
    assert [(c.value, c.qualifier) for c in counts] == [
        (18, ""),
        (12, "chinh thuc"),
        (6, "du bi"),
        (9, "chinh thuc"),
        (3, "du bi"),
    ]
    # a verb of the role is no such word ("9 người dự họp")
    assert head_counts("9 người dự họp")[0].qualifier == ""


def test_parts_joined_by_a_coordinator_share_the_verb_after_the_last() -> None:
    counts = head_counts("hôm nay 9 đồng chí chính thức và 3 dự bị đến")
    assert [(c.value, c.role) for c in counts] == [(9, "present"), (3, "present")]
    # a bare size joined to a count present stays a size
    given = given_quantities("tổ 12 người và 8 người dự thì sao")
    assert given == GivenQuantities(total=12, count=8, role="present")


def test_a_sorted_count_at_a_meeting_counts_those_there() -> None:
    # no noun of people, but the word that sorts them: "họp có 8 chính thức"
    counts = head_counts("tổ 14 người chính thức, hôm họp có 8 chính thức và 2 dự bị đi")
    assert [(c.value, c.role) for c in counts] == [(14, None), (8, "present"), (2, None)]


def test_a_topic_marker_after_a_count_sorts_no_one() -> None:
    # "7 người thì có ...": "thì" joins the count to its clause, it is no kind of member
    counts = head_counts("tổ có 11 đảng viên, sinh hoạt có 7 người thi co dc khong")
    assert [(c.value, c.qualifier) for c in counts] == [(11, ""), (7, "")]


def test_words_of_time_between_a_meeting_and_a_count_keep_those_there() -> None:
    for question in (
        "tổ 11 người, sinh hoạt tuần này có 7 người thì sao",
        "to 11 nguoi, hop sang nay co 7 nguoi thi sao",
    ):
        counts = head_counts(question)
        assert [(c.value, c.role) for c in counts] == [(11, None), (7, "present")], question


def test_the_qualifiers_before_a_number_are_how_the_story_gives_it() -> None:
    from assistant.quantities import number_qualifiers

    assert number_qualifiers("to 6 nguoi, hop du ca 6, 3 nguoi dong y") >= {"ca"}
    assert "hop" not in number_qualifiers("to 6 nguoi, hop du ca 6, 3 nguoi dong y")
