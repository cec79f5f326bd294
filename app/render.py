"""HTML for answers, citation cards and articles: every piece of text escaped.

Questions, answers and regulation text may all contain markup, so nothing reaches the
page without :func:`html.escape`. Output is one line (newlines become ``<br>``) so the
chat's markdown renderer keeps it as a single raw HTML block and never reinterprets it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from urllib.parse import quote

from app.headline import headline
from assistant.citations import OCR_NOTE, amendment_line
from assistant.findings import findings_summary
from assistant.models import Answer, Citation, NumericResult
from assistant.steps import step_words
from ingest.models import Article, Document

REFUSAL_BADGE = "Không tìm thấy quy định"
CLARIFICATION_BADGE = "Cần làm rõ câu hỏi"
DIFFERENCE_BADGE = "Các quy chế quy định khác nhau"
NOTES_BADGE = "Lưu ý"
COPY_LABEL = "Sao chép"
COPY_MESSAGE_LABEL = "Sao chép câu trả lời"


def esc(text: str) -> str:
    """Escaped text with line breaks kept as ``<br>``."""
    lines = html.escape(text, quote=True).replace("\r\n", "\n").replace("\r", "\n")
    return lines.replace("\n", "<br>")


def citation_location(citation: Citation) -> str:
    """ "Điều 5, khoản 2, điểm a" — the place in the regulation, most specific last."""
    parts = [f"Điều {citation.article}{citation.article_suffix}"]
    if citation.clause is not None:
        parts.append(f"khoản {citation.clause}")
    if citation.point:
        point = citation.point
        parts.append(f"gạch đầu dòng thứ {point[1:]}" if point.startswith("-") else f"điểm {point}")
    return ", ".join(parts)


def ref_href(citation: Citation) -> str:
    """ "#qc/doc/part/article/clause/point": what the page script opens in the reading pane.

    The chat's sanitiser drops data attributes, so the place travels in a link's address."""
    if citation.place != "article":
        return ""
    fields = [
        citation.document_id,
        citation.part,
        f"{citation.article}{citation.article_suffix}",
        "" if citation.clause is None else str(citation.clause),
        citation.point or "",
    ]
    return "#qc/" + "/".join(quote(f, safe="") for f in fields)


def open_link(href: str, text: str, quote_text: str = "") -> str:
    """A link the page script opens in the reading pane; the quote to highlight beside it."""
    hidden = f'<span class="qc-q">{esc(quote_text)}</span>' if quote_text else ""
    if not href:
        return f"<span>{esc(text)}</span>"
    return f'<a class="qc-open" href="{href}">{esc(text)}</a>{hidden}'


def render_citation(citation: Citation, index: int, name: str = "") -> str:
    """An expandable card: the place (a link to the article), the document by who it
    belongs to, the verbatim quote, ``cite_as`` to copy."""
    chapter = f" · {esc(citation.chapter)}" if citation.chapter else ""
    blank = '<span class="qc-cite-blank"> · để trống giá trị</span>' if citation.unspecified else ""
    ocr = f'<div class="qc-ocr">({OCR_NOTE})</div>' if citation.ocr else ""
    amended = (
        f'<div class="qc-amended">Điều {citation.article}{esc(citation.article_suffix)} được '
        f"{esc(amendment_line(citation.amended_by))}</div>"
        if citation.amended_by is not None
        else ""
    )
    place = open_link(ref_href(citation), citation_location(citation))
    return (
        '<details class="qc-cite">'
        f'<summary><span class="qc-cite-n">[{index}]</span> '
        f'<span class="qc-cite-loc">{place}</span>'
        f'<span class="qc-cite-doc"> — {esc(name or citation.document_title)}{chapter}</span>'
        f"{blank}</summary>"
        f'<blockquote class="qc-quote">{esc(citation.quote)}</blockquote>{ocr}{amended}'
        '<div class="qc-citeas">'
        f'<span class="qc-citeas-text">{esc(citation.cite_as)}</span> '
        f'<button type="button" class="qc-copy" data-cite="{html.escape(citation.cite_as)}">'
        f"{COPY_LABEL}</button></div></details>"
    )


def render_numeric(numeric: NumericResult) -> str:
    """The rule's value as written, then what it computes to and how."""
    value = "Quy chế mẫu để trống giá trị này (…)" if numeric.unspecified else numeric.value
    rows = [f'<div class="qc-num-value">{esc(value)}</div>']
    if numeric.basis:
        rows.append(f'<div class="qc-num-basis">Căn cứ tính: {esc(numeric.basis)}</div>')
    if numeric.result:
        rows.append(f'<div class="qc-num-result">Kết quả: <b>{esc(numeric.result)}</b></div>')
    if numeric.computation:
        rows.append(
            f'<div class="qc-num-comp">Cách tính: <span class="qc-num-formula">{esc(numeric.computation)}</span></div>'
        )
    return f'<div class="qc-numeric">{"".join(rows)}</div>'


