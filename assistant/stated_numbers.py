"""Numbers as a quote states them and as a question is about them: whether a clause gives
the value asked for, and which of the question's numbers a clause never states."""

from __future__ import annotations

import functools
import re
from collections.abc import Collection

from assistant.function_words import alternation, function_words
from assistant.quantity_roles import ASKED_UNIT, count_nouns, money_nouns
from assistant.understand import Understanding
from ingest.normalize import fold, has_diacritics, words
from ingest.rules.amounts import find_money
from ingest.rules.numbers import STRICT_NUMBER, read_number
from ingest.rules.text import fold_aligned

NO_NUMBER_MESSAGE = (
    "Các quy chế đã nạp không nêu con số được hỏi; không suy đoán một con số không có "
    "trong văn bản."
)
# A number as regulations write one: digits, number words, shares, a template blank, or a
# period ("hằng tháng") that answers "how often". Number words are read with their
# diacritics when the text has them ("nắm" is not "năm", "bà" is not "ba").
# "một số", "một cách", "một trong": "some", "in a way", "one of", not a value; "phần"
# is a number only after one ("hai phần ba"), never in "thành phần".
_NUMBER_WORDS = (
    r"một(?! (?:số|cách|vài|khi|trong))|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mươi|trăm|nửa"
)
# A period that answers "how often" ("hằng tháng", "định kỳ"), folded.
_PERIOD = r"(?<![a-z])(?:hang|moi) (?:ngay|tuan|thang|quy|nam)(?![a-z])|dinh ky|thuong ky"
_NUMBER_STATED = re.compile(
    r"\d|(?:\.{3,}|…+)\s*(?:ngay|lan|thang|tuan|nguoi|uy vien|thanh vien|ty|trieu|dong|hang|buoi|gio|%)"
    r"|(?<![a-z])(?:ngay|nhat|qua|tu|truoc|so|den)\s*(?:\.{3,}|…+)"
    rf"|{_PERIOD}"
)
_NUMBER_WORD = re.compile(rf"(?<!\w)(?:{_NUMBER_WORDS})(?!\w)")
_NUMBER_WORD_FOLDED = re.compile(rf"(?<![a-z])(?:{fold(_NUMBER_WORDS)})(?![a-z])")
# "2/-", "(1)-", "3.2.", "c)" opening an item: a position in a list, not a value.
_ITEM_LABEL = re.compile(r"(?:^|(?<=\s))\(?(?:\d{1,2}(?:\.\d{1,2})*|[a-zđ])\)?[/.)\-]+-?(?=\s|$)")


# A reference to a place in a text or to a document ("Điều 12", "khoản 3", "số 09-QC").
_CITED = re.compile(r"(?<![a-z])(?:dieu|khoan|diem|chuong|muc|so)\s+\d+[\w/.-]*")
# A length of time asked for ("bao lâu") is stated only in units of time.
_ASKS_DURATION = re.compile(r"(?<![a-z])bao lau(?![a-z])")
_DURATION_UNITS = frozenset({"phut", "gio", "ngay", "tuan", "thang", "quy", "nam", "ky"})
# A share asked for ("bao nhiêu %", "mấy phần trăm") is stated only as one.
_ASKS_SHARE = re.compile(r"(?<![a-z])(?:bao nhieu|may)\s*(?:%|phan tram)")
_STATES_SHARE = re.compile(r"\d\s*%|phan tram|\d\s*/\s*\d|phan (?:hai|ba|bon|nam|muoi)|nua")


# Units a number is measured in that only that unit answers: hours, days, weeks, minutes,
# years of age, money, land ("mấy giờ" is not answered by "hằng tháng" nor "03 ngày").
# (Times and months are not among them: "hằng quý" answers "mấy tháng một lần".)
_MEASURES = frozenset({"gio", "ngay", "tuan", "phut", "tuoi", "ty", "trieu", "ha"})
# Asked by what it measures ("bao nhiêu tiền"), money is answered only by an amount.
_MONEY_ASKED = "tien"


