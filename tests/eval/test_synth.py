from __future__ import annotations

from pathlib import Path

from eval.synth import MANIFEST, SynthManifest, generate
from ingest.parse import parse_file


def test_generated_regulations_parse_with_their_structure(tmp_path: Path) -> None:
    manifest = generate(3, tmp_path, seed=11)
    assert len(manifest.docs) == 3
    assert (tmp_path / MANIFEST).exists()
    for entry in manifest.docs:
        doc = parse_file(tmp_path / entry.file)
        assert doc.id == entry.document_id
        assert len(doc.articles) == entry.articles
        numbered = sum(len(a.numbered_clauses) for a in doc.articles)
        assert numbered == sum(1 for c in entry.clauses if c.clause is not None)


def test_generation_is_deterministic(tmp_path: Path) -> None:
    first = generate(3, tmp_path / "a", seed=5)
    second = generate(3, tmp_path / "b", seed=5)
    assert first == second
    for entry in first.docs:
        assert (tmp_path / "a" / entry.file).read_text() == (
            tmp_path / "b" / entry.file
        ).read_text()


def test_layouts_vary_across_documents(tmp_path: Path) -> None:
    manifest = generate(30, tmp_path, seed=2)
    assert len({d.heading_style for d in manifest.docs}) >= 3
    assert len({d.clause_style for d in manifest.docs}) >= 2
    loaded = SynthManifest.model_validate_json((tmp_path / MANIFEST).read_text())
    assert loaded == manifest
