"""The words that name a document (assistant/document_names.py)."""

from __future__ import annotations

from assistant.document_names import name_terms
from assistant.terms import question_terms
from tests.ingest.rules.fixtures import make_doc


def test_a_document_number_names_it_only_where_written_whole() -> None:
    """ "07-QC/TU": typed without diacritics, its parts alone are words ("tu" of "tự phê
    bình", "du" of "dự họp"); the number is left out only where it is written whole."""
    doc = make_doc([(1, "Phạm vi", ["1. Quy chế này áp dụng cho Đảng ủy."])])
    doc = doc.model_copy(update={"meta": doc.meta.model_copy(update={"number": "07-QC/TU"})})
    exclude = name_terms(doc)
    bare = question_terms("ai tu phe binh truoc, theo quy che 07-QC/TU", exclude)
    assert "~tu_~phe" in bare
    assert "~qc" not in bare and "~07" not in bare
