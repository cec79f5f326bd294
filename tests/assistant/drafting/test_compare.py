"""compare(): every kind of difference on made-up regulations, checked against a golden
list read by hand; no report on a copy; one renumbering per shift; a merge; a rewording."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from assistant.drafting import compare
from assistant.drafting.models import Comparison, Place
from ingest.models import Document
from ingest.parse import parse_file, parse_text
from tests.assistant.drafting.texts import (
    DRAFT,
    MERGED,
    MODEL,
    MODEL_WITH_NOTE,
    MOVED,
    REWORDED,
    SHIFTED,
    SPLIT,
    WRITTEN_OUT,
)
from tests.conftest import CORPUS, regen_golden

GOLDEN = Path(__file__).parent / "golden" / "every_kind.json"
BUNDLED_MODELS = [
    "quy-che-mau-dang-uy-ubnd-tinh-2025.txt",
    "quy-che-mau-cap-uy-cap-huyen-du-thao-2023.txt",
]


def _doc(text: str, name: str = "du-thao-xa-hoa-mo.txt") -> Document:
    return parse_text(text, name)


@pytest.fixture(scope="module")
def model() -> Document:
    return _doc(MODEL, "quy-che-mau-xa.txt")


def _kinds(c: Comparison) -> list[str]:
    return [d.kind for d in c.differences]


class TestEveryKind:
    def test_matches_the_golden_list(self, model: Document) -> None:
        found = [
            d.model_dump(mode="json", exclude={"model_text", "draft_text"})
            for d in compare(model, _doc(DRAFT)).differences
        ]
        if regen_golden():
            GOLDEN.parent.mkdir(exist_ok=True)
            GOLDEN.write_text(json.dumps(found, ensure_ascii=False, indent=1) + "\n", "utf-8")
        assert found == json.loads(GOLDEN.read_text("utf-8"))

    def test_each_kind_once_where_it_was_made(self, model: Document) -> None:
        c = compare(model, _doc(DRAFT))
        places = {
            (
                d.kind,
                d.model and (d.model.article, d.model.clause),
                d.draft and (d.draft.article, d.draft.clause),
            )
            for d in c.differences
        }
        assert ("power_moved", (2, 1), (2, 1)) in places
        assert ("number_changed", (2, 2), (2, 2)) in places
        assert ("missing_in_draft", (3, None), None) in places
        assert ("renumbered", (4, None), (3, None)) in places
        assert ("reworded", (4, 1), (3, 1)) in places
        assert ("blank_filled", (4, 3), (3, 3)) in places
        assert ("number_changed", (5, 1), (4, 1)) in places
        assert ("blank_left", (5, 3), (4, 3)) in places
        assert ("added_in_draft", (5, None), (4, 4)) in places
        assert ("reference_broken", (6, 1), (5, 1)) in places
        assert ("added_in_draft", None, (6, None)) in places
        assert ("reference_broken", None, (6, None)) in places
        assert len(c.differences) == 12

    def test_old_and_new_values_as_written(self, model: Document) -> None:
        c = compare(model, _doc(DRAFT))
        by_kind = {(d.kind, d.old, d.new) for d in c.differences}
        assert ("power_moved", "Ban Thường vụ", "Thường trực") in by_kind
        assert ("number_changed", "từ 03 tỷ đồng trở lên", "từ 05 tỷ đồng trở lên") in by_kind
        assert ("number_changed", "mỗi tháng hai lần", "mỗi tháng một lần") in by_kind
        renumbered = next(d for d in c.differences if d.kind == "renumbered")
        assert (renumbered.old, renumbered.new, renumbered.count) == ("Điều 4", "Điều 3", 3)

    def test_citations_read_like_the_project_s(self, model: Document) -> None:
        moved = next(d for d in compare(model, _doc(DRAFT)).differences if d.kind == "power_moved")
        assert moved.model_cite_as.startswith("khoản 1 Điều 2 Quy chế làm việc mẫu")
        assert moved.draft_cite_as.startswith("khoản 1 Điều 2 Quy chế làm việc")

    def test_the_header_filled_is_not_reported(self, model: Document) -> None:
        c = compare(model, _doc(DRAFT))
        assert all(d.model is None or d.model.article > 0 for d in c.differences)
        assert not any("XV" in d.new or "05-QC" in d.new for d in c.differences)


class TestNoFalseReports:
    def test_an_identical_copy(self, model: Document) -> None:
        c = compare(model, _doc(MODEL, "ban-sao.txt"))
        assert c.identical
        assert c.differences == ()
        assert {p.status for p in c.pairs} == {"same"}

    @pytest.mark.parametrize(
        "variant",
        [
            lambda t: unicodedata.normalize("NFD", t),
            lambda t: t.replace("ủy", "uỷ").replace("Ủy", "Uỷ"),
            lambda t: t.replace(" ", "  ").replace("\n", "\n\n").replace(".\n", " .\n"),
        ],
        ids=["nfd", "old-tone-placement", "spacing"],
    )
    def test_a_copy_that_differs_only_in_form(self, model: Document, variant) -> None:  # type: ignore[no-untyped-def]
        c = compare(model, _doc(variant(MODEL)))
        assert c.differences == ()

    def test_a_number_written_another_way(self, model: Document) -> None:
        draft = MODEL.replace("mỗi tháng hai lần", "mỗi tháng 02 lần").replace(
            "họp thường lệ 03 tháng", "họp thường lệ ba tháng"
        )
        c = compare(model, _doc(draft))
        assert [d.kind for d in c.differences if d.kind != "blank_left"] == []

    def test_names_abbreviated(self, model: Document) -> None:
        draft = MODEL.replace(
            "1. Ban Chấp hành quyết định chương trình", "1. BCH quyết định chương trình"
        ).replace("tại Văn phòng Đảng ủy", "tại VPĐU")
        c = compare(model, _doc(draft))
        assert [d.kind for d in c.differences if d.kind != "blank_left"] == []
        # an abbreviation of other words is a change
        other = MODEL.replace(
            "1. Ban Chấp hành quyết định chương trình", "1. BTV quyết định chương trình"
        )
        found = compare(model, _doc(other)).differences
        assert [d.kind for d in found if d.kind != "blank_left"] != []

    @pytest.mark.parametrize("name", BUNDLED_MODELS)
    def test_a_bundled_model_against_itself(self, name: str) -> None:
        doc = parse_file(CORPUS / name)
        c = compare(doc, doc)
        assert c.differences == ()
        assert c.identical


class TestAlignmentCases:
    def test_a_shift_is_named_once(self, model: Document) -> None:
        c = compare(model, _doc(SHIFTED))
        renumbered = [d for d in c.differences if d.kind == "renumbered"]
        assert len(renumbered) == 1
        first = renumbered[0]
        assert (first.old, first.new, first.count) == ("Điều 1", "Điều 2", 6)
        # the references the drafter updated are no difference
        assert "reference_broken" not in _kinds(c)
        assert _kinds(c) == ["added_in_draft", "renumbered", "blank_left", "blank_left"]

    def test_a_merged_article(self, model: Document) -> None:
        c = compare(model, _doc(MERGED))
        merged = [d for d in c.differences if d.kind == "merged"]
        assert len(merged) == 1
        assert merged[0].model is not None and merged[0].model.article == 5
        assert merged[0].draft is not None and merged[0].draft.article == 4
        assert "missing_in_draft" not in _kinds(c)
        assert "added_in_draft" not in _kinds(c)
        renumbered = [d for d in c.differences if d.kind == "renumbered"]
        assert [(d.old, d.new, d.count) for d in renumbered] == [("Điều 6", "Điều 5", 1)]

    def test_a_clause_reworded_only(self, model: Document) -> None:
        c = compare(model, _doc(REWORDED))
        assert [k for k in _kinds(c) if k != "blank_left"] == ["reworded"]
        reworded = c.differences[0]
        assert reworded.model is not None and (reworded.model.article, reworded.model.clause) == (
            3,
            1,
        )
        assert "điều hành" in reworded.new
        statuses = {p.model: p.status for p in c.pairs}
        assert statuses[(3,)] == "reworded"
        assert statuses[(1,)] == "same"

    def test_a_split_article(self, model: Document) -> None:
        c = compare(model, _doc(SPLIT))
        split = [d for d in c.differences if d.kind == "split"]
        assert len(split) == 1
        assert split[0].model is not None and split[0].model.article == 4
        assert split[0].draft is not None and split[0].draft.article == 5
        assert {"missing_in_draft", "added_in_draft", "reworded"}.isdisjoint(_kinds(c))
        renumbered = [d for d in c.differences if d.kind == "renumbered"]
        assert [(d.old, d.new, d.count) for d in renumbered] == [("Điều 5", "Điều 6", 2)]

    def test_a_clause_split_away_to_a_distant_article(self, model: Document) -> None:
        # Điều 4's khoản 3 made an article of its own at the end, not next to Điều 4
        draft = (
            MODEL.replace("3. Tài liệu hội nghị được gửi trước ít nhất ... ngày làm việc.\n", "")
            + "Điều 7. Tài liệu hội nghị\nTài liệu hội nghị được gửi trước ít nhất ... ngày"
            " làm việc.\n"
        )
        c = compare(model, _doc(draft))
        assert [k for k in _kinds(c) if k != "blank_left"] == ["split"]
        split = c.differences[0]
        assert (split.model, split.draft) == (Place(article=4), Place(article=7))

    def test_an_article_the_model_leaves_to_the_drafter(self) -> None:
        c = compare(_doc(MODEL_WITH_NOTE, "mau.txt"), _doc(WRITTEN_OUT))
        kinds = [k for k in _kinds(c) if k != "blank_left"]
        assert kinds == ["blank_filled", "reference_broken"]
        filled = c.differences[0]
        assert filled.model is not None and (filled.model.article, filled.model.clause) == (3, None)
        assert filled.new == "3 khoản"
        broken = c.differences[1]
        assert broken.new == "Điều 8"

    def test_an_updated_reference_in_a_reworded_clause_is_no_number(self, model: Document) -> None:
        draft = SHIFTED.replace("để tổ chức thực hiện", "để tổ chức thực hiện nghiêm túc")
        c = compare(model, _doc(draft))
        kinds = [k for k in _kinds(c) if k != "blank_left"]
        assert kinds == ["added_in_draft", "renumbered", "reworded"]

    def test_a_moved_article_is_renumbered_not_lost(self, model: Document) -> None:
        c = compare(model, _doc(MOVED))
        kinds = [k for k in _kinds(c) if k != "blank_left"]
        assert kinds == ["renumbered", "renumbered"]
        shifts = [(d.old, d.new, d.count) for d in c.differences if d.kind == "renumbered"]
        assert shifts == [("Điều 4", "Điều 3", 3), ("Điều 3", "Điều 6", 1)]

    def test_a_clause_left_out_without_renumbering_the_next(self, model: Document) -> None:
        # "1." then "3.": the parser reads khoản 3 as part of khoản 1 (numbers must follow)
        draft = MODEL.replace(
            "2. Ban Thường vụ quyết định các dự án đầu tư có giá trị từ 03 tỷ đồng trở lên.\n", ""
        )
        c = compare(model, _doc(draft))
        assert [k for k in _kinds(c) if k != "blank_left"] == ["missing_in_draft"]
        missing = c.differences[0]
        assert missing.model is not None and (missing.model.article, missing.model.clause) == (2, 2)

    def test_a_power_added_in_a_clause_is_an_addition_there(self, model: Document) -> None:
        draft = MODEL.replace(
            "2. Thường trực cho ý kiến về công tác cán bộ theo phân cấp trước khi trình Ban Thường vụ.",
            "2. Thường trực cho ý kiến về công tác cán bộ theo phân cấp trước khi trình Ban Thường vụ;"
            " Thường trực quyết định khen thưởng đảng viên.",
        )
        c = compare(model, _doc(draft))
        assert [k for k in _kinds(c) if k != "blank_left"] == ["added_in_draft"]
        added = c.differences[0]
        assert (added.model, added.draft) == (
            Place(article=3, clause=2),
            Place(article=3, clause=2),
        )
        assert added.new == "Thường trực quyết định khen thưởng đảng viên"
        assert "Thường trực (quyết định) “quyết định khen thưởng đảng viên”" in added.detail

    def test_a_power_added_beside_a_rewording_is_both(self, model: Document) -> None:
        draft = MODEL.replace(
            "2. Thường trực cho ý kiến về công tác cán bộ theo phân cấp trước khi trình Ban Thường vụ.",
            "2. Thường trực cho ý kiến về công tác tổ chức, cán bộ trước khi trình Ban Thường vụ;"
            " Thường trực quyết định khen thưởng đảng viên.",
        )
        c = compare(model, _doc(draft))
        assert [k for k in _kinds(c) if k != "blank_left"] == ["added_in_draft", "reworded"]
        assert "Thêm:" not in c.differences[1].detail  # the power is the addition's

    def test_a_power_moved_to_another_article(self, model: Document) -> None:
        # "cho ý kiến về công tác cán bộ" taken from the Thường trực (3.2), given to the
        # Ban Chấp hành in a clause of its own article (1.3)
        draft = MODEL.replace(
            "2. Thường trực cho ý kiến về công tác cán bộ theo phân cấp trước khi trình Ban Thường vụ.\n",
            "",
        ).replace(
            "2. Ban Chấp hành bầu Ban Thường vụ, Bí thư và Phó Bí thư theo Điều lệ Đảng.\n",
            "2. Ban Chấp hành bầu Ban Thường vụ, Bí thư và Phó Bí thư theo Điều lệ Đảng.\n"
            "3. Ban Chấp hành cho ý kiến về công tác cán bộ theo phân cấp trước khi trình Ban Thường vụ.\n",
        )
        c = compare(model, _doc(draft))
        moved = [d for d in c.differences if d.kind == "power_moved"]
        assert len(moved) == 1
        assert (moved[0].old, moved[0].new) == ("Thường trực", "Ban Chấp hành")
        assert moved[0].model == Place(article=3, clause=2)
        assert moved[0].draft == Place(article=1, clause=3)
        assert [k for k in _kinds(c) if k != "blank_left"] == [
            "added_in_draft",
            "missing_in_draft",
            "power_moved",
        ]

    def test_a_number_in_words_no_rule_holds(self, model: Document) -> None:
        base = MODEL.replace(
            "2. Thường trực chuẩn bị nội dung",
            "2. Văn phòng lưu hai bản biên bản mỗi phiên họp. Thường trực chuẩn bị nội dung",
        )
        draft = base.replace("lưu hai bản", "lưu ba bản")
        c = compare(_doc(base, "mau.txt"), _doc(draft))
        changed = [(d.kind, d.old, d.new) for d in c.differences if d.kind != "blank_left"]
        assert changed == [("number_changed", "hai", "ba")]

    def test_blanks_left_in_one_clause_are_one_difference(self) -> None:
        base = MODEL.replace(
            "3. Mỗi phiên họp kéo dài không quá ... ngày.",
            "3. Mỗi phiên họp kéo dài không quá ... ngày; tài liệu gửi trước ít nhất ... ngày.",
        )
        draft = base.replace(
            "Ban Chấp hành họp thường lệ 03 tháng", "Ban Chấp hành họp thường lệ 02 tháng"
        )
        c = compare(_doc(base, "mau.txt"), _doc(draft))
        left = [d for d in c.differences if d.kind == "blank_left"]
        assert [(d.model.article, d.model.clause) for d in left if d.model] == [(4, 3), (5, 3)]
        assert left[1].detail.startswith("2 chỗ để trống “")
        assert left[1].old.count("...") == 2
