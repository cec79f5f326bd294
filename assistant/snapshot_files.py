"""The files of a snapshot folder: written at ingest (documents as parsed, rule tables,
tables of powers, the lexical index, the manifest), the tables read back for answering."""

from __future__ import annotations

from pathlib import Path

from assistant.home import DataHome, Manifest
from assistant.rules.models import Rule, RuleTable
from index.lexical import LexicalIndex
from ingest.chunk import chunk_document
from ingest.models import Chunk, Document
from ingest.powers import Power, PowerTable, power_table
from ingest.rules.extract import extract_rules


def write_snapshot(
    home: DataHome,
    documents: dict[str, Document],
    manifest: Manifest,
    cached_rules: dict[str, list[Rule]],
    name: str | None = None,
    answering: dict[str, Document] | None = None,
) -> tuple[Path, dict[str, RuleTable]]:
    """Stored documents as parsed; rules, powers and chunks from ``answering`` (the
    consolidated view: amended regulations in their current wording)."""
    answering = documents if answering is None else answering
    tmp = home.new_snapshot_dir()
    tables: dict[str, RuleTable] = {}
    (tmp / "documents").mkdir()
    (tmp / "rules").mkdir()
    (tmp / "powers").mkdir()
    chunks: list[Chunk] = []
    for doc_id, stored in sorted(documents.items()):
        (tmp / "documents" / f"{doc_id}.json").write_text(
            stored.model_dump_json(), encoding="utf-8"
        )
        doc = answering.get(doc_id, stored)
        rules = cached_rules.get(doc_id) if doc is stored else None
        if rules is None:
            rules = extract_rules(doc)
        table = RuleTable(document_id=doc_id, content_hash=doc.content_hash, rules=rules)
        tables[doc_id] = table
        (tmp / "rules" / f"{doc_id}.json").write_text(table.model_dump_json(), encoding="utf-8")
        powers = power_table(doc).model_dump_json()
        (tmp / "powers" / f"{doc_id}.json").write_text(powers, encoding="utf-8")
        chunks.extend(chunk_document(doc))
    LexicalIndex.build(chunks).save(tmp / "lexical")
    (tmp / "manifest.json").write_text(manifest.model_dump_json(indent=1), encoding="utf-8")
    return home.commit_snapshot(tmp, name), tables


def load_powers(snapshot: Path | None, documents: dict[str, Document]) -> tuple[Power, ...]:
    """The table of powers written at ingest; for a document without one (a snapshot from
    an older version, or a shared store), extracted now (milliseconds a document)."""
    tables: dict[str, PowerTable] = {}
    folder = snapshot / "powers" if snapshot is not None else None
    if folder is not None and folder.exists():
        for path in folder.glob("*.json"):
            table = PowerTable.model_validate_json(path.read_text("utf-8"))
            doc = documents.get(table.document_id)
            if doc is not None and doc.content_hash == table.content_hash:
                tables[table.document_id] = table
    for doc_id, doc in sorted(documents.items()):
        if doc_id not in tables:
            tables[doc_id] = power_table(doc)
    return tuple(p for _id, table in sorted(tables.items()) for p in table.powers)


def load_rules(snapshot: Path | None) -> dict[str, list[Rule]]:
    """The rule tables a snapshot holds, by document id (none without a snapshot)."""
    if snapshot is None or not (snapshot / "rules").exists():
        return {}
    rules: dict[str, list[Rule]] = {}
    for path in (snapshot / "rules").glob("*.json"):
        table = RuleTable.model_validate_json(path.read_text("utf-8"))
        rules[table.document_id] = table.rules
    return rules
