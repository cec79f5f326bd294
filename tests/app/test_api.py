"""The HTTP API through FastAPI's TestClient, with the fake assistant."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.auth import AuthConfig, User, hash_password, hash_token
from app.qlog import read_log
from app.web import build_app
from ingest.settings import Settings
from tests.app.conftest import EVIL, FakeAssistant

ADMIN_TOKEN = "admin-token-0123456789"
USER_TOKEN = "user-token-0123456789"


@pytest.fixture(scope="module")
def accounts() -> AuthConfig:
    return AuthConfig(
        users=(
            User(
                username="admin",
                role="admin",
                password_hash=hash_password("admin-pw"),
                token_hash=hash_token(ADMIN_TOKEN),
            ),
            User(
                username="user",
                role="user",
                password_hash=hash_password("user-pw"),
                token_hash=hash_token(USER_TOKEN),
            ),
        )
    )


@pytest.fixture
def client(fake_assistant: FakeAssistant, settings: Settings) -> TestClient:
    return TestClient(build_app(fake_assistant, settings, auth=None))


@pytest.fixture
def secured(fake_assistant: FakeAssistant, settings: Settings, accounts: AuthConfig) -> TestClient:
    return TestClient(build_app(fake_assistant, settings, auth=accounts))


def _basic(username: str, password: str) -> dict[str, str]:
    token = base64.b64encode(f"{username}:{password}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_ask_returns_the_answer_contract(client: TestClient, fake_assistant: FakeAssistant) -> None:
    body = {
        "question": "Ai quyết định triệu tập hội nghị?",
        "history": [{"role": "user", "content": "trước"}, {"role": "assistant", "content": "đáp"}],
        "document_ids": ["quy-che-thu"],
        "id": "q1",
    }
    response = client.post("/api/ask", json=body)
    assert response.status_code == 200
    expected = FakeAssistant().ask(body["question"], id="q1").model_dump(mode="json")
    assert response.json() == expected
    _, history, scope = fake_assistant.calls[-1]
    assert [t.content for t in history] == ["trước", "đáp"]
    assert scope == ["quy-che-thu"]


def test_numeric_answer_round_trips(client: TestClient) -> None:
    data = client.post("/api/ask", json={"question": "Cần bao nhiêu người dự?"}).json()
    assert data["kind"] == "numeric"
    assert data["numeric"]["computation"] == "⌈2/3 × 15⌉ = 10"
    assert set(data) == {
        "id",
        "question",
        "kind",
        "answer",
        "citations",
        "numeric",
        "documents",
        "notes",
        "follow_ups",
        "steps",
        "findings",
    }


@pytest.mark.parametrize(
    "payload",
    [
        b"{not json",
        b"[]",
        json.dumps({}).encode(),
        json.dumps({"question": ""}).encode(),
        json.dumps({"question": "   "}).encode(),
        json.dumps({"question": 5}).encode(),
        json.dumps({"question": "q", "history": [{"role": "system", "content": "x"}]}).encode(),
        json.dumps({"question": "q", "document_ids": "abc"}).encode(),
        json.dumps({"question": "q", "extra": 1}).encode(),
    ],
)
def test_bad_input_is_422(client: TestClient, payload: bytes) -> None:
    response = client.post(
        "/api/ask", content=payload, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert isinstance(detail, str) and detail.startswith(("Yêu cầu không hợp lệ", "Câu hỏi"))
    assert "loc" not in detail and "pydantic" not in detail


def test_bad_history_role_names_the_field(client: TestClient) -> None:
    payload = {"question": "Ai ký?", "history": [{"role": "bot", "content": "x"}]}
    detail = client.post("/api/ask", json=payload).json()["detail"]
    assert "vai trò (role)" in detail and "lượt thứ 1" in detail and "'user'" in detail


def test_too_long_question_is_413_with_message(
    client: TestClient, fake_assistant: FakeAssistant
) -> None:
    response = client.post("/api/ask", json={"question": "x" * 201})
    assert response.status_code == 413
    assert "quá dài" in response.json()["detail"]
    assert "200" in response.json()["detail"]
    assert fake_assistant.calls == []


def test_documents_and_health(client: TestClient) -> None:
    docs = client.get("/api/documents").json()
    assert [d["id"] for d in docs] == ["quy-che-thu"]
    assert docs[0]["meta"]["title"] == "Quy chế làm việc thử"
    assert docs[0]["article_count"] == 2
    assert client.get("/api/health").json() == {"status": "ok", "documents": 1, "auth": False}


def test_question_log_written_without_credentials(secured: TestClient, settings: Settings) -> None:
    response = secured.post(
        "/api/ask", json={"question": "Ai triệu tập?"}, headers=_bearer(USER_TOKEN)
    )
    assert response.status_code == 200
    log_path = settings.home / "logs" / "questions.jsonl"
    records = read_log(log_path)
    assert [(r.question, r.user, r.source) for r in records] == [("Ai triệu tập?", "user", "api")]
    raw = log_path.read_text(encoding="utf-8")
    assert USER_TOKEN not in raw and "Bearer" not in raw


def test_question_log_can_be_turned_off(fake_assistant: FakeAssistant, tmp_path: Path) -> None:
    settings = Settings(home=tmp_path / "home", log_questions=False)
    client = TestClient(build_app(fake_assistant, settings, auth=None))
    assert client.post("/api/ask", json={"question": "Ai?"}).status_code == 200
    assert not (settings.home / "logs" / "questions.jsonl").exists()


def test_ui_page_is_served_without_outside_links(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert "<html" in page.text.lower()
    theme = client.get("/theme.css").text
    assert "googleapis" not in theme and "fonts.gstatic" not in theme
    config = client.get("/config").text
    assert "googleapis" not in config
    assert client.get("/docs").status_code == 404  # swagger would come from a CDN


def test_auth_required_when_accounts_configured(secured: TestClient) -> None:
    ask = {"question": "Ai triệu tập?"}
    assert secured.post("/api/ask", json=ask).status_code == 401
    assert secured.get("/api/documents").status_code == 401
    assert secured.post("/api/ask", json=ask, headers=_basic("user", "wrong")).status_code == 401
    assert secured.post("/api/ask", json=ask, headers=_basic("ghost", "user-pw")).status_code == 401
    assert secured.post("/api/ask", json=ask, headers=_bearer("nope")).status_code == 401
    assert (
        secured.post("/api/ask", json=ask, headers={"Authorization": "Basic !!!"}).status_code
        == 401
    )
    assert secured.post("/api/ask", json=ask, headers=_basic("user", "user-pw")).status_code == 200
    assert secured.post("/api/ask", json=ask, headers=_bearer(USER_TOKEN)).status_code == 200
    assert secured.get("/api/health").json()["auth"] is True


def test_ui_requires_login_when_accounts_configured(secured: TestClient) -> None:
    assert secured.get("/config").status_code == 401
    login = secured.post("/login", data={"username": "user", "password": "wrong"})
    assert login.status_code == 400
    login = secured.post("/login", data={"username": "user", "password": "user-pw"})
    assert login.status_code == 200
    assert secured.get("/config").status_code == 200


def _files(*items: tuple[str, bytes]) -> list[tuple[str, tuple[str, bytes, str]]]:
    return [("files", (name, data, "application/octet-stream")) for name, data in items]


GOOD = "Điều 1. Phạm vi\nNội dung.".encode()


def test_upload_is_admin_only(secured: TestClient, fake_assistant: FakeAssistant) -> None:
    files = _files(("quy-che-moi.txt", GOOD))
    assert secured.post("/api/ingest", files=files).status_code == 401
    denied = secured.post("/api/ingest", files=files, headers=_bearer(USER_TOKEN))
    assert denied.status_code == 403
    assert fake_assistant.ingested == []
    allowed = secured.post("/api/ingest", files=files, headers=_basic("admin", "admin-pw"))
    assert allowed.status_code == 200
    assert allowed.json()["added"] == ["quy-che-moi"]


def test_upload_names_are_sanitised_and_bad_files_reported(
    client: TestClient, fake_assistant: FakeAssistant, settings: Settings
) -> None:
    files = _files(
        ("../../etc/Quy chế <Mới>.TXT", GOOD),
        ("virus.exe", b"MZ..."),
        ("trong.txt", b"   "),
        ("khong-dieu.md", b"# just text"),
    )
    report = client.post("/api/ingest", files=files).json()
    (paths,) = fake_assistant.ingested
    assert [p.name for p in paths] == ["quy-che-moi.txt", "khong-dieu.md"]
    assert all(p.parent.name.startswith("quyche-upload-") for p in paths)
    assert report["added"] == ["quy-che-moi"]
    errors = report["errors"]
    assert any(e.startswith("virus.exe: tệp .exe không phải định dạng") for e in errors)
    assert any(e.startswith("trong.txt: tệp rỗng") for e in errors)
    assert any(e.startswith("khong-dieu.md:") for e in errors)
    assert not any("quyche-upload-" in e or "/tmp" in e for e in errors)


def test_upload_size_limit(fake_assistant: FakeAssistant, tmp_path: Path) -> None:
    settings = Settings(home=tmp_path / "home", max_upload_bytes=100)
    client = TestClient(build_app(fake_assistant, settings, auth=None))
    report = client.post("/api/ingest", files=_files(("lon.txt", b"x" * 101))).json()
    assert report["errors"] == ["lon.txt: tệp quá lớn (tối đa 100 byte)"]
    assert fake_assistant.ingested == []
    assert EVIL  # the fake's hostile strings are shared with the render tests


def test_ask_json_carries_the_suggested_follow_ups(tmp_path: Path) -> None:
    from assistant.service import Assistant
    from tests.assistant.test_follow_ups import HA_LAM

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "quy-che-ha-lam.txt").write_text(HA_LAM, encoding="utf-8")
    settings = Settings(home=tmp_path / "home", embedding_backend="none", log_questions=False)
    assert not Assistant.ingest_files(settings, [docs]).errors
    client = TestClient(build_app(Assistant.open(settings), settings, auth=None))
    data = client.post(
        "/api/ask", json={"question": "Ban Chấp hành họp thường lệ bao lâu một lần?"}
    ).json()
    assert data["kind"] == "numeric"
    # one document loaded: the suggestions need not name it
    assert data["follow_ups"] == [
        "Phải có mặt bao nhiêu thành viên thì hội nghị Ban Chấp hành hợp lệ?",
        "Khoản 2 Điều 3 quy định gì?",
    ]
    refused = client.post("/api/ask", json={"question": "Thuế thu nhập tính thế nào?"}).json()
    assert refused["kind"] == "refusal" and refused["follow_ups"] == []
