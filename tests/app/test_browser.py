"""The chat page in a real chromium: ask, see the answer and its citation cards, offline.

Runs the app with the fake assistant on 127.0.0.1 in a background thread and records every
request the page makes: all must stay on the loopback.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
import uvicorn

from app.web import build_app
from ingest.settings import Settings
from tests.app.conftest import EVIL, FakeAssistant

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="/usr/bin/chromium is missing (apt-get install -y chromium)",
    ),
]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextlib.contextmanager
def serving(assistant: FakeAssistant, home: Path) -> Iterator[str]:
    """The app with ``assistant`` on a free loopback port, for as long as the block runs."""
    settings = Settings(home=home)
    port = _free_port()
    config = uvicorn.Config(
        build_app(assistant, settings, auth=None), host="127.0.0.1", port=port, log_level="warning"
    )
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not uv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        uv.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, FakeAssistant]]:
    assistant = FakeAssistant()
    with serving(assistant, tmp_path / "home") as url:
        yield url, assistant


def _screenshot_dir(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("QUYCHE_SCREENSHOT_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_chat_answers_with_citation_cards_offline(
    server: tuple[str, FakeAssistant], tmp_path: Path
) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    url, assistant = server
    requests: list[str] = []
    dialogs: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(
                viewport={"width": 1400, "height": 1000},
                locale="vi-VN",
                permissions=["clipboard-read", "clipboard-write"],
            )
            page.on("request", lambda request: requests.append(request.url))
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            page.goto(url, wait_until="load")
            box = page.locator("#qc-question textarea")
            box.wait_for(timeout=30_000)
            # the sidebar's document list arrives with the page-load event
            page.get_by_text("Quy chế làm việc thử · 01-QC/TU").first.wait_for(timeout=30_000)

            box.fill(f"Hãy so sánh quy chế {EVIL}")
            page.locator("#qc-send").click()
            page.wait_for_selector("#qc-chat details.qc-cite", timeout=30_000)
            page.get_by_text("Câu hỏi: Hãy so sánh").first.wait_for(timeout=10_000)
            assert page.locator("#qc-chat .qc-head").first.inner_text() == (
                "Ban Thường vụ quyết định."
            )
            page.locator("#qc-chat details.qc-cite summary").first.click()
            page.wait_for_selector("#qc-chat details.qc-cite[open] .qc-quote", timeout=10_000)
            page.wait_for_selector("#qc-chat .qc-badge-diff", timeout=10_000)
            page.locator("#qc-chat details.qc-cite[open] button.qc-copy").first.click()
            page.get_by_text("Đã chép").first.wait_for(timeout=10_000)  # the head script runs
            copied = page.evaluate("navigator.clipboard.readText()")
            assert "Điều" in copied and "<" not in copied  # the citation string, not HTML
            assert page.evaluate("document.documentElement.lang") == "vi"
            assert page.locator("#qc-chat script").count() == 0
            assert page.locator("#qc-chat img[onerror]").count() == 0
            page.screenshot(path=str(_screenshot_dir(tmp_path) / "chat-answer.png"), full_page=True)

            box.fill("Hội nghị cần bao nhiêu người dự?")
            page.locator("#qc-send").click()
            page.wait_for_selector("#qc-chat .qc-numeric", timeout=30_000)
            page.get_by_text("⌈2/3 × 15⌉ = 10").first.wait_for(timeout=10_000)
            box.fill("Điều này không có trong quy chế?")
            page.locator("#qc-send").click()
            page.wait_for_selector("#qc-chat .qc-badge-refusal", timeout=30_000)
            # an error is a message of its own, not drawn inside the answer before it
            box.fill("x" * 2001)
            page.locator("#qc-send").click()
            page.wait_for_selector("#qc-chat .qc-error", timeout=30_000)
            shared = page.evaluate(
                "[...document.querySelectorAll('#qc-chat .qc-error')].map(e => {"
                " const row = e.closest('.message-row') || e.parentElement;"
                " return row.querySelectorAll('.qc-answer:not(.qc-error)').length; })"
            )
            assert shared == [0]
            page.screenshot(
                path=str(_screenshot_dir(tmp_path) / "chat-numeric-refusal.png"), full_page=True
            )
        finally:
            browser.close()

    assert dialogs == [], "injected script ran"
    # the second question went out with the first exchange as history
    assert [len(call[1]) for call in assistant.calls] == [0, 2, 4]
    outside = [u for u in requests if urlparse(u).hostname not in LOCAL_HOSTS]
    assert requests, "no request recorded"
    assert outside == [], f"requests left the machine: {outside}"


def test_browse_articles(server: tuple[str, FakeAssistant], tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    url, _ = server
    requests: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.on("request", lambda request: requests.append(request.url))
            page.goto(url, wait_until="load")
            page.get_by_text("Quy chế làm việc thử · 01-QC/TU").first.wait_for(timeout=30_000)
            page.get_by_role("tab", name="Tra cứu văn bản").click()
            page.get_by_text("Quy chế làm việc thử · 01-QC/TU").last.click()
            page.get_by_text("Chương II · QUAN HỆ").click()
            page.get_by_text("Điều 2. Quan hệ công tác").click()
            page.wait_for_selector("#qc-reader.qc-shown .qc-article", timeout=30_000)
            text = page.locator("#qc-reader .qc-article-text").inner_text()
            assert "<b>quan hệ</b>" in text  # shown as text, not markup
            page.screenshot(
                path=str(_screenshot_dir(tmp_path) / "browse-article.png"), full_page=True
            )
        finally:
            browser.close()
    outside = [u for u in requests if urlparse(u).hostname not in LOCAL_HOSTS]
    assert outside == [], f"requests left the machine: {outside}"


def test_upload_and_rules_tabs(server: tuple[str, FakeAssistant], tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    url, assistant = server
    good = tmp_path / "Quy chế mới.txt"
    good.write_text(
        "QUY CHẾ\nLÀM VIỆC CỦA BAN CHẤP HÀNH ĐẢNG BỘ XÃ AN BÌNH\n(Ban hành kèm theo Quyết định)\n"
        "Điều 1. Phạm vi\n1. Nội dung.",
        encoding="utf-8",
    )
    bad = tmp_path / "ghi-chu.md"
    bad.write_text("chỉ là ghi chú", encoding="utf-8")
    picture = tmp_path / "anh.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n")
    requests: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.on("request", lambda request: requests.append(request.url))
            page.goto(url, wait_until="load")
            page.get_by_role("tab", name="Nạp quy chế").click()
            page.locator("input[type=file]").set_input_files([str(good), str(bad), str(picture)])
            page.get_by_text("Đã chọn 3 tệp").wait_for(timeout=30_000)
            page.get_by_role("button", name="Nạp", exact=True).click()
            page.wait_for_selector("#qc-ingest-result .qc-ingest-error", timeout=30_000)
            result = page.locator("#qc-ingest-result").inner_text()
            assert (
                "Quy chế mới.txt: đã thêm — QUY CHẾ LÀM VIỆC CỦA BAN CHẤP HÀNH ĐẢNG BỘ XÃ AN BÌNH"
                in result
            )
            assert "ghi-chu.md: không nạp được — không tìm thấy tiêu đề" in result
            assert "anh.png: không nạp được — " in result  # a wrong type, said in Vietnamese
            assert "không phải định dạng được hỗ trợ" in result
            assert "/tmp" not in result and "quyche-upload" not in result
            page.screenshot(path=str(_screenshot_dir(tmp_path) / "upload.png"), full_page=True)

            page.get_by_role("tab", name="Bảng quy tắc").click()
            page.get_by_role("button", name="Tải bảng quy tắc").click()
            page.wait_for_function(
                "document.querySelector('#qc-rules').innerText.includes('05 ngày')",
                timeout=30_000,
            )
            rules = page.locator("#qc-rules").inner_text()
            assert "Giá trị" in rules and "túc số hội nghị" in rules
            assert "document_id" not in rules and "quorum" not in rules
            page.screenshot(path=str(_screenshot_dir(tmp_path) / "rules.png"), full_page=True)
        finally:
            browser.close()
    assert [p.name for p in assistant.ingested[0]] == ["quy-che-moi.txt", "ghi-chu.md"]
    outside = [u for u in requests if urlparse(u).hostname not in LOCAL_HOSTS]
    assert outside == [], f"requests left the machine: {outside}"
