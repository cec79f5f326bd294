"""The kind of rule a numeric question asks, and its subject: cue patterns over the folded
question, read where the question asks its measure (``read_intent``); whether a question
asks a number at all (``is_numeric_question``). The numbers it gives and the bodies it
names are :mod:`assistant.rules.frame`'s.
"""

from __future__ import annotations

import functools
import re

from assistant.function_words import alternation, function_words
from assistant.lexicon import is_listed
from assistant.quantities import given_quantities
from assistant.quantity_roles import ASKED_UNIT, asks_a_size
from assistant.rules.models import RuleKind
from assistant.rules.question_dates import WEEKDAY_NAMES
from ingest.normalize import canonical, mostly_accented
from ingest.rules.amounts import AREA_UNIT, find_area, find_money
from ingest.rules.days import day_subject
from ingest.rules.frequencies import frequency_subject
from ingest.rules.text import fold_query
from ingest.rules.thresholds import HOUSEHOLD_UNIT

# "ngày 9 rơi đúng thứ Bảy thì tổ họp bù ngày nào": the day a recurring act moves to.
_FALLS_ON = (
    rf"(?<![a-z])roi (?:vao|dung|trung)(?: vao)? (?:thu (?:{WEEKDAY_NAMES}|\d)|chu nhat)"
    r".{0,80}(?:ngay|hom) nao"
)
# "tổ họp bàn kế hoạch vào thứ mấy": when a meeting is held, asked at the end.
_MEETING_WHEN = r"(?<![a-z])hop(?![a-z]).{0,60}(?<![a-z])vao (?:khi nao|luc nao|ngay nao|thu may)"
# "công trình từ mức nào thì ...", "gói thầu bao nhiêu tiền thì ...": a money
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
# Typed with marks, a syllable that folds to "chi" and is not it ("chỉ" only, "chị") spends
# nothing: in a question typed with diacritics the spending cue reads the bare "chi" only.
_MARKED_CHI = re.compile(r"(?<!\w)ch[ìíỉĩị](?!\w)", re.IGNORECASE)


def intent_text(question: str) -> str:
    """The folded question the cues of :data:`INTENTS` read."""
    question = canonical(question)
    if mostly_accented(question):
        question = _MARKED_CHI.sub("chix", question)
    return fold_query(question)


# The latest point something may happen ("chậm nhất", "muộn nhất", "hạn chót"): a deadline.
_TIME_BOUNDS = alternation(function_words().time_bounds)
_NUMERIC_CUES = re.compile(
    r"bao nhieu|bao lau|may (?:ngay|lan|thang|tuan|nguoi|uy vien|thanh vien|buoi|phan|gio)"
    r"|toi thieu|toi da|it nhat|khong qua|ty le|bao nhieu phan tram|phan tram"
    r"|(?<![a-z])may(?![a-z])|ai quyet dinh|thuoc tham quyen|tham quyen cua ai|(?<!quyet )dinh ky(?! luat)|thuong le"
    r"|can (?:co )?\d+|truoc (?:bao|may)|chua du|du (?:dieu kien|so)|hop le khong|(?:ngay|hom) nao"
    rf"|{_TIME_BOUNDS}"
    r"|(?:hop le|thong qua|tien hanh) khi nao|(?<![a-z])hop (?:vao )?(?:khi nao|luc nao|thu may)"
    rf"|{_MEETING_WHEN}|{_THRESHOLD_ASKED}"
)

