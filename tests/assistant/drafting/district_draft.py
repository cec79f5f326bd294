"""A second, larger made-up draft of the bundled district model: departures of every kind
(a power moved in the second act of a sentence, powers written with abbreviations, an
article left out, two merged, one added, the rest renumbered), each listed with the kinds
that name it honestly and where (model and draft article, clause). Every departure is a
string replacement of made-up words that must apply once."""

from __future__ import annotations

import re

from tests.assistant.drafting.departures import DISTRICT, Departure, _article, _once, _renumber
from tests.conftest import CORPUS


def _drop_clause(text: str, first_words: str, next_words: str) -> str:
    start = text.index(f"\n{first_words}")
    end = text.index(f"\n{next_words}", start)
    return text[:start] + text[end:]


def _powers(text: str) -> str:
    # 14.1 the same power, its body abbreviated: no departure
    text = _once(
        text,
        "1. Ban thường vụ huyện ủy lãnh đạo, chỉ đạo các cơ quan trong khối nội chính",
        "1. BTV huyện ủy lãnh đạo, chỉ đạo các cơ quan trong khối nội chính",
    )
    # 14.3 a power moved to a body written with its abbreviation
    text = _once(
        text,
        "3. Ban thường vụ huyện ủy lãnh đạo trực tiếp tổ chức đảng",
        "3. TT huyện ủy lãnh đạo trực tiếp tổ chức đảng",
    )
    # 15.2 the second act of a sentence given to another body
    text = _once(
        text,
        "nếu vẫn chưa thống nhất thì báo cáo ban thường vụ xem xét, quyết định.",
        "nếu vẫn chưa thống nhất thì báo cáo bí thư huyện ủy xem xét, quyết định.",
    )
    # 24.2 a power moved: the Thường trực, not the Ban Thường vụ, assigns the units
    text = _once(
        text,
        "2. Ban thường vụ huyện ủy giao các đơn vị có liên quan chủ trì",
        "2. Thường trực huyện ủy giao các đơn vị có liên quan chủ trì",
    )
    # 19.2 the same bodies, abbreviated: no departure; 19.1 the Thường
    # trực written "TT": no departure
    text = _once(
        text,
        "2. Ban thường vụ, thường trực huyện ủy có trách nhiệm chuẩn bị hội nghị",
        "2. BTV, TT huyện ủy có trách nhiệm chuẩn bị hội nghị",
    )
    text = _once(
        text,
        "do thường trực huyện ủy chuẩn bị nội dung và triệu tập",
        "do TT chuẩn bị nội dung và triệu tập",
    )
    # 7.5 a clause of power added after it (khoản 6)
    return _once(
        text,
        "5. Thực hiện các nhiệm vụ khác do ban thường vụ, thường trực huyện ủy hoặc đồng chí"
        " bí thư huyện ủy phân công.\n\nĐiều 8.",
        "5. Thực hiện các nhiệm vụ khác do ban thường vụ, thường trực huyện ủy hoặc đồng chí"
        " bí thư huyện ủy phân công.\n\n6. Phó bí thư thường trực quyết định cử cán bộ đi"
        " học tập, bồi dưỡng ngắn hạn ở trong nước theo đề nghị của ban tổ chức.\n\nĐiều 8.",
    )


def _numbers(text: str) -> str:
    # 15.1 meeting frequency, 19.1 the share that asks for a meeting, a blank filled there
    # and one in 19.3, 21.3 the share of votes
    text = _once(text, "họp định kỳ mỗi tuần một lần", "họp định kỳ mỗi tuần hai lần")
    text = _once(text, "khi có trên 1/2 ủy viên", "khi có trên 1/3 ủy viên")
    text = _once(
        text, "Ban thường vụ họp ít nhất ...lần/tháng", "Ban thường vụ họp ít nhất 02 lần/tháng"
    )
    text = _once(
        text,
        "trước kỳ họp ít nhất ... ngày để thẩm định",
        "trước kỳ họp ít nhất 10 ngày để thẩm định",
    )
    return _once(
        text, "phải có trên 1/2 số thành viên tán thành", "phải có trên 2/3 số thành viên tán thành"
    )


