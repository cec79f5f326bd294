"""Content terms of a question and of a text: syllables and syllable bigrams, without
question and function words, accented as typed or folded.

How well a text covers them is :mod:`assistant.coverage`.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from assistant.function_words import function_words
from assistant.lexicon import word_length_at
from index.abbreviations import expansion
from ingest.bodies import find_bodies
from ingest.normalize import canonical, fold, mostly_accented, strip_diacritics, words

_WORD = re.compile(r"[^\W_]+")
# Prefix of folded terms, so a folded "thu" (any of thu, thư, thứ) and the accentless
# word "thu" typed as such stay different terms.
FOLDED = "~"

# Question and function words: they say how something is asked, not what about. Only
# words that stay unambiguous once folded ("ban" is bạn and Ban, "hoi" hỏi and hội,
# "dang" đang and Đảng, "co" có and cơ, "bi" bị and Bí thư: kept).
STOPWORDS = frozenset(
    [
        "ai",
        "gi",
        "nao",
        "nhieu",
        "thi",
        "sao",
        "khong",
        "duoc",
        "cua",
        "la",
        "va",
        "cac",
        "nhung",
        "mot",
        "nhu",
        "nay",
        "cho",
        "voi",
        "trong",
        "khi",
        "neu",
        "phai",
        "can",
        "may",
        "hay",
        "hoac",
        "da",
        "se",
        "theo",
        "de",
        "vi",
        "nen",
        "ma",
        "vay",
        "a",
        "u",
        "nhe",
        "oi",
        "xin",
        "biet",
        "muon",
        "em",
        "minh",
        "rang",
        "day",
        "dau",
        "ay",
        "no",  # "nó": a pronoun, resolved from the conversation
        "nguong",  # "ngưỡng": how people name a numeric threshold; the texts never do
    ]
)
# Function words that are only unambiguous with their diacritics ("còn" but not "con",
# "ở" but not "ô", "tại" but not "tài"): dropped when typed so.
ACCENTED_STOPWORDS = frozenset(["còn", "ở", "tại", "đã", "rồi", "vậy"])
# Phrases that frame a question or name the kind of text, removed before splitting.
STOP_PHRASES = re.compile(
    r"\b(quy che lam viec|quy che|quy dinh (?:cu the )?(?:nhu )?(?:the nao|ra sao)|nhu the nao|the nao|ra sao|"
    r"quy dinh gi|noi gi|bao nhieu|lam sao|the con|con thi|bao lau|bao gio|"
    r"luc nao|khi nao|may ngay|may lan|may nguoi|may buoi|may thang|the nao|"
    r"giong nhau|khac nhau|so sanh|co giong(?: nhau)?|khac gi|giong hay khac|doi chieu|khac biet|"
    r"toi da|toi thieu|it nhat|keo dai|nam o dieu|nam o khoan|o dieu nao|o khoan nao)\b"
)


def expand_inline(text: str) -> str:
    """Abbreviations replaced where they stand ("thành viên BCS" → "thành viên ban cán
    sự"), so bigrams across them are real phrases."""
    return re.sub(r"[^\W_]+", lambda m: expansion(m.group(0)) or m.group(0), text)


def question_terms(
    text: str, exclude: Collection[str] = (), name_words: Collection[str] = ()
) -> list[str]:
    """``exclude``: words that only name a document wherever they stand (places,
    numbers; an entry with spaces is a phrase of folded syllables, left out only where it
    is written whole); ``name_words``: the folded syllables of the documents the question names,
    dropped where they run together as a name (see :func:`_name_positions`)."""
    return list(_question_terms(text, frozenset(exclude), frozenset(name_words)))


@functools.lru_cache(maxsize=4096)
def _question_terms(
    text: str, exclude: frozenset[str], name_words: frozenset[str] = frozenset()
) -> tuple[str, ...]:
    """Syllables and syllable bigrams of the content words, in order.

    A word typed with its diacritics keeps them ("lương" is not "lượng"), so folding
    never merges two words the user kept apart; a word typed without them is folded
    and matches every accented spelling. Texts carry both forms (:func:`text_terms`)."""
    forms, keep, joined = _content_forms(text, exclude)
    if name_words:
        named = _name_positions(
            [strip_diacritics(f.removeprefix(FOLDED)) for f in forms], name_words
        )
        keep = tuple(k and i not in named for i, k in enumerate(keep))
    kept = [(i, f) for i, f in enumerate(forms) if keep[i]]
    bigrams = [
        f"{a}_{b}" for (i, a), (j, b) in itertools.pairwise(kept) if j == i + 1 and joined[i]
    ]
    return (*(t for _, t in kept), *bigrams)


# Where a typed sentence ends: what comes after may be typed another way.
_SENTENCE_END = re.compile(r"[.?!;\n]+(?=\s|$)")


def _folded_forms(tokens: list[str]) -> list[str]:
    return [FOLDED + strip_diacritics(t) for t in tokens]


@functools.lru_cache(maxsize=4096)
def _content_forms(
    text: str, exclude: frozenset[str]
) -> tuple[tuple[str, ...], tuple[bool, ...], tuple[bool, ...]]:
    """The question's words as matched (accented, or folded with FOLDED), which of them
    are content words, and which stand joined to the next one (no comma between: words
    either side of a comma are not one phrase)."""
    tokens: list[str] = []
    form_list: list[str] = []
    labels: set[int] = set()
    joined: list[bool] = []
    # Each sentence is read as it was typed: a follow-up typed without diacritics after
    # an accented question it continues is folded on its own.
    for sentence in _SENTENCE_END.split(text):
        expanded = expand_inline(sentence)
        words_here = _canonical_words(expanded)
        joined += _joined_to_next(expanded)
        labels |= {len(tokens) + i for i in _label_positions(expanded, words_here)}
        tokens += words_here
        form_list += words_here if mostly_accented(sentence) else _folded_forms(words_here)
    folded = [strip_diacritics(t) for t in tokens]
    dropped = _stop_positions(folded)
    forms = tuple(form_list)
    # Numbers are values the question supplies ("48 ủy viên"), not what it is about;
    # ``exclude`` holds words that only name a document. A removed word breaks phrases:
    # bigrams join words that stood side by side in the question.
    dropped |= _phrase_positions(folded, [e.split() for e in exclude if " " in e])
    dropped |= _adverbial_positions(tokens, folded)
    dropped |= _comparative_positions(folded)
    keep = tuple(
        i not in dropped
        and (f not in STOPWORDS or i in labels)
        and tokens[i] not in ACCENTED_STOPWORDS
        and not f.isdigit()
        and forms[i] not in exclude
        for i, f in enumerate(folded)
    )
    return forms, keep, tuple(joined)


def _joined_to_next(typed: str) -> list[bool]:
    """Per word of ``typed``: no comma stands between it and the next word."""
    text = canonical(typed)
    spans = [m.span() for m in _WORD.finditer(text)]
    gaps = [text[end:start] for (_, end), (start, _) in itertools.pairwise(spans)]
    return [*("," not in gap for gap in gaps), False][: len(spans)]


def _label_positions(typed: str, words_here: list[str]) -> set[int]:
    """Where a single capital letter labels the noun before it ("nhóm A", "loại B"): a
    name, not the particle "ạ" typed bare."""
    raw = _WORD.findall(typed)
    if len(raw) != len(words_here):
        return set()
    return {
        i
        for i, w in enumerate(raw)
        if i > 0
        and len(w) == 1
        and w.isupper()
        and len(raw[i - 1]) > 1
        and strip_diacritics(words_here[i - 1]) not in STOPWORDS
    }


def _adverbial_positions(tokens: list[str], folded: list[str]) -> set[int]:
    """Where the question says when or how it asks ("hôm nay", "kiểu gì", "xong"):
    phrases wherever written, a one-syllable adverb only with its diacritics ("đã", not
    "da")."""
    phrases, singles = _adverbials()
    found = _phrase_positions(folded, [p.split() for p in phrases])
    return found | {i for i, t in enumerate(tokens) if t in singles}


def _comparative_positions(folded: list[str]) -> set[int]:
    """Where the question compares ("bên nào chặt hơn", "sớm hơn bao nhiêu"): the
    comparative marker and the one-syllable adjective before it ask which value is larger,
    a value each rule gives; they name no topic a clause must write."""
    markers = {strip_diacritics(m) for m in function_words().comparatives}
    found: set[int] = set()
    for i, word in enumerate(folded):
        if word in markers and i > 0 and folded[i - 1].isalpha():
            found.update((i - 1, i))
    return found


@functools.cache
def _adverbials() -> tuple[tuple[str, ...], frozenset[str]]:
    members = function_words().adverbial
    phrases = tuple(strip_diacritics(m) for m in members if " " in m)
    return phrases, frozenset(m for m in members if " " not in m)


def _phrase_positions(folded: list[str], phrases: list[list[str]]) -> set[int]:
    """Indices of the words where one of ``phrases`` (folded syllables) is written."""
    found: set[int] = set()
    for phrase in phrases:
        n = len(phrase)
        for i in range(len(folded) - n + 1):
            if folded[i : i + n] == phrase:
                found.update(range(i, i + n))
    return found


@dataclass(frozen=True)
class Compound:
    """A listed word of the question, as terms, with the terms next to it (None at an
    edge or beside a function word)."""

    terms: tuple[str, ...]
    before: str | None
    after: str | None


def question_compounds(text: str, exclude: Collection[str] = ()) -> list[Compound]:
    """Listed words of two or more syllables among the question's content words
    ("hiệu trưởng", "sổ hộ khẩu"), longest first from the left."""
    forms, keep, _ = _content_forms(text, frozenset(exclude))
    syllables = [f.removeprefix(FOLDED) for f in forms]
    folded = any(f.startswith(FOLDED) for f in forms)
    found: list[Compound] = []
    i = 0
    while i < len(forms):
        n = word_length_at(syllables, keep, i, folded)
        if not n:
            i += 1
            continue
        before = forms[i - 1] if i > 0 and keep[i - 1] else None
        after = forms[i + n] if i + n < len(forms) and keep[i + n] else None
        found.append(Compound(forms[i : i + n], before, after))
        i += n
    return found


# A word folded once per process: the corpus has a few thousand distinct words and
# hundreds of thousands of occurrences, read again at every start.
_folded_word = functools.lru_cache(maxsize=65536)(strip_diacritics)


def _canonical_words(text: str) -> list[str]:
    return _WORD.findall(canonical(text))


# Words in a row that all belong to a document's name ("quy chế mẫu đảng ủy UBND tỉnh")
# name it; two ("Ban Thường vụ", "chế độ") may be what is asked about.
MIN_NAME_RUN = 3


_SEAT = re.compile(r"(?:dang|tinh|huyen|thanh|thi|quan) uy(?: khoi)?")


def _name_positions(folded: list[str], name_words: frozenset[str]) -> set[int]:
    """Indices of the words that name a document: runs of MIN_NAME_RUN or more words of
    its name, except the bodies they mention ("Ban Chấp hành Đảng bộ" is asked about even
    when it is also the name of the document); a committee's seat ("Đảng ủy" in "Đảng ủy
    UBND tỉnh", "Tỉnh ủy" in "Tỉnh ủy Điện Biên") is part of the name."""
    runs: list[range] = []
    start = None
    for i, word in enumerate([*folded, ""]):
        if word and word in name_words:
            start = i if start is None else start
            continue
        if start is not None and i - start >= MIN_NAME_RUN:
            runs.append(range(start, i))
        start = None
    if not runs:
        return set()
    joined = " ".join(folded)
    bodies = [
        (m.start, m.end)
        for m in find_bodies(joined)
        if not _SEAT.fullmatch(joined[m.start : m.end])
    ]
    in_bodies = _words_in(folded, bodies)
    # with the pairs the names write, a word names only beside its neighbour in the name
    # ("xa tan loc ... loc phat": "loc" of "lộc phát" is no "Lộc" of "Tân Lộc")
    pairs = {w for w in name_words if " " in w}

    def in_a_pair(run: range, i: int) -> bool:
        before = i - 1 in run and f"{folded[i - 1]} {folded[i]}" in pairs
        return before or (i + 1 in run and f"{folded[i]} {folded[i + 1]}" in pairs)

    return {
        i for run in runs for i in run if i not in in_bodies and (not pairs or in_a_pair(run, i))
    }


def _stop_positions(folded: list[str]) -> set[int]:
    """Indices of the words covered by a stop phrase."""
    return _words_in(folded, [m.span() for m in STOP_PHRASES.finditer(" ".join(folded))])


def _words_in(folded: list[str], spans: Iterable[tuple[int, int]]) -> set[int]:
    """Indices of the words that start inside ``spans`` (offsets in the words joined by
    single spaces)."""
    starts = list(itertools.accumulate((len(w) + 1 for w in folded), initial=0))[:-1]
    return {i for a, b in spans for i, s in enumerate(starts) if a <= s < b}


def folded_term(term: str) -> str:
    """A term as folded syllables ("~ky_~luat", "kỷ_luật" → "ky_luat"): a question's terms
    compared whatever way each was typed."""
    return fold(term.replace(FOLDED, ""))


def text_terms(text: str) -> set[str]:
    """Folded and accented syllables and bigrams of a text."""
    accented = _canonical_words(text)
    folded = [FOLDED + _folded_word(w) for w in accented]
    terms = set(folded) | {f"{a}_{b}" for a, b in itertools.pairwise(folded)}
    terms.update(accented)
    terms.update(f"{a}_{b}" for a, b in itertools.pairwise(accented))
    return terms


def content_syllables(text: str) -> list[str]:
    """The question's content syllables in order (no bigrams)."""
    folded = STOP_PHRASES.sub(" ", " ".join(words(expand_inline(text))))
    return [w for w in folded.split() if w not in STOPWORDS]
