"""Find the numeric rules of a regulation: quorums, vote thresholds, meeting frequencies,
lead times, durations, money thresholds.

Pattern based and generic: the patterns describe how Vietnamese regulations phrase a
rule, never a particular document. Matching runs sentence by sentence on an aligned
folded copy (:func:`ingest.rules.text.fold_aligned`), so every rule keeps its source
sentence verbatim. The body a rule applies to is the nearest body governing the
number: one named in the basis ("2/3 tổng số thành viên Ban cán sự đảng"), the body of a
meeting noun ("Hội nghị Tỉnh ủy, Ban Thường vụ Tỉnh ủy phải có …": one rule per body),
the nearest body before the number, then the clause lead-in, the article title
("Chế độ hội nghị của Tỉnh ủy, Ban Thường vụ Tỉnh ủy") and the document's governed body.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from fractions import Fraction

from ingest.models import Article, Document
from ingest.normalize import has_diacritics
from ingest.rules.models import THRESHOLD_KINDS, Comparator, Quantity, Rule, RuleKind
from ingest.rules.numbers import (
    AREA_UNIT,
    BLANK,
    DECIMAL,
    FRACTION,
    STRICT_NUMBER,
    comparator_of,
    find_area,
    find_money,
    parse_fraction,
    read_number,
    unit_label,
)
from ingest.rules.text import (
    Mention,
    find_mentions,
    fold_aligned,
    fold_query,
    group_at,
    sentences,
    unique_bodies,
)

log = logging.getLogger(__name__)

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


# --- one match in one sentence -----------------------------------------------------------


@dataclass
class _Hit:
    kind: RuleKind
    start: int  # in the sentence
    end: int
    value: Quantity
    comparator: Comparator
    subject: str
    basis: str = ""
    basis_span: tuple[int, int] | None = None
    if_met_body: str = ""
    otherwise_body: str = ""
    bodies: list[tuple[str, str]] = field(default_factory=list)  # (canonical, as written)
    condition: str = ""  # set by extractors that read it themselves (an area's land type)


@dataclass(frozen=True)
class _Context:
    sentence: str
    folded: str
    mentions: list[Mention]
    lead_folded: str
    lead_text: str
    title: str
    governed: str


def _segment(folded: str, start: int, end: int) -> tuple[int, int]:
    """The ";"-delimited part of the sentence around [start, end)."""
    left = folded.rfind(";", 0, start)
    right = folded.find(";", end)
    return left + 1, (len(folded) if right < 0 else right)


# --- shares: quorum, vote thresholds, request triggers ------------------------------------

_SHARE = re.compile(
    rf"(?<![a-z0-9])(?:(?P<cmp>khong it hon|it nhat|toi thieu|nhieu hon|tren|hon|qua|tu)\s+(?:(?:la|mot)\s+)?)?"
    rf"(?P<frac>{FRACTION})(?![\w/])"
)
_VERBS = re.compile(
    r"(?P<quorum>tham du|du hop|du hoi nghi|co mat)"
    r"|(?P<vote>tan thanh|dong y|nhat tri|bieu quyet tan thanh)"
    r"|(?P<request>de nghi|yeu cau)"
)
_BASIS_HEAD = re.compile(r"(thanh vien|uy vien|y kien|dai bieu|nguoi|dang vien)")
_BASIS_LABEL = {
    "thanh vien": "thành viên",
    "uy vien": "ủy viên",
    "y kien": "ý kiến",
    "dai bieu": "đại biểu",
    "nguoi": "người",
    "dang vien": "đảng viên",
}


_ABSOLUTE = re.compile(
    rf"(?<![a-z0-9])(?P<cmp>it nhat|toi thieu|khong it hon)\s+(?P<frac>{STRICT_NUMBER})"
    rf"(?=\s+(?:uy vien|thanh vien|dong chi|nguoi|dang vien)(?![a-z]))"
)


def _share_hits(ctx: _Context) -> Iterator[_Hit]:
    """Shares ("2/3", "quá nửa") and head counts ("ít nhất năm ủy viên … tham dự")."""
    f = ctx.folded
    matches = [(m, True) for m in _SHARE.finditer(f)] + [(m, False) for m in _ABSOLUTE.finditer(f)]
    for m, is_share in matches:
        frac_text = m.group("frac")
        if not is_share:
            number = read_number(frac_text)
            if number is None:
                continue
            yield from _share_hit(ctx, m, None, number)
            continue
        if re.fullmatch(r"(?:mot\s+)?nua", frac_text) and not m.group("cmp"):
            continue  # "nửa đầu nhiệm kỳ"
        fraction = parse_fraction(frac_text)
        if fraction is None or not (0 < fraction <= 1):
            continue
        yield from _share_hit(ctx, m, fraction, None)


def _share_hit(
    ctx: _Context, m: re.Match[str], fraction: Fraction | None, number: int | None
) -> Iterator[_Hit]:
    f = ctx.folded
    seg_start, seg_end = _segment(f, m.start(), m.end())
    window = f[m.end() : seg_end]
    stop = re.search(r"\bthi\b|\bnhung\b|[.]", window)
    window = window[: stop.start()] if stop else window
    verb = _VERBS.search(window)
    before = f[seg_start : m.start()]
    if re.search(r"tuy\s+(?:da\s+)?co\s+$", before):
        return  # "tuy đã có trên 1/2 … tán thành, nhưng …" restates the threshold
    kind: RuleKind | None = None
    verb_pos = m.end()
    if verb:
        kind = (
            "quorum"
            if verb.group("quorum")
            else "vote_threshold"
            if verb.group("vote")
            else "request_trigger"
        )
        verb_pos = m.end() + verb.start()
    elif re.search(r"(?:yeu cau|de nghi)\s+(?:cua\s+)?$", before):
        kind = "request_trigger"
        end_basis = re.search(r"[,;(]|\bthi\b", window)
        verb_pos = m.end() + (end_basis.start() if end_basis else len(window))
    elif re.search(r"tien hanh|hop le", before):
        kind = "quorum"
        end_basis = re.search(r"[,;(]", window)
        verb_pos = m.end() + (end_basis.start() if end_basis else len(window))
    if kind is None:
        return
    basis_text = f[m.end() : verb_pos]
    basis_text = re.sub(r"^\s*\([^)]*\)", "", basis_text)
    after = f[m.end() : min(seg_end, m.end() + 80)]
    cmp = comparator_of(m.group("cmp"), after if m.group("cmp") == "tu" else "")
    if cmp == "=":
        cmp = ">="  # "phải có 2/3 …" means at least
    value = Quantity(
        text=ctx.sentence[m.start() : m.end()],
        numerator=fraction.numerator if fraction is not None else None,
        denominator=fraction.denominator if fraction is not None else None,
        number=number,
        unit="người" if number is not None else "",
    )
    yield _Hit(
        kind=kind,
        start=m.start(),
        end=m.end(),
        value=value,
        comparator=_cmp(cmp),
        subject=_share_subject(kind, f, seg_start, m.start()),
        basis=_basis(basis_text),
        basis_span=(m.end(), verb_pos),
    )


def _cmp(value: str) -> Comparator:
    if value in (">=", ">", "<", "<=", "="):
        return value  # type: ignore[return-value]
    return "="


def _basis(folded_basis: str) -> str:
    head = _BASIS_HEAD.search(folded_basis)
    if not head:
        return ""
    prefix = ""
    lead = folded_basis[: head.start()]
    if "tong so" in lead:
        prefix = "tổng số "
    elif re.search(r"(?<![a-z])so\s+$", lead):
        prefix = "số "
    label = prefix + _BASIS_LABEL[head.group(1)]
    if "duong nhiem" in folded_basis:
        label += " đương nhiệm"
    if "chinh thuc" in folded_basis:
        label += " chính thức"
    if "co mat" in folded_basis:
        label += " có mặt"
    return label


def _share_subject(kind: str, f: str, seg_start: int, pos: int) -> str:
    before = f[seg_start:pos]
    if kind == "quorum":
        return "meeting_validity"
    if kind == "request_trigger":
        sentence_rest = f
        return (
            "extraordinary_meeting"
            if re.search(r"dot xuat|bat thuong|chuyen de", sentence_rest)
            else "meeting_request"
        )
    if re.search(r"(bo sung|dieu chinh)[^;]{0,40}$", before):
        return "resolution_amendment"
    if re.search(r"xin y kien|lay y kien|gui van ban|bang van ban", f[:pos]):
        return "written_consultation"
    if re.search(r"nhan su|cong tac can bo|bau cu|gioi thieu can bo", before):
        return "personnel_vote"
    return "resolution"


# --- frequencies ----------------------------------------------------------------------------

_PERIOD = r"(?:tuan|thang|quy|nam)"
_FREQ_PATTERNS = (
    # "ba tháng một lần", "một tuần hoặc hai tuần một lần", "Sáu tháng một lần"
    re.compile(
        rf"(?<![a-z0-9])(?:(?P<cmp>it nhat|toi thieu|toi da|khong qua)\s+)?(?P<n>{STRICT_NUMBER})\s+(?P<u>{_PERIOD})"
        rf"(?:\s+hoac\s+(?P<n2>{STRICT_NUMBER})\s+(?P<u2>{_PERIOD}))?\s+(?P<c>mot|01|1)\s+lan(?![a-z])"
    ),
    # "mỗi tuần một lần"
    re.compile(
        rf"(?<![a-z])(?:(?P<cmp>it nhat|toi thieu|toi da|khong qua)\s+)?moi\s+(?P<u>{_PERIOD})"
        rf"\s+(?P<c>{STRICT_NUMBER})\s+(?P<cu>lan|ngay|buoi)(?![a-z])"
    ),
    # "từ 01 đến 02 lần/tháng", "ít nhất một lần/tháng", "ít nhất ...lần/tháng"
    re.compile(
        rf"(?<![a-z0-9])(?:(?P<cmp>it nhat|toi thieu|toi da|khong qua)\s*)?(?:tu\s+)?"
        rf"(?P<c>{STRICT_NUMBER}|{BLANK})\s*(?:den\s+(?P<c2>{STRICT_NUMBER})\s*)?lan\s*/\s*(?P<u>{_PERIOD})"
    ),
    # "định kỳ hằng quý", "họp vào thứ 2 hằng tuần", "Hằng năm, …" (sentence start)
    re.compile(
        rf"(?:(?P<lead>dinh ky|thu\s+(?:\d|hai|ba|tu|nam|sau|bay))\s+|^\W*(?:\d+\W+)?)"
        rf"(?P<every>hang)\s+(?P<u>{_PERIOD})(?![a-z])(?!\s*,\s*(?:quy|thang|nam|\d|sau|giua|cuoi|dau))"
        rf"(?!\s+(?:va|hoac)\s+(?!dot xuat|khi can))"
    ),
    # "Định kỳ 6 tháng …" (without "một lần")
    re.compile(
        rf"(?<![a-z])dinh ky\s+(?P<n>{STRICT_NUMBER})\s+(?P<u>{_PERIOD})(?![a-z])"
        rf"(?!\s+(?:mot|01|1)\s+lan)(?!\s*,)"
    ),
)


def _frequency_hits(ctx: _Context) -> Iterator[_Hit]:
    f = ctx.folded
    for pattern in _FREQ_PATTERNS:
        for m in pattern.finditer(f):
            groups = m.groupdict()
            start = m.start("every") if groups.get("every") else m.start()
            if (groups.get("lead") and groups["lead"].startswith("thu")) or groups.get("lead"):
                start = m.start("lead")
            unit = unit_label(m.group("u"))
            period: int | None = 1
            period_max: int | None = None
            if groups.get("n"):
                period = read_number(m.group("n"))
                if period is None:
                    continue
                if groups.get("n2"):
                    period_max = read_number(m.group("n2"))
            count_text = groups.get("c")
            unspecified = False
            number: int | None = 1
            number_max: int | None = None
            if count_text:
                if re.fullmatch(BLANK, count_text.strip()):
                    unspecified = True
                    number = None
                else:
                    number = read_number(count_text)
                    if number is None:
                        continue
            if groups.get("c2"):
                number_max = read_number(m.group("c2"))
            cmp = comparator_of(groups.get("cmp")) if groups.get("cmp") else "="
            seg_start, seg_end = _segment(f, start, m.end())
            subject = frequency_subject(f[seg_start:seg_end], ctx.sentence[seg_start:seg_end])
            if groups.get("every") and not groups.get("lead") and subject == "other":
                continue  # "Hằng năm, …" opening a sentence about something else
            yield _Hit(
                kind="frequency",
                start=start,
                end=m.end(),
                value=Quantity(
                    text=ctx.sentence[start : m.end()].strip(),
                    number=number,
                    number_max=number_max,
                    unit=unit_label(groups["cu"]) if groups.get("cu") else "lần",
                    period=None if unspecified and period is None else period,
                    period_max=period_max,
                    period_unit=unit,
                    unspecified=unspecified,
                ),
                comparator=_cmp(cmp),
                subject=subject,
            )


def frequency_subject(segment: str, original: str) -> str:
    if re.search(r"tiep cong dan|doi thoai", segment):
        return "citizen_reception"
    if re.search(r"sinh hoat", segment):
        return "regular_meeting"
    if re.search(r"giao ban", segment):
        return "working_session"
    if re.search(r"kiem diem|tu phe binh", segment):
        return "self_criticism"
    if _mentions_meeting(segment, original):
        return "regular_meeting"
    if re.search(r"lam viec", segment):
        return "working_session"
    if re.search(r"bao cao|thong bao", segment):
        return "reporting"
    return "other"


def _mentions_meeting(segment: str, original: str) -> bool:
    """ "họp", "hội nghị", "triệu tập"; "hợp" ("phù hợp", "trường hợp") folds to the same
    "hop", so the diacritics decide when the text has them."""
    if re.search(r"hoi nghi|trieu tap", segment):
        return True
    if has_diacritics(original):
        return bool(re.search(r"(?<!\w)họp(?!\w)", original.lower()))
    return bool(re.search(r"(?<![a-z])hop(?![a-z])", segment))


# --- days: lead times, durations, deadlines ----------------------------------------------------

_DAY_CMP = r"it nhat|toi thieu|cham nhat|khong qua|toi da|trong vong|trong thoi han|trong"
_DAYS = re.compile(
    rf"(?:(?<![a-z0-9/.,])(?:(?P<cmp>{_DAY_CMP})\s+)?(?P<n>{STRICT_NUMBER})"
    rf"|(?:(?<![a-z])(?P<cmpb>{_DAY_CMP})\s*)?(?P<b>{BLANK}))"
    rf"\s*(?P<u>ngay lam viec|ngay|buoi|gio|tuan|thang)(?![a-z])"
)


def _day_hits(ctx: _Context) -> Iterator[_Hit]:
    f = ctx.folded
    for m in _DAYS.finditer(f):
        n_text = (m.group("n") or m.group("b")).strip()
        unit = unit_label(m.group("u"))
        before_all = f[: m.start()]
        after = f[m.end() : m.end() + 30]
        if _ends_with_date_word(before_all, ctx.sentence[: m.start()]) or re.match(
            r"\s+(?:nam\s+)?\d{4}", after
        ):
            continue  # a date: "ngày 30 tháng 6 năm 2010"
        if re.match(r"\s*(?:dau|cuoi)\s+nam|\s*(?:va|,)\s*(?:hang\s+)?nam", after):
            continue  # "6 tháng đầu năm", "6 tháng và hằng năm"
        unspecified = bool(re.fullmatch(BLANK, n_text))
        number = None if unspecified else read_number(n_text)
        if not unspecified and number is None:
            continue
        cmp_word = m.group("cmp") or m.group("cmpb") or ""
        seg_start, seg_end = _segment(f, m.start(), m.end())
        before = f[seg_start : m.start()]
        segment = f[seg_start:seg_end]
        kind: RuleKind | None = None
        if unit in ("ngày", "ngày làm việc", "giờ", "tuần") and (
            re.search(r"truoc(?:\s+\S+){0,6}\s*$", before[-50:])
            or re.match(r"\s*truoc(?![a-z])", after)
            or ("gui" in before and "truoc" in before[before.rfind("gui") :])
        ):
            kind = "lead_time"
        elif cmp_word in ("cham nhat", "trong vong", "trong thoi han") or re.match(
            r"\s*(?:ke tu|sau khi|sau)(?![a-z])", after
        ):
            kind = "deadline"
        elif unit == "buổi" or (
            cmp_word in ("khong qua", "toi da")
            and re.search(r"hoi nghi|(?<![a-z])hop(?![a-z])|thoi gian", segment)
        ):
            kind = "duration"
        if kind is None or (kind == "deadline" and cmp_word == "trong" and unit == "thang"):
            continue
        cmp = {
            "it nhat": ">=",
            "toi thieu": ">=",
            "khong qua": "<=",
            "toi da": "<=",
            "cham nhat": "<=",
            "trong vong": "<=",
            "trong thoi han": "<=",
            "trong": "<=",
        }.get(cmp_word, "=")
        if kind == "lead_time" and cmp == "=":
            cmp = ">="  # "trước kỳ họp 03 ngày": at least that far ahead
        yield _Hit(
            kind=kind,
            start=m.start(),
            end=m.end(),
            value=Quantity(
                text=ctx.sentence[m.start() : m.end()].strip(),
                number=number,
                unit=unit,
                unspecified=unspecified,
            ),
            comparator=_cmp(cmp),
            subject=day_subject(kind, segment),
        )


_CALENDAR = re.compile(
    r"(?<![a-z])(?P<cmp>truoc hoac trong|truoc hoac vao|truoc|cham nhat(?: la)?(?: vao)?"
    r"|han chot(?: la)?|den het|den)\s+ngay\s+(?:mung\s+|mong\s+)?"
    rf"(?P<d>\d{{1,2}}|{STRICT_NUMBER}|{BLANK})(?:\s*(?:/|-|thang)\s*(?P<m>\d{{1,2}}))?"
    r"\s*(?:hang|moi|cua moi|cua hang)\s+(?P<p>thang|quy|nam)(?![a-z])"
)


def _calendar_hits(ctx: _Context) -> Iterator[_Hit]:
    """A deadline on a day of every month or year: "trước ngày 20 hằng tháng", "chậm
    nhất ngày 15/12 hằng năm"."""
    f = ctx.folded
    for m in _CALENDAR.finditer(f):
        blank = bool(re.fullmatch(BLANK, m.group("d").strip()))
        day = None if blank else read_number(m.group("d"))
        month = int(m.group("m")) if m.group("m") else None
        period = {"thang": "tháng", "quy": "quý", "nam": "năm"}[m.group("p")]
        if not blank and (day is None or not 1 <= day <= 31):
            continue
        if month is not None and not 1 <= month <= 12:
            continue
        if month is not None and period != "năm":
            continue  # "ngày 15/12 hằng tháng" is not a reading we can trust
        seg_start, seg_end = _segment(f, m.start(), m.end())
        yield _Hit(
            kind="deadline",
            start=m.start(),
            end=m.end(),
            value=Quantity(
                text=ctx.sentence[m.start() : m.end()].strip(),
                calendar=True,
                day=day,
                month=month,
                period_unit=period,
                unspecified=blank,
            ),
            comparator="<" if m.group("cmp") == "truoc" else "<=",
            subject=day_subject("deadline", f[seg_start:seg_end]),
        )


