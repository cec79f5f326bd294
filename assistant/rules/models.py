"""What the assistant computes from the rules: calculations on a question's numbers and
numeric answers. The rules themselves are read at ingest (``ingest.rules.models``).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict

from ingest.rules.models import (
    COMPARATOR_WORDS,
    KIND_LABELS,
    RULE_KINDS,
    THRESHOLD_KINDS,
    Comparator,
    Quantity,
    Rule,
    RuleKind,
    RuleTable,
    format_area,
    format_int,
)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Calculation(_Model):
    """The result of applying a rule to numbers from a question."""

    kind: Literal["count", "money", "area", "date", "rate"]
    value: int | None = None  # people, times per period, đồng, or m²
    date: dt.date | None = None
    met: bool | None = None  # money: the comparison holds
    result: str  # "32 người", "Ban Thường vụ", "15/03/2025"
    computation: str  # one line in Vietnamese: "⌈2/3 × 48⌉ = 32 → cần ít nhất 32 người"


class RuleMatch(_Model):
    rule: Rule
    calculation: Calculation | None = None
    unspecified: bool = False  # the template leaves the value blank: say so, never guess
    notes: tuple[str, ...] = ()
    size_rule: Rule | None = None  # the body's stated size, when a share was computed on it


class DocumentNumeric(_Model):
    """What one document says for the question; ``no_rule`` when it says nothing."""

    document_id: str
    matches: tuple[RuleMatch, ...] = ()
    no_rule: bool = False
    nearest: Rule | None = None  # same kind, other body/subject, when no_rule


class QualifiedCount(_Model):
    """A head count the question sorts by a word ("24 đảng viên chính thức"): a rule
    that counts only those ("hai phần ba số đảng viên chính thức") counts this one."""

    value: int
    role: str | None = None  # "present", "in_favour", "requesting"; None: a size
    qualifier: str  # folded ("chinh thuc")


class QuestionFrame(_Model):
    """What the question was read as asking."""

    kind: RuleKind | None = None
    subject: str | None = None
    bodies: tuple[str, ...] = ()
    member_count: int | None = None
    # the body whose size the question gives ("Đảng ủy 27 ủy viên"): a share of the
    # members is of that body's members, whichever body the question also names
    members_of: str | None = None
    # A head count the question gives to be decided ("8 người dự"), with its verb.
    given_count: int | None = None
    given_as: str = ""  # "dự", "tán thành", "đề nghị"
    # those present at the meeting when the count decided is another: its quorum is
    # decided first
    given_present: int | None = None
    qualified: tuple[QualifiedCount, ...] = ()
    amount: int | None = None  # đồng
    # "dưới 500 triệu": the amount names a bracket, not a sum; its comparator ("<") and
    # the bound as written in đồng (``amount`` is then the bracket's edge)
    amount_bound: str = ""
    amount_bound_value: int | None = None
    amount_alternative: int | None = None  # the other reading of an ambiguous amount
    area: int | None = None  # m²
    households: int | None = None  # "giải tỏa 40 hộ": a count a threshold decides
    more_subjects: tuple[str, ...] = ()  # "công bố trong bao lâu và khiếu nại trong bao lâu"
    date: dt.date | None = None
    # "ngày 15": the date's month was not given (the current month stands in for it)
    day_only: bool = False
    # the day of the week the question says its date falls on ("rơi vào thứ Bảy"), 0 for
    # Monday: what the question supposes decides, whatever the calendar says
    weekday: int | None = None
    hour: int | None = None  # the hour of that date the question gives ("lúc 14 giờ")
    per_period: str | None = None  # "năm" for "một năm họp mấy lần"

    @property
    def measure(self) -> int | None:
        """The amount (đồng) or area (m²) a threshold question asks to be decided."""
        if self.kind == "money_threshold":
            return self.amount
        if self.kind == "area_threshold":
            return self.area
        if self.kind == "count_threshold":
            return self.households
        return None


class NumericAnswer(_Model):
    is_numeric: bool  # the question asks for a number (or for who decides an amount)
    frame: QuestionFrame
    documents: tuple[DocumentNumeric, ...] = ()


__all__ = [
    "COMPARATOR_WORDS",
    "KIND_LABELS",
    "RULE_KINDS",
    "THRESHOLD_KINDS",
    "Calculation",
    "Comparator",
    "DocumentNumeric",
    "NumericAnswer",
    "Quantity",
    "QuestionFrame",
    "Rule",
    "RuleKind",
    "RuleMatch",
    "RuleTable",
    "format_area",
    "format_int",
]
