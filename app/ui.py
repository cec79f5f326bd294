"""The gradio chat UI, in Vietnamese: ask, read the citations, browse, add regulations.

Handlers live on :class:`WebUI` as plain methods so they can be tested without a browser;
:func:`build_blocks` only wires them to components. The chat keeps two per-session
states: the plain turns sent back to the assistant as history, and the rendered HTML
messages shown in the chatbot (gradio hands chatbot values back in its own shape).
"""

from __future__ import annotations

import os

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import gradio as gr
from pydantic import BaseModel

from app.auth import AuthConfig
from app.compare_tab import TAB_TITLE, compare_tab
from app.protocols import AssistantService
from app.qlog import QuestionLog
from app.render import (
    article_label,
    esc,
    render_answer,
    render_article,
    render_error,
    render_question,
    render_version,
    title_as_written,
)
from app.tables import rule_rows
from app.upload import ALLOWED_TEXT, FileOutcome, file_outcomes, read_upload, stage_uploads
from app.versions import parse_as_at, show_lines
from assistant.citations import cite_as
from assistant.models import Answer, Turn
from ingest.errors import QuycheError
from ingest.models import Document
from ingest.powers import ACT_LABELS, Power
from ingest.settings import Settings

logger = logging.getLogger(__name__)

Message = dict[str, str]
EXAMPLE_QUESTIONS = (
    "Ai quyết định triệu tập hội nghị Ban Chấp hành?",
    "Hội nghị Ban Thường vụ cần bao nhiêu người dự?",
    "Tài liệu họp phải gửi trước mấy ngày?",
)


def _doc_label(title: str, number: str, doc_id: str) -> str:
    name = title or doc_id
    return f"{name} ({number})" if number else name


# Share of the width per column of the rules table: the wordy ones get the room.
RULE_COLUMN_WIDTHS: dict[str, str | int] = {
    "Văn bản": "14%",
    "Loại quy tắc": "10%",
    "Cơ quan": "10%",
    "Nội dung": "14%",
    "Giá trị": "16%",
    "Căn cứ tính": "10%",
    "Điều kiện": "13%",
    "Trích dẫn": "13%",
}
POWER_HEADERS = ["Cơ quan", "Thẩm quyền", "Nội dung", "Điều kiện", "Trích dẫn"]


def power_rows(document: Document, powers: Sequence[Power]) -> list[list[Any]]:
    """One row per power, by body then by place in the text; Vietnamese labels only."""
    ordered = sorted(powers, key=lambda p: (p.body, p.part, p.article, p.start))
    rows: list[list[Any]] = []
    for p in ordered:
        act = ACT_LABELS[p.act] + (f" → {p.delegate_to}" if p.delegate_to else "")
        where = cite_as(document, p.part, p.article, p.clause, p.point)
        rows.append([p.body, act, p.action, p.condition, where])
    return rows


STATUS_WORDS = {"added": "đã thêm", "updated": "đã cập nhật", "unchanged": "không đổi"}


def file_line(outcome: FileOutcome, document: Document | None) -> str:
    """One line per uploaded file: what it was read as, or the one reason it was not."""
    name = f'<span class="qc-ingest-name">{esc(outcome.name)}</span>'
    if outcome.status == "error":
        return f'<div class="qc-ingest-error">{name}: không nạp được — {esc(outcome.error)}</div>'
    status = STATUS_WORDS[outcome.status]
    if document is None:
        return f'<div class="qc-ingest-file">{name}: {status}</div>'
    facts = [f"số {document.meta.number}"] if document.meta.number else ["không ghi số"]
    facts.append(f"{len(document.articles)} điều")
    title = title_as_written(document) or "(không đọc được tên văn bản)"
    return (
        f'<div class="qc-ingest-file">{name}: {status} — '
        f'<span class="qc-ingest-title">{esc(title)}</span> · {esc(", ".join(facts))}</div>'
    )


