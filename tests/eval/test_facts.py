from __future__ import annotations

import pytest

from eval.facts import fact_present, is_no_rule, missing_facts, normalize_fact


@pytest.mark.parametrize(
    ("fact", "answer"),
    [
        ("hai phần ba", "cần ít nhất 2/3 tổng số ủy viên"),
        ("2/3", "ít nhất hai phần ba số thành viên"),
        ("ba ngày", "gửi trước 03 ngày làm việc"),
        ("03 ngày", "trước ba ngày"),
        ("03 ngày", "trước 3 ngày"),
        ("mười lăm ngày", "trong 15 ngày"),
        ("năm", "ít nhất 5 ủy viên"),
        ("quá nửa", "trên 1/2 tổng số"),
        ("trên 1/2", "hơn một nửa số ủy viên"),
        ("hơn một nửa", "quá nửa"),
        ("Ủy ban nhân dân", "uy ban nhan dan tinh"),
        ("Ban Thường vụ", "do BAN THƯỜNG VỤ quyết định"),
        ("05 tỷ", "từ 5 tỷ đồng trở lên"),
        ("ba tháng một lần", "định kỳ 3 tháng 1 lần"),
        ("hai mươi mốt", "21 người"),
    ],
)
def test_equivalent_forms_match(fact: str, answer: str) -> None:
    assert fact_present(fact, answer)


@pytest.mark.parametrize(
    ("fact", "answer"),
    [
        ("2", "cần 32 người"),
        ("3 ngày", "13 ngày"),
        ("2/3", "1/3 số ủy viên"),
        ("Ban Thường vụ", "Ban Chấp hành"),
        ("tám", "tạm thời"),
    ],
)
def test_different_values_do_not_match(fact: str, answer: str) -> None:
    assert not fact_present(fact, answer)


def test_number_words_become_digits() -> None:
    assert normalize_fact("Mười lăm ngày") == "15 ngay"
    assert normalize_fact("ba mươi tư") == "34"
    assert normalize_fact("một trăm linh năm") == "105"
    assert normalize_fact("năm mươi phần trăm") == "50%"
    assert normalize_fact("05 tỷ") == "5 ty"


def test_blank_and_no_rule_facts_need_an_absence_statement() -> None:
    assert fact_present("...", "Quy chế mẫu để trống giá trị này (…).")
    assert fact_present("không quy định", "Quy chế không quy định số lượng tối thiểu.")
    assert not fact_present("không quy định", "Cần 2/3 tổng số ủy viên.")
    assert is_no_rule(["không quy định"])
    assert not is_no_rule(["2/3"])


def test_missing_facts_lists_the_absent_ones() -> None:
    assert missing_facts(["2/3", "Ban Thường vụ"], "hai phần ba") == ["Ban Thường vụ"]