def _badges(answer: Answer) -> str:
    badges: list[tuple[str, str]] = []
    if answer.kind == "refusal":
        badges.append(("qc-badge-refusal", REFUSAL_BADGE))
    if answer.kind == "clarification":
        badges.append(("qc-badge-clarify", CLARIFICATION_BADGE))
    if len({d.document_id for d in answer.documents}) > 1:
        badges.append(("qc-badge-diff", DIFFERENCE_BADGE))
    if answer.notes:
        badges.append(("qc-badge-notes", NOTES_BADGE))
    spans = "".join(f'<span class="qc-badge {cls}">{label}</span>' for cls, label in badges)
    return f'<div class="qc-badges">{spans}</div>' if spans else ""


def _notes(notes: list[str]) -> str:
    if not notes:
        return ""
    items = "".join(f"<li>{esc(n)}</li>" for n in notes)
    return f'<ul class="qc-notes">{items}</ul>'


def _marker(n: int) -> str:
    return f'<a class="qc-ref" href="#qc-ref/{n}">[{n}]</a>'


def _marked(text: str, citations: Sequence[Citation]) -> str:
    """The answer's text with each citation's [n] right after its quote where the text
    quotes it (a referenced clause under the clause that refers to it), the others at
    the end."""
    placed: list[tuple[int, int]] = []
    for n, citation in enumerate(citations, start=1):
        quote = citation.quote.strip()
        at = text.find(quote) if quote else -1
        if at < 0:
            continue
        end = at + len(quote)
        placed.append((end + 1 if text[end : end + 1] == "»" else end, n))
    pieces: list[str] = []
    start = 0
    for end, n in sorted(placed):
        pieces.append(f"{esc(text[start:end])} {_marker(n)}")
        start = end
    pieces.append(esc(text[start:]))
    quoted = {n for _, n in placed}
    rest = [_marker(n) for n in range(1, len(citations) + 1) if n not in quoted]
    return " ".join(x for x in ("".join(pieces).strip(), *rest) if x)


def _steps(answer: Answer) -> str:
    """A procedure's steps as a numbered list: who does each, its words, its citation
    [n] and its time limit."""
    items = []
    for step in answer.steps:
        n = step.citation + 1
        who = f"<b>{esc(step.actor)}</b>: " if step.actor else ""
        timing = f' <span class="qc-step-time">({esc(step.timing)})</span>' if step.timing else ""
        ref = _marker(n)
        # the clauses the step's own clause refers to ("theo khoản 3 Điều 10"), linked
        cited = (
            answer.citations[step.citation].cite_as if step.citation < len(answer.citations) else ""
        )
        linked = [i for i, c in enumerate(answer.citations, start=1) if cited and c.via == cited]
        if linked:
            refs = " ".join(_marker(i) for i in linked)
            ref += f' <span class="qc-step-via">dẫn chiếu {refs}</span>'
        items.append(f"<li>{who}«{esc(step_words(step.text))}» {ref}{timing}</li>")
    return f'<ol class="qc-steps">{"".join(items)}</ol>'


def _main(answer: Answer) -> str:
    """The bold first line, the short sentence with its [n] markers, the leading quote;
    a procedure's steps as a numbered list."""
    first, rest = headline(answer)
    if answer.steps:
        return (
            f'<div class="qc-main"><div class="qc-head"><b>{esc(first)}</b></div>'
            f'<div class="qc-text">{esc(rest)}</div>{_steps(answer)}</div>'
        )
    text = _marked(rest, answer.citations)
    # the quote under the sentence, unless the answer's own text already quotes it
    quoted = answer.citations[0].quote if answer.citations else ""
    lead = (
        f'<blockquote class="qc-lead-quote">{esc(quoted)}</blockquote>'
        if quoted and quoted.strip() not in answer.answer and len(_by_document(answer)) < 2
        else ""
    )
    return (
        f'<div class="qc-main"><div class="qc-head"><b>{esc(first)}</b></div>'
        f'<div class="qc-text">{text}</div>{lead}</div>'
    )


def _by_document(answer: Answer) -> dict[str, list[tuple[int, Citation]]]:
    groups: dict[str, list[tuple[int, Citation]]] = {}
    for i, c in enumerate(answer.citations, start=1):
        groups.setdefault(c.document_id, []).append((i, c))
    return groups


