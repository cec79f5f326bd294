"""The comparison tab's handler and HTML, without a browser."""

from __future__ import annotations

from pathlib import Path

from app.compare_tab import comparison_html, run_comparison
from app.qlog import QuestionLog
from app.ui import WebUI
from assistant.drafting import compare
from ingest.parse import parse_text
from ingest.settings import Settings
from tests.app.conftest import EVIL, FakeAssistant
from tests.assistant.drafting.texts import DRAFT, MODEL


def _ui(tmp_path: Path) -> WebUI:
    assistant = FakeAssistant()
    assistant.doc = parse_text(MODEL, "quy-che-mau-xa.txt")
    settings = Settings(home=tmp_path / "home", log_questions=False)
    return WebUI(assistant, settings, None, QuestionLog.from_settings(settings))  # type: ignore[arg-type]


def _path(value: object) -> str:
    return str(value["path"] if isinstance(value, dict) else value)


def test_a_draft_compared_with_a_loaded_model(tmp_path: Path) -> None:
    ui = _ui(tmp_path)
    draft = tmp_path / "du-thao.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    html, docx_button, md_button = run_comparison(ui, str(draft), "quy-che-mau-xa")
    assert "Thẩm quyền chuyển sang chủ thể khác (1)" in html
    assert "<del>03</del>" in html and "<ins>05</ins>" in html
    assert "khoản 1 Điều 2 Quy chế làm việc mẫu" in html
    assert "Đối chiếu từng điều (7)" in html and "Chỉ có trong dự thảo" in html
    assert Path(_path(docx_button.value)).read_bytes()[:2] == b"PK"
    assert Path(_path(md_button.value)).read_text("utf-8").startswith("# So sánh")
    assert not (tmp_path / "home").exists()


def test_errors_are_one_vietnamese_line(tmp_path: Path) -> None:
    ui = _ui(tmp_path)
    bad = tmp_path / "ghi-chu.txt"
    bad.write_text("Không có điều nào.", encoding="utf-8")
    html, _, _ = run_comparison(ui, str(bad), "quy-che-mau-xa")
    assert "Lỗi: không đọc được dự thảo ghi-chu.txt" in html
    assert "Chưa chọn tệp dự thảo" in run_comparison(ui, None, "quy-che-mau-xa")[0]
    assert "Chưa chọn quy chế mẫu" in run_comparison(ui, str(bad), None)[0]


def test_text_is_escaped() -> None:
    model = parse_text(MODEL, "mau.txt")
    draft = parse_text(MODEL.replace("toàn khóa của Đảng bộ.", f"toàn khóa {EVIL}."), "d.txt")
    html = comparison_html(compare(model, draft))
    assert "<script>" not in html and "&lt;script&gt;" in html
