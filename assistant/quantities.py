"""Head counts a question gives, each with what it stands for.

"Chi ủy 11 người mà chỉ 6 người đến dự, vậy có hợp lệ?" gives a total (11) and a
count present (6): a question to decide, not a number to look up. The role of a count is
read from the verb right after it (data: assistant/data/quantity_roles.yaml); a count
with no such verb is the body's size.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from assistant.function_words import alternation, class_syllables, function_words
from assistant.lexicon import is_listed
from assistant.quantity_roles import (
    ASKED_UNIT,
    ROLES,
    Role,
    count_nouns,
    meeting_nouns,
    raw_roles,
    role_data,
)
from ingest.bodies import body_mentions, without_mentions
from ingest.normalize import fold
from ingest.rules.numbers import GE_WORDS, GT_WORDS, LE_WORDS, LT_WORDS

# How many words after the count (its noun included) the role verb may stand.
ROLE_WINDOW = 4


class GivenQuantities(BaseModel):
    """The body's size and the count with a role, as the question states them."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    total: int | None = None
    count: int | None = None
    role: Role | None = None
    # those present, when the count decided is another ("20 người dự, 17 người tán
    # thành"): a vote counts only at a meeting that could be held
    present: int | None = None


# A whole number as written: not part of a longer one, a decimal ("1,5"), a date or a
# fraction ("18/10"), or a percentage; a comma or full stop followed by a space ends it
# ("dự 7, ...", "... còn 5.").
_NUMBER_START = r"(?<![\d/])(?<!\d[.,])"
_NUMBER_END = r"(?![\d/%]|[.,]\d)"


@functools.cache
def _patterns() -> tuple[re.Pattern[str], dict[Role, re.Pattern[str]]]:
    roles, nouns = role_data()
    noun = alternation(nouns)
    count = re.compile(rf"{_NUMBER_START}(\d{{1,4}}){_NUMBER_END}\s*(?:{noun})?(?![a-z])")
    verbs = {name: re.compile(alternation(info.verbs)) for name, info in roles.items()}
    return count, verbs


_STOP = re.compile(r"[\d,.;:?!()]")
# The bounds a rule is stated with ("tối thiểu", "tối đa", "không quá"): folded, "tối" is
# the verb "tới", so they are blanked before a role verb is looked for beside a count.
_BOUNDS = re.compile(
    r"(?<![a-z])(?:"
    + "|".join(w for w in (*GE_WORDS, *GT_WORDS, *LT_WORDS, *LE_WORDS) if " " in w)
    + r")(?![a-z])"
)


def _role_near(text: str, verbs: dict[Role, re.Pattern[str]], after: bool) -> Role | None:
    """The role whose verb stands next to a count: within a few words after it, or at the
    very end of the words before it ("có mặt 19 người"), never past punctuation or
    another number."""
    stop = _STOP.search(text) if after else None
    if after:
        # "6 ủy viên Ban Chấp hành đề nghị": whose members they are is no word between
        segment = text[: stop.start() if stop else len(text)]
        words = without_mentions(segment, body_mentions(segment)).split()
        words = words[:ROLE_WINDOW]
    else:
        words = _without_qualifiers(_STOP.split(text)[-1].split())[-ROLE_WINDOW:]
    window = _BOUNDS.sub(lambda m: "_" * len(m.group()), " ".join(words))
    for role in ROLES:
        for m in verbs[role].finditer(window):
            bounded = (m.start() == 0 or window[m.start() - 1] == " ") and (
                m.end() == len(window) or window[m.end()] == " "
            )
            negated = window[: m.start()].split()[-1:] in (["khong"], ["chua"])
            at_its_place = after or m.end() == len(window)
            if bounded and not negated and not _in_a_compound(m, window) and at_its_place:
                return role
    return None


