"""The conversational frame of a question (assistant/chat_frame.py), read through the
normaliser that drops it, on made-up wording."""

from __future__ import annotations

from assistant.chat_frame import is_interrogative


def test_question_words_are_never_part_of_the_frame() -> None:
    assert is_interrogative("ai") and is_interrogative("mấy")
    assert not is_interrogative("tổ")
