"""One rule applied to what a question gives: the count a share of the members needs and
the verdict on the count given, who decides an amount, an area or a number of households,
the latest date to send papers or to act, the day a monthly meeting falls on, how often in
a period. Exact arithmetic (:mod:`assistant.rules.calc`); a template's blank is said, never
filled."""

from __future__ import annotations

import re

from assistant.citations import location
from assistant.quantity_roles import role_named, role_of
from assistant.rules.calc import (
    area_decision,
    count_verdict,
    day_of_the_month,
    deadline_date,
    fixed_count,
    household_decision,
    latest_send_date,
    money_decision,
    occurrences_per,
    required_count,
)
from assistant.rules.intent import HEAD_COUNT_KINDS
from assistant.rules.models import Calculation, QuestionFrame, Rule, RuleMatch, format_int
from ingest.rules.text import fold_query


def _counted_by_basis(frame: QuestionFrame, rule: Rule) -> QuestionFrame:
    """The frame with the counts sorted by a word the rule's basis writes ("24 đảng viên
    chính thức, 6 dự bị; 15 chính thức và 5 dự bị dự" against "hai phần ba số đảng viên
    chính thức": 15 of 24), when the question sorts them so; as given otherwise."""
    basis = f" {fold_query(rule.basis)} " if rule.basis else ""
    counted = [c for c in frame.qualified if basis and f" {c.qualifier} " in basis]
    if not counted:
        return frame
    role = role_named(frame.given_as)
    sizes = [c.value for c in counted if c.role is None]
    given = [c.value for c in counted if role is not None and c.role == role]
    update: dict[str, int] = {}
    if sizes:
        update["member_count"] = sizes[0]
    if given:
        update["given_count"] = given[0]
    return frame.model_copy(update=update) if update else frame


