"""The table of powers: who may do what, read from each clause and point at ingest.

For every clause (and point) a record per act it states: the actor as a canonical body,
the kind of act from a closed list (ingest/data/acts.yaml), the action and its object as
a verbatim span, the condition it is limited to ("đối với ...", "trường hợp ..."), a
delegation ("ủy quyền cho ..."), and the cross-references it makes, resolved to the
article and clause of the same document. The actor is the body named as the verb's
subject ("Ban Thường vụ quyết định ...", "... do Ban Thường vụ quyết định"), else the
holder the article or the clause's lead-in names ("Nhiệm vụ, quyền hạn của Thường trực").
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict

from ingest.bodies import BodyMention, body_mentions
from ingest.models import Article, Clause, Document
from ingest.normalize import canonical, canonical_tones, fold
from ingest.references import find_references, resolve
from ingest.words import listed_words

Act = Literal[
    "decides",
    "approves",
    "gives_opinion",
    "is_consulted",
    "proposes",
    "convenes",
    "signs",
    "reports",
    "coordinates",
    "delegates",
    "leads",
]
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
# A body this many characters or more before its verb is not the verb's subject.
MAX_SUBJECT_GAP = 60
_HOLDER_TITLE = re.compile(r"nhiem vu|quyen han|trach nhiem|chuc nang|tham quyen")
# "... ủy quyền cho (tập thể) Ban Thường vụ ...", "giao cho Thường trực ...": who acts.
_DELEGATED_TO = re.compile(r"(?:uy quyen|giao) cho\b")
_CONDITION = re.compile(r"(?:doi voi|truong hop|trong truong hop|khi|neu)\b[^,:;]*")
# "do <body>" of a passive clause, the body possibly named through its meeting.
_PASSIVE = re.compile(r"(?<![a-z])do (?:(?:hoi nghi|tap the|cuoc hop|phien hop) )?")
# A body right after these (or listed after them) is helped or represented, not acting.
_ON_BEHALF = re.compile(
    r"(?:giup|thay mat|uy quyen cho|cho|voi|cua|chiu trach nhiem truoc)(?: [a-z ]*?,)*[ a-z]*? ?$"
)
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


@functools.cache
def _verbs() -> tuple[tuple[str, Act], ...]:
    """(verb as written, lower case with canonical tones; act), longest first. Verbs are
    matched with their diacritics: "ký" (signs) is not the "kỳ" of "định kỳ"."""
    raw = resources.files("ingest").joinpath("data/acts.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(raw)
    pairs = [(canonical(verb), act) for act, verbs in data.items() for verb in verbs]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def act_verbs() -> tuple[tuple[str, Act], ...]:
    """The verbs that state an act (lower case, canonical tones) with their act."""
    return _verbs()


@functools.cache
def _verb_pattern() -> re.Pattern[str]:
    alternatives = "|".join(re.escape(v) for v, _ in _verbs())
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


# A verb used as a noun or in the passive states no act of the body before it: "theo sự
# phân công của ...", "được ủy quyền", "dưới sự lãnh đạo".
# After the head noun of an organ, the verb names its function ("cơ quan tham mưu",
# "bộ phận giúp việc"): a noun phrase, no act.
_NOMINAL_BEFORE = re.compile(
    r"(?:^|\s)(?:sự|theo|được|bị|việc|các|những|của|cơ quan|bộ phận|công tác|cán bộ)\s+$"
)


# "Chủ trì" convenes or chairs ("chủ trì hội nghị", "chủ trì việc lấy phiếu"); "chủ trì,
# phối hợp ..." names the unit that leads a task with others: coordination.
_WITH_OTHERS_AFTER = re.compile(r"\s*,?\s*(?:và\s+)?phối hợp(?!\w)")


def _act_of(verb: re.Match[str], written: str) -> Act:
    act = dict(_verbs())[verb.group()]
    if verb.group() == "chủ trì" and _WITH_OTHERS_AFTER.match(written, verb.end()):
        return "coordinates"
    return act


def _lowered(text: str) -> str:
    """Lower case with canonical tones, the same length as ``text`` (NFC)."""
    return canonical_tones(text).lower()


def _first_verb(written: str) -> re.Match[str] | None:
    """The first act verb used as a verb: not a noun ("theo sự phân công", "quyết định
    của Ban Thường vụ"), not a syllable of a longer word ("công trình", "chương trình")."""
    accented, _folded = listed_words()
    for m in _verb_pattern().finditer(written):
        if _NOMINAL_BEFORE.search(written[max(0, m.start() - 12) : m.start()]):
            continue
        if _NOUN_AFTER.match(written, m.end()):
            continue
        before = written[: m.start()].split()[-1:]
        if before and f"{before[0]} {m.group()}" in accented:
            continue
        after = written[m.end() :].split()[:1]
        if after and f"{m.group()} {after[0]}" in accented and m.group() not in _TWO_WORD_OK:
            continue  # "trình bày" (present) is no "trình" (submit)
        return m
    return None


# Verbs that keep their act when a listed word continues them ("quyết định kỷ luật").
_TWO_WORD_OK = frozenset({"quyết định", "phê duyệt", "báo cáo", "đề nghị", "ủy quyền"})
_NOUN_AFTER = re.compile(r"\s+của(?!\w)")
_WORD = re.compile(r"[^\W\d_]{2,}")
# An item's own label at the start of a quote or an action: "1)", "a)", "(2)", "-", "+".
_LABEL = re.compile(r"^\s*(?:\(?\d{1,2}[.)/-]+|\(?[a-zđ][).-]|[-+•*])\s*")


def _aligned(text: str) -> str:
    """Folded text of the same length (one character per character), for offsets."""
    from ingest.normalize import strip_diacritics

    return "".join(
        " " if ch.isspace() else (strip_diacritics(ch.lower())[:1] or "·") for ch in text
    )


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
            holder = _title_holder(article)
            if not holder and article.clauses and article.clauses[0].number is None:
                lead = article.clauses[0]
                holder = _lead_holder(doc.text[lead.start : lead.end])
            for clause in article.clauses or ():
                powers.extend(_clause_powers(doc, part.id, article, clause, holder))
    return powers


def lists_duties(title: str) -> bool:
    """Whether an article's title says it lists a holder's duties or powers ("Nhiệm vụ,
    quyền hạn của ...", "Trách nhiệm của ..."): each of its items is an act of its own."""
    return bool(_HOLDER_TITLE.search(fold(title)))


def _title_holder(article: Article) -> str:
    """The body an article is about: its title names the body's powers ("Nhiệm vụ, quyền
    hạn của Thường trực") or is the body's name ("BAN THƯỜNG VỤ ĐẢNG ỦY")."""
    folded = fold(article.title)
    mentions = body_mentions(folded)
    if not mentions:
        return ""
    if _HOLDER_TITLE.search(folded) or mentions[0].start == 0:
        return mentions[0].body
    return ""


def _clause_powers(
    doc: Document, part: str, article: Article, clause: Clause, holder: str
) -> Iterator[Power]:
    units: list[tuple[_Unit, int, int]] = []
    if clause.points:
        lead_end = clause.points[0].start
        lead_text = doc.text[clause.start : lead_end]
        lead = _lead_holder(lead_text) or holder
        units.append((_Unit(doc, part, article, clause, None, lead), clause.start, lead_end))
        verb = _first_verb(_lowered(lead_text)) if lead_text.rstrip().endswith(":") else None
        lead_act = _act_of(verb, _lowered(lead_text)) if verb is not None else None
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


def _lead_holder(lead: str) -> str:
    """ "Ban Thường vụ có nhiệm vụ, quyền hạn sau:" names who the points belong to. The
    line that introduces the points speaks for them, and a body the powers are delegated
    to acts on them ("Những công việc Ban Chấp hành ủy quyền cho Ban Thường vụ, gồm:")."""
    folded = _aligned(lead)
    if not re.search(r"nhiem vu|quyen han|trach nhiem|co quyen|thuc hien|sau\s*:", folded):
        return ""
    lines = [line for line in folded.splitlines() if line.strip()]
    last = lines[-1] if lines else folded
    delegated = _DELEGATED_TO.search(last)
    if delegated is not None:
        after = body_mentions(last[delegated.end() :])
        if after:
            return after[0].body
    mentions = body_mentions(last) or body_mentions(folded)
    return mentions[0].body if mentions else ""


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
    folded = _aligned(raw)
    written = _lowered(raw)
    verb = _first_verb(written)
    mentions = body_mentions(folded)
    if verb is None:
        if unit.lead_act is None or not unit.holder or raw.rstrip().endswith(":"):
            return None  # (a point that ends with ":" introduces its own items)
        # a point under "Thảo luận và quyết định:" is the object of that verb
        act: Act = unit.lead_act
        body, action = unit.holder, _LABEL.sub("", raw).strip(" ,.:;\n")
        verb_end = 0
    else:
        act = _act_of(verb, written)
        body, passive_at = _subject(folded, written, mentions, verb.start(), verb.end(), act)
        body = body or unit.holder
        if not body:
            return None
        if 0 < passive_at < verb.start():
            # the object stands before "do": "Việc cung cấp thông tin ... do Bí thư quyết định"
            action = _LABEL.sub("", raw[:passive_at]).strip(" ,.:;\n")
        else:
            action = raw[verb.start() :].strip(" ,.:;\n")
        verb_end = verb.end()
    if not _WORD.search(action) or (verb is not None and _lowered(action) == verb.group()):
        return None  # the verb alone ("... thì Ban Chấp hành quyết định"): no action to list
    quote = raw.strip(" ,;:\n")
    offset = start + raw.index(quote)
    condition = _CONDITION.match(folded.lstrip("-+•*0123456789.)( "))
    condition_text = ""
    if condition is not None:
        at = folded.index(condition.group())
        condition_text = raw[at : at + len(condition.group())].strip()
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


def _subject(
    folded: str,
    written: str,
    mentions: list[BodyMention],
    verb_start: int,
    verb_end: int,
    act: Act,
) -> tuple[str, int]:
    """The body acting and, when the clause is passive ("việc X do Ban Thường vụ quyết
    định"), where its "do" stands (-1 otherwise): "do X <verb>" or "<verb> ... do X",
    else X right before the verb; "xin ý kiến X": X is the one consulted."""
    if act == "is_consulted":
        after = [m for m in mentions if 0 <= m.start - verb_end <= 3]
        return (after[0].body if after else ""), -1
    for m in mentions:
        do = _PASSIVE.search(folded, max(0, m.start - 14), m.start)
        if do is not None and do.end() == m.start and 0 <= verb_start - m.end < 2 * MAX_SUBJECT_GAP:
            return m.body, do.start()
    # "giúp Bí thư ...", "thay mặt Đảng ủy, Ban Thường vụ ký ...": not who acts
    acting = [m for m in mentions if not _ON_BEHALF.search(folded[: m.start])]
    before = [m for m in acting if m.end <= verb_start and verb_start - m.end < MAX_SUBJECT_GAP]
    if before and not _first_verb(written[before[-1].end : verb_start]):
        chosen = mentions.index(before[-1])
        # "Văn phòng Huyện ủy": a body right after another names whose it is
        while chosen > 0 and mentions[chosen].start - mentions[chosen - 1].end <= 1:
            chosen -= 1
        return mentions[chosen].body, -1
    return "", -1


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
