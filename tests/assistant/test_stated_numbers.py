from assistant.stated_numbers import states_number


def test_a_number_asked_in_a_unit_is_stated_in_that_unit() -> None:
    """ "mấy giờ" is not answered by days or a blank; "mấy ngày" by "05 ngày" it is."""
    assert not states_number("Tổ báo cáo trước ngày ... hằng tháng.", "tổ làm việc mấy giờ")
    assert not states_number("Tổ họp trước ít nhất 03 ngày.", "tổ họp lúc mấy giờ")
    assert states_number("Tổ họp trước ít nhất 03 ngày.", "tổ họp trước mấy ngày")
    assert states_number("Tổ giao ban mỗi quý một lần.", "tổ giao ban mấy tháng một lần")


def test_a_number_that_names_the_document_is_no_content() -> None:
    """ "quy chế 77" names a document numbered 77-QC/...: its clauses need not write 77."""
    from assistant.stated_numbers import numbers_not_in

    question = "Khoản nào của quy chế mẫu 77 nói về lưu trữ hồ sơ?"
    assert numbers_not_in(question, "Văn phòng lưu trữ hồ sơ.", amounts=True, naming={77}) == []
    assert numbers_not_in(question, "Văn phòng lưu trữ hồ sơ.", amounts=True) == ["77 nói"]


def test_a_percentage_names_what_is_asked() -> None:
    """No rule of these regulations is a percentage: "trợ cấp 45%" names the thing
    asked, and a clause that never says 45 is not about it; an amount stays the rule's."""
    from assistant.stated_numbers import numbers_not_in

    assert numbers_not_in("trợ cấp 45% tính trên khoản nào?", "Văn phòng lập dự toán.") == ["45"]
    assert numbers_not_in("dự án 45 tỷ thì ai quyết?", "Văn phòng lập dự toán.") == []


def test_money_asked_is_answered_only_by_an_amount() -> None:
    """ "bao nhiêu tiền": a clause about how often a đồng chí attends states no amount
    ("đồng" of "đồng chí" is no currency); one that writes "15 triệu đồng" does."""
    from assistant.stated_numbers import states_number

    question = "phu cap to truong bao nhieu tien mot thang?"
    assert not states_number("Các đồng chí tổ viên họp ít nhất ba tháng một lần.", question)
    assert states_number("Khoản chi dưới 15 triệu đồng do tổ trưởng quyết định.", question)
    # asked with no unit, about a noun of money: the same
    bare = "Thù lao của tổ phó là bao nhiêu?"
    assert not states_number("Tổ phó họp mỗi tuần một lần.", bare)
    assert states_number("Thù lao tổ phó là 2 triệu đồng mỗi tháng.", bare)
    # a noun of money beside a count asked with its unit asks that count
    assert states_number("Tổ phó họp mỗi tuần một lần.", "Tổ phó nhận thù lao mấy lần?")


def test_a_reference_is_no_number_and_a_duration_is_stated_in_time() -> None:
    from assistant.stated_numbers import states_number

    quote = "Tổ trưởng quyết định cho thôi việc theo quy định tại Điều 14 Quy chế này."
    assert not states_number(quote, "bao nhiêu ngày thì cho thôi việc?")
    assert not states_number(quote, "nghỉ bao lâu thì bị cho thôi việc?")
    assert not states_number("Tổ họp ít nhất 5 người.", "phải chờ bao lâu?")
    assert states_number("Tổ phó trả lời trong 10 ngày làm việc.", "bao lâu thì trả lời?")


def test_the_case_that_states_the_number_computed_with() -> None:
    """The words before the ask that give a body's size or a meeting's day are the case's
    ("kiện toàn xong lên 19 người", "sinh hoạt thường lệ ngày 8 hằng tháng"); a case that
    also gives a count of its own is a story the rule decides, not set aside here."""
    from assistant.stated_numbers import stating_case
    from assistant.understand import understand

    sized = understand("Sau kiện toàn Đảng ủy lên 19 người thì cần mấy người dự họp?", [], [])
    assert {"kien", "toan", "len"} <= stating_case(sized)
    dated = understand(
        "Chi bộ sinh hoạt thường lệ ngày 8 hằng tháng thì chi ủy họp chậm nhất ngày nào?", [], []
    )
    assert {"thuong", "le", "hang"} <= stating_case(dated)
    counted = understand("Đảng ủy 19 người, 12 người dự thì họp được không?", [], [])
    assert stating_case(counted) == set()


def test_how_many_there_are_now_is_answered_only_by_a_count_of_them() -> None:
    """ "hiện nay có bao nhiêu ...": a share of them, days, or a list of steps is a rule,
    not how many there are; a number of people by any noun that counts them is."""
    question = "Chi bộ thôn Bắc hiện nay có bao nhiêu đảng viên?"
    assert not states_number("Nghị quyết phải có hai phần ba số đảng viên tán thành.", question)
    assert not states_number("(1) Chi bộ họp xét; (2) gửi hồ sơ trong mười ngày.", question)
    assert states_number("Chi bộ có 35 đồng chí đảng viên.", question)
    # a story's own counts are decided by a rule: not asked "now"
    story = "hiện nay có 12 đảng viên thì cần bao nhiêu người tán thành?"
    assert states_number("Nghị quyết phải có hai phần ba số đảng viên tán thành.", story)