def apply_rule(
    frame: QuestionFrame, rule: Rule, size: Rule | None = None, held: bool = True
) -> RuleMatch:
    """``rule`` applied to what the question gives; ``held``: whether the meeting the
    counts were taken at could be held (a vote at one that could not passes nothing)."""
    if rule.value.unspecified:
        return RuleMatch(
            rule=rule,
            unspecified=True,
            notes=("Quy chế (mẫu) để trống giá trị này; đơn vị áp dụng tự quy định.",),
        )
    calculation: Calculation | None = None
    notes: list[str] = []
    fraction = rule.value.fraction
    size_rule: Rule | None = None
    frame = _counted_by_basis(frame, rule)
    members = frame.member_count
    if _on_present(rule) and frame.given_present is not None:
        # "quá nửa số đảng viên có mặt": a share of those present, not of the members
        members = frame.given_present
    elif fraction is not None and not members and size is not None and _on_total(rule):
        # "2/3 tổng số ủy viên" and the document says how many there are (Điều 3: 21)
        size_rule, members = size, size.value.number
    fixed = rule.value.number if rule.kind in HEAD_COUNT_KINDS and fraction is None else None
    if (fraction is not None and members) or (fixed and rule.comparator in (">=", ">")):
        if fraction is not None and members:
            calculation = required_count(fraction, rule.comparator, members)
        else:
            # "ít nhất năm ủy viên": a number, the same whatever the body's size
            calculation = fixed_count(int(fixed or 0), rule.comparator)
        if frame.given_count is not None:
            role = role_of(frame.given_as)
            outcome = role.outcome if role else None
            if outcome and not held:
                outcome = (f"{outcome[1]} vì hội nghị không đủ số người dự",) * 2
            calculation = count_verdict(calculation, frame.given_count, frame.given_as, outcome)
        if rule.basis:
            calculation = calculation.model_copy(
                update={"computation": f"{calculation.computation} (tính trên {rule.basis})"}
            )
        if size_rule is not None:
            notes.append(
                f"Số {members} là số lượng {size_rule.body} do văn bản quy định "
                f"({location(size_rule.article, size_rule.clause, size_rule.point)}); nếu số ủy viên thực tế khác thì tính lại."
            )
    elif (
        rule.kind == "money_threshold"
        and frame.amount is not None
        and rule.value.number is not None
    ):
        calculation = _money(frame.amount, rule, rule.value.number)
        if frame.amount_bound and frame.amount_bound_value is not None:
            # "dưới 500 triệu": the bracket asked, decided at its edge
            asked = (
                f"{_BOUND_WORDS[frame.amount_bound]} {format_int(frame.amount_bound_value)} đồng"
            )
            calculation = calculation.model_copy(
                update={
                    "computation": f"mức được hỏi: {asked}, xét ở sát ngưỡng: "
                    f"{calculation.computation}"
                }
            )
        if frame.amount_alternative is not None:
            other = _money(frame.amount_alternative, rule, rule.value.number)
            notes.append(
                f"Số tiền viết có dấu chấm được hiểu là {format_int(frame.amount)} đồng (dấu chấm "
                f"phân cách hàng nghìn); nếu ý là {format_int(frame.amount_alternative)} đồng thì: "
                f"{other.computation}"
            )
    elif rule.kind == "count_threshold" and frame.households is not None and rule.value.number:
        calculation = household_decision(
            frame.households,
            rule.comparator,
            rule.value.number,
            rule.if_met_body,
            rule.otherwise_body,
        )
    elif rule.kind == "area_threshold" and frame.area is not None and rule.value.number:
        calculation = area_decision(
            frame.area, rule.comparator, rule.value.number, rule.if_met_body, rule.otherwise_body
        )
    elif rule.kind == "lead_time" and frame.date is not None:
        # documents are sent ahead of a meeting; another act ahead of one is only done
        sends = rule.subject in _SENDING_SUBJECTS
        calculation = latest_send_date(
            frame.date, rule.value, month_known=not frame.day_only, verb="gửi" if sends else ""
        )
        if calculation and rule.value.unit == "ngày làm việc":
            notes.append("Chưa trừ ngày nghỉ lễ, Tết: nếu có, phải gửi sớm hơn.")
    elif rule.kind == "deadline" and frame.date is not None:
        calculation = deadline_date(frame.date, rule.value, frame.hour)
        if calculation and rule.value.unit == "ngày làm việc":
            notes.append("Chưa trừ ngày nghỉ lễ, Tết: nếu có, hạn lùi lại tương ứng.")
    elif rule.kind == "frequency" and rule.value.calendar and frame.date is not None:
        calculation = day_of_the_month(
            frame.date, frame.weekday, rule.value, month_known=not frame.day_only
        )
    elif rule.kind == "frequency" and frame.per_period:
        calculation = occurrences_per(rule.value, frame.per_period)
    return RuleMatch(rule=rule, calculation=calculation, notes=tuple(notes), size_rule=size_rule)


_SENDING_SUBJECTS = frozenset({"document_sending", "document_submission"})
_BOUND_WORDS = {"<": "dưới", "<=": "không quá", ">": "trên", ">=": "từ"}


def _money(amount: int, rule: Rule, threshold: int) -> Calculation:
    """Who decides ``amount`` under a money threshold."""
    return money_decision(amount, rule.comparator, threshold, rule.if_met_body, rule.otherwise_body)


def _on_total(rule: Rule) -> bool:
    """A share of the whole body ("tổng số ủy viên"), which a stated size can stand for;
    not of those present or currently serving."""
    basis = fold_query(rule.basis)
    return basis.startswith("tong so") and not re.search(r"duong nhiem|co mat|trieu tap", basis)


def _on_present(rule: Rule) -> bool:
    """A share of those at the meeting ("số đảng viên có mặt"), not of the members."""
    return bool(re.search(r"co mat|du hop|tham du", fold_query(rule.basis)))


__all__ = ["apply_rule"]
