"""The gradio page, in Vietnamese: the drawer, the tabs and the reading pane, wired to the
handlers of :class:`~app.webui.WebUI` (the tabs live in :mod:`app.chat_tab` and
:mod:`app.tabs`; the page's CSS and script in ``app/static``)."""

from __future__ import annotations

import os

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"

from typing import Any

import gradio as gr

from app.chat_tab import CURRENT_JS, chat_tab, conversations_panel, reader_pane, username_of
from app.compare_tab import TAB_TITLE, compare_tab
from app.tabs import ALL_DOCUMENTS, browse_tab, powers_tab, rules_tab, upload_tab
from app.webui import EMPTY_QUESTION, WebUI

__all__ = ["EMPTY_QUESTION", "WebUI", "build_blocks"]


def build_blocks(ui: WebUI) -> gr.Blocks:
    """Wire the handlers to a Blocks page; the theme, CSS and script are given at mount
    time (:mod:`app.web`). A new tab is one more ``with gr.Tab(...)`` in the list below."""
    with gr.Blocks(title="Quy chế — trợ lý tra cứu quy chế làm việc") as demo:
        with gr.Sidebar(label="Hội thoại và phạm vi", width=340, open=True, elem_id="qc-side"):
            conversations_panel()
            scope = gr.CheckboxGroup(
                label="Quy chế được hỏi",
                info="Để trống: hỏi trên tất cả quy chế.",
                choices=[],
                elem_id="qc-scope",
            )
        gr.Markdown("## Quy chế — trợ lý tra cứu quy chế làm việc của cấp ủy", elem_id="qc-title")
        user_line = gr.Markdown()
        with gr.Tabs(elem_id="qc-tabs"):
            with gr.Tab("Hỏi đáp"):
                chatbot, stored = chat_tab(ui, scope)
            with gr.Tab("Tra cứu văn bản"):
                tree = browse_tab(ui)
            with gr.Tab("Bảng thẩm quyền"):
                powers_pick = powers_tab(ui)
            with gr.Tab("Bảng quy tắc"):
                rules_pick = rules_tab(ui)
            with gr.Tab(TAB_TITLE):
                compare_tab(ui)
            with gr.Tab("Nạp quy chế", visible=ui.auth is None) as upload:
                result = upload_tab(ui)
        reader_pane(ui)

        def refresh(request: gr.Request) -> tuple[Any, ...]:
            username = username_of(request)
            who = f"Người dùng: **{username}**" if username else ""
            choices = ui.document_choices()
            return (
                gr.CheckboxGroup(choices=choices),
                ui.tree(),
                gr.Tab(visible=ui.can_upload(username)),
                who,
                gr.Dropdown(choices=[ALL_DOCUMENTS, *choices]),
                gr.Dropdown(choices=[ALL_DOCUMENTS, *choices]),
            )

        outputs = [scope, tree, upload, user_line, powers_pick, rules_pick]
        demo.load(refresh, outputs=outputs, show_progress="hidden")
        demo.load(
            ui.restore,
            inputs=[stored],
            outputs=[chatbot, stored],
            js=CURRENT_JS,
            show_progress="hidden",
        )
        result.change(refresh, outputs=outputs)
    return demo