def report_html(
    lines: Sequence[str], errors: Sequence[str] = (), warnings: Sequence[str] = ()
) -> str:
    """The file lines, then each other error and each warning on its own, escaped, line."""
    shown = [*lines]
    shown += [f'<div class="qc-ingest-error">Lỗi: {esc(e)}</div>' for e in errors]
    shown += [f'<div class="qc-ingest-warning">Cảnh báo: {esc(w)}</div>' for w in warnings]
    return "".join(shown) or "<div>Không có tệp nào được nạp.</div>"


EMPTY_QUESTION = "Hãy nhập câu hỏi trước khi gửi."


def _with_error(shown: list[Message], error: str) -> list[Message]:
    """The chat with ``error`` as a new message; the same error twice in a row shows once."""
    message = {"role": "assistant", "content": render_error(error)}
    return shown if shown and shown[-1] == message else [*shown, message]


def _message_html(text: str) -> str:
    return f"<div>{esc(text)}</div>"


class WebUI:
    """Event handlers for the chat UI, bound to one assistant."""

    def __init__(
        self,
        assistant: AssistantService,
        settings: Settings,
        auth: AuthConfig | None,
        log: QuestionLog,
    ) -> None:
        self.assistant = assistant
        self.settings = settings
        self.auth = auth
        self.log = log

    # -- chat ---------------------------------------------------------------------------

    def _ask(self, question: str, turns: Sequence[Message], scope: Sequence[str]) -> Answer:
        history = [
            Turn(role="user" if t["role"] == "user" else "assistant", content=t["content"])
            for t in turns
        ]
        return self.assistant.ask(question, history=history, document_ids=list(scope) or None)

    def respond(
        self,
        message: str,
        turns: list[Message],
        shown: list[Message],
        scope: list[str] | None,
        username: str | None = None,
    ) -> tuple[str, list[Message], list[Message], list[Message]]:
        """Returns (textbox, chatbot, turns, shown); the textbox keeps text on an error.

        An error is a message of its own (the chatbot does not group consecutive messages,
        see :func:`_chat_tab`), never text added to the previous answer, and never sent
        back to the assistant as history.
        """
        question = (message or "").strip()
        if not question:
            shown = _with_error(shown, EMPTY_QUESTION)
            return message, shown, turns, shown
        limit = self.settings.max_question_chars
        if len(question) > limit:
            error = f"Câu hỏi quá dài ({len(question)} ký tự, tối đa {limit}). Hãy rút gọn câu hỏi."
            shown = _with_error(shown, error)
            return message, shown, turns, shown
        try:
            answer = self._ask(question, turns, scope or [])
        except Exception:
            logger.exception("ask failed")
            shown = _with_error(shown, "Đã xảy ra lỗi khi trả lời. Vui lòng thử lại.")
            return message, shown, turns, shown
        self.log.record(answer, source="web", user=username, document_ids=scope or None)
        turns = [
            *turns,
            {"role": "user", "content": question},
            {"role": "assistant", "content": answer.answer},
        ]
        shown = [
            *shown,
            {"role": "user", "content": render_question(question)},
            {"role": "assistant", "content": render_answer(answer)},
        ]
        return "", shown, turns, shown

    # -- documents and browsing ---------------------------------------------------------

    def document_choices(self) -> list[tuple[str, str]]:
        return [
            (_doc_label(d.meta.title, d.meta.number, d.id), d.id)
            for d in self.assistant.documents()
        ]

    def article_choices(self, document_id: str | None) -> list[tuple[str, str]]:
        if not document_id:
            return []
        try:
            document = self.assistant.document(document_id)
        except KeyError:
            return []
        many_parts = len(document.parts) > 1
        return [
            (article_label(a, with_part=many_parts), f"{a.part}:{a.number}")
            for a in document.articles
        ]

    def article_html(self, document_id: str | None, key: str | None, as_at: str = "") -> str:
        """The article as in force now, or on the day ``as_at`` names (its amendments)."""
        if not document_id or not key:
            return ""
        part, _, number = key.rpartition(":")
        try:
            document = self.assistant.document(document_id)
        except KeyError:
            return render_error("Không tìm thấy văn bản.")
        article = document.article(int(number), part) if number.isdigit() else None
        if article is None:
            return render_error("Không tìm thấy điều này trong văn bản.")
        if not as_at.strip():
            return render_article(document, article)
        try:
            day = parse_as_at(as_at)
        except QuycheError:
            return render_error("Ngày không hợp lệ; ví dụ: 01/01/2024.")
        lines = show_lines(document, part, (article.number, article.suffix), None, day)
        return render_version(document, article, lines or [])

    def rules_rows(self, document_id: str | None) -> tuple[list[str], list[list[Any]]]:
        """The rules of one regulation (or of all), readable: see :func:`rule_rows`."""
        try:
            rules = self.assistant.rules(document_id or None)
            documents = {}
            for doc_id in sorted({r.document_id for r in rules}):
                try:
                    documents[doc_id] = self.assistant.document(doc_id)
                except KeyError:
                    continue
        except Exception:
            logger.exception("rules failed")
            return ["Lỗi"], [["Không tải được bảng quy tắc."]]
        return rule_rows(rules, documents)

    def powers_rows(self, document_id: str | None) -> tuple[list[str], list[list[Any]]]:
        """Who does what in one regulation, with the citation a drafter can copy."""
        if not document_id:
            return POWER_HEADERS, []
        try:
            document = self.assistant.document(document_id)
            powers = self.assistant.powers(document_id=document_id)
        except Exception:
            logger.exception("powers failed")
            return ["lỗi"], [["Không tải được bảng thẩm quyền."]]
        return POWER_HEADERS, power_rows(document, powers)

    # -- access and upload --------------------------------------------------------------

    def can_upload(self, username: str | None) -> bool:
        if self.auth is None:
            return True
        user = self.auth.get(username)
        return user is not None and user.is_admin

    def ingest_files(
        self,
        files: Sequence[str] | None,
        username: str | None,
        progress: gr.Progress | None = None,
    ) -> str:
        """Stage the uploads, ingest them, and say what happened (HTML)."""
        if not self.can_upload(username):
            return _message_html("Chỉ quản trị viên được nạp quy chế.")
        if not files:
            return _message_html("Chưa chọn tệp nào.")
        limit = self.settings.max_upload_bytes
        uploads = [read_upload(Path(f), Path(f).name, limit) for f in files]
        staged = stage_uploads(uploads, limit)
        if not staged.paths:
            outcomes, _, _ = file_outcomes(staged, _EmptyReport())
            return report_html([file_line(o, None) for o in outcomes])

        def on_progress(message: str, fraction: float) -> None:
            if progress is not None:
                progress(max(0.0, min(1.0, fraction)), desc=staged.scrub(message))

        try:
            report = self.assistant.ingest(staged.paths, progress=on_progress)
        except QuycheError as exc:
            return _message_html(f"Không nạp được: {staged.scrub(str(exc))}")
        except Exception:
            logger.exception("ingest failed")
            return _message_html("Không nạp được: đã xảy ra lỗi khi nạp. Vui lòng thử lại.")
        outcomes, errors, warnings = file_outcomes(staged, report)
        lines = [file_line(o, self._document(o.document_id)) for o in outcomes]
        return report_html(lines, errors, warnings)

    def _document(self, document_id: str) -> Document | None:
        if not document_id:
            return None
        try:
            return self.assistant.document(document_id)
        except KeyError:
            return None


