"""The words of a question no regulation writes ("thuế", "hiệu trưởng"), less those that
frame it: closed-class words, the asker's own sentences, numbers, a unit below the
commune, the noun of the number asked, a modifier before words the regulations write."""

from __future__ import annotations

import functools
import re

from assistant.ellipsis import demonstrative_phrases
from assistant.function_words import framing_syllables, function_words
from assistant.locate import ClauseLocator
from assistant.same_meaning import other_words
from assistant.terms import question_compounds, question_terms
from assistant.understand import Understanding
from index.places import SUBUNITS
from ingest.bodies import find_bodies
from ingest.normalize import canonical, fold, has_diacritics


def only_in(word: str, inside: str, outside: str) -> bool:
    """Whether the folded ``word`` occurs in ``inside`` and not in ``outside``."""
    pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
    return bool(pattern.search(inside)) and not pattern.search(outside)


def _typed_as(word: str, members: frozenset[str] | tuple[str, ...]) -> bool:
    """Whether ``word`` is one of ``members``, compared with its diacritics when it is
    typed with them ("bận" is no "bản"), folded when it is not."""
    accented, folded = _forms(members)
    return canonical(word).lower() in accented if has_diacritics(word) else fold(word) in folded


@functools.cache
def _forms(members: frozenset[str] | tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """A closed class's members with their diacritics and folded, read once."""
    return frozenset(canonical(m).lower() for m in members), frozenset(map(fold, members))


def _straddles_a_body(word: str, question: str) -> bool:
    """Whether a listed word is read across the edge of a body's name ("giao phó" in
    "giao Phó Bí thư ..."): the name is the unit the question writes, not the word."""
    folded = fold(question)
    spans = [(m.start, m.end) for m in find_bodies(question)]
    for found in re.finditer(rf"(?<![a-z]){re.escape(fold(word))}(?![a-z])", folded):
        start, end = found.span()
        if any(s < end and start < e and not (s <= start and end <= e) for s, e in spans):
            return True
    return False


def unknown_words(u: Understanding, locator: ClauseLocator) -> list[str]:
    """Syllables ("thuế") and listed words ("hiệu trưởng") of the question as asked
    that the corpus never uses, document names excepted (the words a follow-up carries
    from an earlier question were weighed when that question was asked)."""
    names = locator.meta_terms
    own = u.original
    listed = [
        w
        for w in locator.stats.unknown_words(question_compounds(own), names)
        if not _straddles_a_body(w, own)
    ]
    in_listed = {s for w in listed for s in w.split()}
    syllables = locator.stats.unknown(question_terms(own), names)
    found = [*listed, *(s for s in syllables if s not in in_listed)]
    # Words of the grammar's closed classes ("hôm nay", "xong", "kiểu gì") frame the
    # question: the regulations not writing them says nothing about its topic.
    framing = framing_syllables(own)
    unknown_syllables = {fold(s) for s in syllables}
    # "tỷ lệ biểu quyết": the measure of a number asked, or of the rule an article is
    # asked for ("điều nào quy định tỷ lệ ..."), is what the rule's value gives
    measures = function_words().measure_nouns if u.asks_number or u.frame.kind else frozenset()
    # "làm kiểu này", "cái đó": a noun a demonstrative points with names no topic
    pointing = {p.split()[0] for p in demonstrative_phrases(own)}

    def says_more(word: str) -> bool:
        if set(fold(word).split()) <= framing or any(c.isdigit() for c in word):
            return False  # "14h", "20/6": the case's numbers
        if len(fold(word)) == 1 or fold(word) in pointing:
            return False  # a letter ("e" for "em") carries no topic
        if _typed_as(word, SUBUNITS) or _typed_as(word, measures):
            return False  # "chi bộ khu phố 3": where; "tỷ lệ tán thành": the number asked
        # "tự quyết", "ngoài tỉnh": a modifier and words the regulations write
        parts = word.split()
        modifying = [p for p in parts if _typed_as(p, function_words().compound_modifiers)]
        rest = {fold(p) for p in parts if p not in modifying} - framing
        return not (modifying and not rest & unknown_syllables)

    def meaning_written(word: str) -> bool:
        # "gửi qua email": a regulation writes what it means ("thư điện tử")
        return any(
            not locator.stats.unknown(question_terms(other), names)
            and not locator.stats.unknown_words(question_compounds(other), names)
            for other in other_words(word)
        )

    # words only in what the asker says of themselves ("Tôi cần lên lịch cho tổ.")
    about = fold(u.asker_context)
    asked = fold(u.asked_text) if about else ""
    return [
        w
        for w in found
        if says_more(w)
        and not (about and only_in(fold(w), about, asked))
        and not meaning_written(w)
    ]


__all__ = ["only_in", "unknown_words"]
