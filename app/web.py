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

STATIC = Path(__file__).parent / "static"


def page_assets() -> tuple[str, str]:
    """(css, head) for the page: the stylesheet and the page script shipped with the app
    (``app/static``), given inline so nothing is fetched from anywhere else."""
    css = (STATIC / "quyche.css").read_text(encoding="utf-8")
    script = (STATIC / "quyche.js").read_text(encoding="utf-8")
    return css, f"<script>\n{script}\n</script>"


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
    css, head = page_assets()
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
        css=css,
        head=head,
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
