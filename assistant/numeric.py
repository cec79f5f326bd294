"""Numeric answers composed from the rule module's result. No number is written here
that does not come from a :class:`Rule` (its verbatim sentence) or a calculation on it."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from assistant.asks import split_asks
from assistant.citations import QuoteNotVerbatimError, location, make_citation
from assistant.findings import findings_summary
from assistant.function_words import without_closing
from assistant.models import Answer, Citation, DocumentRef, Finding, NumericResult
from assistant.rules.intent import read_intent
from assistant.rules.models import (
    COMPARATOR_WORDS,
    THRESHOLD_KINDS,
    DocumentNumeric,
    NumericAnswer,
    QuestionFrame,
    Rule,
    RuleMatch,
)
from assistant.rules.query import to_numeric_result
from assistant.sentences import lead_ins, list_tail, sentences
from assistant.understand import Understanding
from ingest.models import Document
from ingest.normalize import fold

MAX_RULES_PER_DOCUMENT = 3
# A rule's sentence longer than this (a list of powers run together with ";") is quoted
# by the part that states the value; the citation still names the whole clause.
MAX_QUOTE_CHARS = 600
# The value as written already says how it compares ("từ 05 tỷ đồng trở lên").
_COMPARATOR_WRITTEN = re.compile(
    r"\b(it nhat|toi thieu|toi da|tren|duoi|khong qua|qua|hon|tro len|tro xuong|den|tu"
    r"|truoc|cham nhat|trong)\b"
)


def rule_citation(rule: Rule, doc: Document) -> Citation | None:
    article = doc.article(rule.article, rule.part)
    if article is None:
        return None
    clause = article.clause(rule.clause) if rule.clause is not None else None
    if clause is None:
        clause = next((c for c in article.clauses if rule.sentence in c.text), None)
    point = None
    if clause is not None and rule.point:
        point = next(
            (p for p in clause.points if p.id == rule.point and rule.sentence in p.text), None
        )
    try:
        return make_citation(doc, article, clause, point, _quoted_part(rule))
    except QuoteNotVerbatimError:
        return None


def _quoted_part(rule: Rule) -> str:
    sentence = rule.sentence
    if len(sentence) <= MAX_QUOTE_CHARS or not rule.value.text:
        return sentence
    parts = [sentence[a:b] for a, b in sentences(sentence)]
    return next((p for p in parts if rule.value.text in p), sentence)


def describe(rule: Rule) -> str:
    """ "Tổ công tác — họp hợp lệ: ít nhất 3/4 số tổ viên"; a threshold that
    says who decides on each side names its bodies there instead."""
    statement = rule_statement(rule)
    if _decides_by_side(rule) or not rule.body:
        return statement  # (no body: the clause's own subject is none the rules know)
    return f"{rule.body} — {statement}"


def rule_statement(rule: Rule) -> str:
    """What the rule sets, without its body: "họp thường lệ: ít nhất 2/3 tổng số thành
    viên", "gửi tài liệu: ít nhất 05 ngày"."""
    value = rule.value
    if value.unspecified:
        return f"{rule.subject_label}: văn bản để trống giá trị («{value.text}»)"
    words = COMPARATOR_WORDS.get(rule.comparator, "")
    amount = _mid_sentence(value.text) if value.text else value.label
    basis = f" {rule.basis}" if rule.basis and rule.basis not in amount else ""
    condition = f" ({rule.condition})" if rule.condition else ""
    already = not words or bool(_COMPARATOR_WRITTEN.search(fold(amount)))
    text = amount if already else f"{words} {amount}".strip()
    if _decides_by_side(rule):
        sides = []
        if rule.if_met_body:
            sides.append(f"{text}: {rule.if_met_body}".strip())
        if rule.otherwise_body:
            sides.append(f"ngược lại: {rule.otherwise_body}")
        return f"{rule.subject_label}{condition}: " + "; ".join(sides)
    if rule.subject == "other":
        return f"{text}{basis}{condition}"  # no name for what it times: the value alone
    return f"{rule.subject_label}: {text}{basis}{condition}"


def _mid_sentence(text: str) -> str:
    """A value that opens its sentence ("Trong thời hạn một tháng"), as it reads after a
    label: its first letter lower-case, unless the word is all capitals ("UBND")."""
    first = text.split(" ", 1)[0]
    return text[:1].lower() + text[1:] if first[1:] == first[1:].lower() else text


