"""Old binary Word files (.doc, Word 97–2003) through an external converter.

No Python library reads .doc well, so the file goes through ``antiword`` (small, fast,
Debian package ``antiword``; ``make setup`` installs it), or LibreOffice headless
(``soffice --convert-to docx``) when antiword is missing or cannot read the file. Each
converter runs in a temporary folder with a timeout; every failure is one
:class:`InputError` line naming the file.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from ingest.docx_text import docx_text, table_lines
from ingest.errors import InputError
from ingest.structure import ARTICLE, FOOTNOTES_MARKER

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
CONVERT_TIMEOUT_S = 120
INSTALL_HINT = (
    "không có công cụ đọc tệp .doc; hãy cài antiword (apt-get install antiword) "
    "hoặc LibreOffice, hoặc lưu lại tệp dưới dạng .docx"
)
NUMBERING_LOST = (
    "antiword không thấy tiêu đề “Điều …” nào (số tự động của Word bị mất khi đọc .doc); "
    "hãy cài LibreOffice hoặc lưu lại tệp dưới dạng .docx"
)
# antiword draws a table row as "|cell   |cell   |", and puts footnotes after a rule of
# dashes as "[1] text", with "[1]" left in the body where the note is referenced.
_ANTIWORD_ROW = re.compile(r"^\|(.*)\|[ \t]*$")
_NOTES_RULE = re.compile(r"^-{10,}[ \t]*$")
_NOTE_LINE = re.compile(r"^\[\d+\][ \t]")
_NOTE_REFERENCE = re.compile(r"(?<=\S)\[\d+\]")


def doc_text(name: str, data: bytes) -> str:
    """Text of a .doc file (or of a .docx or RTF file that was given a .doc name)."""
    if data.startswith(b"PK"):
        return docx_text(name, data)
    is_rtf = data.startswith(b"{\\rtf")
    if not is_rtf and not data.startswith(OLE_MAGIC):
        raise InputError(name, "không phải tệp .doc hợp lệ (không phải định dạng Word 97–2003)")
    antiword = None if is_rtf else shutil.which("antiword")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if antiword is None and soffice is None:
        raise InputError(name, INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="quyche-doc-") as folder:
        source = Path(folder) / ("input.rtf" if is_rtf else "input.doc")
        source.write_bytes(data)
        if antiword is not None:
            # antiword drops Word's automatic numbering; LibreOffice keeps it (via .docx).
            try:
                text = antiword_text(name, antiword, source)
            except InputError:
                if soffice is None:
                    raise
            else:
                if _has_article(text):
                    return text
                if soffice is None:
                    raise InputError(name, NUMBERING_LOST)
        assert soffice is not None
        return docx_text(name, soffice_docx(name, soffice, source))


def antiword_text(name: str, antiword: str, source: Path) -> str:
    """antiword's UTF-8 text, one line per paragraph, table rows as "cell | cell"."""
    command = [antiword, "-m", "UTF-8.txt", "-w", "0", str(source)]
    result = _run(name, "antiword", command, source)
    text = result.stdout.decode("utf-8", errors="replace")
    if not text.strip():
        raise InputError(name, "antiword không lấy được chữ nào từ tệp .doc")
    lines = _without_paragraph_gaps(text.split("\n"))
    return "\n".join(_with_footnotes_apart(_with_tables(lines)))


def _has_article(text: str) -> bool:
    return any(ARTICLE.match(line) for line in text.split("\n"))


def _without_paragraph_gaps(lines: list[str]) -> list[str]:
    """antiword ends every paragraph with a blank line; a .docx has none: n blank lines
    become n - 1, so only the empty paragraphs the author typed stay."""
    out: list[str] = []
    for i, line in enumerate(lines):
        after_paragraph = i > 0 and not lines[i - 1].strip()
        if line.strip() or after_paragraph:
            out.append(line)
    return out


def _with_tables(lines: list[str]) -> list[str]:
    """antiword's drawn tables as the .docx reader writes them (ingest.docx_text)."""
    out: list[str] = []
    rows: list[list[list[str]]] = []
    for line in [*lines, ""]:
        row = _ANTIWORD_ROW.match(line)
        if row is not None:
            rows.append([[cell.strip()] for cell in row.group(1).split("|")])
            continue
        if rows:
            out.extend(table_lines(rows))
            rows = []
        out.append(line)
    return out[:-1]


def _with_footnotes_apart(lines: list[str]) -> list[str]:
    """Footnotes under the same marker line as a .docx's; their marks out of the body."""
    rule = next(
        (
            i
            for i in range(len(lines) - 1, -1, -1)
            if _NOTES_RULE.match(lines[i])
            and any(_NOTE_LINE.match(line) for line in lines[i + 1 :])
        ),
        None,
    )
    if rule is None:
        return lines
    body = [_NOTE_REFERENCE.sub("", line) for line in lines[:rule]]
    return [*body, FOOTNOTES_MARKER, *lines[rule + 1 :]]


def soffice_docx(name: str, soffice: str, source: Path) -> bytes:
    """The file converted to .docx by LibreOffice headless, with a private profile."""
    folder = source.parent
    command = [
        soffice,
        f"-env:UserInstallation={(folder / 'profile').as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "docx",
        "--outdir",
        str(folder / "out"),
        str(source),
    ]
    _run(name, "LibreOffice", command, source)
    converted = folder / "out" / f"{source.stem}.docx"
    if not converted.exists():
        raise InputError(name, "LibreOffice không chuyển được tệp .doc sang .docx")
    return converted.read_bytes()


def _run(
    name: str, tool: str, command: list[str], source: Path
) -> subprocess.CompletedProcess[bytes]:
    try:
        result = subprocess.run(
            command, capture_output=True, timeout=CONVERT_TIMEOUT_S, check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise InputError(
            name, f"{tool} chạy quá {CONVERT_TIMEOUT_S} giây khi đọc tệp .doc"
        ) from exc
    except OSError as exc:
        raise InputError(name, f"không chạy được {tool} ({exc.strerror or exc})") from exc
    if result.returncode != 0:
        detail = _one_line(result.stderr or result.stdout).replace(str(source), Path(name).name)
        detail = detail or f"mã lỗi {result.returncode}"
        raise InputError(name, f"{tool} không đọc được tệp .doc ({detail})")
    return result


def _one_line(output: bytes) -> str:
    """The converter's message on one short line: users see no tracebacks."""
    text = " ".join(output.decode("utf-8", errors="replace").split())
    return text[:200]
