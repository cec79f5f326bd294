"""Answer numeric questions from extracted rules, with exact arithmetic.

The question is read into a :class:`QuestionFrame` (rule kind, subject, bodies, numbers
given), then matched against each document's rules. Nothing is invented: a template
blank comes back ``unspecified``; a document without a matching rule comes back
``no_rule`` with its nearest rule of the same kind. Choosing which documents to answer
for is the caller's job; ``scope`` only filters.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import cast

from assistant.citations import location
from assistant.models import NumericResult, Turn
from assistant.quantities import given_quantities, role_info
from assistant.rules.calc import (
    area_decision,
    count_verdict,
    latest_send_date,
    money_decision,
    occurrences_per,
    required_count,
)
from assistant.rules.models import (
    THRESHOLD_KINDS,
    Calculation,
    DocumentNumeric,
    NumericAnswer,
    QuestionFrame,
    Rule,
    RuleKind,
    RuleMatch,
    format_int,
)
from ingest.rules.amounts import AREA_UNIT, find_area, find_money
from ingest.rules.days import day_subject
from ingest.rules.frequencies import frequency_subject
from ingest.rules.text import (
    Mention,
    find_mentions,
    fold_aligned,
    fold_query,
    is_seat,
    unique_bodies,
)

# "họp về công tác tổ chức cán bộ vào lúc nào": when a meeting is held, asked at the end.
_MEETING_WHEN = r"(?<![a-z])hop(?![a-z]).{0,60}(?<![a-z])vao (?:khi nao|luc nao|ngay nao|thu may)"
# "tổng mức đầu tư từ bao nhiêu thì ...", "dự án bao nhiêu tiền thì ...": a money
# threshold asked without an amount.
_THRESHOLD_ASKED = (
    r"(?:dau tu|kinh phi|ngan sach|du toan|gia tri).{0,40}(?:tu|tren|duoi) (?:bao nhieu|muc nao)"
    r"|(?:du an|cong trinh|dau tu|kinh phi|du toan|mua sam).{0,30}"
    r"(?:bao nhieu (?:tien|ty|trieu)|may (?:ty|trieu))"
    # "chi dưới bao nhiêu tiền", "từ mấy tỷ"
    r"|(?:tu|tren|duoi|khong qua) (?:bao nhieu|may) (?:tien|ty|trieu|dong)"
    # the scale itself: "ngưỡng tiền phân cấp", "mức vốn đầu tư nào", "hạn mức chi"
    r"|(?:nguong|muc) (?:tien|von|dau tu|kinh phi|gia tri|chi)|han muc"
)
# "chi" as spending ("khoản chi", "chi 300 triệu"), not "chi bộ", "chi ủy", "chỉ đạo".
_SPENDING = r"(?<![a-z])chi(?! (?:bo|uy|dao|tiet|doan|hoi|cuc|nhanh)(?![a-z]))(?![a-z])"
_NUMERIC_CUES = re.compile(
    r"bao nhieu|bao lau|may (?:ngay|lan|thang|tuan|nguoi|uy vien|thanh vien|buoi|phan|gio)"
    r"|toi thieu|toi da|it nhat|khong qua|ty le|bao nhieu phan tram|phan tram"
    r"|(?<![a-z])may(?![a-z])|ai quyet dinh|thuoc tham quyen|tham quyen cua ai|(?<!quyet )dinh ky(?! luat)|thuong le"
    r"|can (?:co )?\d+|truoc (?:bao|may)|chua du|du (?:dieu kien|so)|hop le khong|cham nhat|ngay nao"
    r"|(?:hop le|thong qua|tien hanh) khi nao|(?<![a-z])hop (?:vao )?(?:khi nao|luc nao|thu may)"
    rf"|{_MEETING_WHEN}|{_THRESHOLD_ASKED}"
)
_ABBREVIATIONS = {
    "btv": "Ban Thường vụ",
    "bch": "Ban Chấp hành",
    "tttu": "Thường trực",
    "tthu": "Thường trực",
    "ttdu": "Thường trực",
    "bcs": "Ban cán sự đảng",
    "bcsd": "Ban cán sự đảng",
}

# (kind, subject or None, cue regex over the folded question); first match wins.
_INTENTS: tuple[tuple[RuleKind, str | None, str], ...] = (
    (
        "area_threshold",
        None,
        rf"\d[\d.,]*\s*{AREA_UNIT}(?![a-z0-9])|(?:bao nhieu|may) {AREA_UNIT}(?![a-z0-9])"
        r"|dien tich.{0,30}(?:tu|tren|duoi) (?:bao nhieu|muc nao)",
    ),
    (
        "money_threshold",
        None,
        rf"\d[\d.,]*\s*(?:ty|ti|trieu)|(?<![a-z])(?:ty|ti) dong|ai quyet dinh.*(?:du an|{_SPENDING}|dau tu)"
        rf"|{_THRESHOLD_ASKED}",
    ),
    (
        "request_trigger",
        "extraordinary_meeting",
        # a request or an extraordinary session, of a meeting ("đề nghị kết nạp" is not one)
        r"(?=.*(?<![a-z])(?:hop|hoi nghi|trieu tap)(?![a-z])).*(?:de nghi|yeu cau|dot xuat|bat thuong)"
        r"|(?:nguoi|uy vien|thanh vien) (?:de nghi|yeu cau)",
    ),
    ("lead_time", "document_submission", r"tham dinh|gui .*van phong"),
    (
        "lead_time",
        "document_sending",
        r"gui (?:tai lieu|giay moi|de an)|truoc (?:ky hop|hoi nghi|phien hop|cuoc hop|ngay hop)|gui truoc|giay moi",
    ),
    (
        "duration",
        "meeting_duration",
        r"keo dai|thoi gian (?:hoi nghi|hop|to chuc)|hop (?:trong )?(?:may|bao nhieu) (?:ngay|buoi)|may buoi"
        r"|(?:toi da|khong qua) (?:(?:may|bao nhieu) (?:ngay|buoi)|bao lau)",
    ),
    ("vote_threshold", "written_consultation", r"(?:xin|lay) y kien.*(?:van ban)"),
    (
        "vote_threshold",
        "resolution",
        # a negated approval ("không đồng ý kết nạp") is a refusal, not a vote count
        r"(?<!khong )(?<!chua )(?:tan thanh|thong qua|dong y)|bieu quyet"
        r"|nghi quyet.*(?:hieu luc|hop le)",
    ),
    (
        "quorum",
        "meeting_validity",
        r"hop le|tien hanh|tham du|du hop|co mat|du nguoi|bao nhieu nguoi|toi thieu"
        r"|can (?:co )?(?:it nhat |toi thieu )?(?:bao nhieu|may) (?:nguoi|uy vien|thanh vien|dong chi)",
    ),
    (
        "frequency",
        "regular_meeting",
        r"bao lau (?:hop )?mot lan|may lan|(?:so lan|tan suat) (?:hop|hoi nghi)|(?:hop|hoi nghi) (?:dinh ky|thuong le)|(?<!quyet )dinh ky(?! luat)|thuong le|mot nam .*hop|hop .*(?:mot|moi) (?:nam|thang|quy)"
        r"|hop (?:vao )?(?:khi nao|luc nao|ngay nao|thu may)|lich hop"
        rf"|{_MEETING_WHEN}",
    ),
    (
        "deadline",
        None,
        r"thoi han|cham nhat|trong vong|trong (?:bao lau|may (?:ngay|gio|thang))"
        r"|truoc ngay nao|han (?:chot|cuoi)",
    ),
    (
        "count",
        "membership",
        r"gom (?:bao nhieu|may)(?: (?:uy vien|thanh vien|nguoi|dong chi)|\s*\??$)"
        r"|so luong (?:uy vien|thanh vien)"
        r"|co (?:bao nhieu|may) (?:uy vien|thanh vien|nguoi)(?! (?:du|tham du|co mat|tan thanh|de nghi|yeu cau))",
    ),
)
_MEMBERS = re.compile(
    r"(?<![\d.,/])(\d{1,4})\s*(?:nguoi|uy vien|thanh vien|dong chi|ong|ba|tinh uy vien|huyen uy vien)(?![a-z])"
    r"|(?:co|gom|tong so|tong cong|la)\s+(\d{1,4})(?![\d/.,]|\s*(?:ty|trieu|ngay|thang|nam|lan|%))"
)
_DATE = re.compile(
    r"(?<!\d)(\d{1,2})\s*[/-]\s*(\d{1,2})(?:\s*[/-]\s*(\d{4}))?(?!\d)|ngay (\d{1,2}) thang (\d{1,2})(?: nam (\d{4}))?"
)
_PER = re.compile(r"(?:mot|1|moi|trong|hang) (nam|quy|thang)")


def read_question(question: str, history: Sequence[Turn] = ()) -> QuestionFrame:
    """What a question asks: rule kind, subject, bodies, and numbers it gives."""
    q = fold_query(question)
    kind, subject = _intent(q)
    given = given_quantities(question)
    if given.role is not None and kind in (None, "quorum", "vote_threshold", "request_trigger"):
        # A count with its verb ("8 người dự") says which rule decides it; a subject the
        # question names for that kind of rule stays ("hỏi ý kiến qua phiếu ... 5 người
        # tán thành" is decided by the written consultation's threshold)
        info = role_info(given.role)
        if kind != info.rule_kind or subject is None:
            kind, subject = cast(RuleKind, info.rule_kind), info.subject
    bodies = _bodies(question)
    owner = _total_owner(question, given.total)
    if owner is not None and owner not in bodies:
        # "Tỉnh ủy có 50 ủy viên, 24 người đề nghị thì Ban Thường vụ có phải triệu tập?":
        # the rule counts the members of the body whose size is given
        bodies = [owner, *bodies]
    if kind is None or not bodies:
        # a follow-up ("còn Ban Thường vụ thì sao?") borrows what it leaves out
        for turn in reversed(history):
            if turn.role != "user":
                continue
            prev = fold_query(turn.content)
            if kind is None:
                kind, subject = _intent(prev)
            if not bodies and kind is not None and _intent(q)[0] is None:
                bodies = _bodies(turn.content)
            if kind is not None:
                break
    money = find_money(question) if kind == "money_threshold" else []
    area = find_area(question) if kind == "area_threshold" else []
    asked = _asked_subjects(q, kind)
    if asked:
        subject = asked[0]
    members = None
    if given.role is not None:
        members = given.total
    elif kind in ("quorum", "vote_threshold", "request_trigger"):
        m = _MEMBERS.search(q)
        if m:
            members = int(m.group(1) or m.group(2))
    date = _date(q) if kind == "lead_time" else None
    per = _PER.search(q) if kind == "frequency" else None
    return QuestionFrame(
        kind=kind,
        subject=subject,
        bodies=tuple(bodies),
        member_count=members,
        given_count=given.count,
        given_as=role_info(given.role).verbs[0] if given.role is not None else "",
        given_present=given.present,
        amount=money[0].value if money else None,
        amount_alternative=money[0].alternative if money else None,
        area=area[0].value if area else None,
        more_subjects=asked[1:],
        date=date,
        per_period=per.group(1)
        .replace("nam", "năm")
        .replace("quy", "quý")
        .replace("thang", "tháng")
        if per
        else None,
    )


# Where a question asks its measure, and what divides a condition from the ask ("...
# không tán thành kết luận thì kiến nghị lại trong mấy ngày" asks a deadline, not a vote).
_ASKED_MEASURE = re.compile(
    r"(?<![a-z])(?:bao lau|bao nhieu|may|khi nao|luc nao|bao gio|ngay nao|thu may)(?![a-z])"
)
_SEGMENT_BREAK = re.compile(r"(?<![a-z])thi(?![a-z])|[,;?]")


def _intent(q: str) -> tuple[RuleKind | None, str | None]:
    """The kind of rule asked: the first cue (in the order of ``_INTENTS``) written in the
    part of the question that asks the measure, else the first cue anywhere."""
    found = [
        (kind, subject, cue) for kind, subject, cue in _INTENTS if re.search(cue, q) is not None
    ]
    if not found:
        return None, None
    anchor = _ASKED_MEASURE.search(q)
    if anchor is not None and len(found) > 1:
        starts = [0, *(m.end() for m in _SEGMENT_BREAK.finditer(q) if m.end() <= anchor.start())]
        stop = _SEGMENT_BREAK.search(q, anchor.end())
        segment = q[starts[-1] : stop.start() if stop else len(q)]
        here = [f for f in found if re.search(f[2], segment) is not None]
        found = here or found
    kind, subject, _ = found[0]
    return kind, _refined_subject(kind, subject, q)


def _asked_subjects(q: str, kind: RuleKind | None) -> tuple[str, ...]:
    """The subjects of several asks of one kind in one question, in the order asked
    ("công bố trong bao lâu và khiếu nại trong bao lâu" → announcement, complaint)."""
    if kind not in ("deadline", "frequency", "lead_time"):
        return ()
    asks = [p for p in re.split(r"\s(?:va|con)\s|[,;?]", q) if _NUMERIC_CUES.search(p)]
    found: list[str] = []
    for piece in asks if len(asks) > 1 else ():
        named = _refined_subject(kind, None, piece)
        if named is not None and named not in found:
            found.append(named)
    return tuple(found) if len(found) > 1 else ()


def _refined_subject(kind: RuleKind, subject: str | None, q: str) -> str | None:
    """The subject a question names, read the way rules are read ("báo cáo định kỳ" is a
    report, not a meeting); the intent's default when it names none."""
    if kind == "frequency":
        named = frequency_subject(q, q)
        return subject if named in ("other", "regular_meeting") else named
    if kind == "deadline":
        named = day_subject("deadline", q)
        return subject if named == "other" else named
    return subject


