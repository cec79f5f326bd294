"""Old .doc files through antiword (or LibreOffice): fake converters on PATH for every
failure, and a real .doc when both tools are installed (``make test`` installs antiword)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from ingest import doc_convert
from ingest.doc_convert import INSTALL_HINT, NUMBERING_LOST, OLE_MAGIC, doc_text
from ingest.errors import InputError
from ingest.parse import parse_file
from tests.ingest.docx_twin import TXT, build_docx, build_txt, outline

ANTIWORD_OUTPUT = """\
QUY CHẾ LÀM VIỆC

Điều 1. Phạm vi

1. Ban Chấp hành họp mỗi quý một lần.[1]

|Người ký          |Văn bản             |
|Bí thư            |Nghị quyết          |

Điều 2. Hiệu lực

Quy chế có hiệu lực từ ngày ký.

-----------------------

[1] Ghi chú thử.
"""
FAKE_DOC = OLE_MAGIC + b"\x00" * 600


def _fake_tool(folder: Path, name: str, script: str) -> None:
    folder.mkdir(exist_ok=True)
    tool = folder / name
    tool.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    tool.chmod(0o755)


@pytest.fixture
def tools(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty PATH folder: only the converters a test writes there exist."""
    folder = tmp_path / "bin"
    folder.mkdir()
    monkeypatch.setenv("PATH", str(folder))
    return folder


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


class TestWithFakeConverters:
    def test_antiword_text_is_shaped_like_a_docx(self, tools: Path, tmp_path: Path) -> None:
        (tmp_path / "out.txt").write_text(ANTIWORD_OUTPUT, encoding="utf-8")
        _fake_tool(tools, "antiword", f'/bin/cat "{tmp_path / "out.txt"}"')
        doc = parse_file(_write(tmp_path, "cu.doc", FAKE_DOC))
        clause = doc.article(1).clause(1)
        assert clause.text == (
            "1. Ban Chấp hành họp mỗi quý một lần.\nNgười ký | Văn bản\nBí thư | Nghị quyết"
        )
        assert doc.text.rstrip().endswith("Chú thích cuối trang:\n[1] Ghi chú thử.")
        assert doc.article(2).clauses[0].text == "Quy chế có hiệu lực từ ngày ký."

    @pytest.mark.parametrize(
        ("script", "reason"),
        [
            ('echo "$5 is not a Word Document." >&2; exit 1', "antiword không đọc được"),
            ("exec /bin/sleep 5", "quá 1 giây"),
            ("echo 'Chỉ là ghi chú, không có điều nào.'", "số tự động"),
            ("exit 0", "không lấy được chữ"),
        ],
        ids=["fails", "hangs", "numbering-lost", "no-text"],
    )
    def test_antiword_failures_are_one_line(
        self,
        tools: Path,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        script: str,
        reason: str,
    ) -> None:
        monkeypatch.setattr(doc_convert, "CONVERT_TIMEOUT_S", 1)
        _fake_tool(tools, "antiword", script)
        path = _write(tmp_path, "cu.doc", FAKE_DOC)
        with pytest.raises(InputError, match=reason) as info:
            parse_file(path)
        message = str(info.value)
        assert message.startswith(str(path)) and "\n" not in message
        assert "quyche-doc-" not in message  # the temporary copy is never named
        if "Word Document" in message:
            assert "(cu.doc is not a Word Document.)" in message

    def test_no_converter_says_what_to_install(self, tools: Path, tmp_path: Path) -> None:
        path = _write(tmp_path, "cu.doc", FAKE_DOC)
        with pytest.raises(InputError) as info:
            parse_file(path)
        assert str(info.value) == f"{path}: {INSTALL_HINT}"
        assert "apt-get install antiword" in INSTALL_HINT

    def test_libreoffice_takes_over_when_antiword_loses_the_numbering(
        self, tools: Path, tmp_path: Path
    ) -> None:
        """antiword drops Word's automatic numbering; LibreOffice's .docx keeps it."""
        _fake_tool(tools, "antiword", "echo 'Phạm vi'")
        twin = build_docx(tmp_path / "twin.docx")
        # soffice ... --outdir <folder> <source>: the last two arguments.
        script = 'for a; do prev="$out"; out="$a"; done; /bin/mkdir -p "$prev"; /bin/cp "%s" "$prev/input.docx"'
        _fake_tool(tools, "soffice", script % twin)
        path = _write(tmp_path, "cu.doc", FAKE_DOC)
        assert outline(parse_file(path)) == outline(parse_file(twin))
        assert NUMBERING_LOST.startswith("antiword")

    @pytest.mark.parametrize(
        ("data", "reason"),
        [(b"GIF89a not a doc" * 10, "không phải tệp .doc hợp lệ"), (b"{\\rtf1 x}", "antiword")],
        ids=["not-ole", "rtf-without-libreoffice"],
    )
    def test_not_a_word_97_file(
        self, tools: Path, tmp_path: Path, data: bytes, reason: str
    ) -> None:
        with pytest.raises(InputError, match=reason):
            parse_file(_write(tmp_path, "la.doc", data))

    def test_a_docx_named_doc_is_read_as_docx(self, tools: Path, tmp_path: Path) -> None:
        data = build_docx(tmp_path / "twin.docx").read_bytes()
        assert doc_text("ten-sai.doc", data) == parse_file(tmp_path / "twin.docx").text


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
ANTIWORD = shutil.which("antiword")


def _to_doc(source: Path, folder: Path) -> Path:
    profile = (folder / "profile").as_uri()
    command = [SOFFICE or "soffice", f"-env:UserInstallation={profile}", "--headless"]
    subprocess.run(
        [*command, "--convert-to", "doc", "--outdir", str(folder), str(source)],
        capture_output=True,
        timeout=120,
        check=True,
    )
    return folder / f"{source.stem}.doc"


@pytest.mark.skipif(not (SOFFICE and ANTIWORD), reason="needs antiword and LibreOffice")
class TestRealDoc:
    def test_typed_numbers_through_antiword(self, tmp_path: Path) -> None:
        typed = docx.Document()
        for line in TXT.split("\n"):
            typed.add_paragraph(line)
        typed.save(str(tmp_path / "typed.docx"))
        text = doc_convert.antiword_text(
            "typed.doc", ANTIWORD or "antiword", _to_doc(tmp_path / "typed.docx", tmp_path)
        )
        doc = parse_file(_write(tmp_path, "typed.txt", text.encode()))
        twin = parse_file(build_txt(tmp_path / "twin.txt"))
        assert outline(doc) == outline(twin)

    def test_automatic_numbers_through_libreoffice(self, tmp_path: Path) -> None:
        doc = parse_file(_to_doc(build_docx(tmp_path / "auto.docx"), tmp_path))
        twin = parse_file(build_txt(tmp_path / "twin.txt"))
        assert doc.meta == twin.meta
        assert [(a.number, a.title) for a in doc.articles] == [
            (a.number, a.title) for a in twin.articles
        ]
        # LibreOffice splits the restarted points into two lists: they still read a), b), c)
        assert [a.text for a in doc.articles] == [a.text for a in twin.articles]
