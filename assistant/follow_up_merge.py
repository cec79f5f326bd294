"""A follow-up merged into the question before it ("Còn tổ trưởng thì thế nào?", "Còn dự
án 3 tỷ?"): the previous question carried forward with the follow-up's body in place of
the body it asked about, and its number in place of the previous one."""

from __future__ import annotations

import re

from assistant.asks import circumstance
from assistant.lexicon import is_listed
from assistant.quantities import head_counts
from assistant.terms import content_syllables
from index.tokens import expand_abbreviations
from ingest.bodies import body_mentions, find_bodies, is_seat
from ingest.normalize import fold

_LEADING = {"con", "the", "vay", "thi", "doi", "voi", "neu", "chi", "ho", "o", "tai"}
_TRAILING = {"sao", "thi", "nao", "the", "a", "vay", "nhi"}


def follow_up_rest(question: str) -> str:
    """The follow-up without its framing words, as typed: "Còn Đồng Tháp thì sao?" →
    "Đồng Tháp" (diacritics kept, so the merged question keeps one typing style)."""
    words = question.split()
    folded = [fold(w).strip("?.,!:;") for w in words]
    start, end = 0, len(words)
    while start < end:
        if folded[start] in _LEADING and not is_listed(folded[start : start + 2], folded=True):
            # (not the first syllable of a word: "chi bộ" typed without diacritics)
            start += 1
        elif folded[start : start + 2] == ["truong", "hop"]:  # "(còn) trường hợp ..."
            start += 2
        else:
            break
    while end > start and folded[end - 1] in _TRAILING:
        end -= 1
    return " ".join(words[start:end]).strip(" ?.!")


def merge_follow_up(
    previous: str, question: str, names_document: bool = False, own_words: str = ""
) -> str:
    """Carry the previous question forward, swapping in the body the follow-up names for
    the body it asked about (a committee's seat that only names its document stays), and
    its numbers for the previous ones ("Vậy tổ 12 người thì thế nào?" names the same
    body: only the number is new); ``own_words``: the follow-up without the words that
    name a document, which state no case."""
    swapped = _swapped(previous, question, names_document)
    given = _AMOUNT.search(fold(question)) or _COUNT.search(fold(question))
    if swapped is not None and not given:
        return swapped
    previous = swapped if swapped is not None else previous
    rest = follow_up_rest(question)
    if _AMOUNT.search(fold(question)):
        # "Còn dự án 3 tỷ?": the new amount replaces the previous one; a case of its own
        # ("sửa nhà kho 2 tỷ thì sao?") replaces the case the previous question set
        previous = _without_case(previous, follow_up_rest(own_words or question))
        previous = _AMOUNT.sub(" ", fold(previous))
    elif _COUNT.search(fold(question)):
        swapped_count = _count_swapped(previous, question)
        if swapped_count is not None:
            return swapped_count
        added = _case_added_to(previous, question, rest)
        if added is not None:
            return added
        previous = _COUNT.sub(" ", fold(previous))
    return re.sub(r"\s+", " ", f"{previous} {rest}").strip()


def _without_case(previous: str, rest: str) -> str:
    """The previous question without the case it set before its ask ("Chi tiếp khách
    ngoài kế hoạch thì ai quyết?" → "thì ai quyết?"), when the follow-up states a case
    of its own: two content words or more the previous question never wrote, besides its
    amount. As given otherwise."""
    case = _leading_case(previous)
    if not case:
        return previous
    own = set(content_syllables(_AMOUNT.sub(" ", fold(rest)))) - set(content_syllables(previous))
    return previous[len(case) :] if len(own) >= _OWN_CASE_WORDS else previous


# How many new content words make a follow-up's own case (one may be a qualifier:
# "còn tiền mặt 2 tỷ?").
_OWN_CASE_WORDS = 2


def _count_swapped(previous: str, question: str) -> str | None:
    """The previous question with the follow-up's one head count in place of the count it
    varies ("BCH 27 người, 19 người dự thì hợp lệ không?" + "nếu chỉ 17 người thì sao?":
    17 people attend, the body still has 27): the count of the same role, else, for a
    count without a verb, the previous count that had one (what a story varies is who
    came or voted, not the body's size), else the previous total. None when the
    follow-up gives more than one count or the previous none."""
    new = head_counts(question)
    old = head_counts(previous)
    if len(new) != 1 or not old:
        return None
    count = new[0]
    if count.role is not None:
        same = [c for c in old if c.role == count.role]
        if not same:
            return None
        target = same[-1]
    else:
        with_role = [c for c in old if c.role is not None]
        target = with_role[-1] if with_role else old[0]
    folded = fold(previous)
    return f"{folded[: target.start]}{count.value}{folded[target.end :]}"


def _case_added_to(previous: str, question: str, rest: str) -> str | None:
    """The previous question's case with the follow-up after it, when the follow-up's
    counts all have roles the previous counts had not ("Tổ 9 người, 6 người dự thì họp
    được không?" + "thế 4 người nhất trí thì sao?"): the story goes on, its size and
    those present still hold, and what is asked is the follow-up's. None otherwise."""
    new = head_counts(question)
    old_roles = {c.role for c in head_counts(previous)}
    if not new or any(c.role is None or c.role in old_roles for c in new):
        return None
    case = _leading_case(previous)
    return f"{case.rstrip(' ,;')}, {rest}" if case else None


def _leading_case(previous: str) -> str:
    """The case the previous question sets before its ask, when it opens the question
    (its exact words); "" otherwise."""
    case = circumstance(previous)
    return case if case and previous.startswith(case) else ""


def _swapped(previous: str, question: str, names_document: bool) -> str | None:
    """The previous question with the follow-up's body in place of the body it asked
    about; None when the follow-up names none, or the same. "Còn ở Tỉnh ủy X thì sao?"
    names X's regulation by its seat: no body."""
    folded_question = fold(expand_abbreviations(question))
    new_bodies = [
        m.body
        for m in find_bodies(folded_question)
        if not (names_document and is_seat(folded_question, m))
    ]
    folded_prev = fold(expand_abbreviations(previous))
    old = body_mentions(folded_prev)
    if not new_bodies or not old:
        return None
    asked = [m for m in old if not is_seat(folded_prev, m)]
    # only seats: the one the comment after the topic ("Quy chế Đảng ủy X thì ...")
    # speaks of is asked about, the one before names the frame
    topic = [t.end() for t in re.finditer(r"(?<![a-z])thi(?![a-z])", folded_prev)]
    commented = [m for m in old if topic and m.start > topic[-1]]
    first = (asked or commented or old)[0]
    if new_bodies[0] == first.body:
        return None
    new = fold(new_bodies[0])
    if not asked:
        # "Tỉnh ủy họp ..." and "còn Thường trực?": "Thường trực Tỉnh ủy họp ..."
        new = f"{new} {folded_prev[first.start : first.end]}"
    return folded_prev[: first.start] + new + folded_prev[first.end :]


_AMOUNT = re.compile(
    r"\d[\d.,]*\s*(?:ty|ti|trieu|nghin|dong)(?:\s+dong)?\b|\b(?:mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi)\s+(?:ty|trieu)\b"
)
_COUNT = re.compile(r"\d+\s*(?:uy vien|thanh vien|nguoi|dong chi|dang vien)\b")


__all__ = ["follow_up_rest", "merge_follow_up"]
