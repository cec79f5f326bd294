"""The snapshot answering reads: documents in their consolidated wording, their chunks,
rule table, table of powers and lexical index, loaded from the data home's current
snapshot or from a Chroma server's shared state. Immutable once loaded.
"""

from __future__ import annotations

import logging

from pydantic import BaseModel, ConfigDict, Field

from assistant.home import DataHome
from assistant.rules.models import Rule, RuleTable
from assistant.shared import SharedState, SharedStoreError, StaleStateError
from assistant.snapshot_files import load_powers, load_rules
from index.lexical import LexicalIndex, fingerprint
from ingest.chunk import chunk_document
from ingest.consolidate import consolidate
from ingest.models import Chunk, Document
from ingest.powers import Power
from ingest.settings import Settings

log = logging.getLogger(__name__)


class Snapshot(BaseModel):
    """Everything read from one committed snapshot: immutable once loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)

    name: str = ""
    documents: dict[str, Document] = Field(default_factory=dict)
    chunks: tuple[Chunk, ...] = ()
    rules: tuple[Rule, ...] = ()
    powers: tuple[Power, ...] = ()
    lexical: LexicalIndex | None = None


def load_snapshot(home: DataHome) -> Snapshot:
    path = home.current_snapshot()
    if path is None:
        return Snapshot()
    # Amended regulations answer in their consolidated wording (the stored ones are as parsed).
    documents = consolidate(home.read_documents(path)).documents
    chunks = tuple(c for doc in documents.values() for c in chunk_document(doc))
    rules = tuple(r for table in load_rules(path).values() for r in table)
    try:
        lexical = LexicalIndex.load(path / "lexical")
        if lexical.fingerprint != fingerprint(chunks):
            raise ValueError("lexical index does not match the snapshot's chunks")
    except (OSError, ValueError, KeyError) as exc:
        # Snapshots are never rewritten in place: rebuild in memory (under a second).
        log.warning("lexical index unusable (%s); rebuilding from chunks", exc)
        lexical = LexicalIndex.build(chunks)
    return Snapshot(
        name=path.name,
        documents=documents,
        chunks=chunks,
        rules=rules,
        powers=load_powers(path, documents),
        lexical=lexical,
    )


def snapshot_from_tables(
    name: str, documents: dict[str, Document], tables: dict[str, RuleTable]
) -> Snapshot:
    """A snapshot from documents and rule tables held elsewhere (a Chroma server)."""
    documents = consolidate(documents).documents
    chunks = tuple(c for _id, doc in sorted(documents.items()) for c in chunk_document(doc))
    rules = tuple(r for _id, table in sorted(tables.items()) for r in table.rules)
    return Snapshot(
        name=name,
        documents=documents,
        chunks=chunks,
        rules=rules,
        powers=load_powers(None, documents),
        lexical=LexicalIndex.build(chunks),
    )


def load_shared(settings: Settings, fallback: DataHome) -> tuple[SharedState | None, Snapshot]:
    """The shared snapshot; the local mirror when the server is down or still empty."""
    try:
        shared = SharedState.connect(settings)
        loaded = shared.load()
    except (SharedStoreError, StaleStateError) as exc:
        log.warning("shared state unavailable (%s); answering from the local data home", exc)
        return None, load_snapshot(fallback)
    if loaded is None:
        return shared, load_snapshot(fallback)
    return shared, snapshot_from_tables(loaded.marker.snapshot, loaded.documents, loaded.rules)


__all__ = ["Snapshot", "load_shared", "load_snapshot", "snapshot_from_tables"]
