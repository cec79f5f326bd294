"""Reading one request line: every failure becomes one Vietnamese sentence, never a dump."""

from __future__ import annotations

import json

import pytest

from app.ask_request import AskRequest, RequestProblem, question_problem, read_line


def test_a_good_line_is_a_request() -> None:
    line = json.dumps({"id": 7, "question": "Ai ký quyết định?", "history": []})
    request = read_line(line, 1)
    assert isinstance(request, AskRequest)
    assert request.id == "7"


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("", "Dòng trống"),
        ("{nope", "JSON"),
        ("[1, 2]", "đối tượng JSON"),
        (json.dumps({"id": "a"}), "thiếu câu hỏi"),
        (json.dumps({"question": ""}), "câu hỏi (question) trống"),
        (
            json.dumps({"question": "x", "history": [{"role": "system", "content": "y"}]}),
            "'user' hoặc 'assistant'",
        ),
        (json.dumps({"question": "x", "colour": 1}), "không được hỗ trợ"),
    ],
)
def test_a_bad_line_is_a_problem_with_a_short_message(line: str, words: str) -> None:
    problem = read_line(line, 3)
    assert isinstance(problem, RequestProblem)
    assert problem.line == 3
    assert words in problem.error
    assert "\n" not in problem.error and "type=" not in problem.error


def test_a_problem_keeps_the_id_it_could_read() -> None:
    problem = read_line(json.dumps({"id": "q9", "history": "x"}), 1)
    assert isinstance(problem, RequestProblem) and problem.id == "q9"


def test_question_problem() -> None:
    assert question_problem("  ", 10) == "Câu hỏi trống."
    assert "quá dài" in (question_problem("x" * 11, 10) or "")
    assert question_problem("Ai?", 10) is None
