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

from ingest.normalize import strip_diacritics

ALLOWED_SUFFIXES = (".txt", ".md", ".docx", ".pdf")
_NON_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Upload:
    """One file as received: the name the browser sent and its bytes."""

    name: str
    data: bytes


@dataclass
class StagedUploads:
    paths: list[Path] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


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
        return (
            f"định dạng {suffix or '(không có)'} không được hỗ trợ; dùng .txt, .md, .docx hoặc .pdf"
        )
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
    return staged


def read_upload(path: Path, original_name: str, max_bytes: int) -> Upload:
    """Bytes of a file gradio already saved, read only up to one byte past the limit."""
    with path.open("rb") as handle:
        return Upload(name=original_name, data=handle.read(max_bytes + 1))
