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


def _vote(clause: int, sentence: str, share: tuple[int, int]) -> Rule:
    return Rule(
        id=f"v{clause}",
        kind="vote_threshold",
        body="Tổ công tác",
        subject="resolution",
        subject_label="thông qua nghị quyết",
        value=Quantity(text=f"{share[0]}/{share[1]}", numerator=share[0], denominator=share[1]),
        comparator=">",
        document_id="to-gio",
        part="regulation",
        article=5,
        clause=clause,
        sentence=sentence,
    )


def test_a_story_tells_rules_apart_by_its_words_beyond_the_story() -> None:
    """The body named, the counts' nouns and the verdict asked are every vote rule's words;
    "xét cử đi đào tạo" is what names the special rule."""
    general = _vote(
        1, "Nghị quyết của tổ công tác được thông qua khi quá nửa tổ viên tán thành.", (1, 2)
    )
    special = _vote(
        2, "Nghị quyết cử tổ viên đi đào tạo phải được ba phần tư số tổ viên tán thành.", (3, 4)
    )
    question = (
        "tổ công tác 12 người, họp xét cử đi đào tạo được 7 người tán thành thì nghị quyết của "
        "tổ công tác có thông qua được không"
    )
    assert closest_topic(question, [general, special], False)[0] is special