def _decides_by_side(rule: Rule) -> bool:
    return (
        not rule.value.unspecified
        and rule.kind in THRESHOLD_KINDS
        and bool(rule.if_met_body or rule.otherwise_body)
    )


def _match_line(match: RuleMatch) -> str:
    line = describe(match.rule)
    if match.unspecified:
        line += ". Không thể tính vì quy chế mẫu để trống; hãy xem quy chế cụ thể của cấp ủy."
    elif match.calculation is not None:
        line += f".\n   Tính: {match.calculation.computation}"
    for note in match.notes:
        line += f"\n   ({note})"
    return line


def _short(doc: Document) -> str:
    meta = doc.meta
    extra = meta.number or meta.issuing_body
    return f"{meta.title} ({extra})" if extra else meta.title or doc.source_file


def compose_numeric(
    u: Understanding,
    numeric: NumericAnswer,
    documents: Mapping[str, Document],
    refusal_text: str,
    topicality: Callable[[Rule], float] | None = None,
) -> Answer | None:
    """An answer of kind "numeric", or None when no document has a rule for it (the caller
    then falls back to retrieval, which refuses when nothing covers the question)."""
    if not numeric.is_numeric and u.kind != "comparison":
        return None
    per_doc = [d for d in numeric.documents if d.document_id in documents]
    with_rules = [d for d in per_doc if d.matches]
    if not with_rules:
        if u.document_ids and any(d.no_rule for d in per_doc):
            return _no_rule_answer(u, per_doc, documents)
        return None
    # Documents without a rule are listed only when the question named them: alone, or
    # several ("Đồng Tháp và Kon Tum ... thế nào?": Kon Tum's silence is part of it).
    shown: list[DocumentNumeric] = with_rules
    if len(u.document_ids) == 1 or u.scope_from_question:
        shown = [d for d in per_doc if d.matches or d.no_rule]
    if not u.scope_from_question:
        # Documents the question did not name: those that state a value come before a
        # template that leaves it blank, which answers nothing of its own; with no
        # document named at all, the one whose rule says the question's own words
        # ("đương nhiệm", the body's name) leads. Equals keep their order.
        def lead(d: DocumentNumeric) -> tuple[bool, float]:
            said = 0.0
            if topicality is not None and not u.document_ids:
                said = max((topicality(m.rule) for m in d.matches), default=0.0)
            return _only_blanks(d), -said

        shown = sorted(shown, key=lead)
    parts = _Parts(meeting_asked_first=_asks_meeting_first(u))
    for entry in shown:
        doc = documents[entry.document_id]
        if not entry.matches:
            parts.lines.append(_no_rule_line(entry, doc, parts.citations))
            continue
        block = _document_block(parts, entry, doc, numeric.frame, topicality)
        if len(block) > 1:
            parts.lines.append("\n".join(block))
    if not parts.citations:
        return None
    answering = [d for d in shown if d.matches]
    notes = _comparison_notes(parts, u, answering, documents)
    result = parts.result
    if result is not None and result.result and len(answering) == 1:
        # The answer first: the computed number, the deciding body, or the verdict on the
        # numbers the question gave ("Không đủ: 8 người dự, cần ít nhất 9 người").
        # (a verdict on the meeting beside the vote's decides the outcome with it: then the
        # yes/no question is answered by the two verdicts, not by one word)
        result = result.model_copy(update={"result": _verdict_on(u, result, not parts.verdicts)})
        ordered = (
            [*parts.verdicts, result.result]
            if parts.meeting_first
            else [result.result, *parts.verdicts]
        )
        parts.lines.insert(0, f"{'; '.join(ordered)}.")
    return Answer(
        question=u.original,
        kind="numeric",
        answer="\n\n".join(parts.lines),
        citations=parts.citations,
        numeric=result,
        documents=[_ref(documents[d.document_id]) for d in shown],
        notes=notes,
        findings=parts.findings,
    )


_LAST_SENTENCE = re.compile(r"[.!?;]\s+")


def _asks_meeting_first(u: Understanding) -> bool:
    """ "Phiên họp đủ người chưa, còn việc kết nạp có qua không?": of two asks, the first
    is whether the meeting could be held."""
    # (each ask by its own sentence: the story told before it names counts, not asks)
    asked = [_LAST_SENTENCE.split(a.piece)[-1] for a in split_asks(u.text)]
    kinds = [k for piece in asked if (k := read_intent(fold(piece))[0])]
    return len(kinds) > 1 and kinds[0] == "quorum" and any(k != "quorum" for k in kinds)