def _bodies(question: str) -> list[str]:
    folded = fold_aligned(question)
    mentions = find_mentions(folded)
    if len({m.rule_body for m in mentions if m.rule_body}) > 1:
        # "Thường trực Đảng ủy ...", "Quy chế mẫu Đảng ủy UBND tỉnh: Ban Thường vụ": a bare
        # seat name beside another body names the committee, not its Ban Chấp hành;
        # "Hội nghị Tỉnh ủy" still is the Ban Chấp hành.
        mentions = [m for m in mentions if not _seat_only(folded, m)]
    # "quy chế Tỉnh ủy Điện Biên", "quy chế của Đảng ủy xã Tân Phú": the seat names the
    # document, not a body whose rules are asked for
    mentions = [
        m
        for m in mentions
        if not (is_seat(folded, m) and _NAMES_REGULATION.search(folded[: m.start]))
    ]
    found = unique_bodies(mentions)
    for abbr, body in _ABBREVIATIONS.items():
        if re.search(rf"(?<![a-z]){abbr}(?![a-z])", folded) and body not in found:
            found.append(body)
    return [b for b in found if b not in ("Bí thư", "Phó Bí thư") or len(found) == 1]


_NAMES_REGULATION = re.compile(r"(?<![a-z])quy che(?: lam viec)?(?: mau)?(?: cua)?\s*$")


