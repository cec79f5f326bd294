"""The table of powers: golden listings of two reviewed regulations, and the reading rules
on made-up clauses."""

from __future__ import annotations

import json

import pytest

from ingest.parse import parse_text
from ingest.powers import extract_powers
from tests.golden.powers.regen import HERE, SOURCES, listing


@pytest.mark.parametrize("path", SOURCES, ids=[p.stem for p in SOURCES])
def test_matches_golden(path) -> None:  # type: ignore[no-untyped-def]
    doc_id, rows = listing(path)
    assert rows == json.loads((HERE / f"{doc_id}.json").read_text(encoding="utf-8"))


REGULATION = """QUY CHẾ LÀM VIỆC
Điều 1. Nhiệm vụ, quyền hạn của Ban Thường vụ
1. Quyết định kết nạp đảng viên; cho ý kiến về dự thảo báo cáo chính trị.
2. Thảo luận và quyết định:
a) Chương trình công tác năm;
b) Dự toán ngân sách của cơ quan.
3. Ban Thường vụ ủy quyền cho Thường trực giải quyết công việc hằng ngày.
Điều 2. Chế độ làm việc
1. Việc khen thưởng tập thể do Ban Chấp hành xem xét, quyết định.
2. Khi cần thiết, Bí thư triệu tập hội nghị theo quy định tại khoản 1 Điều 1 Quy chế này.
3. Văn phòng giúp Bí thư chuẩn bị nội dung; thực hiện theo sự phân công của Thường trực.
4. Trường hợp khẩn cấp, Thường trực xin ý kiến Ban Thường vụ bằng văn bản.
"""


@pytest.fixture(scope="module")
def powers():  # type: ignore[no-untyped-def]
    doc = parse_text(REGULATION, source_file="made-up.txt")
    return {(p.article, p.clause, p.point, p.act): p for p in extract_powers(doc)}


def test_holder_from_the_title(powers) -> None:  # type: ignore[no-untyped-def]
    assert powers[(1, 1, None, "decides")].body == "Ban Thường vụ"
    assert powers[(1, 1, None, "gives_opinion")].action.startswith("cho ý kiến")


def test_points_take_the_verb_of_their_lead_in(powers) -> None:  # type: ignore[no-untyped-def]
    point = powers[(1, 2, "a", "decides")]
    assert point.body == "Ban Thường vụ" and point.action == "Chương trình công tác năm"


def test_delegation(powers) -> None:  # type: ignore[no-untyped-def]
    assert powers[(1, 3, None, "delegates")].delegate_to == "Thường trực"


def test_passive_object_and_actor(powers) -> None:  # type: ignore[no-untyped-def]
    found = powers[(2, 1, None, "decides")]
    assert found.body == "Ban Chấp hành" and found.action == "Việc khen thưởng tập thể"


def test_condition_and_resolved_reference(powers) -> None:  # type: ignore[no-untyped-def]
    found = powers[(2, 2, None, "convenes")]
    assert found.body == "Bí thư" and found.condition == "Khi cần thiết"
    assert [(r.article, r.clause, r.resolved) for r in found.references] == [(1, 1, True)]


def test_helped_body_and_nominal_verb_are_no_actors(powers) -> None:  # type: ignore[no-untyped-def]
    # "giúp Bí thư": the office helps; "theo sự phân công": no act of anyone here
    assert (2, 3, None, "decides") not in powers
    assert all(p.body != "Bí thư" for k, p in powers.items() if k[:2] == (2, 3))


def test_consulted_body(powers) -> None:  # type: ignore[no-untyped-def]
    assert powers[(2, 4, None, "is_consulted")].body == "Ban Thường vụ"


def test_quotes_are_verbatim() -> None:
    doc = parse_text(REGULATION, source_file="made-up.txt")
    for p in extract_powers(doc):
        assert doc.text[p.start : p.end] == p.quote and p.action in doc.text


def test_no_power_without_an_action_nor_from_an_organ_noun() -> None:
    text = """QUY CHẾ LÀM VIỆC
Điều 1. Nhiệm vụ của Ban Thường vụ
1. Các cơ quan tham mưu, giúp việc chuẩn bị đề án trình hội nghị.
2. Trường hợp các ủy viên còn ý kiến khác nhau thì Ban Thường vụ quyết định.
3. Ban Thường vụ quyết định khen thưởng tập thể.
"""
    powers = extract_powers(parse_text(text, "thu.txt"))
    actions = [(p.clause, p.action) for p in powers]
    assert (3, "quyết định khen thưởng tập thể") in actions
    # "cơ quan tham mưu" names an organ; the bare "quyết định" lists no action
    assert all(clause != 2 for clause, _ in actions)
    assert not any(a.startswith("tham mưu") for _, a in actions)


def test_leading_a_task_with_others_is_coordination_chairing_is_convening() -> None:
    text = """QUY CHẾ LÀM VIỆC
Điều 1. Nhiệm vụ của Văn phòng
1. Văn phòng chủ trì, phối hợp với các ban chuẩn bị tài liệu hội nghị.
2. Bí thư chủ trì hội nghị Ban Thường vụ.
3. Văn phòng tổng hợp công tác khen thưởng trong Đảng bộ.
"""
    acts = {(p.clause, p.act) for p in extract_powers(parse_text(text, "thu.txt"))}
    assert (1, "coordinates") in acts and (2, "convenes") in acts
    # "công tác khen thưởng" names a field of work, not an award given
    assert (3, "decides") not in acts


DELEGATED = """QUY CHẾ LÀM VIỆC
Điều 1. Nhiệm vụ, quyền hạn của Ban Chấp hành
1. Lãnh đạo công tác tư tưởng: thực hiện các quy định về công tác tư tưởng.
Những việc Ban Chấp hành ủy quyền cho tập thể Ban Thường vụ giải quyết, gồm:
- Quyết định thành lập tổ đảng trực thuộc.
- Quyết định khen thưởng đảng viên.
"""


def test_points_a_lead_in_delegates_are_the_delegates_powers() -> None:
    doc = parse_text(DELEGATED, source_file="made-up.txt")
    listed = [p for p in extract_powers(doc) if p.point is not None]
    assert listed and {p.body for p in listed} == {"Ban Thường vụ"}


def test_the_bodies_one_answers_to_are_not_who_acts() -> None:
    text = """QUY CHẾ LÀM VIỆC
Điều 3. Nhiệm vụ của Phó Bí thư Thường trực
1. Chịu trách nhiệm trước Ban Chấp hành, Ban Thường vụ và đồng chí Bí thư chỉ đạo công tác văn phòng.
"""
    found = extract_powers(parse_text(text, source_file="made-up.txt"))
    assert {p.body for p in found} == {"Phó Bí thư Thường trực"}
