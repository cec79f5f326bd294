"""Amendments at the level of a point (điểm): read from a made-up decision, applied to a
made-up regulation, the clause rebuilt, its points re-parsed, the article's history kept,
and a target the regulation lacks named in a notice, never guessed."""

from __future__ import annotations

import pytest

from ingest.amend import Target, read_amendment
from ingest.consolidate import consolidate, version_at
from ingest.models import Document
from ingest.parse import parse_text

REGULATION = """ĐẢNG ỦY XÃ TÂN LẬP
Số 03-QC/ĐU
Tân Lập, ngày 10 tháng 3 năm 2022

QUY CHẾ LÀM VIỆC
của Đảng ủy xã Tân Lập

Điều 1. Phạm vi điều chỉnh
Quy chế này quy định chế độ làm việc của Đảng ủy xã Tân Lập.

Điều 2. Chế độ họp
1. Đảng ủy họp thường lệ mỗi tháng một lần.
2. Ban Thường vụ có trách nhiệm:
a) Chuẩn bị nội dung kỳ họp của Đảng ủy;
b) Giải quyết công việc thường xuyên;
c) Báo cáo Đảng ủy hằng quý.
3. Khi cần thiết có thể họp bất thường.

Điều 3. Chế độ báo cáo
1. Các chi bộ báo cáo Đảng ủy:
    a) Tình hình tư tưởng đảng viên;
    b) Kết quả sinh hoạt chi bộ;
    c) Công tác phát triển đảng viên;
    d) Việc thu, nộp đảng phí;
    e) Kiến nghị của đảng viên.
2. Báo cáo gửi Văn phòng Đảng ủy trước ngày 20 hằng tháng.

Điều 4. Hiệu lực thi hành
Quy chế này có hiệu lực từ ngày ký.
"""

DECISION = """ĐẢNG ỦY XÃ TÂN LẬP
Số 09-QĐ/ĐU
Tân Lập, ngày 15 tháng 4 năm 2024

QUYẾT ĐỊNH
sửa đổi, bổ sung một số điều của Quy chế làm việc của Đảng ủy xã Tân Lập

BAN CHẤP HÀNH ĐẢNG BỘ XÃ TÂN LẬP
QUYẾT ĐỊNH:

Điều 1. Sửa đổi, bổ sung Quy chế làm việc số 03-QC/ĐU như sau:
1. Điểm b khoản 2 Điều 2 được sửa đổi như sau:
“b) Giải quyết công việc thường xuyên giữa hai kỳ họp của Đảng ủy;”
2. Bãi bỏ điểm c khoản 2 Điều 2.
3. Bổ sung điểm d vào khoản 2 Điều 2 như sau:
“d) Báo cáo Đảng ủy kết quả giải quyết công việc tại kỳ họp gần nhất.”
4. Bãi bỏ điểm a, điểm b khoản 1 Điều 3.
5. Bổ sung điểm đ sau điểm d khoản 1 Điều 3 như sau:
“Kết quả thực hiện chương trình công tác năm;”
6. Bãi bỏ điểm e khoản 2 Điều 2.
7. Sửa đổi điểm a khoản 5 Điều 2 như sau:
“a) Nội dung không có chỗ để sửa.”
8. Thay cụm từ “hằng tháng” bằng cụm từ “hằng quý” tại khoản 2 Điều 3.
Điều 2. Quyết định này có hiệu lực từ ngày 01/5/2024.
"""

ARTICLE_2 = """Điều 2. Chế độ họp
1. Đảng ủy họp thường lệ mỗi tháng một lần.
2. Ban Thường vụ có trách nhiệm:
a) Chuẩn bị nội dung kỳ họp của Đảng ủy;
b) Giải quyết công việc thường xuyên giữa hai kỳ họp của Đảng ủy;
d) Báo cáo Đảng ủy kết quả giải quyết công việc tại kỳ họp gần nhất.
3. Khi cần thiết có thể họp bất thường."""

ARTICLE_3 = """Điều 3. Chế độ báo cáo
1. Các chi bộ báo cáo Đảng ủy:
    c) Công tác phát triển đảng viên;
    d) Việc thu, nộp đảng phí;
    đ) Kết quả thực hiện chương trình công tác năm;
    e) Kiến nghị của đảng viên.
2. Báo cáo gửi Văn phòng Đảng ủy trước ngày 20 hằng tháng."""

