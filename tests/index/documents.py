"""Documents as the scope readers see them: an id and metadata."""

from dataclasses import dataclass

from ingest.models import DocumentMeta

TEMPLATE_2025 = DocumentMeta(
    title="Quy chế làm việc mẫu của ban chấp hành đảng bộ ủy ban nhân dân tỉnh",
    number="261-QĐ/TW",
    issuing_body="Ban Bí thư",
    level="province",
    status="template",
)


@dataclass(frozen=True)
class Doc:
    id: str
    meta: DocumentMeta
