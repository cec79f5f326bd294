from __future__ import annotations

import datetime as dt

import pytest

from assistant.models import Turn
from assistant.rules.extract import extract_rules
from assistant.rules.models import Rule
from assistant.rules.query import (
    answer_numeric,
    is_numeric_question,
    read_question,
    to_numeric_result,
)
from tests.assistant.rules.fixtures import make_doc
from tests.assistant.rules.test_extract import MEETINGS

TEMPLATE = make_doc(
    [
        (
            14,
            "Chế độ hội nghị của Đảng ủy, Ban Thường vụ Đảng ủy",
            [
                "1. Đảng ủy họp ba tháng một lần. Ban Thường vụ Đảng ủy họp ít nhất ...lần/tháng. Hội nghị Đảng "
                "ủy, Ban Thường vụ Đảng ủy phải có ít nhất 2/3 tổng số thành viên tham dự.",
                "2. Văn phòng Đảng ủy gửi tài liệu hội nghị đến các thành viên trước kỳ họp... ngày đối với hội "
                "nghị Đảng ủy.",
            ],
        )
    ],
    doc_id="template",
)


@pytest.fixture(scope="module")
def rules() -> list[Rule]:
    return extract_rules(MEETINGS) + extract_rules(TEMPLATE)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Hội nghị Tỉnh ủy cần ít nhất bao nhiêu người?", "quorum"),
        ("hoi nghi btv can toi thieu bao nhieu nguoi", "quorum"),
        ("Tỉnh ủy họp thường lệ bao lâu một lần?", "frequency"),
        ("BTV hop may lan mot thang", "frequency"),
        ("Cần bao nhiêu ủy viên đề nghị để triệu tập hội nghị đột xuất?", "request_trigger"),
        ("Gửi tài liệu trước kỳ họp mấy ngày?", "lead_time"),
        ("gui tai lieu truoc ky hop may ngay", "lead_time"),
        ("Dự án 3 tỷ thì ai quyết định?", "money_threshold"),
        ("du an 3 ty thi ai quyet dinh", "money_threshold"),
        ("Nghị quyết cần bao nhiêu thành viên tán thành?", "vote_threshold"),
        ("Hội nghị BTV kéo dài bao lâu?", "duration"),
    ],
)
def test_intent(question: str, kind: str) -> None:
    assert read_question(question).kind == kind
    assert is_numeric_question(question)


@pytest.mark.parametrize(
    ("question", "bodies"),
    [
        ("BTV họp mấy lần?", ("Ban Thường vụ",)),
        ("BCH họp mấy lần?", ("Ban Chấp hành",)),
        ("TTTU họp mấy lần?", ("Thường trực",)),
        ("BCS họp mấy lần?", ("Ban cán sự đảng",)),
        ("Tỉnh ủy họp mấy lần?", ("Ban Chấp hành",)),
        ("ban thuong vu hop may lan", ("Ban Thường vụ",)),
    ],
)
def test_bodies(question: str, bodies: tuple[str, ...]) -> None:
    assert read_question(question).bodies == bodies


def test_not_numeric() -> None:
    assert answer_numeric("Quy chế có hiệu lực từ khi nào?", []) is None
    assert not is_numeric_question("Nhiệm vụ của Bí thư là gì?")


def test_quorum_computed(rules: list[Rule]) -> None:
    answer = answer_numeric(
        "Hội nghị Tỉnh ủy có 48 ủy viên thì cần ít nhất bao nhiêu người dự?", rules
    )
    assert answer is not None and answer.is_numeric
    by_doc = {d.document_id: d for d in answer.documents}
    (match,) = by_doc["fixture"].matches
    assert match.calculation is not None and match.calculation.value == 32
    assert "2/3 × 48 = 32" in match.calculation.computation
    assert to_numeric_result(match).result == "32 người"


