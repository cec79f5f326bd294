"""Crash safety of the data home: kill -9 during ingest, the ingest lock, schema version.

A killed ingest must leave the home answering from the last complete snapshot (the one
before, or the new one, never a mix), and the next ingest must clear the leftovers.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from assistant.home import SCHEMA_VERSION, DataHome
from assistant.pipeline import ingest_paths
from assistant.service import Assistant
from ingest.errors import IndexVersionError, IngestLockedError
from ingest.settings import Settings
from tests.conftest import CORPUS
from tests.hardening.conftest import QUYCHE, assert_grounded, quiet_env

ROUNDS = 8
COPIES = 2  # of each bundled regulation per parse round: 10 documents (1 when embedding)
QUESTION = "Ai triệu tập hội nghị Ban Chấp hành?"
LOCKED = "Một tiến trình khác đang nạp văn bản"


def _variant(folder: Path, tag: str, copies: int = COPIES) -> set[str]:
    """A folder of regulation copies, each made distinct by one appended line."""
    folder.mkdir(parents=True)
    ids = set()
    for source in sorted(CORPUS.glob("*.txt")):
        text = source.read_text(encoding="utf-8")
        for n in range(copies):
            stem = f"{source.stem}-{tag}-{n}"
            (folder / f"{stem}.txt").write_text(
                f"{text}\nGhi chú: bản sao {tag}-{n} dùng cho kiểm thử.\n", encoding="utf-8"
            )
            ids.add(stem)
    return ids


def _ingest_cmd(folder: Path, embed: bool) -> list[str]:
    return [QUYCHE, "ingest", "-q", "--rebuild", str(folder), *([] if embed else ["--no-embed"])]


def _env(home: Path) -> dict[str, str]:
    return quiet_env(QUYCHE_HOME=str(home), QUYCHE_EMBEDDING_BACKEND="fake")


def _state(home: Path) -> set[str]:
    """Open the home like the app does and check it answers; the ids it holds."""
    settings = Settings(home=home, embedding_backend="fake")
    pointer = json.loads((home / "current.json").read_text(encoding="utf-8"))
    assert pointer["snapshot"].startswith("snap-"), pointer
    assistant = Assistant.open(settings)
    answer = assistant.ask(QUESTION)
    assert_grounded(assistant, answer)
    assert answer.citations
    return {d.id for d in assistant.documents()}


def _timed_run(cmd: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, capture_output=True, timeout=300)
    return time.perf_counter() - started


def test_kill_during_ingest_keeps_last_complete_snapshot(tmp_path: Path) -> None:
    rng = random.Random(20240611)
    home = tmp_path / "home"
    env = _env(home)
    _variant(tmp_path / "v-parse", "parse")
    committed = _variant(tmp_path / "v-base", "base", copies=1)
    durations = {
        False: _timed_run(_ingest_cmd(tmp_path / "v-parse", embed=False), env),
        True: _timed_run(_ingest_cmd(tmp_path / "v-base", embed=True), env),
    }
    assert _state(home) == committed
    outcomes: list[str] = []
    leftovers = 0
    for round_ in range(ROUNDS):
        embed = round_ % 2 == 1
        new = _variant(tmp_path / f"v{round_}", f"r{round_}", copies=1 if embed else COPIES)
        # Parse rounds die anywhere in the snapshot write; embed rounds mostly mid-upsert.
        delay = rng.uniform(0.3 * durations[embed] if embed else 0.2, durations[embed])
        process = subprocess.Popen(
            _ingest_cmd(tmp_path / f"v{round_}", embed),
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        finished = process.poll() is not None
        if not finished:
            os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        leftovers += any(p.name.startswith(".tmp-") for p in (home / "snapshots").iterdir())
        ids = _state(home)
        assert ids in (committed, new), f"round {round_}: a mix of two states"
        outcome = "finished" if finished else ("new" if ids == new else "previous")
        outcomes.append(f"{round_}:{'embed' if embed else 'parse'}@{delay:.2f}s→{outcome}")
        committed = ids
    print(
        f"\ncrash rounds (ingest {durations[False]:.1f}s / with embedding "
        f"{durations[True]:.1f}s): {', '.join(outcomes)}; rounds leaving .tmp- folders: "
        f"{leftovers}"
    )
    assert sum(o.endswith(("previous", "new")) for o in outcomes) >= ROUNDS // 2
    # A complete ingest clears every leftover and answers from the new state.
    final = _variant(tmp_path / "v-final", "final", copies=1)
    subprocess.run(_ingest_cmd(tmp_path / "v-final", True), env=env, check=True, timeout=300)
    assert _state(home) == final
    names = [p.name for p in (home / "snapshots").iterdir()]
    assert len(names) == 1 and names[0].startswith("snap-"), names
    assert not list(home.glob(".current.json.*.tmp"))


def test_leftovers_cleared_even_when_nothing_changed(tmp_path: Path) -> None:
    home = DataHome(tmp_path / "home")
    ingest_paths(home, [CORPUS])
    current = home.current_snapshot()
    assert current is not None
    (home.root / "snapshots" / ".tmp-deadbeef").mkdir()
    (home.root / "snapshots" / "snap-orphan").mkdir()
    (home.root / ".current.json.0123.tmp").write_text("{", encoding="utf-8")
    report = ingest_paths(home, [CORPUS])
    assert not report.changed and len(report.unchanged) == 5
    assert [p.name for p in (home.root / "snapshots").iterdir()] == [current.name]
    assert not list(home.root.glob(".current.json.*.tmp"))


def test_concurrent_ingest_gets_lock_error(tmp_path: Path) -> None:
    home = DataHome(tmp_path / "home")
    with home.lock():
        with pytest.raises(IngestLockedError, match=LOCKED):
            ingest_paths(DataHome(tmp_path / "home"), [CORPUS])
        done = subprocess.run(
            [QUYCHE, "ingest", "-q", "--no-embed", str(CORPUS)],
            env=_env(home.root),
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("lỗi: ") and LOCKED in lines[0], done.stderr
    assert "Traceback" not in done.stderr
    # Released: the next ingest goes through.
    assert ingest_paths(home, [CORPUS]).added


def test_two_cli_ingests_at_once_are_serialised(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = _env(home)
    big = _variant(tmp_path / "big", "big")  # 10 documents: long enough to overlap
    first = subprocess.Popen(
        _ingest_cmd(tmp_path / "big", embed=False),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not (home / "snapshots").exists() and time.monotonic() < deadline:
        time.sleep(0.05)  # the first holds the lock once it starts writing
    second = subprocess.run(
        [QUYCHE, "ingest", "-q", "--no-embed", str(CORPUS)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    _out, err = first.communicate(timeout=120)
    assert first.returncode == 0, err
    assert second.returncode == 1 and LOCKED in second.stderr, second.stderr
    assert _state(home) == big


@pytest.mark.parametrize(
    "command", [["ask", QUESTION], ["docs"], ["rules"], ["ask", "--json", "x"]]
)
@pytest.mark.parametrize(
    "pointer",
    [
        json.dumps({"schema": SCHEMA_VERSION + 41, "snapshot": "snap-x"}),
        json.dumps({"schema": 0}),
        "{not json",
    ],
)
def test_schema_mismatch_is_one_line(tmp_path: Path, command: list[str], pointer: str) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "current.json").write_text(pointer, encoding="utf-8")
    done = subprocess.run(
        [QUYCHE, *command], env=_env(home), capture_output=True, text=True, timeout=120
    )
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("lỗi: ") and "nạp lại" in lines[0], lines[0]
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_schema_mismatch_library_and_recovery(tmp_path: Path) -> None:
    home = DataHome(tmp_path / "home")
    ingest_paths(home, [CORPUS])
    pointer = home.root / "current.json"
    data = json.loads(pointer.read_text(encoding="utf-8"))
    pointer.write_text(json.dumps({**data, "schema": SCHEMA_VERSION + 1}), encoding="utf-8")
    settings = Settings(home=home.root, embedding_backend="none")
    with pytest.raises(IndexVersionError, match="nạp lại"):
        Assistant.open(settings)
    with pytest.raises(IndexVersionError):
        ingest_paths(home, [CORPUS])  # a plain ingest refuses too: it would merge into it
    report = ingest_paths(home, [CORPUS], rebuild=True)  # what the message tells users
    assert len(report.added) == 5
    assert len(Assistant.open(settings).documents()) == 5


def test_damaged_vector_store_falls_back_to_lexical(
    corpus_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a kill -9 mid-embed chroma can return rows without metadata; a question then
    gets a lexical answer instead of an exception."""
    from index.vector import VectorIndex

    assistant = Assistant.open(corpus_settings)
    assert assistant.ask(QUESTION).citations

    def broken(*_args: object, **_kwargs: object) -> list[object]:
        raise TypeError("'NoneType' object is not subscriptable")

    monkeypatch.setattr(VectorIndex, "query", broken)
    answer = assistant.ask(QUESTION)
    assert_grounded(assistant, answer)
    assert answer.citations
    assert assistant.ask("Ban Thường vụ họp mấy tháng một lần?").kind != "refusal"


@pytest.mark.skipif(shutil.which("flock") is None, reason="flock(1) not installed")
def test_backup_holding_lock_with_flock_tool(tmp_path: Path) -> None:
    """docs/deployment.md: `flock HOME/ingest.lock tar ...` keeps ingests out meanwhile."""
    home = DataHome(tmp_path / "home")
    ingest_paths(home, [CORPUS])
    holder = subprocess.Popen(
        ["flock", str(home.root / "ingest.lock"), "sleep", "30"], start_new_session=True
    )
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with home.lock(timeout=0.05):
                    pass
            except IngestLockedError:
                break
            time.sleep(0.05)
        with pytest.raises(IngestLockedError, match=LOCKED):
            ingest_paths(home, [CORPUS], rebuild=True)
    finally:
        os.killpg(holder.pid, signal.SIGKILL)  # flock and the sleep holding its descriptor
        holder.wait(timeout=10)
    assert ingest_paths(home, [CORPUS], rebuild=True).snapshot
