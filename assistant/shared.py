"""The state several app instances share through one Chroma server (``chroma_url`` set).

Each instance keeps its own data home, but the documents, their rule tables and a
pointer to the current snapshot also live in Chroma, next to the vectors:

- ``quyche_documents``: one row per (document, content hash): the Document JSON;
- ``quyche_rules``: one row per (document, content hash): the RuleTable JSON;
- ``quyche_state``: one row, ``current``: the snapshot name and its manifest.

Rows are content-addressed, so a writer adds the new rows first, then swaps the pointer,
then deletes rows no manifest names: a reader following a pointer never sees a mix of two
snapshots (at worst a row already collected, and it retries on its next check).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.home import SCHEMA_VERSION, Manifest
from assistant.rules.models import RuleTable
from ingest.errors import IndexVersionError, IngestLockedError, QuycheError
from ingest.models import Document
from ingest.settings import Settings

log = logging.getLogger(__name__)

DOCUMENTS = "quyche_documents"
RULES = "quyche_rules"
STATE = "quyche_state"
_CURRENT = "current"
# These collections hold JSON, not vectors; chroma still wants one per row.
_NO_VECTOR = [1.0]
_BATCH = 64


class SharedStoreError(QuycheError):
    """The Chroma server cannot be reached or holds unreadable state."""


class StaleStateError(QuycheError):
    """The pointer moved while reading (another instance is publishing): retry later."""


class SharedMarker(BaseModel):
    model_config = ConfigDict(extra="forbid")

    schema_version: int
    snapshot: str = Field(pattern=r"^snap-[A-Za-z0-9-]+$")  # also a folder name locally
    manifest: Manifest


class SharedSnapshot(BaseModel):
    model_config = ConfigDict(extra="forbid")

    marker: SharedMarker
    documents: dict[str, Document]
    rules: dict[str, RuleTable]


def row_id(document_id: str, content_hash: str) -> str:
    return f"{document_id}@{content_hash[:16]}"


class SharedState:
    """Read and publish the shared snapshot in a Chroma server."""

    def __init__(self, client: Any, url: str = "") -> None:
        self.url = url
        try:
            self._documents = client.get_or_create_collection(DOCUMENTS, embedding_function=None)
            self._rules = client.get_or_create_collection(RULES, embedding_function=None)
            self._state = client.get_or_create_collection(STATE, embedding_function=None)
        except Exception as exc:
            raise self._unreachable(exc) from exc

    @classmethod
    def connect(cls, settings: Settings) -> SharedState:
        from index.vector import open_client

        try:
            client = open_client(settings)
        except Exception as exc:
            raise SharedStoreError(
                f"không kết nối được Chroma server {settings.chroma_url} ({exc})"
            ) from exc
        return cls(client, settings.chroma_url)

    def _unreachable(self, exc: Exception) -> SharedStoreError:
        return SharedStoreError(
            f"không đọc/ghi được trạng thái chung trên Chroma server {self.url} "
            f"({type(exc).__name__}: {exc})"
        )

    # --- reading ---------------------------------------------------------------------

    def marker(self) -> SharedMarker | None:
        """The current pointer (one small request), or None before the first publish."""
        try:
            got = self._state.get(ids=[_CURRENT], include=["documents"])
        except Exception as exc:
            raise self._unreachable(exc) from exc
        if not got["ids"]:
            return None
        try:
            marker = SharedMarker.model_validate_json(got["documents"][0])
        except ValidationError as exc:
            raise IndexVersionError(
                f"trạng thái chung trên {self.url} không đọc được; hãy nạp lại: "
                "quyche ingest --rebuild data/regulations"
            ) from exc
        if marker.schema_version != SCHEMA_VERSION:
            raise IndexVersionError(
                f"Dữ liệu trên Chroma server {self.url} được tạo bởi phiên bản khác (schema "
                f"{marker.schema_version}, cần {SCHEMA_VERSION}); hãy nạp lại: "
                "quyche ingest --rebuild data/regulations"
            )
        return marker

    def _rows(self, collection: Any, ids: Sequence[str]) -> dict[str, str]:
        rows: dict[str, str] = {}
        try:
            for i in range(0, len(ids), _BATCH):
                got = collection.get(ids=list(ids[i : i + _BATCH]), include=["documents"])
                rows.update(zip(got["ids"], got["documents"], strict=True))
        except Exception as exc:
            raise self._unreachable(exc) from exc
        return rows

    def load(self) -> SharedSnapshot | None:
        """The snapshot the pointer names, complete, or StaleStateError."""
        marker = self.marker()
        if marker is None:
            return None
        entries = marker.manifest.documents
        ids = {doc_id: row_id(doc_id, e.content_hash) for doc_id, e in entries.items()}
        doc_rows = self._rows(self._documents, list(ids.values()))
        rule_rows = self._rows(self._rules, list(ids.values()))
        documents: dict[str, Document] = {}
        rules: dict[str, RuleTable] = {}
        for doc_id, rid in ids.items():
            if rid not in doc_rows or rid not in rule_rows:
                raise StaleStateError(f"{rid} vừa được thay thế trên Chroma server; thử lại sau")
            doc = Document.model_validate_json(doc_rows[rid])
            table = RuleTable.model_validate_json(rule_rows[rid])
            if doc.content_hash != entries[doc_id].content_hash:
                raise StaleStateError(f"{rid}: nội dung không khớp; thử lại sau")
            documents[doc_id] = doc
            rules[doc_id] = table
        return SharedSnapshot(marker=marker, documents=documents, rules=rules)

    # --- writing ---------------------------------------------------------------------

    def _upsert(self, collection: Any, rows: Mapping[str, tuple[str, str, str]]) -> None:
        items = sorted(rows.items())
        for i in range(0, len(items), _BATCH):
            part = items[i : i + _BATCH]
            collection.upsert(
                ids=[rid for rid, _ in part],
                embeddings=[_NO_VECTOR for _ in part],
                documents=[text for _, (text, _d, _h) in part],
                metadatas=[{"document_id": d, "content_hash": h} for _, (_t, d, h) in part],
            )

    def _collect(self, collection: Any, keep: set[str]) -> None:
        stale = [rid for rid in collection.get(include=[])["ids"] if rid not in keep]
        for i in range(0, len(stale), _BATCH):
            collection.delete(ids=stale[i : i + _BATCH])

    def publish(
        self,
        snapshot: str,
        manifest: Manifest,
        documents: Mapping[str, Document],
        rules: Mapping[str, RuleTable],
        expected: str | None,
    ) -> None:
        """Add missing rows, swap the pointer (if nobody else moved it since ``expected``
        was read), then collect rows no longer named."""
        ids = {doc_id: row_id(doc_id, doc.content_hash) for doc_id, doc in documents.items()}
        try:
            have = set(self._documents.get(ids=list(ids.values()), include=[])["ids"])
            self._upsert(
                self._documents,
                {
                    rid: (documents[d].model_dump_json(), d, documents[d].content_hash)
                    for d, rid in ids.items()
                    if rid not in have
                },
            )
            self._upsert(
                self._rules,
                {
                    rid: (rules[d].model_dump_json(), d, documents[d].content_hash)
                    for d, rid in ids.items()
                },
            )
            current = self.marker()
            if (current.snapshot if current else None) != expected:
                raise IngestLockedError(
                    f"Một máy khác vừa nạp văn bản vào Chroma server {self.url} trong lúc "
                    "lần nạp này chạy; hãy chạy lại lệnh nạp."
                )
            marker = SharedMarker(
                schema_version=SCHEMA_VERSION, snapshot=snapshot, manifest=manifest
            )
            self._state.upsert(
                ids=[_CURRENT],
                embeddings=[_NO_VECTOR],
                documents=[marker.model_dump_json()],
                metadatas=[{"snapshot": snapshot}],
            )
            keep = set(ids.values())
            self._collect(self._documents, keep)
            self._collect(self._rules, keep)
        except QuycheError:
            raise
        except Exception as exc:
            raise self._unreachable(exc) from exc
        log.info("published snapshot %s (%d documents) to %s", snapshot, len(ids), self.url)


__all__ = [
    "SharedMarker",
    "SharedSnapshot",
    "SharedState",
    "SharedStoreError",
    "StaleStateError",
    "row_id",
]