def _in_a_compound(verb: re.Match[str], window: str) -> bool:
    """Whether a one-syllable verb is the first syllable of a listed word with the next
    ("6 dự bị": "dự bị", a member on probation, not "dự", attending)."""
    following = window[verb.end() :].split()[:1]
    return (
        " " not in verb.group()
        and bool(following)
        and is_listed([verb.group(), *following], folded=True)
    )


def asked_role(question: str) -> Role | None:
    """The role whose count the question asks for ("phải có mấy người nhất trí", "mấy
    người phải dự"): the verb right after the number asked and its noun."""
    _count, verbs = _patterns()
    folded = fold(question)
    for m in ASKED_UNIT.finditer(folded):
        role = _role_near(folded[m.start(1) :], verbs, after=True)
        if role is not None:
            return role
    return None


class GivenCount(BaseModel):
    """One head count as written ("19 người dự"): where its number stands in the folded
    text, and the role its verb gives (None for a count without one)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    value: int
    start: int
    end: int
    role: Role | None = None
    away: bool = False  # members who will not be there ("4 đồng chí đi công tác")
    # the word that sorts the people counted, right after the count ("24 đảng viên chính
    # thức", "6 dự bị"), folded; "" when none
    qualifier: str = ""


# "6/9 đồng chí": six of nine. The regulations' own fractions are halves, thirds and
# quarters ("2/3 ủy viên"); a larger denominator is a body's size.
_PART_OF = re.compile(rf"{_NUMBER_START}(\d{{1,4}})\s*/\s*(\d{{1,4}}){_NUMBER_END}\s*(?=[a-z])")
MAX_FRACTION_DENOMINATOR = 4


def head_counts(question: str) -> list[GivenCount]:
    """The head counts of a question in order, each with its role; "6/9 người" gives
    both: six with the role its verb gives (at a meeting: present), nine the size."""
    count_pattern, verbs = _patterns()
    folded = fold(question)
    return sorted(
        [*_counts(folded, count_pattern, verbs), *_parts_of(folded, verbs)], key=lambda c: c.start
    )


def _parts_of(folded: str, verbs: dict[Role, re.Pattern[str]]) -> list[GivenCount]:
    nouns = alternation(count_nouns())
    found: list[GivenCount] = []
    for m in _PART_OF.finditer(folded):
        part, whole = int(m.group(1)), int(m.group(2))
        if whole <= MAX_FRACTION_DENOMINATOR or part > whole:
            continue
        if not re.match(rf"(?:{nouns})(?![a-z])", folded[m.end() :]):
            continue
        role = (
            _role_near(folded[m.end() :], verbs, after=True)
            or _role_near(folded[: m.start()], verbs, after=False)
            or _at_the_meeting(folded[: m.start()])
            or "present"  # "6/9 đồng chí" of a body: those there of all its members
        )
        found.append(GivenCount(value=part, start=m.start(1), end=m.end(1), role=role))
        found.append(GivenCount(value=whole, start=m.start(2), end=m.end(2)))
    return found


def _counts(
    folded: str, count_pattern: re.Pattern[str], verbs: dict[Role, re.Pattern[str]]
) -> list[GivenCount]:
    """The counts of people; one a negative follows counts those against or away, which
    no rule decides and which is no body's size: left out."""
    found: list[GivenCount] = []
    matches = [
        m for m in count_pattern.finditer(folded) if not (_negated(folded[m.end() :]) or _a_year(m))
    ]
    for m in matches:
        after = _role_near(folded[m.end() :], verbs, after=True)
        # a verb of being away right after the count outweighs the meeting before it
        # ("sáng họp 3 người đi tập huấn": those three were not there)
        away = after is None and _goes_away(folded[m.end() :])
        qualifier = _qualifier(folded[m.end() :])
        role = None if away else after or _count_role(folded, m, verbs, bool(qualifier))
        if role is None and not away and _remains(folded[: m.start()]):
            role = "present"  # "chỉ còn 5 người": those left are those there
        found.append(
            GivenCount(
                value=int(m.group(1)),
                start=m.start(1),
                end=m.end(1),
                role=role,
                away=away,
                qualifier=qualifier,
            )
        )
    return _coordinated(found, matches, folded)


