from dataclasses import dataclass

import pytest

from index.scope import detect_scope
from ingest.models import DocumentMeta
from tests.index.documents import Doc


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Tỉnh ủy Điện Biên họp mấy lần?", ("dien-bien",)),
        ("tinh uy dien bien hop may lan", ("dien-bien",)),
        ("Ở Kon Tum ai ký văn bản?", ("kon-tum",)),
        ("Quy chế 09-QC/TU nói gì về họp?", ("kon-tum",)),
        ("quy che 09-qc/tu", ("kon-tum",)),
        ("theo qc 09 thi sao", ("kon-tum",)),
        ("01-QC/ĐUK quy định gì", ("dong-thap",)),
        ("quyết định 261 ban hành gì", ("mau-2025",)),
        ("261-QĐ/TW", ("mau-2025",)),
        # a document noun, a word, then the bare number
        ("theo mẫu 261 thì ai ký", ("mau-2025",)),
        ("quy che mau 261 noi gi ve hop", ("mau-2025",)),
        ("cấp huyện họp thế nào", ("mau-huyen",)),
        ("Huyện ủy họp mấy lần", ("mau-huyen",)),
        ("ban cán sự đảng có nhiệm vụ gì", ("kon-tum",)),
        ("BCS đảng họp khi nào", ("kon-tum",)),
        ("đảng ủy khối họp khi nào", ("dong-thap",)),
        ("dự thảo quy chế nói gì", ("mau-huyen",)),
        ("theo dự thảo 2023 ai ký", ("mau-huyen",)),
        ("quy chế mẫu cấp huyện", ("mau-huyen",)),
    ],
)
def test_detects(docs: list[Doc], question: str, expected: tuple[str, ...]) -> None:
    assert detect_scope(question, docs).document_ids == expected


def test_template_without_level_names_every_template(docs: list[Doc]) -> None:
    scope = detect_scope("Theo quy chế mẫu, ai chủ trì?", docs)
    assert set(scope.document_ids) == {"mau-huyen", "mau-2025"}


def test_nothing_named(docs: list[Doc]) -> None:
    scope = detect_scope("Ban Thường vụ họp mấy lần?", docs)
    assert scope.document_ids == ()
    assert scope.why == ()
    assert detect_scope("Điều 5 khoản 2 nói gì", docs).document_ids == ()


def test_strong_beats_contradicting_level(docs: list[Doc]) -> None:
    # Kon Tum's document is a caucus one: "cấp huyện" does not empty the scope.
    assert detect_scope("Kon Tum cấp huyện", docs).document_ids == ("kon-tum",)


def test_why_is_reported(docs: list[Doc]) -> None:
    scope = detect_scope("quy che 09-QC/TU", docs)
    assert scope.why
    assert detect_scope("x", []).document_ids == ()


def test_places_and_a_document_named_by_its_name(docs: list[Doc]) -> None:
    # Two places disagree (several documents); a third named by its own name words joins them.
    scope = detect_scope(
        "BTV họp mấy lần ở Điện Biên, ở Kon Tum và theo quy chế mẫu đảng ủy UBND tỉnh?", docs
    )
    assert set(scope.document_ids) == {"dien-bien", "kon-tum", "mau-2025"}


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Kon Tum và Điện Biên họp mấy lần?", ("kon-tum", "dien-bien")),
        ("dien bien va kon tum hop may lan", ("dien-bien", "kon-tum")),
        ("Quy chế 01-QC/ĐUK và quy chế 09-QC/TU khác gì?", ("dong-thap", "kon-tum")),
        (
            "BTV họp mấy lần theo quy chế mẫu đảng ủy UBND tỉnh, ở Kon Tum và ở Điện Biên?",
            ("mau-2025", "kon-tum", "dien-bien"),
        ),
    ],
)
def test_several_documents_in_the_order_named(
    docs: list[Doc], question: str, expected: tuple[str, ...]
) -> None:
    assert detect_scope(question, docs).document_ids == expected


