"""Read a numeric question into a :class:`QuestionFrame`: the kind of rule asked, its
subject, the bodies named, and the numbers the question gives (a head count, an amount
of money, an area, a date, a period). Matching the frame against rules is
:mod:`assistant.rules.query`'s job.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from typing import cast

from assistant.function_words import alternation, function_words
from assistant.models import Turn
from assistant.quantities import (
    ASKED_UNIT,
    GivenQuantities,
    asked_role,
    count_nouns,
    given_quantities,
    meeting_nouns,
    role_info,
)
from assistant.rules.models import QuestionFrame, RuleKind
from ingest.normalize import fold
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

# A number of days or hours asked, and asked before something.
_DAYS_ASKED = r"(?:it nhat |toi thieu )?(?:bao nhieu|may) (?:ngay|gio)(?![a-z])"
_DAYS_BEFORE = rf"truoc {_DAYS_ASKED}"
# A head count asked with no word of what the people do ("cần ít nhất mấy người?"):
# read as attendance alone, as the rule a conversation was about after a question.
_BARE_COUNT = (
    r"bao nhieu nguoi|toi thieu"
    r"|can (?:co )?(?:it nhat |toi thieu )?(?:bao nhieu|may) (?:nguoi|uy vien|thanh vien|dong chi)"
)
_HEAD_COUNT_KINDS = ("quorum", "vote_threshold", "request_trigger")
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
        r"gui (?:tai lieu|giay moi|de an)|truoc (?:ky hop|hoi nghi|phien hop|cuoc hop|ngay hop)|gui truoc|giay moi"
        rf"|gui(?: [a-z]+){{0,8}} {_DAYS_BEFORE}",
    ),
    # days asked before an event ("tổ gặp nhau trước buổi kiểm kê tối thiểu mấy ngày")
    ("lead_time", None, rf"(?<![a-z]){_DAYS_BEFORE}|truoc(?: [a-z]+){{1,6}} {_DAYS_ASKED}"),
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
        rf"hop le|tien hanh|tham du|du hop|co mat|du nguoi|{_BARE_COUNT}",
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
        r"thoi han|cham nhat|trong vong|trong (?:bao lau|(?:may|bao nhieu) (?:ngay|gio|thang|tuan))"
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


@functools.cache
def _members() -> re.Pattern[str]:
    """A head count: a number before a noun that counts people (quantity_roles.yaml), or
    after a verb of having."""
    nouns = "|".join(sorted((*count_nouns(), "ong", "ba"), key=len, reverse=True))
    return re.compile(
        rf"(?<![\d.,/])(\d{{1,4}})\s*(?:{nouns})(?![a-z])"
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
    counts_have_roles = given.role is not None
    wanted = asked_role(question)
    if given.role is not None and wanted not in (None, given.role) and not _asks_yes_or_no(q):
        # "tổ 11 người, 7 người có mặt: phải mấy người nhất trí?": the count asked for is of
        # another role than the one given; its rule is computed on the total (a count
        # with its verb never stands for it: the document's stated size may)
        given = GivenQuantities(total=given.total)
        info = role_info(wanted)
        kind, subject = cast(RuleKind, info.rule_kind), info.subject
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
    if kind == "quorum" and given.role is None and wanted is None and _only_a_bare_count(q):
        # "thế 9 người thì cần mấy người?" after a question about votes: the votes
        earlier, earlier_subject, _ = _borrowed(q, history, None, None, bodies)
        if earlier in _HEAD_COUNT_KINDS:
            kind, subject = earlier, earlier_subject
    if kind is None or not bodies:
        kind, subject, bodies = _borrowed(q, history, kind, subject, bodies)
    if kind == "deadline" and _dates_a_meeting(q):
        # "họp ngày 20/10 thì gửi chậm nhất ngày nào": the date is the meeting's, so
        # what is asked is how long before it (a deadline counts from an act's date)
        kind = "lead_time"
        subject = next((s for k, s, cue in _INTENTS if k == kind and re.search(cue, q)), None)
    money = find_money(question) if kind == "money_threshold" else []
    area = find_area(question) if kind == "area_threshold" else []
    asked = _asked_subjects(q, kind)
    if asked:
        subject = asked[0]
    return QuestionFrame(
        kind=kind,
        subject=subject,
        bodies=tuple(bodies),
        member_count=given.total if counts_have_roles else _member_count(q, kind, given),
        given_count=given.count,
        given_as=role_info(given.role).verbs[0] if given.role is not None else "",
        given_present=given.present,
        amount=money[0].value if money else None,
        amount_alternative=money[0].alternative if money else None,
        area=area[0].value if area else None,
        more_subjects=asked[1:],
        date=_date(q) if kind in ("lead_time", "deadline") else None,
        per_period=_per_period(q) if kind == "frequency" else None,
    )


def _only_a_bare_count(q: str) -> bool:
    """Whether a folded question reads as attendance only by a bare head count."""
    cue = next(c for k, _, c in _INTENTS if k == "quorum")
    found = [m.group() for m in re.finditer(cue, q)]
    return bool(found) and all(re.fullmatch(_BARE_COUNT, f) for f in found)


def _asks_yes_or_no(q: str) -> bool:
    """Whether a folded question asks a verdict ("... họp được không"): then the role
    given is the one decided, whatever else it asks to count."""
    endings = {fold(w) for w in function_words().yes_no_endings}
    return any(w in endings for w in q.split())


def _borrowed(
    q: str,
    history: Sequence[Turn],
    kind: RuleKind | None,
    subject: str | None,
    bodies: list[str],
) -> tuple[RuleKind | None, str | None, list[str]]:
    """A follow-up ("còn tổ trưởng thì thế nào?") borrows what it leaves out (the kind
    asked, the bodies) from the latest user turn that has it."""
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
    return kind, subject, bodies


def _member_count(q: str, kind: RuleKind | None, given: GivenQuantities) -> int | None:
    """How many members the body has, when no count has a verb: a head count written for
    a rule on shares of the members."""
    if given.role is not None:
        return given.total
    if kind in ("quorum", "vote_threshold", "request_trigger"):
        m = _members().search(q)
        if m:
            return int(m.group(1) or m.group(2))
    return None


def _per_period(q: str) -> str | None:
    """The period a frequency is asked per ("một năm họp mấy lần" → "năm")."""
    per = _PER.search(q)
    if per is None:
        return None
    return per.group(1).replace("nam", "năm").replace("quy", "quý").replace("thang", "tháng")


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
    if not found and _bounds().search(q):
        # "độ dài tối đa của phiên họp": a limit word (and the preposition after it)
        # between the measure and what it measures says how it is bounded, not what
        return _intent(_without_bounds(q))
    if not found:
        return None, None
    fitting = [f for f in found if f[0] in _kinds_measured_in(q)]
    found = fitting or found
    anchor = _ASKED_MEASURE.search(q)
    if anchor is not None and len(found) > 1:
        starts = [0, *(m.end() for m in _SEGMENT_BREAK.finditer(q) if m.end() <= anchor.start())]
        stop = _SEGMENT_BREAK.search(q, anchor.end())
        segment = q[starts[-1] : stop.start() if stop else len(q)]
        here = [f for f in found if re.search(f[2], segment) is not None]
        found = here or found
    kind, subject, _ = found[0]
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


def _kinds_measured_in(q: str) -> frozenset[str]:
    """The kinds of rule whose value is in the unit asked ("bao nhiêu ngày"); any kind
    (money and area too) when the question asks no unit this table knows."""
    units = [m.group(1) for m in ASKED_UNIT.finditer(q) if m.group(1) in _KINDS_BY_UNIT]
    if not units:
        return _ALL_KINDS | {"money_threshold", "area_threshold"}
    return frozenset().union(*(_KINDS_BY_UNIT[u] for u in units))


def _asked_subjects(q: str, kind: RuleKind | None) -> tuple[str, ...]:
    """The subjects of several asks of one kind in one question, in the order asked
    ("thông báo mất bao lâu, kiến nghị mất bao lâu" → announcement, complaint)."""
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
        # "Thường trực Đảng ủy ...", "bản mẫu dành cho Đảng ủy cơ quan X: Ban Thường vụ": a bare
        # seat name beside another body names the committee, not its Ban Chấp hành;
        # "Hội nghị Tỉnh ủy" still is the Ban Chấp hành.
        mentions = [m for m in mentions if not _seat_only(folded, m)]
    # "quy chế Tỉnh ủy Hòa Bình", "quy chế bên Đảng ủy xã An Lạc": the seat names the
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


def _dates_a_meeting(q: str) -> bool:
    """Whether the date a folded question gives is a meeting's: a meeting noun among the
    few words before it ("hội nghị dự kiến vào ngày 5/6")."""
    m = _DATE.search(q)
    if m is None:
        return False
    before = " ".join(q[: m.start()].split()[-5:])
    return any(re.search(rf"(?<![a-z]){n}(?![a-z])", before) for n in meeting_nouns())


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


# Subjects an intent assumes when the question names none; the others are named.
DEFAULT_SUBJECTS = frozenset(subject for _, subject, _ in _INTENTS if subject)


__all__ = ["DEFAULT_SUBJECTS", "is_numeric_question", "read_question"]