def _coordinated(
    found: list[GivenCount], matches: list[re.Match[str]], folded: str
) -> list[GivenCount]:
    """The counts with a sorted count joined to the next by a coordinator ("13 chính
    thức và 6 dự bị đến") given the next's role when it has none of its own: one verb
    tells what both parts did. (Not a bare size: "tổ 12 người và 8 người dự" gives a size
    and those present.)"""
    joined = {fold(w) for w in raw_roles()["coordinators"]}
    out = list(found)
    for i in range(len(out) - 2, -1, -1):
        gap = folded[matches[i].end() : matches[i + 1].start()].split()
        words = [w for w in gap if w not in out[i].qualifier.split()]
        sorted_part = bool(out[i].qualifier)
        if sorted_part and out[i].role is None and not out[i].away and " ".join(words) in joined:
            out[i] = out[i].model_copy(update={"role": out[i + 1].role, "away": out[i + 1].away})
    return out


def _qualifier(after: str) -> str:
    """The word of two syllables right after a count and its noun when it is one listed
    word and no verb of a role or of being away ("chính thức", "dự bị"); else ""."""
    pair = _STOP.split(after)[0].split()[:2]
    if len(pair) < 2 or pair[0] in _clause_joints() or not is_listed(pair, folded=True):
        # ("7 người thì có ...": a topic marker ends the count's phrase, sorts no one)
        return ""
    word = " ".join(pair)
    _count, verbs = _patterns()
    if any(p.fullmatch(word) for p in verbs.values()) or _away_verbs().match(word):
        return ""
    return word


def _a_year(m: re.Match[str]) -> bool:
    """ "quy chế mẫu 2025": four digits with no noun that counts people are a year."""
    return len(m.group(1)) == 4 and m.group(0).strip() == m.group(1)


def _goes_away(after: str) -> bool:
    """ "4 đồng chí đi tập huấn", "2 người vắng": a verb of being away right after the
    count, a verb of going not followed by a meeting noun."""
    words = _STOP.split(after)[0].split()[:ROLE_WINDOW]
    text = " ".join(words)
    found = _away_verbs().match(text)
    if found is None:
        return False
    rest = text[found.end() :].strip()
    return not any(rest == n or rest.startswith(f"{n} ") for n in meeting_nouns())


def _remains(before: str) -> bool:
    words = _STOP.split(before)[-1].strip()
    return any(words == w or words.endswith(f" {w}") for w in _remaining_words())


@functools.cache
def _away_verbs() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(raw_roles()['away_verbs'])})(?![a-z])")


def _without_qualifiers(words: list[str]) -> list[str]:
    """The words before a count without the qualifiers that end them ("dự đúng"): the
    verb before those gives the count its role."""
    qualifiers = _count_qualifiers()
    while words:
        cut = next((len(q) for q in qualifiers if words[-len(q) :] == list(q)), 0)
        if not cut:
            return words
        words = words[:-cut]
    return words


def number_qualifiers(folded: str) -> frozenset[str]:
    """The syllables of the qualifiers written right before a number of ``folded`` ("dự
    đủ cả 8", "đúng 5 người"): how the story gives its numbers, never what it asks."""
    found: set[str] = set()
    for m in re.finditer(r"(?<![\d/.,])\d", folded):
        words = _STOP.split(folded[: m.start()])[-1].split()
        found.update(words[len(_without_qualifiers(words)) :])
    return frozenset(found)


@functools.cache
def _count_qualifiers() -> tuple[tuple[str, ...], ...]:
    """Folded, as word tuples, longest first."""
    found = {tuple(fold(w).split()) for w in raw_roles()["count_qualifiers"]}
    return tuple(sorted(found, key=len, reverse=True))


@functools.cache
def _remaining_words() -> tuple[str, ...]:
    return tuple(fold(w) for w in raw_roles()["remaining_words"])