# A day of the month asked ("ngày nào", "ngày bao nhiêu", "ngày mấy"; "mấy ngày" is a span).
_DAY_ASKED = r"ngay (?:nao|bao nhieu|may)(?![a-z])"
# A number of days or hours asked, and asked before something.
_DAYS_ASKED = r"(?:it nhat |toi thieu )?(?:bao nhieu|may) (?:ngay|gio)(?![a-z])"
_DAYS_BEFORE = rf"truoc {_DAYS_ASKED}"
# A head count asked with no word of what the people do ("cần ít nhất mấy người?"):
# read as attendance alone, as the rule a conversation was about after a question.
_BARE_COUNT = (
    r"bao nhieu nguoi|toi thieu"
    r"|can (?:co )?(?:it nhat |toi thieu )?(?:bao nhieu|may) (?:nguoi|uy vien|thanh vien|dong chi)"
)
HEAD_COUNT_KINDS = ("quorum", "vote_threshold", "request_trigger")
# (kind, subject or None, cue regex over the folded question); first match wins.
# A number of households given ("giải tỏa 40 hộ gia đình"), its number in group 1 (folded).
HOUSEHOLD_COUNT = rf"(?<![\d.,])(\d{{1,5}})\s*{HOUSEHOLD_UNIT}(?![a-z])"
INTENTS: tuple[tuple[RuleKind, str | None, str], ...] = (
    (
        "area_threshold",
        None,
        rf"\d[\d.,]*\s*{AREA_UNIT}(?![a-z0-9])|(?:bao nhieu|may) {AREA_UNIT}(?![a-z0-9])"
        r"|dien tich.{0,30}(?:tu|tren|duoi) (?:bao nhieu|muc nao)",
    ),
    (
        # spending an amount ("chi 12 triệu mua bàn ghế"), no investment named: the rule
        # for spending from the committee's budget, not the tiers of investment
        "money_threshold",
        "budget_spending",
        r"^(?!.*(?:du an|cong trinh|dau tu|chu truong))(?=.*\d[\d.,]*\s*(?:trieu|ty|nghin))"
        rf"(?=.*{_SPENDING})",
    ),
    (
        "money_threshold",
        None,
        rf"\d[\d.,]*\s*(?:ty|ti|trieu)|(?<![a-z])(?:ty|ti) dong|ai quyet dinh.*(?:du an|{_SPENDING}|dau tu)"
        rf"|{_THRESHOLD_ASKED}",
    ),
    # households alone ("giải tỏa 40 hộ gia đình cần cấp nào đồng ý?"); with an amount, the
    # amount's kind, which the households may escalate (assistant/rules/query.py)
    ("count_threshold", None, HOUSEHOLD_COUNT),
    (
        "request_trigger",
        "extraordinary_meeting",
        # an extraordinary session of a meeting, or a request for one: by members, or
        # of a meeting named a few words after ("đề nghị kết nạp", "yêu cầu gửi tài liệu
        # trước kỳ họp" request no session)
        r"(?=.*(?<![a-z])(?:hop|hoi nghi|trieu tap)(?![a-z])).*(?:dot xuat|bat thuong)"
        r"|(?:de nghi|yeu cau)(?: [a-z]+){0,3} (?:hop|hoi nghi|trieu tap)(?![a-z])"
        r"|(?:nguoi|uy vien|thanh vien) (?:de nghi|yeu cau)",
    ),
    ("lead_time", "document_submission", r"tham dinh|gui .*van phong"),
    (
        "lead_time",
        "document_sending",
        r"gui (?:tai lieu|giay moi|de an)|truoc (?:ky hop|hoi nghi|phien hop|cuoc hop|ngay hop)|gui truoc|giay moi"
        # sent to those who attend ("văn phòng gửi cho các thành viên")
        r"|gui (?:[a-z]+ ){0,3}(?:cho|den|toi) (?:cac )?(?:thanh vien|uy vien|dai bieu|dong chi)"
        rf"|gui(?: [a-z]+){{0,8}} {_DAYS_BEFORE}",
    ),
    # days asked before an event ("tổ gặp nhau trước buổi kiểm kê tối thiểu mấy ngày")
    ("lead_time", None, rf"(?<![a-z]){_DAYS_BEFORE}|truoc(?: [a-z]+){{1,6}} {_DAYS_ASKED}"),
    (
        "duration",
        "meeting_duration",
        r"keo dai|thoi gian (?:hoi nghi|hop|to chuc)|hop (?:trong )?(?:may|bao nhieu) (?:ngay|buoi)|may buoi"
        # "họp bao lâu": how long a meeting lasts ("bao lâu một lần" is how often)
        r"|hop (?:trong )?bao lau(?! (?:thi )?(?:hop )?(?:mot|1|moi) lan)"
        r"|(?:toi da|khong qua) (?:(?:may|bao nhieu) (?:ngay|buoi)|bao lau)",
    ),
    # (by letter, or by a form sent out: "gửi phiếu xin ý kiến")
    (
        "vote_threshold",
        "written_consultation",
        r"(?:xin|lay) y kien.*(?:van ban)|phieu (?:xin|lay) y kien",
    ),
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
        rf"hop le|tien hanh|tham du|du hop|co mat|du nguoi|{_BARE_COUNT}"
        # "còn 5 người thì họp được không?" (not "việc gấp mà không họp được")
        r"|(?<!khong )(?<!chua )(?<![a-z])hop duoc (?:khong|ko|chua)",
    ),
    (
        "frequency",
        "regular_meeting",
        # (a number word or its digit: "bao lâu 1 lần", "mấy lần 1 năm")
        r"bao lau (?:hop )?(?:mot|1) lan|may lan|(?:so lan|tan suat) (?:hop|hoi nghi)|(?:hop|hoi nghi) (?:dinh ky|thuong le)|(?<!quyet )dinh ky(?! luat)|thuong le|(?:mot|1) nam .*hop|hop .*(?:mot|moi|1) (?:nam|thang|quy)"
        r"|hop (?:vao )?(?:khi nao|luc nao|ngay nao|thu may)|lich hop"
        rf"|{_MEETING_WHEN}|{_FALLS_ON}",
    ),
    (
        "deadline",
        None,
        rf"thoi han|{_TIME_BOUNDS}|trong vong|(?:trong|mat) (?:bao lau|(?:may|bao nhieu) (?:ngay|gio|thang|tuan))"
        rf"|truoc {_DAY_ASKED}"
        # "hạn nộp biên bản là ngày nào?": the noun of a deadline, a date asked
        rf"|(?<![a-z])(?<!quyen )(?<!gioi )han (?:[a-z]+ ){{0,3}}(?:la )?(?:{_DAY_ASKED}|khi nao|bao gio)",
    ),
    (
        "count",
        "membership",
        r"gom (?:bao nhieu|may)(?: (?:uy vien|thanh vien|nguoi|dong chi)|\s*\??$)"
        r"|so luong (?:uy vien|thanh vien)"
        r"|co (?:bao nhieu|may) (?:uy vien|thanh vien|nguoi)(?! (?:du|tham du|co mat|tan thanh|de nghi|yeu cau))",
    ),
)


