"""References in the draft checked against the alignment: one that points to an article
(or clause) the draft lacks, or to an article other than the one the model's reference
names once renumbered ("Điều 5" kept after Điều 5 became Điều 6)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from assistant.drafting.checks import Finding
from ingest.models import Document
from ingest.references import TextReference, find_references, resolve

_DIGITS = re.compile(r"\d+")


def own_references(text: str) -> list[TextReference]:
    """References to this document (none to another document's articles)."""
    return [r for r in find_references(text) if not r.other_document]


def broken_references(
    model_text: str | None,
    draft_text: str,
    draft_doc: Document,
    part: str,
    moved_to: Mapping[int, Sequence[int]],
) -> list[Finding]:
    """``moved_to``: each model article number → the draft article numbers aligned to it
    (empty when the draft left it out)."""
    drafts = own_references(draft_text)
    models = own_references(model_text) if model_text is not None else []
    paired = len(models) == len(drafts)
    found: list[Finding] = []
    for k, ref in enumerate(drafts):
        counterpart = models[k] if paired else None
        old = counterpart.text if counterpart is not None else ""
        if resolve(draft_doc, part, ref) is None:
            where = (
                f"khoản {ref.clause} Điều {ref.article}" if ref.clause else f"Điều {ref.article}"
            )
            found.append(
                Finding(
                    "reference_broken", old, ref.text, f"Dẫn chiếu tới {where}: dự thảo không có."
                )
            )
            continue
        if counterpart is None or counterpart.article not in moved_to:
            continue
        targets = moved_to[counterpart.article]
        if ref.article in targets:
            continue
        if targets:
            now = ", ".join(f"Điều {t}" for t in targets)
            detail = f"Mẫu dẫn chiếu Điều {counterpart.article}, nay là {now} của dự thảo; dự thảo dẫn chiếu Điều {ref.article}."
        else:
            detail = f"Mẫu dẫn chiếu Điều {counterpart.article}, điều này không còn trong dự thảo."
        found.append(Finding("reference_broken", old, ref.text, detail))
    return found


def renumber_references(model_text: str, moved_to: Mapping[int, Sequence[int]]) -> str:
    """The model text with each reference's article number replaced by the draft's number
    for it, so a correctly updated reference is no rewording."""
    out = model_text
    for ref in reversed(own_references(model_text)):
        targets = moved_to.get(ref.article)
        if not targets or targets[0] == ref.article:
            continue
        span = out[ref.start : ref.end]
        digits = list(_DIGITS.finditer(span))
        if not digits:
            continue
        last = digits[-1]  # the article number comes after khoản/điểm
        span = span[: last.start()] + str(targets[0]) + span[last.end() :]
        out = out[: ref.start] + span + out[ref.end :]
    return out
