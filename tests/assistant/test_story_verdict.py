"""A number set in a story is decided by the rule module, whatever words ask the verdict."""

from __future__ import annotations

from pathlib import Path

from assistant.models import Turn
from tests.assistant.test_answer import assistant_over

REGULATION = (
    "ĐẢNG ỦY XÃ LÚA VÀNG\nSố 02-QC/ĐU\n\nQUY CHẾ LÀM VIỆC\n"
    "của Ban Chấp hành Đảng bộ xã Lúa Vàng\n\n"
    "Điều 1. Phạm vi\nQuy chế này quy định chế độ làm việc của Đảng ủy xã Lúa Vàng.\n\n"
    "Điều 2. Hội nghị Ban Chấp hành\n"
    "1. Ban Chấp hành họp thường lệ ba tháng một lần.\n"
    "2. Hội nghị Ban Chấp hành hợp lệ khi có ít nhất hai phần ba tổng số ủy viên dự họp.\n\n"
    "Điều 3. Lưu trữ\nVăn phòng tiến hành lưu trữ hồ sơ, giả định sử dụng sổ riêng.\n"
)


def test_a_hypothetical_story_asking_if_the_meeting_proceeds_is_computed(
    tmp_path: Path,
) -> None:
    """ "giả sử" sets the case and "tiến hành được không" asks the verdict: neither is a
    topic the clause must write."""
    assistant = assistant_over(tmp_path, {"lua-vang.txt": REGULATION})
    answer = assistant.ask(
        "Giả sử Ban Chấp hành xã Lúa Vàng có 30 ủy viên, 19 người có mặt thì hội nghị "
        "tiến hành được không?"
    )
    assert answer.kind == "numeric"
    assert "20" in answer.answer and answer.citations[0].article == 2


ATTENDANCE = (
    "ĐẢNG ỦY XÃ SUỐI MƠ\nSố 07-QC/ĐU\n\nQUY CHẾ LÀM VIỆC\n"
    "của Ban Chấp hành Đảng bộ xã Suối Mơ\n\n"
    "Điều 1. Phạm vi\nQuy chế này quy định chế độ làm việc của Đảng ủy xã Suối Mơ.\n\n"
    "Điều 2. Chế độ hội nghị\n"
    "1. Ban Chấp hành họp thường lệ ba tháng một lần. Hội nghị Ban Chấp hành phải có "
    "ít nhất 2/3 tổng số ủy viên tham dự.\n"
    "2. Văn phòng chuẩn bị tài liệu cho hội nghị.\n\n"
    "Điều 3. Lưu trữ\nVăn phòng lưu trữ hồ sơ bằng sổ riêng.\n"
)


def test_the_words_of_the_count_asked_are_no_topic_without_a_story(tmp_path: Path) -> None:
    """ "phải có tối thiểu mấy ủy viên dự mới hợp lệ": the attendance asked and the verdict it
    gives ("hợp lệ") are what the attendance rule answers, though its clause never writes
    them, with diacritics as without."""
    assistant = assistant_over(tmp_path, {"suoi-mo.txt": ATTENDANCE})
    for question in (
        "Ban Chấp hành phải có tối thiểu mấy ủy viên dự mới hợp lệ?",
        "Hội nghị Ban Chấp hành cần mấy người có mặt thì mới hợp lệ vậy?",
        "Ban Chấp hành có mặt bao nhiêu đồng chí thì phiên họp mới có giá trị?",
    ):
        answer = assistant.ask(question)
        assert answer.kind == "numeric", question
        assert "2/3" in answer.answer and answer.citations[0].article == 2


VOTES = (
    "ĐẢNG ỦY XÃ ĐỒI CHÈ\nSố 04-QC/ĐU\n\nQUY CHẾ LÀM VIỆC\n"
    "của Ban Chấp hành Đảng bộ xã Đồi Chè\n\n"
    "Điều 1. Ban Thường vụ\nBan Thường vụ Đảng ủy xã Đồi Chè gồm 07 đồng chí.\n\n"
    "Điều 2. Chế độ họp Ban Thường vụ\n"
    "1. Ban Thường vụ họp thường lệ mỗi tháng một lần.\n"
    "2. Hội nghị Ban Thường vụ chỉ được tiến hành khi có ít nhất năm ủy viên tham dự; "
    "quyết định của Ban Thường vụ phải có quá nửa tổng số ủy viên Ban Thường vụ tán thành.\n\n"
    "Điều 3. Văn bản của Ban Thường vụ\nQuyết định có hiệu lực kể từ ngày ký; Ban Thường vụ "
    "có trách nhiệm công bố quyết định.\n\n"
    + "".join(
        f"Điều {n}. Việc {topic}\nBan Thường vụ quyết định việc {topic} của Đảng bộ.\n\n"
        for n, topic in enumerate(("khen thưởng", "luân chuyển", "tiếp dân", "thi đua"), 4)
    )
    + "Điều 8. Hiệu lực thi hành\nQuy chế này có hiệu lực kể từ ngày ký và thay thế "
    "Quy chế số 01-QC/ĐU của Đảng ủy xã.\n"
)


def test_whether_a_decision_takes_effect_is_the_votes_verdict(tmp_path: Path) -> None:
    """ "... thì quyết định có hiệu lực không?" asks the vote's verdict: a phrase across a
    word of the story's own ("vụ có", "định có") is no topic the rule must write."""
    assistant = assistant_over(tmp_path, {"doi-che.txt": VOTES})
    answer = assistant.ask("BTV co 5 nguoi du, 3 nguoi dong y thi quyet dinh co hieu luc khong")
    assert answer.kind == "numeric"
    assert "4" in answer.answer and answer.citations[0].article == 2


