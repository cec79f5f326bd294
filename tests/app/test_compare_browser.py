"""The "So sánh với quy chế mẫu" tab in a real chromium: upload a made-up draft, pick the
model, compare, see a difference marked inside the clause, offline."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from ingest.parse import parse_text
from tests.app.conftest import FakeAssistant
from tests.app.test_browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    LOCAL_HOSTS,
    _screenshot_dir,
    serving,
)
from tests.assistant.drafting.texts import DRAFT, MODEL

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is missing"),
]


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    assistant = FakeAssistant()
    assistant.doc = parse_text(MODEL, "quy-che-mau-xa.txt")
    with serving(assistant, tmp_path / "home") as url:
        yield url


def test_compare_a_draft_with_the_model(server: str, tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    draft = tmp_path / "du-thao-xa-hoa-mo.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    requests: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="vi-VN")
            page.on("request", lambda request: requests.append(request.url))
            page.goto(server, wait_until="load")
            page.get_by_role("tab", name="So sánh với quy chế mẫu").click()
            # only the open tab is in the page: its upload button is the one file input
            page.locator("input[type=file]").set_input_files(str(draft))
            page.get_by_text("Đã chọn dự thảo").wait_for(timeout=30_000)
            page.get_by_role("button", name="So sánh", exact=True).click()
            page.wait_for_selector("#qc-cmp-result .qc-cmp-power_moved", timeout=30_000)
            report = page.locator("#qc-cmp-result").inner_text()
            assert "Thẩm quyền chuyển sang chủ thể khác (1)" in report
            assert "chuyển từ Ban Thường vụ sang Thường trực" in report
            assert "khoản 1 Điều 2 Quy chế làm việc mẫu" in report
            assert page.locator("#qc-cmp-result ins", has_text="05").count() >= 1
            page.get_by_role("button", name="Tải báo cáo .docx").wait_for(timeout=10_000)
            page.locator("#qc-cmp-result .qc-cmp-power_moved").scroll_into_view_if_needed()
            page.screenshot(path=str(_screenshot_dir(tmp_path) / "compare.png"), full_page=True)
        finally:
            browser.close()
    outside = [u for u in requests if urlparse(u).hostname not in LOCAL_HOSTS]
    assert outside == []