def _ends_with_date_word(folded: str, original: str) -> bool:
    """ "ngày 30", "tháng 6": a date, not a span; "báo cáo ngay trong vòng 24 giờ" is a span
    ("ngay", at once), which only the diacritics tell apart."""
    if has_diacritics(original):
        return bool(re.search(r"(?:ngày|tháng)\s*$", original.lower()))
    return bool(re.search(r"(?:ngay|thang)\s*$", folded))


def day_subject(kind: str, segment: str) -> str:
    if kind == "lead_time":
        if re.search(r"tham dinh|den van phong", segment):
            return "document_submission"
        if re.search(r"tai lieu|giay moi|de an|du thao|gui", segment):
            return "document_sending"
        return "notice"
    if kind == "duration":
        return "meeting_duration"
    if re.search(r"tra loi|cho y kien|gop y|phan hoi", segment):
        return "response"
    if re.search(r"trieu tap", segment):
        return "convening"
    if re.search(r"tham dinh", segment):
        return "appraisal"
    if re.search(r"khieu nai", segment):
        return "complaint"
    if re.search(r"cong bo", segment):
        return "announcement"
    if re.search(r"quyet dinh|xem xet", segment):
        return "decision"
    if re.search(r"bao cao", segment):
        return "reporting"
    if re.search(r"dang phi|nop (?:kinh phi|tien|phi)", segment):
        return "payment"
    if re.search(r"ban hanh|phat hanh|van ban|thong bao|gui", segment):
        return "document_issuance"
    return "other"


