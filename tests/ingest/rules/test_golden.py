"""Extraction over the bundled (and team-written) regulations equals the reviewed golden
listings in tests/golden/rules/. After a deliberate change: run
``.venv/bin/python tests/golden/rules/regen.py`` and review the diff against the texts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.golden.rules.regen import HERE, listing, sources

SOURCES = sources()


@pytest.mark.parametrize("path", SOURCES, ids=[p.stem for p in SOURCES])
def test_matches_golden(path: Path) -> None:
    doc_id, rules = listing(path)
    golden = HERE / f"{doc_id}.json"
    assert golden.exists(), f"no golden listing for {doc_id}: run tests/golden/rules/regen.py"
    assert rules == json.loads(golden.read_text(encoding="utf-8"))


def test_bundled_counts() -> None:
    """The reviewed numbers: a change here is a change in what the product can answer."""
    counts = {
        p.stem: len(json.loads(p.read_text(encoding="utf-8"))) for p in sorted(HERE.glob("*.json"))
    }
    assert counts["quy-che-tinh-uy-dien-bien-khoa-xiv"] >= 20
    assert all(n > 0 for n in counts.values())
