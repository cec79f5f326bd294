"""Robustness variants are mechanical and deterministic."""

from __future__ import annotations

from eval.gold_set import GoldItem
from eval.robust import variants
from ingest.normalize import has_diacritics


def _item(question: str, item_id: str = "x001") -> GoldItem:
    return GoldItem(id=item_id, split="dev", category="who_decides", question=question)


def test_every_kind_for_a_question_with_diacritics() -> None:
    out = variants(_item("Ai quyết định triệu tập hội nghị Ban Thường vụ?"))
    assert set(out) == {"no_diacritics", "keystrokes", "abbreviations", "chat", "typo"}
    assert not has_diacritics(out["no_diacritics"].question)
    assert out["no_diacritics"].no_diacritics
    assert "BTV" in out["abbreviations"].question
    assert out["chat"].question != out["typo"].question
    assert all(v.id.startswith("x001~") for v in out.values())


def test_deterministic() -> None:
    item = _item("Ai ký văn bản của Ban Chấp hành?")
    assert variants(item) == variants(item)


def test_abbreviation_spelled_out_when_typed_short() -> None:
    out = variants(_item("BTV họp mấy lần một tháng?"))
    assert "Ban Thường vụ" in out["abbreviations"].question


def test_no_diacritics_question_has_no_keystroke_variant() -> None:
    out = variants(_item("ai ky van ban cua ban chap hanh"))
    assert "no_diacritics" not in out
    assert "keystrokes" not in out
    assert not has_diacritics(out["chat"].question)