class _EmptyReport(BaseModel):
    added: list[str] = []
    updated: list[str] = []
    unchanged: list[str] = []
    removed: list[str] = []
    errors: list[str] = []
    warnings: list[str] = []


def _username(request: gr.Request | None) -> str | None:
    return getattr(request, "username", None) if request is not None else None


def _chat_tab(ui: WebUI, scope: gr.CheckboxGroup) -> None:
    turns = gr.State([])
    shown = gr.State([])
    chatbot = gr.Chatbot(
        label="Hỏi đáp quy chế",
        height=620,
        elem_id="qc-chat",
        latex_delimiters=[],
        feedback_options=None,
        buttons=["copy"],
        # each message its own bubble: an error never looks part of the answer before it
        group_consecutive_messages=False,
        placeholder="Đặt câu hỏi về quy chế làm việc; câu trả lời kèm căn cứ Điều, khoản, điểm.",
    )
    with gr.Row():
        box = gr.Textbox(
            label="Câu hỏi",  # hidden, but read out by screen readers ("Textbox" otherwise)
            show_label=False,
            placeholder="Nhập câu hỏi, ví dụ: Ai quyết định triệu tập hội nghị Ban Chấp hành?",
            scale=8,
            lines=1,
            max_lines=6,
            elem_id="qc-question",
        )
        send = gr.Button("Gửi", variant="primary", scale=1, elem_id="qc-send")
        clear = gr.Button("Hội thoại mới", scale=1)
    gr.Examples(examples=[[q] for q in EXAMPLE_QUESTIONS], inputs=[box], label="Câu hỏi mẫu")

    def respond(
        message: str,
        turns_: list[Message],
        shown_: list[Message],
        scope_: list[str] | None,
        request: gr.Request,
    ) -> tuple[str, list[Message], list[Message], list[Message]]:
        return ui.respond(message, turns_, shown_, scope_, _username(request))

    gr.on(
        triggers=[box.submit, send.click],
        fn=respond,
        inputs=[box, turns, shown, scope],
        outputs=[box, chatbot, turns, shown],
    )
    clear.click(lambda: ("", [], [], []), outputs=[box, chatbot, turns, shown])


