"""A conversation as markdown: each question, each answer's first line and text, and
its citations (``cite_as`` and the verbatim quote). The page stores these pieces with each
message and joins them into the download itself."""

from __future__ import annotations

from app.headline import headline
from assistant.models import Answer


def _quoted(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.splitlines())


def question_markdown(question: str) -> str:
    return f"## Hỏi: {' '.join(question.split())}\n"


def answer_markdown(answer: Answer) -> str:
    """The answer first, then "Căn cứ" with one numbered item per citation."""
    first, rest = headline(answer)
    lines = [f"**{first}**", ""]
    if rest:
        lines += [rest, ""]
    if answer.numeric is not None and answer.numeric.computation:
        lines += [f"Cách tính: {answer.numeric.computation}", ""]
    lines += [f"- {note}" for note in answer.notes]
    if answer.notes:
        lines.append("")
    if answer.citations:
        lines += ["Căn cứ:", ""]
    for i, c in enumerate(answer.citations, start=1):
        lines += [f"[{i}] {c.cite_as}", "", _quoted(c.quote), ""]
    return "\n".join(lines)


def error_markdown(message: str) -> str:
    return f"*{message}*\n"
