"""Typed models that pass between the ingest stages and everything built on them.

Offsets (``start``/``end``) are character offsets into ``Document.text``: the decoded,
NFC-normalised source with markdown markup and converter artefacts removed. Every
quote shown to a user is a slice of that text, so it can be checked verbatim.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Level = Literal["", "central", "province", "district", "commune", "bloc", "caucus"]
Status = Literal["", "in_force", "template", "draft"]

LEVEL_LABELS: dict[str, str] = {
    "central": "Trung ương",
    "province": "cấp tỉnh",
    "district": "cấp huyện",
    "commune": "cấp xã/cơ sở",
    "bloc": "đảng ủy khối",
    "caucus": "ban cán sự đảng",
}
STATUS_LABELS: dict[str, str] = {
    "in_force": "đang có hiệu lực",
    "template": "quy chế mẫu",
    "draft": "dự thảo",
}


class _Fact(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DocumentMeta(_Fact):
    """What a document says about itself; empty strings where it says nothing."""

    title: str = ""
    number: str = ""
    issuing_body: str = ""
    governed_body: str = ""
    level: Level = ""
    term: str = ""
    term_years: str = ""
    province: str = ""
    date_issued: str = ""  # ISO date, yyyy-mm-dd
    status: Status = ""


class Span(_Fact):
    start: int
    end: int


class Point(_Fact):
    """điểm: "a", "b", "đ", "(1)", a sub-clause "1.1", or a bullet "-1", "-2"."""

    id: str
    text: str
    start: int
    end: int


class Clause(_Fact):
    """khoản. ``number`` is None for an article's unnumbered lead-in text."""

    number: int | None
    text: str
    start: int
    end: int
    points: tuple[Point, ...] = ()

    def point(self, point_id: str) -> Point | None:
        return next((p for p in self.points if p.id == point_id), None)


class Article(_Fact):
    """Điều, with the part and chapter it belongs to. ``suffix`` is the letter of an
    article an amending decision inserts ("Điều 12a"): empty for every original one."""

    number: int
    suffix: str = ""
    title: str
    part: str
    chapter: str = ""  # e.g. "Chương II"
    chapter_title: str = ""
    section: str = ""  # e.g. "Mục 1"
    text: str  # the whole article, heading included
    start: int
    end: int
    clauses: tuple[Clause, ...] = ()

    def clause(self, number: int) -> Clause | None:
        return next((c for c in self.clauses if c.number == number), None)

    @property
    def label(self) -> str:
        """ "12" or "12a": what follows "Điều" in a citation."""
        return f"{self.number}{self.suffix}"

    @property
    def numbered_clauses(self) -> tuple[Clause, ...]:
        return tuple(c for c in self.clauses if c.number is not None)


class Part(_Fact):
    """A document part: "decision" + "regulation" for a decision with an attached
    regulation, "regulation" for a plain regulation, "part-N" for explicit Phần headings."""

    id: str
    title: str = ""
    articles: tuple[Article, ...] = ()


class SourcePage(_Fact):
    """One page of a PDF as read: its text layer, or OCR where it had none."""

    number: int  # 1-based
    text: str
    ocr: bool = False


class SourceText(_Fact):
    """A file's text as read, before parsing. A PDF keeps its pages so that text read
    by OCR stays marked; ``warnings`` name pages that could not be read."""

    text: str
    pages: tuple[SourcePage, ...] = ()
    warnings: tuple[str, ...] = ()


class PageSpan(_Fact):
    """Where a PDF page lies in ``Document.text``, and whether OCR read it."""

    number: int
    start: int
    end: int
    ocr: bool = False


class AmendmentRef(_Fact):
    """The decision that changed an article, as a citation names it."""

    document_id: str
    number: str = ""
    title: str = ""
    date_issued: str = ""  # ISO date
    effective: str = ""  # ISO date the change takes effect; "" when the decision says none


ChangeKind = Literal["original", "replaced", "repealed", "added"]


