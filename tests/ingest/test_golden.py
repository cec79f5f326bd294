"""Golden outline of every bundled regulation: parts, articles, titles, clause counts.

Regenerate with ``QUYCHE_REGEN_GOLDEN=1 pytest tests/ingest/test_golden.py`` and review the
diff by reading the text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.models import Document
from ingest.parse import parse_file
from tests.conftest import CORPUS, GOLDEN, regen_golden

EXPECTED_ARTICLES = {
    "quy-che-mau-dang-uy-ubnd-tinh-2025": {"decision": 3, "regulation": 19},
    "quy-che-tinh-uy-dien-bien-khoa-xiv": {"regulation": 31},
    "quy-che-dang-uy-khoi-co-quan-tinh-dong-thap-khoa-vii": {"regulation": 27},
    "quy-che-mau-cap-uy-cap-huyen-du-thao-2023": {"regulation": 25},
    "quy-che-ban-can-su-dang-ubnd-tinh-kon-tum-2021-2026": {"regulation": 19},
}


def outline(doc: Document) -> dict[str, object]:
    return {
        "id": doc.id,
        "meta": doc.meta.model_dump(),
        "parts": [
            {
                "id": part.id,
                "articles": [
                    {
                        "number": a.number,
                        "title": a.title,
                        "chapter": a.chapter,
                        "clauses": len(a.numbered_clauses),
                        "has_intro": any(c.number is None for c in a.clauses),
                        "points": [p.id for c in a.clauses for p in c.points],
                    }
                    for a in part.articles
                ],
            }
            for part in doc.parts
        ],
    }


@pytest.mark.parametrize("doc_id", sorted(EXPECTED_ARTICLES))
def test_article_counts(doc_id: str) -> None:
    doc = parse_file(CORPUS / f"{doc_id}.txt")
    counts = {p.id: len(p.articles) for p in doc.parts}
    assert counts == EXPECTED_ARTICLES[doc_id]
    for part in doc.parts:
        assert [a.number for a in part.articles] == list(range(1, len(part.articles) + 1))


@pytest.mark.parametrize("doc_id", sorted(EXPECTED_ARTICLES))
def test_outline_matches_golden(doc_id: str) -> None:
    doc = parse_file(CORPUS / f"{doc_id}.txt")
    path: Path = GOLDEN / f"{doc_id}.json"
    actual = outline(doc)
    if regen_golden():
        path.write_text(json.dumps(actual, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert path.exists(), f"missing golden file {path}; run with QUYCHE_REGEN_GOLDEN=1"
    assert actual == json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("doc_id", sorted(EXPECTED_ARTICLES))
def test_every_span_is_verbatim(doc_id: str) -> None:
    doc = parse_file(CORPUS / f"{doc_id}.txt")
    for article in doc.articles:
        assert doc.text[article.start : article.end] == article.text
        for clause in article.clauses:
            assert doc.text[clause.start : clause.end] == clause.text
            assert article.start <= clause.start <= clause.end <= article.end
            for point in clause.points:
                assert doc.text[point.start : point.end] == point.text
