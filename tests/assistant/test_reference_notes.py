"""A quoted clause that refers elsewhere brings the referenced clause, cited as linked."""

from __future__ import annotations

from pathlib import Path

from tests.assistant.test_answer import assistant_over
from tests.ingest.test_references import TEXT


def test_the_referenced_clause_is_quoted_and_linked(tmp_path: Path) -> None:
    assistant = assistant_over(tmp_path, {"xa-an-tuong.txt": TEXT})
    answer = assistant.ask("Ở xã An Tường, ngoài nhiệm vụ của Đảng ủy, Ban Thường vụ làm gì?")
    assert answer.kind == "answer"
    linked = [c for c in answer.citations if c.via]
    assert linked and linked[0].article == 1
    assert "dẫn chiếu" in answer.answer
    assert "31-QĐ/TW" in answer.answer and "chưa được nạp" in answer.answer
    for citation in answer.citations:
        assert citation.quote in assistant.document(citation.document_id).text


INHERITED = """QUY CHẾ LÀM VIỆC CỦA ĐẢNG ỦY XÃ AN TƯỜNG

Điều 1. Phạm vi
Quy chế này quy định việc làm việc của Đảng ủy xã An Tường.

Điều 2. Nhiệm vụ của Ủy viên Ban Thường vụ
1. Hằng quý báo cáo bằng văn bản với Ban Thường vụ về lĩnh vực được phân công theo dõi.
2. Dự đầy đủ các phiên họp của Ban Thường vụ.

Điều 3. Nhiệm vụ của Phó Bí thư
Ngoài nhiệm vụ quy định tại Điều 2 Quy chế này, Phó Bí thư giúp Bí thư điều hành công việc hằng ngày.
"""


def test_an_article_that_takes_the_cited_duties_by_reference_is_added(tmp_path: Path) -> None:
    assistant = assistant_over(tmp_path, {"xa-an-tuong.txt": INHERITED})
    answer = assistant.ask(
        "Phó Bí thư Đảng ủy xã An Tường có phải báo cáo bằng văn bản về lĩnh vực được phân công theo dõi không?"
    )
    assert answer.kind != "refusal"
    # the body asked about has its own article: it leads, and the duty it takes by
    # reference follows, linked from it
    leading, referred = answer.citations[:2]
    assert leading.article == 3 and "Ngoài nhiệm vụ quy định tại Điều 2" in leading.quote
    assert referred.article == 2 and referred.via == leading.cite_as
    assert answer.answer.startswith("Điều 3 (Nhiệm vụ của Phó Bí thư) áp dụng Điều 2")


def test_the_article_taking_duties_by_reference_is_cited_at_its_clause(tmp_path: Path) -> None:
    """The sentence that takes the cited duties sits in a khoản: the citation says which."""
    text = INHERITED.replace(
        "Ngoài nhiệm vụ quy định tại Điều 2 Quy chế này, Phó Bí thư giúp Bí thư điều hành "
        "công việc hằng ngày.",
        "1. Giúp Bí thư điều hành công việc hằng ngày.\n2. Ngoài nhiệm vụ quy định tại Điều 2 "
        "Quy chế này, Phó Bí thư theo dõi công tác văn phòng.",
    )
    assistant = assistant_over(tmp_path, {"xa-an-tuong.txt": text})
    answer = assistant.ask(
        "Phó Bí thư Đảng ủy xã An Tường có phải báo cáo bằng văn bản về lĩnh vực được phân công theo dõi không?"
    )
    leading = next(c for c in answer.citations if c.article == 3)
    assert leading.clause == 2
    assert "Khoản 2 Điều 3 (Nhiệm vụ của Phó Bí thư) áp dụng Điều 2" in answer.answer


