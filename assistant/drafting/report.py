"""The comparison as a drafter reads it: markdown and .docx (python-docx), each difference
with both citations and both texts, the changed words marked (removed from the model's
text struck through, added in the draft's text in bold)."""

from __future__ import annotations

import functools
import io
from collections.abc import Iterator
from importlib import resources

import yaml
from docx import Document as new_docx
from docx.shared import RGBColor

from assistant.drafting.checks import BLANKS_JOINER
from assistant.drafting.marks import marked_spans
from assistant.drafting.models import Comparison, Difference

_REMOVED = RGBColor(0xB0, 0x00, 0x20)
_ADDED = RGBColor(0x00, 0x60, 0x30)


@functools.cache
def _labels(name: str) -> dict[str, str]:
    raw = resources.files("assistant.drafting").joinpath(f"data/{name}.yaml").read_text("utf-8")
    labels: dict[str, str] = yaml.safe_load(raw)
    return labels


def kind_labels() -> dict[str, str]:
    """Kind of difference → its Vietnamese name, in the order a report groups them."""
    return _labels("kinds")


def status_labels() -> dict[str, str]:
    """How an aligned pair of articles compares → its Vietnamese name."""
    return _labels("statuses")


def pair_rows(comparison: Comparison) -> list[tuple[str, str, str]]:
    """(model article, draft article, how they compare) for each aligned pair."""
    labels = status_labels()
    return [
        (p.model_heading or "—", p.draft_heading or "—", labels.get(p.status, p.status))
        for p in comparison.pairs
    ]


def pieces(text: str, spans: list[tuple[int, int]]) -> Iterator[tuple[str, bool]]:
    """``text`` cut into (piece, marked) runs."""
    pos = 0
    for start, end in spans:
        if start > pos:
            yield text[pos:start], False
        yield text[start:end], True
        pos = end
    if pos < len(text):
        yield text[pos:], False


def marked_texts(diff: Difference) -> tuple[list[tuple[str, bool]], list[tuple[str, bool]]]:
    """The model's and the draft's text of a difference, cut into marked and plain runs."""
    return marked_pair(diff.model_text, diff.draft_text, diff.kind, diff.old, diff.new)


def marked_pair(
    old: str, new: str, kind: str = "", old_words: str = "", new_words: str = ""
) -> tuple[list[tuple[str, bool]], list[tuple[str, bool]]]:
    """Two texts cut into marked and plain runs: the words that differ; for a kind about a
    place whose words are the same on both sides (a kept reference or blank), that place;
    a text with nothing on the other side, whole."""
    if old and new:
        old_spans, new_spans = marked_spans(old, new)
        if not old_spans and not new_spans and kind in _POINTED:
            old_spans, new_spans = _where(old, old_words), _where(new, new_words)
    elif kind in _POINTED:
        old_spans, new_spans = _where(old, old_words), _where(new, new_words)
    else:
        old_spans = [(0, len(old))] if old else []
        new_spans = [(0, len(new))] if new else []
    return list(pieces(old, old_spans)), list(pieces(new, new_spans))


# kinds whose texts may be the same on both sides: a reference kept, a blank kept
_POINTED = ("reference_broken", "blank_left")


def _where(text: str, words: str) -> list[tuple[int, int]]:
    """Where the words (several, for blanks left: "a; b") first occur in the text."""
    spans = []
    for piece in words.split(BLANKS_JOINER) if words else []:
        at = text.find(piece)
        if at >= 0:
            spans.append((at, at + len(piece)))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def summary_line(comparison: Comparison) -> str:
    if comparison.identical or not comparison.differences:
        return "Dự thảo không khác quy chế mẫu."
    counts: dict[str, int] = {}
    for d in comparison.differences:
        counts[d.kind] = counts.get(d.kind, 0) + 1
    labels = kind_labels()
    parts = [f"{labels.get(k, k)}: {n}" for k, n in counts.items()]
    return f"{len(comparison.differences)} điểm khác — " + "; ".join(parts) + "."


