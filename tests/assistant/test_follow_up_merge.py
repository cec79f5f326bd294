"""A follow-up merged into the question before it (assistant/follow_up_merge.py)."""

from __future__ import annotations

from assistant.follow_up_merge import follow_up_rest, merge_follow_up
from ingest.normalize import fold


def test_the_framing_words_of_a_follow_up_are_dropped_as_typed() -> None:
    assert follow_up_rest("Vậy trường hợp khẩn cấp thì thế nào?") == "khẩn cấp"


def test_a_new_body_takes_the_place_of_the_body_asked_before() -> None:
    merged = merge_follow_up("Ban Thường vụ họp mấy lần một năm?", "Còn Thường trực thì sao?")
    assert merged == "thuong truc hop may lan mot nam?"


def test_a_committee_named_by_its_seat_stays_beside_the_new_body() -> None:
    merged = merge_follow_up("Tỉnh ủy họp mấy lần một năm?", "Còn Thường trực?")
    assert merged.startswith("thuong truc tinh uy hop")


def test_the_seat_asked_about_is_the_one_after_the_topic_it_is_framed_by() -> None:
    """ "Quy chế của Đảng ủy X thì Đảng ủy họp ...": the first seat names the document,
    the one after "thì" is asked about."""
    merged = merge_follow_up(
        "Quy chế Đảng ủy Khối Sông Ngân thì Đảng ủy họp mấy tháng một lần?", "Còn BTV?"
    )
    assert merged.startswith("quy che dang uy khoi song ngan thi ban thuong vu dang uy hop")


def test_a_new_amount_replaces_the_previous_one() -> None:
    merged = merge_follow_up("Dự án 2 tỷ đồng thì ai quyết định?", "Còn dự án 5 tỷ?")
    assert "2 ty" not in merged and merged.endswith("dự án 5 tỷ")
    assert "ai quyet dinh" in merged


def test_a_new_bare_count_replaces_the_count_the_story_varies() -> None:
    """The body keeps its size; the new count is of those who came (the count that had a
    verb before), or of the body when no count had one."""
    merged = merge_follow_up(
        "Tổ có 15 người, hôm nay 11 người dự thì có hợp lệ không?", "nếu chỉ có 8 người thì sao?"
    )
    assert "15 nguoi" in merged and "8 nguoi du" in merged and "11" not in merged
    sized = merge_follow_up("Tổ 15 người thì cần mấy người dự?", "thế 21 người thì sao?")
    assert "21 nguoi" in sized and "15" not in sized


def test_a_new_count_with_its_verb_replaces_the_count_of_that_role() -> None:
    merged = merge_follow_up(
        "Tổ có 15 người, 11 người dự, 6 người tán thành thì có thông qua không?",
        "còn 9 người tán thành thì sao?",
    )
    assert "11 nguoi du" in merged and "9 nguoi tan thanh" in merged and "6 " not in merged


def test_the_frame_of_a_follow_up_never_eats_its_words() -> None:
    """ "chi" frames ("chỉ 20 người") but opens "chi bộ" typed without diacritics."""
    assert follow_up_rest("the chi bo duoc khen ra sao?") == "chi bo duoc khen ra"
    assert follow_up_rest("còn chỉ 20 người thì thế nào?") == "20 người"


def test_a_case_of_its_own_with_a_new_amount_replaces_the_previous_case() -> None:
    previous = "Chi tiếp khách ngoài kế hoạch ở xã Hòa thì Thường trực được quyết mức nào?"
    merged = fold(merge_follow_up(previous, "sửa nhà kho của xã 2 tỷ thì sao?"))
    assert "nha kho" in merged and "tiep khach" not in merged and "thuong truc" in merged
    # only a new amount: the case stays
    assert "tiep khach" in merge_follow_up(previous, "Còn 3 tỷ thì sao?")
    # a document named is no case of its own
    kept = merge_follow_up(previous, "còn ở Lam Sơn 2 tỷ thì sao?", True, own_words="con o 2 ty")
    assert "tiep khach" in kept


def test_a_count_of_a_new_role_continues_the_story() -> None:
    # the size and those present still hold; the ask is the follow-up's
    merged = merge_follow_up(
        "Tổ Hoa Sen có 11 người, hôm qua 8 người dự thì họp được không?",
        "thế 5 người nhất trí thì có thông qua không?",
    )
    assert merged.startswith("Tổ Hoa Sen có 11 người, hôm qua 8 người dự, 5 người nhất trí")
    assert "họp được không" not in merged
