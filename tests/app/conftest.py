"""A small fake Assistant with canned answers built from the real models."""

from __future__ import annotations

import os

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from pydantic import BaseModel, ConfigDict, Field

from assistant.models import Answer, Citation, DocumentRef, NumericResult, Turn
from ingest.errors import InputError
from ingest.models import Article, Clause, Document, DocumentMeta, Part, Point
from ingest.parse import parse_text
from ingest.powers import Power, extract_powers
from ingest.rules.models import Quantity, Rule, RuleKind
from ingest.settings import Settings

EVIL = '<script>alert("x")</script><img src=x onerror=alert(1)>'


class FakeIngestReport(BaseModel):
    model_config = ConfigDict(extra="forbid")

    added: list[str] = Field(default_factory=list)
    updated: list[str] = Field(default_factory=list)
    unchanged: list[str] = Field(default_factory=list)
    removed: list[str] = Field(default_factory=list)
    errors: list[str] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


class FakeDocumentInfo(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    source_file: str
    meta: DocumentMeta
    article_count: int
    part_counts: dict[str, int]


def _document() -> Document:
    text = (
        "Điều 1. Triệu tập hội nghị\n1. Ban Thường vụ quyết định triệu tập hội nghị.\n"
        "a) Gửi tài liệu trước 05 ngày.\nĐiều 2. Quan hệ công tác\nNội dung <b>quan hệ</b>."
    )
    point = Point(id="a", text="Gửi tài liệu trước 05 ngày.", start=78, end=105)
    clause = Clause(
        number=1,
        text="1. Ban Thường vụ quyết định triệu tập hội nghị.",
        start=27,
        end=74,
        points=(point,),
    )
    art1 = Article(
        number=1,
        title="Triệu tập hội nghị",
        part="regulation",
        chapter="Chương I",
        chapter_title="NHỮNG QUY ĐỊNH CHUNG",
        text=text[: text.index("Điều 2") - 1],
        start=0,
        end=text.index("Điều 2") - 1,
        clauses=(clause,),
    )
    art2 = Article(
        number=2,
        title="Quan hệ công tác",
        part="regulation",
        chapter="Chương II",
        chapter_title="QUAN HỆ",
        text=text[text.index("Điều 2") :],
        start=text.index("Điều 2"),
        end=len(text),
    )
    return Document(
        id="quy-che-thu",
        source_file="quy-che-thu.txt",
        content_hash="0" * 64,
        meta=DocumentMeta(title="Quy chế làm việc thử", number="01-QC/TU", level="province"),
        text=text,
        parts=(Part(id="regulation", title="Quy chế", articles=(art1, art2)),),
    )


def citation(quote: str = "Ban Thường vụ quyết định triệu tập hội nghị.") -> Citation:
    return Citation(
        document_id="quy-che-thu",
        document_title="Quy chế làm việc thử",
        source_file="quy-che-thu.txt",
        part="regulation",
        chapter="Chương I",
        article=1,
        clause=1,
        point="a",
        quote=quote,
        cite_as="Điều 1, khoản 1, điểm a Quy chế làm việc thử (01-QC/TU)",
    )


def _rule(n: int, kind: RuleKind, value: Quantity, **fields: object) -> Rule:
    base: dict[str, object] = {
        "id": f"{n:064x}",
        "kind": kind,
        "body": "Ban Thường vụ",
        "subject": "meeting",
        "subject_label": "hội nghị",
        "value": value,
        "comparator": ">=",
        "document_id": "quy-che-thu",
        "part": "regulation",
        "article": 1,
        "clause": 1,
        "sentence": "Ban Thường vụ quyết định triệu tập hội nghị.",
    }
    return Rule.model_validate(base | fields)


def fake_rules() -> list[Rule]:
    """Rules of the made-up regulation, in no particular order: a table must sort them."""
    return [
        _rule(
            1,
            "lead_time",
            Quantity(text="05 ngày", number=5, unit="ngày"),
            subject_label="gửi tài liệu",
            point="a",
            condition=f"đối với hội nghị {EVIL}",
            start=78,
        ),
        _rule(
            2,
            "money_threshold",
            Quantity(text="từ 03 tỷ đồng trở lên", number=3_000_000_000, unit="đồng"),
            subject_label="chi ngân sách",
            article=2,
            clause=None,
            if_met_body="Ban Thường vụ",
            otherwise_body="Thường trực",
            start=120,
        ),
        _rule(
            3,
            "quorum",
            Quantity(text="ít nhất 2/3", numerator=2, denominator=3),
            basis="tổng số ủy viên",
            start=27,
        ),
        _rule(
            4,
            "frequency",
            Quantity(text="... lần", unit="lần", unspecified=True),
            document_id="quy-che-khac",
            body="Ban Chấp hành",
            comparator="=",
            subject_label="họp thường lệ",
        ),
    ]


class FakeAssistant:
    """Canned answers keyed on words in the question; records what it was asked."""

    def __init__(self) -> None:
        self.doc = _document()
        self.calls: list[tuple[str, list[Turn], list[str] | None]] = []
        self.ingested: list[list[Path]] = []
        self.uploaded: dict[str, Document] = {}

    def ask(
        self,
        question: str,
        history: Sequence[Turn] = (),
        document_ids: Sequence[str] | None = None,
        id: str | None = None,
    ) -> Answer:
        self.calls.append(
            (question, list(history), list(document_ids) if document_ids is not None else None)
        )
        ref = DocumentRef(document_id=self.doc.id, title=self.doc.meta.title, number="01-QC/TU")
        if "không có" in question:
            return Answer(
                id=id,
                question=question,
                kind="refusal",
                answer="Không tìm thấy quy định về nội dung này trong các quy chế.",
            )
        if "bao nhiêu" in question:
            return Answer(
                id=id,
                question=question,
                kind="numeric",
                answer="Hội nghị hợp lệ khi có ít nhất 2/3 tổng số ủy viên dự.",
                citations=[citation()],
                numeric=NumericResult(
                    kind="quorum",
                    value="2/3",
                    basis="tổng số ủy viên",
                    result="10 người",
                    computation="⌈2/3 × 15⌉ = 10",
                ),
                documents=[ref],
            )
        other = DocumentRef(document_id="quy-che-khac", title="Quy chế khác")
        other_doc = citation(quote=EVIL).model_copy(
            update={"document_id": "quy-che-khac", "document_title": "Quy chế khác"}
        )
        return Answer(
            id=id,
            question=question,
            kind="answer",
            answer=f"Ban Thường vụ quyết định. Câu hỏi: {question}",
            citations=[
                citation(),
                citation(quote=EVIL) if "so sánh" not in question else other_doc,
            ],
            documents=[ref, other] if "so sánh" in question else [ref],
            notes=[f"Ghi chú {EVIL}"] if "so sánh" in question else [],
            follow_ups=["Hội nghị cần bao nhiêu người dự?"],
        )

    def documents(self) -> list[FakeDocumentInfo]:
        return [
            FakeDocumentInfo(
                id=self.doc.id,
                source_file=self.doc.source_file,
                meta=self.doc.meta,
                article_count=2,
                part_counts={"regulation": 2},
            )
        ]

    def document(self, document_id: str) -> Document:
        if document_id in self.uploaded:
            return self.uploaded[document_id]
        if document_id != self.doc.id:
            raise KeyError(document_id)
        return self.doc

    def ingest(
        self, paths: Sequence[Path], progress: Callable[[str, float], None] | None = None
    ) -> FakeIngestReport:
        """Parses each file as ingest does; errors name the full path, as ingest's do."""
        self.ingested.append(list(paths))
        if progress is not None:
            progress("Đang đọc", 0.5)
        report = FakeIngestReport()
        for path in paths:
            try:
                text = path.read_text(encoding="utf-8")
                doc = parse_text(text, source_file=path.name, document_id=path.stem)
            except (InputError, UnicodeDecodeError) as exc:
                reason = exc.reason if isinstance(exc, InputError) else "tệp nhị phân"
                report.errors.append(f"{path}: {reason}")
                continue
            (report.updated if doc.id in self.uploaded else report.added).append(doc.id)
            self.uploaded[doc.id] = doc
        return report

    def rules(self, document_id: str | None = None, kind: str | None = None) -> list[Rule]:
        found = [r for r in fake_rules() if document_id in (None, r.document_id)]
        return [r for r in found if kind is None or r.kind == kind]

    def powers(self, document_id: str | None = None, body: str | None = None) -> list[Power]:
        found = extract_powers(self.doc) if document_id in (None, self.doc.id) else []
        return [p for p in found if body is None or p.body == body]


@pytest.fixture
def fake_assistant() -> FakeAssistant:
    return FakeAssistant()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(home=tmp_path / "home", embedding_backend="fake", max_question_chars=200)
