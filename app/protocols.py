"""What the web app needs from the assistant service, as structural types.

The app codes against these protocols rather than importing ``assistant.service``, so the
UI can be tested with a small fake and the service can evolve behind the same shape.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Protocol

from assistant.models import Answer, Turn
from ingest.models import Document, DocumentMeta
from ingest.powers import Power
from ingest.rules.models import Rule

ProgressCallback = Callable[[str, float], None]


class DocumentInfoLike(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def source_file(self) -> str: ...
    @property
    def meta(self) -> DocumentMeta: ...
    @property
    def article_count(self) -> int: ...
    @property
    def part_counts(self) -> Mapping[str, int]: ...


class IngestReportLike(Protocol):
    @property
    def added(self) -> Sequence[str]: ...
    @property
    def updated(self) -> Sequence[str]: ...
    @property
    def unchanged(self) -> Sequence[str]: ...
    @property
    def removed(self) -> Sequence[str]: ...
    @property
    def errors(self) -> Sequence[str]: ...
    @property
    def warnings(self) -> Sequence[str]: ...


class AssistantService(Protocol):
    def ask(
        self,
        question: str,
        history: Sequence[Turn] = (),
        document_ids: Sequence[str] | None = None,
        id: str | None = None,
    ) -> Answer: ...

    def documents(self) -> Sequence[DocumentInfoLike]: ...

    def document(self, document_id: str) -> Document: ...

    def ingest(
        self, paths: Sequence[Path], progress: ProgressCallback | None = None
    ) -> IngestReportLike: ...

    def rules(self, document_id: str | None = None, kind: str | None = None) -> Sequence[Rule]: ...

    def powers(
        self, document_id: str | None = None, body: str | None = None
    ) -> Sequence[Power]: ...
