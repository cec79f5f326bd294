"""The regulation's own header compared: the body that issues it, its number and its name,
as printed above the first article (after the decision that attaches a model, if any). A
model's blank there filled in the draft is ``blank_filled`` (one still blank is not
said: a draft's header is filled last), a field written otherwise ``reworded``. A field printed on one side only
is not said: drafts lay their headers out in many ways."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.citations import document_label
from assistant.drafting.checks import Finding
from assistant.drafting.marks import is_blank
from assistant.drafting.models import Difference
from assistant.drafting.side import Side
from ingest.metadata import TEMPLATE_WORD
from ingest.normalize import collapse_spaces, fold

_BLANK = re.compile(r"\.{2,}|…")
_WORD = re.compile(r"\w+")
_NUMBER = re.compile(r"^Số\b[ \t]*[:.]?")
_NAME = re.compile(r"^QUY (?:CHẾ|ĐỊNH)\b")
_PREAMBLE = re.compile(r"^(?:[-–+•][ \t]*)?(?:Căn cứ|Xét đề nghị|Theo đề nghị)|^Chương\b", re.I)
_ORGAN = re.compile(r"ỦY|UỶ|ĐẢNG BỘ|CHI BỘ|BAN ")
_COUNTRY = "CỘNG SẢN VIỆT NAM"
# what the field is called, in the detail
_FIELDS = {"issuing_body": "Cơ quan ban hành", "number": "Số", "name": "Tên quy chế"}


@dataclass(frozen=True)
class Header:
    issuing_body: str = ""
    number: str = ""
    name: str = ""


def header_lines(side: Side) -> list[str]:
    """The lines above the first article of the side's part, after any earlier part."""
    if not side.articles:
        return []
    first = side.articles[0].start
    earlier = [
        a.end for p in side.doc.parts if p.id != side.part for a in p.articles if a.end <= first
    ]
    text = side.doc.text[max(earlier, default=0) : first]
    lines = [collapse_spaces(line.strip()) for line in text.split("\n")]
    return [line for line in lines if line]


def read_header(lines: list[str]) -> Header:
    """The issuing body (the last organ line printed above the number), the number and
    the name (the last "QUY CHẾ ..." heading with the lines that continue it)."""
    before = next((k for k, line in enumerate(lines) if _PREAMBLE.match(line)), len(lines))
    lines = lines[:before]
    at_number = next((k for k, line in enumerate(lines) if _NUMBER.match(line)), None)
    number = _NUMBER.sub("", lines[at_number]).strip() if at_number is not None else ""
    organs = [
        line
        for line in lines[: at_number if at_number is not None else len(lines)]
        if _COUNTRY not in line and _ORGAN.search(line) and _capitals(line)
    ]
    starts = [k for k, line in enumerate(lines) if _NAME.match(line)]
    name = ""
    if starts:
        block = [lines[starts[-1]]]
        for line in lines[starts[-1] + 1 :]:
            if line.startswith(("(", "-", "*", "“", '"')) or _NUMBER.match(line):
                break
            block.append(line)
        name = " ".join(block)
    return Header(organs[-1] if organs else "", number, name)


def _capitals(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8


def header_differences(model: Side, draft: Side) -> list[Difference]:
    m, d = read_header(header_lines(model)), read_header(header_lines(draft))
    found: list[Difference] = []
    for field, label in _FIELDS.items():
        finding = _field(label, getattr(m, field), getattr(d, field))
        if finding is not None:
            found.append(
                Difference(
                    kind=finding.kind,
                    model=None,
                    draft=None,
                    old=finding.old,
                    new=finding.new,
                    model_cite_as=f"phần đầu {document_label(model.doc, model.part)}",
                    draft_cite_as=f"phần đầu {document_label(draft.doc, draft.part)}",
                    detail=finding.detail,
                    model_text=finding.old,
                    draft_text=finding.new,
                )
            )
    return found


def _field(label: str, old: str, new: str) -> Finding | None:
    if not old or not new:
        return None
    if _words(old) == _words(new):
        return None  # the same, or its blanks still blank (a draft's header is filled last)
    filled = not _BLANK.search(new) and not is_blank(new)
    if _BLANK.search(old) and filled and _kept(old, new):
        return Finding("blank_filled", old, new, f"{label} được điền: “{old}” → “{new}”.")
    return Finding("reworded", old, new, f"{label} được viết lại: “{old}” → “{new}”.")


def _words(text: str) -> list[str]:
    """The field's words, folded, without the word that names a model ("mẫu"): a draft
    made from a model does not call itself one."""
    return _WORD.findall(TEMPLATE_WORD.sub(" ", fold(text)))


def _kept(old: str, new: str) -> bool:
    """Every word of the model's field, blanks aside, still in the draft's."""
    have = set(_words(new))
    return all(w in have for w in _words(_BLANK.sub(" ", old)))
