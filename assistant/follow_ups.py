"""Suggested follow-up questions under an answer, made from the structure of the document
it cites, never from an evaluation set:

(a) the same act held by another body (the table of powers, ``ingest/powers.py``);
(b) a numeric rule of the cited article that the answer did not use (``ingest/rules``);
(c) the next step: the next clause of the cited article, else the next article of its
    chapter.

The wording is data (``assistant/data/follow_ups.yaml``). Each suggestion names its
document when several are loaded, so it is answered from the same one when asked alone.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

from assistant.models import Answer, Citation
from assistant.rules.query import answer_frame, is_numeric_question, read_question
from assistant.terms import content_syllables
from assistant.understand import Understanding
from index.scope import HasMeta, detect_scope
from ingest.bodies import body_mentions, find_bodies, without_mentions
from ingest.models import LEVEL_LABELS, Article, Document
from ingest.normalize import canonical, fold
from ingest.normalize import words as fold_words
from ingest.powers import Power
from ingest.rules.models import RULE_KINDS, Rule
from ingest.words import listed_words

MAX_FOLLOW_UPS = 3
MAX_RULE_TRIES = 4  # rules read back through the rule module, at most, per answer
# Two actions are the same act when this share of their content syllables is shared
# (Jaccard): "quyết định khen thưởng tập thể Chi bộ" and "... đảng viên".
SIMILAR_ACTION = 0.5
# An action longer than this many words is cut at a word boundary (a chip, not a quote).
ACTION_WORDS = 14
MIN_ACTION_WORDS = 8  # ... and never cut to fewer than this at a conjunction
_STOP_AT = re.compile(r"[;:(]|\.\s|\s-\s")
_ARTICLE = re.compile(r"Điều \d")  # "Điều 15" keeps its capital letter
_TRAILING = re.compile(r"[\s,.;:]+$")


@functools.cache
def templates() -> dict[str, Any]:
    raw = resources.files("assistant").joinpath("data/follow_ups.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(raw)
    return data


@dataclass(frozen=True)
class DocumentTables:
    """One document's structure and tables, as the suggestions read them. ``handle``
    names the document in a question ("" when it is the only one loaded)."""

    document: Document
    powers: tuple[Power, ...] = ()
    rules: tuple[Rule, ...] = ()
    handle: str = ""
    action_words: tuple[frozenset[str], ...] = field(default=(), compare=False)
    # syllables that name the document (its title, issuer, governed body, place, number):
    # "Tỉnh ủy Điện Biên" in a question says which document, not what is asked
    naming: frozenset[str] = field(default=frozenset(), compare=False)

    @classmethod
    def of(
        cls, document: Document, powers: Sequence[Power], rules: Sequence[Rule], handle: str
    ) -> DocumentTables:
        powers = tuple(powers)
        words = tuple(frozenset(content_syllables(p.action)) for p in powers)
        m = document.meta
        naming = frozenset(
            fold_words(" ".join([m.title, m.issuing_body, m.governed_body, m.province, m.number]))
        )
        return cls(document, powers, tuple(rules), handle, words, naming)


def document_handle(doc: Document, documents: Sequence[HasMeta]) -> str:
    """A short way to name ``doc`` (``document_names`` in the data, tried in order) that
    the question's scope reads as ``doc`` alone; "" when it is the only document or none
    of them picks it alone. (A number such as "261-QĐ/TW" comes late: it is also read as
    topic words, "quyết định trung ương".)"""
    if len(documents) < 2:
        return ""
    data, m = templates(), doc.meta
    model = data["model_word"] in m.title.lower()
    fields = {
        "province": m.province,
        "level": LEVEL_LABELS.get(m.level, "") if model else "",
        "number": m.number,
        "governed_body": m.governed_body[:1].lower() + m.governed_body[1:],
        "title": m.title,
    }
    for pattern in data["document_names"]:
        used = [key for key in fields if f"{{{key}}}" in pattern]
        if not all(fields[key] for key in used):
            continue
        name: str = pattern.format(**fields)
        probe = data["document"].format(document=name)
        if tuple(detect_scope(probe, documents).document_ids) == (doc.id,):
            return name
    return ""


def suggest_follow_ups(
    answer: Answer, u: Understanding, tables_of: Callable[[str], DocumentTables | None]
) -> list[str]:
    """Up to three follow-up questions for ``answer`` (asked as ``u``), each answerable
    from the document its first article citation is in; none for a refusal."""
    if answer.kind not in ("answer", "numeric"):
        return []
    anchor = anchor_citation(answer)
    tables = tables_of(anchor.document_id) if anchor is not None else None
    if anchor is None or tables is None:
        return []
    article = _article(tables.document, anchor)
    if article is None:
        return []
    asked_pairs = _asked_pairs(u, tables)
    made = {
        "powers": _same_act(anchor, asked_pairs, tables),
        "rules": _related_rule(answer, anchor, u, asked_pairs, tables),
        "next": _next_step(answer, anchor, article, tables),
    }
    order = {"procedure": ("next", "powers", "rules"), "numeric": ("rules", "powers", "next")}
    asked = {_key(answer.question), _key(u.original), _key(u.text)}
    found: list[str] = []
    for kind in order.get(u.kind, ("powers", "rules", "next")):
        question = made[kind]
        if question is None or _key(question) in asked:
            continue
        question = _named(question, tables.handle)
        if _key(question) not in asked and question not in found:
            found.append(question)
    return found[:MAX_FOLLOW_UPS]


def anchor_citation(answer: Answer) -> Citation | None:
    """The citation that answers: the first one quoting an article, not a referred one."""
    return next((c for c in answer.citations if c.place == "article" and not c.via), None)


def _article(doc: Document, c: Citation) -> Article | None:
    part = doc.part(c.part)
    if part is None:
        return None
    return next(
        (a for a in part.articles if a.number == c.article and a.suffix == c.article_suffix),
        None,
    )


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", fold(text)))


def _named(question: str, handle: str) -> str:
    """The question with its document named first ("Theo quy chế X, ..."); a body's name
    or an article ("Điều 15") keeps its capital letter, any other first word loses it."""
    if not handle:
        return question
    mentions = find_bodies(question)
    if not (mentions and mentions[0].start == 0) and not _ARTICLE.match(question):
        question = question[:1].lower() + question[1:]
    return templates()["document"].format(document=handle) + question


# --- (a) the same act of another body -----------------------------------------------------


def _same_act(anchor: Citation, asked: set[tuple[str, str]], tables: DocumentTables) -> str | None:
    """The cited clause's power the question asks about, and the most similar action of
    the same kind that another body holds in the same document."""
    phrasing: dict[str, str] = templates()["powers"]
    shared = {
        i: len(asked & _pairs(p.action))
        for i, p in enumerate(tables.powers)
        if (p.part, p.article, p.clause) == (anchor.part, anchor.article, anchor.clause)
        and (anchor.point is None or p.point == anchor.point)
        and p.act in phrasing
    }
    # a power of the cited clause the question speaks of (a phrase in common), closest first
    own = sorted((i for i, n in shared.items() if n), key=lambda i: -shared[i])
    for i in own:
        mine, words = tables.powers[i], tables.action_words[i]
        best: tuple[float, Power] | None = None
        for other, other_words in zip(tables.powers, tables.action_words, strict=True):
            if other.act != mine.act or other.body == mine.body or not other_words:
                continue
            score = len(words & other_words) / len(words | other_words)
            if score >= SIMILAR_ACTION and (best is None or score > best[0]):
                best = (score, other)
        if best is not None:
            other = best[1]
            return phrasing[other.act].format(body=other.body, action=_action(other))
    return None


def _asked_pairs(u: Understanding, tables: DocumentTables) -> set[tuple[str, str]]:
    """What the question asks about, as phrases of two syllables: without the bodies it
    names and the words that name its document."""
    folded = fold(u.text)
    return {
        pair
        for pair in _pairs(without_mentions(folded, body_mentions(folded)))
        if tables.naming.isdisjoint(pair)
    }


def _action(power: Power) -> str:
    """The action as written, starting with a verb of its act, cut at a word boundary
    (never inside a word of two syllables, never on a word that needs the next one)."""
    written = _STOP_AT.split(power.action, maxsplit=1)[0].split()
    cut = written[:ACTION_WORDS]
    if len(written) > len(cut):
        # before the last "và"/"hoặc", where one item of the action ends ("quyết định
        # khen thưởng tập thể chi bộ | và công nhận danh hiệu ...")
        conjunctions = templates()["conjunctions"]
        ends = [i for i in range(MIN_ACTION_WORDS, len(cut)) if cut[i].lower() in conjunctions]
        if ends:
            cut = cut[: ends[-1]]
        elif canonical(f"{cut[-1]} {written[len(cut)]}").lower() in listed_words()[0]:
            cut.pop()
    while cut and (cut[-1].lower().strip(",") in templates()["dangling"] or cut[-1] in ",-"):
        cut.pop()
    text = _TRAILING.sub("", " ".join(cut))
    folded = fold(text)
    if not any(f"{folded} ".startswith(f"{fold(v)} ") for v in _act_words(power.act)):
        text = f"{templates()['act_verbs'][power.act]} {text}"
    return text if _is_name(text) else text[:1].lower() + text[1:]


@functools.cache
def _act_words(act: str) -> tuple[str, ...]:
    """The verbs that state ``act`` (ingest/data/acts.yaml)."""
    raw = resources.files("ingest").joinpath("data/acts.yaml").read_text(encoding="utf-8")
    verbs: list[str] = yaml.safe_load(raw).get(act, [])
    return tuple(verbs)


def _is_name(text: str) -> bool:
    """An action opening on a capitalised name ("Ban Thường vụ ..."), kept as written."""
    first = text.split()[:2]
    return len(first) == 2 and all(w[:1].isupper() for w in first)


# --- (b) a numeric rule the answer did not use --------------------------------------------


def _related_rule(
    answer: Answer,
    anchor: Citation,
    u: Understanding,
    asked: set[tuple[str, str]],
    tables: DocumentTables,
) -> str | None:
    """A rule of the cited article (the asked body's and the asked subject's first), else
    a rule of the asked body whose subject shares a two-syllable phrase with the question
    ("hội nghị": the quorum of the body's meetings)."""
    quotes = [c.quote for c in answer.citations if c.document_id == anchor.document_id]
    unused = [
        r
        for r in tables.rules
        if not any(r.sentence in q or q in r.sentence for q in quotes) and _rule_question(r)
    ]
    bodies, frame = set(u.bodies), u.frame

    def shared(rule: Rule) -> int:
        return len(asked & _pairs(rule.subject_label))

    here = [r for r in unused if (r.part, r.article) == (anchor.part, anchor.article)]
    here.sort(
        key=lambda r: (
            r.body not in bodies,
            -shared(r),
            r.clause != anchor.clause,
            r.clause or 0,
            RULE_KINDS.index(r.kind),
        )
    )
    related = [r for r in unused if r.body in bodies and shared(r) and r not in here]
    related.sort(key=lambda r: -shared(r))
    for rule in [*here, *related][:MAX_RULE_TRIES]:
        if (rule.kind, rule.subject) == (frame.kind, frame.subject) and rule.body in bodies:
            continue  # what was asked
        question = _rule_question(rule)
        if question is not None and _answered_by(question, rule, tables.rules):
            return question
    return None


def _pairs(text: str) -> set[tuple[str, str]]:
    """Adjacent content syllables: "hội nghị" shares a phrase with "hội nghị, phiên họp",
    not with "nghị quyết"."""
    syllables = content_syllables(text)
    return set(itertools.pairwise(syllables))


def _answered_by(question: str, rule: Rule, rules: Sequence[Rule]) -> bool:
    """Whether the rule module, reading ``question``, answers it with ``rule`` first."""
    found = answer_frame(
        read_question(question), is_numeric_question(question), question, rules, [rule.document_id]
    )
    if found is None or not found.documents:
        return False
    matches = found.documents[0].matches
    return bool(matches) and matches[0].rule.id == rule.id


def _rule_question(rule: Rule) -> str | None:
    data = templates()
    template: str | None = data["rules"].get(rule.kind)
    subject: str | None = data["subjects"].get(rule.subject)
    if template is None or subject is None:
        return None
    text = template.format(body=rule.body, subject=subject)
    return text[:1].upper() + text[1:]


# --- (c) the next step ----------------------------------------------------------------------


def _next_step(
    answer: Answer, anchor: Citation, article: Article, tables: DocumentTables
) -> str | None:
    """The next clause of the cited article that the answer does not quote, else (from
    its last clause or a whole article) the next article of the same chapter."""
    if anchor.part == "decision":
        return None  # "Điều 2" alone is read in the regulation, not its decision
    data = templates()
    cited = {(c.article, c.clause) for c in answer.citations if c.document_id == anchor.document_id}
    if anchor.clause is not None:
        for clause in article.numbered_clauses:
            number = clause.number
            if (
                number is not None
                and number > anchor.clause
                and (article.number, number) not in cited
            ):
                text: str = data["next_clause"].format(clause=number, article=article.label)
                return text
    part = tables.document.part(anchor.part)
    articles = part.articles if part is not None else ()
    at = next((i for i, a in enumerate(articles) if a is article), None)
    if at is None or at + 1 >= len(articles):
        return None
    following = articles[at + 1]
    if following.chapter != article.chapter or (following.number, None) in cited:
        return None
    text = data["next_article"].format(article=following.label)
    return text


__all__ = [
    "MAX_FOLLOW_UPS",
    "DocumentTables",
    "anchor_citation",
    "document_handle",
    "suggest_follow_ups",
    "templates",
]
