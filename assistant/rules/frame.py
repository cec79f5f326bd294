"""Read a numeric question into a :class:`QuestionFrame`: the kind of rule asked and its
subject (:mod:`assistant.rules.intent`), the bodies named, and the numbers the question
gives (a head count, an amount of money, an area, a date, a period). Matching the frame
against rules is :mod:`assistant.rules.query`'s job.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import cast

from assistant.function_words import function_words, negated_at
from assistant.models import Turn
from assistant.quantities import (
    GivenQuantities,
    asked_role,
    given_quantities,
    head_counts,
    quantities_of,
)
from assistant.quantity_roles import count_nouns, role_info
from assistant.rules.intent import (
    DEFAULT_SUBJECTS,
    HEAD_COUNT_KINDS,
    HOUSEHOLD_COUNT,
    INTENTS,
    asked_subjects,
    intent_text,
    is_numeric_question,
    only_a_bare_count,
    read_intent,
)
from assistant.rules.models import QualifiedCount, QuestionFrame, RuleKind
from assistant.rules.question_dates import (
    date_given,
    dates_a_meeting,
    gives_day_only,
    hour_given,
    stated_weekday,
)
from ingest.normalize import fold
from ingest.rules.amounts import find_area, find_money
from ingest.rules.numbers import COMPARATOR_WORD, comparator_of
from ingest.rules.text import (
    Mention,
    find_mentions,
    fold_aligned,
    fold_query,
    is_seat,
    unique_bodies,
)

# Body abbreviations a numeric question writes.
_ABBREVIATIONS = {
    "btv": "Ban Thường vụ",
    "bch": "Ban Chấp hành",
    "tttu": "Thường trực",
    "tthu": "Thường trực",
    "ttdu": "Thường trực",
    "bcs": "Ban cán sự đảng",
    "bcsd": "Ban cán sự đảng",
}


@functools.cache
def _members() -> re.Pattern[str]:
    """A head count: a number before a noun that counts people (quantity_roles.yaml), or
    after a verb of having."""
    nouns = "|".join(sorted((*count_nouns(), "ong", "ba"), key=len, reverse=True))
    return re.compile(
        rf"(?<![\d.,/])(\d{{1,4}})\s*(?:{nouns})(?![a-z])"
        r"|(?:co|gom|tong so|tong cong|la)\s+(\d{1,4})(?![\d/.,]|\s*(?:ty|trieu|ngay|thang|nam|lan|%))"
    )


_PER = re.compile(r"(?:mot|1|moi|trong|hang) (nam|quy|thang)")


def read_question(question: str, history: Sequence[Turn] = ()) -> QuestionFrame:
    """What a question asks: rule kind, subject, bodies, and numbers it gives."""
    q = fold_query(question)
    kind, subject = read_intent(intent_text(question))
    counts = head_counts(question)
    given = quantities_of(counts)
    counts_have_roles = given.role is not None
    wanted = asked_role(question)
    if given.role is not None and wanted not in (None, given.role) and not _asks_yes_or_no(q):
        # "tổ 11 người, 7 người có mặt: phải mấy người nhất trí?": the count asked for is of
        # another role than the one given; its rule is computed on the total (a count
        # with its verb never stands for it: the document's stated size may)
        given = GivenQuantities(total=given.total)
        info = role_info(wanted)
        kind, subject = cast(RuleKind, info.rule_kind), info.subject
    elif (
        wanted is not None
        and given.role is None
        and (kind is None or (kind == "quorum" and only_a_bare_count(q)))
    ):
        # "phải mấy tổ viên ký kiến nghị thì tổ trưởng mới gọi họp": the role asked says which
        # head-count rule answers where only the bare count ("cần bao nhiêu người") named one
        info = role_info(wanted)
        if kind != info.rule_kind:
            kind, subject = cast(RuleKind, info.rule_kind), info.subject
    if given.role is not None and kind in (None, *HEAD_COUNT_KINDS):
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
    if kind == "quorum" and given.role is None and wanted is None and only_a_bare_count(q):
        # "thế 9 người thì cần mấy người?" after a question about votes: the votes
        earlier, earlier_subject, _ = _borrowed(q, history, None, None, bodies)
        if earlier in HEAD_COUNT_KINDS:
            kind, subject = earlier, earlier_subject
    if kind is None or not bodies:
        kind, subject, bodies = _borrowed(q, history, kind, subject, bodies)
    if kind == "deadline" and dates_a_meeting(q):
        # "họp ngày 20/10 thì gửi chậm nhất ngày nào": the date is the meeting's, so
        # what is asked is how long before it (a deadline counts from an act's date)
        kind = "lead_time"
        subject = next((s for k, s, cue in INTENTS if k == kind and re.search(cue, q)), None)
    money = find_money(question) if kind == "money_threshold" else []
    bound = _bound_before(q, money[0].text) if money else ""
    area = find_area(question) if kind == "area_threshold" else []
    asked = asked_subjects(q, kind)
    if asked:
        subject = asked[0]
    members = _member_count(q, kind, given.total, counts_have_roles)
    weekday = stated_weekday(q) if kind == "frequency" else None
    if members is None and kind in HEAD_COUNT_KINDS and (given.count is None or given.role):
        # a count of those who attended or voted is never the body's size: the size said
        # earlier in the conversation still holds
        members = _members_said_before(history, bodies)
    return QuestionFrame(
        kind=kind,
        subject=subject,
        bodies=tuple(bodies),
        member_count=members,
        members_of=owner if members is not None and members == given.total else None,
        given_count=given.count,
        given_as=role_info(given.role).verbs[0] if given.role is not None else "",
        given_present=given.present,
        qualified=tuple(
            QualifiedCount(value=c.value, role=c.role, qualifier=c.qualifier)
            for c in counts
            if c.qualifier and not c.away
        ),
        amount=_bracket_edge(money[0].value, bound) if money else None,
        amount_bound=bound,
        amount_bound_value=money[0].value if money and bound else None,
        amount_alternative=money[0].alternative if money else None,
        area=area[0].value if area else None,
        households=households_given(q),
        more_subjects=asked[1:],
        date=date_given(q) if kind in ("lead_time", "deadline") or weekday is not None else None,
        day_only=gives_day_only(q),
        weekday=weekday,
        hour=hour_given(q) if kind == "deadline" else None,
        per_period=_per_period(q) if kind == "frequency" else None,
    )


def _bound_before(q: str, amount: str) -> str:
    """The comparator of a bound written before an amount ("dưới 500 triệu" → "<", "từ 3
    tỷ trở lên" → ">="): the question names a bracket of amounts, not one sum; "" when
    the amount stands alone."""
    at = q.find(amount)
    if at < 0:
        return ""
    word = re.search(rf"(?<![a-z])({COMPARATOR_WORD})\s+(?:muc\s+)?$", q[:at])
    if word is None:
        return ""
    comparator = comparator_of(word.group(1), q[at + len(amount) : at + len(amount) + 12])
    return "" if comparator == "=" else comparator


def _bracket_edge(amount: int, bound: str) -> int:
    """The sum at the edge of a bracket ("dưới 500 triệu" → 499.999.999 đồng): the rule
    tier that holds it holds the bracket's upper (lower) end."""
    return amount - 1 if bound == "<" else amount + 1 if bound == ">" else amount


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
            kind, subject = read_intent(prev)
        if not bodies and kind is not None:
            # "vậy phải mấy người dự?" after a question about one body: still that body
            bodies = _bodies(turn.content)
        if kind is not None:
            break
    return kind, subject, bodies


def _members_said_before(history: Sequence[Turn], bodies: Sequence[str]) -> int | None:
    """The body's size the latest user turn that gave one said ("BTV có 9 người thì cần
    mấy người dự?", then "họp mấy lần?", then "vậy muốn ra nghị quyết phải mấy phiếu?":
    still 9), while the turns since spoke of the same body (or named none)."""
    for turn in reversed(history):
        if turn.role != "user":
            continue
        earlier = fold_query(turn.content)
        earlier_bodies = _bodies(turn.content)
        if bodies and earlier_bodies and bodies[0] != earlier_bodies[0]:
            return None
        given = given_quantities(turn.content)
        members = _member_count(earlier, "quorum", given.total, given.role is not None)
        if members is not None:
            return members
    return None


def households_given(folded: str) -> int | None:
    """The number of households a question gives ("giải tỏa 40 hộ gia đình")."""
    found = re.search(HOUSEHOLD_COUNT, folded)
    return int(found.group(1)) if found else None


def _member_count(
    q: str, kind: RuleKind | None, total: int | None, counts_have_roles: bool
) -> int | None:
    """How many members the body has: the total beside a count with its verb (none when
    every count has one), else a head count written for a rule on shares of the members."""
    if counts_have_roles:
        return total
    if kind in HEAD_COUNT_KINDS:
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


def _bodies(question: str) -> list[str]:
    folded = fold_aligned(question)
    # "(không phải chi ủy)": a body set apart is not one asked about
    mentions = [m for m in find_mentions(folded) if not negated_at(folded, m.start)]
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


__all__ = ["DEFAULT_SUBJECTS", "is_numeric_question", "read_question"]
