"""Upload names never become paths outside the staging folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.upload import Upload, read_upload, safe_filename, stage_uploads


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
        "y.exe: định dạng .exe không được hỗ trợ; dùng .txt, .md, .docx hoặc .pdf"
    ]


def test_read_upload_stops_past_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 1000)
    upload = read_upload(path, "big.txt", max_bytes=10)
    assert len(upload.data) == 11
    assert stage_uploads([upload], 10, tmp_path / "out").errors == [
        "big.txt: tệp quá lớn (tối đa 10 byte)"
    ]
