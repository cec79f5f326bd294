"""The rules of the shared fixture document, extracted once per session."""

from __future__ import annotations

import pytest

from assistant.rules.models import Rule
from ingest.rules.extract import extract_rules
from tests.ingest.rules.fixtures import MEETINGS


@pytest.fixture(scope="session")
def rules() -> list[Rule]:
    return extract_rules(MEETINGS)
