"""Which of several rules a question is about: the words its sentence shares with the
question ("làm việc với Hội Nông dân" → the clause about the Hội Nông dân), and the
case a rule's condition names ("đối với việc khen thưởng")."""

from __future__ import annotations

import re

from assistant.quantities import given_quantities
from assistant.quantity_roles import quantity_syllables
from assistant.rules.models import Rule
from ingest.bodies import find_bodies
from ingest.rules.text import fold_query

_GENERIC = frozenset(
    [
        "ty",
        "ti",
        "trieu",
        "dong",
        "thi",
        "ai",
        "quyet",
        "dinh",
        "do",
        "la",
        "co",
        "cac",
        "nhung",
        "tu",
        "tro",
        "len",
        "duoi",
        "va",
        "hoac",
        "cho",
        "duoc",
        "bao",
        "nhieu",
        "nao",
        "gi",
        "khi",
        "thuoc",
        "tham",
        "quyen",
        "cua",
        "ban",
        "thuong",
        "vu",
        "chap",
        "hanh",
        "truc",
        "tinh",
        "huyen",
        "uy",
        "dang",
        "xa",
        "khoi",
        # the frame of a comparison or of a document's name, not what is asked about
        "so",
        "sanh",
        "giua",
        "khac",
        "nhau",
        "giong",
        "quy",
        "che",
    ]
)


def topic_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", fold_query(text)) if w not in _GENERIC}


def closest_topic(question: str, rules: list[Rule], keep_subject: bool) -> list[Rule]:
    """The rules whose sentence shares most words with the question ("giao ban với Viện
    kiểm sát" → the clause about the Viện kiểm sát, not the one about Mặt trận)."""
    if len(rules) < 2:
        return rules
    q_words = topic_words(question) - _story_words(question)
    # a rule for the case the question names ("đối với nội dung phức tạp ... 05 ngày")
    # answers it before any rule that merely shares more of its other words
    scored = [(case_named(r, q_words), len(q_words & topic_words(r.sentence)), r) for r in rules]
    best = max((met, score) for met, score, _ in scored)
    if keep_subject:
        # Money: keep the whole tier list of the best topic (investment, spending...): one
        # sentence sharing more words must not hide the other tiers of the same scale.
        subjects = {r.subject for met, score, r in scored if (met, score) == best}
        return _by_condition(q_words, [r for r in rules if r.subject in subjects])
    # Keep every rule of the best clauses: one clause's rules answer together ("03 ngày;
    # nội dung quan trọng thì 05 ngày").
    places = {(r.part, r.article, r.clause) for met, score, r in scored if (met, score) == best}
    kept = [r for r in rules if (r.part, r.article, r.clause) in places]
    return _by_condition(q_words, kept)


def _story_words(question: str) -> set[str]:
    """In a story ("tổ 15 người, 9 người ưng thuận thì đạt không?") the bodies
    named, the counts' nouns and verbs and the verdict asked are the same for every rule
    of its kind: only the rest tells one rule from another ("xét đề nghị kết nạp")."""
    if given_quantities(question).role is None:
        return set()  # no count of people doing what a rule decides: no story
    folded = fold_query(question)
    bodies = {w for m in find_bodies(folded) for w in folded[m.start : m.end].split()}
    return bodies | set(quantity_syllables())


def _by_condition(q_words: set[str], rules: list[Rule]) -> list[Rule]:
    """Rules limited to the case the question is about ("họp bàn việc khen thưởng"
    → "đối với việc khen thưởng thì họp vào thứ Năm") come first; the
    clause's other rules follow, each shown with its own condition."""
    return sorted(rules, key=lambda r: -case_named(r, q_words))


def case_named(rule: Rule, q_words: set[str]) -> float:
    """How much of the rule's case the question names: the share of the case's words it
    writes, when that is two of them and half (a case is often cut short at its first
    comma: "đối với nội dung quan trọng"); 0 otherwise. "đất rừng sản xuất" names that
    case whole, and "đất rừng phòng hộ" only by half."""
    wanted = topic_words(rule.condition) - _CONDITION_FRAME
    shared = len(wanted & q_words)
    return shared / len(wanted) if wanted and shared >= max(2, (len(wanted) + 1) // 2) else 0.0


# Words that frame a condition rather than say what it is about.
_CONDITION_FRAME = frozenset({"doi", "voi", "truong", "hop", "khi", "neu", "thi", "cac", "nhung"})


__all__ = ["case_named", "closest_topic", "topic_words"]
