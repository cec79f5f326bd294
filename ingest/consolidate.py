"""Apply amending decisions to the regulations they amend: the consolidated text answers.

A function of the whole set of loaded documents, so the order they were ingested in
never matters: a decision loaded before its regulation is kept with a notice and applies
as soon as the regulation arrives. The stored documents stay as parsed (nothing is
lost); the consolidated view is rebuilt from them whenever a snapshot is written or read.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict

from ingest.amend import AmendingDecision, normal_number, read_amendment
from ingest.apply_amendments import apply_amendments
from ingest.models import ArticleVersion, Document
from ingest.normalize import fold


class Consolidation(BaseModel):
    """The documents to answer from (consolidated regulations, decisions without their
    amending articles) and one-line notices about what could not be applied."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    documents: dict[str, Document]
    notices: tuple[str, ...] = ()


def consolidate(documents: Mapping[str, Document]) -> Consolidation:
    """Every amending decision applied, in order of effect, to the regulation it names."""
    decisions = {d: a for d, doc in documents.items() if (a := read_amendment(doc)) is not None}
    if not decisions:
        return Consolidation(documents=dict(documents))
    regulations = {d: doc for d, doc in documents.items() if d not in decisions}
    view = dict(documents)
    notices: list[str] = []
    by_target: dict[str, list[AmendingDecision]] = {}
    for doc_id, decision in sorted(decisions.items()):
        target = link(decision, regulations)
        view[doc_id] = _decision_view(documents[doc_id], decision)
        notices.extend(
            f"{documents[doc_id].source_file}: không đọc được chỉ dẫn «{line[:120]}»; "
            "phần sửa đổi này chưa được áp dụng, hãy đối chiếu văn bản gốc"
            for line in decision.unread
        )
        if target is None:
            named = decision.target_numbers[0] if decision.target_numbers else decision.target_title
            notices.append(
                f"{documents[doc_id].source_file}: quyết định sửa đổi {named or 'một quy chế'} "
                "chưa được nạp; các sửa đổi sẽ áp dụng khi nạp quy chế đó"
            )
            continue
        by_target.setdefault(target.id, []).append(decision)
    for target_id, amending in sorted(by_target.items()):
        ordered = sorted(amending, key=lambda a: (a.effective, a.date_issued, a.document_id))
        view[target_id], applied_notices = apply_amendments(regulations[target_id], ordered)
        notices.extend(applied_notices)
    return Consolidation(documents=view, notices=tuple(notices))


def link(decision: AmendingDecision, regulations: Mapping[str, Document]) -> Document | None:
    """The regulation a decision amends: by its number, else by its title."""
    candidates = [doc for _id, doc in sorted(regulations.items())]
    for number in decision.target_numbers:
        for doc in candidates:
            if doc.meta.number and normal_number(doc.meta.number) == number:
                return doc
    wanted = _title_key(decision.target_title)
    if len(wanted) < 20:
        return None
    for doc in candidates:
        title = _title_key(doc.meta.title)
        named = bool(title) and (wanted in title or title in wanted)
        if named and (not doc.meta.number or not decision.target_numbers):
            return doc
    return None


def _title_key(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", fold(title)).strip()


def _decision_view(doc: Document, decision: AmendingDecision) -> Document:
    """The decision without the articles that hold instructions: their wording answers
    from the regulation, with this decision named (the stored document keeps them). Its
    other articles ("Quyết định này có hiệu lực ...") stay citable."""
    if not decision.instructions:
        return doc
    first = decision.instructions[0].start
    parts = tuple(
        part.model_copy(
            update={
                "articles": tuple(
                    a for a in part.articles if not (a.start < decision.end and a.end > first)
                )
            }
        )
        for part in doc.parts
    )
    meta = doc.meta if doc.meta.title else doc.meta.model_copy(update={"title": decision.title})
    named = decision.target_numbers[0] if decision.target_numbers else decision.target_title
    return doc.model_copy(update={"parts": parts, "meta": meta, "amends": named})


def version_at(doc: Document, number: int, suffix: str, date: str) -> ArticleVersion | None:
    """The wording of an article in force on ``date`` (ISO); None when it was not (yet)
    in force: before the regulation, before the decision that added it."""
    history = doc.article_history(number, suffix)
    if history is None:
        article = doc.article(number, suffix=suffix)
        if article is None or (doc.meta.date_issued and date < doc.meta.date_issued):
            return None
        return ArticleVersion(text=article.text, kind="original", effective=doc.meta.date_issued)
    in_force = [v for v in history.versions if not v.effective or v.effective <= date]
    return in_force[-1] if in_force else None
