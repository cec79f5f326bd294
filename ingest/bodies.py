"""The bodies (cơ quan, chức danh) a regulation gives powers to, and how people write them.

One vocabulary for the parser's consumers: the rule extractor, retrieval boosts and the
answering layer all name a body the same way. Matching runs on folded text, so "BTV",
"ban thuong vu" and "Ban Thường vụ" are the same body.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ingest.normalize import fold

# canonical name → folded aliases (longest first when matching). A committee named by its
# seat ("Tỉnh ủy", "Đảng ủy", "Huyện ủy") is the whole Ban Chấp hành.
BODIES: dict[str, tuple[str, ...]] = {
    "Ban Chấp hành": (
        "ban chap hanh dang bo",
        "ban chap hanh",
        "bch",
        "cap uy",
        "tinh uy",
        "huyen uy",
        "thanh uy",
        "thi uy",
        "quan uy",
        "dang uy khoi",
        "dang uy",
    ),
    "Ban Thường vụ": ("ban thuong vu", "btv", "thuong vu"),
    "Thường trực": ("thuong truc", "tttu", "tthu", "ttdu", "tt tinh uy", "tt huyen uy"),
    "Bí thư": ("bi thu",),
    "Phó Bí thư Thường trực": ("pho bi thu thuong truc",),
    "Phó Bí thư": ("pho bi thu",),
    "Ủy viên Ban Thường vụ": ("uy vien ban thuong vu", "uv btv"),
    "Ủy viên Ban Chấp hành": ("uy vien ban chap hanh", "uv bch", "tinh uy vien", "huyen uy vien"),
    "Ban cán sự đảng": ("ban can su dang", "ban can su", "bcsd", "bcs"),
    "Ủy ban Kiểm tra": ("uy ban kiem tra", "ubkt"),
    "Văn phòng": ("van phong", "chanh van phong"),
    "Ban Tổ chức": ("ban to chuc",),
    "Ban Bí thư": ("ban bi thu", "bbt"),
    "Bộ Chính trị": ("bo chinh tri", "bct"),
    "Chủ tịch Ủy ban nhân dân": ("chu tich uy ban nhan dan", "chu tich ubnd"),
    "Ủy viên": ("uy vien", "thanh vien"),
}
# A member of whichever body the sentence speaks of: on its own, no committee of the Party.
MEMBER = "Ủy viên"
# The organs of a Party committee, whose work the committee's own working regulation lays
# down whatever its title names (a regulation titled for the committee's executive rules
# its Ban Thường vụ, Thường trực and Bí thư too); the other bodies (Ủy ban Kiểm tra, Văn
# phòng, the committee's Ban) have working regulations of their own.
COMMITTEE_ORGANS = frozenset(
    {
        "Ban Chấp hành",
        "Ban Thường vụ",
        "Thường trực",
        "Bí thư",
        "Phó Bí thư Thường trực",
        "Phó Bí thư",
        "Ủy viên Ban Thường vụ",
        "Ủy viên Ban Chấp hành",
        MEMBER,
    }
)

# Aliases that are only a body when not part of a longer name: "Bí thư" inside "Phó Bí thư",
# "Ban Bí thư"; "Thường trực" inside "Phó Bí thư Thường trực"; "Đảng ủy" inside "Đảng ủy viên".
_BLOCKED_BEFORE = {
    "bi thu": ("pho ", "ban "),
    "thuong truc": ("bi thu ",),
    "uy vien": ("ban ", "tinh ", "huyen ", "dang "),
}
_BLOCKED_AFTER = {
    "dang uy": (" vien", " khoi"),
    "uy vien": (" ban can su", " uy ban kiem tra"),
    "thuong vu": (" tinh uy",),
}


_SEATS = {
    "tinh uy",
    "huyen uy",
    "thanh uy",
    "thi uy",
    "quan uy",
    "dang uy",
    "dang uy khoi",
    "cap uy",
}


@dataclass(frozen=True)
class BodyMention:
    body: str
    start: int  # offsets into the folded text
    end: int


def _longest_first(
    vocabulary: dict[str, tuple[str, ...]],
) -> list[tuple[str, re.Pattern[str], str]]:
    """(alias, its whole-word pattern, name), longest alias first, so a longer name wins
    an overlap. (Compiled once: built per call, the aliases overflow re's cache.)"""
    pairs = ((alias, name) for name, aliases in vocabulary.items() for alias in aliases)
    return [
        (alias, re.compile(rf"(?<![a-z0-9]){re.escape(alias)}(?![a-z0-9])"), name)
        for alias, name in sorted(pairs, key=lambda item: -len(item[0]))
    ]


_ALIASES = _longest_first(BODIES)


def find_bodies(text: str) -> list[BodyMention]:
    """Body mentions in reading order; overlapping aliases resolve to the longest."""
    return body_mentions(fold(text))


def body_mentions(folded: str) -> list[BodyMention]:
    """:func:`find_bodies` on text already folded (offsets are into ``folded``)."""
    taken = [False] * len(folded)
    found: list[BodyMention] = []
    for alias, pattern, body in _ALIASES:
        for match in pattern.finditer(folded):
            start, end = match.span()
            if any(taken[start:end]):
                continue
            before = folded[max(0, start - 10) : start]
            after = folded[end : end + 20]
            if any(before.endswith(b) for b in _BLOCKED_BEFORE.get(alias, ())):
                continue
            if any(after.startswith(a) for a in _BLOCKED_AFTER.get(alias, ())):
                continue
            for k in range(start, end):
                taken[k] = True
            found.append(BodyMention(body, start, end))
    found.sort(key=lambda m: m.start)
    # "Ban Thường vụ Tỉnh ủy": a committee seat right after another body only qualifies it.
    return [
        m
        for i, m in enumerate(found)
        if not (
            i > 0
            and m.body == "Ban Chấp hành"
            and folded[m.start : m.end] in _SEATS
            and m.start - found[i - 1].end <= 1
        )
    ]


# The officers of a Party organization that is no committee (a ban cán sự đảng): its
# secretary, deputies and members, whose work its own working regulation lays down.
_OFFICERS = frozenset({"Bí thư", "Phó Bí thư", MEMBER})


def governed_bodies(title: str) -> frozenset[str]:
    """The bodies a working regulation titled ``title`` governs: those the title names,
    with a committee its organs and with a ban cán sự đảng its officers; empty when the
    title names none."""
    named = set(bodies_in(title))
    if "Ban Chấp hành" in named:
        named |= COMMITTEE_ORGANS
    if "Ban cán sự đảng" in named:
        named |= _OFFICERS
    return frozenset(named)


def seat_names() -> frozenset[str]:
    """The folded names of committees by their seat ("tinh uy", "huyen uy")."""
    return frozenset(_SEATS)


def is_seat(folded: str, mention: BodyMention) -> bool:
    """Whether ``mention`` names a committee by its seat ("Tỉnh ủy", "Đảng ủy Khối"): the
    words that also name the committee's own regulation."""
    return folded[mention.start : mention.end] in _SEATS


def bodies_in(text: str) -> list[str]:
    """Distinct canonical bodies mentioned, in reading order."""
    seen: list[str] = []
    for mention in find_bodies(text):
        if mention.body not in seen:
            seen.append(mention.body)
    return seen


# Organizations outside the Party that the regulations name (they coordinate with them,
# lead their Party members) but whose own work they do not govern: how the Quốc hội or a
# Hội đồng nhân dân meets is not answered by a rule about a Party committee.
ORGANIZATIONS: dict[str, tuple[str, ...]] = {
    "Quốc hội": ("quoc hoi",),
    "Chính phủ": ("chinh phu",),
    "Hội đồng nhân dân": ("hoi dong nhan dan", "hdnd"),
    "Ủy ban nhân dân": ("uy ban nhan dan", "ubnd"),
    "Mặt trận Tổ quốc": ("mat tran to quoc", "mttq", "ubmttq"),
    "Đoàn Thanh niên": ("doan thanh nien", "tinh doan", "huyen doan"),
    "Hội Liên hiệp Phụ nữ": ("hoi lien hiep phu nu", "hoi phu nu"),
    "Hội Nông dân": ("hoi nong dan",),
    "Hội Cựu chiến binh": ("hoi cuu chien binh",),
    "Công đoàn": ("cong doan", "lien doan lao dong"),
    "Tòa án": ("toa an",),
    "Viện kiểm sát": ("vien kiem sat",),
    "Công an": ("cong an",),
    "Quân đội": ("quan doi", "quan su", "bo doi bien phong"),
    "Doanh nghiệp": ("doanh nghiep", "cong ty"),
    "Ngân hàng": ("ngan hang",),
}
_ORGANIZATION_ALIASES = _longest_first(ORGANIZATIONS)


def organization_mentions(text: str) -> list[BodyMention]:
    """Mentions of organizations outside the Party, in reading order (offsets into the
    folded text). An alias inside a Party body's name ("Chủ tịch Ủy ban nhân dân") is none."""
    folded = fold(text)
    taken = [False] * len(folded)
    for mention in find_bodies(text):
        taken[mention.start : mention.end] = [True] * (mention.end - mention.start)
    found: list[BodyMention] = []
    for _alias, pattern, name in _ORGANIZATION_ALIASES:
        for match in pattern.finditer(folded):
            start, end = match.span()
            if not any(taken[start:end]):
                taken[start:end] = [True] * (end - start)
                found.append(BodyMention(name, start, end))
    return sorted(found, key=lambda m: m.start)


def without_mentions(folded: str, mentions: Sequence[BodyMention]) -> str:
    """``folded`` with each mention (offsets into it) replaced by a space."""
    for mention in sorted(mentions, key=lambda m: m.start, reverse=True):
        folded = f"{folded[: mention.start]} {folded[mention.end :]}"
    return folded


def organizations_in(text: str) -> list[str]:
    """Distinct organizations outside the Party that ``text`` names, in reading order."""
    return list(dict.fromkeys(m.body for m in organization_mentions(text)))