def test_more_than_half_no_diacritics(rules: list[Rule]) -> None:
    answer = answer_numeric("can bao nhieu uy vien de nghi de hop dot xuat, bch co 31 nguoi", rules)
    assert answer is not None
    (doc,) = [d for d in answer.documents if d.document_id == "fixture"]
    assert doc.matches[0].calculation is not None and doc.matches[0].calculation.value == 16


def test_blank_is_unspecified(rules: list[Rule]) -> None:
    answer = answer_numeric("Ban Thường vụ họp mấy lần một tháng?", rules, scope=["template"])
    assert answer is not None
    (doc,) = answer.documents
    (match,) = doc.matches
    assert match.unspecified and match.calculation is None
    assert to_numeric_result(match).unspecified


def test_no_rule_gives_nearest(rules: list[Rule]) -> None:
    answer = answer_numeric("Thường trực họp định kỳ mấy lần?", rules, scope=["template"])
    assert answer is not None
    (doc,) = answer.documents
    assert doc.no_rule and not doc.matches
    assert doc.nearest is not None and doc.nearest.kind == "frequency"


def test_scope_none_only_documents_with_rules(rules: list[Rule]) -> None:
    answer = answer_numeric("Dự án 3 tỷ thì ai quyết định?", rules)
    assert answer is not None
    assert [d.document_id for d in answer.documents] == ["fixture"]


@pytest.mark.parametrize(
    ("question", "decider"),
    [
        ("Chi 3 tỷ thì ai quyết định?", "Ban Thường vụ"),
        ("chi 2,999 ty thi ai quyet dinh", "Thường trực"),
        ("Chi 3,5 tỷ thì ai quyết định?", "Ban Thường vụ"),
        ("Dự án đầu tư 6 tỷ do ai quyết định chủ trương?", "Ban Chấp hành"),
        ("Dự án đầu tư 300 triệu do ai quyết định?", "Thường trực"),
        ("Dự án đầu tư 3 tỷ do ai quyết định?", "Ban Thường vụ"),
    ],
)
def test_money_decider(rules: list[Rule], question: str, decider: str) -> None:
    answer = answer_numeric(question, rules, scope=["fixture"])
    assert answer is not None
    (doc,) = answer.documents
    assert doc.matches[0].calculation is not None
    assert doc.matches[0].calculation.result == decider


def test_ambiguous_amount_notes_other_reading(rules: list[Rule]) -> None:
    answer = answer_numeric("Chi 2.999 tỷ thì ai quyết định?", rules, scope=["fixture"])
    assert answer is not None
    assert answer.frame.amount_alternative == 2_999_000_000
    notes = [n for m in answer.documents[0].matches for n in m.notes]
    assert any("2.999.000.000 đồng" in n for n in notes)


def test_lead_time_date(rules: list[Rule]) -> None:
    answer = answer_numeric(
        "Họp Ban cán sự đảng ngày 20/3/2025 thì gửi tài liệu chậm nhất ngày nào?",
        rules,
        scope=["fixture"],
    )
    assert answer is not None
    (doc,) = answer.documents
    (match,) = doc.matches
    assert match.calculation is not None and match.calculation.date == dt.date(2025, 3, 19)


def test_follow_up_uses_history(rules: list[Rule]) -> None:
    history = [
        Turn(role="user", content="Tỉnh ủy họp thường lệ bao lâu một lần?"),
        Turn(role="assistant", content="…"),
    ]
    answer = answer_numeric("Còn Ban Thường vụ thì sao?", rules, history=history, scope=["fixture"])
    assert answer is not None
    assert answer.frame.kind == "frequency" and answer.frame.bodies == ("Ban Thường vụ",)
    (doc,) = answer.documents
    assert doc.matches[0].rule.body == "Ban Thường vụ"


def test_year_rate(rules: list[Rule]) -> None:
    answer = answer_numeric("Một năm Tỉnh ủy họp mấy lần?", rules, scope=["fixture"])
    assert answer is not None
    match = answer.documents[0].matches[0]
    assert match.calculation is not None and match.calculation.value == 4