# --- money ---------------------------------------------------------------------------------------

_MONEY_SIDE = re.compile(
    rf"(?<![a-z0-9])(?:(?P<cmp>tu|tren|duoi|khong qua|toi da|den|it nhat|vuot qua)\s+)?"
    rf"(?P<amt>(?:{DECIMAL})\s*(?:ty|ti|trieu)(?:\s+(?:{DECIMAL})\s*(?:ty|ti|trieu))*(?:\s*dong)?)"
    rf"(?:\s+(?P<after>tro len|tro xuong))?"
)


_AREA_SIDE = re.compile(
    rf"(?<![a-z0-9])(?:(?P<cmp>tu|tren|duoi|khong qua|toi da|den|it nhat|vuot qua)\s+)?"
    rf"(?P<amt>(?:{DECIMAL})\s*{AREA_UNIT})(?![a-z0-9])"
    rf"(?:\s+(?P<after>tro len|tro xuong))?"
)


@dataclass
class _Side:
    """One side of a threshold: "từ 03 tỷ đồng trở lên", "dưới 10 ha"."""

    start: int
    end: int
    value: int
    comparator: str
    text: str


def _sides(
    ctx: _Context, pattern: re.Pattern[str], read: Callable[[str], int | None]
) -> list[_Side]:
    """Every "từ … trở lên" / "dưới …" amount ``pattern`` finds, read by ``read``."""
    sides: list[_Side] = []
    for m in pattern.finditer(ctx.folded):
        value = read(ctx.sentence[m.start("amt") : m.end("amt")])
        if value is not None:
            cmp = comparator_of(m.group("cmp"), m.group("after") or "")
            sides.append(_Side(m.start(), m.end(), value, cmp, ctx.sentence[m.start() : m.end()]))
    return sides


