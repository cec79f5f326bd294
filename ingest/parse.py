"""Parse a regulation's text into Document → parts → articles → clauses → points.

Line based: a heading is recognised by its shape at the start of a line *and* by its
number following the previous one, so references such as "Điều 4 của Quy chế này" at
the start of a wrapped line are not taken for headings. A restart of article numbering
at 1 opens a new part (a decision with its attached regulation).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from ingest import structure as s
from ingest.errors import InputError
from ingest.load import read_source
from ingest.metadata import extract_meta, read_sidecar
from ingest.models import Article, Clause, Document, DocumentMeta, PageSpan, Part, Point, SourcePage
from ingest.normalize import clean_source, strip_diacritics
from ingest.ocr import PageProgress


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def content_start(self) -> int:
        return self.start + (len(self.text) - len(self.text.lstrip()))


@dataclass
class _ArticleDraft:
    number: int
    title: str
    title_span: tuple[int, int] | None
    heading: int  # line index
    chapter: str
    chapter_title: str
    section: str
    end_line: int = -1  # exclusive


@dataclass
class _PartDraft:
    explicit_title: str = ""
    preamble_start: int = 0  # char offset
    articles: list[_ArticleDraft] = field(default_factory=list)


def document_id_for(path: Path | str) -> str:
    """Stable id: the slug of the file name without its extension."""
    stem = Path(path).stem
    slug = re.sub(r"[^a-z0-9]+", "-", strip_diacritics(stem).lower()).strip("-")
    return slug or "tai-lieu"


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse_file(
    path: Path, data: bytes | None = None, on_page: PageProgress | None = None
) -> Document:
    """Read and parse one file; a sidecar ``<file>.meta.yaml|json`` overrides metadata."""
    source = read_source(path, data, on_page)
    try:
        doc = parse_text(
            source.text, source_file=path.name, overrides=read_sidecar(path), pages=source.pages
        )
    except InputError as exc:
        raise InputError(str(path), exc.reason) from None
    if source.warnings:
        doc = doc.model_copy(update={"warnings": source.warnings + doc.warnings})
    return doc


def parse_text(
    raw: str,
    source_file: str,
    *,
    document_id: str | None = None,
    overrides: dict[str, str] | None = None,
    pages: tuple[SourcePage, ...] = (),
    letter_gaps: bool = False,
) -> Document:
    """``pages``: a PDF's pages, whose joined text is ``raw``; given, the document keeps
    where each page lies, so text read by OCR can be told apart. ``letter_gaps``: the
    text is consolidated wording, where a repealed point's letter is missing ("a), b), d)")."""
    text, spans = _clean_pages(pages) if pages else (clean_source(raw), ())
    lines = _split_lines(text)
    parts, warnings = _scan(lines)
    if not any(p.articles for p in parts):
        raise InputError(
            source_file,
            "không tìm thấy tiêu đề “Điều …” nào: tài liệu không có cấu trúc điều, khoản",
        )
    part_ids = _name_parts(parts, text, lines)
    built: list[Part] = []
    for part, part_id in zip(parts, part_ids, strict=True):
        articles = tuple(
            _build_article(a, part_id, lines, text, letter_gaps) for a in part.articles
        )
        for article in articles:
            if not article.clauses:
                warnings.append(f"Điều {article.number} ({part_id}) không có nội dung")
        built.append(Part(id=part_id, title=part.explicit_title, articles=articles))

    main = next((p for p in built if p.id == "regulation"), built[-1])
    header_end = main.articles[0].start if main.articles else len(text)
    meta = extract_meta(text[:header_end])
    if overrides:
        meta = DocumentMeta.model_validate({**meta.model_dump(), **overrides})
    return Document(
        id=document_id or document_id_for(source_file),
        source_file=source_file,
        content_hash=content_hash(text),
        meta=meta,
        text=text,
        parts=tuple(built),
        warnings=tuple(warnings),
        pages=spans,
    )


def _clean_pages(pages: tuple[SourcePage, ...]) -> tuple[str, tuple[PageSpan, ...]]:
    """Clean page by page, so each page's span in the display text is known exactly."""
    spans: list[PageSpan] = []
    texts: list[str] = []
    offset = 0
    for page in pages:
        cleaned = clean_source(page.text)
        spans.append(
            PageSpan(number=page.number, start=offset, end=offset + len(cleaned), ocr=page.ocr)
        )
        texts.append(cleaned)
        offset += len(cleaned) + 1
    return "\n".join(texts), tuple(spans)


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    offset = 0
    for chunk in text.split("\n"):
        lines.append(_Line(offset, offset + len(chunk), chunk))
        offset += len(chunk) + 1
    return lines


def _next_nonblank(lines: list[_Line], i: int, stop: int | None = None) -> int | None:
    stop = len(lines) if stop is None else stop
    while i < stop:
        if not lines[i].blank:
            return i
        i += 1
    return None


