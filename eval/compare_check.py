"""Acceptance of ``quyche compare`` against the held-out drafts in eval/compare/.

Each key (eval/compare/key-*.json, written by a helper who never saw the aligner) lists
the deliberate departures of one draft from its model, with the kinds that would honestly
describe each, and the incidental differences (placeholders filled) that are no
departure. A departure is found when a reported difference has one of its kinds and
points at its place in the model or in the draft (same article; same clause when both
name one). A report that matches no departure and no incidental difference is false,
unless the draft's text bears it out (a model blank still blank where the key checked one
blank only), which is counted apart.

Run: ``python -m eval.compare_check`` (prints found/false per draft; exit 1 when a draft
misses the target: at least all but one departure found, at most two false reports).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from ingest.models import Document
from ingest.parse import parse_file
from ingest.rules.blanks import find_blanks

HERE = Path(__file__).resolve().parent / "compare"
ROOT = HERE.parent.parent
MAX_MISSED = 1
MAX_FALSE = 2


class Place(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    article: int
    clause: int | None = None


class Departure(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    id: str = ""
    kind: str = ""
    also_accept: tuple[str, ...] = ()
    model: Place | None = None
    draft: Place | None = None


class Reported(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    kind: str
    model: Place | None = None
    draft: Place | None = None


class DraftScore(BaseModel):
    model_config = ConfigDict(frozen=True)

    draft: str
    departures: int
    found: tuple[str, ...]
    missed: tuple[str, ...]
    reports: int
    false_reports: tuple[Reported, ...]
    # reports at no place of the key that the draft's own text bears out (a model blank
    # the draft leaves blank where the key lists only one): not counted as false
    verified: tuple[Reported, ...] = ()

    @property
    def passed(self) -> bool:
        return len(self.missed) <= MAX_MISSED and len(self.false_reports) <= MAX_FALSE


def _same_place(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None or a.article != b.article:
        return False
    return a.clause is None or b.clause is None or a.clause == b.clause


def points_at(report: Reported, entry: Departure) -> bool:
    return _same_place(report.model, entry.model) or _same_place(report.draft, entry.draft)


def score(
    key: dict, reports: Sequence[Reported], holds: Callable[[Reported], bool] = lambda _: False
) -> DraftScore:
    departures = [Departure.model_validate(d) for d in key["departures"]]
    incidental = [Departure.model_validate(d) for d in key.get("incidental", [])]
    found = [
        d.id
        for d in departures
        if any(r.kind in (d.kind, *d.also_accept) and points_at(r, d) for r in reports)
    ]
    unlisted = [
        r
        for r in reports
        if not any(points_at(r, d) for d in departures)
        and not any(points_at(r, i) for i in incidental)
    ]
    return DraftScore(
        draft=key["draft_file"],
        departures=len(departures),
        found=tuple(found),
        missed=tuple(d.id for d in departures if d.id not in found),
        reports=len(reports),
        false_reports=tuple(r for r in unlisted if not holds(r)),
        verified=tuple(r for r in unlisted if holds(r)),
    )


def blank_in_draft(draft: Document) -> Callable[[Reported], bool]:
    """Whether a "blank_left" report is borne out: the draft's article (or clause) it names
    still has a value blank (ingest.rules.blanks)."""

    def holds(report: Reported) -> bool:
        if report.kind != "blank_left" or report.draft is None:
            return False
        article = next((a for a in draft.articles if a.number == report.draft.article), None)
        if article is None:
            return False
        clause = article.clause(report.draft.clause) if report.draft.clause else None
        return bool(find_blanks(clause.text if clause is not None else article.text))

    return holds


def run_compare(draft: Path, model: Path) -> list[Reported]:
    quyche = Path(sys.executable).with_name("quyche")
    done = subprocess.run(
        [str(quyche), "compare", str(draft), "--with", str(model), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return [Reported.model_validate(d) for d in json.loads(done.stdout)]


def main() -> int:
    ok = True
    for key_file in sorted(HERE.glob("key-*.json")):
        key = json.loads(key_file.read_text(encoding="utf-8"))
        model = ROOT / "data" / "regulations" / Path(key["model_file"]).name
        draft = HERE / key["draft_file"]
        holds = blank_in_draft(parse_file(draft))
        result = score(key, run_compare(draft, model), holds)
        ok = ok and result.passed
        print(
            f"{result.draft}: {len(result.found)}/{result.departures} departures found, "
            f"{len(result.false_reports)} false of {result.reports} reports "
            f"({len(result.verified)} more borne out by the draft's text)"
            f" — {'đạt' if result.passed else 'CHƯA ĐẠT'}"
        )
        for report in result.false_reports:
            print(f"  false: {report.kind} model={report.model} draft={report.draft}")
        if result.missed:
            print(f"  missed: {', '.join(result.missed)}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
