"""Ingest into a data home: bad files, duplicates, unchanged re-ingest, atomic snapshots."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.home import DataHome
from assistant.pipeline import ingest_paths
from tests.conftest import CORPUS

KON_TUM = CORPUS / "quy-che-ban-can-su-dang-ubnd-tinh-kon-tum-2021-2026.txt"
DONG_THAP = CORPUS / "quy-che-dang-uy-khoi-co-quan-tinh-dong-thap-khoa-vii.txt"


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(KON_TUM, folder / KON_TUM.name)
    (folder / "rong.txt").write_bytes(b"")
    (folder / "nhi-phan.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "khong-dieu.md").write_text("Biên bản họp chi bộ.\nNội dung: thảo luận.\n", "utf-8")
    (folder / "sai-ma.txt").write_bytes(
        "Điều 1. Phạm vi\n".encode("cp1258", errors="replace") + b"\xff\xfe\xfa"
    )
    (folder / "ban-sao.txt").write_bytes(KON_TUM.read_bytes())  # same text, another name
    return folder


def test_bad_files_are_reported_and_the_rest_ingested(tmp_path: Path, inbox: Path) -> None:
    home = DataHome(tmp_path / "home")
    report = ingest_paths(home, [inbox])
    # Files are read in name order: the copy comes first, the original is the duplicate.
    assert report.added == ["ban-sao"]
    reasons = "\n".join(report.errors)
    assert len(report.errors) == 5, reasons
    for name in ("rong.txt", "nhi-phan.txt", "khong-dieu.md", "sai-ma.txt"):
        assert name in reasons
    assert "đã được nạp với mã" in reasons  # the copy under another name
    assert all("\n" not in line for line in report.errors)
    assert set(home.read_documents(home.current_snapshot())) == set(report.added)


def test_unchanged_reingest_does_no_work(tmp_path: Path) -> None:
    home = DataHome(tmp_path / "home")
    first = ingest_paths(home, [KON_TUM, DONG_THAP])
    assert len(first.added) == 2 and first.snapshot
    second = ingest_paths(home, [KON_TUM, DONG_THAP])
    assert second.unchanged == sorted(second.unchanged) and len(second.unchanged) == 2
    assert not second.changed and second.snapshot is None
    assert home.current_snapshot() is not None
    assert home.current_snapshot().name == first.snapshot


def test_failed_ingest_leaves_the_home_untouched(tmp_path: Path, inbox: Path) -> None:
    home = DataHome(tmp_path / "home")
    ingest_paths(home, [DONG_THAP])
    before = home.current_snapshot()
    report = ingest_paths(home, [inbox / "rong.txt", inbox / "nhi-phan.txt"])
    assert len(report.errors) == 2 and not report.changed
    assert home.current_snapshot() == before


def test_changed_file_replaces_and_remove_deletes(tmp_path: Path) -> None:
    home = DataHome(tmp_path / "home")
    source = tmp_path / "quy-che.txt"
    source.write_text(KON_TUM.read_text("utf-8"), "utf-8")
    ingest_paths(home, [source])
    source.write_text(
        KON_TUM.read_text("utf-8").replace("ít nhất 01 ngày", "ít nhất 02 ngày"), "utf-8"
    )
    report = ingest_paths(home, [source])
    assert report.updated == ["quy-che"]
    doc = home.read_documents(home.current_snapshot())["quy-che"]
    assert "ít nhất 02 ngày" in doc.text
    report = ingest_paths(home, [], remove=["quy-che"])
    assert report.removed == ["quy-che"]
    assert home.read_documents(home.current_snapshot()) == {}


def test_cli_exit_code_and_stderr(tmp_path: Path, inbox: Path) -> None:
    env = {
        "QUYCHE_HOME": str(tmp_path / "home"),
        "QUYCHE_EMBEDDING_BACKEND": "none",
        "PATH": "/usr/bin:/bin",
    }
    run = subprocess.run(
        [sys.executable, "-m", "app.cli", "ingest", str(inbox), "-q"],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        timeout=120,
    )
    assert run.returncode == 1
    errors = [line for line in run.stderr.splitlines() if line.startswith("lỗi:")]
    assert len(errors) == 5
    assert "Traceback" not in run.stderr
    assert "thêm 1" in run.stdout
