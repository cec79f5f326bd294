"""``quyche eval``: retrieval metrics for the full pipeline and its baselines, then the
graded answers, as markdown tables; ``--json PATH`` keeps every item's details.

The regulations under ``eval/regulations`` are ingested together with the bundled
corpus. Everything runs in a fresh data home in a temp folder; embeddings are cached in
``--home`` (or ``~/.cache/quyche-eval``) so a second run does not re-embed.
"""

from __future__ import annotations

import argparse
import json
import logging
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from assistant.answer import Answerer
from eval.answers import AnswerOutcome, AnswerScores, ask_all, summarize, wrong_refusal
from eval.gold_set import CATEGORIES, GOLD_SETS, GoldItem, SplitChoice, load_gold
from eval.metrics import ItemOutcome, Scores, score
from eval.report import groups, pct, splits, table
from eval.retrieval import Indexes, build_indexes, run_system
from eval.systems import Answering, Pipeline, Plain, System
from eval.workspace import (
    chunks_of,
    go_offline,
    parse_sources,
    persistent_dir,
    source_files,
    temp_home,
)
from index.retrieve import DenseOnly, HybridRetriever, LexicalOnly
from ingest.settings import Settings

if TYPE_CHECKING:
    from assistant.service import Assistant

log = logging.getLogger(__name__)

FULL = "full pipeline"
# Grading every answer takes about 30 s once the embeddings are cached: on by default.
ANSWERS_BY_DEFAULT = True


