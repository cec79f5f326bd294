"""Follow-ups that leave out what the previous question said: a new head count and
nothing else asked ("Ban X có 41 người thì cần tối thiểu mấy phiếu?" after a question
about a vote), and a noun pointed back at by a demonstrative ("mức đó", "việc này").

Both are ellipsis: the predicate, or the thing, is the previous question's."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from assistant.document_question import document_nouns
from assistant.function_words import alternation, class_syllables, function_words
from assistant.quantities import GivenCount, asked_role, head_counts
from assistant.quantity_roles import count_nouns, quantity_syllables
from ingest.normalize import canonical, fold, has_diacritics


def gives_only_counts(
    question: str,
    previous: str,
    object_words: Callable[[str], list[str]],
) -> bool:
    """Whether ``question`` gives head counts and asks nothing else of its own, after a
    question that asked a number: then it asks the previous question again with those
    counts. A count with its own verb must state the role one of the previous counts had
    ("... 20 người dự" after a question about a vote asks a quorum, a question of its own).
    ``object_words`` gives a question's words besides bodies, names, act verbs and frame.
    """
    new = [c for c in head_counts(question) if _counts_people(question, c)]
    if not new or not _asks_a_number(previous):
        return False
    old_roles = {c.role for c in head_counts(previous)} | {asked_role(previous)}
    # "... thì mấy người tán thành?" after a quorum asks a rule of its own
    if any(
        r is not None and r not in old_roles for r in (*(c.role for c in new), asked_role(question))
    ):
        return False
    stated = quantity_syllables() | class_syllables(function_words().bounds)
    rest = [w for w in object_words(question) if w not in stated and not w.isdigit()]
    return not rest


def _counts_people(question: str, count: GivenCount) -> bool:
    """Whether the number is written with a noun that counts people ("33 người"), not
    a place in the text ("khoản 4")."""
    after = fold(question)[count.end :].split()
    return any(after[: len(n.split())] == n.split() for n in map(fold, count_nouns()))


def _asks_a_number(text: str) -> bool:
    folded = " ".join(re.findall(r"[a-z0-9]+", fold(text)))
    return any(re.search(rf"(?<![a-z]){w}(?![a-z])", folded) for w in _number_asks())


@functools.cache
def _number_asks() -> tuple[str, ...]:
    """The ask words that ask for a count or an amount ("bao nhiêu", "mấy")."""
    return tuple(fold(w) for w in function_words().ask_words if fold(w) in {"bao nhieu", "may"})


@functools.cache
def _demonstrative_pattern() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A word followed by a demonstrative (chỉ từ), accented and folded. Folded, "do"
    and "nay" are also "by" and "now" ("do ai", "hiện nay"): a folded demonstrative only
    closes its phrase (before the topic marker, a copula, a place verb or the end)."""
    accented = sorted(function_words().demonstratives)
    folded = sorted({fold(w) for w in accented})
    words = "|".join(map(re.escape, accented))
    closing = r"(?=\s*(?:thi|la|o|nam|co|duoc|[?.,!]|$))"
    return (
        re.compile(rf"(?<!\w)(\w+)\s+(?:{words})(?!\w)"),
        re.compile(rf"(?<![a-z])([a-z]+)\s+(?:{'|'.join(map(re.escape, folded))}){closing}"),
    )


def compares_with_what_was_said(question: str) -> bool:
    """ "Thế Ban Thường vụ họp dày hơn à?": a comparative with no standard after it and no
    number in the question (a bound, "ít hơn 5", has one) compares with the previous
    answer."""
    folded = fold(question)
    if re.search(r"\d", folded):
        return False
    found = _comparative().search(folded)
    return found is not None and not _words_after(folded[found.end() :])


@functools.cache
def _comparative() -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z])(?:{alternation(function_words().comparatives)})(?![a-z])")


def _words_after(text: str) -> bool:
    """Whether a content word follows (the standard of a comparison), particles aside."""
    grammar = {fold(w) for w in function_words().particles | function_words().yes_no_endings}
    return any(w not in grammar for w in re.findall(r"[a-z]+", text))


def demonstrative_phrases(question: str, of_documents: bool = True) -> list[str]:
    """The noun phrases of ``question`` that point back with a demonstrative ("mức đó",
    "việc này"), folded; a time adverb built the same way ("hôm nay", "hiện nay") is
    none."""
    times = {fold(w) for w in function_words().present_time | function_words().aspect_markers}
    accented, bare = _demonstrative_pattern()
    typed = canonical(question).lower()
    pattern, text = (accented, typed) if has_diacritics(question) else (bare, fold(question))
    found = [
        fold(m.group())
        for m in pattern.finditer(text)
        # "quy chế này": the document the conversation is about, not the previous topic
        if of_documents or not _names_document(fold(text[: m.start(1)]), fold(m[1]))
    ]
    return [p for p in found if p not in times]


def _names_document(before: str, noun: str) -> bool:
    said = f"{before.strip()} {noun}".strip()
    return any(re.search(rf"(?<![a-z]){re.escape(n)}$", said) for n in document_nouns())


__all__ = ["compares_with_what_was_said", "demonstrative_phrases", "gives_only_counts"]