def _money_hits(ctx: _Context) -> Iterator[_Hit]:
    sides = _sides(ctx, _MONEY_SIDE, lambda text: next((m.value for m in find_money(text)), None))
    for hit in _threshold_hits(ctx, sides, "money_threshold", "đồng"):
        hit.subject = _money_subject(ctx.folded)
        yield hit


def _area_hits(ctx: _Context) -> Iterator[_Hit]:
    """ "dự án chuyển mục đích sử dụng đất trồng lúa (từ 10 ha trở lên)": an area
    threshold, the land type before it as its condition."""
    sides = _sides(ctx, _AREA_SIDE, lambda text: next((a.value for a in find_area(text)), None))
    land = bool(re.search(r"(?<![a-z])(?:dat|rung)(?![a-z])", ctx.folded))
    for hit in _threshold_hits(ctx, sides, "area_threshold", "m²"):
        hit.subject = "land_use" if land else "area"
        hit.condition = _named_before(ctx, hit.start)
        yield hit


def _threshold_hits(ctx: _Context, sides: list[_Side], kind: RuleKind, unit: str) -> Iterator[_Hit]:
    for main, other in _paired(sides):
        if_met = _threshold_body(ctx, main, allow_context=True)
        yield _Hit(
            kind=kind,
            start=main.start,
            end=main.end,
            value=Quantity(text=main.text.strip(), number=main.value, unit=unit),
            comparator=_cmp(main.comparator),
            subject="",
            if_met_body=if_met,
            otherwise_body=_threshold_body(ctx, other, allow_context=False) if other else "",
            bodies=[(if_met, "")],
        )


