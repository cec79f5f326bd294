"""Optional LLM phrasing: a language model may reword a deterministic answer, nothing more.

Off unless ``QUYCHE_LLM_PROVIDER`` is "openai" (any OpenAI-compatible endpoint) or
"ollama". The model sees the question, the deterministic answer and its verbatim quotes;
its text replaces the answer only if :func:`assistant.faithful.check_rephrase` finds
nothing added. Citations and the numeric result are never touched. Any failure (check,
network, timeout, missing package) returns the deterministic answer as it was: the
model can make an answer read better, never make it wrong or late. llama-index is
imported only when the layer is enabled.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable
from urllib.parse import urlsplit

from assistant.faithful import check_rephrase
from assistant.models import Answer, Citation
from assistant.prompts import PromptTemplate, load_prompt
from ingest.settings import Settings

log = logging.getLogger(__name__)

NOTE = "Diễn đạt lại bởi mô hình ngôn ngữ; trích dẫn giữ nguyên."
PROMPT_NAME = "rephrase"
MAX_OUTPUT_TOKENS = 1024
# Longer answers (several documents side by side) are clearer as they are, and would not
# fit in MAX_OUTPUT_TOKENS anyway: they are not sent.
MAX_INPUT_CHARS = 2500
CONTEXT_WINDOW = 8192
_KINDS = frozenset({"answer", "numeric"})
_THINKING = re.compile(r"<think>.*?</think>", re.DOTALL | re.IGNORECASE)
_MARKER = re.compile(r"\s*\[\d+\]")

Complete = Callable[[str, str], str]  # (system, user) → model text


class Rephraser:
    def __init__(self, settings: Settings, prompt: PromptTemplate | None = None) -> None:
        self.settings = settings
        self._prompt = prompt
        self._complete: Complete | None = None
        self._broken = False  # the provider cannot be built (missing package, bad config)
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return bool(self.settings.llm_provider) and not self._broken

    def rephrase(self, answer: Answer) -> Answer:
        """``answer`` reworded, or ``answer`` itself (the same object) on any doubt."""
        if not self.enabled or answer.kind not in _KINDS or not answer.citations:
            return answer
        if len(answer.answer) > MAX_INPUT_CHARS:
            return answer
        try:
            complete = self._client()
            if complete is None:
                return answer
            prompt = self._template().format(
                question=answer.question.strip(),
                answer=answer.answer.strip(),
                sources=_sources(answer.citations),
            )
            raw = _call_with_deadline(
                complete, prompt.system, prompt.user, self.settings.llm_timeout_s
            )
        except Exception as exc:  # endpoint down, timeout, bad reply: keep the answer
            log.info("rephrase skipped: %s: %s", type(exc).__name__, exc)
            return answer
        text = _clean(raw)
        problems = check_rephrase(text, answer)
        if problems:
            log.info("rephrase rejected: %s", "; ".join(problems[:5]))
            return answer
        return answer.model_copy(update={"answer": text, "notes": [*answer.notes, NOTE]})

    # --- internals ---------------------------------------------------------------------

    def _template(self) -> PromptTemplate:
        if self._prompt is None:
            self._prompt = load_prompt(PROMPT_NAME)
        return self._prompt

    def _client(self) -> Complete | None:
        with self._lock:
            if self._complete is None and not self._broken:
                try:
                    self._complete = _make_client(self.settings)
                except (ImportError, ValueError) as exc:
                    log.warning("LLM phrasing disabled: %s", exc)
                    self._broken = True
            return self._complete


def _make_client(settings: Settings) -> Complete:
    """A (system, user) → text function for the configured provider (imports lazily)."""
    if not settings.llm_model:
        raise ValueError("QUYCHE_LLM_MODEL is not set")
    if settings.llm_provider == "openai" and not settings.llm_base_url:
        # Never fall back to a public API: the endpoint must be named explicitly.
        raise ValueError("QUYCHE_LLM_BASE_URL is not set (an OpenAI-compatible server URL)")
    from llama_index.core.llms import LLM, ChatMessage

    timeout = settings.llm_timeout_s
    llm: LLM
    if settings.llm_provider == "openai":
        from llama_index.llms.openai_like import OpenAILike

        llm = OpenAILike(
            model=settings.llm_model,
            api_base=_openai_base(settings.llm_base_url),
            api_key=settings.llm_api_key or "not-needed",  # local servers ignore it
            is_chat_model=True,
            context_window=CONTEXT_WINDOW,
            temperature=0.0,
            max_tokens=MAX_OUTPUT_TOKENS,
            timeout=timeout,
            max_retries=0,
        )
    elif settings.llm_provider == "ollama":
        from llama_index.llms.ollama import Ollama

        llm = Ollama(
            model=settings.llm_model,
            base_url=settings.llm_base_url or "http://localhost:11434",
            context_window=CONTEXT_WINDOW,  # set, so no /api/show request to learn it
            temperature=0.0,
            request_timeout=timeout,
            additional_kwargs={"num_predict": MAX_OUTPUT_TOKENS},
        )
    else:
        raise ValueError(f"unknown LLM provider: {settings.llm_provider!r}")

    def complete(system: str, user: str) -> str:
        messages = [
            ChatMessage(role="system", content=system),
            ChatMessage(role="user", content=user),
        ]
        return llm.chat(messages).message.content or ""

    return complete


def _openai_base(url: str) -> str | None:
    """ "http://host:8000" → "http://host:8000/v1" (the client appends /chat/completions)."""
    if not url:
        return None  # the library's default, api.openai.com
    url = url.rstrip("/")
    return url + "/v1" if urlsplit(url).path in ("", "/") else url


def _call_with_deadline(complete: Complete, system: str, user: str, timeout: float) -> str:
    """The client's own timeout bounds each read; this bounds the whole call."""
    result: list[str] = []
    error: list[BaseException] = []

    def run() -> None:
        try:
            result.append(complete(system, user))
        except BaseException as exc:
            error.append(exc)

    worker = threading.Thread(target=run, name="quyche-rephrase", daemon=True)
    worker.start()
    worker.join(timeout + 1.0)
    if worker.is_alive():
        raise TimeoutError(f"no reply within {timeout:g} s")
    if error:
        raise error[0]
    return result[0]


def _sources(citations: list[Citation]) -> str:
    lines = []
    seen: set[tuple[str, int, int | None, str | None, str]] = set()
    for c in citations:
        key = (c.document_id, c.article, c.clause, c.point, c.quote)
        if key in seen:
            continue
        seen.add(key)
        lines.append(f"[{len(seen)}] {c.cite_as}\n«{c.quote.strip()}»")
    return "\n".join(lines)


def _clean(text: str) -> str:
    text = _THINKING.sub("", text)
    text = _MARKER.sub("", text)
    return text.strip().strip('"').strip()
