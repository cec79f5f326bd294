"""References in the draft checked against the alignment: one that points to an article,
clause or point the draft lacks, or to another article or clause than the one the model's
reference names once renumbered ("khoản 3 Điều 5" kept after that clause became khoản 2
Điều 6): the draft renumbered and the reference was not updated."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from assistant.drafting.checks import Finding
from assistant.drafting.refs import own_references
from ingest.models import Document
from ingest.references import TextReference, resolve

_DIGITS = re.compile(r"\d+")

Key = tuple[int, int | None]
Here = tuple[int | None, int | None]  # the model's and the draft's article
NO_CLAUSES: Mapping[Key, Sequence[Key]] = {}


def _is_here(ref: TextReference) -> bool:
    """Written as "khoản N Điều này" (no article number)."""
    return len(_DIGITS.findall(ref.text)) == 1 and ref.clause is not None


def _words(article: int, clause: int | None = None, point: str | None = None) -> str:
    said = f"Điều {article}"
    if clause is not None:
        said = f"khoản {clause} {said}"
    return f"điểm {point} {said}" if point else said


def _missing(draft_doc: Document, part: str, ref: TextReference) -> bool:
    """The draft has no such article, clause or point."""
    found = resolve(draft_doc, part, ref)
    if found is None:
        return True
    return ref.point is not None and found.clause is not None and found.point is None


def broken_references(
    model_text: str | None,
    draft_text: str,
    draft_doc: Document,
    part: str,
    moved_to: Mapping[int, Sequence[int]],
    clause_to: Mapping[Key, Sequence[Key]] = NO_CLAUSES,
    here: Here = (None, None),
) -> list[Finding]:
    """``moved_to``: each model article number → the draft article numbers aligned to it
    (empty when the draft left it out); ``clause_to`` the same for each model clause;
    ``here`` the articles the two texts are in."""
    drafts = own_references(draft_text, here[1])
    models = own_references(model_text, here[0]) if model_text is not None else []
    paired = len(models) == len(drafts)
    found: list[Finding] = []
    for k, ref in enumerate(drafts):
        counterpart = models[k] if paired else None
        old = counterpart.text if counterpart is not None else ""
        elsewhere = "" if counterpart is None else _elsewhere(counterpart, ref, moved_to, clause_to)
        if _missing(draft_doc, part, ref):
            where = _words(ref.article, ref.clause, ref.point)
            detail = f"Dẫn chiếu tới {where}: dự thảo không có."
            detail += f" {elsewhere}" if elsewhere else ""
            found.append(Finding("reference_broken", old, ref.text, detail))
            continue
        detail = elsewhere
        if detail:
            found.append(Finding("reference_broken", old, ref.text, detail))
    return found


def _elsewhere(
    model: TextReference,
    ref: TextReference,
    moved_to: Mapping[int, Sequence[int]],
    clause_to: Mapping[Key, Sequence[Key]],
) -> str:
    """Why the draft's reference no longer names what the model's named ("" if it does):
    checked down to the clause when both name one, else at the article."""
    said = _words(ref.article, ref.clause)
    clause_key = (model.article, model.clause)
    if model.clause is not None and ref.clause is not None and clause_key in clause_to:
        clauses = clause_to[clause_key]
        if (ref.article, ref.clause) in clauses:
            return ""
        was = _words(model.article, model.clause)
        if not clauses:
            return f"Mẫu dẫn chiếu {was}, khoản này không còn trong dự thảo."
        now = ", ".join(_words(a, c) for a, c in clauses)
        return f"Mẫu dẫn chiếu {was}, nay là {now} của dự thảo; dự thảo dẫn chiếu {said}."
    if model.article not in moved_to:
        return ""
    targets = moved_to[model.article]
    if ref.article in targets:
        return ""
    if not targets:
        return f"Mẫu dẫn chiếu Điều {model.article}, điều này không còn trong dự thảo."
    now = ", ".join(f"Điều {t}" for t in targets)
    return (
        f"Mẫu dẫn chiếu Điều {model.article}, nay là {now} của dự thảo; dự thảo dẫn chiếu {said}."
    )


def renumber_references(
    model_text: str,
    moved_to: Mapping[int, Sequence[int]],
    clause_to: Mapping[Key, Sequence[Key]] = NO_CLAUSES,
    here: Here = (None, None),
) -> str:
    """The model text with each reference's numbers replaced by the draft's numbers for
    what it names, so a correctly updated reference is no rewording ("khoản N Điều này"
    only while the clause stays in the draft's article)."""
    out = model_text
    for ref in reversed(own_references(model_text, here[0])):
        clauses = clause_to.get((ref.article, ref.clause)) if ref.clause is not None else None
        article: int
        clause: int | None
        if clauses and clauses[0][1] is not None:
            article, clause = clauses[0]
        else:
            targets = moved_to.get(ref.article)
            if not targets:
                continue
            article, clause = targets[0], ref.clause
        span = out[ref.start : ref.end]
        digits = list(_DIGITS.finditer(span))
        if not digits:
            continue
        # the article number comes last, the clause's before it (after "khoản")
        numbers = (
            [str(article)] if clause is None or len(digits) < 2 else [str(clause), str(article)]
        )
        if _is_here(ref):
            if article != here[1] or clause is None:
                continue
            numbers = [str(clause)]
        for match, number in zip(reversed(digits), reversed(numbers), strict=False):
            span = span[: match.start()] + number + span[match.end() :]
        out = out[: ref.start] + span + out[ref.end :]
    return out