# A share or a period as written, folded ("hai phần ba", "2/3", "quá nửa", "hằng tháng").
_SHARE_WRITTEN = re.compile(
    rf"(?<![a-z])(?:{fold(_NUMBER_WORDS)}) phan (?:{fold(_NUMBER_WORDS)})(?![a-z])"
    r"|\d+\s*/\s*\d+|\d+\s*%|(?<![a-z])(?:qua |mot )?nua(?![a-z])"
    rf"|{_PERIOD}"
)


@functools.cache
def _now_words() -> re.Pattern[str]:
    return re.compile(
        rf"(?<![a-z])(?:{alternation(tuple(fold(w) for w in function_words().present_time))})"
        r"(?![a-z])"
    )


def _asks_what_there_is_now(folded_question: str) -> bool:
    """ "Tổ Y bây giờ gồm mấy tổ viên?": how many there are now, asked with no
    number of the asker's own (a story's counts are decided by a rule)."""
    return (
        bool(ASKED_UNIT.search(folded_question) or _BARE_ASK.search(folded_question))
        and bool(_now_words().search(folded_question))
        and not re.search(r"\d", folded_question)
    )


def _counts_what_is_asked(folded_quote: str, asked: list[str]) -> bool:
    """Whether the quote gives a number of the unit asked; asked for people ("bao nhiêu
    đảng viên"), of people by any noun that counts them ("21 đồng chí")."""
    people = any(n.split()[0] in asked for n in count_nouns())
    nouns = list(count_nouns()) if people else asked
    if not nouns:
        return False
    number = rf"(?:\d+|{fold(_NUMBER_WORDS)})"
    return bool(
        re.search(rf"(?<![a-z]){number} (?:{alternation(tuple(nouns))})(?![a-z])", folded_quote)
    )


# "bao nhiêu" with no unit after it ("... là bao nhiêu?"): the noun asked about says what.
_BARE_ASK = re.compile(r"(?<![a-z])bao nhieu(?!\s*[a-z])")


@functools.cache
def _money_noun() -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z])(?:{alternation(money_nouns())})(?![a-z])")


def _asks_an_amount_of(folded_question: str) -> bool:
    """ "Lương của X là bao nhiêu?": an amount asked with no unit, about a noun of money."""
    return bool(_BARE_ASK.search(folded_question) and _money_noun().search(folded_question))


def states_number(quote: str, question: str = "") -> bool:
    """Whether a quote gives a number: a value in its words, or a list of two or more
    items (which answers "gồm mấy bước"). Asked for a share, only a share counts: "hằng
    tháng" answers how often, not "bao nhiêu phần trăm"."""
    folded_question = fold(question)
    if _ASKS_SHARE.search(folded_question):
        return bool(_STATES_SHARE.search(fold(quote)))
    asked = ASKED_UNIT.findall(folded_question)
    if (_MONEY_ASKED in asked or _asks_an_amount_of(folded_question)) and not find_money(quote):
        return False  # "bao nhiêu tiền" is not answered by a count of times
    now = _asks_what_there_is_now(folded_question)
    if now:
        # "hiện nay có bao nhiêu ...": only a number of what is asked answers ("gồm 21
        # đồng chí"); a share of them ("hai phần ba số ..."), days, a period or a list of
        # steps is a rule on a vote, a deadline or a procedure, not how many there are
        return _counts_what_is_asked(_SHARE_WRITTEN.sub(" ", fold(quote)), asked)
    quoted = set(words(quote))
    measured = [u for u in asked if u in _MEASURES]
    if measured and not set(measured) & quoted:
        return False  # "mấy giờ" is not answered by a number of days or a blank
    if _ASKS_DURATION.search(folded_question) and not _DURATION_UNITS & quoted:
        return False  # "bao lâu" is answered by a span of time, not any number
    if len(_ITEM_LABEL.findall(quote)) >= 2:
        return True
    text = _ITEM_LABEL.sub(" ", quote)
    folded = _CITED.sub(" ", fold(text))  # "theo Điều 12": a place in a text, no value
    if _NUMBER_STATED.search(folded):
        return True
    if has_diacritics(text):
        return bool(_NUMBER_WORD.search(text.lower()))
    return bool(_NUMBER_WORD_FOLDED.search(folded))