@pytest.mark.parametrize(
    "question", ["Bí thư đi vắng thì ai thay?", "ai bau pho bi thu?", "Ủy viên Ban Thường vụ"]
)
def test_a_body_asked_about_names_no_document_issued_by_another(
    docs: list[Doc], question: str
) -> None:
    # The templates are issued by "Ban Bí thư": "bí thư" (a seat) does not name them.
    assert detect_scope(question, docs).document_ids == ()


def test_the_issuing_body_named_in_full_names_its_documents(docs: list[Doc]) -> None:
    scope = detect_scope("Quy chế mẫu của Ban Bí thư quy định gì?", docs)
    assert set(scope.document_ids) == {"mau-huyen", "mau-2025"}


def test_level_and_status_together_name_one_more_document(docs: list[Doc]) -> None:
    scope = detect_scope("Kon Tum và quy chế mẫu cấp huyện: ai ký văn bản?", docs)
    assert scope.document_ids == ("kon-tum", "mau-huyen")
    # "theo mẫu" ("after the template") names the template, beside its level
    scope = detect_scope("Kon Tum và huyện ủy (theo mẫu) họp mấy lần?", docs)
    assert scope.document_ids == ("kon-tum", "mau-huyen")
    # A level alone beside a place is too loose to name another document.
    scope = detect_scope("Tỉnh ủy Điện Biên có chỉ đạo huyện ủy không?", docs)
    assert scope.document_ids == ("dien-bien",)


def test_another_organization_does_not_name_a_document(docs: list[Doc]) -> None:
    # "Hội đồng nhân dân tỉnh" shares "nhân dân tỉnh" with "ủy ban nhân dân tỉnh"
    assert detect_scope("Hội đồng nhân dân tỉnh họp mấy kỳ?", docs).document_ids == ()
    assert detect_scope("HĐND tỉnh họp mấy kỳ?", docs).document_ids == ()
    assert detect_scope("Đảng ủy UBND tỉnh họp mấy kỳ?", docs).document_ids == ("mau-2025",)


def test_a_body_that_is_a_documents_name_names_it_weakly() -> None:
    branch = Doc("chi-bo", DocumentMeta(title="Quy chế làm việc của chi bộ (mẫu)"))
    commune = Doc(
        "an-binh",
        DocumentMeta(
            title="Quy chế làm việc của Ban Chấp hành Đảng bộ xã An Bình", level="commune"
        ),
    )
    docs = [branch, commune]
    weak = detect_scope("Ai quyết định kỷ luật đảng viên ở chi bộ?", docs)
    assert weak.document_ids == ("chi-bo",) and weak.by_body_only
    named = detect_scope("Quy chế chi bộ: ai quyết định kỷ luật đảng viên?", docs)
    assert named.document_ids == ("chi-bo",) and not named.by_body_only


def test_two_documents_of_one_level_in_the_order_their_places_are_named() -> None:
    def commune(doc_id: str, unit: str, place: str) -> Doc:
        meta = DocumentMeta(
            title=f"Quy chế làm việc của Ban Chấp hành Đảng bộ {unit} {place}",
            governed_body=f"Ban Chấp hành Đảng bộ {unit} {place}",
            level="commune",
        )
        return Doc(doc_id, meta)

    docs = [commune("hoa-lac", "phường", "Hòa Lạc"), commune("an-binh", "xã", "An Bình")]
    for question, expected in (
        ("Đảng ủy xã An Bình và phường Hòa Lạc họp mấy lần?", ("an-binh", "hoa-lac")),
        ("dang uy phuong Hoa Lac va xa An Binh hop may lan", ("hoa-lac", "an-binh")),
    ):
        assert detect_scope(question, docs).document_ids == expected


@dataclass(frozen=True)
class TextDoc:
    id: str
    meta: DocumentMeta
    text: str


