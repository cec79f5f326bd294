"""Ingest: files → parsed documents → snapshot (documents, rules, lexical index) → vectors.

The snapshot (everything needed to answer lexically and with the rule table) is
committed first, atomically; embeddings follow and are synced into the vector store,
so questions can be answered while the model is still embedding.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

import assistant.rules as rules_package
import ingest as ingest_package
from assistant.home import DataHome, Manifest, ManifestEntry
from assistant.rules.models import Rule
from assistant.snapshot_files import load_rules, write_snapshot
from ingest.amend import read_amendment
from ingest.consolidate import consolidate
from ingest.errors import InputError, QuycheError
from ingest.load import SUPPORTED_SUFFIXES
from ingest.models import Document
from ingest.parse import document_id_for, parse_file

if TYPE_CHECKING:
    from assistant.shared import SharedMarker, SharedState

log = logging.getLogger(__name__)


def _pipeline_fingerprint() -> str:
    """Hash of the code that turns a file into documents, chunks and rules."""
    digest = hashlib.sha256()
    for package in (Path(ingest_package.__file__).parent, Path(rules_package.__file__).parent):
        for source in sorted(package.glob("*.py")):
            digest.update(source.name.encode())
            digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


PIPELINE = _pipeline_fingerprint()

Progress = Callable[[str, float], None]


def _no_progress(_message: str, _fraction: float) -> None:
    return None


class IngestReport(BaseModel):
    model_config = ConfigDict(extra="forbid")

    added: list[str] = Field(default_factory=list)
    updated: list[str] = Field(default_factory=list)
    unchanged: list[str] = Field(default_factory=list)
    removed: list[str] = Field(default_factory=list)
    errors: list[str] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    snapshot: str | None = None
    seconds: float = 0.0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)


def expand_paths(paths: Iterable[Path]) -> tuple[list[Path], list[str]]:
    """Files named directly, plus supported files found in named folders (sorted)."""
    files: list[Path] = []
    errors: list[str] = []
    for path in paths:
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in SUPPORTED_SUFFIXES
                and not p.name.startswith(".")
                and ".meta." not in p.name
            )
            if not found:
                errors.append(f"{path}: thư mục không có tệp .txt/.md/.docx/.doc/.pdf nào")
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            errors.append(f"{path}: không tìm thấy tệp")
    return files, errors


def ingest_paths(
    home: DataHome,
    paths: Sequence[Path],
    *,
    remove: Sequence[str] = (),
    rebuild: bool = False,
    progress: Progress = _no_progress,
    shared: SharedState | None = None,
) -> IngestReport:
    """Add or update the given files (and remove the given ids) in one new snapshot.

    With ``shared`` (a Chroma server), the shared snapshot is the starting point and the
    result is published there too; the local home then mirrors it.
    """
    started = time.perf_counter()
    report = IngestReport()
    files, report.errors = expand_paths(paths)
    with home.lock():
        base = _starting_point(home, shared, rebuild)
        batch = _Batch.of(base)
        for n, path in enumerate(files):
            progress(f"Đọc {path.name}", n / max(len(files), 1) * 0.5)
            batch.read(path, report, _page_progress(progress, path, n, len(files)))
        for doc_id in remove:
            batch.remove(doc_id, report)
        _commit(home, base, batch, report, rebuild, progress, shared)
        progress("Xong", 1.0)
    report.seconds = time.perf_counter() - started
    return report


def _starting_point(home: DataHome, shared: SharedState | None, rebuild: bool) -> _Base:
    """The shared snapshot; or the home's own (nothing with ``rebuild``) in embedded
    mode, or when nothing was published to the Chroma server yet."""
    base = _Base.shared(shared, rebuild) if shared is not None else None
    if base is not None and base.marker is not None:
        return base
    snapshot = None if rebuild else home.current_snapshot()
    return _Base(
        manifest=home.read_manifest(snapshot),
        documents=home.read_documents(snapshot),
        rules=load_rules(snapshot),
        marker=base.marker if base is not None else None,
    )


@dataclass
class _Batch:
    """The documents, cached rules and manifest entries as this ingest changes them."""

    manifest: Manifest
    documents: dict[str, Document]
    old_rules: dict[str, list[Rule]]
    entries: dict[str, ManifestEntry]
    by_hash: dict[str, str]
    seen_ids: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, base: _Base) -> _Batch:
        manifest = base.manifest
        return cls(
            manifest=manifest,
            documents=base.documents,
            old_rules=base.rules,
            entries=dict(manifest.documents),
            by_hash={e.content_hash: e.document_id for e in manifest.documents.values()},
        )

    def read(self, path: Path, report: IngestReport, pages: Callable[[int, int], None]) -> None:
        """Parse one file into the batch, unless it is unchanged (same bytes, same
        sidecar, same pipeline) or cannot be taken; the report says which."""
        doc_id = document_id_for(path)
        if doc_id in self.seen_ids:
            report.errors.append(
                f"{path}: trùng mã văn bản '{doc_id}' với tệp khác trong lần nạp này"
            )
            return
        self.seen_ids.add(doc_id)
        try:
            data = path.read_bytes()
        except OSError as exc:
            report.errors.append(f"{path}: không đọc được tệp ({exc.strerror or exc})")
            return
        source_sha = hashlib.sha256(data + _sidecar_bytes(path)).hexdigest()
        old = self.entries.get(doc_id)
        if (
            old is not None
            and old.source_sha256 == source_sha
            and doc_id in self.documents
            and self.manifest.pipeline == PIPELINE
        ):
            report.unchanged.append(doc_id)
            return
        try:
            doc = parse_file(path, data, pages)
        except InputError as exc:
            report.errors.append(str(exc))
            return
        other = self.by_hash.get(doc.content_hash)
        if other is not None and other != doc_id:
            report.errors.append(f"{path}: văn bản này đã được nạp với mã '{other}'")
            return
        report.warnings.extend(f"{path.name}: {w}" for w in doc.warnings)
        _forget_rules_if_amending(self.old_rules, doc, self.documents.get(doc_id))
        (report.updated if doc_id in self.documents else report.added).append(doc_id)
        self.documents[doc_id] = doc
        self.old_rules.pop(doc_id, None)
        self.entries[doc_id] = ManifestEntry(
            document_id=doc_id,
            source_file=path.name,
            source_sha256=source_sha,
            content_hash=doc.content_hash,
        )
        self.by_hash[doc.content_hash] = doc_id

    def remove(self, doc_id: str, report: IngestReport) -> None:
        if doc_id not in self.documents:
            report.errors.append(f"{doc_id}: không có văn bản với mã này")
            return
        _forget_rules_if_amending(self.old_rules, self.documents[doc_id])
        del self.documents[doc_id]
        self.entries.pop(doc_id, None)
        self.old_rules.pop(doc_id, None)
        report.removed.append(doc_id)


def _commit(
    home: DataHome,
    base: _Base,
    batch: _Batch,
    report: IngestReport,
    rebuild: bool,
    progress: Progress,
    shared: SharedState | None,
) -> None:
    """Write the new snapshot (and publish it to the Chroma server) when anything
    changed, or mirror the shared one; clear what an interrupted ingest left behind."""
    documents = batch.documents
    # A Chroma server nothing was published to yet is seeded from the local home.
    seed = shared is not None and base.marker is None and bool(documents)
    changed = report.changed or rebuild or seed or (base.empty and bool(documents))
    mirror_stale = (
        shared is not None
        and base.marker is not None
        and _current_name(home) != base.marker.snapshot
    )
    if not (changed or mirror_stale):
        # Nothing new to write: still clear what an interrupted ingest left behind.
        home.sweep(keep=home.current_snapshot())
        return
    progress("Trích xuất quy tắc số và dựng chỉ mục từ khóa", 0.6)
    new_manifest = (
        Manifest(created=time.time(), documents=batch.entries, pipeline=PIPELINE)
        if changed or base.marker is None
        else base.marker.manifest
    )
    name = None if changed or base.marker is None else base.marker.snapshot
    view = consolidate(documents)
    report.warnings.extend(view.notices)
    final, tables = write_snapshot(
        home, documents, new_manifest, batch.old_rules, name, view.documents
    )
    report.snapshot = final.name
    if shared is not None and changed:
        progress("Ghi trạng thái chung lên Chroma server", 0.9)
        shared.publish(
            final.name,
            new_manifest,
            documents,
            tables,
            expected=base.marker.snapshot if base.marker else None,
        )
    home.sweep(keep=final)


def _page_progress(
    progress: Progress, path: Path, n: int, files: int
) -> Callable[[int, int], None]:
    """Progress inside one PDF, page by page: OCR of a scan takes seconds a page."""

    def report(page: int, pages: int) -> None:
        progress(f"Đọc {path.name}: trang {page}/{pages}", (n + page / pages) / files * 0.5)

    return report


@dataclass
class _Base:
    """The state an ingest starts from (and, with a Chroma server, its pointer)."""

    manifest: Manifest
    documents: dict[str, Document]
    rules: dict[str, list[Rule]]
    marker: SharedMarker | None = None

    @property
    def empty(self) -> bool:
        return not self.manifest.documents

    @classmethod
    def shared(cls, shared: SharedState, rebuild: bool) -> _Base:
        loaded = shared.load()
        marker = loaded.marker if loaded is not None else None
        if loaded is None or rebuild:
            return cls(manifest=Manifest(), documents={}, rules={}, marker=marker)
        return cls(
            manifest=loaded.marker.manifest,
            documents=dict(loaded.documents),
            rules={d: t.rules for d, t in loaded.rules.items()},
            marker=marker,
        )


def _current_name(home: DataHome) -> str | None:
    try:
        current = home.current_snapshot()
    except QuycheError:
        return None
    return current.name if current is not None else None


def _sidecar_bytes(path: Path) -> bytes:
    for suffix in (".meta.yaml", ".meta.yml", ".meta.json"):
        sidecar = path.with_name(path.name + suffix)
        if sidecar.exists():
            return sidecar.read_bytes()
    return b""


def _forget_rules_if_amending(cached: dict[str, list[Rule]], *docs: Document | None) -> None:
    """An amending decision added, changed or removed changes the consolidated text of
    the regulation it amends: no cached rules can be trusted then."""
    if any(doc is not None and read_amendment(doc) is not None for doc in docs):
        cached.clear()
