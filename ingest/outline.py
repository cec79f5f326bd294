"""The outline of a regulation's text: its lines, and the parts, chapters, sections and
articles their headings open.

Line based: a heading is recognised by its shape at the start of a line *and* by its
number following the previous one, so references such as "Điều 4 của Quy chế này" at
the start of a wrapped line are not taken for headings. A restart of article numbering
at 1 opens a new part (a decision with its attached regulation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest import structure as s


@dataclass(frozen=True)
class Line:
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
class ArticleDraft:
    number: int
    title: str
    title_span: tuple[int, int] | None
    heading: int  # line index
    chapter: str
    chapter_title: str
    section: str
    end_line: int = -1  # exclusive


@dataclass
class PartDraft:
    explicit_title: str = ""
    preamble_start: int = 0  # char offset
    articles: list[ArticleDraft] = field(default_factory=list)


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    offset = 0
    for chunk in text.split("\n"):
        lines.append(Line(offset, offset + len(chunk), chunk))
        offset += len(chunk) + 1
    return lines


def _next_nonblank(lines: list[Line], i: int, stop: int | None = None) -> int | None:
    stop = len(lines) if stop is None else stop
    while i < stop:
        if not lines[i].blank:
            return i
        i += 1
    return None


def scan(lines: list[Line]) -> tuple[list[PartDraft], list[str]]:
    """Find parts, chapters, sections and articles; set each article's end line."""
    outline = _Outline(lines)
    for i, line in enumerate(lines):
        if i in outline.consumed:
            continue
        if s.END_OF_BODY.match(line.text):
            outline.close(i)
            continue
        if outline.part_heading(i, line) or outline.division_heading(i, line):
            continue
        outline.article_heading(i, line)
    outline.close(len(lines))
    return [p for p in outline.parts if p.articles or p.explicit_title], outline.warnings


class _Outline:
    """The parts and articles found so far, and where the scan stands: the chapter and
    section it is in, the article still open, the lines already read as titles."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.parts = [PartDraft()]
        self.warnings: list[str] = []
        self.chapter = self.chapter_title = self.section = ""
        self.current: ArticleDraft | None = None
        self.consumed: set[int] = set()

    def close(self, at: int) -> None:
        if self.current is not None:
            self.current.end_line = at
            self.current = None

    def part_heading(self, i: int, line: Line) -> bool:
        """ "Phần I. …": a new part, outside any chapter."""
        part_match = s.PART.match(line.text)
        if not (part_match and _is_heading_rest(part_match["rest"])):
            return False
        self.close(i)
        title = _heading_title(part_match, self.lines, i, self.consumed)
        label = f"Phần {part_match['num']}"
        self.parts.append(
            PartDraft(
                explicit_title=f"{label}. {title}" if title else label,
                preamble_start=line.start,
            )
        )
        self.chapter = self.chapter_title = self.section = ""
        return True

    def division_heading(self, i: int, line: Line) -> bool:
        """ "Chương II. …" or "Mục 1. …": the chapter or section the next articles are in."""
        for pattern in (s.CHAPTER, s.SECTION):
            match = pattern.match(line.text)
            if match and _is_heading_rest(match["rest"]):
                self.close(i)
                title = _heading_title(match, self.lines, i, self.consumed)
                label = f"{match['kind'].capitalize()} {match['num']}"
                if pattern is s.CHAPTER:
                    self.chapter, self.chapter_title, self.section = label, title, ""
                else:
                    self.section = label
                return True
        return False

    def article_heading(self, i: int, line: Line) -> None:
        """ "Điều 5. …" when its number follows the previous article's (or restarts at 1,
        opening a new part); a small gap is kept with a warning."""
        match = s.ARTICLE.match(line.text)
        if match is None:
            return
        number = int(match["num"])
        rest, sep = match["rest"], match["sep"]
        well_formed = bool(sep) or not rest or rest[:1].isupper()
        part = self.parts[-1]
        last = part.articles[-1].number if part.articles else 0
        if number == last + 1 and well_formed:
            pass
        elif number == 1 and last > 0 and well_formed:
            self.parts.append(PartDraft(preamble_start=_part_preamble_start(self.lines, part)))
            self.chapter = self.chapter_title = self.section = ""
        elif number > last + 1 and sep and number - last <= 3:
            self.warnings.append(f"thiếu Điều {last + 1}–{number - 1} trước Điều {number}")
        else:
            return
        self.close(i)
        title_span: tuple[int, int] | None = None
        if rest:
            rest_start = line.start + match.start("rest")
            title_span = (rest_start, rest_start + len(rest))
        self.current = ArticleDraft(
            number=number,
            title=rest.rstrip(" .:;"),
            title_span=title_span,
            heading=i,
            chapter=self.chapter,
            chapter_title=self.chapter_title,
            section=self.section,
        )
        self.parts[-1].articles.append(self.current)


def _is_heading_rest(rest: str) -> bool:
    """A chapter/part heading's remainder starts a title, not a sentence ("Chương trình")."""
    return not rest or not rest[:1].islower()


def _heading_title(match: re.Match[str], lines: list[Line], i: int, consumed: set[int]) -> str:
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


def _part_preamble_start(lines: list[Line], previous: PartDraft) -> int:
    last = previous.articles[-1]
    end = last.end_line if last.end_line >= 0 else last.heading + 1
    return lines[min(end, len(lines) - 1)].start


_DECISION_HEADING = re.compile(
    r"^[ \t]*(?:[A-ZĐÀ-Ỹ ,]+ )?QUYẾT ĐỊNH[ \t]*:?[ \t]*$|^[ \t]*QUYẾT ĐỊNH\b", re.M
)


def name_parts(parts: list[PartDraft], text: str, lines: list[Line]) -> list[str]:
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