def _count_role(
    folded: str, m: re.Match[str], verbs: dict[Role, re.Pattern[str]], sorted_part: bool
) -> Role | None:
    # (a count of people, by its noun or the word that sorts them: "họp 12 lần" counts
    # no one, "họp có 9 chính thức" counts members)
    of_people = sorted_part or m.group(0).strip() != m.group(1)
    return (
        _role_near(folded[m.end() :], verbs, after=True)
        or _role_near(folded[: m.start()], verbs, after=False)
        or (_at_the_meeting(folded[: m.start()]) if of_people else None)
    )


# "3 đồng ý, 2 không", "2 người không tán thành": a count that a negative follows is of
# those against (or away), whatever verb stands before it.
_NEGATED = re.compile(r"\s*(?:nguoi\s+)?(?:khong|chua)(?![a-z])")


def _negated(after: str) -> bool:
    return _NEGATED.match(after) is not None


def _at_the_meeting(before: str) -> Role | None:
    """ "họp 11 người", "hôm họp có 11 người": a meeting noun right before a count (with
    "có" between, or nothing) counts those at the meeting. Not "hội nghị", which also
    names a body's plenary ("hội nghị 27 người": the body's size)."""
    words = _without_qualifiers(_STOP.split(before)[-1].split())
    tail = _without_time(" ".join(words))
    nouns = [n for n in meeting_nouns() if n != "hoi nghi"]
    return "present" if any(tail == n or tail.endswith(f" {n}") for n in nouns) else None


def _without_time(tail: str) -> str:
    """``tail`` without the words of time that end it ("sinh hoạt tháng này", "họp
    sáng nay"): when the meeting was, not who was there."""
    phrases = _time_phrases()
    while True:
        cut = next((p for p in phrases if tail == p or tail.endswith(f" {p}")), None)
        if cut is None:
            return tail
        tail = tail[: -len(cut)].rstrip()


@functools.cache
def _time_phrases() -> tuple[str, ...]:
    words = function_words()
    members = words.calendar_words | words.present_time | words.time_nouns | words.demonstratives
    return tuple(sorted({fold(w) for w in members}, key=len, reverse=True))


@functools.cache
def _clause_joints() -> frozenset[str]:
    """Words that join a count's phrase to the rest of its clause (topic and contrast
    markers, the question frame's "có", "là"): no word that sorts people starts with one."""
    words = function_words()
    return class_syllables(words.topic_markers | words.contrast_markers | words.question_frame)


def given_quantities(question: str) -> GivenQuantities:
    """The total and the counted role a question gives (None where it gives none)."""
    return quantities_of(head_counts(question))


def quantities_of(counts: Sequence[GivenCount]) -> GivenQuantities:
    """:func:`given_quantities` of the head counts already read. When several counts could
    be the counted one, the smaller is: a part is never larger than the whole it is
    counted from."""
    found = [(c.value, c.role) for c in counts if not c.away]
    away = sum(c.value for c in counts if c.away)
    sizes_given = [v for v, r in found if r is None]
    if away and sizes_given and not any(r == "present" for _, r in found):
        # "tổ 11 người, 3 người đi học": the other eight are there
        found.append((max(sizes_given) - away, "present"))
    with_role = [(v, r) for v, r in found if r is not None]
    if not with_role:
        return GivenQuantities(total=found[0][0] if found else None)
    counted, role = min(with_role, key=lambda x: x[0])
    # a count with its own verb ("5 người dự") says who did what, never how many members
    # the body has: the size is a count written without one, or the document's
    sizes = [v for v, r in found if r is None and v != counted]
    present = [v for v, r in with_role if r == "present" and v > counted]
    total = max(sizes) if sizes else None
    return GivenQuantities(
        total=total,
        count=counted,
        role=role,
        present=present[0] if present and role != "present" and present[0] != total else None,
    )


__all__ = [
    "GivenCount",
    "GivenQuantities",
    "asked_role",
    "given_quantities",
    "head_counts",
    "number_qualifiers",
    "quantities_of",
]
