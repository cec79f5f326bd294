from index.document_numbers import document_name_phrases, parse_number
from ingest.models import DocumentMeta
from tests.index.documents import Doc


def test_parse_number() -> None:
    assert parse_number("09-QC/TU") == (9, "qc", "tu")
    assert parse_number("01-QC/ĐUK") == (1, "qc", "duk")
    assert parse_number("261-QĐ/TW") == (261, "qd", "tw")
    assert parse_number("") is None


def test_a_document_named_by_kind_and_number_is_a_name_not_a_topic() -> None:
    docs = [Doc("qd", DocumentMeta(title="Quyết định ban hành quy chế", number="120-QĐ/TU"))]
    assert document_name_phrases("Theo Quyết định 120, ai ký văn bản?", docs) == ["quyet dinh 120"]
    assert document_name_phrases("quyet dinh so 120-QD/TU noi gi", docs) == [
        "quyet dinh so 120 qd tu"
    ]
    # "quyết định" as the verb asked names nothing
    assert document_name_phrases("Ai quyết định khen thưởng?", docs) == []
