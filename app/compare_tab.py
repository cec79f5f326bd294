"""The "So sánh với quy chế mẫu" tab: a drafter uploads a draft, picks the model among the
loaded documents, and sees the differences grouped by kind, the changed words marked inside
each clause, both citations, with the report to download as .docx and markdown.

The draft is parsed in memory (never ingested); the reports are written to a fresh
temporary folder, never into the data home.
"""

from __future__ import annotations

import html
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import gradio as gr

from app.render import esc
from assistant.drafting import Comparison, Difference, compare
from assistant.drafting.models import ArticlePair
from assistant.drafting.report import (
    kind_labels,
    marked_pair,
    marked_texts,
    status_labels,
    summary_line,
    to_docx,
    to_markdown,
)
from assistant.drafting.sources import CompareInputError, parse_upload
from ingest.errors import QuycheError
from ingest.models import Document


class _Documents(Protocol):
    def document(self, document_id: str) -> Document: ...


class CompareHost(Protocol):
    """What the tab needs of the web UI: the loaded documents."""

    @property
    def assistant(self) -> _Documents: ...

    def document_choices(self) -> Sequence[tuple[str, str]]: ...


TAB_TITLE = "So sánh với quy chế mẫu"
_STYLE = (
    "<style>.qc-cmp del{background:#fde2e4;color:#8a0018}"
    ".qc-cmp ins{background:#dcf5e3;color:#00502a;text-decoration:none;font-weight:600}"
    ".qc-cmp-card{border:1px solid #ddd;border-radius:6px;padding:8px 10px;margin:6px 0}"
    ".qc-cmp-cite{font-size:.9em;color:#444}</style>"
)


def _runs_html(runs: list[tuple[str, bool]], tag: str) -> str:
    return "".join(f"<{tag}>{esc(p)}</{tag}>" if marked else esc(p) for p, marked in runs)


def difference_html(d: Difference) -> str:
    old_runs, new_runs = marked_texts(d)
    parts = [f'<div class="qc-cmp-card qc-cmp-{d.kind}">', f"<div>{esc(d.detail)}</div>"]
    parts.append(f'<div class="qc-cmp-cite">Mẫu: {esc(d.model_cite_as or "—")}</div>')
    parts.append(f'<div class="qc-cmp-cite">Dự thảo: {esc(d.draft_cite_as or "—")}</div>')
    if old_runs:
        parts.append(f"<div><b>Mẫu:</b> {_runs_html(old_runs, 'del')}</div>")
    if new_runs:
        parts.append(f"<div><b>Dự thảo:</b> {_runs_html(new_runs, 'ins')}</div>")
    return "".join(parts) + "</div>"


def comparison_html(c: Comparison) -> str:
    """Grouped by kind, in the order the kinds are listed; within a kind, the draft's order."""
    labels = kind_labels()
    head = (
        f"<p><b>Dự thảo:</b> {esc(c.draft_title)}<br><b>Quy chế mẫu:</b> {esc(c.model_title)}"
        f"</p><p>{esc(summary_line(c))}</p>"
    )
    groups = []
    for kind, label in labels.items():
        found = [d for d in c.differences if d.kind == kind]
        if found:
            cards = "".join(difference_html(d) for d in found)
            groups.append(f"<h3>{html.escape(label)} ({len(found)})</h3>{cards}")
    overview = pairs_html(c.pairs)
    body = "".join(groups)
    return f'{_STYLE}<div class="qc-cmp" id="qc-cmp-report">{head}{body}{overview}</div>'


def _pair_html(pair: ArticlePair, label: str) -> str:
    model = esc(pair.model_heading or "—")
    draft = esc(pair.draft_heading or "—")
    cites = "".join(
        f'<div class="qc-cmp-cite">{name}: {esc(cite)}</div>'
        for name, cite in (("Mẫu", pair.model_cite_as), ("Dự thảo", pair.draft_cite_as))
        if cite
    )
    texts = ""
    if pair.status != "same":
        old_runs, new_runs = marked_pair(pair.model_text, pair.draft_text)
        texts = (
            f"<details><summary>Xem hai văn bản</summary>"
            f"<div><b>Mẫu:</b><br>{_runs_html(old_runs, 'del') or '—'}</div>"
            f"<div><b>Dự thảo:</b><br>{_runs_html(new_runs, 'ins') or '—'}</div></details>"
        )
    return (
        f'<div class="qc-cmp-card qc-cmp-pair-{pair.status}"><b>{esc(label)}</b>: '
        f"{model} ↔ {draft}{cites}{texts}</div>"
    )