def only_a_bare_count(q: str) -> bool:
    """Whether a folded question reads as attendance only by a bare head count."""
    cue = next(c for k, _, c in INTENTS if k == "quorum")
    found = [m.group() for m in re.finditer(cue, q)]
    return bool(found) and all(re.fullmatch(_BARE_COUNT, f) for f in found)


# Where a question asks its measure, and what divides a condition from the ask ("...
# không tán thành kết luận thì kiến nghị lại trong mấy ngày" asks a deadline, not a vote).
_ASKED_MEASURE = re.compile(
    r"(?<![a-z])(?:bao lau|bao nhieu|may|khi nao|luc nao|bao gio|ngay nao|thu may)(?![a-z])"
)
_SEGMENT_BREAK = re.compile(r"(?<![a-z])thi(?![a-z])|[,;?]|\.(?=\s)")
_DATE_BEFORE = re.compile(rf"(?<![a-z])truoc {_DAY_ASKED}")
# A span asked within which an act is done: "trong (vòng) bao lâu", or the time the act
# takes ("mất mấy ngày", "mất bao lâu").
_WITHIN = re.compile(
    r"(?<![a-z])(?:trong (?:vong |thoi han |thoi gian )?|mat )(?:bao lau|(?:may|bao nhieu) "
    r"(?:ngay|thang|tuan|gio))(?![a-z])(?! lam viec truoc| truoc)"
)