def _scan(lines: list[_Line]) -> tuple[list[_PartDraft], list[str]]:
    """Find parts, chapters, sections and articles; set each article's end line."""
    parts = [_PartDraft()]
    warnings: list[str] = []
    chapter = chapter_title = section = ""
    current: _ArticleDraft | None = None
    consumed: set[int] = set()

    def close(at: int) -> None:
        nonlocal current
        if current is not None:
            current.end_line = at
            current = None

    for i, line in enumerate(lines):
        if i in consumed:
            continue
        text = line.text
        if s.END_OF_BODY.match(text):
            close(i)
            continue
        part_match = s.PART.match(text)
        if part_match and _is_heading_rest(part_match["rest"]):
            close(i)
            title = _heading_title(part_match, lines, i, consumed)
            label = f"Phần {part_match['num']}"
            parts.append(
                _PartDraft(
                    explicit_title=f"{label}. {title}" if title else label,
                    preamble_start=line.start,
                )
            )
            chapter = chapter_title = section = ""
            continue
        for pattern in (s.CHAPTER, s.SECTION):
            match = pattern.match(text)
            if match and _is_heading_rest(match["rest"]):
                close(i)
                title = _heading_title(match, lines, i, consumed)
                label = f"{match['kind'].capitalize()} {match['num']}"
                if pattern is s.CHAPTER:
                    chapter, chapter_title, section = label, title, ""
                else:
                    section = label
                break
        else:
            match = s.ARTICLE.match(text)
            if match is None:
                continue
            number = int(match["num"])
            rest, sep = match["rest"], match["sep"]
            well_formed = bool(sep) or not rest or rest[:1].isupper()
            part = parts[-1]
            last = part.articles[-1].number if part.articles else 0
            if number == last + 1 and well_formed:
                pass
            elif number == 1 and last > 0 and well_formed:
                parts.append(_PartDraft(preamble_start=_part_preamble_start(lines, part)))
                chapter = chapter_title = section = ""
            elif number > last + 1 and sep and number - last <= 3:
                warnings.append(f"thiếu Điều {last + 1}–{number - 1} trước Điều {number}")
            else:
                continue
            close(i)
            title = rest.rstrip(" .:;")
            title_span: tuple[int, int] | None = None
            if rest:
                rest_start = line.start + match.start("rest")
                title_span = (rest_start, rest_start + len(rest))
            current = _ArticleDraft(
                number=number,
                title=title,
                title_span=title_span,
                heading=i,
                chapter=chapter,
                chapter_title=chapter_title,
                section=section,
            )
            parts[-1].articles.append(current)
    close(len(lines))
    return [p for p in parts if p.articles or p.explicit_title], warnings


def _is_heading_rest(rest: str) -> bool:
    """A chapter/part heading's remainder starts a title, not a sentence ("Chương trình")."""
    return not rest or not rest[:1].islower()


def _heading_title(match: re.Match[str], lines: list[_Line], i: int, consumed: set[int]) -> str:
    if match["rest"]:
        return match["rest"].strip()
    j = _next_nonblank(lines, i + 1, min(len(lines), i + 4))
    if j is None:
        return ""
    candidate = lines[j].text.strip()
    if (
        s.ARTICLE.match(candidate)
        or s.CHAPTER.match(candidate)
        or s.SECTION.match(candidate)
        or len(candidate) > 200
    ):
        return ""
    consumed.add(j)
    return candidate


def _part_preamble_start(lines: list[_Line], previous: _PartDraft) -> int:
    last = previous.articles[-1]
    end = last.end_line if last.end_line >= 0 else last.heading + 1
    return lines[min(end, len(lines) - 1)].start


_DECISION_HEADING = re.compile(
    r"^[ \t]*(?:[A-ZĐÀ-Ỹ ,]+ )?QUYẾT ĐỊNH[ \t]*:?[ \t]*$|^[ \t]*QUYẾT ĐỊNH\b", re.M
)


def _name_parts(parts: list[_PartDraft], text: str, lines: list[_Line]) -> list[str]:
    """ "regulation" for a plain document; "decision" + "regulation" for a decision with
    an attached regulation; "part-N" for explicit Phần headings."""
    if len(parts) == 1:
        return ["regulation"]
    if any(p.explicit_title for p in parts):
        return [f"part-{k}" for k in range(1, len(parts) + 1)]
    ids: list[str] = []
    for k, part in enumerate(parts):
        first_article = lines[part.articles[0].heading].start
        preamble = text[part.preamble_start : first_article]
        if k == 0 and _DECISION_HEADING.search(preamble):
            ids.append("decision")
        elif "regulation" not in ids:
            ids.append("regulation")
        else:
            ids.append(f"part-{k + 1}")
    return ids


# --- articles, clauses, points -------------------------------------------------------


@dataclass
class _NodeDraft:
    start: int
    end: int
    kind: str = "clause"  # clause | sub | letter | paren | bullet
    key: str = ""
    number: int | None = None
    points: list[_NodeDraft] = field(default_factory=list)
    prefixed: bool = False  # numbered under its article ("12.1.")


