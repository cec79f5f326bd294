"""Two app instances on one Chroma server: what one ingests, the other answers, and both
give the same answer JSON. Everything runs on 127.0.0.1 with bounded waits."""

from __future__ import annotations

import json
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from assistant.home import DataHome
from assistant.pipeline import ingest_paths
from assistant.service import Assistant
from assistant.shared import SharedState
from ingest.errors import IngestLockedError
from ingest.settings import Settings
from tests.hardening.conftest import QUYCHE, assert_grounded, quiet_env

CHROMA = str(Path(QUYCHE).with_name("chroma"))

REGULATION_A = """ĐẢNG BỘ XÃ HAI MÁY
Số 11-QC/ĐU
QUY CHẾ
làm việc của Đảng ủy xã Hai Máy nhiệm kỳ 2025-2030
Điều 1. Phạm vi điều chỉnh
Quy chế này quy định chế độ làm việc của Đảng ủy xã Hai Máy.
Điều 2. Chế độ sinh hoạt
1. Đảng ủy xã Hai Máy sinh hoạt thường kỳ vào ngày mùng năm hằng tháng tại hội trường xã.
2. Biên bản sinh hoạt do đồng chí Chánh Văn phòng Đảng ủy ký xác nhận.
"""

REGULATION_B = """CHI BỘ THÔN SƯƠNG MÙ
Số 12-QC/CB
QUY CHẾ
làm việc của Chi bộ thôn Sương Mù
Điều 1. Phạm vi điều chỉnh
Quy chế này quy định chế độ làm việc của Chi bộ thôn Sương Mù.
Điều 2. Lưu giữ sổ sách
1. Sổ nghị quyết của Chi bộ thôn Sương Mù được cất giữ trong hòm gỗ lim có hai khóa.
"""

