"""Upload names never become paths outside the staging folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.upload import (
    FileOutcome,
    Upload,
    file_outcomes,
    read_upload,
    safe_filename,
    stage_uploads,
)
from tests.app.conftest import FakeIngestReport


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd", "passwd"),
        ("..\\..\\Windows\\Quy Chế.DOCX", "quy-che.docx"),
        ("/abs/Quy chế Tỉnh ủy Điện Biên.txt", "quy-che-tinh-uy-dien-bien.txt"),
        ("..", "tai-lieu"),
        (".hidden.md", "hidden.md"),
        ("a\x00b.txt", "ab.txt"),
        ("<script>.pdf", "script.pdf"),
        ("noext", "noext"),
    ],
)
def test_safe_filename(name: str, expected: str) -> None:
    assert safe_filename(name) == expected


def test_stage_uploads_stays_in_its_folder(tmp_path: Path) -> None:
    staged = stage_uploads(
        [Upload("../../x.txt", b"Dieu 1"), Upload("x.txt", b"Dieu 2"), Upload("y.exe", b"MZ")],
        max_bytes=100,
        directory=tmp_path,
    )
    assert [p.name for p in staged.paths] == ["x.txt", "x-2.txt"]
    assert all(p.parent == tmp_path for p in staged.paths)
    assert staged.errors == [
        "y.exe: tệp .exe không phải định dạng được hỗ trợ; chỉ nạp được tệp .txt, .md, .docx, "
        ".doc hoặc .pdf"
    ]
    assert stage_uploads([Upload("cu.DOC", b"x")], 100, tmp_path).errors == []


def test_read_upload_stops_past_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 1000)
    upload = read_upload(path, "big.txt", max_bytes=10)
    assert len(upload.data) == 11
    assert stage_uploads([upload], 10, tmp_path / "out").errors == [
        "big.txt: tệp quá lớn (tối đa 10 byte)"
    ]


def test_scrub_puts_the_users_name_for_every_path(tmp_path: Path) -> None:
    staged = stage_uploads([Upload("Quy chế mới.txt", b"Dieu 1")], 100, tmp_path)
    path = staged.paths[0]
    assert (
        staged.scrub(f"{path}: không tìm thấy Điều nào")
        == "Quy chế mới.txt: không tìm thấy Điều nào"
    )
    assert staged.scrub(f"{path.name}: trang 2 bị bỏ qua") == "Quy chế mới.txt: trang 2 bị bỏ qua"
    assert staged.scrub("/tmp/gradio/abc123/khac.pdf: lỗi") == "khac.pdf: lỗi"
    kept = "Quyết định 261-QĐ/TW ngày 24/01/2025, 1 lần/3 tháng"
    assert staged.scrub(kept) == kept


def test_file_outcomes_one_per_file(tmp_path: Path) -> None:
    staged = stage_uploads(
        [Upload("Tốt.txt", b"Dieu 1"), Upload("Hỏng.md", b"x"), Upload("a.exe", b"MZ")],
        100,
        tmp_path,
    )
    report = FakeIngestReport(
        added=["tot"],
        errors=[f"{staged.paths[1]}: không tìm thấy Điều nào", "/tmp/x/khac.txt: lỗi"],
        warnings=["tot.txt: trang 2 bị bỏ qua"],
    )
    outcomes, errors, warnings = file_outcomes(staged, report)
    assert outcomes == [
        FileOutcome(name="a.exe", status="error", error=outcomes[0].error),
        FileOutcome(name="Tốt.txt", status="added", document_id="tot"),
        FileOutcome(name="Hỏng.md", status="error", error="không tìm thấy Điều nào"),
    ]
    assert errors == ["khac.txt: lỗi"]
    assert warnings == ["Tốt.txt: trang 2 bị bỏ qua"]
