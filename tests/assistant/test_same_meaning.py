"""Words that say the same thing (assistant/same_meaning.py)."""

from __future__ import annotations

from assistant.same_meaning import same_meaning, with_same_meaning


def test_a_group_is_found_by_any_of_its_words_typed_either_way() -> None:
    assert "đi công tác" in same_meaning("Nếu tổ trưởng vắng mặt thì tổ phó thay")
    assert "vắng mặt" in same_meaning("to truong di cong tac")
    assert same_meaning("Tổ họp mỗi tháng một lần") == ""
    assert with_same_meaning("họp đột xuất").startswith("họp đột xuất ")
    # everyday words for the regulations' own: a matter, taking a thing somewhere
    assert "việc" in same_meaning("nhất là chuyện nhân sự")
    assert "đưa" in same_meaning("đem ra hội nghị")


def test_a_phrase_of_the_same_meaning_is_a_phrase_the_clause_shares(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A question of several words must share a two-word phrase with its clause; one of
    the same meaning as the clause's words counts ("đi công tác" for "vắng mặt")."""
    from tests.assistant.test_answer import assistant_over

    regulation = (
        "ĐẢNG ỦY XÃ BẾN ĐÒ\nSố 04-QC/ĐU\n\nQUY CHẾ LÀM VIỆC\nĐảng ủy xã Bến Đò\n\n"
        "Điều 1. Phạm vi\nQuy chế này quy định chế độ làm việc của Đảng ủy xã Bến Đò.\n\n"
        "Điều 2. Đảng ủy viên\n"
        "1. Đảng ủy viên vắng mặt hội nghị phải báo cáo Bí thư bằng văn bản trước một ngày.\n"
        "2. Đảng ủy viên học tập nghị quyết đầy đủ.\n\n"
        "Điều 3. Văn phòng\nVăn phòng lưu trữ hồ sơ hội nghị và sổ sách kế toán.\n"
    )
    from assistant.understand import understand

    assistant = assistant_over(tmp_path, {"ben-do.txt": regulation})
    answerer = assistant._answerer
    u = understand("Đảng ủy viên bận đi công tác xa tuần họp thì phải làm gì?", [], answerer._docs)
    located = answerer.locator.locate(u, answerer.locator.retrieve(u))
    item = next(i for i in located if i.article.number == 2 and i.clause.number == 1)
    assert answerer.evidence._shares_phrase(u, item)