RECEPTION = (
    "ĐẢNG ỦY XÃ BÃI SẬY\nSố 06-QC/ĐU\n\nQUY CHẾ LÀM VIỆC\n"
    "của Ban Chấp hành Đảng bộ xã Bãi Sậy\n\n"
    "Điều 1. Phạm vi\nQuy chế này quy định chế độ làm việc của Đảng ủy xã Bãi Sậy.\n\n"
    "Điều 2. Tiếp công dân\n"
    "1. Bí thư Đảng ủy tiếp công dân vào ngày 20 hằng tháng tại trụ sở; trùng ngày nghỉ thì "
    "chuyển sang ngày làm việc kế tiếp.\n"
    "2. Ban Thường vụ đối thoại với nhân dân mỗi năm một lần.\n"
)


def test_the_day_a_monthly_act_moves_to_off_a_day_off_is_computed(tmp_path: Path) -> None:
    """A day of every month that the question says falls on a weekend moves as the clause
    says; the date is computed, not left to the reader."""
    assistant = assistant_over(tmp_path, {"bai-say.txt": RECEPTION})
    answer = assistant.ask("Tháng này ngày 20 rơi vào thứ Bảy thì bí thư tiếp dân hôm nào?")
    assert answer.kind == "numeric"
    assert "ngày 22" in answer.answer and answer.citations[0].article == 2


BRANCH = (
    "CHI BỘ THÔN GÒ MÂY\nSố 01-QC/CB\n\nQUY CHẾ LÀM VIỆC\ncủa Chi bộ thôn Gò Mây\n\n"
    "Điều 1. Phạm vi\nQuy chế này quy định chế độ làm việc của Chi bộ thôn Gò Mây.\n\n"
    "Điều 2. Sinh hoạt chi bộ\n"
    "1. Chi bộ sinh hoạt thường kỳ mỗi tháng một lần.\n"
    "2. Sinh hoạt chi bộ chỉ được tiến hành khi có ít nhất hai phần ba số đảng viên "
    "chính thức tham dự.\n"
)


def test_a_rule_on_full_members_counts_the_full_members_the_story_gives(
    tmp_path: Path,
) -> None:
    """Members on probation are told apart by the word after their count; a rule that
    counts full members counts those of the story's counts."""
    assistant = assistant_over(tmp_path, {"go-may.txt": BRANCH})
    answer = assistant.ask(
        "Chi bộ thôn Gò Mây có 27 đảng viên, trong đó 21 chính thức, 6 dự bị; hôm nay "
        "13 đồng chí chính thức và 6 dự bị đến thì sinh hoạt được không?"
    )
    assert answer.kind == "numeric"
    assert "cần ít nhất 14 người" in answer.answer and "13 người dự" in answer.answer


def test_two_story_asks_are_answered_in_the_order_asked(tmp_path: Path) -> None:
    assistant = assistant_over(tmp_path, {"doi-che.txt": VOTES})
    answer = assistant.ask(
        "Ban Thường vụ xã Đồi Chè 7 ủy viên, sáng nay 5 đồng chí có mặt: hội nghị có "
        "hợp lệ không, rồi quyết định phải được mấy phiếu thuận?"
    )
    held = answer.answer.find("5 người dự")
    votes = answer.answer.find("cần ít nhất 4 người")
    assert 0 <= held < votes


def test_how_a_story_gives_its_number_is_no_topic(tmp_path: Path) -> None:
    """ "họp đủ cả 7": the qualifier before a number ("cả") says how the story gives it,
    no word a clause must write for the verdict to be computed."""
    # (a regulation that writes "cả" elsewhere weighs it as a word of its own)
    with_ca = VOTES + "Điều 9. Trực lễ\nVăn phòng cử cán bộ trực cả ngày nghỉ lễ, Tết.\n"
    assistant = assistant_over(tmp_path, {"doi-che.txt": with_ca})
    answer = assistant.ask(
        "Ban Thuong vu xa Doi Che 7 nguoi, hop du ca 7, co 3 nguoi dong y thi co thong qua khong"
    )
    assert answer.kind == "numeric"
    assert "4" in answer.answer and answer.citations[0].article == 2


def test_a_follow_up_asking_two_kinds_of_number_gets_both(tmp_path: Path) -> None:
    assistant = assistant_over(tmp_path, {"doi-che.txt": VOTES})
    history = [
        Turn(role="user", content="Ban Thường vụ xã Đồi Chè 7 người thì cần mấy phiếu thuận?"),
        Turn(role="assistant", content="Quá nửa tổng số ủy viên: 4 người (khoản 2 Điều 2)."),
    ]
    answer = assistant.ask(
        "Thế Ban Thường vụ 10 người thì cần mấy người dự và mấy người tán thành?", history
    )
    assert answer.kind == "numeric"
    assert "cần ít nhất 5 người" in answer.answer and "cần ít nhất 6 người" in answer.answer


LUA_VANG_VOTES = REGULATION.replace(
    "\n\nĐiều 3. Lưu trữ",
    "\n3. Nghị quyết của Ban Chấp hành phải được quá nửa tổng số ủy viên tán thành.\n\nĐiều 3. Lưu trữ",
)


def test_the_meeting_asked_about_first_is_answered_first(tmp_path: Path) -> None:
    """ "... hội nghị có hợp lệ không, nghị quyết có thông qua không?": in that order."""
    assistant = assistant_over(tmp_path, {"lua-vang.txt": LUA_VANG_VOTES})
    answer = assistant.ask(
        "BCH xa Lua Vang co 30 uy vien, hop 21 nguoi, 14 nguoi tan thanh. Hoi nghi co hop le "
        "khong va nghi quyet co thong qua khong?"
    )
    first = answer.answer.split("\n", 1)[0]
    assert first.index("người dự") < first.index("tán thành")
