"""The answer contract shared by the CLI, the HTTP API and the chat UI."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

AnswerKind = Literal["answer", "numeric", "clarification", "refusal"]


class Turn(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    role: Literal["user", "assistant"]
    content: str = Field(max_length=200_000)


class Amendment(BaseModel):
    """The decision that gave a cited article its current wording."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    document_id: str
    number: str = ""
    title: str = ""
    date_issued: str = ""  # ISO date
    effective: str = ""  # ISO date
    change: str = ""  # e.g. "sửa đổi khoản 2"


class Citation(BaseModel):
    """Where a claim comes from. ``quote`` is a verbatim slice of the document text.
    ``amended_by`` names the decision that last changed the cited article, if any."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    document_id: str
    document_title: str
    source_file: str
    part: str
    chapter: str
    article: int
    clause: int | None = None
    point: str | None = None
    quote: str
    cite_as: str
    unspecified: bool = False  # the quote leaves a value blank ("ít nhất ... ngày")
    # outside any article: the document's header or its signature block (article is 0)
    place: Literal["article", "header", "signature"] = "article"
    # a clause quoted because a cited clause refers to it: the referring citation's cite_as
    via: str = ""
    ocr: bool = False  # the quote was read by OCR from a scan: check it against the original
    article_suffix: str = ""  # "a" for an inserted "Điều 12a"
    amended_by: Amendment | None = None


class NumericResult(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: str  # rule kind: quorum, vote_threshold, request_trigger, money_threshold, ...
    value: str  # the rule's value as written: "2/3", "quá nửa", "05 ngày", "..." (blank)
    basis: str = ""  # e.g. "tổng số ủy viên đương nhiệm"
    result: str = ""  # computed result, e.g. "32 người"
    computation: str = ""  # one line, e.g. "⌈2/3 × 48⌉ = 32"
    unspecified: bool = False  # the template leaves the value blank
    met: bool | None = None  # the numbers the question gave reach the rule (None: none given)


class RankedClause(BaseModel):
    """One clause in the order the answering layer ranks them (for evaluation)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    document_id: str
    part: str
    article: int
    clause: int | None
    score: float
    coverage: float


class DocumentRef(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    document_id: str
    title: str
    number: str = ""
    issuing_body: str = ""


class Finding(BaseModel):
    """What one document answers, in a word: the body that decides (a who-decides answer)
    or the value its rule sets (a numeric one), with the citation that says it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    document_id: str
    value: str  # "Ban Thường vụ", "ít nhất 2/3 tổng số thành viên"
    citation: int  # index into Answer.citations


class ProcedureStep(BaseModel):
    """One step of a procedure answer, in order: who does it, its time limit (from the
    rule table), and the citation (an index into ``Answer.citations``) it is quoted by."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    number: int
    text: str  # verbatim, as the citation quotes it
    actor: str = ""  # canonical body, "" when the step names none
    timing: str = ""  # "gửi tài liệu trước kỳ họp: ít nhất 05 ngày", "" when none
    citation: int


class Answer(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str | None = None
    question: str
    kind: AnswerKind
    answer: str
    citations: list[Citation] = Field(default_factory=list)
    numeric: NumericResult | None = None
    documents: list[DocumentRef] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    follow_ups: list[str] = Field(default_factory=list)
    steps: list[ProcedureStep] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