_ADDED_ARTICLE = (
    "Điều 25. Chế độ tiếp công dân\n\n"
    "1. Bí thư huyện ủy tiếp công dân ít nhất mỗi tháng một ngày tại trụ sở tiếp dân.\n\n"
    "2. Văn phòng huyện ủy bố trí lịch, địa điểm và ghi biên bản các buổi tiếp công dân"
    " theo quy định tại Điều 30 Quy chế này.\n\n"
)


def _structure(text: str) -> str:
    # 18.3 left out; 17.2 reworded; 22.4 added after 22.3
    text = _drop_clause(
        text, "3. Ủy viên ban chấp hành, ủy viên ban thường vụ, thường trực", "Điều 19."
    )
    text = _once(
        text,
        "2. Cá nhân được quyền phát biểu và bảo lưu ý kiến của mình nhưng phải chấp hành"
        " nghị quyết của tập thể.",
        "2. Mỗi thành viên được trình bày và giữ ý kiến riêng nhưng phải thực hiện nghiêm"
        " nghị quyết đã được tập thể thông qua.",
    )
    # an article added before the last (numbered 25, the last one 26)
    text = _renumber(text, range(25, 26), 1)
    text = _once(text, "\nĐiều 26. ", "\n" + _ADDED_ARTICLE + "Điều 26. ")
    # Điều 16 left out; Điều 23 merged into 22 (its clauses numbered on)
    start, end = _article(text, 16)
    text = text[:start] + text[end:]
    start, end = _article(text, 23)
    body = re.sub(r"(?m)^(\d)\. ", lambda m: f"{int(m.group(1)) + 4}. ", text[start:end])
    text = text[:start] + body.split("\n", 1)[1].lstrip("\n") + text[end:]
    text = _renumber(text, range(17, 23), -1)
    return _renumber(text, range(24, 27), -2)


def district_draft_two() -> str:
    text = (CORPUS / DISTRICT).read_text("utf-8")
    text = _once(text, "Số.....QC/HU", "Số 12-QC/HU")
    return _structure(_numbers(_powers(text)))


def _d(
    name: str,
    kinds: set[str],
    model: tuple[int, int | None] | None,
    draft: tuple[int, int | None] | None,
) -> Departure:
    return Departure(name, frozenset(kinds), model, draft)


DISTRICT_TWO_DEPARTURES = (
    _d("power moved, abbreviated", {"power_moved"}, (14, 3), (14, 3)),
    _d("second act moved", {"power_moved"}, (15, 2), (15, 2)),
    _d("power moved 24.2", {"power_moved"}, (24, 2), (22, 2)),
    _d("clause of power added", {"added_in_draft"}, None, (7, 6)),
    _d("frequency", {"number_changed"}, (15, 1), (15, 1)),
    _d("share asking for a meeting", {"number_changed"}, (19, 1), (18, 1)),
    _d("blank filled 19.1", {"blank_filled"}, (19, 1), (18, 1)),
    _d("blank filled 19.3", {"blank_filled"}, (19, 3), (18, 3)),
    _d("share of votes", {"number_changed"}, (21, 3), (20, 3)),
    _d("clause left out", {"missing_in_draft"}, (18, 3), None),
    _d("clause reworded", {"reworded"}, (17, 2), (16, 2)),
    _d("article left out", {"missing_in_draft"}, (16, None), None),
    _d("renumbered", {"renumbered"}, (17, None), (16, None)),
    _d("merged", {"merged"}, (23, None), (21, None)),
    _d("renumbered after the merge", {"renumbered"}, (24, None), (22, None)),
    _d("article added", {"added_in_draft"}, None, (23, None)),
    _d("renumbered after the added article", {"renumbered"}, (25, None), (24, None)),
    _d("reference to nothing", {"reference_broken"}, None, (23, 2)),
)