def _only_blanks(entry: DocumentNumeric) -> bool:
    return bool(entry.matches) and all(m.unspecified for m in entry.matches)


@dataclass
class _Parts:
    """What a numeric answer gathers, document by document."""

    lines: list[str] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    result: NumericResult | None = None  # the highlighted value: the first match asked
    verdicts: list[str] = field(default_factory=list)  # on the meeting the count was taken at
    meeting_first: bool = False  # the meeting could not be held: its verdict decides
    meeting_asked_first: bool = False  # ... or the question asks about it first


def _document_block(
    parts: _Parts,
    entry: DocumentNumeric,
    doc: Document,
    frame: QuestionFrame,
    topicality: Callable[[Rule], float] | None,
) -> list[str]:
    """One document's lines: its heading, then each rule shown with its quote."""
    block = [f"Theo {_short(doc)}:"]
    matches = list(entry.matches)
    # the meeting's quorum, decided before a vote taken at it (rules.query)
    prior = matches[:1] if _has_meeting_check(frame, matches) else []
    matches = matches[len(prior) :]
    asked_in_order = bool(frame.more_subjects)
    if topicality is not None and frame.measure is None and not asked_in_order:
        # Several rules of the kind asked (a quorum for two bodies, two deadlines): the
        # one whose sentence is about what was asked comes first. Money rules keep the
        # rule module's order: the threshold that decides the amount.
        matches.sort(key=lambda m: -topicality(m.rule))
    # what decides the answer leads: a meeting that could not be held, else the rule asked
    # (whether its meeting could be held follows it)
    parts.meeting_first = bool(prior) and (_not_held(prior[0]) or parts.meeting_asked_first)
    kept = matches[: MAX_RULES_PER_DOCUMENT - len(prior)]
    matches = [*prior, *kept] if parts.meeting_first else [*kept, *prior]
    for match in matches:
        _add_match(parts, block, match, doc, prior)
    return block


def _clause_text(doc: Document, citation: Citation) -> str:
    article = doc.article(citation.article, citation.part)
    clause = article.clause(citation.clause) if article and citation.clause else None
    return clause.text if clause is not None else article.text if article else ""


def _add_match(
    parts: _Parts, block: list[str], match: RuleMatch, doc: Document, prior: list[RuleMatch]
) -> None:
    """One rule's line, quote, finding and (for the first one asked) the highlighted
    value; the body's stated size quoted after it when the calculation used it."""
    citation = rule_citation(match.rule, doc)
    if citation is None:
        return
    citations = parts.citations
    where = location(citation.article, citation.clause, citation.point)
    article = doc.article(citation.article, citation.part)
    if article is not None and article.title:
        # the article's title names whose power or meeting it is ("... của Ban
        # Thường vụ Tỉnh ủy"), which the rule's short body name does not
        where = f"{where}, {article.title}"
    if citation in citations:
        # several rules of one sentence ("đất trồng lúa từ 10 ha, đất rừng phòng hộ
        # từ 20 ha"): the words are quoted once
        block.append(f"- {_match_line(match)} ({where}, trích dẫn ở trên)")
    else:
        citations.append(citation)
        clause_text = _clause_text(doc, citation)
        # an item alone loses who acts on it: the line that introduces its list first
        lead = "".join(f"«{line}»\n   " for line in lead_ins(clause_text, citation.quote))
        block.append(f"- {_match_line(match)} ({where})\n   {lead}«{citation.quote}»")
        tail = list_tail(clause_text, citation.quote)
        if tail:
            block.append(f"   «{tail}»")  # it qualifies every item of the list
    if not any(f.document_id == doc.id for f in parts.findings):
        parts.findings.append(
            Finding(
                document_id=doc.id,
                value=rule_statement(match.rule),
                citation=citations.index(citation),
            )
        )
    if match in prior:
        if match.calculation is not None:
            parts.verdicts.append(match.calculation.result)
    elif parts.result is None:
        parts.result = to_numeric_result(match)
    size = rule_citation(match.size_rule, doc) if match.size_rule else None
    if size is not None and size not in citations:
        citations.append(size)
        where = location(size.article, size.clause, size.point)
        block.append(f"   Số lượng ({where}): «{size.quote}»")