def test_a_name_word_every_text_writes_names_no_document() -> None:
    """ "cơ quan" is in the name "Đảng ủy Khối các cơ quan tỉnh Hoa Sen" and in every
    regulation's text: a question about some "cơ quan" of another province does not mean
    it; the name's own words still do."""
    text = "Điều 1. Các cơ quan tham mưu giúp việc báo cáo định kỳ."
    block = TextDoc(
        "khoi-hoa-sen",
        DocumentMeta(
            title="Quy chế làm việc của Đảng ủy Khối các cơ quan tỉnh Hoa Sen", province="Hoa Sen"
        ),
        text,
    )
    province = TextDoc(
        "tinh-la-ha",
        DocumentMeta(title="Quy chế làm việc của Tỉnh ủy La Hà", province="La Hà"),
        text,
    )
    docs = [block, province]
    asked = detect_scope("ai giao ban voi cac co quan tham muu tinh uy la ha", docs)
    assert asked.document_ids == ("tinh-la-ha",)
    named = detect_scope("quy che dang uy khoi cac co quan hop may lan", docs)
    assert named.document_ids == ("khoi-hoa-sen",)


def _listed_docs() -> list[TextDoc]:
    text = "Điều 1. Chi bộ họp thường lệ mỗi tháng một lần; Ban cán sự đảng cho ý kiến."
    caucus = TextDoc(
        "bcs-la-ha",
        DocumentMeta(
            title="Quy chế làm việc của Ban cán sự đảng Ủy ban nhân dân tỉnh",
            number="07-QC/TU",
            province="La Hà",
            level="caucus",
        ),
        text,
    )
    template = TextDoc(
        "mau-ubnd",
        DocumentMeta(
            title="Quy chế làm việc mẫu của ban chấp hành đảng bộ ủy ban nhân dân tỉnh",
            number="345-QĐ/TW",
            status="template",
            level="province",
        ),
        text,
    )
    branch = TextDoc(
        "chi-bo-mau",
        DocumentMeta(title="Quy chế làm việc của chi bộ (mẫu)", status="template"),
        text,
    )
    ward = TextDoc(
        "phuong-dong-xuan",
        DocumentMeta(
            title="Quy chế làm việc của Ban Chấp hành Đảng bộ phường Đông Xuân",
            governed_body="Ban Chấp hành Đảng bộ phường Đông Xuân",
            level="commune",
        ),
        text,
    )
    return [caucus, template, branch, ward]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # a ward named by its own name words after a better-named document
        (
            "Ban cán sự đảng UBND tỉnh La Hà và phường Đông Xuân họp mấy lần?",
            ("bcs-la-ha", "phuong-dong-xuan"),
        ),
        # a template by its status word and number; a branch template by its status word
        # beside its name, though "chi bộ" is common language of the texts
        (
            "so sánh Ban cán sự đảng La Hà, đảng ủy UBND tỉnh (mẫu 345) và chi bộ mẫu",
            ("bcs-la-ha", "mau-ubnd", "chi-bo-mau"),
        ),
        # "chi bộ" asked about first is the topic; the template is named where it is
        (
            "Chi bộ họp mấy lần ở Ban cán sự đảng La Hà và ở chi bộ mẫu?",
            ("bcs-la-ha", "chi-bo-mau"),
        ),
    ],
)
def test_each_document_a_list_names_is_in_scope(question: str, expected: tuple[str, ...]) -> None:
    assert detect_scope(question, _listed_docs()).document_ids == expected


def test_a_common_body_word_beside_a_named_document_names_no_other() -> None:
    # "chi bộ" without its status word is what the question is about
    asked = detect_scope("Ban cán sự đảng La Hà chỉ đạo chi bộ thế nào?", _listed_docs())
    assert asked.document_ids == ("bcs-la-ha",)


def test_a_year_narrows_documents_named_alike_to_the_one_that_writes_it() -> None:
    """ "quy chế mẫu 2025" of two templates: the one whose own date writes 2025; a year
    none of them writes, or one inside a date, narrows nothing."""
    old = Doc("mau-gio", DocumentMeta(title="Quy chế mẫu của đảng ủy Gió", status="template"))
    new = Doc(
        "mau-may",
        DocumentMeta(
            title="Quy chế mẫu của đảng ủy Mây", status="template", date_issued="2031-02-01"
        ),
    )
    docs = [old, new]
    assert detect_scope("Theo quy chế mẫu 2031 thì ai ký?", docs).document_ids == ("mau-may",)
    both = ("mau-gio", "mau-may")
    assert detect_scope("Theo quy chế mẫu 2040 thì ai ký?", docs).document_ids == both
    assert detect_scope("quy chế mẫu: họp ngày 3/4/2031 thì sao?", docs).document_ids == both


