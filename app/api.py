"""The JSON API: ``/api/ask``, ``/api/documents``, ``/api/ingest``, ``/api/health``.

``/api/ask`` returns exactly ``Answer.model_dump(mode="json")``, the same contract as the
CLI. When accounts are configured every route but health needs HTTP Basic or a Bearer
token, and ingest needs an admin.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, File, HTTPException, Request, UploadFile, status
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from app.ask_request import AskRequest, describe_errors, question_problem
from app.auth import AuthConfig, User
from app.protocols import AssistantService, IngestReportLike
from app.qlog import QuestionLog
from app.upload import Upload, stage_uploads
from ingest.models import DocumentMeta
from ingest.settings import Settings


class DocumentOut(BaseModel):
    """The JSON shape of the service's DocumentInfo."""

    model_config = ConfigDict(extra="forbid")

    id: str
    source_file: str
    meta: DocumentMeta
    article_count: int
    part_counts: dict[str, int]


class IngestOut(BaseModel):
    model_config = ConfigDict(extra="forbid")

    added: list[str] = Field(default_factory=list)
    updated: list[str] = Field(default_factory=list)
    unchanged: list[str] = Field(default_factory=list)
    removed: list[str] = Field(default_factory=list)
    errors: list[str] = Field(default_factory=list)

    @classmethod
    def of(cls, report: IngestReportLike, extra_errors: list[str]) -> IngestOut:
        return cls(
            added=list(report.added),
            updated=list(report.updated),
            unchanged=list(report.unchanged),
            removed=list(report.removed),
            errors=[*extra_errors, *report.errors],
        )


class HealthOut(BaseModel):
    status: str
    documents: int
    auth: bool


@dataclass(frozen=True)
class ApiContext:
    assistant: AssistantService
    settings: Settings
    auth: AuthConfig | None
    log: QuestionLog


def _unauthorized() -> HTTPException:
    return HTTPException(
        status.HTTP_401_UNAUTHORIZED,
        detail="Cần đăng nhập (HTTP Basic hoặc Bearer token).",
        headers={"WWW-Authenticate": 'Basic realm="quyche", Bearer'},
    )


def _basic_user(auth: AuthConfig, credentials: str) -> User | None:
    try:
        decoded = base64.b64decode(credentials, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    username, sep, password = decoded.partition(":")
    return auth.authenticate(username, password) if sep else None


def _request_user(auth: AuthConfig, header: str) -> User | None:
    scheme, _, credentials = header.partition(" ")
    if scheme.lower() == "bearer" and credentials.strip():
        return auth.from_token(credentials.strip())
    if scheme.lower() == "basic":
        return _basic_user(auth, credentials.strip())
    return None


def get_context(request: Request) -> ApiContext:
    """The context :func:`install` put on the app."""
    ctx: ApiContext = request.app.state.quyche
    return ctx


Context = Annotated[ApiContext, Depends(get_context)]


def current_user(request: Request, ctx: Context) -> User | None:
    """None when no accounts are configured; otherwise the caller, or a 401."""
    if ctx.auth is None:
        return None
    user = _request_user(ctx.auth, request.headers.get("authorization", ""))
    if user is None:
        raise _unauthorized()
    return user


CurrentUser = Annotated[User | None, Depends(current_user)]


def _check_question(question: str, settings: Settings) -> str:
    problem = question_problem(question, settings.max_question_chars)
    if problem is None:
        return question.strip()
    code = (
        status.HTTP_422_UNPROCESSABLE_CONTENT
        if not question.strip()
        else status.HTTP_413_CONTENT_TOO_LARGE
    )
    raise HTTPException(code, detail=problem)


async def _invalid_request(request: Request, exc: Exception) -> Response:
    """API requests get one Vietnamese sentence; other routes (the UI's) keep FastAPI's."""
    assert isinstance(exc, RequestValidationError)
    if request.url.path.startswith("/api/"):
        return JSONResponse(
            status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
            content={"detail": describe_errors(exc.errors())},
        )
    return await request_validation_exception_handler(request, exc)


router = APIRouter(prefix="/api")


@router.get("/health")
def health(ctx: Context) -> HealthOut:
    try:
        count, state = len(ctx.assistant.documents()), "ok"
    except Exception:  # health must answer even when the data home is broken
        count, state = 0, "error"
    return HealthOut(status=state, documents=count, auth=ctx.auth is not None)


@router.post("/ask")
def ask(body: AskRequest, user: CurrentUser, ctx: Context) -> dict[str, Any]:
    question = _check_question(body.question, ctx.settings)
    answer = ctx.assistant.ask(
        question, history=body.history, document_ids=body.document_ids, id=body.id
    )
    ctx.log.record(
        answer,
        source="api",
        user=user.username if user else None,
        document_ids=body.document_ids,
    )
    return answer.model_dump(mode="json")


@router.get("/documents")
def documents(user: CurrentUser, ctx: Context) -> list[DocumentOut]:
    return [
        DocumentOut(
            id=d.id,
            source_file=d.source_file,
            meta=d.meta,
            article_count=d.article_count,
            part_counts=dict(d.part_counts),
        )
        for d in ctx.assistant.documents()
    ]


@router.post("/ingest")
def ingest(
    files: Annotated[list[UploadFile], File()], user: CurrentUser, ctx: Context
) -> IngestOut:
    if ctx.auth is not None and (user is None or not user.is_admin):
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail="Chỉ quản trị viên được nạp quy chế.")
    limit = ctx.settings.max_upload_bytes
    uploads = [Upload(f.filename or "", f.file.read(limit + 1)) for f in files]
    staged = stage_uploads(uploads, limit)
    if not staged.paths:
        return IngestOut(errors=staged.errors)
    out = IngestOut.of(ctx.assistant.ingest(staged.paths), staged.errors)
    # the server's temporary paths are nobody's business: each file by the name it was sent
    return out.model_copy(update={"errors": [staged.scrub(e) for e in out.errors]})


def install(app: FastAPI, ctx: ApiContext) -> None:
    """Add the API routes to ``app``, bound to ``ctx``."""
    app.state.quyche = ctx
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.include_router(router)
