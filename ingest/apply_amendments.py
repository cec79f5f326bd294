"""Apply one regulation's amending decisions, instruction by instruction: an article,
clause or lettered point replaced, repealed or added; each changed article keeps its
versions, and the document is rebuilt around the new wording with offsets recomputed.
Which decisions amend which regulation is :mod:`ingest.consolidate`'s job.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ingest import structure as s
from ingest.amend import AmendingDecision, Instruction
from ingest.models import (
    AmendmentRef,
    Article,
    ArticleHistory,
    ArticleVersion,
    ChangeKind,
    Clause,
    Document,
    Part,
    Point,
)
from ingest.parse import content_hash
from ingest.rewrite import REPEALED, article_heading, parse_article, shift_article


@dataclass
class _State:
    """One article of the regulation while decisions are applied."""

    number: int
    suffix: str
    text: str
    base: Article  # the original (or, for an added article, the one it follows)
    original: bool
    versions: list[ArticleVersion] = field(default_factory=list)

    @property
    def key(self) -> tuple[int, str]:
        return (self.number, self.suffix)

    @property
    def repealed(self) -> bool:
        return bool(self.versions) and self.versions[-1].kind == "repealed"


def apply_amendments(
    regulation: Document, decisions: Sequence[AmendingDecision]
) -> tuple[Document, list[str]]:
    """The regulation with ``decisions`` applied in the order given, and notices for
    instructions whose target it lacks."""
    main = regulation.part(regulation.main_part)
    if main is None or not main.articles:
        return regulation, []
    original = _original_version(regulation)
    states = [
        _State(a.number, a.suffix, a.text, a, True, [original(a.text)]) for a in main.articles
    ]
    notices: list[str] = []
    for decision in decisions:
        ref = AmendmentRef(
            document_id=decision.document_id,
            number=decision.number,
            title=decision.title,
            date_issued=decision.date_issued,
            effective=decision.effective,
        )
        for instruction in decision.instructions:
            problem = _apply(states, instruction, ref)
            if problem:
                notices.append(f"{decision.number or decision.document_id}: {problem}")
    return _rebuild(regulation, main, states), notices


def _original_version(regulation: Document):  # type: ignore[no-untyped-def]
    def make(text: str) -> ArticleVersion:
        return ArticleVersion(text=text, kind="original", effective=regulation.meta.date_issued)

    return make


def _apply(states: list[_State], ins: Instruction, ref: AmendmentRef) -> str:
    """Apply one instruction in place; a one-line problem when it cannot be."""
    key = (ins.target.article, ins.target.suffix)
    state = next((st for st in states if st.key == key), None)
    label = ins.target.label
    if ins.op == "add" and ins.target.clause is None:
        if state is not None and not state.repealed:
            return f"{label} đã có trong quy chế; bỏ qua lệnh bổ sung"
        text = _with_heading(ins.text, key, "")
        if state is None:
            after = max((i for i, st in enumerate(states) if st.key < key), default=-1)
            base = states[after].base if after >= 0 else states[0].base
            state = _State(key[0], key[1], text, base, False)
            states.insert(after + 1, state)
        _record(state, text, "added", ref, "bổ sung")
        return ""
    if state is None or state.repealed:
        return f"quy chế không có {label} (hoặc đã bãi bỏ); bỏ qua"
    if ins.target.clause is None:
        if ins.op == "repeal":
            _record(state, article_heading(state.key, REPEALED), "repealed", ref, "bãi bỏ")
        else:
            text = _with_heading(ins.text, key, state.base.title)
            _record(state, text, "replaced", ref, "sửa đổi")
        return ""
    return _apply_to_clause(state, ins, ref)


def _apply_to_clause(state: _State, ins: Instruction, ref: AmendmentRef) -> str:
    number = ins.target.clause
    assert number is not None
    article = parse_article(state.text, state.key)
    clause = article.clause(number)
    if ins.target.point is not None:
        if clause is None:
            return (
                f"quy chế không có khoản {number} Điều {article.label}, "
                f"nên lệnh {_VERBS[ins.op]} {ins.target.label} chưa được áp dụng"
            )
        return _apply_to_point(state, article.text, clause, ins, ref)
    if ins.op == "add":
        if clause is not None:
            return f"{ins.target.label} đã có; bỏ qua lệnh bổ sung"
        later = [c for c in article.numbered_clauses if c.number is not None and c.number > number]
        at = later[0].start if later else len(state.text)
        new = _with_number(ins.text, number)
        text = f"{state.text[:at]}{new}\n{state.text[at:]}" if later else f"{state.text}\n{new}"
        _record(state, text.rstrip(), "replaced", ref, f"bổ sung khoản {number}")
        return ""
    if clause is None:
        return f"quy chế không có {ins.target.label}; bỏ qua"
    new = f"{number}. {REPEALED}" if ins.op == "repeal" else _with_number(ins.text, number)
    verb = "bãi bỏ" if ins.op == "repeal" else "sửa đổi"
    text = state.text[: clause.start] + new + state.text[clause.end :]
    _record(state, text, "replaced", ref, f"{verb} khoản {number}")
    return ""


_VERBS = {"replace": "sửa đổi", "repeal": "bãi bỏ", "add": "bổ sung"}
# Letters in the order points are lettered: the Vietnamese alphabet with f, j, w, z
# where the Latin one has them.
_LETTER_ORDER = "abcdđefghijklmnopqrstuvwxyz"


def _apply_to_point(
    state: _State, text: str, clause: Clause, ins: Instruction, ref: AmendmentRef
) -> str:
    """Replace, repeal or add a lettered point of ``clause`` (offsets into ``text``, the
    article as parsed): the clause's other lines stay as they are; a repealed point's
    lines go, an added point goes before the first point lettered after it."""
    letter = ins.target.point
    assert letter is not None and clause.number is not None
    letters = [p for p in clause.points if p.id in _LETTER_ORDER and len(p.id) == 1]
    point = next((p for p in letters if p.id == letter), None)
    change = f"{_VERBS[ins.op]} điểm {letter} khoản {clause.number}"
    if ins.op == "add":
        if point is not None:
            return f"{ins.target.label} đã có; bỏ qua lệnh bổ sung"
        new = _with_letter(ins.text, letter, text, letters)
        later = [p for p in letters if _LETTER_ORDER.index(p.id) > _LETTER_ORDER.index(letter)]
        if later:
            at = _line_start(text, later[0].start)
            edited = f"{text[:at]}{new}\n{text[at:]}"
        else:
            at = letters[-1].end if letters else clause.end
            edited = f"{text[:at]}\n{new}{text[at:]}"
    elif point is None:
        return (
            f"khoản {clause.number} Điều {state.number}{state.suffix} không có điểm {letter}, "
            f"nên lệnh {_VERBS[ins.op]} {ins.target.label} chưa được áp dụng"
        )
    elif ins.op == "repeal":
        start, end = _line_start(text, point.start), text.find("\n", point.end)
        if end == -1:  # the article's last line: the line break before it goes
            start, end = max(start - 1, 0), len(text)
        else:
            end += 1
        edited = text[:start] + text[end:]
    else:
        new = _with_letter(ins.text, letter, text, letters)
        edited = text[: point.start] + new.lstrip() + text[point.end :]
    _record(state, edited, "replaced", ref, change)
    return ""


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _with_letter(wording: str, letter: str, text: str, siblings: Sequence[Point]) -> str:
    """The new point's wording with its letter, marked and indented as its siblings are
    ("b) ", "b- "); wording that already starts with the letter is kept as written."""
    model = siblings[0] if siblings else None
    indent = text[_line_start(text, model.start) : model.start] if model else ""
    if re.match(rf"^[ \t]*{letter}[ \t]*[).-]", wording):
        body = wording
    else:
        found = s.LETTER_POINT.match(model.text) if model else None
        mark = found[0].strip()[-1] if found else ")"
        body = f"{letter}{mark} {wording}"
    return "\n".join(indent + line for line in body.split("\n"))


def _record(state: _State, text: str, kind: ChangeKind, ref: AmendmentRef, change: str) -> None:
    """One version per decision: a second change by the same decision updates it."""
    state.text = text
    last = state.versions[-1] if state.versions else None
    if last is not None and last.amended_by == ref:
        kind = "added" if last.kind == "added" and kind == "replaced" else kind
        change = f"{last.change}; {change}"
        state.versions[-1] = last.model_copy(update={"text": text, "kind": kind, "change": change})
        return
    state.versions.append(
        ArticleVersion(text=text, kind=kind, effective=ref.effective, amended_by=ref, change=change)
    )


_HEADING = re.compile(r"^[ \t]*(?:Điều|ĐIỀU)[ \t]+\d{1,3}[a-zđ]?\b", re.I)


def _with_heading(wording: str, key: tuple[int, str], title: str) -> str:
    if _HEADING.match(wording):
        return wording
    return f"{article_heading(key, title)}\n{wording}"


def _with_number(wording: str, number: int) -> str:
    if re.match(rf"^[ \t]*{number}[ \t]*[.)/-]", wording):
        return wording
    return f"{number}. {wording}"


def _rebuild(regulation: Document, main: Part, states: list[_State]) -> Document:
    """The consolidated document: the original text around the main part's articles,
    each article in its current wording, offsets recomputed."""
    text = regulation.text
    originals = {a.start: a for a in main.articles}
    first, last = main.articles[0], main.articles[-1]
    pieces = [text[: first.start]]
    articles: list[Article] = []
    previous_end: int | None = None
    for state in states:
        if state.original:
            if previous_end is not None:
                pieces.append(text[previous_end : state.base.start])
            previous_end = state.base.end
        else:
            pieces.append("\n\n")
        at = sum(len(p) for p in pieces)
        articles.append(_place(state, at, originals))
        pieces.append(articles[-1].text)
    delta = sum(len(p) for p in pieces) - last.end
    pieces.append(text[last.end :])
    new_text = "".join(pieces)
    parts = tuple(_rebuilt_part(p, main, articles, delta) for p in regulation.parts)
    history = tuple(
        ArticleHistory(number=st.number, suffix=st.suffix, versions=tuple(st.versions))
        for st in states
        if any(v.kind != "original" for v in st.versions)
    )
    return regulation.model_copy(
        update={
            "text": new_text,
            "content_hash": content_hash(new_text),
            "parts": parts,
            "history": history,
        }
    )


def _place(state: _State, at: int, originals: Mapping[int, Article]) -> Article:
    if state.original and len(state.versions) == 1:
        return shift_article(originals[state.base.start], at - state.base.start)
    article = parse_article(state.text, state.key, repealed=state.repealed)
    placed = shift_article(article, at)
    return placed.model_copy(
        update={
            "part": state.base.part,
            "chapter": state.base.chapter,
            "chapter_title": state.base.chapter_title,
            "section": state.base.section,
        }
    )


def _rebuilt_part(part: Part, main: Part, articles: list[Article], delta: int) -> Part:
    if part.id == main.id:
        return part.model_copy(update={"articles": tuple(articles)})
    if part.articles and part.articles[0].start > main.articles[-1].end:
        return part.model_copy(
            update={"articles": tuple(shift_article(a, delta) for a in part.articles)}
        )
    return part


__all__ = ["apply_amendments"]
