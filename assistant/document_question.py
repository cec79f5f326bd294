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

from ingest.document_facts import DocumentAttribute


class _Phrases(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    document_nouns: tuple[str, ...]
    document_verbs: tuple[str, ...]
    source_prepositions: tuple[str, ...]
    attributes: dict[DocumentAttribute, tuple[str, ...]]


@cache
def _phrases() -> _Phrases:
    raw = resources.files("assistant").joinpath("data/document_questions.yaml").read_text("utf-8")
    return _Phrases.model_validate(yaml.safe_load(raw))


@cache
def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b")


def asked_attribute(folded: str) -> DocumentAttribute | None:
    """The document fact a folded question asks for, when its object is the document."""
    phrases = _phrases()
    mentions = list(_pattern(phrases.document_nouns).finditer(folded))
    if not mentions or _names_a_source_and_another(folded, mentions, phrases):
        return None
    for attribute, words in phrases.attributes.items():
        if _pattern(words).search(folded):
            return attribute
    return None


def _names_a_source_and_another(
    folded: str, mentions: list[re.Match[str]], phrases: _Phrases
) -> bool:
    """ "Theo quy chế X, ai ban hành quy chế của Y?": X is where the answer comes from, so
    the regulation asked about is Y, as content of X, not X itself."""
    source = re.compile(rf"(?:{_pattern(phrases.source_prepositions).pattern})\s*$")
    sourced = [bool(source.search(folded[: m.start()])) for m in mentions]
    return any(sourced) and not all(sourced)


def attribute_words(attribute: DocumentAttribute) -> frozenset[str]:
    """The syllables of the ways to ask ``attribute``, and of the document nouns."""
    phrases = _phrases()
    return frozenset(
        w
        for p in (*phrases.attributes[attribute], *phrases.document_nouns, *phrases.document_verbs)
        for w in p.split()
    )
