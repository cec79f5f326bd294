"""Structural references typed by people: "khoản 2 Điều 14", "dieu 14 khoan 2", "điểm a khoản 1 Điều 3"."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from ingest.normalize import canonical, fold


class Reference(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    article: int
    clause: int | None = None
    point: str | None = None
    part: str | None = None


_ARTICLE = re.compile(r"\bdieu\s*(\d{1,3})\b")
_CLAUSE = re.compile(r"\bkhoan\s*(\d{1,2})\b")
_POINT = re.compile(r"\b(?:diem|điểm)\s*([a-zđ]|\d{1,2}\.\d{1,2}|\(\d{1,2}\))(?![\w])")


_DECISION_BEFORE = re.compile(r"quyet dinh\s+(?:so\s+)?[0-9][\w/.-]*\s*[,:]?\s*$")


def parse_reference(text: str) -> Reference | None:
    """The place asked, with the khoản/điểm written next to it (either order). Of several
    places, the last: earlier ones lead to it ("khoản 2 Điều 7 ghi 'theo quy định tại
    khoản 5 Điều 12' — mức ở đó là bao nhiêu?" asks khoản 5 Điều 12)."""
    places = parse_references(text)
    return places[-1] if places else None


def leading_reference(places: Sequence[Reference]) -> Reference | None:
    """Of the places a message names (:func:`parse_references`), the first, when it names
    another after it ("điểm b khoản 2 Điều 4 ghi 'theo Điều 9', vậy Điều 9 ...": the asker
    reads điểm b khoản 2 Điều 4, which leads to Điều 9); None when it names one place, or
    the same twice."""
    return places[0] if len(places) > 1 and places[0] != places[-1] else None


def parse_references(text: str) -> list[Reference]:
    """Every place named, in order, each article with the khoản/điểm written within a few
    words of it and not beyond the article named before it."""
    folded = fold(text)
    # The point letter is read from the accented text so "điểm đ" stays "đ".
    typed = canonical(text)
    articles = list(_ARTICLE.finditer(folded))
    found: list[Reference] = []
    for i, article in enumerate(articles):
        floor = articles[i - 1].end() if i else 0
        ceiling = articles[i + 1].start() if i + 1 < len(articles) else len(folded)
        window_start = max(floor, article.start() - 40)
        window_end = min(ceiling, article.end() + 40)
        window = folded[window_start:window_end]
        clause = _CLAUSE.search(window)
        point = _POINT.search(typed[window_start:window_end]) if len(typed) == len(folded) else None
        point = point or _POINT.search(window)
        found.append(
            _numbered(
                Reference(
                    article=int(article.group(1)),
                    clause=int(clause.group(1)) if clause else None,
                    point=point.group(1) if point else None,
                    part=_part(folded, article),
                )
            )
        )
    return found


def _numbered(place: Reference) -> Reference:
    """ "điểm 2.3 Điều 2" where the document numbers its khoản "2.3.": khoản 3 of Điều 2."""
    if place.clause is None and place.point and "." in place.point:
        head, _, tail = place.point.partition(".")
        if head == str(place.article):
            return place.model_copy(update={"clause": int(tail), "point": None})
    return place


def _part(folded: str, article: re.Match[str]) -> str | None:
    after = folded[article.end() : article.end() + 30]
    before = folded[max(0, article.start() - 30) : article.start()]
    if re.match(r"\s*(cua\s+)?quyet dinh\b", after) or _DECISION_BEFORE.search(before):
        # "Điều 2 Quyết định 261", "Quyết định 261, Điều 2": the decision's own article
        return "decision"
    return None