QUESTION_A = "Đảng ủy xã Hai Máy sinh hoạt thường kỳ vào ngày nào?"
QUESTION_B = "Sổ nghị quyết của Chi bộ thôn Sương Mù được cất giữ ở đâu?"
ID_A = "quy-che-xa-hai-may"
ID_B = "quy-che-thon-suong-mu"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait(check: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"timed out after {seconds:.0f}s waiting for {what}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("chroma-server")
    port = _free_port()
    log = (folder / "chroma.log").open("wb")
    process = subprocess.Popen(
        [CHROMA, "run", "--path", str(folder / "data"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=quiet_env(),
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait(
            lambda: httpx.get(f"{url}/api/v2/heartbeat", timeout=1).status_code == 200,
            30,
            "the chroma server",
        )
        yield url
    finally:
        _stop(process)
        log.close()


def _serve(home: Path, port: int, chroma: str, log: Path) -> subprocess.Popen[bytes]:
    env = quiet_env(
        QUYCHE_HOME=str(home), QUYCHE_CHROMA_URL=chroma, QUYCHE_EMBEDDING_BACKEND="fake"
    )
    return subprocess.Popen(
        [QUYCHE, "serve", "--host", "127.0.0.1", "--port", str(port)],
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        env=env,
    )


def _healthy(port: int) -> Callable[[], bool]:
    def check() -> bool:
        return httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2).status_code == 200

    return check


def _ask(port: int, question: str) -> dict[str, Any]:
    response = httpx.post(
        f"http://127.0.0.1:{port}/api/ask", json={"question": question}, timeout=30
    )
    response.raise_for_status()
    body: dict[str, Any] = response.json()
    return body


def _cites(body: dict[str, Any], doc_id: str) -> bool:
    return any(c["document_id"] == doc_id for c in body["citations"])


def test_two_servers_share_one_chroma(chroma_url: str, tmp_path: Path) -> None:
    ports = (_free_port(), _free_port())
    servers = [
        _serve(tmp_path / f"home-{n}", port, chroma_url, tmp_path / f"serve-{n}.log")
        for n, port in enumerate(ports)
    ]
    try:
        for port in ports:
            _wait(_healthy(port), 90, f"quyche serve on {port}")
        # Ingest through instance A's CLI (its own home), with embedding into the server.
        source = tmp_path / "docs"
        source.mkdir()
        (source / f"{ID_A}.txt").write_text(REGULATION_A, encoding="utf-8")
        env = quiet_env(
            QUYCHE_HOME=str(tmp_path / "home-0"),
            QUYCHE_CHROMA_URL=chroma_url,
            QUYCHE_EMBEDDING_BACKEND="fake",
        )
        done = subprocess.run(
            [QUYCHE, "ingest", "-q", str(source)],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        started = time.monotonic()
        _wait(lambda: _cites(_ask(ports[1], QUESTION_A), ID_A), 20, "instance B to answer")
        seen_after = time.monotonic() - started
        # Each instance checks the shared pointer at most every REFRESH_SECONDS, so A may
        # lag B by up to that long (a CI run asked A before its next check was due): wait.
        _wait(lambda: _cites(_ask(ports[0], QUESTION_A), ID_A), 20, "instance A to answer")
        a, b = _ask(ports[0], QUESTION_A), _ask(ports[1], QUESTION_A)
        assert a == b
        assert a["kind"] == "answer" and "mùng năm" in json.dumps(a, ensure_ascii=False)
        # And the other way: an upload through instance B's API is answered by A.
        upload = httpx.post(
            f"http://127.0.0.1:{ports[1]}/api/ingest",
            files=[("files", (f"{ID_B}.txt", REGULATION_B.encode(), "text/plain"))],
            timeout=60,
        )
        assert upload.status_code == 200 and upload.json()["added"] == [ID_B], upload.text
        _wait(lambda: _cites(_ask(ports[0], QUESTION_B), ID_B), 20, "instance A to answer")
        for question in (QUESTION_A, QUESTION_B, "Ai ký biên bản sinh hoạt?"):
            assert _ask(ports[0], question) == _ask(ports[1], question), question
        docs = [httpx.get(f"http://127.0.0.1:{p}/api/documents", timeout=10).json() for p in ports]
        assert docs[0] == docs[1] and {d["id"] for d in docs[0]} == {ID_A, ID_B}
        print(
            f"\ntwo instances on {chroma_url}: B answered A's ingest after {seen_after:.1f}s; "
            "identical answer JSON for 3 questions; A answered B's upload"
        )
    finally:
        for server in servers:
            _stop(server)


def test_library_shared_state(chroma_url: str, tmp_path: Path) -> None:
    """Assistant objects on the same server: the snapshot marker, refresh, and a publish
    racing another one is refused instead of overwriting it."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "quy-che-mot.txt").write_text(REGULATION_A.replace("Hai Máy", "Một"), "utf-8")
    settings = [
        Settings(home=tmp_path / f"h{n}", chroma_url=chroma_url, embedding_backend="none")
        for n in range(2)
    ]
    first = Assistant.open(settings[0])
    second = Assistant.open(settings[1])
    report = Assistant.ingest_files(settings[0], [folder])
    assert report.added == ["quy-che-mot"]
    second.refresh_seconds = 0.0
    answer = second.ask("Đảng ủy xã Một sinh hoạt thường kỳ vào ngày nào?")
    assert_grounded(second, answer)
    assert any(c.document_id == "quy-che-mot" for c in answer.citations)
    first.reload()
    assert first.snapshot_name == second.snapshot_name
    assert (tmp_path / "h0" / "snapshots" / first.snapshot_name).is_dir()
    # A second ingest of the same file from the other home changes nothing but mirrors.
    again = Assistant.ingest_files(settings[1], [folder])
    assert again.unchanged == ["quy-che-mot"] and not again.changed
    assert (tmp_path / "h1" / "snapshots" / first.snapshot_name).is_dir()
    # A publish whose starting point is stale is refused.
    shared = SharedState.connect(settings[0])
    loaded = shared.load()
    assert loaded is not None
    with pytest.raises(IngestLockedError):
        shared.publish(
            "snap-raced",
            loaded.marker.manifest,
            loaded.documents,
            loaded.rules,
            expected="snap-someone-else",
        )
    assert shared.marker() == loaded.marker
    # The pipeline itself starts from the shared state, not the local home.
    report = ingest_paths(DataHome(tmp_path / "fresh"), [], shared=shared)
    assert not report.changed and not report.errors
