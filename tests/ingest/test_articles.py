"""Clauses and points of an article."""

from __future__ import annotations

import pytest

from ingest.parse import parse_text
from tests.ingest.sample_regulation import CLAUSES, HEADINGS, regulation


@pytest.mark.parametrize("points", ["a)", "a-", "a."])
def test_point_styles(points: str) -> None:
    doc = parse_text(regulation(HEADINGS["dot"], CLAUSES["dot"], points), "x.txt")
    assert [p.id for p in doc.articles[0].clause(2).points] == ["a", "b"]


def test_clauses_numbered_under_their_article() -> None:
    text = """QUY CHẾ LÀM VIỆC
Điều 1. Chế độ họp
1.1. Ban Thường vụ họp mỗi tháng một lần.
1.2. Khi cần, Bí thư triệu tập họp bất thường:
a) theo đề nghị của Thường trực;
b) theo đề nghị của một phần ba ủy viên.
1.3. Hội nghị hợp lệ khi có hai phần ba ủy viên dự.
Điều 2. Quan hệ công tác
1. Với cấp trên.
1.1. Báo cáo định kỳ.
2. Với cấp dưới.
"""
    doc = parse_text(text, "thu.txt")
    seventh, eighth = doc.parts[0].articles
    assert [c.number for c in seventh.clauses] == [1, 2, 3]
    assert [p.id for p in seventh.clauses[1].points] == ["a", "b"]
    # "1.1." under khoản 1 of another article stays its sub-clause
    assert [c.number for c in eighth.clauses] == [1, 2]
    assert [p.id for p in eighth.clauses[0].points] == ["1.1"]
