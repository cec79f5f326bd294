"""Who acts in a segment of the table of powers: the body named as the verb's subject
("Ban Thường vụ quyết định ...", "... do Ban Thường vụ quyết định"), else the holder the
article or the clause's lead-in names ("Nhiệm vụ, quyền hạn của Thường trực")."""

from __future__ import annotations

import re

from ingest.acts import Act, first_verb
from ingest.bodies import BodyMention, body_mentions
from ingest.models import Article
from ingest.normalize import fold

# A body this many characters or more before its verb is not the verb's subject.
MAX_SUBJECT_GAP = 60
_HOLDER_TITLE = re.compile(r"nhiem vu|quyen han|trach nhiem|chuc nang|tham quyen")
# "... ủy quyền cho (tập thể) Ban Thường vụ ...", "giao cho Thường trực ...": who acts.
_DELEGATED_TO = re.compile(r"(?:uy quyen|giao) cho\b")
# "do <body>" of a passive clause, the body possibly named through its meeting.
_PASSIVE = re.compile(r"(?<![a-z])do (?:(?:hoi nghi|tap the|cuoc hop|phien hop) )?")
# A body right after these (or listed after them) is helped or represented, not acting.
_ON_BEHALF = re.compile(
    r"(?:giup|thay mat|uy quyen cho|cho|voi|cua|chiu trach nhiem truoc)(?: [a-z ]*?,)*[ a-z]*? ?$"
)


def aligned(text: str) -> str:
    """Folded text of the same length (one character per character), for offsets."""
    from ingest.normalize import strip_diacritics

    return "".join(
        " " if ch.isspace() else (strip_diacritics(ch.lower())[:1] or "·") for ch in text
    )


def lists_duties(title: str) -> bool:
    """Whether an article's title says it lists a holder's duties or powers ("Nhiệm vụ,
    quyền hạn của ...", "Trách nhiệm của ..."): each of its items is an act of its own."""
    return bool(_HOLDER_TITLE.search(fold(title)))


def title_holder(article: Article) -> str:
    """The body an article is about: its title names the body's powers ("Nhiệm vụ, quyền
    hạn của Thường trực") or is the body's name ("BAN THƯỜNG VỤ ĐẢNG ỦY")."""
    folded = fold(article.title)
    mentions = body_mentions(folded)
    if not mentions:
        return ""
    if _HOLDER_TITLE.search(folded) or mentions[0].start == 0:
        return mentions[0].body
    return ""


def lead_holder(lead: str) -> str:
    """ "Ban Thường vụ có nhiệm vụ, quyền hạn sau:" names who the points belong to. The
    line that introduces the points speaks for them, and a body the powers are delegated
    to acts on them ("Những công việc Ban Chấp hành ủy quyền cho Ban Thường vụ, gồm:")."""
    folded = aligned(lead)
    if not re.search(r"nhiem vu|quyen han|trach nhiem|co quyen|thuc hien|sau\s*:", folded):
        return ""
    lines = [line for line in folded.splitlines() if line.strip()]
    last = lines[-1] if lines else folded
    delegated = _DELEGATED_TO.search(last)
    if delegated is not None:
        after = body_mentions(last[delegated.end() :])
        if after:
            return after[0].body
    mentions = body_mentions(last) or body_mentions(folded)
    return mentions[0].body if mentions else ""


def subject(
    folded: str,
    written: str,
    mentions: list[BodyMention],
    verb_start: int,
    verb_end: int,
    act: Act,
) -> tuple[str, int]:
    """The body acting and, when the clause is passive ("việc X do Ban Thường vụ quyết
    định"), where its "do" stands (-1 otherwise): "do X <verb>" or "<verb> ... do X",
    else X right before the verb; "xin ý kiến X": X is the one consulted."""
    if act == "is_consulted":
        after = [m for m in mentions if 0 <= m.start - verb_end <= 3]
        return (after[0].body if after else ""), -1
    for m in mentions:
        do = _PASSIVE.search(folded, max(0, m.start - 14), m.start)
        if do is not None and do.end() == m.start and 0 <= verb_start - m.end < 2 * MAX_SUBJECT_GAP:
            return m.body, do.start()
    # "giúp Bí thư ...", "thay mặt Đảng ủy, Ban Thường vụ ký ...": not who acts
    acting = [m for m in mentions if not _ON_BEHALF.search(folded[: m.start])]
    before = [m for m in acting if m.end <= verb_start and verb_start - m.end < MAX_SUBJECT_GAP]
    if before and not first_verb(written[before[-1].end : verb_start]):
        chosen = mentions.index(before[-1])
        # "Văn phòng Huyện ủy": a body right after another names whose it is
        while chosen > 0 and mentions[chosen].start - mentions[chosen - 1].end <= 1:
            chosen -= 1
        return mentions[chosen].body, -1
    return "", -1


__all__ = [
    "MAX_SUBJECT_GAP",
    "aligned",
    "lead_holder",
    "lists_duties",
    "subject",
    "title_holder",
]
