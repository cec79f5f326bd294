"""Procedure answers as ordered steps, on made-up regulations."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.locate import Located
from tests.assistant.test_answer import assistant_over, verbatim

HEADER = (
    "ĐẢNG ỦY XÃ HỒ SEN\nSố 03-QC/ĐU\n\nQUY CHẾ LÀM VIỆC\ncủa Ban Chấp hành Đảng bộ xã Hồ Sen\n\n"
)

SEQUENCE = HEADER + (
    "Điều 1. Phạm vi\nQuy chế này quy định chế độ làm việc của Đảng ủy xã Hồ Sen.\n\n"
    "Điều 2. Trình tự xét duyệt đề án thủy lợi\n"
    "1. Văn phòng Đảng ủy tiếp nhận đề án thủy lợi và kiểm tra hồ sơ.\n"
    "2. Ban Thường vụ Đảng ủy thẩm tra đề án thủy lợi.\n"
    "3. Ban Chấp hành Đảng bộ biểu quyết thông qua đề án thủy lợi.\n\n"
    "Điều 3. Khen thưởng\nBan Thường vụ Đảng ủy quyết định khen thưởng đảng viên.\n"
)

SPREAD = HEADER + (
    "Điều 1. Chuẩn bị hội nghị\n"
    "1. Văn phòng Đảng ủy chuẩn bị tài liệu hội nghị sơ kết mùa vụ.\n"
    "2. Tài liệu hội nghị sơ kết mùa vụ phải gửi đến các thành viên trước kỳ họp ít nhất "
    "05 ngày.\n\n"
    "Điều 2. Khen thưởng\nBan Thường vụ Đảng ủy quyết định khen thưởng đảng viên.\n\n"
    "Điều 3. Biểu quyết\n"
    "1. Tại hội nghị sơ kết mùa vụ, Ban Chấp hành Đảng bộ biểu quyết bằng giơ tay.\n"
)


def test_an_article_that_names_a_sequence_is_answered_by_all_its_khoan_in_order(
    tmp_path: Path,
) -> None:
    assistant = assistant_over(tmp_path, {"ho-sen.txt": SEQUENCE})
    answer = assistant.ask("Đề án thủy lợi được xét duyệt qua những bước nào?")
    places = [(c.article, c.clause) for c in answer.citations[: len(answer.steps)]]
    assert places == [(2, 1), (2, 2), (2, 3)]
    assert [s.number for s in answer.steps] == [1, 2, 3]
    assert answer.steps[1].text in answer.citations[answer.steps[1].citation].quote
    verbatim(assistant, answer)


def test_steps_across_articles_come_in_the_documents_order_with_their_time_limit(
    tmp_path: Path,
) -> None:
    assistant = assistant_over(tmp_path, {"ho-sen.txt": SPREAD})
    answer = assistant.ask(
        "Hội nghị sơ kết mùa vụ: chuẩn bị tài liệu, gửi tài liệu và biểu quyết ra sao?"
    )
    places = [(c.article, c.clause) for c in answer.citations[: len(answer.steps)]]
    assert places == sorted(places)
    assert (3, 1) in places and (1, 2) in places
    timed = [s for s in answer.steps if s.timing]
    assert timed and "05 ngày" in timed[0].timing
    verbatim(assistant, answer)


DUTIES = HEADER + (
    "Điều 1. Nhiệm vụ, quyền hạn của Ban Chấp hành Đảng bộ\n"
    "1. Lãnh đạo thực hiện nghị quyết đại hội đảng bộ xã.\n"
    "2. Quyết định những vấn đề về công tác tổ chức:\n"
    "- Lãnh đạo công tác tuyên truyền, phổ biến chính sách trong toàn xã.\n"
    "- Lãnh đạo việc kiện toàn tổ chức bộ máy của các chi bộ trực thuộc.\n"
    "Tham gia ý kiến đối với nhân sự giới thiệu bầu trưởng ban thủy lợi trước khi giao "
    "Ban Thường vụ quyết định giới thiệu để hội nghị nhân dân bầu.\n"
    "- Lãnh đạo công tác kiểm tra, giám sát đảng viên trong toàn xã.\n\n"
    "Điều 2. Nhiệm vụ, quyền hạn của Ban Thường vụ Đảng ủy\n"
    "1. Chỉ đạo công tác tổ chức:\n"
    "- Quyết định khen thưởng đảng viên có thành tích xuất sắc.\n"
    "- Giới thiệu nhân sự trưởng ban thủy lợi theo biểu quyết của Ban Chấp hành.\n"
    "- Chỉ đạo công tác dân vận ở các thôn.\n"
)


def test_a_list_of_duties_gives_only_its_items_about_the_procedure(tmp_path: Path) -> None:
    """Each item of a holder's duties is an act of its own: the steps are the items about
    the procedure asked, a paragraph no dash opens among them, from both articles."""
    assistant = assistant_over(tmp_path, {"ho-sen.txt": DUTIES})
    answer = assistant.ask(
        "Nhân sự trưởng ban thủy lợi được tham gia ý kiến, biểu quyết giới thiệu và bầu theo "
        "trình tự nào?"
    )
    texts = [s.text for s in answer.steps]
    assert any(t.startswith("Tham gia ý kiến đối với nhân sự") for t in texts)
    assert any("theo biểu quyết của Ban Chấp hành" in t for t in texts)
    assert not any("tuyên truyền" in t or "dân vận" in t for t in texts)
    verbatim(assistant, answer)


def test_an_item_of_a_list_of_duties_is_done_by_the_holder_its_title_names(
    tmp_path: Path,
) -> None:
    """ "- Giới thiệu nhân sự ... của Ban Chấp hành." opens with its verb: the holder of
    the duties (Ban Thường vụ) does it, not the body named after the verb."""
    assistant = assistant_over(tmp_path, {"ho-sen.txt": DUTIES})
    answer = assistant.ask(
        "Nhân sự trưởng ban thủy lợi được tham gia ý kiến, biểu quyết giới thiệu và bầu theo "
        "trình tự nào?"
    )
    actors = {s.text.split(" ")[0]: s.actor for s in answer.steps}
    assert actors == {"Tham": "Ban Chấp hành", "-": "Ban Thường vụ"}


MEETINGS = HEADER + (
    "Điều 1. Chế độ họp\n"
    "1. Nội dung đất đai được biểu quyết tại phiên họp, thông qua khi quá nửa thành viên "
    "tán thành.\n"
    "2. Đảng ủy họp về nội dung đất đai vào ngày 05 hằng tháng.\n"
    "3. Văn phòng Đảng ủy chuẩn bị nội dung đất đai và gửi thành viên trước 02 ngày.\n"
    "4. Đảng ủy phối hợp với Mặt trận trong công tác dân vận.\n\n"
    "Điều 2. Trách nhiệm của Chủ tịch xã\n"
    "1. Chủ tịch xã chuẩn bị nội dung đất đai đưa ra họp.\n"
)


def test_the_other_khoan_of_a_steps_article_are_steps_though_another_article_ranks_first() -> None:
    """The best clause is another article's; the procedure is laid out over the khoản of
    the article a further step comes from, and those scored near the best are steps too,
    though they add no word of the question."""
    from assistant.coverage import TermStats, TextProfile
    from assistant.steps import StepTerms, procedure_clauses

    scores = {(2, 1): 0.5, (1, 1): 0.45, (1, 2): 0.4, (1, 3): 0.4, (1, 4): 0.1}
    located = _located_at(MEETINGS, scores)
    doc = located[0].doc
    asked = ["nội", "dung", "đất", "đai", "chuẩn", "bị", "họp", "biểu", "quyết"]
    stats = TermStats(c.text for a in doc.articles for c in a.clauses)
    terms = StepTerms(stats.weigh(asked), TextProfile)
    clauses = procedure_clauses(located, terms, 0.35, re.compile("trinh tu"))
    places = [(c.article.number, c.clause.number) for c in clauses]
    assert places == [(1, 1), (1, 2), (1, 3), (2, 1)]


def _located_at(text: str, scores: dict[tuple[int, int], float]) -> list[Located]:
    """Located clauses of a made-up regulation, best first, with the given scores."""
    from assistant.locate import Located
    from ingest.parse import parse_text

    doc = parse_text(text, "ho-sen.txt")
    located = []
    for (number, khoan), score in scores.items():
        article = doc.article(number)
        assert article is not None
        clause = article.clause(khoan)
        assert clause is not None
        located.append(Located(doc, article, clause, None, clause.text, score, 0.5, 0.5))
    return located


APPEALS = HEADER + (
    "Điều 1. Chế độ họp\n"
    "1. Ban Thường vụ họp mỗi tháng một lần để xem xét đơn thư khiếu nại.\n"
    "2. Văn phòng Đảng ủy lưu hồ sơ đơn thư khiếu nại.\n\n"
    "Điều 2. Trách nhiệm của Chủ tịch xã\n"
    "1. Chủ tịch xã trả lời đơn thư khiếu nại về đất đai.\n\n"
    "Điều 3. Giải quyết đơn thư khiếu nại\n"
    "1. Đơn thư khiếu nại được tiếp nhận tại bộ phận một cửa.\n"
    "2. Ủy ban Kiểm tra theo dõi việc giải quyết đơn thư khiếu nại.\n"
    "3. Ủy ban Kiểm tra thẩm tra đơn thư khiếu nại, báo cáo Ban Thường vụ xem xét.\n"
    "4. Kết quả giải quyết được thông báo cho người khiếu nại.\n"
)


def test_the_best_clauses_passage_opens_the_steps_before_a_weaker_earlier_clause() -> None:
    """A clause that only completes the answer comes after the passage of the one that
    answers, though the document writes it first; a khoản right before the best one is
    the same passage and keeps its place, as does a clause scored nearly as well."""
    from assistant.steps import leading_first

    scores = {(3, 3): 0.5, (2, 1): 0.47, (1, 2): 0.3, (3, 2): 0.32, (1, 1): 0.25}
    located = _located_at(APPEALS, scores)
    ordered = leading_first(located, located[0])
    places = [(c.article.number, c.clause.number) for c in ordered]
    assert places == [(2, 1), (3, 2), (3, 3), (1, 1), (1, 2)]


SEQUENCE_CLAUSE = HEADER + (
    "Điều 1. Hồ sơ khen thưởng\n"
    "1. Hồ sơ khen thưởng gửi về Văn phòng Đảng ủy trước ngày 10 hằng tháng.\n"
    "2. Việc thẩm tra hồ sơ khen thưởng thực hiện theo các bước:\n"
    "a) Văn phòng Đảng ủy tiếp nhận hồ sơ khen thưởng;\n"
    "b) Ban Tổ chức thẩm tra hồ sơ khen thưởng;\n"
    "c) Ban Thường vụ quyết định khen thưởng.\n"
    "3. Kinh phí khen thưởng do Văn phòng Đảng ủy quản lý.\n"
)


def test_a_clause_whose_opening_names_a_sequence_is_the_procedure_by_its_points(
    tmp_path: Path,
) -> None:
    """ "... thực hiện theo các bước:" and its points: the steps are that clause's points,
    not the other khoản of its article scored near it."""
    from assistant.coverage import TermStats, TextProfile
    from assistant.steps import StepTerms, procedure_clauses, step_units

    located = _located_at(SEQUENCE_CLAUSE, {(1, 2): 0.5, (1, 1): 0.46, (1, 3): 0.4})
    doc = located[0].doc
    stats = TermStats(c.text for a in doc.articles for c in a.clauses)
    terms = StepTerms(stats.weigh(["thẩm", "tra", "hồ", "sơ", "khen", "thưởng"]), TextProfile)
    clauses = procedure_clauses(located, terms, 0.35, re.compile("cac buoc"))
    assert [(c.article.number, c.clause.number) for c in clauses] == [(1, 2)]
    units = step_units(clauses, 1500, terms)
    assert [u.point.id if u.point else None for u in units] == ["a", "b", "c"]

    assistant = assistant_over(tmp_path, {"ho-sen.txt": SEQUENCE_CLAUSE})
    answer = assistant.ask("Thẩm tra hồ sơ khen thưởng gồm những bước nào?")
    assert (answer.citations[0].article, answer.citations[0].clause) == (1, 2)
    verbatim(assistant, answer)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("a) Tổ trưởng gửi sổ về Văn phòng;", "Tổ trưởng gửi sổ về Văn phòng;"),
        # the document's own name for the step stays
        ("b- Bước 2: Văn phòng vào sổ.", "Bước 2: Văn phòng vào sổ."),
        ("(3)- Tổ họp.", "Tổ họp."),
        ("Văn phòng vào sổ.", "Văn phòng vào sổ."),
    ],
)
def test_a_step_is_shown_without_the_enumerator_it_opens_with(text: str, words: str) -> None:
    """The numbered list gives the order: "1. «a) ...»" said it twice."""
    from assistant.steps import step_words

    assert step_words(text) == words
    assert words in text  # still a verbatim part of the clause
