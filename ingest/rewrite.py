"""Article-level text surgery for consolidation: parse one article's new wording with the
regulation parser, and move an article's offsets to its place in a rebuilt text."""

from __future__ import annotations

import re

from ingest.models import Article, Clause, Point
from ingest.parse import parse_text

REPEALED = "(Đã bãi bỏ)"
_HEADING = re.compile(r"^[ \t]*(?:Điều|ĐIỀU)[ \t]+\d{1,3}[a-zđ]?[ \t]*[.:\-–—]?[ \t]*", re.I)
_STAND_IN = "Điều 1. "  # a heading the parser always accepts, whatever the real number
_REPEALED_CLAUSE = re.compile(rf"^\d{{1,2}}\.[ \t]*{re.escape(REPEALED)}$")


def article_heading(key: tuple[int, str], title: str) -> str:
    number, suffix = key
    return f"Điều {number}{suffix}. {title}".rstrip()


def parse_article(text: str, key: tuple[int, str], *, repealed: bool = False) -> Article:
    """``text`` ("Điều 12a. Title\\n1. ...") as an Article whose offsets are relative to
    ``text``. The heading is parsed as "Điều 1." so an inserted "12a" or a number out of
    sequence is still a heading; repealed clauses stay in the text but are not clauses,
    and the points after a repealed point keep their letters ("a), b), d)")."""
    number, suffix = key
    heading = _HEADING.match(text)
    if heading is None:
        text = f"{article_heading(key, '')}\n{text}"
        heading = _HEADING.match(text)
        assert heading is not None
    if repealed:
        return Article(
            number=number,
            suffix=suffix,
            title=REPEALED,
            part="regulation",
            text=text,
            start=0,
            end=len(text),
        )
    parsed_doc = parse_text(
        _STAND_IN + text[heading.end() :], source_file="amendment", letter_gaps=True
    )
    # The parser cleans its input (NFC, markup): keep the text its offsets point into.
    text = text[: heading.end()] + parsed_doc.text[len(_STAND_IN) :]
    parsed = parsed_doc.articles[0]
    delta = heading.end() - len(_STAND_IN)
    article = shift_article(parsed, delta)
    clauses = tuple(c for c in article.clauses if not _REPEALED_CLAUSE.match(c.text))
    return article.model_copy(
        update={
            "number": number,
            "suffix": suffix,
            "start": 0,
            "text": text[: article.end],
            "clauses": clauses,
        }
    )


def shift_article(article: Article, delta: int) -> Article:
    """The same article ``delta`` characters further on in a rebuilt text."""
    if delta == 0:
        return article
    return article.model_copy(
        update={
            "start": article.start + delta,
            "end": article.end + delta,
            "clauses": tuple(_shift_clause(c, delta) for c in article.clauses),
        }
    )


def _shift_clause(clause: Clause, delta: int) -> Clause:
    return clause.model_copy(
        update={
            "start": clause.start + delta,
            "end": clause.end + delta,
            "points": tuple(_shift_point(p, delta) for p in clause.points),
        }
    )


def _shift_point(point: Point, delta: int) -> Point:
    return point.model_copy(update={"start": point.start + delta, "end": point.end + delta})
