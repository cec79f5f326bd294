"""Reading located clauses: which words of a sentence answer the question."""

from __future__ import annotations

from assistant.locate import body_verb_pairs


def test_a_body_and_its_verb_pair_up_in_either_order() -> None:
    asked = body_verb_pairs("họp Ban Thường vụ thì ai chủ trì?")
    assert ("Ban Thường vụ", "hop") in asked
    assert asked & body_verb_pairs("Ban Thường vụ họp mỗi tháng một lần.")
    # the seat's name between a body and its verb is skipped, not taken for the verb
    assert ("Thường trực", "hop") in body_verb_pairs("Thường trực huyện ủy họp hằng tuần.")
