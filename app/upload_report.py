"""What the upload tab says about each file: read as which document, or why not."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel

from app.render import esc, title_as_written
from app.upload import FileOutcome
from ingest.models import Document

STATUS_WORDS = {"added": "đã thêm", "updated": "đã cập nhật", "unchanged": "không đổi"}


def file_line(outcome: FileOutcome, document: Document | None) -> str:
    """One line per uploaded file: what it was read as, or the one reason it was not."""
    name = f'<span class="qc-ingest-name">{esc(outcome.name)}</span>'
    if outcome.status == "error":
        return f'<div class="qc-ingest-error">{name}: không nạp được — {esc(outcome.error)}</div>'
    status = STATUS_WORDS[outcome.status]
    if document is None:
        return f'<div class="qc-ingest-file">{name}: {status}</div>'
    facts = [f"số {document.meta.number}"] if document.meta.number else ["không ghi số"]
    facts.append(f"{len(document.articles)} điều")
    title = title_as_written(document) or "(không đọc được tên văn bản)"
    return (
        f'<div class="qc-ingest-file">{name}: {status} — '
        f'<span class="qc-ingest-title">{esc(title)}</span> · {esc(", ".join(facts))}</div>'
    )


def report_html(
    lines: Sequence[str], errors: Sequence[str] = (), warnings: Sequence[str] = ()
) -> str:
    """The file lines, then each other error and each warning on its own, escaped, line."""
    shown = [*lines]
    shown += [f'<div class="qc-ingest-error">Lỗi: {esc(e)}</div>' for e in errors]
    shown += [f'<div class="qc-ingest-warning">Cảnh báo: {esc(w)}</div>' for w in warnings]
    return "".join(shown) or "<div>Không có tệp nào được nạp.</div>"


class EmptyReport(BaseModel):
    added: list[str] = []
    updated: list[str] = []
    unchanged: list[str] = []
    removed: list[str] = []
    errors: list[str] = []
    warnings: list[str] = []
