"""The support checks: which organizations a question is about."""

from __future__ import annotations

import pytest

from assistant.evidence import party_bodies


@pytest.mark.parametrize(
    ("question", "bodies"),
    [
        # a Party body named right before an organization is that organization's organ
        ("Ban Chấp hành Công đoàn tỉnh họp mấy lần?", []),
        ("BCH cong doan hop may lan", []),
        ("Ban Chấp hành Đảng bộ họp mấy lần?", ["Ban Chấp hành"]),
        ("Ban Thường vụ cho ý kiến về nhân sự Công đoàn thế nào?", ["Ban Thường vụ"]),
    ],
)
def test_bodies_of_other_organizations_are_notparty_bodies(
    question: str, bodies: list[str]
) -> None:
    assert party_bodies(question) == bodies
