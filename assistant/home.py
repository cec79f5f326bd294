"""The data home: an append-only set of snapshots and one pointer to the current one.

A snapshot is written in full to a temporary folder, flushed, renamed into place, and
only then made current by atomically replacing ``current.json``. A crash at any point
leaves the previous snapshot current and intact; leftovers are swept on the next write.

Layout::

    HOME/current.json             {"schema": N, "snapshot": "snap-..."}
    HOME/snapshots/snap-.../      documents/*.json, manifest.json, rules.json, lexical/
    HOME/chroma/                  vector store (derived, synced from the snapshot)
    HOME/embeddings.sqlite        embedding cache by (model, text hash)
    HOME/ingest.lock              one writer at a time
"""

from __future__ import annotations

import json
import os
import shutil
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout
from pydantic import BaseModel, ConfigDict

from ingest.errors import IndexVersionError, IngestLockedError
from ingest.models import Document

SCHEMA_VERSION = 1


class ManifestEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    document_id: str
    source_file: str
    source_sha256: str  # of the raw bytes: unchanged files are skipped before parsing
    content_hash: str


class Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    schema_version: int = SCHEMA_VERSION
    created: float = 0.0
    # Fingerprint of the parser and rule-extractor code that built this snapshot: when
    # it changes, every document is processed again (old rules are never served).
    pipeline: str = ""
    documents: dict[str, ManifestEntry] = {}


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, data: str) -> None:
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    _fsync_dir(path.parent)


class DataHome:
    def __init__(self, root: Path) -> None:
        self.root = root

    @property
    def chroma_dir(self) -> Path:
        return self.root / "chroma"

    @property
    def embedding_cache(self) -> Path:
        return self.root / "embeddings.sqlite"

    def current_snapshot(self) -> Path | None:
        """The current snapshot folder, or None for a home with nothing ingested."""
        pointer = self.root / "current.json"
        if not pointer.exists():
            return None
        try:
            data = json.loads(pointer.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise IndexVersionError(
                f"{pointer} bị hỏng ({exc}); hãy nạp lại: quyche ingest --home {self.root} ..."
            ) from exc
        schema = data.get("schema")
        if schema != SCHEMA_VERSION:
            raise IndexVersionError(
                f"Dữ liệu trong {self.root} được tạo bởi phiên bản khác (schema {schema}, "
                f"cần {SCHEMA_VERSION}); hãy nạp lại: quyche ingest --rebuild --home {self.root} "
                "data/regulations"
            )
        snapshot = self.root / "snapshots" / str(data.get("snapshot"))
        if not snapshot.is_dir():
            raise IndexVersionError(f"thiếu snapshot {snapshot}; hãy nạp lại văn bản")
        return snapshot

    def read_manifest(self, snapshot: Path | None) -> Manifest:
        if snapshot is None:
            return Manifest()
        return Manifest.model_validate_json((snapshot / "manifest.json").read_text("utf-8"))

    def read_documents(self, snapshot: Path | None) -> dict[str, Document]:
        if snapshot is None:
            return {}
        docs = {}
        for path in sorted((snapshot / "documents").glob("*.json")):
            doc = Document.model_validate_json(path.read_text(encoding="utf-8"))
            docs[doc.id] = doc
        return docs

    @contextmanager
    def lock(self, timeout: float = 0.5) -> Iterator[None]:
        self.root.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.root / "ingest.lock"))
        try:
            lock.acquire(timeout=timeout)
        except Timeout as exc:
            raise IngestLockedError(
                f"Một tiến trình khác đang nạp văn bản vào {self.root}; hãy chờ nó xong rồi chạy lại."
            ) from exc
        try:
            yield
        finally:
            lock.release()

    def new_snapshot_dir(self) -> Path:
        snapshots = self.root / "snapshots"
        snapshots.mkdir(parents=True, exist_ok=True)
        tmp = snapshots / f".tmp-{uuid.uuid4().hex}"
        tmp.mkdir()
        return tmp

    def commit_snapshot(self, tmp: Path, name: str | None = None) -> Path:
        """Rename the finished temporary folder into place and point current.json at it;
        ``name`` (a shared snapshot mirrored here) defaults to a new unique one."""
        name = name or f"snap-{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:8]}"
        final = tmp.parent / name
        if final.exists():
            shutil.rmtree(final)
        _fsync_tree(tmp)
        os.rename(tmp, final)
        _fsync_dir(final.parent)
        write_atomic(
            self.root / "current.json",
            json.dumps({"schema": SCHEMA_VERSION, "snapshot": name}),
        )
        return final

    def sweep(self, keep: Path | None) -> None:
        """Remove unfinished temporary folders and snapshots other than ``keep``, and
        pointer files a crash left half-written."""
        for stale in self.root.glob(".current.json.*.tmp"):
            stale.unlink(missing_ok=True)
        snapshots = self.root / "snapshots"
        if not snapshots.exists():
            return
        for child in snapshots.iterdir():
            if keep is not None and child == keep:
                continue
            shutil.rmtree(child, ignore_errors=True)


def _fsync_tree(root: Path) -> None:
    for path in root.rglob("*"):
        if path.is_file():
            with path.open("rb") as fh:
                os.fsync(fh.fileno())
    for path in [root, *[p for p in root.rglob("*") if p.is_dir()]]:
        _fsync_dir(path)
