from __future__ import annotations

import pytest

from ingest.normalize import canonical, clean_source, fold, has_diacritics, sentence_case


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Uỷ ban", "ủy ban"),
        ("hoà", "hòa"),
        ("thuỷ lợi", "thủy lợi"),
        ("khoẻ", "khỏe"),
        ("khoá VII", "khóa vii"),
        ("quý", "quý"),  # "qu" + y is no cluster
        ("hoàn thành", "hoàn thành"),  # a final consonant: no change
        ("Đảng  uỷ\tKhối", "đảng ủy khối"),
    ],
)
def test_canonical_tone_placement(typed: str, expected: str) -> None:
    assert canonical(typed) == expected


def test_both_placements_fold_and_canonicalise_alike() -> None:
    assert canonical("Uỷ ban Kiểm tra") == canonical("Ủy ban Kiểm tra")
    assert fold("Ủy ban Kiểm tra Đảng ủy") == "uy ban kiem tra dang uy"
    assert fold("ai quyết định") == fold("ai quyet dinh")
    assert has_diacritics("quyết") and not has_diacritics("quyet")


def test_decomposed_input_is_composed() -> None:
    decomposed = "Đie\u0302\u0300u 1"
    assert canonical(decomposed) == "điều 1"


def test_clean_source_strips_markup_but_keeps_words() -> None:
    raw = "\ufeff## **Điều 2. Nhiệm vụ**\r\n***4. Tại hội nghị***\n*\n[bookmark: _GoBack]Căn cứ[footnoteRef:1]\n"
    assert clean_source(raw) == "Điều 2. Nhiệm vụ\n4. Tại hội nghị\n*\nCăn cứ\n"


def test_clean_source_flattens_markdown_tables() -> None:
    raw = "| ĐẢNG ỦY XÃ | ĐẢNG CỘNG SẢN VIỆT NAM |\n|:---:|:---:|\n| Số 05-QC/ĐU | |\n| \\* | |\n"
    assert clean_source(raw) == "ĐẢNG ỦY XÃ\tĐẢNG CỘNG SẢN VIỆT NAM\n\nSố 05-QC/ĐU\n*\n"


def test_sentence_case() -> None:
    assert sentence_case("QUY CHẾ LÀM VIỆC") == "Quy chế làm việc"
    assert sentence_case("Quy chế của Tỉnh ủy") == "Quy chế của Tỉnh ủy"