def _comparison_notes(
    parts: _Parts,
    u: Understanding,
    answering: list[DocumentNumeric],
    documents: Mapping[str, Document],
) -> list[str]:
    """With several documents answering: a summary of their findings, and whether they
    agree; when they differ, no one highlighted value stands for all of them."""
    notes: list[str] = []
    if len(answering) <= 1:
        return notes
    labels = {tuple(m.rule.value.label for m in d.matches[:1]) for d in answering}
    summary = findings_summary(
        parts.findings, {d.document_id: _short(documents[d.document_id]) for d in answering}
    )
    if summary:
        notes.append(summary)
    if len(labels) == 1:
        notes.append("Các văn bản quy định giống nhau về con số này.")
    else:
        # One highlighted value would stand for all of them: each is in the text.
        parts.result = None
        notes.append(
            "Các văn bản quy định khác nhau; mỗi văn bản được trình bày riêng."
            if u.scope_from_question
            else "Câu hỏi không nêu văn bản nào và các văn bản quy định khác nhau, nên mỗi "
            "văn bản được trình bày riêng."
        )
    return notes


def _not_held(meeting: RuleMatch) -> bool:
    return meeting.calculation is not None and meeting.calculation.met is False


def _has_meeting_check(frame: QuestionFrame, matches: Sequence[RuleMatch]) -> bool:
    return (
        frame.given_present is not None
        and frame.kind != "quorum"
        and len(matches) > 1
        and matches[0].rule.kind == "quorum"
    )


# A yes/no question answered by the word that closes it ("đủ chưa?": "Rồi"/"Chưa"; "được
# không?": "Có", and a "Không đủ" verdict says no by itself).
_YES_NO_ANSWERS = {"chua": ("Rồi", "Chưa"), "khong": ("Có", "")}


def _verdict_on(u: Understanding, result: NumericResult, alone: bool) -> str:
    """The result, a yes/no question answered first: whether one body decides an amount
    ("Thường trực có tự quyết 5 tỷ không?": "Có, ..."/"Không, ..."), or whether the
    numbers it gave are already enough ("... đủ chưa?": "Chưa — không đủ: ...")."""
    if u.yes_no_body and result.kind in THRESHOLD_KINDS:
        same = result.result == u.yes_no_body
        return f"{'Có' if same else 'Không'}, thuộc thẩm quyền của {result.result}"
    if result.met is None or result.kind in THRESHOLD_KINDS or not alone:
        return result.result
    ending = without_closing(fold(u.text).rstrip(" ?.!")).rsplit(" ", 1)[-1]
    yes, no = _YES_NO_ANSWERS.get(ending, ("", ""))
    word = yes if result.met else no
    return f"{word} — {result.result[:1].lower()}{result.result[1:]}" if word else result.result


def _no_rule_line(entry: DocumentNumeric, doc: Document, citations: list[Citation]) -> str:
    line = f"{_short(doc)} không quy định về nội dung được hỏi."
    if entry.nearest is not None:
        citation = rule_citation(entry.nearest, doc)
        if citation is not None:
            citations.append(citation)
            where = location(citation.article, citation.clause, citation.point)
            line += (
                f" Quy định gần nhất ({where}): {describe(entry.nearest)}.\n   «{citation.quote}»"
            )
    return line


# The note of an answer that says the documents in scope have no rule of the kind asked.
NO_RULE_NOTE = "Văn bản không quy định con số được hỏi; không suy đoán giá trị."


def _no_rule_answer(
    u: Understanding, per_doc: list[DocumentNumeric], documents: Mapping[str, Document]
) -> Answer | None:
    citations: list[Citation] = []
    lines = [_no_rule_line(d, documents[d.document_id], citations) for d in per_doc if d.no_rule]
    if not citations:
        return None  # nothing of this kind at all: the caller cites the closest clause
    return Answer(
        question=u.original,
        kind="refusal" if not citations else "numeric",
        answer="\n".join(lines),
        citations=citations,
        documents=[_ref(documents[d.document_id]) for d in per_doc],
        notes=[NO_RULE_NOTE],
    )


def _ref(doc: Document) -> DocumentRef:
    m = doc.meta
    return DocumentRef(
        document_id=doc.id, title=m.title, number=m.number, issuing_body=m.issuing_body
    )
