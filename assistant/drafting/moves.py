"""Powers moved across clauses: a power the draft drops in one place and gives, with the
same act and action, to another body somewhere else ("quyết định khen thưởng tập thể" taken
from the Thường trực's article and written into the Bí thư's). Within one clause
checks.moved_powers finds it; here the rest of the document is searched."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from assistant.drafting.checks import counts, same_power
from assistant.drafting.models import ArticlePair, Difference, Place, Provision
from assistant.drafting.side import Side
from assistant.drafting.similarity import cosine
from ingest.normalize import fold
from ingest.powers import ACT_LABELS, Power

# The same action, said again elsewhere: closer than within a clause, and not a few words.
SAME_ACTION_ELSEWHERE = 0.6
MIN_ACTION_WORDS = 3


def _powers(side: Side, provision: Provision | None) -> list[Power]:
    if provision is None:
        return []
    keys = [(provision.article, c) for c in (provision.clause, *provision.also)]
    return [p for key in keys for p in side.powers.get(key, [])]


def _article_powers(side: Side, number: int) -> list[Power]:
    return [p for (article, _), ps in side.powers.items() if article == number for p in ps]


def _unmatched(ours: list[Power], theirs: list[Power]) -> list[Power]:
    """Powers with no counterpart of the same act on the other side (a counterpart with
    another body is a move within the clause, found there)."""
    return [
        p
        for p in ours
        if not any(same_power(p, q) or (p.act == q.act and _alike(p, q)) for q in theirs)
    ]


def _alike(p: Power, q: Power, minimum: float = 0.5) -> bool:
    return cosine(counts(p.action), counts(q.action)) >= minimum


def _lost_and_gained(
    model: Side, draft: Side, pairs: Sequence[ArticlePair]
) -> tuple[list[Power], list[Power]]:
    lost: list[Power] = []
    gained: list[Power] = []
    for pair in pairs:
        if not pair.draft:
            lost += [p for n in pair.model for p in _article_powers(model, n)]
        elif not pair.model:
            gained += [p for n in pair.draft for p in _article_powers(draft, n)]
        for clause in pair.clauses:
            ours, theirs = _powers(model, clause.model), _powers(draft, clause.draft)
            lost += _unmatched(ours, theirs)
            gained += _unmatched(theirs, ours)
    return lost, gained


def _candidates(lost: list[Power], gained: list[Power]) -> Iterator[tuple[float, int, int]]:
    for i, p in enumerate(lost):
        if len(p.action.split()) < MIN_ACTION_WORDS:
            continue
        for j, q in enumerate(gained):
            if p.act != q.act or fold(p.body) == fold(q.body):
                continue
            score = cosine(counts(p.action), counts(q.action))
            if score >= SAME_ACTION_ELSEWHERE:
                yield score, i, j


def moved_across(
    model: Side, draft: Side, pairs: Sequence[ArticlePair]
) -> list[tuple[Power, Power]]:
    """(model power, draft power) pairs: the same act and action, another body, another
    place; each power in one pair at most, the closest first."""
    lost, gained = _lost_and_gained(model, draft, pairs)
    used_lost: set[int] = set()
    used_gained: set[int] = set()
    found = []
    for _, i, j in sorted(_candidates(lost, gained), key=lambda c: (-c[0], c[1], c[2])):
        if i in used_lost or j in used_gained:
            continue
        used_lost.add(i)
        used_gained.add(j)
        found.append((lost[i], gained[j]))
    return found


def moved_difference(model: Side, draft: Side, p: Power, q: Power) -> Difference:
    m_place = Place(article=p.article, clause=p.clause)
    d_place = Place(article=q.article, clause=q.clause)
    m_clause, d_clause = model.clause(m_place), draft.clause(d_place)
    act = ACT_LABELS.get(p.act, p.act)
    return Difference(
        kind="power_moved",
        model=m_place,
        draft=d_place,
        old=p.body,
        new=q.body,
        model_cite_as=model.cite(m_place),
        draft_cite_as=draft.cite(d_place),
        detail=(
            f"Quyền {act} “{p.action}” chuyển từ {p.body} ({_words(m_place)} của mẫu) "
            f"sang {q.body} ({_words(d_place)} của dự thảo)."
        ),
        model_text=m_clause.text if m_clause is not None else p.quote,
        draft_text=d_clause.text if d_clause is not None else q.quote,
    )


def _words(place: Place) -> str:
    clause = f"khoản {place.clause} " if place.clause is not None else ""
    return f"{clause}Điều {place.article}"


def _explained(d: Difference, moved: Difference, p: Power, q: Power) -> bool:
    """A difference the move says: the rewording of either clause, or the item (a point
    or a sentence of an aligned clause) that lost or gained the power."""
    if d.kind == "reworded":
        return d.model == moved.model or d.draft == moved.draft
    if d.model is None or d.draft is None or d.model.clause is None or d.draft.clause is None:
        return False  # a whole clause or article on one side says more than the move
    if d.kind == "missing_in_draft":
        return d.model == moved.model and p.quote in d.old
    return d.kind == "added_in_draft" and d.draft == moved.draft and q.quote in d.new


def with_moves(
    model: Side, draft: Side, pairs: Sequence[ArticlePair], differences: list[Difference]
) -> list[Difference]:
    """The differences with each power moved across clauses added where the first
    difference it explains was (the rewording of the clause it left or went to, or the
    item that lost or gained it; those are dropped)."""
    out = list(differences)
    for p, q in moved_across(model, draft, pairs):
        moved = moved_difference(model, draft, p, q)
        explained = [k for k, d in enumerate(out) if _explained(d, moved, p, q)]
        at = explained[0] if explained else len(out)
        out = [d for k, d in enumerate(out) if k not in explained]
        out.insert(min(at, len(out)), moved)
    return out