def _md_escape(text: str) -> str:
    return text.replace("*", r"\*").replace("~", r"\~").replace("_", r"\_")


def _md_mark(body: str, mark: str) -> str:
    if not body.strip():
        return body
    lead = body[: len(body) - len(body.lstrip())]
    trail = body[len(body.rstrip()) :]
    return f"{lead}{mark}{body.strip()}{mark}{trail}"


def _md_runs(runs: list[tuple[str, bool]], mark: str) -> str:
    out = []
    for piece, marked in runs:
        body = _md_escape(piece)
        # a mark does not run over a line break in markdown: mark each line
        out.append("\n".join(_md_mark(line, mark) for line in body.split("\n")) if marked else body)
    return "".join(out).replace("\n", "  \n> ")


def to_markdown(comparison: Comparison) -> str:
    lines = [
        "# So sánh dự thảo với quy chế mẫu",
        "",
        f"- Dự thảo: {comparison.draft_title} (`{comparison.draft_id}`)",
        f"- Quy chế mẫu: {comparison.model_title} (`{comparison.model_id}`)",
        "",
        summary_line(comparison),
        "",
        "Trong văn bản: ~~gạch ngang~~ là chữ của mẫu bị bỏ hoặc thay, **in đậm** là chữ dự thảo thêm.",
    ]
    labels = kind_labels()
    for n, d in enumerate(comparison.differences, 1):
        lines += ["", f"## {n}. {labels.get(d.kind, d.kind)}", "", d.detail, ""]
        lines.append(f"- Mẫu: {d.model_cite_as or '—'}")
        lines.append(f"- Dự thảo: {d.draft_cite_as or '—'}")
        if d.old and not d.model_text:
            lines.append(f"- Trước: {d.old}")
        if d.new and not d.draft_text:
            lines.append(f"- Sau: {d.new}")
        old_runs, new_runs = marked_texts(d)
        if old_runs:
            lines += ["", "Mẫu:", "", "> " + _md_runs(old_runs, "~~")]
        if new_runs:
            lines += ["", "Dự thảo:", "", "> " + _md_runs(new_runs, "**")]
    lines += [
        "",
        "## Đối chiếu từng điều",
        "",
        "| Quy chế mẫu | Dự thảo | Kết quả |",
        "|---|---|---|",
    ]
    for model, draft, status in pair_rows(comparison):
        cells = (_md_escape(x).replace("|", "\\|") for x in (model, draft, status))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def to_docx(comparison: Comparison) -> bytes:
    """The report as a Word document (its bytes)."""
    document = new_docx()
    document.add_heading("So sánh dự thảo với quy chế mẫu", level=1)
    document.add_paragraph(f"Dự thảo: {comparison.draft_title}")
    document.add_paragraph(f"Quy chế mẫu: {comparison.model_title}")
    document.add_paragraph(summary_line(comparison))
    labels = kind_labels()
    for n, d in enumerate(comparison.differences, 1):
        document.add_heading(f"{n}. {labels.get(d.kind, d.kind)}", level=2)
        document.add_paragraph(d.detail)
        document.add_paragraph(f"Mẫu: {d.model_cite_as or '—'}")
        document.add_paragraph(f"Dự thảo: {d.draft_cite_as or '—'}")
        old_runs, new_runs = marked_texts(d)
        for title, runs, added in (("Mẫu", old_runs, False), ("Dự thảo", new_runs, True)):
            if not runs:
                continue
            paragraph = document.add_paragraph(f"{title}: ")
            for piece, marked in runs:
                run = paragraph.add_run(piece)
                if marked:
                    run.font.color.rgb = _ADDED if added else _REMOVED
                    run.bold = added
                    run.font.strike = not added
    document.add_heading("Đối chiếu từng điều", level=2)
    table = document.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ("Quy chế mẫu", "Dự thảo", "Kết quả"), strict=True):
        cell.text = text
    for row in pair_rows(comparison):
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
