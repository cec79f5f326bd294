"""Typed records of a comparison: aligned provisions and the differences found in them."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

DifferenceKind = Literal[
    "missing_in_draft",
    "added_in_draft",
    "merged",
    "split",
    "renumbered",
    "power_moved",
    "number_changed",
    "blank_filled",
    "blank_left",
    "reference_broken",
    "reworded",
]
PairStatus = Literal["same", "reworded", "changed", "only_in_draft", "only_in_model"]


class _Fact(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Place(_Fact):
    """Where a provision is: Điều ``article`` (``clause`` None = the article as a whole;
    article 0 = the document's header, outside the articles)."""

    article: int
    clause: int | None = None


class Provision(_Fact):
    """One clause (or an article's unnumbered lead-in) as the comparison sees it."""

    article: int
    article_label: str
    clause: int | None
    text: str  # verbatim clause text (clauses compared as one: their texts joined)
    also: tuple[int | None, ...] = ()  # the other clauses joined into this one


class ClausePair(_Fact):
    """Two aligned clauses, or one clause with no counterpart (the other side None)."""

    model: Provision | None
    draft: Provision | None
    score: float = 0.0


class ArticlePair(_Fact):
    """Model article(s) aligned to draft article(s): one to one, two model articles merged
    into one draft article, one model article split in two, or one side empty."""

    model: tuple[int, ...]  # article numbers
    draft: tuple[int, ...]
    score: float = 0.0
    status: PairStatus = "same"
    clauses: tuple[ClausePair, ...] = ()
    model_heading: str = ""  # "Điều 4. Chế độ họp ..." (the articles' headings, joined)
    draft_heading: str = ""
    model_cite_as: str = ""
    draft_cite_as: str = ""
    model_text: str = ""  # the articles' whole text
    draft_text: str = ""


class Difference(_Fact):
    """One departure of the draft from the model, in the domain's terms. ``old``/``new``
    are as written (a value, a body, a clause's text); ``count`` is how many articles a
    renumbering shifts."""

    kind: DifferenceKind
    model: Place | None
    draft: Place | None
    old: str = ""
    new: str = ""
    model_cite_as: str = ""
    draft_cite_as: str = ""
    detail: str = ""  # one Vietnamese sentence saying what changed
    model_text: str = ""  # the whole model clause (article) text, for the report
    draft_text: str = ""
    count: int | None = None


class Comparison(_Fact):
    """The result: the documents compared, the alignment and the differences, in the
    draft's order."""

    model_id: str
    model_title: str
    draft_id: str
    draft_title: str
    pairs: tuple[ArticlePair, ...]
    differences: tuple[Difference, ...]
    identical: bool = False  # every provision the same once normalised
