"""The date, hour and weekday a question gives (assistant/rules/question_dates.py)."""

from __future__ import annotations

import datetime as dt

from assistant.rules.question_dates import (
    date_given,
    dates_a_meeting,
    gives_day_only,
    hour_given,
    stated_weekday,
)


def test_dates_hours_and_weekdays_given() -> None:
    assert date_given("to hop ngay 5/6/2031 thi gui truoc may ngay") == dt.date(2031, 6, 5)
    assert date_given("khong co ngay nao") is None
    # a month said relative to this one gives the day alone
    today = dt.date.today()
    assert date_given("to hop ngay 9 thang nay thi gui truoc may ngay") == today.replace(day=9)
    next_month = (today.replace(day=1) + dt.timedelta(days=31)).replace(day=9)
    assert date_given("ngay 9 thang toi to hop") == next_month
    assert hour_given("nhan don luc 4 gio chieu") == 16
    assert gives_day_only("ngay 20 thang nay roi vao thu bay")
    assert not gives_day_only("ngay 20/6 roi vao thu bay")
    assert stated_weekday("ngay 20 roi vao thu bay") == 5
    assert stated_weekday("ngay 20 trung chu nhat") == 6
    assert stated_weekday("ngay 20 la thu 2") == 0


def test_a_date_after_a_meeting_noun_is_the_meetings() -> None:
    assert dates_a_meeting("hoi nghi to may du kien vao thu nam 19/3 thi gui cham nhat ngay nao")
    assert not dates_a_meeting("nhan don ngay 19/3 thi tra loi cham nhat ngay nao")


def test_a_day_every_month_is_a_date_only_where_a_meeting_falls_on_it() -> None:
    q = "to dang sinh hoat thuong ky ngay 12 hang thang thi to truong hop truoc cham nhat ngay may"
    assert dates_a_meeting(q)
    given = date_given(q)
    assert given is not None and given.day == 12
    # a day every month with no meeting on it ("nộp trước ngày 5 hằng tháng") is no date
    assert date_given("dang phi nop truoc ngay 5 hang thang dung khong") is None