def _named_before(ctx: _Context, pos: int) -> str:
    """The phrase a value qualifies when it follows it directly: "đất trồng lúa (từ 10 ha
    ...)" → "đất trồng lúa"; up to the previous comma, semicolon or bracket."""
    f = ctx.folded
    end = pos
    while end > 0 and f[end - 1] in " (":
        end -= 1
    start = max(f.rfind(mark, 0, end) for mark in ",;:()") + 1
    words = ctx.sentence[start:end].split()
    if len(words) > 8:
        # "… chuyển mục đích sử dụng đất trồng lúa (từ 05 ha …)": from the last "đất"
        heads = [i for i, w in enumerate(words) if fold_query(w) == "dat"]
        words = words[heads[-1] :] if heads and len(words) - heads[-1] <= 6 else []
    return " ".join(words)


def _paired(sides: list[_Side]) -> Iterator[tuple[_Side, _Side | None]]:
    """Each threshold once, with its opposite side when the text gives both ("từ 03 tỷ
    trở lên ... dưới 03 tỷ ..."): the "at least" side first."""
    used: set[int] = set()
    for i, side in enumerate(sides):
        if i in used:
            continue
        partner = next(
            (
                j
                for j, other in enumerate(sides)
                if j != i
                and j not in used
                and other.value == side.value
                and _opposite(side.comparator, other.comparator)
            ),
            None,
        )
        if partner is not None:
            used.add(partner)
        used.add(i)
        main = side
        other = sides[partner] if partner is not None else None
        if other is not None and main.comparator in ("<", "<=") and other.comparator in (">=", ">"):
            main, other = other, main
        yield main, other


