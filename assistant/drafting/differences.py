"""Typed differences from an alignment: for each article pair, what is missing, added,
merged or split; for each clause pair, the domain checks (powers, rules, numbers, blanks,
references) and, when none of them explains a change of wording, ``reworded``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from assistant.drafting.checks import (
    Finding,
    blank_findings,
    changed_numbers,
    changed_rules,
    moved_powers,
    power_changes,
)
from assistant.drafting.incidental import incidental_only
from assistant.drafting.items import (
    clause_items,
    item_findings,
    new_items,
    powers_said,
    without_items,
)
from assistant.drafting.links import Here, broken_references, renumber_references
from assistant.drafting.models import ArticlePair, ClausePair, Difference, Place, Provision
from assistant.drafting.points import Pairs, at_points, paired_points, points_of, reordered
from assistant.drafting.side import Key, Side
from assistant.drafting.similarity import same_wording, without_number
from ingest.models import Point
from ingest.powers import Power

T = TypeVar("T")


@dataclass(frozen=True)
class Context:
    model: Side
    draft: Side
    moved_to: Mapping[int, Sequence[int]]  # model article → aligned draft articles
    clause_to: Mapping[Key, Sequence[Key]] = field(default_factory=dict)  # ... clause → clauses

    def broken(
        self, model_text: str | None, draft_text: str, here: Here = (None, None)
    ) -> list[Finding]:
        """The draft text's references checked against the draft and the alignment;
        ``here``: the articles the texts are in (for "khoản N Điều này")."""
        return broken_references(
            model_text,
            draft_text,
            self.draft.doc,
            self.draft.part,
            self.moved_to,
            self.clause_to,
            here,
        )

    def renumbered(self, model_text: str, here: Here = (None, None)) -> str:
        return renumber_references(model_text, self.moved_to, self.clause_to, here)

    def difference(
        self,
        finding: Finding,
        model: Place | None,
        draft: Place | None,
        model_text: str = "",
        draft_text: str = "",
    ) -> Difference:
        return Difference(
            kind=finding.kind,
            model=model,
            draft=draft,
            old=finding.old,
            new=finding.new,
            model_cite_as=self.model.cite(model, finding.model_point),
            draft_cite_as=self.draft.cite(draft, finding.draft_point),
            detail=finding.detail,
            model_text=model_text,
            draft_text=draft_text,
        )


def _heading(side: Side, number: int) -> str:
    article = side.article(number)
    return f"Điều {article.label}. {article.title}" if article is not None else f"Điều {number}"


def _text(side: Side, number: int) -> str:
    article = side.article(number)
    return article.text if article is not None else ""


def article_differences(ctx: Context, pair: ArticlePair) -> list[Difference]:
    """What the pair as a whole says: left out, added, merged, split, retitled."""
    m, d = ctx.model, ctx.draft
    if not pair.draft:
        number = pair.model[0]
        heading = _heading(m, number)
        finding = Finding("missing_in_draft", heading, "", f"Dự thảo bỏ {heading}.")
        return [ctx.difference(finding, Place(article=number), None, _text(m, number))]
    if not pair.model:
        number = pair.draft[0]
        heading = _heading(d, number)
        finding = Finding("added_in_draft", "", heading, f"Dự thảo thêm {heading}.")
        place = Place(article=number)
        found = [ctx.difference(finding, None, place, "", _text(d, number))]
        return found + _added_references(ctx, number)
    if len(pair.model) == 2:
        kept, away = pair.model
        into = pair.draft[0]
        detail = f"Điều {away} của mẫu được gộp vào Điều {into} của dự thảo (cùng Điều {kept})."
        finding = Finding("merged", _heading(m, away), _heading(d, into), detail)
        return [ctx.difference(finding, Place(article=away), Place(article=into))]
    if len(pair.draft) == 2:
        source, extra = pair.model[0], pair.draft[1]
        detail = f"Điều {source} của mẫu được tách, một phần thành Điều {extra} của dự thảo."
        finding = Finding("split", _heading(m, source), _heading(d, extra), detail)
        return [ctx.difference(finding, Place(article=source), Place(article=extra))]
    return _retitled(ctx, pair.model[0], pair.draft[0])


def _added_references(ctx: Context, number: int) -> list[Difference]:
    """References of an article the draft adds that point to nothing in the draft."""
    article = ctx.draft.article(number)
    if article is None:
        return []
    return [
        ctx.difference(f, None, Place(article=number, clause=c.number), "", c.text)
        for c in article.clauses
        for f in ctx.broken(None, c.text, (None, number))
    ]


def _retitled(ctx: Context, model_number: int, draft_number: int) -> list[Difference]:
    old_article, new_article = ctx.model.article(model_number), ctx.draft.article(draft_number)
    if old_article is None or new_article is None:
        return []
    if _same(ctx, old_article.title, new_article.title):
        return []
    finding = Finding("reworded", old_article.title, new_article.title, "Tên điều được viết lại.")
    return [ctx.difference(finding, Place(article=model_number), Place(article=draft_number))]


def clause_differences(ctx: Context, pair: ClausePair) -> list[Difference]:
    mp, dp = pair.model, pair.draft
    if mp is None and dp is None:
        return []
    if dp is None:
        assert mp is not None
        where = ctx.moved_to.get(mp.article) or ()
        draft = Place(article=where[0]) if where else None
        detail = _with_powers("Dự thảo bỏ khoản này của mẫu", _of(ctx.model.powers, mp))
        finding = Finding("missing_in_draft", mp.text, "", detail)
        return [
            ctx.difference(finding, Place(article=mp.article, clause=mp.clause), draft, mp.text)
        ]
    draft_place = Place(article=dp.article, clause=dp.clause)
    if mp is None:
        findings = ctx.broken(None, dp.text, (None, dp.article))
        model_article = _model_article_of(ctx, dp.article)
        model = Place(article=model_article) if model_article is not None else None
        detail = _with_powers("Dự thảo thêm khoản này", _of(ctx.draft.powers, dp))
        added = Finding("added_in_draft", "", dp.text, detail)
        return [ctx.difference(f, model, draft_place, "", dp.text) for f in [added, *findings]]
    model_place = Place(article=mp.article, clause=mp.clause)
    findings = _clause_findings(ctx, mp, dp)
    return [ctx.difference(f, model_place, draft_place, mp.text, dp.text) for f in findings]


def _with_powers(said: str, powers: Sequence[Power]) -> str:
    """The sentence, naming the powers the clause gives (the table of powers), if any."""
    return f"{said}, giao quyền: {powers_said(powers)}." if powers else f"{said}."


def _model_article_of(ctx: Context, draft_article: int) -> int | None:
    return next((m for m, ds in ctx.moved_to.items() if draft_article in ds), None)


def _of(table: Mapping[tuple[int, int | None], list[T]], p: Provision) -> list[T]:
    """The records of a provision (of each clause joined into it)."""
    return [r for clause in (p.clause, *p.also) for r in table.get((p.article, clause), [])]


def _clause_findings(ctx: Context, mp: Provision, dp: Provision) -> list[Finding]:
    m_points, d_points = points_of(ctx.model, mp), points_of(ctx.draft, dp)
    pairs = paired_points(m_points, d_points)
    return at_points(_findings(ctx, mp, dp, (m_points, d_points, pairs)), pairs)


def _findings(
    ctx: Context,
    mp: Provision,
    dp: Provision,
    points: tuple[Sequence[Point], Sequence[Point], Pairs],
) -> list[Finding]:
    m_text, d_text = mp.text, dp.text
    here = (mp.article, dp.article)
    findings = blank_findings(m_text, d_text)
    findings += ctx.broken(m_text, d_text, here)
    expected = ctx.renumbered(m_text, here)
    if same_wording(expected, d_text):
        return findings
    moved = reordered(expected, d_text, *points)
    if moved is not None:
        return findings + moved
    m_powers, d_powers = _of(ctx.model.powers, mp), _of(ctx.draft.powers, dp)
    powers = moved_powers(m_powers, d_powers)
    rules = changed_rules(_of(ctx.model.rules, mp), _of(ctx.draft.rules, dp))
    numbers = changed_numbers(without_number(expected), without_number(d_text), rules)
    new = new_items(clause_items(ctx.model, mp), clause_items(ctx.draft, dp), m_text, d_text)
    findings = powers + rules + numbers + findings
    explained = [f for f in findings if f.kind != "blank_left"]
    findings = item_findings(new) + findings
    rest_m = ctx.renumbered(without_items(m_text, new.dropped), here)
    rest_d = without_items(d_text, new.added)
    if not explained and not _same(ctx, rest_m, rest_d):
        taken = {p.id for i in (*new.dropped, *new.added) for p in i.powers}
        m_left = [p for p in m_powers if p.id not in taken]
        d_left = [p for p in d_powers if p.id not in taken]
        detail = " ".join(["Khoản được viết lại.", *power_changes(m_left, d_left)])
        findings.append(Finding("reworded", m_text, d_text, detail))
    return findings


def _same(ctx: Context, model_text: str, draft_text: str) -> bool:
    """The same wording, or changes that say the same thing (incidental.py)."""
    return same_wording(model_text, draft_text) or incidental_only(
        model_text, draft_text, ctx.model.heading, ctx.draft.heading
    )


def _is_instruction(text: str) -> bool:
    """A model's note to the drafter in place of provisions: "(Cụ thể hóa theo Điều 2 ...)"."""
    stripped = without_number(text).strip().rstrip(".;")
    return stripped.startswith("(") and stripped.endswith(")")


