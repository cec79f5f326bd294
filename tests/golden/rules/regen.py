"""Regenerate the golden rule listings: tests/golden/rules/<document_id>.json.

Run ``.venv/bin/python tests/golden/rules/regen.py`` after a deliberate change to the
extractor, then review the diff against the regulation texts: every numeric rule present,
nothing invented.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from ingest.parse import parse_file  # noqa: E402
from ingest.rules.extract import extract_rules  # noqa: E402

HERE = Path(__file__).resolve().parent
SOURCES = (ROOT / "data" / "regulations", ROOT / "eval" / "regulations")
log = logging.getLogger("regen")


def sources() -> list[Path]:
    """The bundled regulations and the team's own test regulations; the regulation written
    for the frozen held-out set (eval/gold/frozen.jsonl) is not reviewed here: reading
    what the extractor makes of it would be reading the held-out set."""
    return sorted(
        p
        for d in SOURCES
        if d.is_dir()
        for p in d.iterdir()
        if p.suffix in (".txt", ".md") and p.stem not in _held_out_only()
    )


def _held_out_only() -> set[str]:
    """Documents that only the frozen held-out questions expect."""

    def documents(name: str) -> set[str]:
        path = ROOT / "eval" / "gold" / name
        if not path.exists():
            return set()
        lines = path.read_text(encoding="utf-8").splitlines()
        return {e["document_id"] for x in lines if x.strip() for e in json.loads(x)["expected"]}

    return documents("frozen.jsonl") - documents("questions.jsonl")


def listing(path: Path) -> tuple[str, list[dict[str, object]]]:
    doc = parse_file(path)
    rules = sorted(
        extract_rules(doc),
        key=lambda r: (r.part, r.article, r.clause if r.clause is not None else -1, r.start),
    )
    return doc.id, [r.model_dump(mode="json") for r in rules]


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    for path in sources():
        doc_id, rules = listing(path)
        out = HERE / f"{doc_id}.json"
        out.write_text(json.dumps(rules, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        log.info("%s: %d rules", doc_id, len(rules))


if __name__ == "__main__":
    main()