def _opposite(a: str, b: str) -> bool:
    return (a in (">=", ">") and b in ("<", "<=")) or (a in ("<", "<=") and b in (">=", ">"))


_DECIDER = re.compile(
    r"(?:thi|do|giao|uy quyen(?:\s+cho)?|trinh|cho|duoc)\s+(?:tap the\s+)?(?:dong chi\s+)?$"
)


def _threshold_body(ctx: _Context, side: _Side, allow_context: bool) -> str:
    f = ctx.folded
    seg_start, seg_end = _segment(f, side.start, side.end)
    in_seg = [m for m in ctx.mentions if seg_start <= m.start < seg_end and m.rule_body]
    after = [m for m in in_seg if m.start >= side.end]
    for m in after:
        if _DECIDER.search(f[side.end : m.start][-30:]) or re.search(
            r"(?:thi|do)\s", f[side.end : m.start]
        ):
            return m.rule_body or ""
    # no "do/thì/ủy quyền cho X": the clause is in a list of X's powers
    if allow_context:
        body = next(iter(_context_bodies(ctx)), ("", ""))[0]
        if body:
            return body
    before = [m for m in in_seg if m.end <= side.start]
    if after:
        return after[0].rule_body or ""
    if before:
        return before[-1].rule_body or ""
    return ""


def _money_subject(f: str) -> str:
    if re.search(r"dau tu|du an|cong trinh|xay dung", f):
        return "investment"
    if re.search(r"(?<![a-z])chi(?![a-z])|ngan sach|kinh phi|phan bo", f):
        return "budget_spending"
    return "financial_decision"


# --- counts ----------------------------------------------------------------------------------------

_COUNT = re.compile(
    rf"(?<![a-z])(?:gom|gom co|co)\s+(?:(?P<cmp>khong qua|toi da|it nhat|toi thieu|tu)\s+)?"
    rf"(?P<n>\d+|{STRICT_NUMBER})\s+(?P<u>dong chi|thanh vien|uy vien|nguoi)(?![a-z])"
)


def _count_hits(ctx: _Context) -> Iterator[_Hit]:
    for m in _COUNT.finditer(ctx.folded):
        number = read_number(m.group("n"))
        if number is None or number < 1:
            continue
        cmp = comparator_of(m.group("cmp")) if m.group("cmp") else "="
        yield _Hit(
            kind="count",
            start=m.start("n") if not m.group("cmp") else m.start("cmp"),
            end=m.end(),
            value=Quantity(text=ctx.sentence[m.start("n") : m.end()], number=number, unit="người"),
            comparator=_cmp(cmp),
            subject="membership",
        )


# --- bodies ------------------------------------------------------------------------------------------