def _rules_tab(ui: WebUI, doc_pick: gr.Dropdown) -> None:
    gr.Markdown(
        "Các quy tắc định lượng trích từ quy chế (tỷ lệ, thời hạn, số người…), theo văn bản "
        "rồi theo loại quy tắc; chọn văn bản ở khung «Tra cứu theo Chương/Điều» để xem riêng "
        "một quy chế."
    )
    load = gr.Button("Tải bảng quy tắc")
    table = gr.Dataframe(
        label="Bảng quy tắc",
        show_label=False,
        interactive=False,
        wrap=True,
        elem_id="qc-rules",
    )

    def show(document_id: str | None) -> Any:
        headers, rows = ui.rules_rows(document_id)
        widths: list[str | int] = [RULE_COLUMN_WIDTHS.get(h, "12%") for h in headers]
        return gr.Dataframe(value=rows, headers=headers, column_widths=widths)

    load.click(show, inputs=[doc_pick], outputs=[table])
    doc_pick.change(show, inputs=[doc_pick], outputs=[table])


def _powers_tab(ui: WebUI, doc_pick: gr.Dropdown) -> None:
    gr.Markdown(
        "Cơ quan nào quyết định, phê duyệt, cho ý kiến… việc gì, theo từng quy chế "
        "(chọn văn bản ở khung «Tra cứu theo Chương/Điều»)."
    )
    load = gr.Button("Xem bảng thẩm quyền")
    table = gr.Dataframe(
        headers=POWER_HEADERS,
        label="Bảng thẩm quyền",
        show_label=False,
        interactive=False,
        wrap=True,
        elem_id="qc-powers",
    )

    def show(document_id: str | None) -> Any:
        headers, rows = ui.powers_rows(document_id)
        return gr.Dataframe(value=rows, headers=headers)

    load.click(show, inputs=[doc_pick], outputs=[table])
    doc_pick.change(show, inputs=[doc_pick], outputs=[table])


def chosen_html(paths: Sequence[str] | None) -> str:
    """The files picked for upload, by name, before they are ingested."""
    if not paths:
        return _message_html("Chưa chọn tệp nào.")
    names = ", ".join(Path(p).name for p in paths)
    return _message_html(f"Đã chọn {len(paths)} tệp: {names}. Bấm «Nạp» để nạp.")


