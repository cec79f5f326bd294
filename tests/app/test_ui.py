"""The chat UI's handlers, called directly (no browser)."""

from __future__ import annotations

import json
from pathlib import Path

import gradio as gr
import pytest

from app.auth import AuthConfig, User, hash_token
from app.qlog import QuestionLog, read_log
from app.ui import EMPTY_QUESTION, WebUI, build_blocks
from ingest.errors import IngestLockedError
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


def test_respond_refuses_long_and_empty_as_messages_of_their_own(
    fake_assistant: FakeAssistant, settings: Settings
) -> None:
    ui = _ui(fake_assistant, settings)
    _, _, turns, answered = ui.respond("Ai triệu tập?", [], [], None)
    box, _, turns_after, shown = ui.respond("x" * 201, turns, answered, None)
    assert box == "x" * 201 and turns_after == turns  # the error is not history
    assert shown[:2] == answered  # the answer before is left as it was
    assert len(shown) == 3 and shown[2]["role"] == "assistant"
    assert "quá dài" in shown[2]["content"] and "qc-error" in shown[2]["content"]
    assert "quá dài" not in shown[1]["content"]

    box, _, _, shown = ui.respond("   ", turns, shown, None)
    assert box == "   " and len(shown) == 4 and EMPTY_QUESTION in shown[3]["content"]
    _, _, _, again = ui.respond("", turns, shown, None)
    assert again == shown  # pressing Gửi twice on an empty box says it once
    assert len(fake_assistant.calls) == 1


def test_chat_shows_each_message_in_its_own_bubble(
    fake_assistant: FakeAssistant, settings: Settings
) -> None:
    blocks = build_blocks(_ui(fake_assistant, settings))
    chatbots = [b for b in blocks.blocks.values() if isinstance(b, gr.Chatbot)]
    assert [c.group_consecutive_messages for c in chatbots] == [False]
    # components whose label gradio would otherwise fill in English ("Textbox", "Dataframe")
    unnamed = [
        b
        for b in blocks.blocks.values()
        if isinstance(b, gr.Textbox | gr.Dataframe | gr.Chatbot | gr.Dropdown) and not b.label
    ]
    assert unnamed == []


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
    assert ui.document_choices() == [("Quy chế làm việc thử · 01-QC/TU", "quy-che-thu")]
    # the article's own markup is shown as text in the reading pane
    article = json.dumps({"href": "#qc/quy-che-thu/regulation/2//", "quote": ""})
    assert "&lt;b&gt;" in ui.reader(article) and "<b>" not in ui.reader(article)


def test_tables_say_so_when_they_fail(fake_assistant: FakeAssistant, settings: Settings) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("snapshot missing")

    fake_assistant.rules = boom  # type: ignore[method-assign,assignment]
    fake_assistant.powers = boom  # type: ignore[method-assign,assignment]
    ui = _ui(fake_assistant, settings)
    assert "Không tải được bảng quy tắc." in ui.rules_table(None)
    assert "Không tải được bảng thẩm quyền." in ui.powers_table(None)


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
    assert "Quy chế.txt</span>: đã thêm" in html and "1 điều" in html
    assert seen == [(0.5, "Đang đọc")]


def test_upload_open_without_accounts(
    fake_assistant: FakeAssistant, settings: Settings, tmp_path: Path
) -> None:
    ui = _ui(fake_assistant, settings)
    bad = tmp_path / "x.exe"
    bad.write_bytes(b"MZ")
    assert ui.can_upload(None)
    html = ui.ingest_files([str(bad)], None)
    assert html == (
        '<div class="qc-ingest-error"><span class="qc-ingest-name">x.exe</span>: không nạp được'
        " — tệp .exe không phải định dạng được hỗ trợ; chỉ nạp được tệp .txt, .md, .docx, .doc"
        " hoặc .pdf</div>"
    )
    assert fake_assistant.ingested == []
    assert "Chưa chọn" in ui.ingest_files([], None)


AN_BINH = (
    "ĐẢNG BỘ XÃ AN BÌNH\nSố 03-QC/ĐU\nQUY CHẾ\nLÀM VIỆC CỦA BAN CHẤP HÀNH ĐẢNG BỘ XÃ AN BÌNH\n"
    "(Ban hành kèm theo Quyết định số 12-QĐ/ĐU)\nĐiều 1. Phạm vi\n1. Quy chế này quy định.\n"
    "Điều 2. Hiệu lực\n1. Có hiệu lực từ ngày ký.\n"
)


