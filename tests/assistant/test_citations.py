"""Citations: the OCR flag follows the page a quote comes from."""

from __future__ import annotations

from assistant.citations import OCR_NOTE, make_citation
from assistant.models import Answer
from assistant.render import answer_text
from ingest.chunk import chunk_document
from ingest.models import Document, SourcePage
from ingest.parse import parse_text

TYPED = "QUY CHẾ LÀM VIỆC của Đảng ủy xã Đồi Sim\nĐiều 1. Phạm vi\n1. Quy định chế độ làm việc.\n"
SCANNED = "Điều 2. Chế độ họp\n1. Ban Thường vụ họp mỗi tháng một lần.\na) Họp bất thường khi cần."


def _doc() -> Document:
    pages = (SourcePage(number=1, text=TYPED), SourcePage(number=2, text=SCANNED, ocr=True))
    return parse_text(TYPED + "\n" + SCANNED, "quy-che-doi-sim.pdf", pages=pages)


def test_pages_keep_their_place_in_the_text() -> None:
    doc = _doc()
    first, second = doc.pages
    assert doc.text[first.start : first.end] == TYPED
    assert doc.text[second.start : second.end] == SCANNED
    assert (first.ocr, second.ocr) == (False, True)


def test_chunks_and_citations_from_a_scanned_page_are_marked() -> None:
    doc = _doc()
    assert {c.article: c.ocr for c in chunk_document(doc)} == {1: False, 2: True}
    typed = make_citation(doc, doc.article(1), doc.article(1).clause(1))
    clause = doc.article(2).clause(1)
    scanned = make_citation(doc, doc.article(2), clause, clause.points[0], quote="bất thường")
    assert (typed.ocr, scanned.ocr) == (False, True)
    assert scanned.model_dump(mode="json")["ocr"] is True
    text = answer_text(Answer(question="q", kind="answer", answer="a", citations=[typed, scanned]))
    assert text.count(OCR_NOTE) == 1
    assert text.splitlines()[-1].endswith(f"({OCR_NOTE})")


def test_documents_without_pages_are_never_marked() -> None:
    doc = parse_text(TYPED, "quy-che.txt")
    assert doc.pages == ()
    assert not any(c.ocr for c in chunk_document(doc))
    assert not make_citation(doc, doc.article(1)).ocr
