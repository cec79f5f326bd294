from __future__ import annotations

from fractions import Fraction

from assistant.rules.models import Rule
from tests.ingest.rules.fixtures import find


def test_quorum_for_two_bodies(rules: list[Rule]) -> None:
    quorums = find(rules, 25, "quorum")
    assert {r.body for r in quorums} == {"Ban Chấp hành", "Ban Thường vụ"}
    for r in quorums:
        assert r.value.fraction == Fraction(2, 3)
        assert r.comparator == ">="
        assert r.basis == "tổng số thành viên"


def test_request_trigger(rules: list[Rule]) -> None:
    (req,) = find(rules, 25, "request_trigger")
    assert (
        req.body == "Ban Chấp hành"
        and req.comparator == ">"
        and req.value.fraction == Fraction(1, 2)
    )
    assert req.subject == "extraordinary_meeting"
    (bcs,) = find(rules, 6, "request_trigger")
    assert bcs.body == "Ban cán sự đảng" and bcs.value.fraction == Fraction(1, 3)


def test_votes(rules: list[Rule]) -> None:
    votes = find(rules, 25, "vote_threshold")
    assert {r.body for r in votes} == {"Ban Chấp hành", "Ban Thường vụ"}
    assert all(r.basis == "số thành viên đương nhiệm" and r.comparator == ">" for r in votes)
    (bcs,) = find(rules, 6, "vote_threshold")
    assert bcs.value.text == "hơn một nửa" and bcs.comparator == ">"
    (quorum,) = find(rules, 6, "quorum")
    assert quorum.body == "Ban cán sự đảng" and quorum.value.text == "ít nhất hai phần ba (2/3)"


def test_absolute_quorum(rules: list[Rule]) -> None:
    (quorum,) = find(rules, 11, "quorum")
    assert (
        quorum.value.number == 5 and quorum.value.unit == "người" and quorum.body == "Ban Thường vụ"
    )
