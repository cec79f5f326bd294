"""Structural references typed by people: "khoản 2 Điều 14", "dieu 14 khoan 2", "điểm a khoản 1 Điều 3"."""

from __future__ import annotations

import re

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
    folded = fold(text)
    articles = list(_ARTICLE.finditer(folded))
    if not articles:
        return None
    article = articles[-1]
    # khoản/điểm belong to this article when written within a few words of it, and not
    # beyond the article named before it
    floor = articles[-2].end() if len(articles) > 1 else 0
    window_start = max(floor, article.start() - 40)
    window = folded[window_start : article.end() + 40]
    clause = _CLAUSE.search(window)
    # The point letter is read from the accented text so "điểm đ" stays "đ".
    typed = canonical(text)
    point = _POINT.search(typed[window_start:]) if len(typed) == len(folded) else None
    point = point or _POINT.search(window)
    part = None
    after = folded[article.end() : article.end() + 30]
    before = folded[max(0, article.start() - 30) : article.start()]
    if re.match(r"\s*(cua\s+)?quyet dinh\b", after) or _DECISION_BEFORE.search(before):
        # "Điều 2 Quyết định 261", "Quyết định 261, Điều 2": the decision's own article
        part = "decision"
    return Reference(
        article=int(article.group(1)),
        clause=int(clause.group(1)) if clause else None,
        point=point.group(1) if point else None,
        part=part,
    )
