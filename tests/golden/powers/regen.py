"""Regenerate the golden tables of powers: tests/golden/powers/<document_id>.json.

Run ``.venv/bin/python tests/golden/powers/regen.py`` after a deliberate change to
ingest/powers.py, then review the diff against the regulation texts (who acts, the kind
of act, the verbatim action).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from ingest.parse import parse_file  # noqa: E402
from ingest.powers import extract_powers  # noqa: E402

HERE = Path(__file__).resolve().parent
# Two regulations, reviewed by hand against their texts.
SOURCES = (
    ROOT / "data" / "regulations" / "quy-che-ban-can-su-dang-ubnd-tinh-kon-tum-2021-2026.txt",
    ROOT / "eval" / "regulations" / "quy-che-dang-uy-xa-tan-phu-2025.md",
)


def listing(path: Path) -> tuple[str, list[dict[str, object]]]:
    doc = parse_file(path)
    rows = [
        {
            "where": f"{p.part} {p.article}.{p.clause}.{p.point}",
            "body": p.body,
            "act": p.act,
            "action": p.action,
            "condition": p.condition,
            "delegate_to": p.delegate_to,
            "references": [r.text for r in p.references if r.resolved],
        }
        for p in extract_powers(doc)
    ]
    return doc.id, rows


def main() -> None:
    for path in SOURCES:
        doc_id, rows = listing(path)
        text = json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
        (HERE / f"{doc_id}.json").write_text(text, encoding="utf-8")
        print(f"{doc_id}: {len(rows)} powers")


if __name__ == "__main__":
    main()
