"""The report: markdown and .docx, both citations, the changed words marked."""

from __future__ import annotations

import io

import docx

from assistant.drafting import compare
from assistant.drafting.report import to_docx, to_markdown
from ingest.parse import parse_text
from tests.assistant.drafting.texts import DRAFT, MODEL


def _comparison():  # type: ignore[no-untyped-def]
    return compare(parse_text(MODEL, "mau.txt"), parse_text(DRAFT, "du-thao.txt"))


def test_markdown_has_both_citations_and_marks() -> None:
    c = _comparison()
    text = to_markdown(c)
    for d in c.differences:
        assert d.detail in text
        if d.model_cite_as:
            assert d.model_cite_as in text
        if d.draft_cite_as:
            assert d.draft_cite_as in text
    # the money threshold: the old number struck through, the new in bold
    assert "~~03~~" in text
    assert "**05**" in text


def test_docx_opens_and_marks_the_changes() -> None:
    c = _comparison()
    document = docx.Document(io.BytesIO(to_docx(c)))
    body = "\n".join(p.text for p in document.paragraphs)
    assert "So sánh dự thảo với quy chế mẫu" in body
    assert c.differences[0].model_cite_as in body
    struck = [r.text for p in document.paragraphs for r in p.runs if r.font.strike]
    bold = [r.text for p in document.paragraphs for r in p.runs if r.bold]
    assert "03" in struck
    assert "05" in bold


def test_no_difference_says_so() -> None:
    model = parse_text(MODEL, "mau.txt")
    assert "không khác" in to_markdown(compare(model, model))


def test_a_kept_reference_is_pointed_at() -> None:
    from assistant.drafting.report import marked_texts

    broken = next(
        d for d in _comparison().differences if d.kind == "reference_broken" and d.model is not None
    )
    _, new_runs = marked_texts(broken)
    assert ("Điều 4", True) in new_runs


def test_the_article_by_article_table() -> None:
    text = to_markdown(_comparison())
    assert "| Điều 3. Nhiệm vụ, quyền hạn của Thường trực | — | Chỉ có trong mẫu |" in text
    assert (
        "| Điều 1. Nhiệm vụ, quyền hạn của Ban Chấp hành | Điều 1. Nhiệm vụ, quyền hạn của Ban Chấp hành | Giống mẫu |"
        in text
    )
    assert "| — | Điều 6. Tổ chức thực hiện | Chỉ có trong dự thảo |" in text
