"""Answer numeric questions from extracted rules, with exact arithmetic.

The question is read into a :class:`QuestionFrame` (:mod:`assistant.rules.frame`), then
matched against each document's rules. Nothing is invented: a template blank comes back
``unspecified``; a document without a matching rule comes back ``no_rule`` with its
nearest rule of the same kind. Choosing which documents to answer for is the caller's
job; ``scope`` only filters.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from assistant.models import NumericResult, Turn
from assistant.quantity_roles import role_info
from assistant.rules.apply import apply_rule
from assistant.rules.frame import DEFAULT_SUBJECTS, is_numeric_question, read_question
from assistant.rules.intent import HEAD_COUNT_KINDS, named_subject, numeric_asks, read_intent
from assistant.rules.models import (
    THRESHOLD_KINDS,
    DocumentNumeric,
    NumericAnswer,
    QuestionFrame,
    Rule,
    RuleKind,
    RuleMatch,
)
from assistant.rules.topic import case_named, closest_topic, topic_words
from ingest.bodies import find_bodies
from ingest.rules.text import fold_query


def answer_numeric(
    question: str,
    rules: Sequence[Rule],
    history: Sequence[Turn] = (),
    scope: Sequence[str] | None = None,
) -> NumericAnswer | None:
    """Rules answering ``question``, per document, computed where the question gives a
    number. None when the question is neither numeric nor about a kind of rule."""
    return answer_frame(
        read_question(question, history), is_numeric_question(question), question, rules, scope
    )


def answer_frame(
    frame: QuestionFrame,
    numeric: bool,
    question: str,
    rules: Sequence[Rule],
    scope: Sequence[str] | None = None,
) -> NumericAnswer | None:
    """:func:`answer_numeric` for a question already read (``frame``, ``numeric``)."""
    if frame.kind is None:
        return NumericAnswer(is_numeric=True, frame=frame) if numeric else None
    by_doc: dict[str, list[Rule]] = {}
    for rule in rules:
        by_doc.setdefault(rule.document_id, []).append(rule)
    doc_ids = list(scope) if scope is not None else list(by_doc)
    results: list[DocumentNumeric] = []
    for doc_id in doc_ids:
        result = _document_result(frame, question, by_doc.get(doc_id, []), doc_id)
        if scope is None and result.no_rule:
            continue
        results.append(result)
    return NumericAnswer(is_numeric=numeric, frame=frame, documents=tuple(results))


def _document_result(
    frame: QuestionFrame, question: str, rules: list[Rule], doc_id: str
) -> DocumentNumeric:
    same_kind = [r for r in rules if r.kind == frame.kind]
    candidates = _candidates(frame, question, same_kind)
    deciding = frame.measure
    if not candidates:
        nearest = _nearest(frame, same_kind)
        return DocumentNumeric(document_id=doc_id, no_rule=True, nearest=nearest)
    members = _membership(rules)
    validity = _meeting_validity(frame, question, rules, doc_id)
    held = all(m.calculation is None or m.calculation.met is not False for m in validity)
    matches = [apply_rule(frame, rule, members.get(rule.body), held) for rule in candidates]
    if deciding is not None:
        decided = _deciding(matches, deciding)
        others = [r for r in same_kind if r not in candidates]
        more = _same_decider(frame, decided, others, members, held)
        matches = [*_escalated(frame, rules, members), *decided, *more]
    elif frame.kind in THRESHOLD_KINDS:
        scale = _scale_sizes([r for r in same_kind if r.subject == matches[0].rule.subject])
        matches.sort(key=lambda m: -scale.get((m.rule.part, m.rule.article), 0))
    return DocumentNumeric(document_id=doc_id, matches=(*validity, *matches))


def _escalated(
    frame: QuestionFrame, rules: list[Rule], members: dict[str, Rule]
) -> list[RuleMatch]:
    """ "1 tỷ mà giải tỏa 40 hộ": a number of households the question also
    gives that meets a threshold of its own ("từ 20 hộ dân trở lên thì phải trình ...")
    names the body that decides whatever the amount; it comes first."""
    if frame.households is None or frame.kind == "count_threshold":
        return []
    found = [
        apply_rule(frame, r, members.get(r.body), True)
        for r in rules
        if r.kind == "count_threshold"
    ]
    return [m for m in found if m.calculation is not None and m.calculation.met]


def _candidates(frame: QuestionFrame, question: str, same_kind: list[Rule]) -> list[Rule]:
    """The rules of the kind asked that answer the question: of the subject and bodies it
    names, then the closest in topic (and, for an amount, of the case it names)."""
    candidates = same_kind
    subjects = (frame.subject, *frame.more_subjects)
    subject_named = frame.subject is not None and frame.subject not in DEFAULT_SUBJECTS
    if frame.subject:
        by_subject = [r for r in candidates if r.subject in subjects]
        if by_subject or subject_named:
            # a subject the question names (a report, a complaint) is never answered with
            # another subject's rule; only the intent's default falls back to the kind
            candidates = by_subject
    candidates = _of_members(frame, candidates)
    deciding = frame.measure
    pieces = numeric_asks(fold_query(question))
    if len(pieces) > 1 and deciding is None and not frame.more_subjects:
        # each ask by the subject it names itself, if any: "Văn phòng rà soát hồ sơ mất mấy
        # ngày, Thường trực duyệt mất bao lâu" asks the appraisal, then the standing act
        # (an ask may take its rule from the whole kind, past the candidates: the members
        # the question counts hold there too)
        return _of_members(frame, _per_ask(pieces, candidates, frame.bodies, same_kind, frame.kind))
    if frame.bodies and deciding is None:
        # With an amount the bodies are the answer, not a filter: "Đảng ủy xã ... 4,999 tỷ"
        # must reach the tier that says who decides below 5 tỷ.
        of_bodies = _own_rules(frame.bodies, candidates, frame.kind)
        # A named subject's rule keeps its place when the body named is the other party
        # ("báo cáo Huyện ủy": the Huyện ủy receives the report, Ban Thường vụ makes it).
        candidates = of_bodies if of_bodies or not subject_named else candidates
    if len(candidates) > 1:
        threshold = frame.kind in THRESHOLD_KINDS
        if frame.more_subjects:
            # several asks: the closest rules of each, in the order asked
            candidates = [
                r
                for subject in subjects
                for r in closest_topic(
                    question, [c for c in candidates if c.subject == subject], threshold
                )
            ]
        elif frame.kind == "count" and len(frame.bodies) > 1:
            # "Ban A và Ban B mỗi bên mấy người?": the size of each body named
            candidates = [
                r
                for body in frame.bodies
                for r in closest_topic(question, [c for c in candidates if c.body == body], False)
            ]
        else:
            candidates = closest_topic(question, candidates, threshold)
        if deciding is not None:
            # a threshold per case ("đất trồng lúa từ 10 ha, đất rừng phòng hộ từ 20 ha"):
            # an amount is decided only by the case the question names
            q_words = topic_words(question)
            named = [(case_named(r, q_words), r) for r in candidates]
            best = max((score for score, _ in named), default=0.0)
            candidates = [r for score, r in named if score and score == best] or candidates
    return candidates


def _of_members(frame: QuestionFrame, rules: list[Rule]) -> list[Rule]:
    """ "Đảng ủy 27 ủy viên, ... Ban Thường vụ triệu tập": a share of the 27 is a share of
    the Đảng ủy's members; another body's rule would count other members."""
    if frame.members_of is None or frame.kind not in HEAD_COUNT_KINDS:
        return rules
    return [r for r in rules if r.body == frame.members_of] or rules


def _of_bodies(named: Collection[str], rules: list[Rule]) -> list[Rule]:
    """The rules of the bodies named; a two-sided rule names a body on each side ("từ 03
    tỷ: Ban Thường vụ; dưới 03 tỷ thì ủy quyền Thường trực"): either is a body of it."""
    return [r for r in rules if {r.body, r.if_met_body, r.otherwise_body} & set(named)]


def _own_rules(named: Collection[str], rules: list[Rule], kind: RuleKind | None) -> list[Rule]:
    """The rules of the bodies named; for a share of members, also those a rule's own
    sentence names (a rule extracted for one of the bodies its sentence names counts the
    others' members too)."""
    own = _of_bodies(named, rules)
    if not own and kind in HEAD_COUNT_KINDS:
        own = _naming(named, rules)
    return own


def _naming(named: Collection[str], rules: list[Rule]) -> list[Rule]:
    """The rules whose own sentence names a body named ("... xin ý kiến Tỉnh ủy, Ban
    Thường vụ Tỉnh ủy bằng văn bản" names both, though its rule is one body's)."""
    return [r for r in rules if {m.body for m in find_bodies(r.sentence)} & set(named)]


def _per_ask(
    pieces: Sequence[str],
    rules: list[Rule],
    bodies: Sequence[str],
    same_kind: list[Rule],
    kind: RuleKind | None,
) -> list[Rule]:
    """Several asks of one kind told apart by their words ("BTV xét trong bao lâu, lễ
    kết nạp làm trong bao lâu"): the closest rules of each, in the order asked. An ask
    that names a body is answered by that body's rules. One that names none may ask
    another body's act: the rules whose own sentence shares most of its words, those of
    the bodies the question names first among equals."""
    found: list[Rule] = []
    for piece in pieces:
        named = {m.body for m in find_bodies(piece)}
        subject = named_subject(kind, piece)
        among = [r for r in same_kind if r.subject == subject] if subject else []
        if not among and named and not _of_bodies(named, rules) and read_intent(piece)[0] == kind:
            # an ask of its own body's act ("Thường trực duyệt mất bao lâu"), which the
            # subject another ask names does not bound; an ask naming neither ("còn xã
            # kia bao lâu") asks again what the other asked
            among = same_kind
        among = among or rules
        own = _of_bodies(named, among)
        closest = closest_topic(piece, own or among, False)
        if not own:
            words = topic_words(piece)
            shared = {id(r): len(words & topic_words(r.sentence)) for r in closest}
            top = max(shared.values(), default=0)
            closest = [r for r in closest if shared[id(r)] == top]
            if kind in HEAD_COUNT_KINDS and (named or bodies):
                # a share of one body's members is never counted by another body's rule
                # ("Ban Chấp hành 35 người, 20 dự": no Ban Thường vụ quorum decides it)
                closest = _own_rules(named or bodies, closest, kind)
            else:
                closest = _of_bodies(bodies, closest) or closest
        found += closest
    return list(dict.fromkeys(found))


def _meeting_validity(
    frame: QuestionFrame, question: str, rules: list[Rule], doc_id: str
) -> tuple[RuleMatch, ...]:
    """The quorum decided on those present, when the question decides another count taken
    at that meeting ("27 ủy viên, 20 người dự, 17 người tán thành"): the first match."""
    if frame.given_present is None or frame.kind == "quorum":
        return ()
    present = role_info("present")
    meeting = frame.model_copy(
        update={
            "kind": present.rule_kind,
            "subject": present.subject,
            "more_subjects": (),
            "given_count": frame.given_present,
            "given_as": present.verbs[0],
            "given_present": None,
        }
    )
    found = _document_result(meeting, question, rules, doc_id).matches[:1]
    return found if found and found[0].calculation is not None else ()


def _membership(rules: Sequence[Rule]) -> dict[str, Rule]:
    """The stated size of each body ("Ban Chấp hành gồm 21 đồng chí"), when the document
    gives exactly one."""
    sizes: dict[str, list[Rule]] = {}
    for rule in rules:
        if rule.kind == "count" and rule.subject == "membership" and rule.value.number:
            sizes.setdefault(rule.body, []).append(rule)
    return {body: found[0] for body, found in sizes.items() if len(found) == 1}


def _deciding(matches: list[RuleMatch], amount: int) -> list[RuleMatch]:
    """Of several money rules ("từ 05 tỷ trở lên: BCH", "dưới 05 tỷ: BTV", "dưới 500 triệu:
    Thường trực"), the one that decides an amount: a rule it satisfies that names a body,
    the tightest threshold first (300 triệu → "dưới 500 triệu", not "dưới 05 tỷ")."""
    # a rule names who decides on the side the amount falls (two-sided rules name both)
    deciding = [m for m in matches if m.calculation and m.calculation.result] or matches
    tiers = _scale_sizes([m.rule for m in matches])
    ordered = sorted(
        deciding,
        key=lambda m: (
            -tiers[(m.rule.part, m.rule.article)],
            abs(amount - (m.rule.value.number or 0)),
        ),
    )
    # the tightest tier decides: a looser one the amount also satisfies ("dưới 05 tỷ: Ban
    # Thường vụ" for 400 triệu, under "dưới 500 triệu: Thường trực") names no one who
    # decides it; the other clauses that give the deciding body that tier stay
    decided = ordered[0].calculation.result if ordered and ordered[0].calculation else ""
    if not decided:
        return ordered
    return [m for m in ordered if not m.calculation or m.calculation.result in ("", decided)]


def _same_decider(
    frame: QuestionFrame,
    decided: list[RuleMatch],
    others: list[Rule],
    members: dict[str, Rule],
    held: bool,
) -> list[RuleMatch]:
    """The other clauses of the deciding rule's scale that give the body it names the
    amount too ("Thường trực quyết định ... dưới 500 triệu và báo cáo ...": its own
    article); none when no rule decided."""
    first = decided[0] if decided else None
    body = first.calculation.result if first and first.calculation else ""
    if first is None or not body:
        return []
    applied = (
        apply_rule(frame, r, members.get(r.body), held)
        for r in others
        if r.subject == first.rule.subject
    )
    return [m for m in applied if m.calculation and m.calculation.result == body]


def _scale_sizes(rules: list[Rule]) -> dict[tuple[str, int], int]:
    """Thresholds per article: the article that lays out the whole scale (several tiers)
    outranks a clause that mentions one tier in passing ("... từ 05 tỷ trở lên theo quy
    định tại Điều 11")."""
    tiers: dict[tuple[str, int], int] = {}
    for rule in rules:
        key = (rule.part, rule.article)
        tiers[key] = tiers.get(key, 0) + 1
    return tiers


def _nearest(frame: QuestionFrame, same_kind: list[Rule]) -> Rule | None:
    if not same_kind:
        return None
    if frame.subject:
        same_subject = [r for r in same_kind if r.subject == frame.subject]
        if same_subject:
            return same_subject[0]
    return same_kind[0]


def to_numeric_result(match: RuleMatch) -> NumericResult:
    """The shared answer contract's view of one match."""
    rule = match.rule
    calc = match.calculation
    return NumericResult(
        kind=rule.kind,
        value=rule.value.text,
        basis=rule.basis,
        result=calc.result if calc else "",
        computation=calc.computation if calc else "",
        unspecified=match.unspecified or rule.value.unspecified,
        met=calc.met if calc else None,
    )


__all__ = [
    "answer_frame",
    "answer_numeric",
    "is_numeric_question",
    "read_question",
    "to_numeric_result",
]
