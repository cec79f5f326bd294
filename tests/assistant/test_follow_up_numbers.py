"""A follow-up that gives new numbers is computed with the same rule, typed any way."""

from __future__ import annotations

from pathlib import Path

from assistant.models import Answer, Turn
from tests.assistant.test_answer import assistant_over

REGULATION = """QUY CHẾ LÀM VIỆC CỦA ĐẢNG ỦY XÃ AN TƯỜNG

Điều 1. Phạm vi
Quy chế này quy định việc làm việc của Đảng ủy xã An Tường.

Điều 2. Hội nghị Đảng ủy
1. Hội nghị Đảng ủy phải có ít nhất 2/3 tổng số đảng ủy viên tham dự.
2. Nghị quyết của Đảng ủy phải có trên 1/2 tổng số đảng ủy viên tán thành.
"""


def _follow_up(tmp_path: Path, first: str, second: str) -> Answer:
    """The answer to ``second`` asked after ``first`` and its answer."""
    assistant = assistant_over(tmp_path, {"xa-an-tuong.txt": REGULATION})
    history = [
        Turn(role="user", content=first),
        Turn(role="assistant", content=assistant.ask(first).answer),
    ]
    return assistant.ask(second, history=history)


def test_new_numbers_typed_without_diacritics_are_computed(tmp_path: Path) -> None:
    answer = _follow_up(
        tmp_path,
        "Hội nghị Đảng ủy xã An Tường cần bao nhiêu người dự?",
        "the neu dang uy co 31 uy vien ma hom do chi 20 dong chi du thi hop duoc khong",
    )
    assert answer.kind == "numeric"
    assert "21" in answer.answer and "Không đủ" in answer.answer


def test_the_size_given_two_turns_back_is_still_the_bodys(tmp_path: Path) -> None:
    """The size said in the first question holds for a third about the same body, though
    the second gave none."""
    assistant = assistant_over(tmp_path, {"xa-an-tuong.txt": REGULATION})
    history: list[Turn] = []
    for question in (
        "Đảng ủy xã An Tường có 31 đảng ủy viên thì hội nghị cần mấy người dự?",
        "thế còn họp định kỳ thì sao?",
    ):
        history += [
            Turn(role="user", content=question),
            Turn(role="assistant", content=assistant.ask(question, history=history).answer),
        ]
    answer = assistant.ask("vậy nghị quyết cần bao nhiêu người tán thành?", history=history)
    assert answer.kind == "numeric"
    assert "16" in answer.answer


def test_a_new_size_in_a_story_of_its_own_is_computed(tmp_path: Path) -> None:
    """ "sau đại hội bổ sung lên 29 người": the story around the new size is no topic the
    rule must name; the size is what the rule computes with."""
    answer = _follow_up(
        tmp_path,
        "Đảng ủy xã An Tường họp thì cần tối thiểu bao nhiêu người dự?",
        "the sau khi kien toan xong dang uy len 29 nguoi thi can it nhat may nguoi du",
    )
    assert answer.kind == "numeric"
    assert "20" in answer.answer


def test_the_size_said_two_turns_back_holds_for_a_count_of_another_role(tmp_path: Path) -> None:
    """The body's size set the scene; a later turn that gives only those present and those
    in favour is computed on it."""
    assistant = assistant_over(tmp_path, {"xa-an-tuong.txt": REGULATION})
    first = "Đảng ủy xã An Tường có 21 đảng ủy viên thì hội nghị cần bao nhiêu người dự?"
    second = "còn nghị quyết thì cần bao nhiêu người tán thành?"
    history: list[Turn] = []
    for asked in (first, second):
        history += [
            Turn(role="user", content=asked),
            Turn(role="assistant", content=assistant.ask(asked, history=history).answer),
        ]
    answer = assistant.ask("vay hom do 15 nguoi du ma 10 nguoi tan thanh thi sao", history=history)
    assert answer.kind == "numeric"
    assert "11" in answer.answer and "Không đủ" in answer.answer
