"""An article's body read into khoản (clauses) and their points: "a)", "(1)", "2.1", "-"."""

from __future__ import annotations

from dataclasses import dataclass, field

from ingest import structure as s
from ingest.models import Article, Clause, Point
from ingest.outline import ArticleDraft, Line


@dataclass
class _NodeDraft:
    start: int
    end: int
    kind: str = "clause"  # clause | sub | letter | paren | bullet
    key: str = ""
    number: int | None = None
    points: list[_NodeDraft] = field(default_factory=list)
    prefixed: bool = False  # numbered under its article ("12.1.")


def build_article(
    draft: ArticleDraft, part_id: str, lines: list[Line], text: str, letter_gaps: bool = False
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
    body: list[Line], text: str, article: int = 0, letter_gaps: bool = False
) -> list[_NodeDraft]:
    """Khoản with their points. Clauses numbered under their article ("12.1.", "12.2."
    in Điều 12) are khoản 1, 2: the first number repeats the article's. ``letter_gaps``:
    consolidated wording, where a repealed point's letter is missing ("a), b), d)")."""
    reader = _ClauseReader(body, article, letter_gaps)
    for line in body:
        if not reader.clause_start(line) and not reader.point_start(line):
            reader.continuation(line)
    intro, clauses = reader.intro, reader.clauses
    result = ([intro] if intro is not None else []) + clauses
    if intro is not None and not clauses:
        return [intro]
    return result


class _ClauseReader:
    """The clauses read so far, the text before the first (``intro``), and the clause and
    point still open with the last letter, number and bullet count of its points."""

    def __init__(self, body: list[Line], article: int, letter_gaps: bool = False) -> None:
        self.body = body
        self.article = article
        self.letter_gaps = letter_gaps
        self.clauses: list[_NodeDraft] = []
        self.intro: _NodeDraft | None = None
        self.current: _NodeDraft | None = None
        self.open_point: _NodeDraft | None = None
        self.last_letter: str | None = None
        self.last_paren = 0
        self.bullets = 0

    def container(self) -> _NodeDraft:
        if self.current is not None:
            return self.current
        if self.intro is None:
            first = self.body[0]
            self.intro = _NodeDraft(start=first.content_start, end=first.end, number=None)
        return self.intro

    def new_point(self, kind: str, key: str, line: Line) -> None:
        owner = self.container()
        self.open_point = _NodeDraft(start=line.content_start, end=line.end, kind=kind, key=key)
        owner.points.append(self.open_point)
        owner.end = line.end

    def _open_clause(self, clause: _NodeDraft) -> None:
        self.current = clause
        self.clauses.append(clause)
        self.open_point, self.last_letter, self.last_paren, self.bullets = None, None, 0, 0

    def clause_start(self, line: Line) -> bool:
        """ "3. …" after khoản 2, or "12.3. …" after 12.2 in Điều 12: a new khoản."""
        clause = s.CLAUSE.match(line.text)
        sub = s.SUBCLAUSE.match(line.text)
        last_number = self.clauses[-1].number if self.clauses else 0
        if clause and not sub and int(clause["num"]) == (last_number or 0) + 1:
            self._open_clause(
                _NodeDraft(start=line.content_start, end=line.end, number=int(clause["num"]))
            )
            return True
        if (
            sub
            and int(sub["num"]) == self.article
            and int(sub["sub"]) == (last_number or 0) + 1
            and (self.current is None or self.current.prefixed)
        ):
            self._open_clause(
                _NodeDraft(
                    start=line.content_start, end=line.end, number=int(sub["sub"]), prefixed=True
                )
            )
            return True
        return False

    def point_start(self, line: Line) -> bool:
        """ "2.1", "a)", "(1)" in sequence: a new point of the open clause."""
        raw = line.text
        sub = s.SUBCLAUSE.match(raw)
        if sub and self.current is not None and int(sub["num"]) == self.current.number:
            self.new_point("sub", f"{sub['num']}.{sub['sub']}", line)
            return True
        letter = s.LETTER_POINT.match(raw)
        if letter and s.letter_follows(self.last_letter, letter["letter"], gaps=self.letter_gaps):
            self.last_letter = letter["letter"]
            self.new_point("letter", self.last_letter, line)
            return True
        paren = s.PAREN_POINT.match(raw)
        if paren and int(paren["num"]) == self.last_paren + 1:
            self.last_paren += 1
            self.new_point("paren", f"({self.last_paren})", line)
            return True
        return False

    def continuation(self, line: Line) -> None:
        """Any other line extends the open clause; a bullet opens a point unless it
        continues a lettered or numbered one."""
        owner = self.container()
        owner.end = line.end
        if s.BULLET.match(line.text):
            if self.open_point is not None and self.open_point.kind != "bullet":
                self.open_point.end = line.end
            else:
                self.bullets += 1
                self.new_point("bullet", f"-{self.bullets}", line)
            return
        if self.open_point is not None:
            if self.open_point.kind == "bullet":
                self.open_point = None
            else:
                self.open_point.end = line.end


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
