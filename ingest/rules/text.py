"""Text helpers that keep offsets: a folded copy of the same length, sentences, bodies.

Rules quote their sentence verbatim, so matching runs on :func:`fold_aligned`, a folded
copy whose character ``i`` is the folded form of the source's character ``i``: every
match span is also a span of the source text. The body vocabulary is
:data:`ingest.bodies.BODIES`, the project's one table of body names.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ingest.bodies import BODIES
from ingest.normalize import nfc, strip_diacritics

_SPACE_CHARS = frozenset(" \t\n\r\u00a0\u2007\u202f\u200b\ufeff")


def fold_aligned(text: str) -> str:
    """Lower-case, diacritics removed, ``đ`` → ``d``, whitespace → " "; same length as
    ``text`` (NFC input: each precomposed letter folds to one letter)."""
    return "".join(map(_folded_char, text))


@functools.cache
def _folded_char(ch: str) -> str:
    """One character of :func:`fold_aligned` (cached: texts repeat few characters)."""
    if ch in _SPACE_CHARS:
        return " "
    folded = strip_diacritics(ch.lower())
    return folded if len(folded) == 1 else (folded[:1] or "·")


def fold_query(text: str) -> str:
    """Folded, single-spaced form of a user's question (offsets not needed)."""
    return re.sub(r"\s+", " ", fold_aligned(nfc(text))).strip()


# --- sentences -------------------------------------------------------------------------

_SENTENCE_END = re.compile(
    r"(?<=[.!?…])[\"”’)*_]*\s+(?=[\"“(*_\-–•+]*\s*[A-ZĐÀ-Ỹ0-9])|\n\s*\n|\n(?=\s*[-–•+*]\s)"
)


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def sentences(text: str) -> list[Span]:
    """Sentence spans of ``text`` (trimmed). A "." between digits ("1.1", "3.000") or in a
    blank ("... ngày") does not end a sentence because the next char is not a capital
    or a digit after a space."""
    spans: list[Span] = []
    pos = 0
    for match in _SENTENCE_END.finditer(text):
        if _wrapped(text, match):
            continue
        _append_trimmed(spans, text, pos, match.start())
        pos = match.end()
    _append_trimmed(spans, text, pos, len(text))
    return spans


_POINT_START = re.compile(r"[a-zđ]\s*[).]")


def _wrapped(text: str, match: re.Match[str]) -> bool:
    """A blank line inside a sentence (a page break in the source: "… và các tổ chức" /
    "chính trị - xã hội … từ 15 tỷ đồng trở lên."): no end mark before it, a lower-case
    word after it that is not a point label ("b) …")."""
    if "\n" not in match.group():
        return False
    before = text[: match.start()].rstrip()
    after = text[match.end() :]
    return (
        bool(before)
        and before[-1] not in ".;:!?…"
        and bool(after)
        and after[0].islower()
        and not _POINT_START.match(after)
    )


def _append_trimmed(spans: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end))


# --- bodies ----------------------------------------------------------------------------

# Canonical body names a rule can apply to. Member titles ("Ủy viên Ban Thường vụ") count
# for their committee; offices ("Văn phòng Tỉnh ủy") are found only so that the committee
# named after them is not taken for a body.
RULE_BODY: dict[str, str] = {
    "Ban Chấp hành": "Ban Chấp hành",
    "Ban Thường vụ": "Ban Thường vụ",
    "Thường trực": "Thường trực",
    "Ban cán sự đảng": "Ban cán sự đảng",
    "Bí thư": "Bí thư",
    "Phó Bí thư": "Phó Bí thư",
    "Phó Bí thư Thường trực": "Phó Bí thư Thường trực",
    "Ủy viên Ban Thường vụ": "Ban Thường vụ",
    "Ủy viên Ban Chấp hành": "Ban Chấp hành",
    "Ủy ban Kiểm tra": "Ủy ban Kiểm tra",
    "Đảng đoàn": "Đảng đoàn",
    "Chi ủy": "Chi ủy",
    "Chi bộ": "Chi bộ",
}
EXTERNAL_BODIES = ("Ban Bí thư", "Bộ Chính trị", "Ban Chấp hành Trung ương")
_EXTRA_ALIASES: dict[str, tuple[str, ...]] = {
    "Ban Chấp hành Trung ương": ("ban chap hanh trung uong",),
    "Đảng đoàn": ("dang doan",),
    "Chi ủy": ("chi uy",),
    "Ủy viên Ban Chấp hành": ("dang uy vien", "cap uy vien"),
    "Chi bộ": ("chi bo",),
    "Văn phòng": (
        "ban tuyen giao",
        "ban dan van",
        "ban xay dung dang",
        "ban noi chinh",
        "ban kinh te",
        "co quan",
    ),
    "Ủy ban nhân dân": ("uy ban nhan dan", "ubnd", "hoi dong nhan dan", "hdnd"),
}
# Words that make a following committee seat part of another name ("trực thuộc Tỉnh ủy" is
# still the committee, "Văn phòng Tỉnh ủy" is not).
# (alias, its pattern, body), longest alias first; compiled once (built per call, the
# aliases overflow re's cache)
_ALIASES: list[tuple[str, re.Pattern[str], str]] = [
    (
        alias,
        re.compile(r"(?<![a-z0-9])" + re.escape(alias).replace(r"\ ", r"\s+") + r"(?![a-z0-9])"),
        body,
    )
    for alias, body in sorted(
        [(alias, body) for body, aliases in BODIES.items() for alias in aliases]
        + [(alias, body) for body, aliases in _EXTRA_ALIASES.items() for alias in aliases],
        key=lambda item: -len(item[0]),
    )
]
_NOT_BODY_AFTER = {
    # "Phó Bí thư Thường trực" is a person; "thường trực Hội đồng nhân dân" another organ.
    "thuong truc": (" hoi dong", " hdnd", " uy ban nhan dan", " ubnd"),
    "ban thuong vu": (" tinh doan", " huyen doan", " doan"),
    "bi thu": (),
}
_NOT_BODY_BEFORE = {
    "bi thu": ("pho ", "ban "),
    "thuong truc": ("bi thu ",),
    "dang uy": ("pho bi thu ", "bi thu "),
}
_TITLES = ("Bí thư", "Phó Bí thư", "Phó Bí thư Thường trực", "Ủy viên")
_SEATS = {"tinh uy", "huyen uy", "thanh uy", "thi uy", "quan uy", "dang uy", "dang uy khoi"}
_SEAT_TAIL = re.compile(
    r"\s+(?:dang bo\s+)?(?:(?:tinh|huyen|thanh pho|thanh|thi|quan|khoi)\s+)?"
    r"(?:(?:tinh|huyen|thanh|thi|quan|dang)\s+uy(?:\s+khoi)?)?"
)


