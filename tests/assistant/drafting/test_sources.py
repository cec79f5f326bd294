"""Documents to compare: files parsed in memory, ingested ones by id or number; clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.drafting.sources import CompareInputError, find_ingested, load_document
from ingest.parse import parse_text
from tests.assistant.drafting.texts import MODEL


def test_a_file_is_parsed_in_memory(tmp_path: Path) -> None:
    path = tmp_path / "mau.txt"
    path.write_text(MODEL, encoding="utf-8")
    doc = load_document(str(path), tmp_path / "home", "quy chế mẫu")
    assert len(doc.articles) == 6
    assert not (tmp_path / "home").exists()


def test_a_file_without_articles_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "ghi-chu.txt"
    path.write_text("Một ghi chú không có điều khoản nào.\n", encoding="utf-8")
    with pytest.raises(CompareInputError, match=r"^không đọc được dự thảo ghi-chu\.txt: .*Điều"):
        load_document(str(path), tmp_path / "home", "dự thảo")


def test_a_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "anh.txt"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(CompareInputError, match=r"không đọc được dự thảo anh\.txt"):
        load_document(str(path), tmp_path / "home", "dự thảo")


def test_neither_a_file_nor_an_ingested_document(tmp_path: Path) -> None:
    with pytest.raises(CompareInputError, match="không tìm thấy quy chế mẫu 'khong-co'"):
        load_document("khong-co", tmp_path / "home", "quy chế mẫu")


def test_an_ingested_document_by_id_or_number() -> None:
    doc = parse_text(MODEL, "mau.txt", overrides={"number": "07-QC/ĐU"})
    docs = {doc.id: doc}
    assert find_ingested(docs, "mau") is doc
    assert find_ingested(docs, "07-qc/du") is doc
    assert find_ingested(docs, "08-QC/ĐU") is None
