"""Whether a question asks about the regulation itself, and which of its facts.

Read once while the question is parsed (``Understanding.document_attribute``); the words
people use for a document's number, date, signer, effect ... are data
(assistant/data/document_questions.yaml), matched on the folded question.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml
from pydantic import BaseModel, ConfigDict

from assistant.function_words import alternation, function_words
from ingest.document_facts import DocumentAttribute
from ingest.normalize import fold


class _Phrases(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    document_nouns: tuple[str, ...]
    pointed_document_nouns: tuple[str, ...]
    document_verbs: tuple[str, ...]
    document_name_words: tuple[str, ...]
    source_prepositions: tuple[str, ...]
    attributes: dict[DocumentAttribute, tuple[str, ...]]
    beside_document: dict[DocumentAttribute, tuple[str, ...]]
    # the kinds of document another is issued on: "{basis_noun}" in a way to ask stands
    # for each ("căn cứ vào {basis_noun} nào")
    basis_nouns: tuple[str, ...] = ()

    def model_post_init(self, _: object) -> None:
        expanded = {
            attribute: tuple(
                p.replace("{basis_noun}", noun)
                for p in phrases
                for noun in (self.basis_nouns if "{basis_noun}" in p else ("",))
            )
            for attribute, phrases in self.attributes.items()
        }
        object.__setattr__(self, "attributes", expanded)


_VALUE_AFTER = re.compile(r"\s*(?:[ivxlc]+|\d+)\b")
# The document noun's own name right after it: "quy chế (làm việc) ở / của / tại ...".
_NAMED_AFTER = re.compile(r"(?:\s+lam viec)?\s+(?:o|cua|tai)\b")


@cache
def _phrases() -> _Phrases:
    raw = resources.files("assistant").joinpath("data/document_questions.yaml").read_text("utf-8")
    return _Phrases.model_validate(yaml.safe_load(raw))


@cache
def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation(phrases)})\b")


def asked_attributes(folded: str, about_document: bool = False) -> tuple[DocumentAttribute, ...]:
    """The document facts a folded question asks for, in the order it asks them, when its
    object is the document ("số hiệu bao nhiêu, ký ngày nào?" asks two). With
    ``about_document`` the conversation already is about a document ("ai ký?" after "quy
    chế X ban hành ngày nào?"): no document noun need name it again."""
    phrases = _phrases()
    found: dict[DocumentAttribute, int] = {}
    taken: list[tuple[int, int]] = []
    replaced: list[int] = []  # where a way to ask what is replaced ends
    for attribute, words in phrases.attributes.items():
        for match in _pattern(words).finditer(folded):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue  # "ký ngày nào" is the date; its "ký" asks no signer
            if _VALUE_AFTER.match(folded, match.end()):
                continue  # "khóa XIV", "nhiệm kỳ 2020-2025": it names the document
            taken.append(match.span())
            found.setdefault(attribute, match.start())
            if attribute == "replaces":
                replaced.append(match.end())
    for attribute, verbs in phrases.beside_document.items():
        for at in _beside(folded, alternation(phrases.document_nouns), alternation(verbs)):
            found.setdefault(attribute, at)
    # "số quy chế" is a way to ask; the document it asks about is named elsewhere, or by
    # a name of its own right after it ("đổi quy chế làm việc tại phường B")
    mentions = [
        m
        for m in (
            *_pattern(phrases.document_nouns).finditer(folded),
            *_pointed_nouns().finditer(folded),
        )
        if not any(s <= m.start() and m.end() <= e for s, e in taken)
        or _NAMED_AFTER.match(folded, m.end())
    ]
    if about_document and found and not mentions:
        return tuple(sorted(found, key=found.__getitem__))
    # "... thay cho văn bản trước": the document right after a way to ask what is replaced is
    # the value asked, no other document asked about
    asked_about = [
        m for m in mentions if not any(not folded[e : m.start()].strip() for e in replaced)
    ]
    if not found or not mentions or _names_a_source_and_another(folded, asked_about, phrases):
        return ()
    return tuple(sorted(found, key=found.__getitem__))


@cache
def _pointed_nouns() -> re.Pattern[str]:
    """A document noun a demonstrative points at ("quyet dinh do") or its number names
    ("quyet dinh so 42-qd/tu", "van ban 07-hd/du")."""
    nouns = alternation(_phrases().pointed_document_nouns)
    # typed bare, "do" of "do ai ký" is the agent's preposition, not "đó": a demonstrative
    # that begins a body question ("do ai") reads as that question
    questions = [fold(q).split() for q in function_words().body_questions]
    pointing = "|".join(
        re.escape(d)
        + "".join(rf"(?!\s+{re.escape(' '.join(q[1:]))}\b)" for q in questions if q[0] == d)
        for d in dict.fromkeys(fold(w) for w in function_words().demonstratives)
    )
    number = r"(?:so\s+)?\d{1,4}\s*-\s*[a-z]{1,6}\s*/\s*[a-z]{1,6}\b"
    return re.compile(rf"\b(?:{nouns})\s+(?:(?:{pointing})\b|{number})")


@cache
def _source_before() -> re.Pattern[str]:
    """A source preposition ending the text before a document noun ("theo quy chế")."""
    return re.compile(rf"(?:{_pattern(_phrases().source_prepositions).pattern})\s*$")


def _names_a_source_and_another(
    folded: str, mentions: list[re.Match[str]], phrases: _Phrases
) -> bool:
    """ "Theo quy chế X, ai ban hành quy chế của Y?": X is where the answer comes from, so
    the regulation asked about is Y, as content of X, not X itself."""
    sourced = [bool(_source_before().search(folded[: m.start()])) for m in mentions]
    return any(sourced) and not all(sourced)


def _beside(folded: str, nouns: str, verbs: str) -> list[int]:
    """Where a verb stands within a few words of a document noun, after it ("văn bản ấy
    tổ định bổ sung ...") or before it ("bổ sung mấy điểm trong văn bản"); never where
    the document is where the answer comes from ("theo văn bản, sửa chữa ...")."""
    noun = rf"\b(?:{nouns})(?:\s+lam viec)?"
    gap = r"(?:\s+[a-z]+){0,3}?\s+"
    found = [
        m.start()
        for m in re.finditer(rf"{noun}{gap}(?:{verbs})\b", folded)
        if not _source_before().search(folded[: m.start()])
    ]
    found += [
        m.start()
        for m in re.finditer(rf"\b(?:{verbs}){gap}(?={noun})", folded)
        if not re.search(r"\btheo\s+$", m.group())
    ]
    return found


def document_nouns() -> tuple[str, ...]:
    """The nouns a document is called by, folded, without a demonstrative ("quy che")."""
    return tuple(dict.fromkeys(re.sub(r"\s+nay$", "", n) for n in _phrases().document_nouns))


def attribute_words(attribute: DocumentAttribute) -> frozenset[str]:
    """The syllables of the ways to ask ``attribute``, and of the document nouns (those a
    demonstrative or a number makes one too: "quyết định 42-QĐ/TU")."""
    phrases = _phrases()
    return frozenset(
        w
        for p in (
            *phrases.attributes[attribute],
            *phrases.document_nouns,
            *phrases.pointed_document_nouns,
            *phrases.document_verbs,
            *phrases.document_name_words,
        )
        for w in p.split()
    )
