"""Who holds the power a who-decides question asks about, read from the quoted sentence:
the body named right before the action, after it for "... của ai?", else the table of
powers' actor, else the holder the article's title names."""

from __future__ import annotations

import re

from assistant.function_words import alternation, body_question_pattern
from assistant.terms import content_syllables
from ingest.bodies import BodyMention, bodies_in, find_bodies, seat_names
from ingest.normalize import fold

DECISION_VERBS = re.compile(
    r"\b(quyet dinh|phe duyet|xem xet, quyet dinh|chi dinh|bo nhiem|trieu tap|chu tri|"
    r"ky ban hanh|ban hanh|thong qua|cho y kien|giai quyet|ket nap|ky|duyet|giao|"
    r"lanh dao|chi dao|de nghi|bau|cu|trinh)\b"
)
SHARED_POWER = re.compile(
    r"\b(uy quyen|uy nhiem|xin y kien|sau khi co y kien|y kien cua|phoi hop|thong nhat voi|"
    r"trinh|bao cao)\b"
)


# A body right after these words is an object ("phụ trách Văn phòng", "báo cáo Ban
# Thường vụ"), not the one acting.
_OBJECT_OF = re.compile(
    r"\b(phu trach|chi dao|giup|bao cao|trinh|voi|cho|cua|den|tu|giao|moi|xin y kien|truoc|thay mat)\s+$"
)
# What joins the bodies of a list ("trước Đảng ủy, Ban Thường vụ và đồng chí Bí thư"):
# the word before the first governs them all.
# (A committee's seat after a body only says whose it is: "ban tổ chức huyện ủy, ủy ban
# kiểm tra huyện ủy".)
_COORDINATION = re.compile(
    r"(?:\s|,|\bva\b|\bdong chi\b|\btap the\b|\bcac\b|" + rf"\b(?:{alternation(seat_names())})\b)*$"
)
# Words that only say "decides" before the action asked ("ai quyết định triệu tập ..."):
# the text writes the action ("... do Ban Thường vụ triệu tập").
_DECIDES = re.compile(r"^(?:(?:co tham quyen|co quyen|duoc quyen|quyet dinh|xem xet)\s+)+")
# A body named this many words or more before the action is not the one that acts
# ("Ban Chấp hành ... xem xét, đề nghị Bộ Chính trị ... cho ý kiến về giới thiệu nhân sự
# bầu"): the article's holder of the powers is.
MAX_WORDS_BODY_TO_ACTION = 8


def asked_action(question: str) -> list[str]:
    """The verb phrase asked about: the content words after "ai"/"cơ quan nào", or
    before it when the question ends with it ("... phải được sự đồng ý của ai?")."""
    folded = fold(question)
    match = body_question_pattern().search(folded)
    tail = folded[match.end() :] if match else folded
    found = content_syllables(tail)[:4]
    if not found and match and asks_whose(question):
        found = content_syllables(folded[: match.start()])[-4:]
    return found


def asks_whose(question: str) -> bool:
    """ "... sự đồng ý của ai?", "... do ai?": the body follows the action."""
    return bool(re.search(r"\b(?:cua|do|boi)\s+ai\s*\W*$", fold(question)))


def deciding_body(question: str, quote: str, title: str, from_table: str = "") -> str:
    """The body that holds the power: the body named right before the action in the
    quoted sentence ("... thì Ban Thường vụ quyết định triệu tập ..."), else the actor the
    table of powers reads for that sentence, else the holder named in the article title
    ("Nhiệm vụ, quyền hạn của Ban Thường vụ")."""
    folded = fold(quote)
    mentions = find_bodies(quote)
    action = asked_action(question)
    span = phrase_span(action, folded)
    if span is None:
        plain = _DECIDES.sub("", " ".join(action)).split()
        span = phrase_span(plain, folded) if plain and plain != action else None
    position = span[0] if span else None
    title_bodies = bodies_in(title)
    if span is not None and asks_whose(question):
        # "... phải được sự đồng ý của ban thường vụ": named right after
        after = next((m for m in mentions if m.start >= span[1]), None)
        if after is not None and re.fullmatch(
            r"\s*(?:cua|do|boi)\s+", folded[span[1] : after.start]
        ):
            return after.body
    if position is not None:
        segment_start = max(folded.rfind(";", 0, position), folded.rfind(".", 0, position)) + 1
        pivot = _pivot_body(folded, mentions, segment_start, position)
        if pivot is not None:
            return pivot
        before = [
            m
            for m in mentions
            if segment_start <= m.start
            and m.end <= position
            and not _is_object(folded, mentions, m)
        ]
        if before:
            gap = len(folded[before[-1].end : position].split())
            if gap < MAX_WORDS_BODY_TO_ACTION or not title_bodies:
                return _with_alternative(folded, before)
    if from_table:
        return from_table
    if title_bodies:
        return title_bodies[0]
    return ""


# Verbs whose object then does the next act ("báo cáo Ban Thường vụ xem xét, quyết định":
# Ban Thường vụ decides; the one reporting does not).
_PIVOT = re.compile(r"\b(bao cao|trinh|de nghi)\s+$")
# What may stand between that object and its act (its seat, "Tỉnh ủy", and "xem xét,").
MAX_WORDS_PIVOT_TO_ACTION = 5


def _pivot_body(folded: str, mentions: list[BodyMention], start: int, position: int) -> str | None:
    """The body a reporting or submitting verb hands the act to, right before it."""
    before = [m for m in mentions if start <= m.start and m.end <= position]
    if not before:
        return None
    last = before[-1]
    gap = len(folded[last.end : position].split())
    if gap <= MAX_WORDS_PIVOT_TO_ACTION and _PIVOT.search(
        folded[max(0, last.start - 16) : last.start]
    ):
        return last.body
    return None


# What joins two bodies that may each act ("Bí thư hoặc Phó Bí thư Thường trực").
_ALTERNATIVE = re.compile(r"^\s*(?:,\s*)?(hoac|va)\s+(?:dong chi\s+)?$")


def _with_alternative(folded: str, before: list[BodyMention]) -> str:
    """The body right before the action, with the one "hoặc"/"và" joins to it ("Bí thư
    hoặc Phó Bí thư Thường trực"): either acts, and naming one alone says less than the
    text."""
    last = before[-1]
    if len(before) > 1:
        joined = _ALTERNATIVE.match(folded[before[-2].end : last.start])
        if joined and before[-2].body != last.body:
            word = "hoặc" if joined.group(1) == "hoac" else "và"
            return f"{before[-2].body} {word} {last.body}"
    return last.body


def _is_object(folded: str, mentions: list[BodyMention], mention: BodyMention) -> bool:
    """Whether the body is the object of the word before it, or of the word before the
    list it is coordinated in."""
    start = mention.start
    ends = {m.end: m for m in mentions}
    while True:
        joined = _COORDINATION.search(folded, 0, start)
        head = joined.start() if joined is not None else start
        previous = ends.get(head)
        if previous is None or head == start:
            break
        start = previous.start
    return bool(_OBJECT_OF.search(folded[max(0, start - 16) : start]))


def phrase_span(action: list[str], folded: str) -> tuple[int, int] | None:
    """Where in ``folded`` the longest prefix of ``action`` is written as a phrase."""
    for n in range(len(action), 0, -1):
        phrase = " ".join(action[:n])
        match = re.search(rf"(?<![a-z0-9]){re.escape(phrase)}(?![a-z0-9])", folded)
        if match:
            return match.span()
    return None
