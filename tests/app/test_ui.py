"""The chat UI's handlers, called directly (no browser)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.auth import AuthConfig, User, hash_token
from app.qlog import QuestionLog, read_log
from app.ui import WebUI
from ingest.settings import Settings
from tests.app.conftest import EVIL, FakeAssistant


def _ui(fake: FakeAssistant, settings: Settings, auth: AuthConfig | None = None) -> WebUI:
    return WebUI(fake, settings, auth, QuestionLog.from_settings(settings))


def test_respond_keeps_history_and_escapes(
    fake_assistant: FakeAssistant, settings: Settings
) -> None:
    ui = _ui(fake_assistant, settings)
    box, chat, turns, shown = ui.respond(EVIL, [], [], None, username="an")
    assert box == ""
    assert chat is shown and len(shown) == 2
    assert "<script" not in shown[0]["content"] and "<script" not in shown[1]["content"]
    assert [t["role"] for t in turns] == ["user", "assistant"]
    assert turns[0]["content"] == EVIL  # the assistant gets the raw text, the page the escaped
    _, _, turns, shown = ui.respond("Cần bao nhiêu người?", turns, shown, ["quy-che-thu"])
    _, history, scope = fake_assistant.calls[-1]
    assert [t.content for t in history] == [EVIL, turns[1]["content"]]
    assert scope == ["quy-che-thu"]
    assert "qc-numeric" in shown[-1]["content"]
    records = read_log(settings.home / "logs" / "questions.jsonl")
    assert [(r.user, r.source) for r in records] == [("an", "web"), (None, "web")]


def test_respond_refuses_long_and_ignores_empty(
    fake_assistant: FakeAssistant, settings: Settings
) -> None:
    ui = _ui(fake_assistant, settings)
    assert ui.respond("   ", [], [], None) == ("   ", [], [], [])
    box, _, turns, shown = ui.respond("x" * 201, [], [], None)
    assert box == "x" * 201 and turns == []
    assert "quá dài" in shown[0]["content"]
    assert fake_assistant.calls == []


def test_respond_survives_assistant_errors(
    fake_assistant: FakeAssistant, settings: Settings
) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("index missing")

    fake_assistant.ask = boom  # type: ignore[method-assign,assignment]
    _, _, turns, shown = _ui(fake_assistant, settings).respond("Ai?", [], [], None)
    assert turns == [] and "lỗi" in shown[0]["content"]


def test_browse(fake_assistant: FakeAssistant, settings: Settings) -> None:
    ui = _ui(fake_assistant, settings)
    assert ui.document_choices() == [("Quy chế làm việc thử (01-QC/TU)", "quy-che-thu")]
    choices = ui.article_choices("quy-che-thu")
    assert choices[1] == ("Chương II · Điều 2. Quan hệ công tác", "regulation:2")
    assert ui.article_choices("unknown") == []
    assert "&lt;b&gt;" in ui.article_html("quy-che-thu", "regulation:2")
    assert "Không tìm thấy" in ui.article_html("quy-che-thu", "regulation:99")
    assert "Không tìm thấy" in ui.article_html("unknown", "regulation:1")
    assert ui.article_html(None, None) == ""


def test_rules_rows_are_readable(fake_assistant: FakeAssistant, settings: Settings) -> None:
    ui = _ui(fake_assistant, settings)
    headers, rows = ui.rules_rows("quy-che-thu")
    assert headers[:4] == ["Loại quy tắc", "Cơ quan", "Nội dung", "Giá trị"]
    assert [row[0] for row in rows] == ["túc số hội nghị", "ngưỡng tiền", "thời hạn gửi trước"]
    headers, rows = ui.rules_rows(None)  # all documents: named by title, not by id
    assert headers[0] == "Văn bản" and rows[0][0] == "Quy chế làm việc thử (01-QC/TU)"


def test_rules_rows_say_so_when_they_fail(
    fake_assistant: FakeAssistant, settings: Settings
) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("snapshot missing")

    fake_assistant.rules = boom  # type: ignore[method-assign,assignment]
    assert _ui(fake_assistant, settings).rules_rows(None) == (
        ["Lỗi"],
        [["Không tải được bảng quy tắc."]],
    )


def test_powers_table_names_body_act_and_citation(
    fake_assistant: FakeAssistant, settings: Settings
) -> None:
    ui = _ui(fake_assistant, settings)
    headers, rows = ui.powers_rows("quy-che-thu")
    assert headers == ["Cơ quan", "Thẩm quyền", "Nội dung", "Điều kiện", "Trích dẫn"]
    assert rows, "the made-up clause gives Ban Thường vụ a power"
    body, act, action, _, where = rows[0]
    assert body == "Ban Thường vụ" and act == "quyết định"
    assert "triệu tập hội nghị" in action
    assert where == "khoản 1 Điều 1 Quy chế làm việc thử (01-QC/TU)"
    assert ui.powers_rows(None) == (headers, [])


def _accounts() -> AuthConfig:
    return AuthConfig(
        users=(
            User(username="admin", role="admin", password_hash=hash_token("a")),
            User(username="user", role="user", password_hash=hash_token("u")),
        )
    )


def test_upload_admin_only_in_ui(
    fake_assistant: FakeAssistant, settings: Settings, tmp_path: Path
) -> None:
    ui = _ui(fake_assistant, settings, _accounts())
    path = tmp_path / "Quy chế.txt"
    path.write_text("Điều 1. A", encoding="utf-8")
    assert not ui.can_upload(None) and not ui.can_upload("user") and ui.can_upload("admin")
    assert "quản trị viên" in ui.ingest_files([str(path)], "user")
    assert fake_assistant.ingested == []
    seen: list[tuple[float, str]] = []
    html = ui.ingest_files([str(path)], "admin", lambda f, desc: seen.append((f, desc)))  # type: ignore[arg-type]
    assert "quy-che" in html
    assert seen == [(0.5, "Đang đọc")]


def test_upload_open_without_accounts(
    fake_assistant: FakeAssistant, settings: Settings, tmp_path: Path
) -> None:
    ui = _ui(fake_assistant, settings)
    bad = tmp_path / "x.exe"
    bad.write_bytes(b"MZ")
    assert ui.can_upload(None)
    html = ui.ingest_files([str(bad)], None)
    assert "x.exe: định dạng .exe" in html
    assert "Chưa chọn" in ui.ingest_files([], None)


@pytest.mark.parametrize("name", ["<img src=x onerror=alert(1)>.txt"])
def test_upload_errors_are_escaped(
    fake_assistant: FakeAssistant, settings: Settings, tmp_path: Path, name: str
) -> None:
    path = tmp_path / "ok.txt"
    path.write_text("no articles", encoding="utf-8")
    fake_assistant.ingest = lambda paths, progress=None: type(  # type: ignore[method-assign,assignment]
        "R",
        (),
        {
            "added": [],
            "updated": [],
            "unchanged": [],
            "removed": [],
            "errors": [f"{name}: lỗi"],
            "warnings": [f"{name}: trang 2: OCR không đọc được; trang này bị bỏ qua"],
        },
    )()
    html = _ui(fake_assistant, settings).ingest_files([str(path)], None)
    assert "<img" not in html and "&lt;img" in html
    assert "Cảnh báo:" in html and "trang 2: OCR không đọc được" in html