POINTS = {
    (2, 2): [
        ("a", "a) Chuẩn bị nội dung kỳ họp của Đảng ủy;"),
        ("b", "b) Giải quyết công việc thường xuyên giữa hai kỳ họp của Đảng ủy;"),
        ("d", "d) Báo cáo Đảng ủy kết quả giải quyết công việc tại kỳ họp gần nhất."),
    ],
    (3, 1): [
        ("c", "c) Công tác phát triển đảng viên;"),
        ("d", "d) Việc thu, nộp đảng phí;"),
        ("đ", "đ) Kết quả thực hiện chương trình công tác năm;"),
        ("e", "e) Kiến nghị của đảng viên."),
    ],
}
CHANGES = {
    "2": "sửa đổi điểm b khoản 2; bãi bỏ điểm c khoản 2; bổ sung điểm d khoản 2",
    "3": "bãi bỏ điểm a khoản 1; bãi bỏ điểm b khoản 1; bổ sung điểm đ khoản 1",
}


def loaded() -> dict[str, Document]:
    regulation = parse_text(REGULATION, "quy-che-tan-lap.txt")
    decision = parse_text(DECISION, "quyet-dinh-09.txt")
    return {regulation.id: regulation, decision.id: decision}


@pytest.fixture(scope="module")
def view() -> tuple[Document, Document, tuple[str, ...]]:
    docs = loaded()
    result = consolidate(docs)
    return docs["quy-che-tan-lap"], result.documents["quy-che-tan-lap"], result.notices


class TestReadPointInstructions:
    def test_the_decision_reads_point_targets(self) -> None:
        decision = read_amendment(loaded()["quyet-dinh-09"])
        assert decision is not None
        assert [(i.op, i.target.label) for i in decision.instructions] == [
            ("replace", "điểm b khoản 2 Điều 2"),
            ("repeal", "điểm c khoản 2 Điều 2"),
            ("add", "điểm d khoản 2 Điều 2"),
            ("repeal", "điểm a khoản 1 Điều 3"),
            ("repeal", "điểm b khoản 1 Điều 3"),
            ("add", "điểm đ khoản 1 Điều 3"),
            ("repeal", "điểm e khoản 2 Điều 2"),
            ("replace", "điểm a khoản 5 Điều 2"),
        ]
        assert decision.unread == (
            "8. Thay cụm từ “hằng tháng” bằng cụm từ “hằng quý” tại khoản 2 Điều 3.",
        )

    @pytest.mark.parametrize(
        ("line", "op", "targets"),
        [
            ("1. Điểm b khoản 2 Điều 5 được sửa đổi như sau:", "replace", [(5, 2, "b")]),
            ("a) Sửa đổi điểm a khoản 3 Điều 7 như sau:", "replace", [(7, 3, "a")]),
            ("- Sửa đổi, bổ sung điểm đ khoản 1 Điều 12a như sau:", "replace", [(12, 1, "đ")]),
            ("2. Bãi bỏ điểm c khoản 1 Điều 4.", "repeal", [(4, 1, "c")]),
            ("2. Điểm c khoản 1 Điều 4 được bãi bỏ.", "repeal", [(4, 1, "c")]),
            ("3. Bãi bỏ điểm b, điểm c khoản 1 Điều 4.", "repeal", [(4, 1, "b"), (4, 1, "c")]),
            ("3. Bãi bỏ điểm b và c khoản 1, khoản 3 Điều 4 và Điều 9.", "repeal", [(4, 1, "b"), (4, 1, "c"), (4, 3, None), (9, None, None)]),
            ("4. Bổ sung điểm đ vào khoản 2 Điều 6 như sau:", "add", [(6, 2, "đ")]),
            ("5. Bổ sung điểm e sau điểm d khoản 2 Điều 6 như sau:", "add", [(6, 2, "e")]),
            ("6. Bổ sung khoản 3 vào sau khoản 2 Điều 10 như sau:", "add", [(10, 3, None)]),
        ],
    )  # fmt: skip
    def test_phrasings(
        self, line: str, op: str, targets: list[tuple[int, int | None, str | None]]
    ) -> None:
        wording = "" if op == "repeal" else "“x) Nội dung mới.”\n"
        text = DECISION.split("Điều 1.")[0] + (
            f"Điều 1. Sửa đổi như sau:\n{line}\n{wording}"
            "Điều 2. Quyết định này có hiệu lực từ ngày ký.\n"
        )
        decision = read_amendment(parse_text(text, "qd.txt"))
        assert decision is not None and decision.unread == ()
        suffix = "a" if "12a" in line else ""
        assert [(i.op, i.target) for i in decision.instructions] == [
            (op, Target(article=a, suffix=suffix, clause=c, point=p)) for a, c, p in targets
        ]

    @pytest.mark.parametrize(
        "line",
        [
            "1. Bãi bỏ điểm a Điều 5.",  # a point with no clause: not read as the article
            "1. Sửa đổi gạch đầu dòng thứ hai điểm a khoản 2 Điều 5 như sau:",
            "1. Thay cụm từ “tháng” bằng cụm từ “quý” tại điểm a khoản 2 Điều 5.",
            # one wording for two points: not split between them by guess
            "1. Điểm b, điểm c khoản 2 Điều 5 được sửa đổi như sau:",
        ],
    )
    def test_what_is_not_read_is_named(self, line: str) -> None:
        text = DECISION.split("Điều 1.")[0] + (
            f"Điều 1. Sửa đổi như sau:\n{line}\n“- Nội dung mới.”\n"
            "Điều 2. Quyết định này có hiệu lực từ ngày ký.\n"
        )
        decision = read_amendment(parse_text(text, "qd.txt"))
        assert decision is not None
        assert decision.instructions == () and decision.unread == (line,)


