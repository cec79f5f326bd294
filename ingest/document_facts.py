"""What a regulation says about itself, each fact with a verbatim quote and where it stands.

Questions about the document ("who signed it", "when does it take effect", "what does it
replace") are answered from its header, its closing articles and its signature block, not
from whichever clause shares the most words. The header and the signature sit outside
any article, so their facts carry ``place`` instead of an article number.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Literal

from pydantic import BaseModel, ConfigDict

from ingest.metadata import attached_to_decision, enacts, line_date
from ingest.models import Article, Document
from ingest.normalize import fold
from ingest.rules.blanks import find_blanks
from ingest.rules.text import sentences

DocumentAttribute = Literal[
    "number",
    "issuer",
    "date",
    "signer",
    "governed_body",
    "effect",
    "replaces",
    "amendment",
    "term",
    "basis",
    "outline",
]
Place = Literal["header", "article", "signature"]

_DATE_LINE = re.compile(r"\bngay\b.{0,16}\bthang\b.{0,16}\bnam\b")
_NUMBER_LINE = re.compile(r"^\W*so\b\s*:?")
_SIGNING = re.compile(r"^\W*(?:t/m|tm\.|k/t|kt\.|q\.|thay mat)\s*\w")
# the kind of a document and its number, a few words of its name between them
# ("Quy chế làm việc tạm thời số 04-QC/ĐU")
_REFERRED_DOCUMENT = re.compile(
    r"\b(?:quy che|quyet dinh|quy dinh|nghi quyet)(?:\s+[a-z]+){0,4}?\s+so\b"
)
_THIS_DOCUMENT = re.compile(r"\b(?:quy che|quyet dinh|van ban)(?: lam viec)? nay\b")
# the regulation as the object amended, within a few words; or an amendment decided
_AMENDS_THIS = re.compile(r"\bsua doi\b.{0,40}\bquy che\b")
_DECIDES = re.compile(r"\b(?:quyet dinh|tham quyen|xem xet)\b")
_BASIS = re.compile(r"^\W*can cu\b")  # "- Căn cứ Quy định số ...": another document
_TERM = re.compile(r"\b(?:khoa|nhiem ky)\b")
_NAME_WORDS = re.compile(r"^[A-ZĐÀ-Ỹ][^\s]*(?:\s+[A-ZĐÀ-Ỹ][^\s]*){0,5}$")


class DocumentFact(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    attribute: DocumentAttribute
    value: str  # in words; "" where the document leaves it blank or does not say
    quote: str  # a verbatim slice of the document's text
    start: int
    place: Place
    part: str = ""
    article: int | None = None
    clause: int | None = None
    unspecified: bool = False


def _lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-empty line in text[start:end], stripped of spaces and '*'."""
    pos = start
    for raw in text[start:end].split("\n"):
        left = len(raw) - len(raw.lstrip(" \t*\u00a0"))
        right = len(raw.rstrip(" \t*\u00a0"))
        if right > left:
            yield pos + left, pos + right
        pos += len(raw) + 1


def _outside_articles(doc: Document) -> list[tuple[Place, int, int]]:
    """The header before each part's first article, the closing text after its last."""
    parts = [p for p in doc.parts if p.articles]
    regions: list[tuple[Place, int, int]] = []
    for i, part in enumerate(parts):
        previous_end = parts[i - 1].articles[-1].end if i else 0
        regions.append(("header", previous_end, part.articles[0].start))
        following = parts[i + 1].articles[0].start if i + 1 < len(parts) else len(doc.text)
        regions.append(("signature", part.articles[-1].end, following))
    return regions


def _line_fact(
    doc: Document, attribute: DocumentAttribute, span: tuple[int, int], value: str, place: Place
) -> DocumentFact:
    """A fact read from a header line; a number or date line with a blank is unspecified."""
    quote = doc.text[span[0] : span[1]]
    blank = not value or (attribute in ("number", "date", "term") and bool(find_blanks(quote)))
    return DocumentFact(
        attribute=attribute,
        value="" if blank else value,
        quote=quote,
        start=span[0],
        place=place,
        unspecified=blank,
    )


def _first(folded: list[str], test: Callable[[str], bool]) -> int | None:
    return next((i for i, f in enumerate(folded) if test(f)), None)


def _header_facts(doc: Document, start: int, end: int) -> list[DocumentFact]:
    lines = list(_lines(doc.text, start, end))
    folded = [" ".join(fold(doc.text[s:e]).split()) for s, e in lines]
    found = [
        *_dated_facts(doc, lines, folded),
        *_issuer_facts(doc, lines, folded),
        *_title_facts(doc, lines, folded),
        # "- Căn cứ Quy định số ...": the documents it is issued on, each line its own
        *(
            _line_fact(doc, "basis", line, " ".join(doc.text[line[0] : line[1]].split()), "header")
            for line, f in zip(lines, folded, strict=True)
            if _BASIS.match(f)
        ),
    ]
    return [
        f
        for i, f in enumerate(found)
        if (f.attribute, f.quote) not in {(g.attribute, g.quote) for g in found[:i]}
    ]