_MEETING_NOUN = re.compile(
    r"(?:hoi nghi|phien hop|cuoc hop|ky hop|(?<![a-z])hop)(?:\s+(?:cua|thuong le|dinh ky))?\s+$"
)
_CONSULTED = re.compile(r"(?:xin|lay) y kien(?:\s+[a-z]+){0,5}?\s+$")


def _after_meeting_noun(ctx: _Context, pos: int, lo: int) -> bool:
    """Whether the body at ``pos`` follows "hội nghị", "phiên họp (của)", "họp" (the verb
    "họp", not "hợp" as in "trường hợp")."""
    m = _MEETING_NOUN.search(ctx.folded[max(lo, pos - 30) : pos])
    if not m:
        return False
    words = m.group(0)
    if words.startswith("hoi nghi") or not has_diacritics(ctx.sentence):
        return True
    start = max(lo, pos - 30) + m.start()
    return "họp" in ctx.sentence[start:pos].lower()


_FOR_BODY = re.compile(r"doi voi\s+(?:cac\s+)?(?:hoi nghi|cuoc hop|phien hop|ky hop)?\s*")


def _bodies_for(hit: _Hit, ctx: _Context, next_start: int) -> list[tuple[str, str]]:
    """Canonical bodies (with the words as written) a hit applies to, best evidence first."""
    f = ctx.folded
    mentions = ctx.mentions
    seg_start, seg_end = _segment(f, hit.start, hit.end)

    def group(index: int) -> list[tuple[str, str]]:
        return [
            (m.rule_body or "", ctx.sentence[m.start : m.end]) for m in group_at(mentions, index, f)
        ]

    # a. "… 03 ngày, đối với hội nghị Tỉnh ủy": the body the value is stated for.
    if hit.kind in ("lead_time", "duration"):
        window_end = min(next_start, seg_end)
        for fm in _FOR_BODY.finditer(f, hit.end, window_end):
            idx = _mention_at(mentions, fm.end())
            if idx is not None:
                return group(idx)
    # b. the basis names the body: "2/3 tổng số thành viên Ban cán sự đảng".
    if hit.basis_span:
        lo, hi = hit.basis_span
        for i, m in enumerate(mentions):
            if lo <= m.start < hi and m.rule_body:
                return [
                    b
                    for b, x in zip(group(i), group_at(mentions, i, f), strict=True)
                    if lo <= x.start < hi
                ]
    # c. a meeting noun before the value: "Hội nghị Tỉnh ủy, Ban Thường vụ Tỉnh ủy phải có";
    # for votes, the body consulted ("xin ý kiến … Ủy viên Ban Thường vụ") or met, anywhere
    # earlier in the sentence.
    scope_start = 0 if hit.kind == "vote_threshold" else seg_start
    if hit.kind == "vote_threshold":
        for i in reversed(range(len(mentions))):
            m = mentions[i]
            if (
                m.start < hit.start
                and m.rule_body
                and _CONSULTED.search(f[max(0, m.start - 50) : m.start])
            ):
                return group(i)
    if hit.kind in (
        "quorum",
        "frequency",
        "lead_time",
        "duration",
        "request_trigger",
        "vote_threshold",
    ):
        best: int | None = None
        for i, m in enumerate(mentions):
            if (
                scope_start <= m.start < hit.start
                and m.rule_body
                and _after_meeting_noun(ctx, m.start, scope_start)
            ):
                best = i
        if best is not None:
            return group(best)
    # d. the nearest body before the value in the same part of the sentence, then the
    # whole sentence; e. the first body after it in the same part ("… thì Ban cán sự đảng").
    floor = seg_start
    if hit.kind == "lead_time":
        last_truoc = f.rfind("truoc", seg_start, hit.start)
        if last_truoc >= 0 and any(
            seg_start <= m.start < last_truoc and m.rule_body for m in mentions
        ):
            floor = seg_start  # keep actors before "trước"
            before = [
                i
                for i, m in enumerate(mentions)
                if seg_start <= m.start < last_truoc and m.rule_body
            ]
            return group(before[-1])
    before = _actors_first(
        [i for i, m in enumerate(mentions) if floor <= m.start < hit.start and m.rule_body],
        mentions,
        f,
    )
    if before:
        return group(before[-1])
    if hit.kind not in ("lead_time",):
        earlier = [i for i, m in enumerate(mentions) if m.start < seg_start and m.rule_body]
        earlier = _actors_first(earlier, mentions, f)
        if earlier:
            return group(earlier[-1])
    after = [i for i, m in enumerate(mentions) if hit.end <= m.start < seg_end and m.rule_body]
    if after:
        return group(after[0])
    return _context_bodies(ctx)


_OBJECT_BEFORE = re.compile(r"(?<![a-z])(?:voi|cho|len)\s+$")


