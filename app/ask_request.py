"""One request shape for every way a question arrives: `POST /api/ask` and `ask --jsonl`.

Both read a question the same way and say what is wrong with it the same way: one short
Vietnamese sentence naming the field, never pydantic's raw error dump. A batch that loses a
line silently, or answers lines out of step with their ids, breaks every script built on it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.models import Turn

MAX_HISTORY_TURNS = 50

_FIELD_NAMES = {
    "question": "câu hỏi (question)",
    "history": "lịch sử hội thoại (history)",
    "document_ids": "danh sách văn bản (document_ids)",
    "id": "mã câu hỏi (id)",
    "role": "vai trò (role)",
    "content": "nội dung (content)",
}


class AskRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    question: str = Field(min_length=1)
    history: list[Turn] = Field(default_factory=list, max_length=MAX_HISTORY_TURNS)
    document_ids: list[str] | None = None
    id: str | None = Field(default=None, max_length=200)


class RequestProblem(BaseModel):
    """Why one request could not be read; what a batch writes in place of its answer."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str | None = None
    line: int | None = None
    error: str


def _where(loc: Sequence[int | str]) -> str:
    parts: list[str] = []
    for step in loc:
        if isinstance(step, int):
            parts.append(f"lượt thứ {step + 1}")
        else:
            parts.append(_FIELD_NAMES.get(step, f"'{step}'"))
    return ", ".join(reversed(parts)) if parts else "yêu cầu"


def _one_error(error: Any) -> str:
    kind = str(error.get("type", ""))
    if kind == "json_invalid":
        return "nội dung không phải JSON hợp lệ"
    where = _where(tuple(error.get("loc", ())))
    if kind == "missing":
        return f"thiếu {where}"
    if kind == "extra_forbidden":
        return f"trường {where} không được hỗ trợ"
    if kind == "literal_error" and tuple(error.get("loc", ()))[-1:] == ("role",):
        return f"{where} phải là 'user' hoặc 'assistant'"
    if kind == "string_too_short":
        return f"{where} trống"
    if kind in {"string_too_long", "too_long"}:
        return f"{where} quá dài"
    if kind in {"string_type", "list_type", "model_type", "dict_type", "model_attributes_type"}:
        return f"{where} sai kiểu dữ liệu"
    return f"{where} không hợp lệ"


def describe(exc: ValidationError) -> str:
    """One Vietnamese sentence for a validation failure (first two problems)."""
    reasons = [_one_error(e) for e in exc.errors()[:2]]
    return "Yêu cầu không hợp lệ: " + "; ".join(reasons) + "."


def describe_errors(errors: Sequence[Any]) -> str:
    """The same sentence for FastAPI's list of request errors (locations start at 'body')."""
    trimmed = [{**e, "loc": tuple(e.get("loc", ()))[1:]} for e in errors[:2]]
    return "Yêu cầu không hợp lệ: " + "; ".join(_one_error(e) for e in trimmed) + "."


def _raw_id(raw: object) -> str | None:
    if isinstance(raw, dict) and raw.get("id") is not None:
        return str(raw["id"])[:200]
    return None


def read_line(line: str, number: int) -> AskRequest | RequestProblem:
    """One JSON Lines input line as a request, or the problem that stands in for it."""
    if not line.strip():
        return RequestProblem(line=number, error="Dòng trống: không có câu hỏi.")
    try:
        raw = json.loads(line)
    except ValueError:
        return RequestProblem(line=number, error="Dòng không phải JSON hợp lệ.")
    if not isinstance(raw, dict):
        return RequestProblem(line=number, error="Mỗi dòng phải là một đối tượng JSON.")
    if raw.get("id") is not None and not isinstance(raw["id"], str):
        raw = {**raw, "id": str(raw["id"])}
    try:
        return AskRequest.model_validate(raw)
    except ValidationError as exc:
        return RequestProblem(id=_raw_id(raw), line=number, error=describe(exc))


def question_problem(question: str, max_chars: int) -> str | None:
    """Why a question cannot be asked at all (empty, over the length limit), else None."""
    text = question.strip()
    if not text:
        return "Câu hỏi trống."
    if len(text) > max_chars:
        return f"Câu hỏi quá dài ({len(text)} ký tự, tối đa {max_chars})."
    return None
