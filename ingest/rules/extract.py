"""Find the numeric rules of a regulation: quorums, vote thresholds, meeting frequencies,
lead times, durations, money thresholds.

Pattern based and generic: the patterns describe how Vietnamese regulations phrase a
rule, never a particular document. Matching runs sentence by sentence on an aligned
folded copy (:func:`ingest.rules.text.fold_aligned`), so every rule keeps its source
sentence verbatim. The body a rule applies to is the nearest body governing the
number: one named in the basis ("3/4 số ủy viên Ban cán sự"), the body of a
meeting noun ("Hội nghị Tỉnh ủy, Ban Thường vụ Tỉnh ủy phải có …": one rule per body),
the nearest body before the number, then the clause lead-in, the article title
("Chế độ làm việc của Thường trực Huyện ủy") and the document's governed body.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ingest.models import Article, Document
from ingest.rules.attribution import bodies_for
from ingest.rules.conditions import rule_condition
from ingest.rules.counts import count_hits
from ingest.rules.days import calendar_hits, day_hits
from ingest.rules.frequencies import frequency_hits
from ingest.rules.hits import Context, Hit
from ingest.rules.models import THRESHOLD_KINDS, Rule
from ingest.rules.shares import share_hits
from ingest.rules.text import find_mentions, fold_aligned, sentences
from ingest.rules.thresholds import area_hits, household_hits, money_hits

SUBJECT_LABELS: dict[str, str] = {
    "meeting_validity": "hội nghị, phiên họp hợp lệ",
    "resolution": "thông qua nghị quyết, quyết định",
    "written_consultation": "lấy ý kiến bằng văn bản",
    "resolution_amendment": "bổ sung, điều chỉnh nghị quyết",
    "personnel_vote": "biểu quyết nhân sự",
    "extraordinary_meeting": "triệu tập họp đột xuất, bất thường",
    "meeting_request": "đề nghị triệu tập họp",
    "regular_meeting": "họp thường lệ, định kỳ",
    "working_session": "làm việc, giao ban định kỳ",
    "reporting": "báo cáo, thông báo định kỳ",
    "self_criticism": "kiểm điểm, tự phê bình",
    "document_submission": "gửi tài liệu để thẩm định",
    "document_sending": "gửi tài liệu, giấy mời họp",
    "notice": "thông báo trước",
    "meeting_duration": "thời gian hội nghị, cuộc họp",
    "response": "thời hạn trả lời, cho ý kiến",
    "document_issuance": "thời hạn ban hành, gửi văn bản",
    "investment": "chủ trương đầu tư, dự án",
    "land_use": "chuyển mục đích sử dụng đất",
    "area": "diện tích",
    "households": "số hộ dân",
    "budget_spending": "chi, phân bổ ngân sách",
    "financial_decision": "quyết định tài chính",
    "membership": "số lượng thành viên",
    "citizen_reception": "tiếp công dân, đối thoại",
    "convening": "triệu tập hội nghị",
    "appraisal": "thẩm định hồ sơ",
    "decision": "xem xét, quyết định",
    "complaint": "khiếu nại",
    "payment": "nộp đảng phí, kinh phí",
    "announcement": "công bố quyết định",
    "other": "khác",
}

# --- the units of text rules come from -------------------------------------------------


@dataclass(frozen=True)
class _Unit:
    clause: int | None
    point: str | None
    container: str  # clause text (or article text) the sentence must be part of
    container_start: int  # offset of container in Document.text
    pieces: tuple[tuple[int, int], ...]  # spans of container that belong to this unit
    lead: str  # clause lead-in, for points


def _units(article: Article) -> Iterator[_Unit]:
    if not article.clauses:
        body_start = article.text.find("\n")
        body_start = 0 if body_start < 0 else body_start + 1
        yield _Unit(None, None, article.text, article.start, ((body_start, len(article.text)),), "")
        return
    for clause in article.clauses:
        spans: list[tuple[int, int, str]] = []
        for point in clause.points:
            rel = point.start - clause.start
            if clause.text[rel : rel + len(point.text)] != point.text:
                rel = clause.text.find(point.text)
            if rel < 0:
                continue
            spans.append((rel, rel + len(point.text), point.id))
        spans.sort()
        own: list[tuple[int, int]] = []
        pos = 0
        for start, end, _ in spans:
            if start > pos:
                own.append((pos, start))
            pos = max(pos, end)
        if pos < len(clause.text):
            own.append((pos, len(clause.text)))
        lead = clause.text[own[0][0] : own[0][1]] if own and own[0][0] == 0 and spans else ""
        yield _Unit(clause.number, None, clause.text, clause.start, tuple(own), "")
        for start, end, point_id in spans:
            yield _Unit(clause.number, point_id, clause.text, clause.start, ((start, end),), lead)


# --- assembling ------------------------------------------------------------------------------------------

_EXTRACTORS = (
    share_hits,
    money_hits,
    area_hits,
    household_hits,
    calendar_hits,
    frequency_hits,
    day_hits,
    count_hits,
)


def extract_rules(doc: Document) -> list[Rule]:
    """Every numeric rule in every clause and point of every article of ``doc``."""
    rules: list[Rule] = []
    seen: set[str] = set()
    for part in doc.parts:
        for article in part.articles:
            for unit in _units(article):
                for rule in _unit_rules(doc, article, unit):
                    key = _dedupe_key(rule)
                    if key in seen:
                        continue
                    seen.add(key)
                    rules.append(rule)
    return rules


def _dedupe_key(rule: Rule) -> str:
    """Restatements in one clause ("…, tuy đã có trên 1/2 thành viên tán thành …") are one
    rule."""
    return "|".join(
        str(x)
        for x in (
            rule.document_id,
            rule.part,
            rule.article,
            rule.clause,
            rule.point,
            rule.kind,
            rule.subject,
            rule.body,
            rule.value.label,
            rule.comparator,
            rule.basis,
            rule.condition,
        )
    )


def _unit_rules(doc: Document, article: Article, unit: _Unit) -> Iterator[Rule]:
    lead_folded = fold_aligned(unit.lead) if unit.lead else ""
    for piece_start, piece_end in unit.pieces:
        piece = unit.container[piece_start:piece_end]
        for span in sentences(piece):
            start = piece_start + span.start
            end = piece_start + span.end
            sentence = unit.container[start:end]
            folded = fold_aligned(sentence)
            if not re.search(r"\d|phan|nua|lan|ngay|buoi|hang|ty|trieu|gom|co ", folded):
                continue
            ctx = Context(
                sentence=sentence,
                folded=folded,
                mentions=find_mentions(folded),
                lead_folded=lead_folded,
                lead_text=unit.lead,
                title=article.title,
                governed=doc.meta.governed_body,
            )
            yield from _sentence_rules(doc, article, unit, ctx, start)


def _sentence_rules(
    doc: Document, article: Article, unit: _Unit, ctx: Context, offset: int
) -> Iterator[Rule]:
    hits: list[Hit] = []
    taken: list[tuple[int, int]] = []
    for extractor in _EXTRACTORS:
        for hit in extractor(ctx):
            if any(hit.start < e and s < hit.end for s, e in taken):
                continue
            hits.append(hit)
            taken.append((hit.start, hit.end))
    hits.sort(key=lambda h: h.start)
    for i, hit in enumerate(hits):
        prev_end = hits[i - 1].end if i else 0
        next_start = hits[i + 1].start if i + 1 < len(hits) else len(ctx.folded)
        bodies = hit.bodies if hit.kind in THRESHOLD_KINDS else bodies_for(hit, ctx, next_start)
        condition = hit.condition or rule_condition(ctx, hit, prev_end, next_start)
        emitted: set[str] = set()
        for body, written in bodies:
            if body in emitted:
                continue
            emitted.add(body)
            yield _make_rule(doc, article, unit, ctx, offset, hit, body, written, condition, i)


def _make_rule(
    doc: Document,
    article: Article,
    unit: _Unit,
    ctx: Context,
    offset: int,
    hit: Hit,
    body: str,
    written: str,
    condition: str,
    ordinal: int,
) -> Rule:
    sentence = ctx.sentence
    assert sentence in unit.container, "rule sentence must be verbatim clause text"
    rule_id = hashlib.sha1(
        "|".join(
            str(x)
            for x in (
                doc.id,
                article.part,
                article.number,
                unit.clause,
                unit.point,
                hit.kind,
                sentence,
                body,
                hit.value.text,
                ordinal,
            )
        ).encode("utf-8")
    ).hexdigest()[:16]
    return Rule(
        id=rule_id,
        kind=hit.kind,
        body=body,
        body_as_written=written,
        subject=hit.subject,
        subject_label=SUBJECT_LABELS.get(hit.subject, hit.subject),
        value=hit.value,
        comparator=hit.comparator,
        basis=hit.basis,
        condition=condition,
        if_met_body=hit.if_met_body,
        otherwise_body=hit.otherwise_body,
        document_id=doc.id,
        part=article.part,
        article=article.number,
        article_title=article.title,
        clause=unit.clause,
        point=unit.point,
        sentence=sentence,
        start=unit.container_start + offset,
        end=unit.container_start + offset + len(sentence),
    )


__all__ = ["SUBJECT_LABELS", "extract_rules"]
