"""Made-up drafts of the bundled district model with deliberate departures, each listed
with the kinds that name it honestly and where (model and draft article, clause).

The model is the bundled text with one made-up sentence that cites a clause (the bundled
models cite articles only); every departure is a string replacement that must apply once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tests.conftest import CORPUS

DISTRICT = "quy-che-mau-cap-uy-cap-huyen-du-thao-2023.txt"

Where = tuple[int, int | None] | None


@dataclass(frozen=True)
class Departure:
    name: str
    kinds: frozenset[str]
    model: Where
    draft: Where


def _once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def _article(text: str, number: int) -> tuple[int, int]:
    """Offsets of "Điều N. ..." up to the next article heading."""
    start = text.index(f"\nĐiều {number}. ") + 1
    end = text.index(f"\nĐiều {number + 1}. ", start) + 1
    return start, end


def _renumber(text: str, numbers: range, by: int) -> str:
    for n in numbers if by < 0 else reversed(numbers):
        text = _once(text, f"\nĐiều {n}. ", f"\nĐiều {n + by}. ")
    return text


_CITING = (
    "các cơ quan liên quan giúp huyện ủy, ban thường vụ huyện ủy xây dựng, đề xuất "
    "sửa đổi, bổ sung và theo dõi việc thực hiện Quy chế."
)
_CITED = " Thời hạn gửi tài liệu hội nghị thực hiện theo khoản 3 Điều 19 Quy chế này."
_OBLIGED = "tổ chức đảng trực thuộc huyện ủy có trách nhiệm thực hiện nghiêm Quy chế này."
_ELECTS = " Quyền bầu cử, ứng cử của ủy viên thực hiện theo khoản 10 Điều 4 Quy chế này."


def district_model() -> str:
    """The bundled model, its Điều 25 citing two clauses (made up)."""
    text = (CORPUS / DISTRICT).read_text("utf-8")
    text = _once(text, _OBLIGED, _OBLIGED + _ELECTS)
    return _once(text, _CITING, _CITING + _CITED)


def district_draft() -> str:
    """Departures in the model's numbering first, then the articles renumbered."""
    text = district_model()
    # header filled (not compared)
    text = _once(text, "khóa.....\nnhiệm kỳ", "khóa XX\nnhiệm kỳ 2025 - 2030")
    # power moved: 14.1 the Ban Thường vụ's lead given to the Thường trực
    text = _once(
        text,
        "1. Ban thường vụ huyện ủy lãnh đạo, chỉ đạo các cơ quan trong khối nội chính",
        "1. Thường trực huyện ủy lãnh đạo, chỉ đạo các cơ quan trong khối nội chính",
    )
    # a point of power added to 15.1 (a third "-" item)
    text = _once(
        text,
        "các ngành chức năng có liên quan.\n",
        "các ngành chức năng có liên quan.\n\n- Thường trực huyện ủy quyết định khen thưởng"
        " tập thể, cá nhân có thành tích xuất sắc trong thực hiện nhiệm vụ chính trị.\n",
    )
    # a point dropped from 15.2 (its second "-" item), and its first item's marker restyled
    start = text.index("- Đối với những công việc chuẩn bị để trình ban thường vụ")
    end = text.index("\n", start)
    text = text[:start] + text[end + 1 :]
    text = _once(text, "- Khi giải quyết những công việc", "+ Khi giải quyết những công việc")
    # a clause of power added to Điều 6 (khoản 7)
    text = _once(
        text,
        "6. Thực hiện các nhiệm vụ khác do cấp trên và huyện ủy, ban thường vụ, thường trực"
        " huyện ủy giao.\n",
        "6. Thực hiện các nhiệm vụ khác do cấp trên và huyện ủy, ban thường vụ, thường trực"
        " huyện ủy giao.\n\n7. Bí thư huyện ủy quyết định điều động cán bộ thuộc diện ban"
        " thường vụ quản lý giữa hai kỳ họp và báo cáo ban thường vụ tại phiên họp gần nhất.\n",
    )
    # quorum changed (19.1) and a blank filled (19.3)
    text = _once(text, "phải có ít nhất 2/3 tổng số", "phải có ít nhất 3/4 tổng số")
    text = _once(
        text,
        "trước kỳ họp ít nhất ... ngày để thẩm định",
        "trước kỳ họp ít nhất 07 ngày để thẩm định",
    )
    # 4.8 left out (4.9-4.13 numbered on); "khoản 10 Điều 4" of 25.2 not updated
    start = text.index("\n8. Tích cực, tự giác học tập")
    end = text.index("\n9. Tham dự đầy đủ", start)
    text = text[:start] + text[end:]
    for n in range(9, 14):
        text = _once(text, f"\n{n}. {_FOURTH[n]}", f"\n{n - 1}. {_FOURTH[n]}")
    # Điều 16 left out, Điều 20 and 21 merged (21's clauses numbered on), the rest
    # renumbered; "khoản 3 Điều 19" of 25.2 not updated
    start, end = _article(text, 16)
    text = text[:start] + text[end:]
    start, end = _article(text, 21)
    body = re.sub(r"(?m)^(\d)\. ", lambda m: f"{int(m.group(1)) + 3}. ", text[start:end])
    text = text[:start] + body.split("\n", 1)[1].lstrip("\n") + text[end:]
    text = _once(
        text,
        "Điều 20. Chế độ thông tin, báo cáo, học tập và bảo mật",
        "Điều 20. Chế độ thông tin, báo cáo, học tập, bảo mật và ban hành văn bản",
    )
    text = _renumber(text, range(17, 21), -1)
    return _renumber(text, range(22, 26), -2)