# A number that says what the question is about ("Huy hiệu 30 năm", "đảng viên 18
# tuổi", "phụ cấp 30%"): not a document number ("09-QC/TU"), a year, an article
# reference, or an amount the rule module reads (no rule of these regulations is a
# percentage: one given names the thing asked).
_ABOUT_NUMBER = re.compile(
    r"(?<![\w/.,-])(?P<n>\d{1,3})(?![\w/.,-]|%\d)(?!\s*(?:ty|ti|trieu|nghin|dong|ha|m2)(?![a-z]))"
)
_REFERENCE_BEFORE = re.compile(r"(?:dieu|khoan|diem|chuong|muc|so|phan|quyet dinh|quy che)\s*$")


# Any number of the question, amounts included: what a citation question looks for
# ("Mức 03 tỷ đồng ở điều khoản nào?").
# A number with a unit is an amount, whatever the word before ("mức 03 tỷ" folds to
# "muc 03 ty", and "mục 3" is a section).
_AMOUNT_UNIT = re.compile(r"\s*(?:ty|ti|trieu|nghin|dong|ngay|thang|tuan|lan|gio|ha|m2|%)(?![a-z])")
_ANY_NUMBER = re.compile(r"(?<![\w/.,-])(?P<n>\d{1,4})(?![\w.,-])")


def numbers_not_in(
    question: str, text: str, amounts: bool = False, naming: Collection[int] = ()
) -> list[str]:
    """Numbers the question is about that ``text`` (digits or words) never states; with
    ``amounts``, amounts of money, land and shares count too. ``naming``: numbers that
    name a document the question is about ("quy chế mẫu 261"), never its content."""
    q = fold_aligned(question)  # same offsets as the question, to echo its own words
    asked = [
        m
        for m in (_ANY_NUMBER if amounts else _ABOUT_NUMBER).finditer(q)
        if (
            _AMOUNT_UNIT.match(q, m.end())
            or not _REFERENCE_BEFORE.search(q[max(0, m.start() - 14) : m.start()])
        )
        and not (int(m.group("n")) in naming and not _AMOUNT_UNIT.match(q, m.end()))
    ]
    if not asked:
        return []
    stated = stated_numbers(text)
    missing = []
    for m in asked:
        if int(m.group("n")) not in stated:
            unit = re.match(r"\s*[a-z]+", q[m.end() :])
            missing.append(question[m.start() : m.end() + (unit.end() if unit else 0)].strip())
    return missing


def stated_numbers(text: str) -> set[int]:
    folded = fold(_ITEM_LABEL.sub(" ", text))  # "(3)", "2.1-" label items, state nothing
    stated = {int(n) for n in re.findall(r"\d+", folded)}
    stated |= {
        value
        for words in re.findall(rf"(?<![a-z]){STRICT_NUMBER}(?![a-z])", folded)
        if (value := read_number(words)) is not None
    }
    return stated


def asks_a_number(u: Understanding) -> bool:
    """A question the rule module reads as one for a number (a deadline, a frequency)."""
    return u.kind == "numeric" or u.frame.kind is not None


def stating_case(u: Understanding) -> set[str]:
    """The folded syllables of the case before the ask when it states the number the rule
    computes with and nothing else counted: the body's size ("sau bầu bổ sung Đảng ủy lên
    19 người thì ...") or the day a meeting falls on ("tổ họp thường lệ ngày 8 hằng tháng
    thì ..."). How the body came to that size, or what the meeting is like, is no topic a
    rule names; the rule computes with the number."""
    if u.frame.given_count is not None:
        return set()
    stated = [n for n in (u.frame.member_count, u.frame.date and u.frame.date.day) if n]
    case = fold(u.circumstance)
    if not any(re.search(rf"(?<!\d){n}(?!\d)", case) for n in stated):
        return set()
    return set(re.findall(r"[a-z]+", case))
