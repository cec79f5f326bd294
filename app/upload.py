"""Stage uploaded regulation files safely before handing them to the assistant.

A browser-supplied name is never trusted as a path: only its basename survives, slugified
(the document id is the slug of the file stem anyway), and files land in a fresh temporary
folder. Size and type are checked before anything is written.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Literal

from app.protocols import IngestReportLike
from ingest.normalize import strip_diacritics
from ingest.parse import document_id_for

ALLOWED_SUFFIXES = (".txt", ".md", ".docx", ".doc", ".pdf")
ALLOWED_TEXT = ".txt, .md, .docx, .doc hoặc .pdf"
_NON_SLUG = re.compile(r"[^a-z0-9]+")
# Any absolute path left in a message (a temp folder of ours or of gradio's): its last part.
_TEMP_PATH = re.compile(r"(?<![\w/\\])(?:[A-Za-z]:)?(?:[\\/][^\s\\/:]+)+[\\/](?P<name>[^\s\\/:]+)")


@dataclass(frozen=True)
class Upload:
    """One file as received: the name the browser sent and its bytes."""

    name: str
    data: bytes


@dataclass
class StagedUploads:
    paths: list[Path] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    names: dict[Path, str] = field(default_factory=dict)  # staged path → the user's name

    def scrub(self, text: str) -> str:
        """A message from ingest with every staged path replaced by the user's file name:
        the server's temporary folders are nobody's business."""
        for path, name in sorted(self.names.items(), key=lambda kv: -len(str(kv[0]))):
            text = text.replace(str(path), name)
        for folder in {p.parent for p in self.names}:
            text = text.replace(f"{folder}/", "").replace(str(folder), "")
        for path, name in self.names.items():
            text = re.sub(rf"(?<![\w.-]){re.escape(path.name)}(?![\w.-])", name, text)
        return _TEMP_PATH.sub(lambda m: m.group("name"), text)


FileStatus = Literal["added", "updated", "unchanged", "error"]


@dataclass(frozen=True)
class FileOutcome:
    """What happened to one uploaded file, under the name the user gave it."""

    name: str
    status: FileStatus
    document_id: str = ""
    error: str = ""


def file_outcomes(
    staged: StagedUploads, report: IngestReportLike
) -> tuple[list[FileOutcome], list[str], list[str]]:
    """One outcome per file (refused at staging, or as ingest reported it), then the
    other errors and the warnings, every path in them replaced by the user's file name."""
    outcomes = [
        FileOutcome(name=e.split(": ", 1)[0], status="error", error=e.split(": ", 1)[-1])
        for e in staged.errors
    ]
    errors = list(report.errors)
    status: dict[str, FileStatus] = {}
    groups: tuple[tuple[FileStatus, Sequence[str]], ...] = (
        ("added", report.added),
        ("updated", report.updated),
        ("unchanged", report.unchanged),
    )
    for key, ids in groups:
        status.update({i: key for i in ids if i not in status})
    for path in staged.paths:
        name = staged.names.get(path, path.name)
        mine = [e for e in errors if e.startswith((f"{path}: ", f"{path.name}: "))]
        doc_id = document_id_for(path)
        if mine:
            reason = staged.scrub(mine[0].split(": ", 1)[1])
            outcomes.append(FileOutcome(name=name, status="error", error=reason))
            errors = [e for e in errors if e not in mine]
        elif doc_id in status:
            outcomes.append(FileOutcome(name=name, status=status[doc_id], document_id=doc_id))
        else:
            outcomes.append(FileOutcome(name=name, status="error", error="không nạp được tệp này"))
    return outcomes, [staged.scrub(e) for e in errors], [staged.scrub(w) for w in report.warnings]


def safe_filename(name: str) -> str:
    """``../../Quy chế Tỉnh ủy.TXT`` → ``quy-che-tinh-uy.txt``; empty stem → ``tai-lieu``."""
    base = PureWindowsPath(PurePosixPath(name.replace("\x00", "")).name).name
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    slug = _NON_SLUG.sub("-", strip_diacritics(stem).lower()).strip("-")[:120] or "tai-lieu"
    clean_suffix = _NON_SLUG.sub("", suffix.lower())
    return f"{slug}.{clean_suffix}" if clean_suffix else slug


def _size(n: int) -> str:
    return f"{n / 2**20:g} MB" if n >= 2**20 else f"{n} byte"


def _problem(upload: Upload, max_bytes: int) -> str | None:
    suffix = Path(safe_filename(upload.name)).suffix
    if suffix not in ALLOWED_SUFFIXES:
        kind = f"tệp {suffix}" if suffix else "tệp không có phần đuôi"
        return f"{kind} không phải định dạng được hỗ trợ; chỉ nạp được tệp {ALLOWED_TEXT}"
    if len(upload.data) > max_bytes:
        return f"tệp quá lớn (tối đa {_size(max_bytes)})"
    if not upload.data.strip():
        return "tệp rỗng"
    return None


def _unique(directory: Path, name: str) -> Path:
    target = directory / name
    stem, suffix, n = target.stem, target.suffix, 2
    while target.exists():
        target = directory / f"{stem}-{n}{suffix}"
        n += 1
    return target


def stage_uploads(
    uploads: Sequence[Upload], max_bytes: int, directory: Path | None = None
) -> StagedUploads:
    """Write acceptable uploads into ``directory`` (a new temp dir by default)."""
    staged = StagedUploads()
    target_dir = directory or Path(tempfile.mkdtemp(prefix="quyche-upload-"))
    for upload in uploads:
        display = PurePosixPath(upload.name.replace("\\", "/")).name or "?"
        problem = _problem(upload, max_bytes)
        if problem:
            staged.errors.append(f"{display}: {problem}")
            continue
        path = _unique(target_dir, safe_filename(upload.name))
        path.write_bytes(upload.data)
        staged.paths.append(path)
        staged.names[path] = display
    return staged


def read_upload(path: Path, original_name: str, max_bytes: int) -> Upload:
    """Bytes of a file gradio already saved, read only up to one byte past the limit."""
    with path.open("rb") as handle:
        return Upload(name=original_name, data=handle.read(max_bytes + 1))
