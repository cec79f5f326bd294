"""Rules as extracted at ingest: each holds the value as written plus its exact reading.

Every number the product states comes from one of these models (and the calculations the
assistant does on them), never from generated text.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict

RuleKind = Literal[
    "quorum",
    "vote_threshold",
    "request_trigger",
    "money_threshold",
    "area_threshold",
    "count_threshold",
    "lead_time",
    "deadline",
    "duration",
    "frequency",
    "count",
]
RULE_KINDS: tuple[RuleKind, ...] = get_args(RuleKind)
Comparator = Literal[">=", ">", "<", "<=", "="]
# Kinds whose rule says which body decides on each side of a value (money, land area, a
# number of households).
THRESHOLD_KINDS: tuple[RuleKind, ...] = ("money_threshold", "area_threshold", "count_threshold")

KIND_LABELS: dict[str, str] = {
    "quorum": "số thành viên tham dự tối thiểu",
    "vote_threshold": "tỷ lệ biểu quyết tán thành",
    "request_trigger": "số thành viên đề nghị triệu tập",
    "money_threshold": "ngưỡng giá trị (tiền)",
    "area_threshold": "ngưỡng diện tích",
    "count_threshold": "ngưỡng số hộ",
    "lead_time": "thời hạn gửi trước",
    "deadline": "thời hạn",
    "duration": "thời gian",
    "frequency": "tần suất",
    "count": "số lượng",
}

COMPARATOR_WORDS: dict[str, str] = {
    ">=": "ít nhất",
    ">": "trên",
    "<": "dưới",
    "<=": "không quá",
    "=": "",
}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Quantity(_Model):
    """A value as a regulation writes it, with its exact reading.

    Exactly one reading is set: a fraction (``numerator``/``denominator``), a number with
    a unit (``number``, optionally up to ``number_max`` for "từ 01 đến 02"), or
    ``unspecified`` for a template blank ("... ngày"). Frequencies say ``number`` times
    per ``period`` (up to ``period_max``) ``period_unit``: "ba tháng một lần" is 1 time per
    3 tháng. Money is ``number`` đồng; an area is ``number`` m² ("10 ha" is 100000). A
    calendar day ("trước ngày 20 hằng tháng", "ngày 15/12 hằng năm") is ``day`` (and
    ``month``) of every ``period_unit``.
    """

    text: str
    numerator: int | None = None
    denominator: int | None = None
    number: int | None = None
    number_max: int | None = None
    unit: str = ""  # "ngày", "ngày làm việc", "tháng", "buổi", "lần", "đồng", "người"
    period: int | None = None
    period_max: int | None = None
    period_unit: str = ""  # "tuần", "tháng", "quý", "năm"
    calendar: bool = False  # a day of every period_unit, not a count of days
    day: int | None = None  # that day (None when the template leaves it blank)
    month: int | None = None  # ... and month, for a day of every year
    # that day falling on a day off moves to the next working day (1) or the one before
    # (-1): "trùng ngày nghỉ thì chuyển sang ngày làm việc kế tiếp"
    day_off_shift: int = 0
    unspecified: bool = False

    @property
    def fraction(self) -> Fraction | None:
        if self.numerator is None or self.denominator is None:
            return None
        return Fraction(self.numerator, self.denominator)

    @property
    def label(self) -> str:
        """A normalised reading: "2/3", "05 ngày", "1 lần/3 tháng", "3.000.000.000 đồng"."""
        if self.calendar:
            if self.day is None:
                day = "…"
            else:
                day = f"{self.day:02d}/{self.month:02d}" if self.month else str(self.day)
            return f"ngày {day} hằng {self.period_unit}"
        if self.unspecified:
            if self.period_unit:
                return f"… {self.unit}/{self.period_unit}"
            return f"… {self.unit}".strip() if self.unit else "…"
        if self.fraction is not None:
            return f"{self.numerator}/{self.denominator}"
        if self.number is None:
            return self.text
        count = str(self.number) if self.number_max is None else f"{self.number}–{self.number_max}"
        if self.unit == "đồng":
            return f"{format_int(self.number)} đồng"
        if self.unit == "m²":
            return format_area(self.number)
        if self.period is not None:
            period = (
                str(self.period) if self.period_max is None else f"{self.period}–{self.period_max}"
            )
            per = self.period_unit if period == "1" else f"{period} {self.period_unit}"
            return f"{count} {self.unit}/{per}"
        return f"{count} {self.unit}".strip()


class Rule(_Model):
    """One numeric rule of one document, tied to the sentence that states it."""

    id: str
    kind: RuleKind
    body: str  # canonical body: "Ban Chấp hành", "Ban Thường vụ", "Thường trực", ...
    body_as_written: str = ""
    subject: str  # English code: "regular_meeting", "meeting_validity", ...
    subject_label: str  # Vietnamese label: "họp thường lệ", ...
    value: Quantity
    comparator: Comparator
    basis: str = ""  # "tổng số thành viên", "số thành viên đương nhiệm", "" if not stated
    condition: str = ""  # "đối với dự án nhóm A", as written
    if_met_body: str = ""  # money thresholds: who decides when the comparison holds
    otherwise_body: str = ""  # ... and when it does not
    document_id: str
    part: str
    article: int
    article_title: str = ""
    clause: int | None = None
    point: str | None = None
    sentence: str  # verbatim substring of the clause (or article) text
    start: int = -1  # offsets of ``sentence`` in Document.text; -1 if unknown
    end: int = -1


def format_int(value: int) -> str:
    """Vietnamese grouping: 3000000000 → "3.000.000.000"."""
    sign = "-" if value < 0 else ""
    return sign + f"{abs(value):,}".replace(",", ".")


def format_area(square_metres: int) -> str:
    """In hectares from one hectare, to the hundredth ("10 ha", "2,5 ha"), else in m²."""
    if square_metres >= 10_000 and square_metres % 100 == 0:
        whole, rest = divmod(square_metres, 10_000)
        decimals = f"{rest:04d}".rstrip("0")
        return f"{format_int(whole)},{decimals} ha" if decimals else f"{format_int(whole)} ha"
    return f"{format_int(square_metres)} m²"


class RuleTable(BaseModel):
    """One document's rules as stored in a snapshot (``rules/<document_id>.json``)."""

    model_config = ConfigDict(extra="forbid")

    document_id: str
    content_hash: str
    rules: list[Rule]