def _document_blocks(answer: Answer, names: Mapping[str, str]) -> str:
    """One compact block per document, headed by who it belongs to, after a line saying
    whether their first quotes agree; one document: just its cards."""
    groups = _by_document(answer)
    if len(groups) < 2:
        cards = "".join(
            render_citation(c, i, names.get(c.document_id, ""))
            for i, c in enumerate(answer.citations, start=1)
        )
        return (
            f'<div class="qc-citations"><div class="qc-cites-title">Căn cứ '
            f"({len(answer.citations)})</div>{cards}</div>"
            if cards
            else ""
        )
    labels = {
        doc_id: names.get(doc_id) or cited[0][1].document_title for doc_id, cited in groups.items()
    }
    found = findings_summary(answer.findings, labels)
    firsts = {" ".join(g[0][1].quote.lower().split()) for g in groups.values()}
    same = "giống nhau" if len(firsts) == 1 else "khác nhau"
    # what each document answers, in a word, when each says one; else the quotes compared
    summary = (
        f"{len(groups)} văn bản — {found}"
        if found and len(answer.findings) == len(groups)
        else f"{len(groups)} văn bản — nội dung được trích {same}; xem từng văn bản dưới đây."
    )
    blocks = []
    for doc_id, cited in groups.items():
        name = names.get(doc_id) or cited[0][1].document_title
        cards = "".join(render_citation(c, i, name) for i, c in cited)
        blocks.append(
            f'<section class="qc-doc-block"><div class="qc-doc-head">{esc(name)}</div>'
            f'<blockquote class="qc-lead-quote">{esc(cited[0][1].quote)}</blockquote>'
            f"{cards}</section>"
        )
    return f'<div class="qc-compare">{esc(summary)}</div>{"".join(blocks)}'


def _follow_ups(questions: list[str]) -> str:
    if not questions:
        return ""
    chips = "".join(f'<button type="button" class="qc-chip">{esc(q)}</button>' for q in questions)
    return f'<div class="qc-follow"><span class="qc-follow-title">Hỏi tiếp:</span>{chips}</div>'


def render_answer(answer: Answer, names: Mapping[str, str] | None = None) -> str:
    """One chat message: badges, the answer first (bold line, sentence with [n], quote),
    the numeric working, notes, the cards (per document when several), follow-ups and a
    button that copies the message as plain text. ``names``: document id → its label."""
    numeric = render_numeric(answer.numeric) if answer.numeric else ""
    copy = (
        '<div class="qc-tools"><button type="button" class="qc-copy-msg">'
        f"{COPY_MESSAGE_LABEL}</button></div>"
    )
    return (
        f'<div class="qc-answer qc-kind-{answer.kind}">{_badges(answer)}{_main(answer)}'
        f"{numeric}{_notes(answer.notes)}{_document_blocks(answer, names or {})}"
        f"{_follow_ups(answer.follow_ups)}{copy}</div>"
    )


def render_question(question: str) -> str:
    """The user's own message, shown as text even when it looks like markup."""
    return f'<div class="qc-question">{esc(question)}</div>'


def render_error(message: str) -> str:
    return f'<div class="qc-answer qc-error"><div class="qc-text">{esc(message)}</div></div>'


def _mostly_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8


def title_as_written(document: Document) -> str:
    """The document's title with its capitals as the text writes them.

    The parsed title is lower-cased when the heading is in capitals ("QUY CHẾ CỦA CHI BỘ
    THÔN NAM" → "... chi bộ thôn nam"); the text is searched for it, a mixed-case
    occurrence preferred, else the capitals heading.
    A title the text does not contain (given in a sidecar) is shown as it is.
    """
    title = document.meta.title
    words = title.split()
    if not words:
        return ""
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words), re.IGNORECASE)
    found = [" ".join(m.group(0).split()) for m in pattern.finditer(document.text)]
    mixed = [f for f in found if not _mostly_upper(f)]
    return (mixed or found or [title])[0]


def article_label(article: Article, with_part: bool = False) -> str:
    chapter = f"{article.chapter} · " if article.chapter else ""
    part = f"[{article.part}] " if with_part else ""
    return f"{part}{chapter}Điều {article.number}. {article.title}".strip()


def render_version(document: Document, article: Article, lines: list[str]) -> str:
    """The wording of an article in force on a day, with the line naming its version."""
    chapter = " · ".join(x for x in (article.chapter, article.chapter_title) if x)
    title = document.meta.title or document.id
    return (
        '<div class="qc-article">'
        f'<div class="qc-article-doc">{esc(title)}</div>'
        f'<div class="qc-article-chapter">{esc(chapter)}</div>'
        f'<div class="qc-article-text">{esc(chr(10).join(lines))}</div></div>'
    )