def pairs_html(pairs: Sequence[ArticlePair]) -> str:
    """Article by article: how each aligned pair compares, with both texts and citations."""
    labels = status_labels()
    rows = "".join(_pair_html(p, labels.get(p.status, p.status)) for p in pairs)
    return f"<details><summary><b>Đối chiếu từng điều ({len(pairs)})</b></summary>{rows}</details>"


def _message(text: str) -> str:
    return f'<div class="qc-cmp" id="qc-cmp-report"><p>{esc(text)}</p></div>'


def run_comparison(
    ui: CompareHost, draft_path: str | None, model_id: str | None
) -> tuple[str, Any, Any]:
    """(report html, .docx download, markdown download) for the uploaded draft."""
    hidden = gr.DownloadButton(visible=False)
    if not draft_path:
        return _message("Chưa chọn tệp dự thảo."), hidden, hidden
    if not model_id:
        return _message("Chưa chọn quy chế mẫu."), hidden, hidden
    path = Path(draft_path)
    try:
        model = ui.assistant.document(model_id)
        draft = parse_upload(path, "dự thảo", name=path.name)
        comparison = compare(model, draft)
    except KeyError:
        return _message("Không tìm thấy quy chế mẫu đã chọn."), hidden, hidden
    except (CompareInputError, QuycheError) as exc:
        return _message(f"Lỗi: {exc}"), hidden, hidden
    folder = Path(tempfile.mkdtemp(prefix="quyche-so-sanh-"))
    stem = f"so-sanh-{draft.id}"
    docx_path = folder / f"{stem}.docx"
    md_path = folder / f"{stem}.md"
    docx_path.write_bytes(to_docx(comparison))
    md_path.write_text(to_markdown(comparison), encoding="utf-8")
    return (
        comparison_html(comparison),
        gr.DownloadButton(value=str(docx_path), visible=True),
        gr.DownloadButton(value=str(md_path), visible=True),
    )


def _default_model(choices: Sequence[tuple[str, str]]) -> str | None:
    """A model the comparison is usually made against: the first whose name says "mẫu"."""
    return next((v for label, v in choices if "mẫu" in label.lower()), None)


def compare_tab(ui: CompareHost) -> None:
    """Build the tab's contents; call inside ``with gr.Tab(TAB_TITLE):``."""
    gr.Markdown(
        "Tải lên dự thảo quy chế (.txt/.md/.docx/.doc/.pdf), chọn quy chế mẫu đã nạp, "
        "rồi bấm «So sánh». Dự thảo chỉ được đọc để so sánh, không được nạp vào hệ thống."
    )
    draft = gr.UploadButton("Chọn tệp dự thảo…", type="filepath", elem_id="qc-cmp-draft")
    chosen = gr.Markdown(elem_id="qc-cmp-chosen")
    choices = ui.document_choices()
    model = gr.Dropdown(
        label="Quy chế mẫu",
        choices=list(choices),
        value=_default_model(choices),
        elem_id="qc-cmp-model",
    )
    run = gr.Button("So sánh", variant="primary", elem_id="qc-cmp-run")
    with gr.Row():
        docx_file = gr.DownloadButton("Tải báo cáo .docx", visible=False, elem_id="qc-cmp-docx")
        md_file = gr.DownloadButton("Tải báo cáo markdown", visible=False, elem_id="qc-cmp-md")
    report = gr.HTML(elem_id="qc-cmp-result")

    def on_upload(path: str | None, current: str | None) -> tuple[str, Any]:
        fresh = ui.document_choices()
        keep = current if current in {v for _, v in fresh} else _default_model(fresh)
        name = Path(path).name if path else ""
        return f"Đã chọn dự thảo: **{name}**", gr.Dropdown(choices=list(fresh), value=keep)

    def on_run(path: str | None, model_id: str | None) -> tuple[str, Any, Any]:
        return run_comparison(ui, path, model_id)

    draft.upload(on_upload, inputs=[draft, model], outputs=[chosen, model])
    run.click(on_run, inputs=[draft, model], outputs=[report, docx_file, md_file])
