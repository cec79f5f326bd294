"""The other tabs: the article tree, the two tables, and the upload."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import gradio as gr

from app.chat_tab import username_of
from app.render import esc
from app.upload import ALLOWED_TEXT

if TYPE_CHECKING:
    from app.webui import WebUI


def browse_tab(ui: WebUI) -> gr.HTML:
    """Every document as a tree by Phần / Chương / Điều; a link opens the article beside it
    (in the reading pane). Returns the tree, which the page refreshes after an upload."""
    gr.Markdown(
        "Chọn văn bản, rồi Chương và Điều: điều được mở ở khung đọc bên cạnh. "
        "Ở khung đọc có thể xem bản có hiệu lực vào một ngày."
    )
    return gr.HTML(elem_id="qc-tree")


ALL_DOCUMENTS = ("Tất cả văn bản", "")


def document_filter(elem_id: str) -> gr.Dropdown:
    """Which document a table shows; the page fills the choices when it loads."""
    return gr.Dropdown(label="Văn bản", choices=[ALL_DOCUMENTS], value="", elem_id=elem_id, scale=3)


def rules_tab(ui: WebUI) -> gr.Dropdown:
    return _table_tab(
        "Các quy tắc định lượng trích từ quy chế (tỷ lệ, thời hạn, số người…), theo văn bản "
        "rồi theo loại quy tắc. Bấm vào trích dẫn để đọc điều khoản.",
        "qc-rules",
        "Tải bảng quy tắc",
        ui.rules_table,
    )


def powers_tab(ui: WebUI) -> gr.Dropdown:
    return _table_tab(
        "Cơ quan nào quyết định, phê duyệt, cho ý kiến… việc gì, theo từng quy chế rồi theo "
        "loại thẩm quyền. Bấm vào trích dẫn để đọc điều khoản.",
        "qc-powers",
        "Xem bảng thẩm quyền",
        ui.powers_table,
    )


def _table_tab(
    intro: str, elem_id: str, button: str, table_html: Callable[[str | None], str]
) -> gr.Dropdown:
    """A table tab: its intro, a document filter, a button that loads it, the table."""
    gr.Markdown(intro)
    with gr.Row(equal_height=True):
        pick = document_filter(f"{elem_id}-doc")
        load = gr.Button(button, elem_id=f"{elem_id}-load", scale=1)
    table = gr.HTML(elem_id=elem_id)
    load.click(table_html, inputs=[pick], outputs=[table])
    pick.input(table_html, inputs=[pick], outputs=[table])
    return pick


def chosen_html(paths: Sequence[str] | None) -> str:
    """The files picked for upload, by name, before they are ingested."""
    if not paths:
        return "<div>Chưa chọn tệp nào.</div>"
    names = ", ".join(Path(p).name for p in paths)
    return f"<div>{esc(f'Đã chọn {len(paths)} tệp: {names}. Bấm «Nạp» để nạp.')}</div>"


def upload_tab(ui: WebUI) -> gr.HTML:
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
        return ui.ingest_files(paths, username_of(request), progress)

    files.upload(chosen_html, inputs=[files], outputs=[result], show_progress="hidden")
    run.click(ingest, inputs=[files], outputs=[result])
    return result
