"""Points and items of power a draft adds to or drops from a clause, on a made-up model
whose clause lists lettered points."""

from __future__ import annotations

from assistant.drafting import compare
from assistant.drafting.models import Comparison, Place
from ingest.parse import parse_text
from tests.assistant.drafting.texts import MODEL

_LISTED = "2. Ban Thường vụ quyết định các dự án đầu tư có giá trị từ 03 tỷ đồng trở lên.\n"
POINTS = MODEL.replace(
    _LISTED,
    "2. Ban Thường vụ thảo luận và quyết định:\n"
    "a) Các dự án đầu tư có giá trị từ 03 tỷ đồng trở lên;\n"
    "b) Việc thành lập, giải thể các tổ chức đảng trực thuộc;\n"
    "c) Chủ trương về công tác cán bộ thuộc diện Ban Thường vụ quản lý.\n",
)


def _compare(draft: str) -> Comparison:
    return compare(parse_text(POINTS, "mau.txt"), parse_text(draft, "du-thao.txt"))


def _kinds(c: Comparison) -> list[str]:
    return [d.kind for d in c.differences if d.kind != "blank_left"]


def test_a_point_dropped_is_missing_at_its_clause_and_point() -> None:
    draft = POINTS.replace(
        "b) Việc thành lập, giải thể các tổ chức đảng trực thuộc;\n", ""
    ).replace("c) Chủ trương", "b) Chủ trương")
    c = _compare(draft)
    assert _kinds(c) == ["missing_in_draft"]
    missing = c.differences[0]
    assert (missing.model, missing.draft) == (
        Place(article=2, clause=2),
        Place(article=2, clause=2),
    )
    assert missing.model_cite_as.startswith("điểm b khoản 2 Điều 2 ")
    assert "Ban Thường vụ" in missing.detail and "giải thể các tổ chức đảng" in missing.detail


def test_a_point_added_is_an_addition_at_its_clause_and_point() -> None:
    draft = POINTS.replace(
        "thuộc diện Ban Thường vụ quản lý.\n",
        "thuộc diện Ban Thường vụ quản lý;\n"
        "d) Việc khen thưởng tổ chức đảng và đảng viên có thành tích xuất sắc.\n",
    )
    c = _compare(draft)
    assert _kinds(c) == ["added_in_draft"]
    added = c.differences[0]
    assert added.draft == Place(article=2, clause=2)
    assert added.draft_cite_as.startswith("điểm d khoản 2 Điều 2 ")
    assert "Ban Thường vụ (quyết định)" in added.detail


def test_points_restyled_are_no_difference() -> None:
    draft = (
        POINTS.replace("a) Các", "- Các")
        .replace("b) Việc", "- Việc")
        .replace("c) Chủ trương", "- Chủ trương")
    )
    assert _kinds(_compare(draft)) == []


def test_a_point_reworded_is_no_addition() -> None:
    draft = POINTS.replace(
        "b) Việc thành lập, giải thể các tổ chức đảng trực thuộc;",
        "b) Việc thành lập, sáp nhập, giải thể các tổ chức đảng trực thuộc Đảng bộ;",
    )
    c = _compare(draft)
    assert _kinds(c) == ["reworded"]
    assert c.differences[0].model == Place(article=2, clause=2)


def test_a_point_of_power_moved_to_another_body_s_clause_is_one_move() -> None:
    draft = (
        POINTS.replace("b) Việc thành lập, giải thể các tổ chức đảng trực thuộc;\n", "")
        .replace("c) Chủ trương", "b) Chủ trương")
        .replace(
            "toàn khóa của Đảng bộ.",
            "toàn khóa của Đảng bộ; Ban Chấp hành quyết định việc thành lập, giải thể các"
            " tổ chức đảng trực thuộc.",
        )
    )
    c = _compare(draft)
    assert _kinds(c) == ["power_moved"]
    moved = c.differences[0]
    assert (moved.old, moved.new) == ("Ban Thường vụ", "Ban Chấp hành")
    assert (moved.model, moved.draft) == (Place(article=2, clause=2), Place(article=1, clause=1))