# A size belongs to the body named just before it ("Tỉnh ủy có 50 ủy viên", "BTV 13 người").
MAX_WORDS_BODY_TO_SIZE = 3


def _total_owner(question: str, total: int | None) -> str | None:
    """The body whose size the question gives, as the rule module names bodies."""
    if total is None:
        return None
    folded = fold_aligned(question)
    size = re.search(rf"(?<![\d.,/]){total}(?![\d.,/])", folded)
    if size is None:
        return None
    before = [m for m in find_mentions(folded) if m.end <= size.start() and m.rule_body]
    if not before:
        return None
    gap = folded[before[-1].end : size.start()].split()
    return before[-1].rule_body if len(gap) <= MAX_WORDS_BODY_TO_SIZE else None


def _seat_only(folded: str, mention: Mention) -> bool:
    before = folded[max(0, mention.start - 12) : mention.start]
    return (
        mention.body == "Ban Chấp hành"
        and is_seat(folded, mention)
        and not re.search(r"(?:hoi nghi|hop|phien hop|ky hop)\s*$", before)
    )


def _date(q: str) -> dt.date | None:
    m = _DATE.search(q)
    if not m:
        return None
    day, month, year = (
        (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
    )
    try:
        return dt.date(int(year) if year else dt.date.today().year, int(month), int(day))
    except ValueError:
        return None


def is_numeric_question(question: str) -> bool:
    """Whether the question asks for a number ("bao nhiêu", "mấy ngày", "tối thiểu") or
    who decides an amount of money or an area; with or without diacritics."""
    q = fold_query(question)
    return bool(
        _NUMERIC_CUES.search(q)
        or find_money(question)
        or find_area(question)
        or given_quantities(question).role is not None
    )


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
    candidates = same_kind
    subjects = (frame.subject, *frame.more_subjects)
    named_subject = frame.subject is not None and frame.subject not in _DEFAULT_SUBJECTS
    if frame.subject:
        by_subject = [r for r in candidates if r.subject in subjects]
        if by_subject or named_subject:
            # a subject the question names (a report, a complaint) is never answered with
            # another subject's rule; only the intent's default falls back to the kind
            candidates = by_subject
    deciding = frame.measure
    if frame.bodies and deciding is None:
        # With an amount the bodies are the answer, not a filter: "Đảng ủy xã ... 4,999 tỷ"
        # must reach the tier that says who decides below 5 tỷ.
        # A two-sided rule names a body on each side ("từ 03 tỷ: Ban Thường vụ; dưới 03 tỷ
        # thì ủy quyền Thường trực"): either is a body of that rule.
        of_bodies = [
            r for r in candidates if {r.body, r.if_met_body, r.otherwise_body} & set(frame.bodies)
        ]
        # A named subject's rule keeps its place when the body named is the other party
        # ("báo cáo Huyện ủy": the Huyện ủy receives the report, Ban Thường vụ makes it).
        candidates = of_bodies if of_bodies or not named_subject else candidates
    if len(candidates) > 1:
        threshold = frame.kind in THRESHOLD_KINDS
        if frame.more_subjects:
            # several asks: the closest rules of each, in the order asked
            candidates = [
                r
                for subject in subjects
                for r in _closest_topic(
                    question, [c for c in candidates if c.subject == subject], threshold
                )
            ]
        else:
            candidates = _closest_topic(question, candidates, threshold)
        if deciding is not None:
            # a threshold per case ("đất trồng lúa từ 10 ha, đất rừng phòng hộ từ 20 ha"):
            # an amount is decided only by the case the question names
            q_words = _topic_words(question)
            candidates = [r for r in candidates if _condition_met(r, q_words)] or candidates
    if not candidates:
        nearest = _nearest(frame, same_kind)
        return DocumentNumeric(document_id=doc_id, no_rule=True, nearest=nearest)
    members = _membership(rules)
    matches = [_match(frame, rule, members.get(rule.body)) for rule in candidates]
    if deciding is not None:
        matches = _deciding(matches, deciding)
    elif frame.kind in THRESHOLD_KINDS:
        scale = _scale_sizes([r for r in same_kind if r.subject == matches[0].rule.subject])
        matches.sort(key=lambda m: -scale.get((m.rule.part, m.rule.article), 0))
    return DocumentNumeric(
        document_id=doc_id, matches=(*_meeting_validity(frame, question, rules, doc_id), *matches)
    )


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


# Subjects an intent assumes when the question names none; the others are named.
_DEFAULT_SUBJECTS = frozenset(subject for _, subject, _ in _INTENTS if subject)


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
    return sorted(
        deciding,
        key=lambda m: (
            -tiers[(m.rule.part, m.rule.article)],
            abs(amount - (m.rule.value.number or 0)),
        ),
    )


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


_GENERIC = frozenset(
    [
        "ty",
        "ti",
        "trieu",
        "dong",
        "thi",
        "ai",
        "quyet",
        "dinh",
        "do",
        "la",
        "co",
        "cac",
        "nhung",
        "tu",
        "tro",
        "len",
        "duoi",
        "va",
        "hoac",
        "cho",
        "duoc",
        "bao",
        "nhieu",
        "nao",
        "gi",
        "khi",
        "thuoc",
        "tham",
        "quyen",
        "cua",
        "ban",
        "thuong",
        "vu",
        "chap",
        "hanh",
        "truc",
        "tinh",
        "huyen",
        "uy",
        "dang",
        "xa",
        "khoi",
        # the frame of a comparison or of a document's name, not what is asked about
        "so",
        "sanh",
        "giua",
        "khac",
        "nhau",
        "giong",
        "quy",
        "che",
    ]
)


def _topic_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", fold_query(text)) if w not in _GENERIC}


def _closest_topic(question: str, rules: list[Rule], keep_subject: bool) -> list[Rule]:
    """The rules whose sentence shares most words with the question ("giao ban với Viện
    kiểm sát" → the clause about the Viện kiểm sát, not the one about Mặt trận)."""
    if len(rules) < 2:
        return rules
    q_words = _topic_words(question)
    scored = [(len(q_words & _topic_words(r.sentence)), r) for r in rules]
    best = max(score for score, _ in scored)
    if keep_subject:
        # Money: keep the whole tier list of the best topic (investment, spending...): one
        # sentence sharing more words must not hide the other tiers of the same scale.
        subjects = {r.subject for score, r in scored if score == best}
        return _by_condition(q_words, [r for r in rules if r.subject in subjects])
    # Keep every rule of the best clauses: one clause's rules answer together ("03 ngày;
    # nội dung quan trọng thì 05 ngày").
    places = {(r.part, r.article, r.clause) for score, r in scored if score == best}
    kept = [r for r in rules if (r.part, r.article, r.clause) in places]
    return _by_condition(q_words, kept)


def _by_condition(q_words: set[str], rules: list[Rule]) -> list[Rule]:
    """Rules limited to the case the question is about ("họp về công tác tổ chức cán bộ"
    → "đối với công tác tổ chức cán bộ thì họp vào thứ 2 hằng tuần") come first; the
    clause's other rules follow, each shown with its own condition."""
    return sorted(rules, key=lambda r: not _condition_met(r, q_words))


def _condition_met(rule: Rule, q_words: set[str]) -> bool:
    wanted = _topic_words(rule.condition) - _CONDITION_FRAME
    return bool(wanted) and len(wanted & q_words) >= max(2, len(wanted) // 2 + 1)


# Words that frame a condition rather than say what it is about.
_CONDITION_FRAME = frozenset({"doi", "voi", "truong", "hop", "khi", "neu", "thi", "cac", "nhung"})


def _match(frame: QuestionFrame, rule: Rule, size: Rule | None = None) -> RuleMatch:
    if rule.value.unspecified:
        return RuleMatch(
            rule=rule,
            unspecified=True,
            notes=("Quy chế (mẫu) để trống giá trị này; đơn vị áp dụng tự quy định.",),
        )
    calculation: Calculation | None = None
    notes: list[str] = []
    fraction = rule.value.fraction
    size_rule: Rule | None = None
    members = frame.member_count
    if fraction is not None and not members and size is not None and _on_total(rule):
        # "2/3 tổng số ủy viên" and the document says how many there are (Điều 3: 21)
        size_rule, members = size, size.value.number
    if fraction is not None and members:
        calculation = required_count(fraction, rule.comparator, members)
        if frame.given_count is not None:
            calculation = count_verdict(calculation, frame.given_count, frame.given_as)
        if rule.basis:
            calculation = calculation.model_copy(
                update={"computation": f"{calculation.computation} (tính trên {rule.basis})"}
            )
        if size_rule is not None:
            notes.append(
                f"Số {members} là số lượng {size_rule.body} do văn bản quy định "
                f"({location(size_rule.article, size_rule.clause, size_rule.point)}); nếu số ủy viên thực tế khác thì tính lại."
            )
    elif (
        rule.kind == "money_threshold"
        and frame.amount is not None
        and rule.value.number is not None
    ):
        calculation = money_decision(
            frame.amount, rule.comparator, rule.value.number, rule.if_met_body, rule.otherwise_body
        )
        if frame.amount_alternative is not None:
            other = money_decision(
                frame.amount_alternative,
                rule.comparator,
                rule.value.number,
                rule.if_met_body,
                rule.otherwise_body,
            )
            notes.append(
                f"Số tiền viết có dấu chấm được hiểu là {format_int(frame.amount)} đồng (dấu chấm "
                f"phân cách hàng nghìn); nếu ý là {format_int(frame.amount_alternative)} đồng thì: "
                f"{other.computation}"
            )
    elif rule.kind == "area_threshold" and frame.area is not None and rule.value.number:
        calculation = area_decision(
            frame.area, rule.comparator, rule.value.number, rule.if_met_body, rule.otherwise_body
        )
    elif rule.kind == "lead_time" and frame.date is not None:
        calculation = latest_send_date(frame.date, rule.value)
        if calculation and rule.value.unit == "ngày làm việc":
            notes.append("Chưa trừ ngày nghỉ lễ, Tết: nếu có, phải gửi sớm hơn.")
    elif rule.kind == "frequency" and frame.per_period:
        calculation = occurrences_per(rule.value, frame.per_period)
    return RuleMatch(rule=rule, calculation=calculation, notes=tuple(notes), size_rule=size_rule)


def _on_total(rule: Rule) -> bool:
    """A share of the whole body ("tổng số ủy viên"), which a stated size can stand for;
    not of those present or currently serving."""
    basis = fold_query(rule.basis)
    return basis.startswith("tong so") and not re.search(r"duong nhiem|co mat|trieu tap", basis)


__all__ = [
    "answer_frame",
    "answer_numeric",
    "is_numeric_question",
    "read_question",
    "to_numeric_result",
]


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
    )
