"""`quyche compare`: JSON, reports, errors, and the data home left untouched."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from assistant.service import Assistant
from ingest.settings import Settings
from tests.assistant.drafting.texts import DRAFT, MODEL


def _files(root: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(root)): (p.stat().st_mtime_ns, p.stat().st_size)
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def home(tmp_path: Path) -> Path:
    model = tmp_path / "src" / "quy-che-mau-xa.txt"
    model.parent.mkdir()
    model.write_text(MODEL, encoding="utf-8")
    settings = Settings(home=tmp_path / "home", embedding_backend="none")
    report = Assistant.ingest_files(settings, [model])
    assert report.added == ["quy-che-mau-xa"]
    return settings.home


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "du-thao.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def test_json_against_an_ingested_model_leaves_the_home_untouched(
    home: Path, draft: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _files(home)
    md, word = tmp_path / "bao-cao.md", tmp_path / "bao-cao.docx"
    argv = ["compare", str(draft), "--with", "quy-che-mau-xa", "--home", str(home), "--json"]
    assert main([*argv, "--markdown", str(md), "--docx", str(word)]) == 0
    records = json.loads(capsys.readouterr().out)
    assert len(records) == 12
    first = records[0]
    assert set(first) >= {"kind", "model", "draft", "old", "new", "model_cite_as", "draft_cite_as"}
    assert first["kind"] == "power_moved"
    assert first["model"] == {"article": 2, "clause": 1}
    assert md.read_text("utf-8").startswith("# So sánh dự thảo với quy chế mẫu")
    assert word.read_bytes()[:2] == b"PK"
    assert _files(home) == before


def test_two_files_and_the_text_listing(
    draft: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    model = tmp_path / "mau.txt"
    model.write_text(MODEL, encoding="utf-8")
    assert main(["compare", str(draft), "--with", str(model), "--home", str(tmp_path / "h")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("12 điểm khác")
    assert "mẫu: khoản 1 Điều 2" in out
    assert not (tmp_path / "h").exists()


def test_a_draft_that_cannot_be_parsed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "trong.txt"
    bad.write_text("Văn bản không có điều nào.\n", encoding="utf-8")
    model = tmp_path / "mau.txt"
    model.write_text(MODEL, encoding="utf-8")
    assert main(["compare", str(bad), "--with", str(model), "--home", str(tmp_path / "h")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("lỗi: không đọc được dự thảo trong.txt:")
    assert "\n" not in err


def test_a_docx_draft_reads_as_its_text_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import docx

    word = docx.Document()
    for line in DRAFT.splitlines():
        word.add_paragraph(line)
    draft_docx = tmp_path / "du-thao.docx"
    word.save(str(draft_docx))
    draft_txt = tmp_path / "du-thao.txt"
    draft_txt.write_text(DRAFT, encoding="utf-8")
    model = tmp_path / "mau.txt"
    model.write_text(MODEL, encoding="utf-8")
    found = []
    for draft in (draft_docx, draft_txt):
        argv = [
            "compare",
            str(draft),
            "--with",
            str(model),
            "--home",
            str(tmp_path / "h"),
            "--json",
        ]
        assert main(argv) == 0
        records = json.loads(capsys.readouterr().out)
        found.append([(r["kind"], r["model"], r["draft"], r["old"], r["new"]) for r in records])
    assert found[0] == found[1]
    assert len(found[0]) == 12
