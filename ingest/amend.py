"""Read an amending decision ("Quyết định sửa đổi, bổ sung một số điều của Quy chế ...")
into typed instructions: which article or clause, replaced, repealed or added, and the
new wording.

A decision is recognised by its own structure, never by its file name: a "QUYẾT ĐỊNH"
whose subject says it amends a quy chế/quy định, and whose articles hold at least one
instruction ("Điều 5 được sửa đổi như sau:", "Bãi bỏ khoản 3 Điều 8", "Bổ sung Điều 12a
như sau:", "Bổ sung khoản 4 vào Điều 6 như sau:", "Điểm b khoản 2 Điều 5 được sửa đổi như
sau:", "Bãi bỏ điểm b, điểm c khoản 1 Điều 4"). Pure functions over a parsed Document.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict

from ingest import structure as s
from ingest.models import Document
from ingest.normalize import collapse_spaces, fold, sentence_case

AmendOp = Literal["replace", "repeal", "add"]


class _Fact(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Target(_Fact):
    """An article ("Điều 12a": number 12, suffix "a"), one of its clauses, or a lettered
    point of a clause (``point`` as written: "a", "b", "đ")."""

    article: int
    suffix: str = ""
    clause: int | None = None
    point: str | None = None

    @property
    def label(self) -> str:
        label = f"Điều {self.article}{self.suffix}"
        if self.clause is not None:
            label = f"khoản {self.clause} {label}"
        return label if self.point is None else f"điểm {self.point} {label}"


class Instruction(_Fact):
    op: AmendOp
    target: Target
    text: str = ""  # the new wording, outer quotes removed; "" for a repeal
    start: int  # offset of the instruction in the decision's text


class AmendingDecision(_Fact):
    """What an amending decision changes, and in which regulation."""

    document_id: str
    number: str
    title: str
    date_issued: str
    effective: str  # ISO date the changes take effect
    target_numbers: tuple[str, ...]  # numbers of the amended regulation, most likely first
    target_title: str  # "Quy chế làm việc của ..." as the decision names it
    instructions: tuple[Instruction, ...]
    end: int  # offset where the last instruction's wording ends
    # lines worded as instructions that no pattern reads ("thay cụm từ ... tại điểm a khoản 2
    # Điều 5", "sửa đổi gạch đầu dòng thứ hai ..."):
    # not applied, and named in a notice rather than dropped in silence
    unread: tuple[str, ...] = ()


_LETTER = r"[a-zđ]"
# "Điều 5", "khoản 2 Điều 5", "điểm b khoản 2 Điều 5": each unit optional from the left.
_TARGET = (
    rf"(?:(?:điểm\s+(?P<point>{_LETTER})\s+)?khoản\s+(?P<clause>\d{{1,2}})\s+)?"
    r"Điều\s+(?P<article>\d{1,3})(?P<suffix>[a-zđ]?)\b"
)
_OF_REGULATION = r"(?:\s+(?:của|tại)\s+Quy\s+(?:chế|định)[^:\n]*?)?"
_AS_FOLLOWS = r"\s*(?:như\s+sau|thành|bằng)?\s*:?"
# A line may open with its own list marker ("1.", "a)", "-") or a decision's "Điều 1.".
_MARKER = r"^[ \t]*(?:(?:Điều[ \t]+\d{1,2}[ \t]*[.:][ \t]*)|(?:\d{1,2}|[a-zđ])[ \t]*[.)][ \t]*|[-–+•][ \t]*)?"
_REPLACE = re.compile(
    _MARKER
    + r"(?:Sửa\s+đổi(?:,?\s+bổ\s+sung)?|Thay\s+thế)\s+"
    + _TARGET
    + _OF_REGULATION
    + _AS_FOLLOWS,
    re.I,
)
_REPLACE_PASSIVE = re.compile(
    _MARKER
    + _TARGET
    + _OF_REGULATION
    + r"\s+(?:được\s+)?(?:sửa\s+đổi(?:,?\s+bổ\s+sung)?|thay\s+thế)"
    + _AS_FOLLOWS,
    re.I,
)


def _placed(unit: str, number: str) -> str:
    """Where an added unit goes: "vào", "sau khoản 2", "vào sau điểm d", "của" (each
    optional), before the unit that holds it."""
    return rf"(?:(?:vào|tại)\s+)?(?:(?:sau|trước)\s+{unit}\s+{number}\s+)?(?:của\s+)?"


# "Bổ sung khoản 4 vào Điều 6", "Bổ sung điểm đ vào khoản 2 Điều 6", "Bổ sung điểm e sau
# điểm d khoản 2 Điều 6": a clause, or a point of a clause, added.
_ADD_UNIT = re.compile(
    _MARKER
    + rf"Bổ\s+sung\s+(?:điểm\s+(?P<point>{_LETTER})\s+"
    + _placed("điểm", _LETTER)
    + r")?khoản\s+(?P<clause>\d{1,2})\s+"
    + _placed("khoản", r"\d{1,2}")
    + r"Điều\s+(?P<article>\d{1,3})(?P<suffix>)\b"
    + _OF_REGULATION
    + _AS_FOLLOWS,
    re.I,
)
_ADD_ARTICLE = re.compile(
    _MARKER + r"Bổ\s+sung\s+(?:(?:một|01)\s+điều\s+mới\s+là\s+)?Điều\s+(?P<article>\d{1,3})"
    r"(?P<suffix>[a-zđ]?)\b(?P<clause>)(?:\s+(?:vào\s+)?(?:sau|trước)\s+Điều\s+\d{1,3})?"
    + _OF_REGULATION
    + _AS_FOLLOWS,
    re.I,
)
_REPEAL = re.compile(
    _MARKER + rf"Bãi\s+bỏ\s+(?P<targets>(?:(?:khoản|Điều)\s+\d|điểm\s+{_LETTER}\b)[^\n]*)", re.I
)
_REPEAL_PASSIVE = re.compile(
    _MARKER + _TARGET + _OF_REGULATION + r"\s+(?:bị|được)\s+bãi\s+bỏ", re.I
)
_TARGET_TOKEN = re.compile(
    rf"\b(?:(khoản|Điều)\s+(\d{{1,3}})([a-zđ]?)|điểm\s+({_LETTER}(?:\s*(?:,|và)\s*{_LETTER})*))(?!\w)",
    re.I,
)

# Folded. Active ("sửa đổi ... điểm a ...") or passive ("Điểm b, điểm c khoản 2 Điều 5
# được sửa đổi"): a line that names only units before its verb.
_LOOKS_LIKE_INSTRUCTION = re.compile(
    r"^\W*(?:\d{1,2}\s*[.)]\s*|[a-z]\s*[.)]\s*)?(?:"
    r"(?:sua doi|bai bo|bo sung|thay (?:the|cum tu|tu))\b.*\b(?:diem|tiet|khoan|dieu) [0-9a-z]"
    r"|(?:(?:diem|tiet|khoan|dieu) [0-9a-z]+\W*(?:va\s+)?)+(?:cua quy (?:che|dinh)[^:]*?\s)?"
    r"(?:duoc|bi) (?:sua doi|bai bo|bo sung|thay the)\b)"
)
_DOC_NUMBER = re.compile(r"(\d{1,5})[ \t]*-[ \t]*([A-ZĐ][A-Za-zĐđ]*(?:/[A-ZĐ][A-Za-zĐđ]*)+)")
_DECISION_HEADING = re.compile(r"^[ \t]*QUYẾT[ \t]+ĐỊNH[ \t]*$")
_AMENDS = re.compile(r"\b(?:sua doi|bo sung|bai bo)\b.*\bquy (?:che|dinh)\b")
_EFFECT_SIGNING = re.compile(r"hiệu\s+lực[^.\n]{0,40}?từ\s+ngày\s+ký", re.I)
_EFFECT_SLASH = re.compile(
    r"hiệu\s+lực[^.\n]{0,40}?từ\s+ngày\s+(\d{1,2})[/-](\d{1,2})[/-](\d{4})", re.I
)
_EFFECT_WORDS = re.compile(
    r"hiệu\s+lực[^.\n]{0,40}?từ\s+ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.I
)
_CLOSING_QUOTE = re.compile(r"[”\"][ \t]*[.;,]?[ \t]*$")
_OPENING_QUOTE = ("“", '"')


def read_amendment(doc: Document) -> AmendingDecision | None:
    """The decision's instructions, or None when ``doc`` is not an amending decision."""
    if not doc.articles:
        return None
    header = doc.text[: doc.articles[0].start]
    subject = _subject(header)
    if not _AMENDS.search(fold(subject)):
        return None
    instructions, end, unread = _instructions(doc)
    if not instructions and not unread:
        return None
    title = f"Quyết định {subject[:1].lower()}{subject[1:]}" if subject else "Quyết định sửa đổi"
    first = instructions[0].start if instructions else end
    lead = doc.text[doc.articles[0].start : first]
    return AmendingDecision(
        document_id=doc.id,
        number=doc.meta.number,
        title=title,
        date_issued=doc.meta.date_issued,
        effective=_effective(doc.text[end:], doc.meta.date_issued),
        target_numbers=_target_numbers(f"{header}\n{lead}", doc.meta.number),
        target_title=_target_title(f"{subject}\n{lead}"),
        instructions=tuple(instructions),
        end=end,
        unread=tuple(unread),
    )


