"""The optional LLM phrasing layer against a fake OpenAI-compatible (and Ollama) server."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.util import find_spec
from pathlib import Path

import pytest

from assistant.models import Answer, Citation, NumericResult
from assistant.phrasing import MAX_INPUT_CHARS, NOTE, Rephraser
from assistant.prompts import PROMPTS_DIR, load_prompt
from ingest.settings import Settings

QUOTE = "Hội nghị Tỉnh ủy, Ban Thường vụ Tỉnh ủy phải có ít nhất 2/3 tổng số thành viên tham dự."
TITLE = "Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XIV, nhiệm kỳ 2020 - 2025"
# The provider packages are optional dependencies: without them the layer stays off.
needs_openai = pytest.mark.skipif(
    find_spec("llama_index.llms.openai_like") is None, reason="llama-index-llms-openai-like"
)
needs_ollama = pytest.mark.skipif(
    find_spec("llama_index.llms.ollama") is None, reason="llama-index-llms-ollama"
)

FAITHFUL = (
    "Theo khoản 1 Điều 25 Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh, hội nghị "
    "Tỉnh ủy chỉ hợp lệ khi có ít nhất 2/3 tổng số thành viên tham dự."
)


def _answer(kind: str = "numeric") -> Answer:
    citation = Citation(
        document_id="tinh-uy",
        document_title=TITLE,
        source_file="tinh-uy.txt",
        part="regulation",
        chapter="Chương IV",
        article=25,
        clause=1,
        quote=QUOTE,
        cite_as=f"khoản 1 Điều 25 {TITLE}",
    )
    return Answer(
        question="Hội nghị Tỉnh ủy cần bao nhiêu thành viên tham dự?",
        kind=kind,  # type: ignore[arg-type]
        answer=(
            f"Theo {TITLE}:\n- Ban Chấp hành — hội nghị hợp lệ: ít nhất 2/3 tổng số thành "
            f"viên (khoản 1 Điều 25)\n   «{QUOTE}»"
        ),
        citations=[citation],
        numeric=NumericResult(kind="quorum", value="ít nhất 2/3", basis="tổng số thành viên"),
    )


class FakeLLM:
    """A tiny OpenAI-compatible + Ollama server on 127.0.0.1 answering a canned text."""

    def __init__(self) -> None:
        self.reply = FAITHFUL
        self.delay = 0.0
        self.requests: list[tuple[str, dict[str, object]]] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])) or b"{}")
                fake.requests.append((self.path, body))
                time.sleep(fake.delay)
                if self.path.endswith("/chat/completions"):
                    message = {"role": "assistant", "content": fake.reply}
                    payload: dict[str, object] = {
                        "id": "fake",
                        "object": "chat.completion",
                        "created": 0,
                        "model": body.get("model", ""),
                        "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
                        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                    }
                elif self.path.endswith("/completions"):
                    payload = {
                        "id": "fake",
                        "object": "text_completion",
                        "created": 0,
                        "model": body.get("model", ""),
                        "choices": [{"index": 0, "text": fake.reply, "finish_reason": "stop"}],
                    }
                elif self.path == "/api/chat":
                    payload = {
                        "model": body.get("model", ""),
                        "created_at": "2025-01-01T00:00:00Z",
                        "message": {"role": "assistant", "content": fake.reply},
                        "done": True,
                        "done_reason": "stop",
                    }
                else:
                    self.send_error(404)
                    return
                data = json.dumps(payload, ensure_ascii=False).encode()
                try:
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:  # the client gave up (timeout test)
                    pass

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FakeLLM:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def fake_llm() -> Iterator[FakeLLM]:
    with FakeLLM() as fake:
        yield fake


def _settings(tmp_path: Path, url: str, provider: str = "openai", timeout: float = 5.0) -> Settings:
    return Settings(
        home=tmp_path,
        embedding_backend="none",
        llm_provider=provider,  # type: ignore[arg-type]
        llm_base_url=url,
        llm_model="fake-model",
        llm_timeout_s=timeout,
    )


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# --- accepted --------------------------------------------------------------------------


@needs_openai
def test_faithful_rephrase_is_accepted(tmp_path: Path, fake_llm: FakeLLM) -> None:
    original = _answer()
    result = Rephraser(_settings(tmp_path, fake_llm.url)).rephrase(original)
    assert result.answer == FAITHFUL
    assert result.notes == [NOTE]
    assert result.citations == original.citations
    assert result.numeric == original.numeric
    assert original.answer != FAITHFUL  # the input is not modified
    path, body = fake_llm.requests[0]
    assert path == "/v1/chat/completions"
    messages = body["messages"]
    assert isinstance(messages, list)
    assert messages[0]["role"] == "system"
    assert QUOTE in messages[1]["content"]  # the verbatim quote reaches the model


@needs_openai
def test_number_words_for_source_digits_are_accepted(tmp_path: Path, fake_llm: FakeLLM) -> None:
    fake_llm.reply = (
        "Theo khoản 1 Điều 25, hội nghị Tỉnh ủy phải có ít nhất hai phần ba tổng số "
        "thành viên tham dự."
    )
    result = Rephraser(_settings(tmp_path, fake_llm.url)).rephrase(_answer())
    assert result.answer == fake_llm.reply


@needs_ollama
def test_ollama_provider(tmp_path: Path, fake_llm: FakeLLM) -> None:
    settings = _settings(tmp_path, fake_llm.url, provider="ollama")
    result = Rephraser(settings).rephrase(_answer())
    assert result.answer == FAITHFUL
    assert fake_llm.requests[0][0] == "/api/chat"


@needs_openai
def test_thinking_and_markers_are_stripped(tmp_path: Path, fake_llm: FakeLLM) -> None:
    fake_llm.reply = f"<think>Điều 99, 3/4?</think>\n{FAITHFUL} [1]"
    result = Rephraser(_settings(tmp_path, fake_llm.url)).rephrase(_answer())
    assert result.answer == FAITHFUL


# --- rejected --------------------------------------------------------------------------


@needs_openai
@pytest.mark.parametrize(
    "reply",
    [
        FAITHFUL.replace("2/3", "3/4"),  # invented share
        FAITHFUL.replace("ít nhất 2/3", "trên 2/3"),  # changed comparator
        FAITHFUL.replace("Điều 25", "Điều 99"),  # invented article
        FAITHFUL.replace("khoản 1", "khoản 4"),  # invented clause
        FAITHFUL + " Tài liệu gửi trước 05 ngày.",  # invented duration
        FAITHFUL + " Cần ba mươi người.",  # invented number in words
        "Theo khoản 1 Điều 25: «Hội nghị phải có đủ thành viên tham dự.»",  # fake quote
        "",  # empty
        "The meeting needs at least 2/3 of the members (Article 25).",  # not Vietnamese
        FAITHFUL * 40,  # too long
    ],
)
def test_unfaithful_rephrase_is_rejected(tmp_path: Path, fake_llm: FakeLLM, reply: str) -> None:
    fake_llm.reply = reply
    original = _answer()
    assert Rephraser(_settings(tmp_path, fake_llm.url)).rephrase(original) is original
    assert fake_llm.requests  # the model was asked, its text was refused


@needs_openai
def test_endpoint_down_returns_fast(tmp_path: Path) -> None:
    original = _answer()
    settings = _settings(tmp_path, f"http://127.0.0.1:{_closed_port()}", timeout=2.0)
    started = time.perf_counter()
    assert Rephraser(settings).rephrase(original) is original
    assert time.perf_counter() - started < 5.0


@needs_openai
def test_slow_endpoint_times_out(tmp_path: Path, fake_llm: FakeLLM) -> None:
    fake_llm.delay = 3.0
    original = _answer()
    started = time.perf_counter()
    result = Rephraser(_settings(tmp_path, fake_llm.url, timeout=0.5)).rephrase(original)
    assert result is original
    assert time.perf_counter() - started < 2.5


# --- not attempted ---------------------------------------------------------------------


def test_disabled_by_default_makes_no_network_attempt(
    tmp_path: Path, fake_llm: FakeLLM, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("network attempted")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    settings = Settings(home=tmp_path, embedding_backend="none", llm_base_url=fake_llm.url)
    assert settings.llm_provider == ""
    rephraser = Rephraser(settings)
    assert not rephraser.enabled
    original = _answer()
    assert rephraser.rephrase(original) is original
    assert fake_llm.requests == []


@pytest.mark.parametrize("kind", ["refusal", "clarification"])
def test_only_answers_are_rephrased(tmp_path: Path, fake_llm: FakeLLM, kind: str) -> None:
    original = _answer(kind)
    assert Rephraser(_settings(tmp_path, fake_llm.url)).rephrase(original) is original
    assert fake_llm.requests == []


def test_long_answers_are_not_sent(tmp_path: Path, fake_llm: FakeLLM) -> None:
    original = _answer()
    original = original.model_copy(update={"answer": original.answer * 20})
    assert len(original.answer) > MAX_INPUT_CHARS
    assert Rephraser(_settings(tmp_path, fake_llm.url)).rephrase(original) is original
    assert fake_llm.requests == []


def test_missing_model_disables(tmp_path: Path, fake_llm: FakeLLM) -> None:
    settings = _settings(tmp_path, fake_llm.url).model_copy(update={"llm_model": ""})
    rephraser = Rephraser(settings)
    original = _answer()
    assert rephraser.rephrase(original) is original
    assert not rephraser.enabled
    assert fake_llm.requests == []


# --- wiring and prompts ----------------------------------------------------------------


@needs_openai
def test_assistant_applies_the_rephraser(tmp_path: Path, fake_llm: FakeLLM) -> None:
    from assistant.service import Assistant

    assistant = Assistant.open(_settings(tmp_path / "home", fake_llm.url))

    class Stub:
        def answer(self, question: str, **_: object) -> Answer:
            return _answer()

    assistant._answerer = Stub()  # type: ignore[assignment]
    result = assistant.ask("Hội nghị Tỉnh ủy cần bao nhiêu thành viên tham dự?", id="q1")
    assert result.answer == FAITHFUL
    assert result.id == "q1"
    assert NOTE in result.notes


def test_load_prompt_rephrase() -> None:
    prompt = load_prompt("rephrase")
    assert prompt.variables == {"question", "answer", "sources"}
    assert "Điều" in prompt.system and "Ví dụ" in prompt.system
    rendered = prompt.format(question="Q {answer}", answer="A", sources="S")
    assert "Q {answer}" in rendered.user  # values are not substituted twice
    assert "{" not in rendered.system.replace("{answer}", "")
    assert (PROMPTS_DIR / "rephrase.md").is_file()


def test_load_prompt_errors(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        load_prompt("../etc/passwd")
    with pytest.raises(FileNotFoundError):
        load_prompt("no-such-prompt", folder=tmp_path)
    (tmp_path / "half.md").write_text("## system\nonly a system part\n", encoding="utf-8")
    with pytest.raises(ValueError):
        load_prompt("half", folder=tmp_path)
    (tmp_path / "ok.md").write_text("note\n## system\nS {x}\n## user\nU {y}\n", encoding="utf-8")
    prompt = load_prompt("ok", folder=tmp_path)
    assert prompt.format(x="1", y="2").user == "U 2"
    with pytest.raises(KeyError):
        prompt.format(x="1")
