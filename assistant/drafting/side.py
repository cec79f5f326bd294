"""One side of a comparison: a document's main part with its powers and rules by clause."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from assistant.citations import cite_as
from assistant.drafting.abbreviated import powers_read
from assistant.drafting.incidental import heading_words
from assistant.drafting.models import Place
from ingest.models import Article, Clause, Document
from ingest.powers import Power
from ingest.rules.extract import extract_rules
from ingest.rules.models import Rule

Key = tuple[int, int | None]


@dataclass(frozen=True)
class Side:
    doc: Document
    part: str
    articles: tuple[Article, ...]
    powers: dict[Key, list[Power]] = field(default_factory=dict)
    rules: dict[Key, list[Rule]] = field(default_factory=dict)
    heading: str = ""  # the words before the first article (incidental.heading_words)

    @classmethod
    def of(cls, doc: Document) -> Side:
        part = doc.main_part
        found = doc.part(part)
        articles = found.articles if found is not None else ()
        powers: dict[Key, list[Power]] = defaultdict(list)
        for p in powers_read(doc):
            if p.part == part:
                powers[(p.article, p.clause)].append(p)
        rules: dict[Key, list[Rule]] = defaultdict(list)
        for r in extract_rules(doc):
            if r.part == part:
                rules[(r.article, r.clause)].append(r)
        first = articles[0].start if articles else 0
        return cls(doc, part, articles, dict(powers), dict(rules), heading_words(doc.text, first))

    def article(self, number: int) -> Article | None:
        return next((a for a in self.articles if a.number == number and not a.suffix), None)

    def clause(self, place: Place) -> Clause | None:
        article = self.article(place.article)
        if article is None:
            return None
        return next((c for c in article.clauses if c.number == place.clause), None)

    def cite(self, place: Place | None, point: str | None = None) -> str:
        """The project's citation; ``point`` names a point of the clause (a Place stops at
        the clause: the point is said in the citation only)."""
        if place is None:
            return ""
        article = self.article(place.article)
        label = article.label if article is not None else str(place.article)
        return cite_as(self.doc, self.part, label, place.clause, point)
