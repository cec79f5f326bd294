"""A made-up draft of the bundled 261 model with departures inside sentences and headers:
a power moved in a sentence's second act (written with an abbreviation or not), the body a
report goes to replaced, the same body abbreviated (no departure), the header filled (no
departure: every draft fills its own header)."""

from __future__ import annotations

from tests.assistant.drafting.departures import PROVINCIAL, Departure, _once
from tests.conftest import CORPUS

_DRAFT_STARTS = "\tĐẢNG BỘ TỈNH, THÀNH PHỐ ….\nĐẢNG ỦY ….\n-------\n\tĐẢNG CỘNG SẢN VIỆT NAM"


def provincial_gaps_draft() -> str:
    text = (CORPUS / PROVINCIAL).read_text("utf-8")
    text = text[text.index(_DRAFT_STARTS) :]
    # the header: the issuing body, the number and the name filled
    text = _once(text, "ĐẢNG ỦY ….\n", "ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH HOA MƠ\n")
    text = _once(text, "Số: …..QC/ĐU", "Số: 15-QC/ĐU")
    text = _once(
        text,
        "Ủy ban nhân dân tỉnh, khoá..., nhiệm kỳ...\n",
        "Ủy ban nhân dân tỉnh Hoa Mơ, khoá II, nhiệm kỳ 2025 - 2030\n",
    )
    # 3.3 the results reported to the Bí thư, not the Ban Thường vụ
    text = _once(
        text,
        "Báo cáo kết quả giải quyết cho Ban Thường vụ Đảng ủy",
        "Báo cáo kết quả giải quyết cho Bí thư Đảng ủy",
    )
    # 18.2 the same body abbreviated in the first act; the second act given to the
    # Thường trực, written "TT"
    text = _once(
        text,
        "2. Ban Thường vụ Đảng ủy giao các đơn vị có liên quan",
        "2. BTV Đảng ủy giao các đơn vị có liên quan",
    )
    return _once(
        text,
        "thì Ban Thường vụ giao một đơn vị chủ trì",
        "thì TT giao một đơn vị chủ trì",
    )


PROVINCIAL_GAPS = (
    Departure("report goes to another body", frozenset({"power_moved"}), (3, 3), (3, 3)),
    Departure("second act moved, abbreviated", frozenset({"power_moved"}), (18, 2), (18, 2)),
)