# the first words of model clauses 4.9-4.13
_FOURTH = {
    9: "Tham dự đầy đủ",
    10: "Có quyền bầu cử",
    11: "Thực hiện chế độ bảo mật",
    12: "Được cung cấp",
    13: "Nghiêm chỉnh chấp hành việc",
}


DISTRICT_DEPARTURES = (
    Departure("power moved", frozenset({"power_moved"}), (14, 1), (14, 1)),
    Departure("point of power added", frozenset({"added_in_draft"}), (15, 1), (15, 1)),
    Departure("point dropped", frozenset({"missing_in_draft"}), (15, 2), (15, 2)),
    Departure("clause of power added", frozenset({"added_in_draft"}), None, (6, 7)),
    Departure("article left out", frozenset({"missing_in_draft"}), (16, None), None),
    Departure("renumbered", frozenset({"renumbered"}), (17, None), (16, None)),
    Departure("quorum", frozenset({"number_changed"}), (19, 1), (18, 1)),
    Departure("blank filled", frozenset({"blank_filled"}), (19, 3), (18, 3)),
    Departure("merged", frozenset({"merged"}), (21, None), (19, None)),
    Departure("renumbered after the merge", frozenset({"renumbered"}), (22, None), (20, None)),
    Departure("clause left out", frozenset({"missing_in_draft"}), (4, 8), None),
    Departure(
        "clause renumbered, reference kept", frozenset({"reference_broken"}), (25, 1), (23, 1)
    ),
    Departure(
        "article renumbered, reference kept", frozenset({"reference_broken"}), (25, 2), (23, 2)
    ),
)


PROVINCIAL = "quy-che-mau-dang-uy-ubnd-tinh-2025.txt"
_DRAFT_STARTS = "\nQUY CHẾ LÀM VIỆC\ncủa Ban Chấp hành"
_WRITTEN_OUT = (
    "1. Ban Chấp hành Đảng bộ lãnh đạo thực hiện các nhiệm vụ chính trị của Đảng bộ.\n"
    "2. Ban Chấp hành Đảng bộ quyết định chương trình công tác toàn khóa.\n"
)
_DRAFTED = "Quy chế làm việc của Ban Chấp hành Đảng bộ. Báo cáo kết quả thực hiện"
_FOURTH_261 = "4. Các đơn vị được phân công chuẩn bị phải gửi tài liệu"
_THIRD_261 = "3. Ban Thường vụ, Thường trực Đảng ủy có trách nhiệm chuẩn bị hội nghị"


def provincial_draft() -> str:
    """A draft of the 261 model's regulation (its decision left out), in its numbering
    until Điều 14 is split in two and the rest renumbered."""
    text = (CORPUS / PROVINCIAL).read_text("utf-8")
    text = text[text.index(_DRAFT_STARTS) + 1 :]
    text = _once(text, "tỉnh, khoá..., nhiệm kỳ...", "tỉnh Hoa Mơ, khoá I, nhiệm kỳ 2025 - 2030")
    # the model's note on Điều 1 written out
    start = text.index("(Cụ thể hóa theo Điều 2, Quy định")
    text = text[:start] + _WRITTEN_OUT + text[text.index("\n", start) + 1 :]
    # a power added to 3.2 (a sentence of its own)
    text = _once(
        text,
        "cấp mình và cấp trên.\n",
        "cấp mình và cấp trên. Thường trực Đảng ủy quyết định khen thưởng tập thể, cá nhân"
        " thuộc Đảng bộ có thành tích xuất sắc.\n",
    )
    # "của Ban Chấp hành Đảng bộ" completed with the unit's name (3.4): no difference
    text = _once(text, _DRAFTED, _DRAFTED.replace("Đảng bộ.", "Đảng bộ Ủy ban nhân dân tỉnh."))
    # 6.5 left out, 6.6-6.7 numbered on
    start = text.index("5. Chỉ đạo sơ kết, tổng kết việc thực hiện")
    text = text[:start] + text[text.index("\n", start) + 1 :]
    text = _once(text, "6. Chỉ đạo Phó Bí thư Đảng ủy", "5. Chỉ đạo Phó Bí thư Đảng ủy")
    text = _once(
        text,
        "7. Thực hiện các nhiệm vụ khác do cấp trên và Đảng ủy",
        "6. Thực hiện các nhiệm vụ khác do cấp trên và Đảng ủy",
    )
    # quorum (14.1), a blank filled (14.4), Điều 14 split: its khoản 3-4 an article
    text = _once(
        text, "phải có ít nhất 2/3 tổng số thành viên", "phải có ít nhất 3/4 tổng số thành viên"
    )
    text = _once(
        text,
        "trước kỳ họp ít nhất... ngày để thẩm định",
        "trước kỳ họp ít nhất 05 ngày để thẩm định",
    )
    text = _renumber(text, range(15, 20), 1)
    text = _once(
        text, _THIRD_261, "Điều 15. Chuẩn bị hội nghị\n" + _THIRD_261.replace("3. ", "1. ")
    )
    return _once(text, _FOURTH_261, _FOURTH_261.replace("4. ", "2. "))


PROVINCIAL_DEPARTURES = (
    Departure("note written out", frozenset({"blank_filled"}), (1, None), (1, None)),
    Departure("power added", frozenset({"added_in_draft"}), (3, 2), (3, 2)),
    Departure("clause left out", frozenset({"missing_in_draft"}), (6, 5), None),
    Departure("quorum", frozenset({"number_changed"}), (14, 1), (14, 1)),
    Departure("split", frozenset({"split"}), (14, None), (15, None)),
    Departure("blank filled", frozenset({"blank_filled"}), (14, 4), (15, 2)),
    Departure("renumbered", frozenset({"renumbered"}), (15, None), (16, None)),
)
