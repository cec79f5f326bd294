"""``quyche powers``: the table of powers written at ingest, listed with citations."""

from __future__ import annotations

import json

import pytest

from app.cli import main
from assistant.service import Assistant
from ingest.settings import Settings

KON_TUM = "quy-che-ban-can-su-dang-ubnd-tinh-kon-tum-2021-2026"


def test_snapshot_holds_the_table(corpus_settings: Settings) -> None:
    snapshot = Assistant.open(corpus_settings).home.current_snapshot()
    assert snapshot is not None and (snapshot / "powers" / f"{KON_TUM}.json").exists()


def test_body_named_any_way(corpus_assistant: Assistant) -> None:
    by_name = corpus_assistant.powers(document_id=KON_TUM, body="Bí thư")
    assert by_name and by_name == corpus_assistant.powers(document_id=KON_TUM, body="bi thu")
    assert {p.body for p in by_name} == {"Bí thư"}


def test_json_records(
    corpus_settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("QUYCHE_HOME", str(corpus_settings.home))
    monkeypatch.setenv("QUYCHE_EMBEDDING_BACKEND", "fake")
    assert main(["powers", "--doc", KON_TUM, "--body", "BTV", "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert records
    for record in records:
        assert {"body", "act", "action", "condition", "document_id", "article", "clause"} <= set(
            record
        )
        assert {"point", "quote", "cite_as"} <= set(record)
        assert record["body"] == "Ban Thường vụ" and "Điều" in record["cite_as"]
    assert main(["powers", "--doc", KON_TUM]) == 0
    assert "| cơ quan |" in capsys.readouterr().out