def read_intent(q: str) -> tuple[RuleKind | None, str | None]:
    """The kind of rule asked: the first cue (in the order of ``INTENTS``) written in the
    part of the question that asks the measure, else the first cue anywhere."""
    found = [
        (kind, subject, cue) for kind, subject, cue in INTENTS if re.search(cue, q) is not None
    ]
    if not found and _bounds().search(q):
        # "độ dài tối đa của phiên họp": a limit word (and the preposition after it)
        # between the measure and what it measures says how it is bounded, not what
        return read_intent(_without_bounds(q))
    if not found:
        return None, None
    fitting = [f for f in found if f[0] in _kinds_measured_in(q)]
    found = fitting or found
    if _WITHIN.search(q):
        # "thẩm định hồ sơ trong mấy ngày": a span asked, within which the act is done,
        # whatever act its words name (not how long before a meeting)
        found = [f for f in found if f[0] in ("deadline", "duration")] or found
    if _DATE_BEFORE.search(q):
        # "nộp trước ngày mấy": a day of the calendar asked, the date by which an act is
        # done (not how many days before a meeting papers go out)
        found = [f for f in found if f[0] == "deadline"] or found
    anchor = _ASKED_MEASURE.search(q)
    if anchor is not None and len(found) > 1:
        starts = [0, *(m.end() for m in _SEGMENT_BREAK.finditer(q) if m.end() <= anchor.start())]
        stop = _SEGMENT_BREAK.search(q, anchor.end())
        segment = q[starts[-1] : stop.start() if stop else len(q)]
        here = [f for f in found if re.search(f[2], segment) is not None]
        if here and all(f[0] == "quorum" for f in here) and only_a_bare_count(segment):
            # "Cần tối thiểu mấy người ký?": a bare count asks whichever head count the
            # case before it names ("tổ viên gửi thư xin họp đột xuất.")
            case = [f for f in found if f[0] in HEAD_COUNT_KINDS and f[0] != "quorum"]
            here = case or here
        if here:
            # the ask's segment says the kind; the case before it may name its subject
            # ("xin ý kiến tổ viên bằng văn bản, mấy tổ viên nhất trí thì ..."): the first cue of
            # that kind anywhere, the more specific listed first
            found = [f for f in found if f[0] == here[0][0]]
    kind, subject, _ = found[0]
    if kind == "quorum" and only_a_bare_count(q) and asks_a_size(q):
        # "tổ có bao nhiêu người?": how many members, not how many must attend
        return "count", "membership"
    return kind, _refined_subject(kind, subject, q)


@functools.cache
def _bounds() -> re.Pattern[str]:
    """A limit word ("toi da", "khong qua") with a preposition after it, folded (closed
    classes of function_words.yaml): the limit then qualifies the noun before it
    ("do dai toi da cua phien hop"); without one it asks its own threshold ("phai co it
    nhat may nguoi")."""
    words = function_words()
    return re.compile(
        rf"(?<![a-z])(?:{alternation(words.bounds)})"
        rf" (?:{alternation(words.prepositions)})(?![a-z])"
    )


def _without_bounds(q: str) -> str:
    return re.sub(r"\s+", " ", _bounds().sub(" ", q)).strip()


# Which kinds of rule give a number in the unit a question asks it in ("mấy lần" is how
# often, never how many must attend, however "tối thiểu" is written beside it).
_KINDS_BY_UNIT: dict[str, frozenset[str]] = {
    "lan": frozenset({"frequency"}),
    "gio": frozenset({"deadline", "duration", "lead_time"}),
    **{
        unit: frozenset({"deadline", "duration", "lead_time", "frequency"})
        for unit in ("ngay", "tuan", "thang", "quy")
    },
    **{
        unit: frozenset({"quorum", "vote_threshold", "request_trigger", "count"})
        for unit in ("nguoi", "uy", "thanh", "dong", "phieu", "dang")
    },
}
_ALL_KINDS: frozenset[str] = frozenset().union(*_KINDS_BY_UNIT.values())
# "số lần họp", "số ngày gửi trước": the number of a unit, named as a noun, is asked in
# that unit as much as "mấy lần" is
_NUMBER_OF = re.compile(r"(?<![a-z])so ([a-z]+)")


def _kinds_measured_in(q: str) -> frozenset[str]:
    """The kinds of rule whose value is in the unit asked ("bao nhiêu ngày"); any kind
    (money and area too) when the question asks no unit this table knows."""
    units = [
        m.group(1)
        for pattern in (ASKED_UNIT, _NUMBER_OF)
        for m in pattern.finditer(q)
        if m.group(1) in _KINDS_BY_UNIT
    ]
    if not units:
        return _ALL_KINDS | {"money_threshold", "area_threshold", "count_threshold"}
    return frozenset().union(*(_KINDS_BY_UNIT[u] for u in units))


def numeric_asks(q: str) -> list[str]:
    """The pieces of a folded question that each ask a number ("BTV xét trong bao lâu,
    lễ kết nạp làm trong bao lâu": two)."""
    return [p for p in re.split(r"\s(?:va|con)\s|[,;?]", q) if _NUMERIC_CUES.search(p)]


def asked_subjects(q: str, kind: RuleKind | None) -> tuple[str, ...]:
    """The subjects of several asks of one kind in one question, in the order asked
    ("thông báo mất bao lâu, kiến nghị mất bao lâu" → announcement, complaint)."""
    if kind not in ("deadline", "frequency", "lead_time"):
        return ()
    asks = numeric_asks(q)
    found: list[str] = []
    for piece in asks if len(asks) > 1 else ():
        named = _refined_subject(kind, None, piece)
        if named is not None and named not in found:
            found.append(named)
    return tuple(found) if len(found) > 1 else ()