def instruction_filled(ctx: Context, clauses: Sequence[ClausePair]) -> list[Difference] | None:
    """A model article that only tells the drafter what to write, and the draft's clauses
    written in its place: one ``blank_filled`` for the article (and any reference of the
    new clauses that points to nothing), not one difference per clause. None when the
    article is not such a case."""
    model_side = [p.model for p in clauses if p.model is not None]
    if not model_side or not all(_is_instruction(p.text) for p in model_side):
        return None
    if any(p.model is not None and p.draft is not None for p in clauses):
        return None
    written = [p.draft for p in clauses if p.draft is not None]
    if not written:
        return None
    first = model_side[0]
    model = Place(article=first.article)
    draft = Place(article=written[0].article)
    count = len(written)
    new = f"{count} khoản" if written[0].clause is not None else "nội dung của điều"
    finding = Finding(
        "blank_filled",
        first.text.strip(),
        new,
        f"Dự thảo viết cụ thể nội dung mẫu để ngỏ ({new}).",
    )
    text = "\n".join(p.text for p in written)
    found = [ctx.difference(finding, model, draft, first.text, text)]
    for p in written:
        place = Place(article=p.article, clause=p.clause)
        for f in ctx.broken(None, p.text, (None, p.article)):
            found.append(ctx.difference(f, None, place, "", p.text))
    return found
