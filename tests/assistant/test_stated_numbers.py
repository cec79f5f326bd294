from assistant.stated_numbers import states_number


def test_a_number_asked_in_a_unit_is_stated_in_that_unit() -> None:
    """ "mấy giờ" is not answered by days or a blank; "mấy ngày" by "05 ngày" it is."""
    assert not states_number("Tổ báo cáo trước ngày ... hằng tháng.", "tổ làm việc mấy giờ")
    assert not states_number("Tổ họp trước ít nhất 03 ngày.", "tổ họp lúc mấy giờ")
    assert states_number("Tổ họp trước ít nhất 03 ngày.", "tổ họp trước mấy ngày")
    assert states_number("Tổ giao ban mỗi quý một lần.", "tổ giao ban mấy tháng một lần")
