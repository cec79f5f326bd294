"""compare(model, draft): the alignment and the differences of a draft against its model.

Reads the two documents only (powers and rules are extracted afresh from each, in memory):
nothing ingested is read or written here.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.drafting.align import Encode, align_articles, align_clauses
from assistant.drafting.differences import (
    Context,
    article_differences,
    clause_differences,
    instruction_filled,
)
from assistant.drafting.models import (
    ArticlePair,
    ClausePair,
    Comparison,
    Difference,
    PairStatus,
    Place,
    Provision,
)
from assistant.drafting.moves import with_moves
from assistant.drafting.side import Key, Side
from assistant.drafting.similarity import Weights, without_number
from ingest.models import Article, Document


def _provisions(articles: Sequence[Article]) -> list[Provision]:
    return [
        Provision(article=a.number, article_label=a.label, clause=c.number, text=c.text)
        for a in articles
        for c in a.clauses
    ]


def _pick(side: Side, numbers: Sequence[int]) -> list[Article]:
    return [a for n in numbers if (a := side.article(n)) is not None]


def compare(model: Document, draft: Document, encode: Encode | None = None) -> Comparison:
    """``encode``: an embedder's passages function, for dense similarity of articles (off by
    default: the comparison is lexical, deterministic and takes about a second)."""
    m, d = Side.of(model), Side.of(draft)
    weights = Weights(
        [without_number(c.text) for a in (*m.articles, *d.articles) for c in a.clauses]
    )
    pairs = align_articles(m.articles, d.articles, weights, encode)
    moved_to = {n: list(p.draft) for p in pairs for n in p.model}
    aligned = [_clauses(m, d, pair, weights) for pair in pairs]
    ctx = Context(m, d, moved_to, clause_targets(aligned))
    built: list[ArticlePair] = []
    differences: list[Difference] = []
    for pair, clauses in zip(pairs, aligned, strict=True):
        found = article_differences(ctx, pair)
        filled = instruction_filled(ctx, clauses)
        if filled is not None:
            found += filled
        else:
            for clause_pair in clauses:
                found += clause_differences(ctx, clause_pair)
        differences += found
        update = {"clauses": clauses, "status": _status(pair, found)}
        built.append(
            pair.model_copy(
                update=update
                | _described(m, "model", pair.model)
                | _described(d, "draft", pair.draft)
            )
        )
    differences = with_moves(m, d, built, differences)
    renumbered = _renumbered(ctx, built)
    identical = not renumbered and _a_copy(built, differences)
    if identical:
        differences = []  # an unchanged copy: its blanks are the model's own, no departure
    return Comparison(
        model_id=model.id,
        model_title=model.meta.title or model.source_file,
        draft_id=draft.id,
        draft_title=draft.meta.title or draft.source_file,
        pairs=tuple(built),
        differences=tuple(_in_order(renumbered + differences)),
        identical=identical,
    )


def _clauses(m: Side, d: Side, pair: ArticlePair, weights: Weights) -> tuple[ClausePair, ...]:
    """The pair's clauses aligned, its articles in document order (so that their clauses
    follow each other)."""
    if not pair.model or not pair.draft:
        return ()
    return align_clauses(
        _provisions(_pick(m, sorted(pair.model))),
        _provisions(_pick(d, sorted(pair.draft))),
        weights,
    )


def clause_targets(aligned: Sequence[Sequence[ClausePair]]) -> dict[Key, list[Key]]:
    """Each model clause → the draft clauses aligned to it (empty: left out), for the
    references that name a clause."""
    out: dict[Key, list[Key]] = {}
    for clauses in aligned:
        for pair in clauses:
            if pair.model is None:
                continue
            mp, dp = pair.model, pair.draft
            draft = [(dp.article, c) for c in (dp.clause, *dp.also)] if dp is not None else []
            for clause in (mp.clause, *mp.also):
                out[(mp.article, clause)] = draft
    return out


def _described(side: Side, name: str, numbers: Sequence[int]) -> dict[str, str]:
    """Headings, citation and text of a pair's articles on one side."""
    articles = _pick(side, sorted(numbers))
    if not articles:
        return {}
    first = articles[0]
    return {
        f"{name}_heading": " + ".join(f"Điều {a.label}. {a.title}" for a in articles),
        f"{name}_cite_as": side.cite(Place(article=first.number)),
        f"{name}_text": "\n".join(a.text for a in articles),
    }


def _a_copy(pairs: Sequence[ArticlePair], differences: Sequence[Difference]) -> bool:
    """Every article paired one to one and nothing but the model's blanks, still blank."""
    one_to_one = all(len(p.model) == 1 and len(p.draft) == 1 for p in pairs)
    return one_to_one and all(d.kind == "blank_left" for d in differences)


def _status(pair: ArticlePair, found: list[Difference]) -> PairStatus:
    if not pair.draft:
        return "only_in_model"
    if not pair.model:
        return "only_in_draft"
    kinds = {f.kind for f in found} - {"blank_left"}  # a blank kept: the same wording
    if not kinds:
        return "same"
    return "reworded" if kinds == {"reworded"} else "changed"


def _renumbered(ctx: Context, pairs: Sequence[ArticlePair]) -> list[Difference]:
    """One difference per run of consecutive aligned articles shifted by the same amount."""
    out: list[Difference] = []
    run: list[tuple[int, int]] = []
    shift = 0

    def close() -> None:
        if run and shift:
            (first_model, first_draft), (last_model, last_draft) = run[0], run[-1]
            count = len(run)
            old = f"Điều {first_model}" + (f"–{last_model}" if count > 1 else "")
            new = f"Điều {first_draft}" + (f"–{last_draft}" if count > 1 else "")
            detail = f"{count} điều được đánh số lại: {old} của mẫu thành {new} của dự thảo."
            out.append(
                Difference(
                    kind="renumbered",
                    model=Place(article=first_model),
                    draft=Place(article=first_draft),
                    old=f"Điều {first_model}",
                    new=f"Điều {first_draft}",
                    model_cite_as=ctx.model.cite(Place(article=first_model)),
                    draft_cite_as=ctx.draft.cite(Place(article=first_draft)),
                    detail=detail,
                    count=count,
                )
            )

    for pair in pairs:
        if not pair.model or not pair.draft:
            continue
        m_number, d_number = pair.model[0], pair.draft[0]
        offset = d_number - m_number
        if offset != shift:
            close()
            run, shift = [], offset
        run.append((m_number, d_number))
    close()
    return out


def _in_order(differences: list[Difference]) -> list[Difference]:
    """In the draft's order: by the draft article (a model-only one where it fell)."""
    renumbered = [x for x in differences if x.kind == "renumbered"]
    rest = [x for x in differences if x.kind != "renumbered"]
    ordered: list[Difference] = []
    for diff in rest:
        place = diff.draft or diff.model
        while renumbered and place is not None and _before(renumbered[0], diff):
            ordered.append(renumbered.pop(0))
        ordered.append(diff)
    return ordered + renumbered


def _before(renumber: Difference, diff: Difference) -> bool:
    assert renumber.model is not None
    if diff.model is not None:
        return renumber.model.article <= diff.model.article
    assert renumber.draft is not None and diff.draft is not None
    return renumber.draft.article <= diff.draft.article
