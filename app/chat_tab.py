"""The chat tab and the reading pane: gradio components wired to :class:`~app.ui.WebUI`.

The conversation lives in the browser: the page script (``static/quyche.js``) keeps every
conversation in localStorage and hands the current one to the server with each question
(the hidden ``stored`` box); the server answers and returns it grown by one exchange.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import gradio as gr

from app.conversation import Message
from app.webui import EXAMPLE_QUESTIONS

if TYPE_CHECKING:
    from app.webui import WebUI

CONVERSATIONS_HTML = (
    '<div class="qc-convs-box"><div class="qc-convs-head"><b>Hội thoại đã lưu</b>'
    '<button type="button" class="qc-conv-new">+ Hội thoại mới</button></div>'
    '<ul class="qc-conv-list"></ul>'
    '<div class="qc-convs-note">Lưu trong trình duyệt này, không gửi đi đâu.</div></div>'
)
# each call hands the page script's value to the server in place of the box's own
SAVED_JS = "(s) => { if (window.qcSaved) { window.qcSaved(s); } return []; }"
CURRENT_JS = "(s) => [window.qcConv ? window.qcConv.currentJson() : s]"
NEW_JS = "(s) => [window.qcConv ? window.qcConv.startNew() : '']"
TAKE_REF_JS = "(p, d) => [window.qcTakeRef ? window.qcTakeRef() : p, d]"
SHOW_READER_JS = "() => { if (window.qcShowReader) { window.qcShowReader(); } return []; }"
HIDE_READER_JS = "() => { if (window.qcHideReader) { window.qcHideReader(); } return []; }"


def username_of(request: gr.Request | None) -> str | None:
    return getattr(request, "username", None) if request is not None else None


def conversations_panel() -> None:
    """The list of past conversations; the page script fills it from localStorage."""
    gr.HTML(CONVERSATIONS_HTML, elem_id="qc-convs")


def chat_tab(ui: WebUI, scope: gr.CheckboxGroup) -> tuple[gr.Chatbot, gr.Textbox]:
    """The chat; returns the chatbot and the stored conversation, for the page to restore."""
    stored = gr.Textbox(visible=False, label="Hội thoại đang mở")
    chatbot = gr.Chatbot(
        label="Hỏi đáp quy chế",
        show_label=False,
        height="62vh",
        elem_id="qc-chat",
        latex_delimiters=[],
        feedback_options=None,
        # no gradio copy icon: it copies the HTML; each answer has its own plain-text copy
        buttons=[],
        # the page script scrolls each new answer's first line into view
        autoscroll=False,
        # each message its own bubble: an error never looks part of the answer before it
        group_consecutive_messages=False,
        placeholder="Đặt câu hỏi về quy chế làm việc; câu trả lời kèm căn cứ Điều, khoản, điểm.",
    )
    with gr.Row(elem_id="qc-ask-row"):
        box = gr.Textbox(
            label="Câu hỏi",  # hidden, but read out by screen readers ("Textbox" otherwise)
            show_label=False,
            placeholder=f"Nhập câu hỏi, ví dụ: {EXAMPLE_QUESTIONS[0]}",
            scale=8,
            lines=1,
            max_lines=6,
            elem_id="qc-question",
        )
        send = gr.Button("Gửi", variant="primary", scale=1, min_width=70, elem_id="qc-send")
        new = gr.Button("Hội thoại mới", scale=1, min_width=160, elem_id="qc-new")
    gr.Examples(examples=[[q] for q in EXAMPLE_QUESTIONS], inputs=[box], label="Câu hỏi mẫu")
    reopen = gr.Button("Mở hội thoại", elem_id="qc-restore-btn", elem_classes=["qc-hidden"])

    def respond(
        message: str, stored_: str, scope_: list[str] | None, request: gr.Request
    ) -> tuple[str, list[Message], str]:
        return ui.respond_stored(message, stored_, scope_, username_of(request))

    gr.on(
        triggers=[box.submit, send.click],
        fn=respond,
        inputs=[box, stored, scope],
        outputs=[box, chatbot, stored],
        show_progress="minimal",
    ).then(None, inputs=[stored], js=SAVED_JS)
    for button, js in ((reopen, CURRENT_JS), (new, NEW_JS)):
        button.click(
            ui.restore, inputs=[stored], outputs=[chatbot, stored], js=js, show_progress="hidden"
        )
    return chatbot, stored


def reader_pane(ui: WebUI) -> None:
    """The reading pane: beside the page on a wide screen, over it on a phone."""
    with gr.Column(elem_id="qc-reader", elem_classes=["qc-reader"]):
        with gr.Row(elem_id="qc-reader-bar"):
            gr.HTML('<div class="qc-reader-title">Đọc điều khoản</div>')
            close = gr.Button("Đóng", size="sm", min_width=60, elem_id="qc-reader-close")
        pane = gr.HTML(elem_id="qc-reader-text")
        as_at = gr.Textbox(
            label="Bản có hiệu lực vào ngày",
            placeholder="dd/mm/yyyy — để trống: bản hiện hành",
            elem_id="qc-as-at",
        )
        place = gr.Textbox(visible=False, label="Vị trí đang đọc")
        opener = gr.Button("Mở điều", elem_id="qc-open-btn", elem_classes=["qc-hidden"])

    def show(request: str, day: str) -> tuple[str, str]:
        return ui.reader(request, day), request

    opener.click(
        show, inputs=[place, as_at], outputs=[pane, place], js=TAKE_REF_JS, show_progress="hidden"
    ).then(None, js=SHOW_READER_JS)
    as_at.submit(ui.reader, inputs=[place, as_at], outputs=[pane])
    close.click(None, js=HIDE_READER_JS)
