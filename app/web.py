"""The web app: the JSON API under ``/api`` and the gradio chat UI at ``/``.

Everything is served from this process: system fonts, no CDN, no analytics, no API docs
page (FastAPI's pulls Swagger from a CDN), so the page works on an offline machine.
"""

from __future__ import annotations

import os

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"

import logging
from pathlib import Path

import gradio as gr
import uvicorn
from fastapi import FastAPI

from app.api import ApiContext, install
from app.auth import AuthConfig, auth_from_env, check_bind, is_loopback, load_users
from app.protocols import AssistantService
from app.qlog import QuestionLog
from app.ui import WebUI, build_blocks
from ingest.settings import Settings

logger = logging.getLogger(__name__)

SYSTEM_FONTS = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Noto Sans", "sans-serif"]
MONO_FONTS = ["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "monospace"]

CSS = """
.qc-answer { line-height: 1.55; }
/* the tables' monospace font draws Vietnamese marks apart from their letters */
#qc-rules, #qc-rules *, #qc-powers, #qc-powers * { font-family: var(--font) !important; }
.qc-badges { display: flex; flex-wrap: wrap; gap: 6px; margin-bottom: 6px; }
.qc-badge { display: inline-block; padding: 2px 10px; border-radius: 999px; font-size: 0.85em;
  font-weight: 600; }
.qc-badge-refusal { background: #fdecea; color: #a61b1b; border: 1px solid #f5c2bd; }
.qc-badge-clarify { background: #fff6e0; color: #8a5a00; border: 1px solid #f1d79a; }
.qc-badge-diff { background: #e8f0fe; color: #1a4fa0; border: 1px solid #bcd0f7; }
.qc-badge-notes { background: #f1f3f4; color: #3c4043; border: 1px solid #dadce0; }
.qc-error .qc-text { color: #a61b1b; }
.qc-numeric { margin: 8px 0; padding: 8px 12px; border-left: 4px solid #1a4fa0;
  background: rgba(26, 79, 160, 0.06); border-radius: 4px; }
.qc-num-value { font-size: 1.25em; font-weight: 700; }
.qc-notes { margin: 6px 0 6px 1.2em; font-size: 0.93em; }
.qc-docs { font-size: 0.93em; margin: 6px 0; }
.qc-citations { margin-top: 10px; }
.qc-cites-title { font-weight: 600; font-size: 0.9em; margin-bottom: 4px; }
.qc-cite { border: 1px solid rgba(128, 128, 128, 0.35); border-radius: 6px; margin: 4px 0;
  padding: 4px 10px; }
.qc-cite summary { cursor: pointer; }
.qc-cite-loc { font-weight: 600; }
.qc-cite-doc { opacity: 0.8; font-size: 0.92em; }
.qc-quote { margin: 6px 0; padding: 4px 10px; border-left: 3px solid #c0c0c0;
  font-style: normal; white-space: normal; }
.qc-ocr { font-size: 0.85em; font-style: italic; color: #8a5a00; margin: 0 0 4px 0; }
.qc-citeas { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; font-size: 0.9em; }
.qc-citeas-text, .qc-num-formula { padding: 1px 6px; border-radius: 4px;
  background: rgba(128, 128, 128, 0.12); }
.qc-ingest-error { color: #a61b1b; }
.qc-ingest-warning { color: #8a5a00; }
.qc-copy { border: 1px solid rgba(128, 128, 128, 0.5); border-radius: 4px; padding: 1px 8px;
  cursor: pointer; background: transparent; }
.qc-article { max-height: 60vh; overflow-y: auto; font-size: 0.93em; line-height: 1.5; }
.qc-article-doc { font-weight: 600; }
.qc-article-chapter { opacity: 0.8; margin-bottom: 6px; }
"""

# Event delegation: the chat's HTML sanitiser strips inline handlers and data attributes,
# so the text to copy is read from the citation string shown beside the button.
HEAD = """
<script>
document.documentElement.lang = "vi";  // the page is Vietnamese: no offer to translate it
document.addEventListener("click", function (event) {
  var button = event.target && event.target.closest ? event.target.closest(".qc-copy") : null;
  if (!button) { return; }
  event.preventDefault();
  var box = button.closest(".qc-citeas");
  var shown = box ? box.querySelector(".qc-citeas-text") : null;
  var text = button.getAttribute("data-cite") || (shown ? shown.textContent.trim() : "");
  if (!text) { button.textContent = "Không chép được"; return; }
  var done = function () {
    button.textContent = "Đã chép";
    setTimeout(function () { button.textContent = "Sao chép"; }, 1500);
  };
  var fallback = function () {
    var area = document.createElement("textarea");
    area.value = text;
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); done(); } catch (e) {}
    document.body.removeChild(area);
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(done, fallback);
  } else {
    fallback();
  }
});
</script>
"""


def theme() -> gr.themes.Base:
    """Default look with system fonts: no font files fetched from anywhere."""
    return gr.themes.Default(font=SYSTEM_FONTS, font_mono=MONO_FONTS)


def build_app(
    assistant: AssistantService, settings: Settings, *, auth: AuthConfig | None
) -> FastAPI:
    """The API routes plus the UI; ``auth=None`` means no login (local use only)."""
    log = QuestionLog.from_settings(settings)
    app = FastAPI(title="Quy chế", docs_url=None, redoc_url=None)
    install(app, ApiContext(assistant, settings, auth, log))
    blocks = build_blocks(WebUI(assistant, settings, auth, log))
    return gr.mount_gradio_app(
        app,
        blocks,
        path="/",
        auth=auth.check if auth is not None else None,
        auth_message="Đăng nhập để dùng trợ lý Quy chế.",
        footer_links=[],
        run_history=False,
        max_file_size=settings.max_upload_bytes,
        ssr_mode=False,
        mcp_server=False,
        pwa=False,
        show_error=False,
        theme=theme(),
        css=CSS,
        head=HEAD,
    )


def resolve_auth(
    host: str, allow_remote: bool, auth: AuthConfig | None, users_file: Path | None
) -> AuthConfig | None:
    """Accounts from the argument, a users file, or QUYCHE_USERS_FILE; checked for the bind."""
    if auth is None and users_file is not None:
        auth = load_users(users_file)
    if auth is None:
        auth = auth_from_env()
    check_bind(host, allow_remote, auth)
    return auth


def serve(
    assistant: AssistantService,
    settings: Settings,
    host: str = "127.0.0.1",
    port: int = 7860,
    *,
    allow_remote: bool = False,
    auth: AuthConfig | None = None,
    users_file: Path | None = None,
    log_level: str = "info",
) -> None:
    """Run the app with uvicorn until interrupted; refuses an unsafe bind."""
    auth = resolve_auth(host, allow_remote, auth, users_file)
    app = build_app(assistant, settings, auth=auth)
    where = "local only" if is_loopback(host) else "remote, login required"
    logger.info("serving on http://%s:%d (%s)", host, port, where)
    uvicorn.run(app, host=host, port=port, log_level=log_level)