def _subject(header: str) -> str:
    """The line(s) under the "QUYẾT ĐỊNH" heading: what the decision is about."""
    lines = header.split("\n")
    start = next((i for i, line in enumerate(lines) if _DECISION_HEADING.match(line)), None)
    if start is None:
        return ""
    taken: list[str] = []
    for line in lines[start + 1 :]:
        stripped = line.strip()
        if not stripped:
            if taken:
                break
            continue
        if stripped.startswith(("-", "*", "Căn cứ", "–")) or len(taken) >= 4:
            break
        taken.append(stripped)
    subject = collapse_spaces(" ".join(taken))
    letters = [c for c in subject if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.8:
        subject = sentence_case(subject)
    return subject


def _match_instruction(line: str) -> tuple[AmendOp, list[Target], bool] | None:
    """(operation, targets, takes wording) for an instruction line."""
    for pattern, op in ((_ADD_UNIT, "add"), (_ADD_ARTICLE, "add"), (_REPLACE, "replace")):
        match = pattern.match(line)
        if match:
            return op, [_target(match)], True  # type: ignore[return-value]
    match = _REPLACE_PASSIVE.match(line)
    if match and "bãi" not in fold(line[: match.end()]):
        return "replace", [_target(match)], True
    match = _REPEAL.match(line)
    if match:
        targets = _targets(match["targets"])
        return ("repeal", targets, False) if targets else None
    match = _REPEAL_PASSIVE.match(line)
    if match:
        return "repeal", [_target(match)], False
    return None


def _target(match: re.Match[str]) -> Target:
    clause = match["clause"]
    point = match.groupdict().get("point")
    return Target(
        article=int(match["article"]),
        suffix=(match["suffix"] or "").lower(),
        clause=int(clause) if clause else None,
        point=point.lower() if point and clause else None,
    )


def _targets(text: str) -> list[Target]:
    """ "điểm a, điểm d khoản 2, khoản 5 Điều 11 và Điều 12" → điểm a khoản 2 Điều 11,
    điểm d khoản 2 Điều 11, khoản 5 Điều 11, Điều 12: each unit belongs to the next larger
    unit named after it."""
    text = re.split(r"\s+(?:của|tại)\s+Quy\s+(?:chế|định)", text, maxsplit=1, flags=re.I)[0]
    targets: list[Target] = []
    points: list[str] = []
    clauses: list[tuple[int, str | None]] = []
    for kind, number, suffix, letters in _TARGET_TOKEN.findall(text):
        if letters:
            points.extend(re.findall(rf"(?<!\w){_LETTER}(?!\w)", letters.lower()))
            continue
        if kind.lower() == "khoản":
            named: list[str | None] = [*points] or [None]
            clauses.extend((int(number), p) for p in named)
            points = []
            continue
        if points:  # "điểm a Điều 5": a point with no clause named is not read
            return []
        article, letter = int(number), suffix.lower()
        if clauses:
            targets.extend(
                Target(article=article, suffix=letter, clause=c, point=p) for c, p in clauses
            )
            clauses = []
        else:
            targets.append(Target(article=article, suffix=letter))
    return targets


def _instructions(doc: Document) -> tuple[list[Instruction], int, list[str]]:
    """Instructions in the order written, each with the wording that follows it."""
    text = doc.text
    body_start = doc.articles[0].start
    lines = _lines(text, body_start)
    stops = frozenset(a.start for a in doc.articles)
    found: list[Instruction] = []
    unread: list[str] = []
    end = body_start
    i = 0
    while i < len(lines):
        start, line = lines[i]
        if s.END_OF_BODY.match(line):
            break
        matched = _match_instruction(line)
        if matched is None:
            if _LOOKS_LIKE_INSTRUCTION.match(fold(line)):
                unread.append(line.strip())
            i += 1
            continue
        op, targets, takes_wording = matched
        wording, i, end = _wording(lines, i, takes_wording, stops)
        found.extend(Instruction(op=op, target=t, text=wording, start=start) for t in targets)
    return found, end, unread


def _lines(text: str, start: int) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    offset = start
    for line in text[start:].split("\n"):
        out.append((offset, line))
        offset += len(line) + 1
    return out


def _wording(
    lines: list[tuple[int, str]], i: int, takes_wording: bool, stops: frozenset[int]
) -> tuple[str, int, int]:
    """The new wording after instruction line ``i``: the rest of that line after its
    colon, then the lines up to the closing quote, or (unquoted) the next instruction or
    the decision's next article. Returns (wording, next line index, end offset)."""
    start, line = lines[i]
    end = start + len(line)
    if not takes_wording:
        return "", i + 1, end
    _head, colon, rest = line.partition(":")
    taken = [rest.strip()] if colon and rest.strip() else []
    j = i + 1
    quoted = bool(taken) and taken[0].startswith(_OPENING_QUOTE)
    while (not taken or not quoted or not _CLOSING_QUOTE.search(taken[-1])) and j < len(lines):
        offset, nxt = lines[j]
        stripped = nxt.strip()
        if not taken and not stripped:
            j += 1
            continue
        if not quoted and (
            s.END_OF_BODY.match(nxt)
            or _match_instruction(nxt) is not None
            or (bool(taken) and _decision_article(offset, nxt, stops))
        ):
            break
        if not taken:
            quoted = stripped.startswith(_OPENING_QUOTE)
        taken.append(nxt.rstrip())
        end = offset + len(nxt.rstrip())
        j += 1
    return _unquote("\n".join(taken)), j, end


_DECISION_ARTICLE = re.compile(
    r"^[ \t]*Điều[ \t]+[2-9][ \t]*[.:][ \t]*(?:Quyết định|Hiệu lực|Tổ chức|Điều khoản|Trách nhiệm)",
    re.I,
)


def _decision_article(offset: int, line: str, stops: frozenset[int]) -> bool:
    """The decision's own next article ("Điều 2. Quyết định này có hiệu lực ..."): a
    heading the parser found, or one worded as decisions word them."""
    stripped = len(line) - len(line.lstrip())
    return offset + stripped in stops or bool(_DECISION_ARTICLE.match(line))


def _unquote(text: str) -> str:
    text = text.strip()
    if text[:1] in _OPENING_QUOTE:
        text = text[1:]
        text = _CLOSING_QUOTE.sub("", text) if _CLOSING_QUOTE.search(text) else text
    lines = [line.strip() for line in text.strip().split("\n")]
    return "\n".join(line for line in lines if line)


def _effective(text: str, date_issued: str) -> str:
    """The day the changes take effect: a date written after "hiệu lực", else signing."""
    for pattern in (_EFFECT_SLASH, _EFFECT_WORDS):
        match = pattern.search(text)
        if match:
            day, month, year = (int(g) for g in match.groups())
            if 1 <= day <= 31 and 1 <= month <= 12:
                return f"{year}-{month:02d}-{day:02d}"
    if _EFFECT_SIGNING.search(text):
        return date_issued
    return date_issued


def normal_number(number: str) -> str:
    """ "07 - QC/ĐU" → "07-QC/ĐU": how two mentions of one number are compared."""
    return re.sub(r"\s+", "", number).upper()


def _target_numbers(text: str, own: str) -> tuple[str, ...]:
    """Document numbers the decision mentions besides its own; a quy chế's ("-QC/") first."""
    seen: list[str] = []
    for match in _DOC_NUMBER.finditer(text):
        number = normal_number(f"{match[1]}-{match[2]}")
        if number != normal_number(own) and number not in seen:
            seen.append(number)
    return tuple(sorted(seen, key=lambda n: "QC" not in n))


def _target_title(text: str) -> str:
    """ "Quy chế làm việc của ..." from the decision's subject or first article."""
    match = re.search(r"(Quy\s+(?:chế|định)\s+làm\s+việc[^\n(]*)", text, re.I)
    if match is None:
        return ""
    title = re.split(r"\s+(?:như sau|số\s+\d|ban hành)|[:;]", match[1], maxsplit=1)[0]
    return collapse_spaces(title).rstrip(" ,.")
