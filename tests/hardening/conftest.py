"""Shared pieces for the hardening tests: a data home holding the bundled corpus."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from assistant.models import Answer
from assistant.service import Assistant
from ingest.settings import Settings
from tests.conftest import CORPUS, REPO

QUYCHE = str(Path(sys.executable).with_name("quyche"))


def quiet_env(**extra: str) -> dict[str, str]:
    """The current environment without QUYCHE_* leaking in, plus ``extra``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("QUYCHE_")}
    env.update(extra)
    env["PYTHONPATH"] = str(REPO)
    return env


def assert_grounded(assistant: Assistant, answer: Answer) -> None:
    """The answer contract holds and every quote is a verbatim slice of its document."""
    assert Answer.model_validate(answer.model_dump()) == answer
    for citation in answer.citations:
        doc = assistant.document(citation.document_id)
        assert citation.quote, citation
        assert citation.quote in doc.text, citation.cite_as


@pytest.fixture(scope="session")
def corpus_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A home with data/regulations ingested and embedded with the fake embedder."""
    home = tmp_path_factory.mktemp("corpus-home")
    settings = Settings(home=home, embedding_backend="fake")
    report = Assistant.ingest_files(settings, [CORPUS])
    assert not report.errors, report.errors
    Assistant.open(settings).embed_pending()
    return settings


@pytest.fixture(scope="session")
def corpus_assistant(corpus_settings: Settings) -> Assistant:
    return Assistant.open(corpus_settings)
