"""Words that say the same thing (assistant/same_meaning.py)."""

from __future__ import annotations

from assistant.same_meaning import same_meaning, with_same_meaning


def test_a_group_is_found_by_any_of_its_words_typed_either_way() -> None:
    assert "đi công tác" in same_meaning("Nếu tổ trưởng vắng mặt thì tổ phó thay")
    assert "vắng mặt" in same_meaning("to truong di cong tac")
    assert same_meaning("Tổ họp mỗi tháng một lần") == ""
    assert with_same_meaning("họp đột xuất").startswith("họp đột xuất ")