def test_the_unit_s_name_said_in_full_is_no_rewording() -> None:
    model = POINTS.replace(
        "2. Việc sửa đổi, bổ sung Quy chế do Ban Chấp hành quyết định.",
        "2. Việc sửa đổi Quy chế làm việc của Ban Chấp hành Đảng bộ do Ban Chấp hành quyết định.",
    )
    draft = model.replace("Ban Chấp hành Đảng bộ do", "Ban Chấp hành Đảng bộ xã Hoa Mơ do")
    c = compare(parse_text(model, "mau.txt"), parse_text(draft, "du-thao.txt"))
    assert _kinds(c) == []
    # words the heading does not hold after the same words are a rewording
    other = model.replace("Ban Chấp hành Đảng bộ do", "Ban Chấp hành Đảng bộ tỉnh do")
    c = compare(parse_text(model, "mau.txt"), parse_text(other, "du-thao.txt"))
    assert _kinds(c) == ["reworded"]


def test_a_power_said_anew_in_other_words_is_a_rewording() -> None:
    model = POINTS.replace(
        "1. Thường trực chỉ đạo giải quyết công việc hằng ngày của Đảng ủy.",
        "1. Thường trực chỉ đạo giải quyết công việc hằng ngày của Đảng ủy; Thường trực"
        " chỉ đạo công tác thi đua.",
    )
    draft = model.replace(
        "Thường trực chỉ đạo công tác thi đua.",
        "Thường trực lãnh đạo việc tổng kết phong trào và biểu dương điển hình tiên tiến trong"
        " toàn Đảng bộ.",
    )
    c = compare(parse_text(model, "mau.txt"), parse_text(draft, "du-thao.txt"))
    assert _kinds(c) == ["reworded"]


_MEETS = "1. Ban Chấp hành họp thường lệ 03 tháng một lần, họp bất thường khi cần.\n"


def test_a_paragraph_added_in_a_clause_is_an_addition_there() -> None:
    draft = POINTS.replace(
        _MEETS,
        _MEETS + "Hội nghị có thể tổ chức theo hình thức trực tuyến, kết nối tới các điểm"
        " cầu ở cơ sở.\n",
    )
    c = _compare(draft)
    assert _kinds(c) == ["added_in_draft"]
    added = c.differences[0]
    assert (added.model, added.draft) == (Place(article=4, clause=1), Place(article=4, clause=1))
    assert added.new.startswith("Hội nghị có thể tổ chức theo hình thức trực tuyến")


def test_a_paragraph_written_anew_is_a_rewording() -> None:
    model = POINTS.replace(
        _MEETS, _MEETS + "Văn phòng chuẩn bị địa điểm, thiết bị và phục vụ hội nghị.\n"
    )
    draft = model.replace(
        "Văn phòng chuẩn bị địa điểm, thiết bị và phục vụ hội nghị.",
        "Hội nghị có thể tổ chức theo hình thức trực tuyến, kết nối tới các điểm cầu.",
    )
    c = compare(parse_text(model, "mau.txt"), parse_text(draft, "du-thao.txt"))
    assert _kinds(c) == ["reworded"]


def test_an_article_title_naming_the_unit_in_full_is_no_rewording() -> None:
    draft = POINTS.replace(
        "Điều 1. Nhiệm vụ, quyền hạn của Ban Chấp hành",
        "Điều 1. Nhiệm vụ, quyền hạn của Ban Chấp hành Đảng bộ xã Hoa Mơ",
    )
    assert _kinds(_compare(draft)) == []


def test_a_name_in_full_and_a_number_in_digits_in_one_clause_are_no_rewording() -> None:
    model = POINTS.replace(
        "2. Việc sửa đổi, bổ sung Quy chế do Ban Chấp hành quyết định.",
        "2. Ba tháng một lần, Ban Chấp hành Đảng bộ xem xét việc thực hiện Quy chế.",
    )
    draft = model.replace(
        "Ba tháng một lần, Ban Chấp hành Đảng bộ xem",
        "03 tháng một lần, Ban Chấp hành Đảng bộ xã Hoa Mơ xem",
    )
    c = compare(parse_text(model, "mau.txt"), parse_text(draft, "du-thao.txt"))
    assert _kinds(c) == []
