"""The body a follow-up asks about in place of the one asked before: the bodies it names
that act, less those it names as what is acted on ("còn họp Ban X thì ai lo?": Ban X owns
the meeting; "còn bầu lại Phó Bí thư thì ...": Phó Bí thư is who is elected)."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from assistant.function_words import body_question_pattern, without_closing
from index.tokens import expand_abbreviations
from ingest.bodies import body_mentions, is_seat
from ingest.normalize import canonical, fold, has_diacritics
from ingest.powers import Act, act_verbs
from ingest.rules.attribution import follows_meeting_noun


def asked_bodies(text: str, names_document: bool) -> list[str]:
    """The bodies ``text`` asks about; when it names a document, a committee named by its
    seat ("Đảng ủy Khối ... Đồng Tháp") names that document, not a body asked."""
    folded = fold(expand_abbreviations(text))
    found = body_mentions(folded)
    return [m.body for m in found if not (names_document and is_seat(folded, m))]


# How many words before a body an act's verb may stand to make the body its object
# ("bầu lại Phó Bí thư", "kỷ luật ủy viên").
_OBJECT_WINDOW = 3


@functools.cache
def act_verb_pattern(excluded: frozenset[Act] = frozenset()) -> re.Pattern[str]:
    """The verbs that state an act, folded ("quyet dinh", "bao cao", "ky"), longest first,
    less those of the ``excluded`` acts."""
    verbs = sorted({fold(v) for v, act in act_verbs() if act not in excluded}, key=len)
    return re.compile(rf"(?<![a-z])(?:{'|'.join(map(re.escape, reversed(verbs)))})(?![a-z])")


# Acts done to someone: not coordinating, whose partner ("phối hợp Văn phòng") acts too.
_NOT_DONE_TO: frozenset[Act] = frozenset({"coordinates"})


def _done_to(before: str) -> bool:
    """Whether the words right before a body (folded) end with the verb of an act done to
    it, in the same clause."""
    clause = re.split(r"[,;]|(?<![a-z])thi(?![a-z])", before)[-1]
    last = " ".join(clause.split()[-_OBJECT_WINDOW:])
    return bool(act_verb_pattern(_NOT_DONE_TO).search(last))


def new_body(question: str, carried_bodies: Sequence[str], scoped: bool) -> str:
    """The body a follow-up puts in place of the one asked before ("" when none). A body
    question standing before its action asks for the actor ("còn hội nghị X thì ai triệu
    tập?"): X is what is acted on, not a new actor whose own clauses answer ("còn X thì
    báo cáo ai?" asks whom X reports to: X acts)."""
    folded = without_closing(re.sub(r"[^\w\s/-]", " ", fold(question)))
    if any(folded[m.end() :].strip() for m in body_question_pattern().finditer(folded)):
        return ""
    # "còn họp Ban X thì ai lo?": Ban X owns the meeting asked about, it does not act
    # (typed with diacritics, "hợp" as in "phối hợp" is no meeting)
    expanded = fold(expand_abbreviations(question))
    typed = canonical(question).lower()
    meets = not has_diacritics(question) or "họp" in typed or "hội nghị" in typed
    owners = {
        m.body
        for m in body_mentions(expanded)
        if (meets and follows_meeting_noun(expanded[: m.start]))
        # "còn bầu lại Phó Bí thư thì ...": the object of an act, not who acts
        # (where the abbreviation stands, not in its spelling-out appended after the text)
        or (_done_to(expanded[: m.start]) and m.start < len(fold(question)))
    }
    new = [b for b in asked_bodies(question, scoped) if b not in owners]
    return new[0] if new and new[0] not in carried_bodies else ""


__all__ = ["act_verb_pattern", "asked_bodies", "new_body"]