class ArticleVersion(_Fact):
    """One wording of an article and the day it took effect ("" = since the regulation)."""

    text: str
    kind: ChangeKind
    effective: str = ""
    amended_by: AmendmentRef | None = None
    change: str = ""  # e.g. "sửa đổi khoản 2", "bãi bỏ khoản 3"


class ArticleHistory(_Fact):
    """Every wording an amended article has had, oldest first; the last is in force."""

    number: int
    suffix: str = ""
    versions: tuple[ArticleVersion, ...]

    @property
    def label(self) -> str:
        return f"{self.number}{self.suffix}"


class Document(_Fact):
    """A parsed document. ``history`` is filled only on a consolidated regulation (one
    that amending decisions changed); ``amends`` on an amending decision names its target."""

    id: str
    source_file: str
    content_hash: str
    meta: DocumentMeta
    text: str
    parts: tuple[Part, ...]
    warnings: tuple[str, ...] = ()
    pages: tuple[PageSpan, ...] = ()  # PDFs only

    def read_by_ocr(self, start: int, end: int) -> bool:
        """True when text[start:end] overlaps a page read by OCR: quote it with care."""
        return any(p.ocr and p.start < max(end, start + 1) and start < p.end for p in self.pages)

    history: tuple[ArticleHistory, ...] = ()
    amends: str = ""

    @property
    def articles(self) -> tuple[Article, ...]:
        return tuple(a for p in self.parts for a in p.articles)

    def part(self, part_id: str) -> Part | None:
        return next((p for p in self.parts if p.id == part_id), None)

    @property
    def main_part(self) -> str:
        """The part users mean when they say "Điều 3" without naming one."""
        ids = [p.id for p in self.parts]
        return "regulation" if "regulation" in ids else ids[-1]

    def article(self, number: int, part: str | None = None, suffix: str = "") -> Article | None:
        wanted = part or self.main_part
        return next(
            (
                a
                for p in self.parts
                if p.id == wanted
                for a in p.articles
                if a.number == number and a.suffix == suffix
            ),
            None,
        )

    def article_history(self, number: int, suffix: str = "") -> ArticleHistory | None:
        return next((h for h in self.history if (h.number, h.suffix) == (number, suffix)), None)


ChunkMetaValue = str | int | float | bool


class Chunk(_Fact):
    """One retrievable unit: a clause, or a whole article that has no clauses."""

    id: str
    document_id: str
    document_title: str
    part: str
    chapter: str
    article: int
    article_title: str
    clause: int | None
    text: str  # verbatim display text of the clause (a slice of Document.text)
    start: int
    end: int
    meta: DocumentMeta
    points: tuple[Point, ...] = ()
    index_text: str = Field(default="", description="tone-canonical text for indexing")
    ocr: bool = False  # read from a scanned page: check against the original
    article_suffix: str = ""  # "a" for an inserted "Điều 12a"

    @property
    def context(self) -> str:
        """The header the embedder and the lexical index see in front of the text."""
        clause = f", khoản {self.clause}" if self.clause is not None else ""
        label = f"{self.article}{self.article_suffix}"
        return f"{self.document_title}. Điều {label}{clause}. {self.article_title}"

    def flat_metadata(self) -> dict[str, ChunkMetaValue]:
        """Scalars only: chromadb rejects None and lists."""
        m = self.meta
        return {
            "document_id": self.document_id,
            "title": m.title,
            "number": m.number,
            "issuing_body": m.issuing_body,
            "governed_body": m.governed_body,
            "level": m.level,
            "term": m.term,
            "term_years": m.term_years,
            "province": m.province,
            "status": m.status,
            "date_issued": m.date_issued,
            "part": self.part,
            "chapter": self.chapter,
            "article": self.article,
            "article_title": self.article_title,
            "clause": self.clause if self.clause is not None else -1,
            "point": "",
            "start": self.start,
            "end": self.end,
        }
