"""The table of powers: who may do what, read from each clause and point at ingest.

For every clause (and point) a record per act it states: the actor as a canonical body,
the kind of act from a closed list (ingest/data/acts.yaml), the action and its object as
a verbatim span, the condition it is limited to ("đối với ...", "trường hợp ..."), a
delegation ("ủy quyền cho ..."), and the cross-references it makes, resolved to the
article and clause of the same document. The actor is the body named as the verb's
subject ("Ban Thường vụ quyết định ...", "... do Ban Thường vụ quyết định"), else the
holder the article or the clause's lead-in names ("Nhiệm vụ, quyền hạn của Thường trực").
The verbs are read by ingest/acts.py, the actor by ingest/actors.py; this module builds
the records.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from ingest.actors import aligned, lead_holder, lists_duties, subject, title_holder
from ingest.acts import Act, act_of, act_verbs, first_verb, lowered
from ingest.bodies import body_mentions
from ingest.models import Article, Clause, Document
from ingest.references import find_references, resolve

ACT_LABELS: dict[str, str] = {
    "decides": "quyết định",
    "approves": "phê duyệt, thông qua",
    "gives_opinion": "cho ý kiến",
    "is_consulted": "được xin ý kiến",
    "proposes": "đề xuất, trình",
    "convenes": "triệu tập, chủ trì",
    "signs": "ký",
    "reports": "báo cáo",
    "coordinates": "phối hợp",
    "delegates": "ủy quyền",
    "leads": "lãnh đạo, chỉ đạo",
}
_CONDITION = re.compile(r"(?:doi voi|truong hop|trong truong hop|khi|neu)\b[^,:;]*")
_SEGMENT_END = re.compile(r";|\.(?:\s|$)|\n")


class Reference(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str  # verbatim
    article: int
    clause: int | None = None
    resolved: bool  # the article (and clause) exists in this document


class Power(BaseModel):
    """One act a regulation gives a body. Spans are verbatim slices of the document."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    document_id: str
    part: str
    article: int
    clause: int | None = None
    point: str | None = None
    body: str
    act: Act
    action: str
    condition: str = ""
    delegate_to: str = ""
    references: tuple[Reference, ...] = ()
    quote: str
    start: int
    end: int


_WORD = re.compile(r"[^\W\d_]{2,}")
# An item's own label at the start of a quote or an action: "1)", "a)", "(2)", "-", "+".
_LABEL = re.compile(r"^\s*(?:\(?\d{1,2}[.)/-]+|\(?[a-zđ][).-]|[-+•*])\s*")


class PowerTable(BaseModel):
    """One document's powers as stored in a snapshot (``powers/<document_id>.json``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    document_id: str
    content_hash: str
    powers: tuple[Power, ...]


def power_table(doc: Document) -> PowerTable:
    return PowerTable(
        document_id=doc.id, content_hash=doc.content_hash, powers=tuple(extract_powers(doc))
    )


@dataclass(frozen=True)
class _Unit:
    """Where a segment stands and what it inherits: the article's or lead-in's holder, and
    the act a lead-in ending in ":" gives the points under it ("Thảo luận và quyết định:")."""

    doc: Document
    part: str
    article: Article
    clause: Clause
    point: str | None
    holder: str
    lead_act: Act | None = None


def extract_powers(doc: Document) -> list[Power]:
    powers: list[Power] = []
    for part in doc.parts:
        for article in part.articles:
            holder = title_holder(article)
            if not holder and article.clauses and article.clauses[0].number is None:
                lead = article.clauses[0]
                holder = lead_holder(doc.text[lead.start : lead.end])
            for clause in article.clauses or ():
                powers.extend(_clause_powers(doc, part.id, article, clause, holder))
    return powers


def _clause_powers(
    doc: Document, part: str, article: Article, clause: Clause, holder: str
) -> Iterator[Power]:
    units: list[tuple[_Unit, int, int]] = []
    if clause.points:
        lead_end = clause.points[0].start
        lead_text = doc.text[clause.start : lead_end]
        lead = lead_holder(lead_text) or holder
        units.append((_Unit(doc, part, article, clause, None, lead), clause.start, lead_end))
        verb = first_verb(lowered(lead_text)) if lead_text.rstrip().endswith(":") else None
        lead_act = act_of(verb, lowered(lead_text)) if verb is not None else None
        units += [
            (_Unit(doc, part, article, clause, p.id, lead, lead_act), p.start, p.end)
            for p in clause.points
        ]
    else:
        units.append((_Unit(doc, part, article, clause, None, holder), clause.start, clause.end))
    for unit, start, end in units:
        introduces = unit.point is None and bool(clause.points)
        if introduces and doc.text[start:end].rstrip().endswith(":"):
            continue  # "Thảo luận và quyết định:" only introduces its points
        for seg_start, seg_end in _segments(doc.text, start, end):
            found = _segment_power(unit, seg_start, seg_end)
            if found is not None:
                yield found


def _segments(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sentences and ";"-separated items of a unit, as offsets."""
    position = start
    for m in _SEGMENT_END.finditer(text, start, end):
        if m.start() > position:
            yield position, m.start()
        position = m.end()
    if end > position:
        yield position, end