def _actors_first(indices: list[int], mentions: list[Mention], f: str) -> list[int]:
    """The mentions that may act, when there are any: a body right after "với", "cho" or
    "lên" ("phối hợp với Đảng ủy Khối") is a partner or an addressee."""
    actors = [
        i
        for i in indices
        if not _OBJECT_BEFORE.search(f[max(0, mentions[i].start - 8) : mentions[i].start])
    ]
    return actors or indices


def _mention_at(mentions: list[Mention], pos: int) -> int | None:
    for i, m in enumerate(mentions):
        if m.start == pos and m.rule_body:
            return i
    return None


def _context_bodies(ctx: _Context) -> list[tuple[str, str]]:
    """Clause lead-in (its last body), then the article title (all its bodies), then the
    document's governed body when it names exactly one."""
    if ctx.lead_folded:
        lead_mentions = find_mentions(ctx.lead_folded)
        ruled = [i for i, m in enumerate(lead_mentions) if m.rule_body]
        if ruled:
            # The lead's subject holds the powers listed ("Ban Thường vụ ..., thay mặt Đảng
            # ủy ..., có trách nhiệm và quyền hạn sau:"), unless it hands them on ("ủy
            # quyền cho Thường trực"): then the last body named.
            delegated = re.search(r"\b(uy quyen|uy nhiem|giao) cho\b", ctx.lead_folded)
            grp = group_at(lead_mentions, ruled[-1] if delegated else ruled[0], ctx.lead_folded)
            return [(m.rule_body or "", ctx.lead_text[m.start : m.end]) for m in grp]
    for text, single in ((ctx.title, False), (ctx.governed, True)):
        folded = fold_aligned(text)
        found = find_mentions(folded)
        names = unique_bodies(found)
        if names and (not single or len(names) == 1):
            out: list[tuple[str, str]] = []
            for name in names:
                m = next(x for x in found if x.rule_body == name)
                out.append((name, text[m.start : m.end]))
            return out
    return [("", "")]


# --- conditions ---------------------------------------------------------------------------------------

_CONDITION = re.compile(r"(?:rieng\s+)?doi voi\s")
_CONDITION_END = re.compile(r"[,;.()]|\s(?:thi|phai)\s|\sva\s+truoc")


def _condition(ctx: _Context, hit: _Hit, prev_end: int, next_start: int) -> str:
    f = ctx.folded
    seg_start, seg_end = _segment(f, hit.start, hit.end)
    lo, hi = max(prev_end, seg_start), min(next_start, seg_end)
    best: tuple[int, int, int] | None = None  # distance, start, end
    depth = _paren_depth(f, hit.start)
    for m in _CONDITION.finditer(f, lo, hi):
        if hit.start <= m.start() < hit.end or _paren_depth(f, m.start()) != depth:
            continue
        if m.start() >= hit.end and m.start() - hit.end > 12:
            continue  # only "… 03 ngày, đối với …" right after the value qualifies it
        end = _condition_end(ctx, m.end())
        stop = min(end if end is not None else hi, hi, m.end() + 90)
        if m.start() < hit.start:
            stop = min(stop, hit.start)
        # a qualifier right after the value ("03 ngày, đối với …") beats one before it
        distance = 1000 + hit.start - stop if m.start() < hit.start else m.start() - hit.end
        if best is None or distance < best[0]:
            best = (distance, m.start(), stop)
    if best is None:
        return ""
    text = ctx.sentence[best[1] : best[2]].strip(" ,")
    return text if len(text) > len("đối với ") else ""


def _condition_end(ctx: _Context, pos: int) -> int | None:
    """Where a condition ends: punctuation, or "thì"/"phải" — the word itself when the
    text has diacritics ("đối với công tác thi đua thì …": "thi đua" goes on)."""
    accented = has_diacritics(ctx.sentence)
    for end in _CONDITION_END.finditer(ctx.folded, pos):
        word = ctx.sentence[end.start() : end.end()].strip().lower()
        if accented and word in ("thi", "phai", "phái"):
            continue
        return end.start()
    return None


def _paren_depth(f: str, pos: int) -> int:
    return max(0, f.count("(", 0, pos) - f.count(")", 0, pos))


# --- assembling ------------------------------------------------------------------------------------------

_EXTRACTORS = (
    _share_hits,
    _money_hits,
    _area_hits,
    _calendar_hits,
    _frequency_hits,
    _day_hits,
    _count_hits,
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
            ctx = _Context(
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
    doc: Document, article: Article, unit: _Unit, ctx: _Context, offset: int
) -> Iterator[Rule]:
    hits: list[_Hit] = []
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
        bodies = hit.bodies if hit.kind in THRESHOLD_KINDS else _bodies_for(hit, ctx, next_start)
        condition = hit.condition or _condition(ctx, hit, prev_end, next_start)
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
    ctx: _Context,
    offset: int,
    hit: _Hit,
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
