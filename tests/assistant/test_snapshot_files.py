"""The files of a snapshot folder (assistant/snapshot_files.py): the tables written at
ingest are the tables read back for answering."""

from __future__ import annotations

from pathlib import Path

from assistant.home import DataHome, Manifest
from assistant.snapshot_files import load_powers, load_rules, write_snapshot
from ingest.parse import parse_text
from ingest.powers import power_table
from ingest.rules.extract import extract_rules

SUOI_MO = """QUY CHẾ LÀM VIỆC CỦA ĐẢNG ỦY XÃ SUỐI MƠ

Điều 1. Chế độ họp
1. Ban Chấp hành họp thường lệ ba tháng một lần.
2. Hội nghị chỉ được tiến hành khi có ít nhất hai phần ba số ủy viên tham dự.
Điều 2. Nhiệm vụ, quyền hạn của Ban Thường vụ
1. Ban Thường vụ quyết định triệu tập hội nghị Ban Chấp hành.
"""


def test_the_tables_written_are_the_tables_read_back(tmp_path: Path) -> None:
    doc = parse_text(SUOI_MO, "suoi-mo.txt")
    home = DataHome(tmp_path / "home")
    snapshot, tables = write_snapshot(home, {doc.id: doc}, Manifest(), {})
    assert (snapshot / "documents" / f"{doc.id}.json").exists()
    assert load_rules(snapshot) == {doc.id: extract_rules(doc)} == {doc.id: tables[doc.id].rules}
    powers = load_powers(snapshot, {doc.id: doc})
    assert powers and powers == power_table(doc).powers


def test_powers_are_extracted_for_a_document_without_a_stored_table() -> None:
    doc = parse_text(SUOI_MO, "suoi-mo.txt")
    assert load_rules(None) == {}
    powers = load_powers(None, {doc.id: doc})
    assert powers and powers == power_table(doc).powers
