"""Template blanks: dots where a value belongs, not an enumeration's "and so on"."""

from __future__ import annotations

import pytest

from ingest.rules.blanks import find_blanks


@pytest.mark.parametrize(
    ("text", "contexts"),
    [
        ("Tài liệu gửi trước phiên họp ít nhất... ngày làm việc.", ["họp ít nhất... ngày làm"]),
        ("Hội đồng xã Tân An, khóa....., nhiệm kỳ 2030-2035", ["Tân An, khóa....., nhiệm kỳ"]),
        ("ký ngày …/…/… tại trụ sở", ["ký ngày …/…/… tại trụ"]),
        ("ban hành ngày / /20 của Ban", ["ban hành ngày / /20 của"]),
        ("dự án từ … tỷ đồng trở lên", ["dự án từ … tỷ đồng"]),
        ("họp định kỳ … tháng một lần", ["họp định kỳ … tháng một"]),
    ],
)
def test_value_blanks(text: str, contexts: list[str]) -> None:
    blanks = find_blanks(text)
    assert [b.context for b in blanks] == contexts
    for blank in blanks:
        assert blank.context in text


@pytest.mark.parametrize(
    "text",
    [
        "về nhà ở, đất đai, thu nhập...); việc kê khai",
        "các nghị quyết, chỉ thị, kết luận... của cấp trên",
        "Điều 3. Nguyên tắc làm việc",
    ],
)
def test_an_enumeration_ellipsis_is_no_blank(text: str) -> None:
    assert find_blanks(text) == []
