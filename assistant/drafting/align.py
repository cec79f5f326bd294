"""Alignment of provisions, not lines: articles paired by title and content, then the
clauses of each pair, by a global monotone alignment (Needleman–Wunsch over a similarity
score; an unpaired provision is a gap). The order is the prior: a pair that keeps the
relative position scores a little more, so renumbering, a left-out or an inserted article
move nothing else. Two consecutive model articles whose text one draft article contains
are a merge; one model article whose text two consecutive draft articles share, a split.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from assistant.drafting.models import ArticlePair, ClausePair, Provision
from assistant.drafting.similarity import (
    Weights,
    containment,
    cosine,
    novelty,
    title_similarity,
    without_number,
)
from ingest.models import Article

# A pair scores at least this (title and content together) to be a pair at all.
MIN_ARTICLE_SCORE = 0.30
MIN_CLAUSE_SCORE = 0.30
# An unpaired provision on each side scoring this much are one provision moved.
MOVED_SCORE = 0.75
TITLE_WEIGHT = 0.35
ORDER_PRIOR = 0.05
# Share of a model article's bigrams a draft article must hold to have taken it in.
MERGE_CONTAINMENT = 0.6
# ... and of those, the share the pair's own article does not already have.
MERGE_NOVELTY = 0.4
CLAUSE_GROUP_LIMIT = 6

# With an embedder, the content score is this much dense (cosine of the two articles'
# vectors) and the rest lexical.
DENSE_WEIGHT = 0.5
DENSE_CHARS = 2000  # an article's first characters are what the embedder reads

Score = Callable[[int, int], float]
# texts → one vector per text (the embedder's embed_passages)
Encode = Callable[[list[str]], Iterable[Iterable[float]]]
Step = tuple[int | None, int | None, float]


def monotone_align(n: int, m: int, score: Score, minimum: float) -> list[Step]:
    """The order-preserving pairing of ``n`` and ``m`` items that maximises the sum of
    (score − minimum) over its pairs; items left unpaired are gaps (cost 0)."""
    scores = [[score(i, j) for j in range(m)] for i in range(n)]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            options = [best[i + 1][j], best[i][j + 1]]
            if scores[i][j] >= minimum:
                options.append(best[i + 1][j + 1] + scores[i][j] - minimum)
            best[i][j] = max(options)
    steps: list[Step] = []
    i = j = 0
    while i < n and j < m:
        s = scores[i][j]
        if s >= minimum and best[i][j] == best[i + 1][j + 1] + s - minimum:
            steps.append((i, j, s))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            steps.append((i, None, 0.0))
            i += 1
        else:
            steps.append((None, j, 0.0))
            j += 1
    steps += [(k, None, 0.0) for k in range(i, n)]
    steps += [(None, k, 0.0) for k in range(j, m)]
    return steps


def pair_moved(steps: list[Step], score: Score, minimum: float) -> list[Step]:
    """Out of order: a provision left unpaired on each side, alike enough (``minimum``),
    is one provision moved, paired where the draft has it."""
    lone_model = [i for i, j, _ in steps if i is not None and j is None]
    lone_draft = [j for i, j, _ in steps if i is None and j is not None]
    candidates = sorted(
        ((score(i, j), i, j) for i in lone_model for j in lone_draft),
        key=lambda c: (-c[0], c[1], c[2]),
    )
    chosen: dict[int, tuple[int, float]] = {}  # draft index → (model index, score)
    taken: set[int] = set()
    for value, mi, dj in candidates:
        if value < minimum:
            break
        if mi in taken or dj in chosen:
            continue
        taken.add(mi)
        chosen[dj] = (mi, value)
    if not chosen:
        return steps
    out: list[Step] = []
    for step in steps:
        i, j, _ = step
        if i is not None and j is None and i in taken:
            continue
        if i is None and j is not None and j in chosen:
            out.append((chosen[j][0], j, chosen[j][1]))
            continue
        out.append(step)
    return out


def _prior(i: int, n: int, j: int, m: int) -> float:
    return ORDER_PRIOR * (1.0 - abs(i / max(n, 1) - j / max(m, 1)))


@dataclass(frozen=True)
class _ArticleView:
    article: Article
    body: str


def _body(article: Article) -> str:
    return "\n".join(without_number(c.text) for c in article.clauses)


def _dense(encode: Encode | None, views: list[_ArticleView]) -> list[dict[str, float]]:
    if encode is None or not views:
        return []
    texts = [f"{v.article.title}. {v.body}"[:DENSE_CHARS] for v in views]
    return [{str(k): float(x) for k, x in enumerate(row)} for row in encode(texts)]


def align_articles(
    model: Sequence[Article],
    draft: Sequence[Article],
    weights: Weights,
    encode: Encode | None = None,
) -> list[ArticlePair]:
    """Article pairs in document order (model order, a draft-only article where it falls).
    ``encode`` (an embedder's passages function) adds dense similarity to the lexical one.
    In a merge or split the pair's own article comes first, the one it took in second."""
    mv = [_ArticleView(a, _body(a)) for a in model]
    dv = [_ArticleView(a, _body(a)) for a in draft]
    m_vec = [weights.vector(v.body) for v in mv]
    d_vec = [weights.vector(v.body) for v in dv]
    m_dense, d_dense = _dense(encode, mv), _dense(encode, dv)

    def score(i: int, j: int) -> float:
        title = title_similarity(mv[i].article.title, dv[j].article.title)
        if not mv[i].body.strip() and not dv[j].body.strip():
            content = title
        else:
            content = cosine(m_vec[i], d_vec[j])
            if m_dense and d_dense:
                dense = cosine(m_dense[i], d_dense[j])
                content = (1 - DENSE_WEIGHT) * content + DENSE_WEIGHT * dense
        base = TITLE_WEIGHT * title + (1 - TITLE_WEIGHT) * content
        return base + _prior(i, len(mv), j, len(dv))

    steps = monotone_align(len(mv), len(dv), score, MIN_ARTICLE_SCORE)
    steps = pair_moved(steps, score, MOVED_SCORE)
    m_bodies, d_bodies = [v.body for v in mv], [v.body for v in dv]
    groups = absorb_neighbours(steps, m_bodies, d_bodies, limit=2)
    groups = absorb_distant(groups, m_bodies, d_bodies, limit=2)
    return [
        ArticlePair(
            model=tuple(mv[i].article.number for i in mi),
            draft=tuple(dv[j].article.number for j in dj),
            score=round(s, 4),
        )
        for mi, dj, s in groups
    ]


Group = tuple[list[int], list[int], float]


def absorb_neighbours(
    steps: list[Step], m_texts: list[str], d_texts: list[str], limit: int
) -> list[Group]:
    """Fold a one-sided gap into its neighbouring pair when the pair's other side holds the
    gap's text: a merge (model gap) or a split (draft gap), up to ``limit`` provisions on
    the side that grows. In a group the pair's own provision comes first."""
    merged: list[Group] = []
    for i, j, s in steps:
        group: Group = ([i] if i is not None else [], [j] if j is not None else [], s)
        previous = _last_pair(merged, model_side=i is not None)
        if previous and _absorbs(previous, group, m_texts, d_texts, limit):
            previous[0].extend(group[0])
            previous[1].extend(group[1])
            continue
        merged.append(group)
    # a gap before its pair (the gap came first in the steps): look ahead
    final = list(merged)
    k = 0
    while k < len(final):
        gap = final[k]
        ahead = None if gap[0] and gap[1] else _next_pair(final, k, model_side=bool(gap[0]))
        if ahead is not None and _absorbs(final[ahead], gap, m_texts, d_texts, limit):
            pair = final[ahead]
            final[ahead] = (pair[0] + gap[0], pair[1] + gap[1], pair[2])
            del final[k]
            continue
        k += 1
    return final


def absorb_distant(
    groups: list[Group], m_texts: list[str], d_texts: list[str], limit: int
) -> list[Group]:
    """A one-sided gap no neighbouring pair took in, whose text a pair elsewhere holds: a
    part of that pair's article the draft moved away (a split) or brought in from
    elsewhere (a merge), not an article left out and another added. The pair holding the
    most of it takes it."""
    out = list(groups)
    k = 0
    while k < len(out):
        gap = out[k]
        if gap[0] and gap[1]:
            k += 1
            continue
        holders = [
            (_held(pair, gap, m_texts, d_texts), index)
            for index, pair in enumerate(out)
            if _absorbs(pair, gap, m_texts, d_texts, limit)
        ]
        if not holders:
            k += 1
            continue
        _, index = max(holders)
        pair = out[index]
        out[index] = (pair[0] + gap[0], pair[1] + gap[1], pair[2])
        del out[k]
    return out


def _held(pair: Group, gap: Group, m_texts: list[str], d_texts: list[str]) -> float:
    if gap[0]:
        return containment(m_texts[gap[0][0]], d_texts[pair[1][0]])
    return containment(d_texts[gap[1][0]], m_texts[pair[0][0]])


def _next_pair(groups: list[Group], k: int, model_side: bool) -> int | None:
    for index in range(k + 1, len(groups)):
        group = groups[index]
        if group[0] and group[1]:
            return index
        if bool(group[0]) != model_side:
            return None
    return None


def _last_pair(groups: list[Group], model_side: bool) -> Group | None:
    """The last pair, over gaps on the same side (a model clause left out between the pair
    and a model clause it holds does not part them)."""
    for group in reversed(groups):
        if group[0] and group[1]:
            return group
        if bool(group[0]) != model_side:
            return None
    return None


def _absorbs(pair: Group, gap: Group, m_texts: list[str], d_texts: list[str], limit: int) -> bool:
    mi, dj, _ = pair
    gm, gd, _ = gap
    if not mi or not dj or (gm and gd) or not (gm or gd):
        return False
    if gm:
        if len(dj) != 1 or len(mi) >= limit:
            return False
        part, whole, own = m_texts[gm[0]], d_texts[dj[0]], "\n".join(m_texts[i] for i in mi)
    else:
        if len(mi) != 1 or len(dj) >= limit:
            return False
        part, whole, own = d_texts[gd[0]], m_texts[mi[0]], "\n".join(d_texts[j] for j in dj)
    if not part.strip() or containment(part, whole) < MERGE_CONTAINMENT:
        return False
    # what the gap brings must be its own, not what the pair already says (two
    # near-identical one-line articles are no merge)
    return novelty(part, whole, own) >= MERGE_NOVELTY


def align_clauses(
    model: Sequence[Provision], draft: Sequence[Provision], weights: Weights
) -> tuple[ClausePair, ...]:
    """The clauses of aligned articles, paired the same way."""
    m_vec = [weights.vector(without_number(p.text)) for p in model]
    d_vec = [weights.vector(without_number(p.text)) for p in draft]

    def score(i: int, j: int) -> float:
        return cosine(m_vec[i], d_vec[j]) + _prior(i, len(model), j, len(draft))

    steps = monotone_align(len(model), len(draft), score, MIN_CLAUSE_SCORE)
    steps = pair_moved(steps, score, MOVED_SCORE)
    texts_m = [without_number(p.text) for p in model]
    texts_d = [without_number(p.text) for p in draft]
    groups = absorb_neighbours(steps, texts_m, texts_d, limit=CLAUSE_GROUP_LIMIT)
    return tuple(
        ClausePair(
            model=_joined([model[i] for i in sorted(mi)]),
            draft=_joined([draft[j] for j in sorted(dj)]),
            score=round(s, 4),
        )
        for mi, dj, s in groups
    )


def _joined(provisions: list[Provision]) -> Provision | None:
    """Clauses one clause of the other side holds (a draft that merged or split clauses, or
    numbered them with a gap, which the parser reads as one) compared as one text."""
    if not provisions:
        return None
    if len(provisions) == 1:
        return provisions[0]
    first = provisions[0]
    return first.model_copy(
        update={
            "text": "\n".join(p.text for p in provisions),
            "also": tuple(p.clause for p in provisions[1:]),
        }
    )