def _dated_facts(
    doc: Document, lines: list[tuple[int, int]], folded: list[str]
) -> list[DocumentFact]:
    """Number and date: the regulation's own ("Số 07-QC/ĐU", "..., ngày 05 tháng 3 ..."), and
    those of the decision it is attached to ("Kèm theo Quyết định số ..., ngày ...")."""
    meta, facts = doc.meta, []
    number = fold(meta.number)
    written = [doc.text[s:e] for s, e in lines]
    dated = [bool(meta.date_issued) and line_date(w) == meta.date_issued for w in written]
    attached = next((i for i, w in enumerate(written) if attached_to_decision(w)), None)
    own = _first(folded, lambda f: bool(number) and number in f)
    for at in dict.fromkeys(
        x for x in (own, _first(folded, lambda f: bool(_NUMBER_LINE.search(f))), attached)
    ):
        if at is not None:
            value = meta.number if number and number in folded[at] else ""
            facts.append(_line_fact(doc, "number", lines[at], value, "header"))
    own = next((i for i, f in enumerate(folded) if dated[i] and not _BASIS.match(f)), None)
    for at in dict.fromkeys(
        x for x in (own, _first(folded, lambda f: bool(_DATE_LINE.search(f))), attached)
    ):
        if at is not None:
            value = meta.date_issued if dated[at] else ""
            facts.append(_line_fact(doc, "date", lines[at], value, "header"))
    return facts


def _issuer_facts(
    doc: Document, lines: list[tuple[int, int]], folded: list[str]
) -> list[DocumentFact]:
    issuer = fold(doc.meta.issuing_body)

    def names_issuer(f: str) -> bool:
        short = len(f) <= len(issuer) + 24 or "ban hanh" in f
        return bool(issuer) and len(f) >= 6 and (f in issuer or (issuer in f and short))

    # the enacting formula ("Đảng ủy xã A ... ban hành Quy chế ...") names the
    # issuing body in full; the header's first lines, often abbreviated, otherwise
    at = next(
        (
            i
            for i, (s, e) in enumerate(lines)
            if enacts(doc.text[s:e]) and not _BASIS.match(folded[i])
        ),
        None,
    )
    if at is None:
        at = _first(folded, names_issuer)
    if at is None:
        return []
    return [_line_fact(doc, "issuer", lines[at], doc.meta.issuing_body, "header")]


def _title_facts(
    doc: Document, lines: list[tuple[int, int]], folded: list[str]
) -> list[DocumentFact]:
    """The body the regulation governs (its title) and its term ("khóa XIV, nhiệm kỳ ...")."""
    meta, facts = doc.meta, []
    at = _first(folded, lambda f: f.startswith("quy che"))
    if at is not None:
        # the title may run over the next lines ("QUY CHẾ" / "làm việc của ..." / "khóa ...")
        span = (lines[at][0], lines[min(len(lines) - 1, at + 2)][1])
        facts.append(_line_fact(doc, "governed_body", span, meta.governed_body, "header"))
    years = meta.term_years and f"nhiệm kỳ {meta.term_years}"
    term = ", ".join(x for x in (meta.term, years) if x)
    first = at or 0
    where = _first(folded[first:], lambda f: bool(_TERM.search(f)) and not _BASIS.match(f))
    if where is not None:
        facts.append(_line_fact(doc, "term", lines[first + where], term, "header"))
    return facts


def _signature_facts(doc: Document, start: int, end: int) -> list[DocumentFact]:
    """ "T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ / (name)": the capitalised role lines, then a name."""
    lines = _signature_column(doc.text, list(_lines(doc.text, start, end)))
    for i, (s, _) in enumerate(lines):
        if not _SIGNING.search(fold(doc.text[s : lines[i][1]])):
            continue
        last = i
        while last + 1 < len(lines) and doc.text[lines[last + 1][0] : lines[last + 1][1]].isupper():
            last += 1
        role = " ".join(
            " ".join(doc.text[a:b] for a, b in lines[i : last + 1]).replace("*", " ").split()
        )
        name = ""
        if last + 1 < len(lines):
            candidate = doc.text[lines[last + 1][0] : lines[last + 1][1]]
            if _NAME_WORDS.match(candidate) and not candidate.isupper():
                name, last = candidate, last + 1
        return [
            DocumentFact(
                attribute="signer",
                value=f"{name} ({role})" if name else "",
                quote=doc.text[lines[i][0] : lines[last][1]],
                start=lines[i][0],
                place="signature",
                unspecified=not name,
            )
        ]
    return []


