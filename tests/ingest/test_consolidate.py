"""Applying amending decisions: the consolidated text, article by article, its history,
the wording in force on a day, linking, and a decision whose regulation is not loaded."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.amend import read_amendment
from ingest.chunk import chunk_document
from ingest.consolidate import consolidate, link, version_at
from ingest.models import Document
from ingest.parse import parse_file, parse_text

DATA = Path(__file__).parent / "data" / "amend"
REGULATION_ID = "quy-che-dang-uy-xa-binh-an-thuong"
DECISION_ID = "quyet-dinh-15-sua-doi"

# Every article of the made-up regulation after Quyết định 15-QĐ/ĐU: (title, body).
CONSOLIDATED = {
    "1": ("Phạm vi điều chỉnh", "Quy chế này quy định nhiệm vụ, quyền hạn và chế độ làm việc của Đảng ủy xã."),
    "2": ("Đối tượng áp dụng", "Quy chế này áp dụng đối với đảng ủy viên và các chi bộ trực thuộc."),
    "3": ("Nhiệm vụ của Đảng ủy", "1. Lãnh đạo thực hiện nghị quyết đại hội đảng bộ xã.\n2. Quyết định chương trình công tác toàn khóa và hằng năm."),
    "4": ("Nhiệm vụ của Ban Thường vụ", "1. Chuẩn bị nội dung các kỳ họp của Đảng ủy.\n2. Giải quyết công việc thường xuyên giữa hai kỳ họp."),
    "5": ("Nhiệm vụ và quyền hạn của Bí thư", "1. Chủ trì các kỳ họp của Đảng ủy và Ban Thường vụ.\n2. Ký các văn bản của Đảng ủy và Ban Thường vụ.\n3. Phân công nhiệm vụ cho các đảng ủy viên."),
    "6": ("Nhiệm vụ của Phó Bí thư", "1. Giúp Bí thư điều hành công việc chung.\n2. Thay Bí thư khi Bí thư đi vắng.\n3. Phụ trách công tác xây dựng đảng.\n4. Theo dõi công tác kiểm tra, giám sát của các chi bộ."),
    "7": ("Chế độ họp", "1. Đảng ủy họp thường lệ mỗi tháng một lần.\n2. Ban Thường vụ họp thường lệ mỗi tháng hai lần.\n3. Khi cần thiết có thể họp bất thường."),
    "8": ("Thông báo kết quả họp", "1. Văn phòng Đảng ủy gửi thông báo kết luận trong 03 ngày làm việc.\n2. Thông báo gửi các chi bộ trực thuộc.\n3. (Đã bãi bỏ)"),
    "9": ("(Đã bãi bỏ)", ""),
    "10": ("Chế độ báo cáo", "1. Các chi bộ báo cáo Đảng ủy hằng tháng.\n2. Đảng ủy báo cáo Huyện ủy hằng quý."),
    "11": ("Quản lý con dấu và văn bản", "Văn phòng Đảng ủy quản lý con dấu và lưu trữ văn bản theo quy định."),
    "12": ("Hiệu lực thi hành", "Quy chế này có hiệu lực từ ngày ký."),
    "12a": ("Ứng dụng công nghệ thông tin", "Đảng ủy gửi và nhận văn bản qua hệ thống thư điện tử công vụ."),
}  # fmt: skip
CHANGES = {"5": "sửa đổi", "6": "bổ sung khoản 4", "7": "sửa đổi khoản 2", "8": "bãi bỏ khoản 3", "9": "bãi bỏ", "12a": "bổ sung"}  # fmt: skip


def loaded() -> dict[str, Document]:
    return {d.id: d for d in (parse_file(p) for p in sorted(DATA.glob("*.txt")))}


@pytest.fixture(scope="module")
def regulation() -> Document:
    return consolidate(loaded()).documents[REGULATION_ID]


class TestConsolidatedText:
    def test_article_by_article(self, regulation: Document) -> None:
        assert [a.label for a in regulation.articles] == list(CONSOLIDATED)
        for article in regulation.articles:
            title, body = CONSOLIDATED[article.label]
            heading = f"Điều {article.label}. {title}"
            assert article.title == title, article.label
            assert article.text == f"{heading}\n{body}".strip(), article.label

    def test_offsets_point_into_the_consolidated_text(self, regulation: Document) -> None:
        for article in regulation.articles:
            assert regulation.text[article.start : article.end] == article.text
            for clause in article.clauses:
                assert regulation.text[clause.start : clause.end] == clause.text

    def test_repealed_units_are_not_clauses_and_chapters_are_kept(
        self, regulation: Document
    ) -> None:
        assert regulation.article(9) is not None and regulation.article(9).clauses == ()  # type: ignore[union-attr]
        assert [c.number for c in regulation.article(8).clauses] == [1, 2]  # type: ignore[union-attr]
        assert regulation.article(12, suffix="a").chapter == "Chương IV"  # type: ignore[union-attr]
        assert regulation.article(7).chapter == "Chương III"  # type: ignore[union-attr]
        assert "Chương IV\nĐIỀU KHOẢN THI HÀNH" in regulation.text

    def test_chunks_hold_the_new_wording_with_distinct_ids(self, regulation: Document) -> None:
        chunks = chunk_document(regulation)
        assert len({c.id for c in chunks}) == len(chunks)
        texts = {(c.article, c.article_suffix, c.clause): c.text for c in chunks}
        assert texts[(7, "", 2)] == "2. Ban Thường vụ họp thường lệ mỗi tháng hai lần."
        assert (8, "", 3) not in texts and not any(k[0] == 9 for k in texts)
        assert texts[(12, "a", None)].startswith("Đảng ủy gửi và nhận văn bản")
        assert any("Điều 12a" in c.context for c in chunks)


class TestHistory:
    def test_each_changed_article_names_its_decision(self, regulation: Document) -> None:
        assert {h.label: h.versions[-1].change for h in regulation.history} == CHANGES
        for history in regulation.history:
            latest = history.versions[-1]
            assert latest.amended_by is not None
            assert latest.amended_by.number == "15-QĐ/ĐU"
            assert latest.amended_by.date_issued == "2024-05-20"
            assert latest.effective == "2024-06-01"

    def test_the_original_wording_is_kept(self, regulation: Document) -> None:
        history = regulation.article_history(7)
        assert history is not None and history.versions[0].kind == "original"
        assert "mỗi tuần một lần" in history.versions[0].text
        assert history.versions[0].effective == "2021-01-12"

    @pytest.mark.parametrize(
        ("date", "label", "expected"),
        [
            ("2024-01-01", "5", "Điều 5. Nhiệm vụ của Bí thư"),
            ("2024-05-31", "7", "2. Ban Thường vụ họp thường lệ mỗi tuần một lần."),
            ("2024-06-01", "7", "2. Ban Thường vụ họp thường lệ mỗi tháng hai lần."),
            ("2024-06-01", "5", "Điều 5. Nhiệm vụ và quyền hạn của Bí thư"),
            ("2023-03-03", "9", "Mỗi đảng ủy viên dành ít nhất 04 ngày"),
            ("2024-07-01", "9", "(Đã bãi bỏ)"),
            ("2024-06-01", "12a", "Điều 12a. Ứng dụng công nghệ thông tin"),
            ("2024-06-01", "3", "Điều 3. Nhiệm vụ của Đảng ủy"),
        ],
    )
    def test_version_in_force(
        self, regulation: Document, date: str, label: str, expected: str
    ) -> None:
        number, suffix = int(label.rstrip("a")), "a" if label.endswith("a") else ""
        version = version_at(regulation, number, suffix, date)
        assert version is not None and expected in version.text

    @pytest.mark.parametrize(("date", "label"), [("2024-05-31", "12a"), ("2020-12-31", "3")])
    def test_not_yet_in_force(self, regulation: Document, date: str, label: str) -> None:
        number, suffix = int(label.rstrip("a")), "a" if label.endswith("a") else ""
        assert version_at(regulation, number, suffix, date) is None


class TestLinkAndOrder:
    def test_linked_by_number_even_when_titles_differ(self) -> None:
        docs = loaded()
        renamed = docs[REGULATION_ID].model_copy(
            update={"meta": docs[REGULATION_ID].meta.model_copy(update={"title": "Khác"})}
        )
        view = consolidate({**docs, REGULATION_ID: renamed})
        assert view.documents[REGULATION_ID].history and not view.notices

    def test_linked_by_title_when_the_decision_gives_no_number(self) -> None:
        docs = loaded()
        text = docs[DECISION_ID].text.replace("số 07-QC/ĐU ngày 12/01/2021 ", "")
        text = text.replace("Quy chế làm việc số 07-QC/ĐU như sau", "Quy chế làm việc như sau")
        decision = parse_text(text, "qd-khong-so.txt")
        regs = {REGULATION_ID: docs[REGULATION_ID]}
        amendment = read_amendment(decision)
        assert amendment is not None and amendment.target_numbers == ()
        assert link(amendment, regs) is regs[REGULATION_ID]

    def test_a_decision_for_an_unloaded_regulation_is_kept_with_a_notice(self) -> None:
        docs = loaded()
        view = consolidate({DECISION_ID: docs[DECISION_ID]})
        assert list(view.documents) == [DECISION_ID]
        assert len(view.notices) == 1 and "07-QC/ĐU" in view.notices[0]
        assert "chưa được nạp" in view.notices[0] and "\n" not in view.notices[0]
        assert view.documents[DECISION_ID].amends == "07-QC/ĐU"

    def test_order_of_loading_does_not_matter(self) -> None:
        docs = loaded()
        forward = consolidate(docs).documents
        backward = consolidate(dict(reversed(list(docs.items())))).documents
        assert forward == backward

    def test_unamended_documents_are_returned_as_they_are(self) -> None:
        docs = {REGULATION_ID: loaded()[REGULATION_ID]}
        assert consolidate(docs).documents[REGULATION_ID] is docs[REGULATION_ID]


class TestDecisionView:
    def test_amending_articles_leave_the_decision_its_own_stay(self) -> None:
        view = consolidate(loaded()).documents[DECISION_ID]
        assert [a.number for a in view.articles] == [2, 3]
        assert view.meta.title.startswith("Quyết định sửa đổi, bổ sung một số điều")
        assert view.article(2).text.startswith("Điều 2. Quyết định này có hiệu lực")  # type: ignore[union-attr]
        # the stored document is not changed
        assert [a.number for a in loaded()[DECISION_ID].articles] == [1, 2, 3]


def test_a_later_decision_amends_the_amended_wording() -> None:
    docs = loaded()
    header = docs[DECISION_ID].text.split("Điều 1.")[0]
    header = header.replace("15-QĐ/ĐU", "22-QĐ/ĐU").replace(
        "20 tháng 5 năm 2024", "03 tháng 3 năm 2025"
    )
    text = (
        f"{header}Điều 1. Sửa đổi khoản 2 Điều 7 của Quy chế làm việc số 07-QC/ĐU như sau:\n"
        "“2. Ban Thường vụ họp thường lệ mỗi tháng ba lần.”\n"
        "Điều 2. Quyết định này có hiệu lực từ ngày ký.\n"
    )
    later = parse_text(text, "qd-22.txt")
    # loaded first, applied second: the order of effect decides
    view = consolidate({later.id: later, **docs}).documents[REGULATION_ID]
    history = view.article_history(7)
    assert history is not None and [v.kind for v in history.versions] == [
        "original",
        "replaced",
        "replaced",
    ]
    wording = {d: version_at(view, 7, "", d) for d in ("2024-01-01", "2024-06-01", "2025-03-03")}
    assert "mỗi tuần một lần" in wording["2024-01-01"].text  # type: ignore[union-attr]
    assert "mỗi tháng hai lần" in wording["2024-06-01"].text  # type: ignore[union-attr]
    assert "mỗi tháng ba lần" in wording["2025-03-03"].text  # type: ignore[union-attr]
    assert history.versions[-1].amended_by.number == "22-QĐ/ĐU"  # type: ignore[union-attr]