def _segment_power(unit: _Unit, start: int, end: int) -> Power | None:
    doc = unit.doc
    raw = doc.text[start:end]
    folded = aligned(raw)
    written = lowered(raw)
    verb = first_verb(written)
    mentions = body_mentions(folded)
    if verb is None:
        if unit.lead_act is None or not unit.holder or raw.rstrip().endswith(":"):
            return None  # (a point that ends with ":" introduces its own items)
        # a point under "Thảo luận và quyết định:" is the object of that verb
        act: Act = unit.lead_act
        body, action = unit.holder, _LABEL.sub("", raw).strip(" ,.:;\n")
        verb_end = 0
    else:
        act = act_of(verb, written)
        body, passive_at = subject(folded, written, mentions, verb.start(), verb.end(), act)
        body = body or unit.holder
        if not body:
            return None
        if 0 < passive_at < verb.start():
            # the object stands before "do": "Việc cung cấp thông tin ... do Bí thư quyết định"
            action = _LABEL.sub("", raw[:passive_at]).strip(" ,.:;\n")
        else:
            action = raw[verb.start() :].strip(" ,.:;\n")
        verb_end = verb.end()
    if not _WORD.search(action) or (verb is not None and lowered(action) == verb.group()):
        return None  # the verb alone ("... thì Ban Chấp hành quyết định"): no action to list
    quote = raw.strip(" ,;:\n")
    offset = start + raw.index(quote)
    condition_text = _condition(raw, folded)
    delegate = ""
    if act == "delegates":
        after = [m for m in mentions if m.start >= verb_end]
        delegate = after[0].body if after else ""
    clause = unit.clause
    key = (
        f"{doc.content_hash}|{unit.part}|{unit.article.number}|{clause.number}|{unit.point}|"
        f"{offset}|{act}|{body}"
    )
    return Power(
        id=hashlib.sha256(key.encode()).hexdigest()[:16],
        document_id=doc.id,
        part=unit.part,
        article=unit.article.number,
        clause=clause.number,
        point=unit.point,
        body=body,
        act=act,
        action=action,
        condition=condition_text,
        delegate_to=delegate,
        references=_references(doc, unit.part, raw),
        quote=quote,
        start=offset,
        end=offset + len(quote),
    )


def _condition(raw: str, folded: str) -> str:
    """The condition a segment opens with ("đối với ...", "trường hợp ..."), verbatim."""
    condition = _CONDITION.match(folded.lstrip("-+•*0123456789.)( "))
    if condition is None:
        return ""
    at = folded.index(condition.group())
    return raw[at : at + len(condition.group())].strip()


def _references(doc: Document, part: str, raw: str) -> tuple[Reference, ...]:
    """The segment's in-text references (ingest.references), resolved in ``doc``."""
    return tuple(
        Reference(
            text=ref.text,
            article=ref.article,
            clause=ref.clause,
            resolved=resolve(doc, part, ref) is not None,
        )
        for ref in find_references(raw)
    )


__all__ = [
    "ACT_LABELS",
    "Act",
    "Power",
    "PowerTable",
    "Reference",
    "act_verbs",
    "extract_powers",
    "lists_duties",
    "power_table",
]