def _build_article(
    draft: _ArticleDraft, part_id: str, lines: list[_Line], text: str, letter_gaps: bool = False
) -> Article:
    heading = lines[draft.heading]
    body = [line for line in lines[draft.heading + 1 : draft.end_line] if not line.blank]
    title = draft.title
    title_span = draft.title_span
    if not title and body and not _starts_item(body[0].text):
        title = body[0].text.strip().rstrip(" .:;")
        title_span = (body[0].content_start, body[0].end)
        body = body[1:]
    clauses = _clauses(body, text, draft.number, letter_gaps)
    if not clauses and title_span is not None:
        # The whole article is its heading line ("Điều 3. Văn phòng ... thi hành Quyết định này.").
        clauses = [_NodeDraft(start=title_span[0], end=_rstrip_end(text, title_span[1]))]
    end = body[-1].end if body else heading.end
    return Article(
        number=draft.number,
        title=title,
        part=part_id,
        chapter=draft.chapter,
        chapter_title=draft.chapter_title,
        section=draft.section,
        text=text[heading.content_start : _rstrip_end(text, end)],
        start=heading.content_start,
        end=_rstrip_end(text, end),
        clauses=tuple(_freeze_clause(c, text) for c in clauses),
    )


def _starts_item(text: str) -> bool:
    return bool(
        s.CLAUSE.match(text)
        or s.SUBCLAUSE.match(text)
        or s.LETTER_POINT.match(text)
        or s.PAREN_POINT.match(text)
        or s.BULLET.match(text)
    )


def _rstrip_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1] in " \t\n":
        end -= 1
    return end


def _clauses(
    body: list[_Line], text: str, article: int = 0, letter_gaps: bool = False
) -> list[_NodeDraft]:
    """Khoản with their points. Clauses numbered under their article ("12.1.", "12.2."
    in Điều 12) are khoản 1, 2: the first number repeats the article's."""
    clauses: list[_NodeDraft] = []
    intro: _NodeDraft | None = None
    current: _NodeDraft | None = None
    open_point: _NodeDraft | None = None
    last_letter: str | None = None
    last_paren = 0
    bullets = 0

    def container() -> _NodeDraft:
        nonlocal intro
        if current is not None:
            return current
        if intro is None:
            intro = _NodeDraft(start=body[0].content_start, end=body[0].end, number=None)
        return intro

    def new_point(kind: str, key: str, line: _Line) -> None:
        nonlocal open_point
        owner = container()
        open_point = _NodeDraft(start=line.content_start, end=line.end, kind=kind, key=key)
        owner.points.append(open_point)
        owner.end = line.end

    for line in body:
        raw = line.text
        clause = s.CLAUSE.match(raw)
        sub = s.SUBCLAUSE.match(raw)
        last_number = clauses[-1].number if clauses else 0
        if clause and not sub and int(clause["num"]) == (last_number or 0) + 1:
            current = _NodeDraft(start=line.content_start, end=line.end, number=int(clause["num"]))
            clauses.append(current)
            open_point, last_letter, last_paren, bullets = None, None, 0, 0
            continue
        if (
            sub
            and int(sub["num"]) == article
            and int(sub["sub"]) == (last_number or 0) + 1
            and (current is None or current.prefixed)
        ):
            current = _NodeDraft(
                start=line.content_start, end=line.end, number=int(sub["sub"]), prefixed=True
            )
            clauses.append(current)
            open_point, last_letter, last_paren, bullets = None, None, 0, 0
            continue
        if sub and current is not None and int(sub["num"]) == current.number:
            new_point("sub", f"{sub['num']}.{sub['sub']}", line)
            continue
        letter = s.LETTER_POINT.match(raw)
        if letter and s.letter_follows(last_letter, letter["letter"], gaps=letter_gaps):
            last_letter = letter["letter"]
            new_point("letter", last_letter, line)
            continue
        paren = s.PAREN_POINT.match(raw)
        if paren and int(paren["num"]) == last_paren + 1:
            last_paren += 1
            new_point("paren", f"({last_paren})", line)
            continue
        owner = container()
        owner.end = line.end
        if s.BULLET.match(raw):
            if open_point is not None and open_point.kind != "bullet":
                open_point.end = line.end
            else:
                bullets += 1
                new_point("bullet", f"-{bullets}", line)
            continue
        if open_point is not None:
            if open_point.kind == "bullet":
                open_point = None
            else:
                open_point.end = line.end
    result = ([intro] if intro is not None else []) + clauses
    if intro is not None and not clauses:
        return [intro]
    return result


def _freeze_clause(node: _NodeDraft, text: str) -> Clause:
    end = _rstrip_end(text, node.end)
    points = tuple(
        Point(
            id=p.key,
            text=text[p.start : _rstrip_end(text, p.end)],
            start=p.start,
            end=_rstrip_end(text, p.end),
        )
        for p in node.points
    )
    return Clause(
        number=node.number, text=text[node.start : end], start=node.start, end=end, points=points
    )
