"""The question log: one JSON line per question, for reviewing what users ask.

It records the question, who asked (a username, never a credential) and what kind of
answer came back with which citations. ``Settings.log_questions`` turns it off.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

from assistant.models import Answer
from ingest.settings import Settings

logger = logging.getLogger(__name__)
Source = Literal["api", "web"]


class QuestionRecord(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    time: str
    source: Source
    user: str | None
    id: str | None
    question: str
    document_ids: list[str] | None
    kind: str
    answer: str
    citations: list[str]


class QuestionLog:
    """Appends :class:`QuestionRecord` lines; a disabled log does nothing."""

    def __init__(self, path: Path, enabled: bool = True) -> None:
        self.path = path
        self.enabled = enabled
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Settings) -> QuestionLog:
        return cls(settings.home / "logs" / "questions.jsonl", settings.log_questions)

    def record(
        self,
        answer: Answer,
        *,
        source: Source,
        user: str | None = None,
        document_ids: Sequence[str] | None = None,
    ) -> None:
        if not self.enabled:
            return
        entry = QuestionRecord(
            time=datetime.now(UTC).isoformat(timespec="seconds"),
            source=source,
            user=user,
            id=answer.id,
            question=answer.question,
            document_ids=list(document_ids) if document_ids is not None else None,
            kind=answer.kind,
            answer=answer.answer[:2000],
            citations=[c.cite_as for c in answer.citations],
        )
        self._append(entry.model_dump_json())

    def _append(self, line: str) -> None:
        try:
            with self._lock:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                with self.path.open("a", encoding="utf-8") as handle:
                    handle.write(line + "\n")
        except OSError as exc:  # a full disk must not break answering
            logger.warning("question log not written: %s", exc)


def read_log(path: Path) -> list[QuestionRecord]:
    """The records of a log file (for tests and review tools)."""
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [QuestionRecord.model_validate(json.loads(line)) for line in lines if line.strip()]
