from pathlib import Path

import pytest

from index.lexical import LexicalIndex, fingerprint
from ingest.models import Chunk


def test_finds_by_words_with_and_without_diacritics(chunks: list[Chunk]) -> None:
    index = LexicalIndex.build(chunks)
    with_marks = index.search("Ban cán sự đảng họp mấy lần?", 3)
    without = index.search("ban can su dang hop may lan", 3)
    assert with_marks[0][0] == "kon-tum/8/1"
    assert [cid for cid, _ in with_marks] == [cid for cid, _ in without]


def test_abbreviation_in_question(chunks: list[Chunk]) -> None:
    index = LexicalIndex.build(chunks)
    top = index.search("UBKT giúp BCH làm gì", 1)
    assert top[0][0] == "dong-thap/4/1"


def test_article_title_counts(chunks: list[Chunk]) -> None:
    index = LexicalIndex.build(chunks)
    ids = [cid for cid, _ in index.search("quyền hạn của BTV", 2)]
    assert set(ids) == {"dien-bien/3/1", "dien-bien/3/2"}


def test_allowed_restricts(chunks: list[Chunk]) -> None:
    index = LexicalIndex.build(chunks)
    found = index.search("họp", 10, allowed={"mau-huyen/10/1"})
    assert [cid for cid, _ in found] == ["mau-huyen/10/1"]


def test_unknown_or_stopword_question_gives_nothing(chunks: list[Chunk]) -> None:
    index = LexicalIndex.build(chunks)
    assert index.search("xyzzy", 5) == []
    assert index.search("là gì?", 5) == []


def test_empty_index() -> None:
    index = LexicalIndex.build([])
    assert index.search("họp", 5) == []


def test_save_load_and_fingerprint(tmp_path: Path, chunks: list[Chunk]) -> None:
    index = LexicalIndex.build(chunks)
    index.save(tmp_path / "lex")
    loaded = LexicalIndex.load(tmp_path / "lex")
    assert loaded.ids == index.ids
    assert loaded.search("ủy ban kiểm tra", 3) == index.search("ủy ban kiểm tra", 3)
    # the fingerprint tells a saved index from one of other chunks (the data home checks it)
    assert loaded.fingerprint == fingerprint(chunks) != fingerprint(chunks[:3])


def test_load_from_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        LexicalIndex.load(tmp_path / "nothing-here")
