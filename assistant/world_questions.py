"""Questions about the world rather than the rules, which no standing regulation
answers: who holds an office now ("Bí thư Tỉnh ủy hiện nay là ai?"), and what was done on
one occasion ("Buổi họp tổ tháng 3 năm 2031 đã chốt những việc gì?", a record: minutes,
a resolution). Both are read from the grammar."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.function_words import function_words, without_closing
from assistant.terms import content_syllables
from index.models import HasMeta
from ingest.bodies import find_bodies, without_mentions
from ingest.normalize import canonical, fold, has_diacritics

# "X là ai", "ai là X", "X tên (là) gì", "ai giữ chức X": who someone is, not who acts.
_IDENTITY = re.compile(
    r"^ai (?:dang )?(?:la|(?P<holds>(?:nam )?giu chuc(?: vu)?)) (?P<after>.+)$"
    r"|^(?P<before>.+?) (?:la ai|ten (?:la )?gi|la dong chi nao)$"
)

# Asks that only a person's name answers, with or without a word of the present.
_NAMING_ASK = re.compile(r" (?:ten (?:la )?gi|la dong chi nao)$")

# A time that places one occasion (folded): a month or a year, a date, or the recent past.
_OCCASION = re.compile(
    r"(?<![a-z0-9])(?:thang \d{1,2}(?:\s*(?:nam|/)\s*\d{4})?|nam \d{4}|\d{1,2}/\d{4}"
    r"|\d{1,2}/\d{1,2}/\d{4}|hom qua|tuan truoc|thang truoc|nam ngoai|nam truoc|vua qua)"
    r"(?![a-z0-9])"
)
_WHAT = re.compile(r"(?<![a-z])gi(?![a-z])")


def asks_about_an_occasion(question: str) -> bool:
    """Whether the question asks what was done on one past occasion: "đã" (typed with
    its diacritics, or folded right before a verb of the question) with a time that
    places the occasion and "gì" asked."""
    folded = fold(question)
    if not _OCCASION.search(folded) or not _WHAT.search(folded):
        return False
    if has_diacritics(question):
        return re.search(r"(?<!\w)đã(?!\w)", canonical(question).lower()) is not None
    return re.search(r"(?<![a-z])da\s+[a-z]+.*(?<![a-z])gi(?![a-z])", folded) is not None


def asks_for_a_person(question: str, documents: Sequence[HasMeta]) -> bool:
    """Whether the question asks the name of whoever holds an office now: an identity
    question ("là ai", "tên gì") with a word of the present, about nothing but bodies and
    the places that name a document. Regulations name offices, never the people in them;
    "Ai là chủ tài khoản?" asks for an office and is answered."""
    folded = re.sub(r"[^\w\s/-]", " ", fold(question))
    folded = re.sub(r"\s+", " ", folded).strip()
    now = [fold(w) for w in function_words().present_time]
    present = [w for w in now if re.search(rf"(?<![a-z]){w}(?![a-z])", folded)]
    naming_ask = _NAMING_ASK.search(without_closing(folded)) is not None
    if not present and not naming_ask:
        # "X là ai" may ask which office; "X là đồng chí nào" asks for a person's name
        return False
    for word in present:
        folded = re.sub(rf"(?<![a-z]){word}(?![a-z])", " ", folded)
    match = _IDENTITY.match(without_closing(folded))
    if match is None:
        return False
    if match["holds"]:
        return True  # "ai đang giữ chức ... hiện nay": an office, by its own words
    subject = match["after"] or match["before"] or ""
    mentions = find_bodies(subject)
    naming = {
        w
        for d in documents
        for field in (d.meta.province, d.meta.title, d.meta.issuing_body, d.meta.number)
        for w in re.findall(r"[\w/-]+", fold(field))  # "khóa XIV," names by "xiv"
    }
    if not present and (not mentions or content_syllables(subject[: mentions[0].start])):
        # "thủ quỹ của tổ Gió là đồng chí nào": the post asked is not an office
        # named, and no word of the present says a holder is asked for
        return False
    if match["before"] and mentions:
        # "<title> hiện nay là ai": a title that ends in an office ("Tổng Bí thư", "Phó Chủ
        # tịch thường trực ...") names a person's post, whatever words qualify it
        after_office = subject[mentions[-1].end :].split()
        if all(w in naming for w in after_office):
            return True
    rest = [w for w in without_mentions(subject, mentions).split() if w not in naming]
    return not content_syllables(" ".join(rest))


__all__ = ["asks_about_an_occasion", "asks_for_a_person"]