def _signature_column(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The signature's lines; where it stands in a column of its own beside the list of
    recipients ("Nơi nhận: <tab> T/M ĐẢNG ỦY"), the cells after the tab, without a
    "(đã ký)" between role and name."""
    cells = [(s + text[s:e].rindex("\t") + 1, e) for s, e in lines if "\t" in text[s:e]]
    cells = [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in cells]
    if not any(_SIGNING.search(fold(text[s:e])) for s, e in cells):
        return lines
    return [(s, e) for s, e in cells if s < e and not text[s:e].startswith("(")]


def _article_sentences(article: Article) -> Iterator[tuple[int | None, int, int]]:
    """The heading line ("Điều 27: Quy chế này có hiệu lực ...") and every sentence."""
    heading = article.text.split("\n", 1)[0].rstrip()
    yield None, article.start, article.start + len(heading)
    for clause in article.clauses or ():
        for span in sentences(clause.text):
            yield clause.number, clause.start + span.start, clause.start + span.end
    if not article.clauses:
        for span in sentences(article.text):
            yield None, article.start + span.start, article.start + span.end


def _unit_end(article: Article, clause: int | None) -> int:
    unit = next((c for c in article.clauses if c.number == clause), None)
    return unit.end if unit is not None else article.end


def _closing_facts(doc: Document) -> list[DocumentFact]:
    """Effect, what it replaces and who may amend it: the last articles that say so."""
    facts: dict[DocumentAttribute, DocumentFact] = {}
    for article in reversed(doc.articles):
        for clause, s, e in _article_sentences(article):
            folded = fold(doc.text[s:e])
            found: list[DocumentAttribute] = []
            if "hieu luc" in folded and _THIS_DOCUMENT.search(folded):
                found.append("effect")
            if re.search(r"\b(?:thay the|bai bo)\b", folded) and _REFERRED_DOCUMENT.search(folded):
                found.append("replaces")
            closing = article is doc.articles[-1]
            if _AMENDS_THIS.search(folded) or (
                "sua doi" in folded and _DECIDES.search(folded) and ("quy che" in folded or closing)
            ):
                found.append("amendment")
            for attribute in found:
                # who amends, and how, often runs on to the end of its clause
                stop = _unit_end(article, clause) if attribute == "amendment" else e
                value = _referred(doc.text[s:e]) if attribute == "replaces" else ""
                facts.setdefault(
                    attribute,
                    DocumentFact(
                        attribute=attribute,
                        value=value,
                        quote=doc.text[s:stop].rstrip(),
                        start=s,
                        place="article",
                        part=article.part,
                        article=article.number,
                        clause=clause,
                    ),
                )
    return list(facts.values())


def _referred(sentence: str) -> str:
    """The document a closing sentence replaces, by its number and date in the form people
    write ("Quy chế số 02-QC/ĐU, ngày 15/1/2021"); "" when it gives no number."""
    folded = fold(sentence)
    found = _REFERRED_DOCUMENT.search(folded)
    if found is None or len(folded) != len(sentence):
        return ""
    rest = sentence[found.end() :]
    number = re.match(r"\s*([\w./-]*\d[\w./-]*)", rest)
    if number is None:
        return ""
    named = f"{sentence[found.start() : found.end()]} {number.group(1).rstrip('.,')}"
    iso = line_date(rest[number.end() :])
    if not iso:
        return named
    year, month, day = (int(p) for p in iso.split("-"))
    return f"{named}, ngày {day}/{month}/{year}"


def _outline_fact(doc: Document) -> list[DocumentFact]:
    """How many chapters and articles the main part has, read from its structure and
    quoted by its last article's heading ("6 chương, 20 điều")."""
    part = doc.part(doc.main_part)
    if part is None or not part.articles:
        return []
    chapters = list(dict.fromkeys(a.chapter for a in part.articles if a.chapter))
    last = part.articles[-1]
    heading = last.text.split("\n", 1)[0].rstrip()
    counted = f"{len(chapters)} chương, " if chapters else ""
    return [
        DocumentFact(
            attribute="outline",
            value=f"{counted}{len(part.articles)} điều",
            quote=heading,
            start=last.start,
            place="article",
            part=last.part,
            article=last.number,
        )
    ]


def document_facts(doc: Document) -> tuple[DocumentFact, ...]:
    """Every fact found, header ones first; a template's blank comes back ``unspecified``."""
    facts: list[DocumentFact] = []
    for place, start, end in _outside_articles(doc):
        if place == "header":
            facts += _header_facts(doc, start, end)
        else:
            facts += _signature_facts(doc, start, end)
    facts += _closing_facts(doc)
    facts += _outline_fact(doc)
    return tuple(facts)