def test_upload_names_each_file_with_title_number_and_articles(
    fake_assistant: FakeAssistant, settings: Settings, tmp_path: Path
) -> None:
    good = tmp_path / "Quy chế An Bình.txt"
    good.write_text(AN_BINH, encoding="utf-8")
    bad = tmp_path / "Ghi chú.md"
    bad.write_text("chỉ là ghi chú", encoding="utf-8")
    html = _ui(fake_assistant, settings).ingest_files([str(good), str(bad)], None)
    lines = html.split("</div>")[:-1]
    assert len(lines) == 2
    assert lines[0] == (
        '<div class="qc-ingest-file"><span class="qc-ingest-name">Quy chế An Bình.txt</span>: '
        'đã thêm — <span class="qc-ingest-title">QUY CHẾ LÀM VIỆC CỦA BAN CHẤP HÀNH ĐẢNG BỘ XÃ '
        "AN BÌNH</span> · số 03-QC/ĐU, 2 điều"
    )
    assert "ban chấp hành đảng bộ xã an bình" not in html  # not the lower-cased title
    assert lines[1].startswith(
        '<div class="qc-ingest-error"><span class="qc-ingest-name">Ghi chú.md</span>: '
        "không nạp được — không tìm thấy tiêu đề"
    )
    staged = fake_assistant.ingested[0][0].parent
    assert str(staged) not in html and "quyche-upload" not in html and "/tmp" not in html
    # the same file again: updated
    again = _ui(fake_assistant, settings).ingest_files([str(good)], None)
    assert "Quy chế An Bình.txt</span>: đã cập nhật — " in again


def test_upload_failure_says_one_line_without_paths(
    fake_assistant: FakeAssistant, settings: Settings, tmp_path: Path
) -> None:
    def locked(paths: list[Path], progress: object = None) -> None:
        raise IngestLockedError(f"{paths[0]}: đang có một lần nạp khác; hãy thử lại sau")

    def boom(paths: list[Path], progress: object = None) -> None:
        raise RuntimeError(f"disk full at {paths[0]}")

    path = tmp_path / "a.txt"
    path.write_text(AN_BINH, encoding="utf-8")
    fake_assistant.ingest = locked  # type: ignore[method-assign,assignment]
    html = _ui(fake_assistant, settings).ingest_files([str(path)], None)
    assert html == "<div>Không nạp được: a.txt: đang có một lần nạp khác; hãy thử lại sau</div>"
    fake_assistant.ingest = boom  # type: ignore[method-assign,assignment]
    html = _ui(fake_assistant, settings).ingest_files([str(path)], None)
    assert html == "<div>Không nạp được: đã xảy ra lỗi khi nạp. Vui lòng thử lại.</div>"


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


def test_conversation_kept_by_the_page(fake_assistant: FakeAssistant, settings: Settings) -> None:
    ui = _ui(fake_assistant, settings)
    box, chat, stored = ui.respond_stored("Ai triệu tập?", "", None)
    assert box == "" and len(chat) == 2
    box, chat, stored = ui.respond_stored("Cần bao nhiêu người?", stored, ["quy-che-thu"])
    _, history, _ = fake_assistant.calls[-1]
    assert [t.role for t in history] == ["user", "assistant"]  # the page's turns went back
    kept = json.loads(stored)
    assert len(kept["shown"]) == 4 and len(kept["markdown"]) == 4
    assert kept["markdown"][0] == "## Hỏi: Ai triệu tập?\n"
    _, _, errored = ui.respond_stored("", stored, None)
    assert len(json.loads(errored)["turns"]) == 4  # an error is shown, never history
    assert ui.restore(stored) == (kept["shown"], stored)
    assert ui.restore("{broken") == ([], '{"turns":[],"shown":[],"markdown":[]}')


def test_reader_and_tables(fake_assistant: FakeAssistant, settings: Settings) -> None:
    ui = _ui(fake_assistant, settings)
    request = json.dumps({"href": "#qc/quy-che-thu/regulation/1/1/a", "quote": ""})
    assert "<mark" in ui.reader(request)
    assert "Không tìm thấy văn bản" in ui.reader(request.replace("quy-che-thu", "khong"))
    assert "Không tìm thấy điều" in ui.reader(request.replace("/1/1/a", "/9//"))
    assert ui.reader("") == ""
    assert "Chương I" in ui.tree()
    assert "túc số hội nghị" in ui.rules_table() and "quyết định" in ui.powers_table()
    assert "họp thường lệ" in ui.rules_table() and "họp thường lệ" not in ui.rules_table(
        "quy-che-thu"
    )