def test_an_amount_after_a_word_that_folds_to_so_is_no_document_number(docs: list[Doc]) -> None:
    # "trụ sở 9 tỷ" folds to "tru so 9 ty": money, not "số 9"
    assert detect_scope("Xây trụ sở 9 tỷ thì ai cho ý kiến?", docs).document_ids == ()
    assert detect_scope("theo quy chế số 9 thì sao", docs).document_ids == ("kon-tum",)


def test_two_name_words_a_comma_separates_name_no_document(docs: list[Doc]) -> None:
    # "... văn bản, cần ..." writes "ban" and "can" of "Ban cán sự", not the name
    question = "Đang soạn văn bản, cần dẫn điều nào về họp?"
    assert detect_scope(question, docs).document_ids == ()


def test_a_status_word_with_a_year_only_one_document_writes_names_it() -> None:
    """ "... khác gì quy chế mẫu 2031?": beside a document named by its place, the template
    of that year is named too, as strongly as by its number."""
    docs = [
        Doc(
            "dong-vang",
            DocumentMeta(title="Quy chế làm việc của Đảng ủy xã Đồng Vàng", province="Đồng Vàng"),
        ),
        Doc(
            "mau-2031",
            DocumentMeta(
                title="Quy chế làm việc mẫu của đảng ủy xã",
                status="template",
                date_issued="05/03/2031",
            ),
        ),
        Doc(
            "mau-2028",
            DocumentMeta(
                title="Quy chế làm việc mẫu của chi bộ", status="template", date_issued="01/01/2028"
            ),
        ),
    ]
    question = "Chế độ họp của Đảng ủy xã Đồng Vàng khác gì với quy chế mẫu 2031?"
    assert detect_scope(question, docs).document_ids == ("dong-vang", "mau-2031")


def test_a_place_right_after_a_name_says_whose_document_is_meant() -> None:
    board = Doc(
        "ban-can-su-gio-xanh",
        DocumentMeta(
            title="Quy chế làm việc của Ban cán sự đảng Ủy ban nhân dân tỉnh",
            governed_body="Ban cán sự đảng Ủy ban nhân dân tỉnh",
            province="Gió Xanh",
        ),
    )
    province = Doc(
        "tinh-uy-may-trang",
        DocumentMeta(title="Quy chế làm việc của Tỉnh ủy", province="Mây Trắng"),
    )
    docs = [board, province]
    # the board of Mây Trắng: its regulation is not loaded, the province's committee's is
    question = "Quy chế làm việc của Ban cán sự đảng Ủy ban nhân dân tỉnh Mây Trắng do ai ban hành?"
    assert detect_scope(question, docs).document_ids == ("tinh-uy-may-trang",)
    # the place of the document named: that document
    question = "Quy chế làm việc của Ban cán sự đảng Ủy ban nhân dân tỉnh Gió Xanh do ai ban hành?"
    assert detect_scope(question, docs).document_ids == ("ban-can-su-gio-xanh",)
    # a document and another place, apart: both
    question = "Quy chế Ban cán sự đảng Ủy ban nhân dân tỉnh so với quy định ở Mây Trắng thế nào?"
    assert set(detect_scope(question, docs).document_ids) == {
        "ban-can-su-gio-xanh",
        "tinh-uy-may-trang",
    }


def test_a_bare_draft_word_is_what_is_sent_not_a_document(docs: list[Doc]) -> None:
    """ "gửi dự thảo cho văn phòng": any draft the regulations speak of, not the draft
    regulation; with a year or beside "quy chế" it names that document."""
    assert detect_scope("ban nào gửi dự thảo cho văn phòng thẩm định", docs).document_ids == ()