def _upload_tab(ui: WebUI) -> tuple[gr.UploadButton, gr.HTML]:
    mb = ui.settings.max_upload_bytes // (1024 * 1024)
    gr.Markdown(f"Nạp quy chế mới (tệp {ALLOWED_TEXT}; tối đa {mb} MB mỗi tệp).")
    # A button rather than gr.File: its drop zone's text is English with no option to
    # change it. No file_types either: gradio refuses other types with an English toast,
    # so every file reaches read_upload, which says in Vietnamese what it accepts.
    files = gr.UploadButton(
        "Chọn tệp quy chế…",
        file_count="multiple",
        type="filepath",
        elem_id="qc-upload-pick",
    )
    run = gr.Button("Nạp", variant="primary")
    result = gr.HTML(elem_id="qc-ingest-result")

    def ingest(
        paths: list[str] | None,
        request: gr.Request,
        progress: gr.Progress = gr.Progress(),  # noqa: B008
    ) -> str:
        return ui.ingest_files(paths, _username(request), progress)

    files.upload(chosen_html, inputs=[files], outputs=[result], show_progress="hidden")
    run.click(ingest, inputs=[files], outputs=[result])
    return files, result


def build_blocks(ui: WebUI) -> gr.Blocks:
    """Wire the handlers to a Blocks page; the theme and CSS are given at mount time."""
    with gr.Blocks(title="Quy chế — trợ lý tra cứu quy chế làm việc") as demo:
        with gr.Sidebar(label="Phạm vi & tra cứu", width=400, open=True):
            scope = gr.CheckboxGroup(
                label="Quy chế được hỏi",
                info="Để trống: hỏi trên tất cả quy chế.",
                choices=[],
                elem_id="qc-scope",
            )
            gr.Markdown("### Tra cứu theo Chương/Điều")
            doc_pick = gr.Dropdown(label="Văn bản", choices=[], value=None, elem_id="qc-doc")
            art_pick = gr.Dropdown(label="Điều", choices=[], value=None, elem_id="qc-article")
            as_at = gr.Textbox(
                label="Bản có hiệu lực vào ngày",
                placeholder="dd/mm/yyyy — để trống: bản hiện hành",
                elem_id="qc-as-at",
            )
            article = gr.HTML(elem_id="qc-article-text")
        gr.Markdown("## Quy chế — trợ lý tra cứu quy chế làm việc của cấp ủy")
        user_line = gr.Markdown()
        with gr.Tabs():
            with gr.Tab("Hỏi đáp"):
                _chat_tab(ui, scope)
            with gr.Tab("Bảng thẩm quyền"):
                _powers_tab(ui, doc_pick)
            with gr.Tab("Bảng quy tắc"):
                _rules_tab(ui, doc_pick)
            with gr.Tab(TAB_TITLE):
                compare_tab(ui)
            with gr.Tab("Nạp quy chế", visible=ui.auth is None) as upload_tab:
                _, result = _upload_tab(ui)

        def on_pick_document(document_id: str | None) -> tuple[Any, str]:
            return gr.Dropdown(choices=ui.article_choices(document_id), value=None), ""

        doc_pick.change(on_pick_document, inputs=[doc_pick], outputs=[art_pick, article])
        art_pick.change(ui.article_html, inputs=[doc_pick, art_pick, as_at], outputs=[article])
        as_at.submit(ui.article_html, inputs=[doc_pick, art_pick, as_at], outputs=[article])

        def refresh(request: gr.Request) -> tuple[Any, Any, Any, str]:
            choices = ui.document_choices()
            username = _username(request)
            who = f"Người dùng: **{username}**" if username else ""
            return (
                gr.CheckboxGroup(choices=choices),
                gr.Dropdown(choices=choices),
                gr.Tab(visible=ui.can_upload(username)),
                who,
            )

        outputs = [scope, doc_pick, upload_tab, user_line]
        demo.load(refresh, outputs=outputs)
        result.change(refresh, outputs=outputs)
    return demo