class TestAppliedPoints:
    def test_the_amended_articles_word_for_word(
        self, view: tuple[Document, Document, tuple[str, ...]]
    ) -> None:
        _stored, doc, _notices = view
        assert doc.article(2).text == ARTICLE_2  # type: ignore[union-attr]
        assert doc.article(3).text == ARTICLE_3  # type: ignore[union-attr]

    def test_points_are_parsed_again_with_offsets_into_the_text(
        self, view: tuple[Document, Document, tuple[str, ...]]
    ) -> None:
        _stored, doc, _notices = view
        for (number, clause_number), expected in POINTS.items():
            clause = doc.article(number).clause(clause_number)  # type: ignore[union-attr]
            assert clause is not None
            assert [(p.id, p.text) for p in clause.points] == expected
            for point in clause.points:
                assert doc.text[point.start : point.end] == point.text
            assert doc.text[clause.start : clause.end] == clause.text
        # the clauses around the changed one keep their wording and have no points
        assert doc.article(2).clause(3).text == "3. Khi cần thiết có thể họp bất thường."  # type: ignore[union-attr]

    def test_unrelated_text_is_byte_identical(
        self, view: tuple[Document, Document, tuple[str, ...]]
    ) -> None:
        stored, doc, _notices = view
        for number in (1, 4):
            assert doc.article(number) == stored.article(number).model_copy(  # type: ignore[union-attr]
                update={
                    "start": doc.article(number).start,  # type: ignore[union-attr]
                    "end": doc.article(number).end,  # type: ignore[union-attr]
                    "clauses": doc.article(number).clauses,  # type: ignore[union-attr]
                }
            )
            assert doc.article(number).text == stored.article(number).text  # type: ignore[union-attr]
        old2, old3 = stored.article(2), stored.article(3)
        new2, new3 = doc.article(2), doc.article(3)
        assert old2 and old3 and new2 and new3
        assert (new2.text, new3.text) != (old2.text, old3.text)
        assert doc.text[: new2.start] == stored.text[: old2.start]
        assert doc.text[new2.end : new3.start] == stored.text[old2.end : old3.start]
        assert doc.text[new3.end :] == stored.text[old3.end :]
        assert doc.article(2).clause(1).text == stored.article(2).clause(1).text  # type: ignore[union-attr]
        assert doc.article(3).clause(2).text == stored.article(3).clause(2).text  # type: ignore[union-attr]

    def test_the_history_names_the_decision(
        self, view: tuple[Document, Document, tuple[str, ...]]
    ) -> None:
        stored, doc, _notices = view
        assert {h.label: h.versions[-1].change for h in doc.history} == CHANGES
        for history in doc.history:
            original, amended = history.versions
            assert original.kind == "original" and original.effective == "2022-03-10"
            assert original.text == stored.article(history.number).text  # type: ignore[union-attr]
            assert amended.kind == "replaced" and amended.effective == "2024-05-01"
            assert amended.amended_by is not None
            assert amended.amended_by.number == "09-QĐ/ĐU"
            assert amended.amended_by.date_issued == "2024-04-15"

    @pytest.mark.parametrize(
        ("date", "number", "present", "absent"),
        [
            ("2024-04-30", 2, "b) Giải quyết công việc thường xuyên;\nc) Báo cáo Đảng ủy hằng quý.", "d)"),
            ("2024-05-01", 2, "b) Giải quyết công việc thường xuyên giữa hai kỳ họp", "c)"),
            ("2024-04-30", 3, "    a) Tình hình tư tưởng đảng viên;", "đ)"),
            ("2024-05-01", 3, "    d) Việc thu, nộp đảng phí;\n    đ) Kết quả", "a)"),
        ],
    )  # fmt: skip
    def test_version_in_force(
        self,
        view: tuple[Document, Document, tuple[str, ...]],
        date: str,
        number: int,
        present: str,
        absent: str,
    ) -> None:
        stored, doc, _notices = view
        version = version_at(doc, number, "", date)
        assert version is not None and present in version.text and absent not in version.text
        expected = stored.article(number).text if date < "2024-05-01" else doc.article(number).text  # type: ignore[union-attr]
        assert version.text == expected

    def test_missing_targets_are_named_with_their_reason(
        self, view: tuple[Document, Document, tuple[str, ...]]
    ) -> None:
        _stored, _doc, notices = view
        assert notices == (
            "quyet-dinh-09.txt: không đọc được chỉ dẫn «8. Thay cụm từ “hằng tháng” bằng cụm từ"
            " “hằng quý” tại khoản 2 Điều 3.»; phần sửa đổi này chưa được áp dụng, hãy đối chiếu"
            " văn bản gốc",
            "09-QĐ/ĐU: khoản 2 Điều 2 không có điểm e, nên lệnh bãi bỏ điểm e khoản 2 Điều 2"
            " chưa được áp dụng",
            "09-QĐ/ĐU: quy chế không có khoản 5 Điều 2, nên lệnh sửa đổi điểm a khoản 5 Điều 2"
            " chưa được áp dụng",
        )

    def test_adding_a_point_that_exists_is_refused(self) -> None:
        docs = loaded()
        text = DECISION.replace("Bổ sung điểm d vào", "Bổ sung điểm a vào")
        decision = parse_text(text, "quyet-dinh-09.txt")
        result = consolidate({**docs, decision.id: decision})
        assert "09-QĐ/ĐU: điểm a khoản 2 Điều 2 đã có; bỏ qua lệnh bổ sung" in result.notices
        points = result.documents["quy-che-tan-lap"].article(2).clause(2).points  # type: ignore[union-attr]
        assert [p.id for p in points] == ["a", "b"]

    def test_a_later_decision_amends_a_point_again(self) -> None:
        docs = loaded()
        later = parse_text(
            DECISION.split("Điều 1.")[0]
            .replace("09-QĐ/ĐU", "12-QĐ/ĐU")
            .replace("15 tháng 4 năm 2024", "02 tháng 1 năm 2025")
            + "Điều 1. Sửa đổi Quy chế làm việc số 03-QC/ĐU như sau:\n"
            "Sửa đổi điểm d khoản 2 Điều 2 như sau:\n"
            "“d) Báo cáo Huyện ủy hằng quý.”\n"
            "Điều 2. Quyết định này có hiệu lực từ ngày ký.\n",
            "quyet-dinh-12.txt",
        )
        doc = consolidate({**docs, later.id: later}).documents["quy-che-tan-lap"]
        history = doc.article_history(2)
        assert history is not None
        assert [v.amended_by.number if v.amended_by else "" for v in history.versions] == [
            "",
            "09-QĐ/ĐU",
            "12-QĐ/ĐU",
        ]
        assert history.versions[-1].change == "sửa đổi điểm d khoản 2"
        assert doc.article(2).clause(2).points[-1].text == "d) Báo cáo Huyện ủy hằng quý."  # type: ignore[union-attr]
        at = version_at(doc, 2, "", "2024-12-31")
        assert at is not None and "d) Báo cáo Đảng ủy kết quả" in at.text
