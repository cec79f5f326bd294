"""`quyche ask --jsonl`: exactly one output line per input line, in order, with its id."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app import ask_cmd, cli
from tests.app.conftest import FakeAssistant


def test_every_line_gets_one_line_back(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    fake_assistant: FakeAssistant,
) -> None:
    lines = [
        json.dumps({"id": "a", "question": "Ai ký văn bản?"}),
        "{broken",
        json.dumps({"id": "c", "question": "Ai ký?", "history": [{"role": "bot", "content": "x"}]}),
        "",
        json.dumps({"id": "e", "question": "x" * 100_000}),
        json.dumps({"id": "f", "question": "Ai triệu tập hội nghị?"}),
    ]
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(ask_cmd, "open_assistant", lambda args: fake_assistant)
    monkeypatch.setenv("QUYCHE_HOME", str(tmp_path / "home"))

    assert cli.main(["ask", "--jsonl", str(batch)]) == 1

    out = capsys.readouterr()
    records = [json.loads(line) for line in out.out.splitlines()]
    assert len(records) == len(lines)
    assert [r.get("id") for r in records] == ["a", None, "c", None, "e", "f"]
    assert [("error" in r) for r in records] == [False, True, True, True, True, False]
    assert records[2]["line"] == 3 and "'assistant'" in records[2]["error"]
    assert "quá dài" in records[4]["error"]
    assert "Traceback" not in out.err and "validation error" not in out.err
    assert [q for q, _, _ in fake_assistant.calls] == ["Ai ký văn bản?", "Ai triệu tập hội nghị?"]


def test_a_missing_batch_file_is_one_line_of_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def no_assistant(args: object) -> None:
        raise AssertionError("opened the assistant for a file that is not there")

    monkeypatch.setattr(ask_cmd, "open_assistant", no_assistant)
    assert cli.main(["ask", "--jsonl", str(tmp_path / "none.jsonl")]) == 2
    err = capsys.readouterr().err
    assert "không có tệp câu hỏi" in err and "Traceback" not in err


def test_a_line_that_is_not_utf8_gets_its_error_and_the_rest_are_answered(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    fake_assistant: FakeAssistant,
) -> None:
    batch = tmp_path / "batch.jsonl"
    good = json.dumps({"id": "b", "question": "Ai ký văn bản?"}, ensure_ascii=False)
    batch.write_bytes(b"\xff\xfe\x00garbage\n" + good.encode() + b"\n")
    monkeypatch.setattr(ask_cmd, "open_assistant", lambda args: fake_assistant)
    monkeypatch.setenv("QUYCHE_HOME", str(tmp_path / "home"))
    assert cli.main(["ask", "--jsonl", str(batch)]) == 1
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [("error" in r) for r in records] == [True, False]