DUTIES_BY_REFERENCE = """QUY CHẾ LÀM VIỆC CỦA ĐẢNG ỦY XÃ HÒA SƠN

Điều 2. Nhiệm vụ
1. Lãnh đạo thực hiện nghị quyết của cấp trên tại địa phương; chỉ đạo công tác thứ 1 của các chi bộ trực thuộc theo chương trình năm; chỉ đạo công tác thứ 2 của các chi bộ trực thuộc theo chương trình năm; chỉ đạo công tác thứ 3 của các chi bộ trực thuộc theo chương trình năm; chỉ đạo công tác thứ 4 của các chi bộ trực thuộc theo chương trình năm; chỉ đạo công tác thứ 5 của các chi bộ trực thuộc theo chương trình năm; chỉ đạo công tác thứ 6 của các chi bộ trực thuộc theo chương trình năm; chỉ đạo công tác thứ 7 của các chi bộ trực thuộc theo chương trình năm; chỉ đạo công tác thứ 8 của các chi bộ trực thuộc theo chương trình năm; chỉ đạo công tác thứ 9 của các chi bộ trực thuộc theo chương trình năm; chỉ đạo công tác thứ 10 của các chi bộ trực thuộc theo chương trình năm; chỉ đạo công tác thứ 11 của các chi bộ trực thuộc theo chương trình năm; chỉ đạo công tác thứ 12 của các chi bộ trực thuộc theo chương trình năm; chỉ đạo công tác thứ 13 của các chi bộ trực thuộc theo chương trình năm.
2. Thảo luận tập thể, biểu quyết các vấn đề sau: kế hoạch phát triển kinh tế; công tác cán bộ.

Điều 5. Chế độ họp
1. Đảng ủy họp định kỳ một tháng một lần để thảo luận tập thể các nội dung thuộc nhiệm vụ quy định tại Điều 2 Quy chế này.
"""


def test_a_whole_article_referred_to_is_narrowed_by_the_words_that_refer_to_it(
    tmp_path: Path,
) -> None:
    """ "thảo luận tập thể các nội dung ... quy định tại Điều 2": the question's words
    match neither clause of Điều 2, so the words that refer to it pick the clause on what
    is discussed together."""
    assistant = assistant_over(tmp_path, {"hoa-son.txt": DUTIES_BY_REFERENCE})
    answer = assistant.ask("Đảng ủy xã Hòa Sơn họp định kỳ mấy tháng một lần?")
    assert "kế hoạch phát triển kinh tế" in answer.answer


CHAIN = """QUY CHẾ LÀM VIỆC CỦA ĐẢNG ỦY XÃ BẾN ĐÒ

Điều 1. Phạm vi
Quy chế này quy định việc làm việc của Đảng ủy xã Bến Đò.

Điều 2. Nhiệm vụ của Ban Chấp hành
1. Thảo luận và quyết định:
a) Chương trình công tác toàn khóa;
b) Việc sửa chữa trụ sở theo quy định tại Điều 3 Quy chế này.

Điều 3. Thẩm quyền về sửa chữa
1. Sửa chữa từ 300 triệu đồng trở lên do Ban Chấp hành quyết định.
2. Sửa chữa dưới 300 triệu đồng do Thường trực quyết định.
"""


def test_the_place_the_asker_reads_follows_the_place_it_refers_to(tmp_path: Path) -> None:
    """ "điểm b khoản 1 Điều 2 ghi 'theo Điều 3', vậy Điều 3 ...?": the article asked, then
    the sentence that refers to it, each quoted once (not again as a reference note)."""
    assistant = assistant_over(tmp_path, {"ben-do.txt": CHAIN})
    answer = assistant.ask(
        "Quy chế Bến Đò điểm b khoản 1 Điều 2 ghi 'theo quy định tại Điều 3', vậy Điều 3 "
        "chia mức sửa chữa thế nào?"
    )
    first, second = answer.citations[:2]
    assert first.article == 3
    assert (second.article, second.clause, second.point) == (2, 1, "b")
    assert "Việc sửa chữa trụ sở theo quy định tại Điều 3" in answer.answer
    assert answer.answer.count("300 triệu đồng trở lên do Ban Chấp hành") == 1