@dataclass(frozen=True)
class Mention:
    body: str  # canonical name from ingest.bodies (or an office / external organ)
    start: int
    end: int

    @property
    def rule_body(self) -> str | None:
        return RULE_BODY.get(self.body)


def is_seat(folded: str, mention: Mention) -> bool:
    """A committee seat ("Tỉnh ủy", "Đảng ủy Khối") rather than a body's own name."""
    return re.sub(r"\s+", " ", folded[mention.start : mention.end]) in _SEATS


def find_mentions(folded: str) -> list[Mention]:
    """Body mentions in an aligned folded text, longest alias first, reading order."""
    taken = [False] * len(folded)
    found: list[Mention] = []
    for alias, pattern, body in _ALIASES:
        for match in pattern.finditer(folded):
            start, end = match.span()
            if any(taken[start:end]):
                continue
            before = folded[max(0, start - 12) : start]
            after = folded[end : end + 20]
            if any(before.endswith(b) for b in _NOT_BODY_BEFORE.get(alias, ())):
                continue
            if alias == "dang uy" and after.startswith(" vien"):
                continue
            if any(after.startswith(a) for a in _NOT_BODY_AFTER.get(alias, ())):
                body_here = "Ủy ban nhân dân"
            else:
                body_here = body
            for k in range(start, end):
                taken[k] = True
            found.append(Mention(body_here, start, end))
    found.sort(key=lambda m: m.start)
    merged: list[Mention] = []
    for m in found:
        seat = is_seat(folded, m)
        if merged and seat and m.body == "Ban Chấp hành" and m.start - merged[-1].end <= 1:
            # "Ban Thường vụ Tỉnh ủy", "Văn phòng Đảng ủy": the seat qualifies the name.
            prev = merged[-1]
            merged[-1] = Mention(prev.body, prev.start, m.end)
            continue
        if (
            merged
            and merged[-1].body in _TITLES
            and m.body in RULE_BODY
            and m.start - merged[-1].end <= 1
        ):
            # "Bí thư Ban cán sự đảng", "Phó Bí thư Tỉnh ủy": the committee names the post.
            # "Ủy viên Ban Chấp hành": a member of the committee, which is the body.
            prev = merged[-1]
            body = m.body if prev.body == "Ủy viên" else prev.body
            merged[-1] = Mention(body, prev.start, m.end)
            continue
        merged.append(m)
    # "thành viên", "Ủy viên" alone name members, not a body: they only join a group.
    return [_extend_seat(folded, m) for m in merged if m.body != "Ủy viên"]


def _extend_seat(folded: str, m: Mention) -> Mention:
    """Take "Đảng bộ tỉnh", "Tỉnh ủy" after a committee name into the mention."""
    if m.body not in ("Ban Chấp hành", "Ban Thường vụ", "Thường trực", "Ban cán sự đảng"):
        return m
    tail = _SEAT_TAIL.match(folded, m.end)
    if tail and tail.end() > m.end and folded[tail.end() - 1] != " ":
        return Mention(m.body, m.start, tail.end())
    return m


_GROUP_GAP = re.compile(
    r"^\s*(?:,|va|hoac|/|,\s*va|,\s*hoac)?\s*(?:cac\s+)?(?:dong chi\s+)?"
    r"(?:(?:uy vien|thanh vien|hoi nghi|cuoc hop|phien hop|tap the)\s+)?$"
)


def group_at(mentions: list[Mention], index: int, folded: str) -> list[Mention]:
    """The coordinated run of rule-body mentions containing ``mentions[index]``:
    "Tỉnh ủy, Ban Thường vụ Tỉnh ủy" or "Ủy viên Ban Thường vụ hoặc Ủy viên Ban Chấp hành"."""
    lo = hi = index
    while lo > 0 and _joined(mentions[lo - 1], mentions[lo], folded):
        lo -= 1
    while hi + 1 < len(mentions) and _joined(mentions[hi], mentions[hi + 1], folded):
        hi += 1
    return [m for m in mentions[lo : hi + 1] if m.rule_body]


def _joined(a: Mention, b: Mention, folded: str) -> bool:
    if not a.rule_body or not b.rule_body:
        return False
    return bool(_GROUP_GAP.match(folded[a.end : b.start]))


def unique_bodies(mentions: list[Mention]) -> list[str]:
    out: list[str] = []
    for m in mentions:
        body = m.rule_body
        if body and body not in out:
            out.append(body)
    return out