def named_subject(kind: RuleKind | None, piece: str) -> str | None:
    """The subject one ask of a folded question names itself ("thẩm định trong mấy ngày":
    the appraisal), None when it names none of its own."""
    if kind is None:
        return None
    named = _refined_subject(kind, None, piece)
    return named if named not in DEFAULT_SUBJECTS else None


def _refined_subject(kind: RuleKind, subject: str | None, q: str) -> str | None:
    """The subject a question names, read the way rules are read ("báo cáo định kỳ" is a
    report, not a meeting); the intent's default when it names none."""
    if kind == "frequency":
        named = frequency_subject(q, q)
        return subject if named in ("other", "regular_meeting") else named
    if kind == "deadline":
        named = day_subject("deadline", q)
        return subject if named == "other" else named
    if kind == "lead_time":
        # "gửi cho văn phòng chậm nhất ngày nào, văn phòng gửi các thành viên ngày nào":
        # each ask's own cue (submitting to the office, sending to the members)
        cues = (s for k, s, cue in INTENTS if k == kind and s and re.search(cue, q))
        return next(cues, subject)
    return subject


def is_numeric_question(question: str) -> bool:
    """Whether the question asks for a number ("bao nhiêu", "mấy ngày", "tối thiểu") or
    who decides an amount of money or an area; with or without diacritics."""
    q = fold_query(question)
    return bool(
        (_NUMERIC_CUES.search(q) and not _counts_only_the_case(q))
        or find_money(question)
        or find_area(question)
        or given_quantities(question).role is not None
    )


# The topic marker that ends a question's case ("..., mà X thì Y?").
_TOPIC_MARKER = re.compile(r"(?<![a-z])thi(?![a-z])")


@functools.cache
def _other_asks() -> re.Pattern[str]:
    """The ask words that ask no number and no time ("ai", "ra sao", "thế nào"), folded."""
    # (nor the bare "sao" of "còn X thì sao?", which asks again what was asked)
    times = {"bao gio", "khi nao", "sao"}
    words = [
        w
        for w in map(fold_query, function_words().ask_words)
        if not _NUMERIC_CUES.search(w) and w not in times
    ]
    return re.compile(rf"(?<![a-z])(?:{alternation(words)})(?![a-z])")


def _counts_only_the_case(q: str) -> bool:
    """ "... lúc mấy tổ viên còn băn khoăn thì làm thế nào?": the number words stand
    only in the case before the topic marker and what is asked after it is no number (a
    manner, a body): there "mấy" is the indefinite "a few", not a question."""
    sentences = [s for s in re.split(r"[?.!;]", q) if s.strip()]
    if not sentences or any(_NUMERIC_CUES.search(s) for s in sentences[:-1]):
        return False  # "... mấy ngày? Còn X thì sao?": a number asked on its own
    parts = _TOPIC_MARKER.split(sentences[-1])
    if len(parts) < 2 or _NUMERIC_CUES.search(parts[-1]):
        return False
    return any(not _begins_a_word(m, parts[-1]) for m in _other_asks().finditer(parts[-1]))


def _begins_a_word(ask: re.Match[str], text: str) -> bool:
    """Whether a one-syllable ask word, folded, is the first syllable of a listed word
    with the one after it ("đầu tư" folds to the "đâu" of "ở đâu"), not itself an ask."""
    following = text[ask.end() :].split()[:1]
    pair = [ask.group(), *following]
    return len(pair) == 2 and is_listed(pair, folded=True) and " ".join(pair) not in _ask_words()


@functools.cache
def _ask_words() -> frozenset[str]:
    """The interrogative expressions, folded ("ở đâu" → "o dau")."""
    return frozenset(fold_query(w) for w in function_words().ask_words)


# Subjects an intent assumes when the question names none; the others are named.
DEFAULT_SUBJECTS = frozenset(subject for _, subject, _ in INTENTS if subject)


__all__ = [
    "DEFAULT_SUBJECTS",
    "HEAD_COUNT_KINDS",
    "HOUSEHOLD_COUNT",
    "INTENTS",
    "asked_subjects",
    "intent_text",
    "is_numeric_question",
    "named_subject",
    "numeric_asks",
    "only_a_bare_count",
    "read_intent",
]