class GroupScores(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    system: str
    split: str
    group: str
    scores: Scores


class RunReport(BaseModel):
    """Everything ``--json`` writes."""

    model_config = ConfigDict(extra="forbid")

    split: str
    retrieval: list[GroupScores] = Field(default_factory=list)
    retrieval_items: list[ItemOutcome] = Field(default_factory=list)
    answers: dict[str, AnswerScores] = Field(default_factory=dict)
    answer_items: list[AnswerOutcome] = Field(default_factory=list)
    answers_skipped: str = ""
    notes: list[str] = Field(default_factory=list)


# --- retrieval ------------------------------------------------------------------------


def retrieval_scores(
    items: Sequence[GoldItem], outcomes: Sequence[ItemOutcome]
) -> list[GroupScores]:
    by_key = {(o.system, o.item_id): o for o in outcomes}
    systems = list(dict.fromkeys(o.system for o in outcomes))
    out: list[GroupScores] = []
    for split_name, part in splits(items):
        for group_name, keep in groups(part):
            chosen = [i for i in part if keep(i) and i.expected]
            for system in systems:
                found = [by_key[(system, i.id)] for i in chosen if (system, i.id) in by_key]
                out.append(
                    GroupScores(
                        system=system, split=split_name, group=group_name, scores=score(found)
                    )
                )
    return out


def retrieval_tables(rows: Sequence[GroupScores]) -> str:
    overall = [r for r in rows if r.group == "all"]
    header = ["system", "split", "n", "R@1", "R@5", "MRR@10", "clause R@5", "cov@10"]
    body = [
        [
            r.system,
            r.split,
            str(r.scores.n),
            pct(r.scores.recall_1),
            pct(r.scores.recall_5),
            f"{r.scores.mrr_10:.3f}",
            pct(r.scores.clause_recall_5),
            pct(r.scores.coverage_10),
        ]
        for r in sorted(overall, key=lambda r: (r.split != "dev", r.split != "heldout"))
    ]
    parts = ["### Retrieval (article level unless marked; %)", table(header, body)]
    systems = list(dict.fromkeys(r.system for r in rows))
    for split_name in dict.fromkeys(r.split for r in rows):
        cells = {(r.group, r.system): r.scores for r in rows if r.split == split_name}
        group_names = list(dict.fromkeys(g for g, _ in cells))
        body = []
        for g in group_names:
            first = cells[(g, systems[0])]
            if first.n == 0:
                continue
            body.append(
                [g, str(first.n)]
                + [
                    f"{pct(s.recall_1)} / {pct(s.recall_5)} / {s.mrr_10:.2f} / {pct(s.clause_recall_5)}"
                    for s in (cells[(g, name)] for name in systems)
                ]
            )
        parts.append(f"\n#### Split {split_name}: R@1 / R@5 / MRR@10 / clause R@5 by group")
        parts.append(table(["group", "n", *systems], body))
    return "\n".join(parts)


# --- answers --------------------------------------------------------------------------


def answer_tables(
    items: Sequence[GoldItem], outcomes: dict[str, AnswerOutcome]
) -> tuple[str, dict[str, AnswerScores]]:
    header = [
        "split",
        "group",
        "n",
        "1st cite art.",
        "1st cite clause",
        "facts",
        "refusal P",
        "refusal R",
        "verbatim",
        "numeric",
        "p50 ms",
        "p95 ms",
    ]
    body: list[list[str]] = []
    summary: dict[str, AnswerScores] = {}
    for split_name, part in splits(items):
        for group_name, keep in groups(part):
            s = summarize([i for i in part if keep(i)], outcomes)
            if group_name == "all":
                summary[split_name] = s
            body.append(
                [
                    split_name,
                    group_name,
                    str(s.n),
                    pct(s.citation_article),
                    pct(s.citation_clause),
                    pct(s.facts),
                    pct(s.refusal_precision),
                    pct(s.refusal_recall),
                    pct(s.verbatim),
                    pct(s.numeric),
                    f"{s.p50_ms:.0f}",
                    f"{s.p95_ms:.0f}",
                ]
            )
    return "### Answers (%; latency of warm `Assistant.ask`)\n" + table(header, body), summary


def failing_ids(
    items: Sequence[GoldItem],
    retrieval: Sequence[ItemOutcome],
    answers: dict[str, AnswerOutcome],
    system: str,
) -> str:
    missed = {o.item_id for o in retrieval if o.system == system and (o.article_rank or 99) > 5}
    lines = [
        "### Failing ids",
        f"retrieval: {system}, no expected article in top 5; "
        "answers: wrong first citation, missing fact, non-verbatim quote or wrong refusal",
    ]
    for category in CATEGORIES:
        in_cat = [i for i in items if i.category == category]
        r = [i.id for i in in_cat if i.id in missed]
        a = [
            i.id
            for i in in_cat
            if i.id in answers and (answers[i.id].failed or wrong_refusal(i, answers[i.id]))
        ]
        if r or a:
            lines.append(f"- {category}: retrieval [{', '.join(r)}] · answers [{', '.join(a)}]")
    return "\n".join(lines)


# --- driver ---------------------------------------------------------------------------


def build_systems(
    indexes: Indexes, settings: Settings, baselines: bool, progress: bool
) -> list[System]:
    dense = indexes.vector is not None and indexes.embedder is not None
    hybrid = HybridRetriever(
        lexical=indexes.lexical,
        vector=indexes.vector,
        embedder=indexes.embedder,
        chunks=indexes.chunks,
    )
    answerer = Answerer(
        documents={d.id: d for d in indexes.documents},
        chunks=indexes.chunks,
        rules=[],
        retriever=hybrid,
        settings=settings,
    )
    systems: list[System] = [Answering(FULL, answerer)]
    if not baselines:
        return systems
    systems.append(Pipeline("hybrid + scope, no rerank", hybrid, indexes.documents))
    systems.append(Pipeline("hybrid, no scope", hybrid, indexes.documents, use_scope=False))
    systems.append(Plain("BM25 only", LexicalOnly(indexes.lexical, indexes.chunks)))
    if dense:
        assert indexes.vector is not None and indexes.embedder is not None
        systems.append(
            Plain("dense only", DenseOnly(indexes.vector, indexes.embedder, indexes.chunks))
        )
        from eval.llama_baseline import LlamaBaseline

        systems.append(
            LlamaBaseline(
                indexes.documents, indexes.chunks, indexes.embedder, show_progress=progress
            )
        )
    return systems


def open_assistant(settings: Settings, files: Sequence[Path]) -> Assistant:
    from assistant.service import Assistant

    ingest = Assistant.ingest_files(settings, files)
    if ingest.errors:
        log.warning("ingest errors: %s", "; ".join(ingest.errors))
    assistant = Assistant.open(settings)
    assistant.embed_pending()
    return assistant


def run_answers(
    settings: Settings,
    files: Sequence[Path],
    items: Sequence[GoldItem],
    texts: dict[str, str],
    progress: bool,
) -> dict[str, AnswerOutcome]:
    return ask_all(open_assistant(settings, files), items, texts, progress)


def main_robust(args: argparse.Namespace, items: Sequence[GoldItem]) -> int:
    """Originals and their variants, graded; no retrieval baselines."""
    from eval.robust import robust_table, run_robust

    progress = not getattr(args, "quiet", False)
    with temp_home(persistent_dir(getattr(args, "home", None))) as settings:
        files = source_files()
        texts = {d.id: d.text for d in parse_sources(files)}
        assistant = open_assistant(settings, files)
        original = ask_all(assistant, items, texts, progress)
        rows, outcomes = run_robust(assistant, items, texts, original, progress)
    print(robust_table(rows))
    if getattr(args, "json", None):
        report = {
            "rows": [r.model_dump() for r in rows],
            "original": [o.model_dump() for o in original.values()],
            "variants": [o.model_dump() for o in outcomes.values()],
        }
        Path(args.json).write_text(json.dumps(report, ensure_ascii=False, indent=1), "utf-8")
        print(f"\ndetails: {args.json}")
    return 0


def choose_split(value: object) -> SplitChoice:
    if value == "dev":
        return "dev"
    if value == "heldout":
        return "heldout"
    if value == "frozen":
        return "frozen"
    return "all"


def main(args: argparse.Namespace) -> int:
    go_offline()
    split = choose_split(getattr(args, "split", None))
    progress = not getattr(args, "quiet", False)
    items = list(load_gold(GOLD_SETS[getattr(args, "gold", None) or "team"]).select(split).items)
    if getattr(args, "robust", False):
        return main_robust(args, items)
    report = RunReport(split=split)
    persistent = persistent_dir(getattr(args, "home", None))
    with temp_home(persistent) as settings:
        files = source_files()
        documents = parse_sources(files)
        chunks = chunks_of(documents)
        started = time.perf_counter()
        indexes = build_indexes(settings, documents, chunks, progress)
        log.info("indexes ready in %.1f s", time.perf_counter() - started)
        systems = build_systems(
            indexes, settings, not getattr(args, "no_baselines", False), progress
        )
        for system in systems:
            report.retrieval_items += run_system(system, items, progress)
        report.retrieval = retrieval_scores(items, report.retrieval_items)
        print(retrieval_tables(report.retrieval))
        report.notes.append(
            "Out-of-scope items are excluded from retrieval metrics. Baselines get the "
            "question as typed (no history, no scope). llama-index nodes count for every "
            "clause they overlap."
        )
        print("\n" + report.notes[-1])
        answers: dict[str, AnswerOutcome] = {}
        if getattr(args, "answers", False) or ANSWERS_BY_DEFAULT:
            texts = {d.id: d.text for d in documents}
            try:
                answers = run_answers(settings, files, items, texts, progress)
            except Exception as exc:  # the answer module may be mid-rewrite: keep retrieval
                log.exception("answer evaluation failed")
                report.answers_skipped = f"{type(exc).__name__}: {exc}"
        if answers:
            text, report.answers = answer_tables(items, answers)
            report.answer_items = list(answers.values())
            print("\n" + text)
        elif report.answers_skipped:
            print(f"\n### Answers\nskipped: {report.answers_skipped}")
        print("\n" + failing_ids(items, report.retrieval_items, answers, FULL))
    if getattr(args, "json", None):
        Path(args.json).write_text(report.model_dump_json(indent=1), encoding="utf-8")
        print(f"\ndetails: {args.json}")
    return 0
