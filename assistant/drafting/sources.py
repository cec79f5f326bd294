"""A document to compare: a file parsed in memory, or one already ingested, by id or number.

Nothing is written: a file is parsed with ingest.parse and never added to the data home;
an ingested document is read from the current snapshot.
"""

from __future__ import annotations

from pathlib import Path

from assistant.home import DataHome
from ingest.errors import InputError, QuycheError
from ingest.models import Document
from ingest.normalize import fold
from ingest.parse import parse_file


class CompareInputError(QuycheError):
    """A draft or model that cannot be compared; the message is one Vietnamese line."""


def parse_upload(path: Path, role: str, name: str | None = None) -> Document:
    """Parse a file in memory; ``role`` ("dự thảo", "quy chế mẫu") names it in errors."""
    shown = name or path.name
    try:
        doc = parse_file(path)
    except InputError as exc:
        raise CompareInputError(f"không đọc được {role} {shown}: {exc.reason}") from None
    except (OSError, ValueError) as exc:
        raise CompareInputError(f"không đọc được {role} {shown}: {exc}") from None
    if not any(p.articles for p in doc.parts):
        raise CompareInputError(f"không đọc được {role} {shown}: không có điều nào")
    return doc


def find_ingested(documents: dict[str, Document], key: str) -> Document | None:
    """By id, else by number ("09-QC/TU", any case or diacritics)."""
    if key in documents:
        return documents[key]
    wanted = fold(key).replace(" ", "")
    for doc in documents.values():
        number = fold(doc.meta.number).replace(" ", "")
        if number and number == wanted:
            return doc
    return None


def load_document(key: str, home: Path, role: str) -> Document:
    """A file path, or the id or number of a document ingested in ``home``."""
    path = Path(key)
    if path.is_file():
        return parse_upload(path, role)
    data_home = DataHome(home)
    documents = data_home.read_documents(data_home.current_snapshot())
    doc = find_ingested(documents, key)
    if doc is None:
        raise CompareInputError(
            f"không tìm thấy {role} '{key}': không phải tệp, cũng không phải mã hay số "
            "của văn bản đã nạp (xem: quyche docs)"
        )
    return doc
