"""Which rule of a clause answers the case a question names (assistant/rules/topic.py)."""

from __future__ import annotations

from assistant.rules.topic import closest_topic
from ingest.rules.models import Quantity, Rule

SENTENCE = (
    "Tờ trình gửi trước đến các tổ viên ít nhất 02 ngày; đối với những nội dung hệ trọng, "
    "khẩn thiết thì gửi trước ít nhất 04 ngày."
)


def _rule(days: int, condition: str) -> Rule:
    return Rule(
        id=f"r{days}",
        kind="lead_time",
        body="Ban Thường vụ",
        subject="document_sending",
        subject_label="gửi tài liệu",
        value=Quantity(text=f"{days:02d} ngày", number=days, unit="ngày"),
        comparator=">=",
        condition=condition,
        document_id="to-gio",
        part="regulation",
        article=3,
        clause=2,
        sentence=SENTENCE,
    )


def test_a_case_cut_short_at_its_comma_is_named_by_half_its_words() -> None:
    """ "việc hệ trọng, khẩn thiết" names the case the rule writes as "đối với những nội dung
    hệ trọng" (its extraction stops at the comma): that rule answers first."""
    plain, special = _rule(2, ""), _rule(4, "đối với những nội dung hệ trọng")
    found = closest_topic(
        "tờ trình việc hệ trọng khẩn thiết gửi trước mấy ngày", [plain, special], False
    )
    assert found[0] is special
    assert closest_topic("tờ trình gửi trước mấy ngày", [plain, special], False)[0] is plain
