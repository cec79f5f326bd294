"""The chat UI's handlers, bound to one assistant: plain methods, testable without a browser.

:func:`app.ui.build_blocks` and the tab modules only wire them to gradio components. The
server keeps no conversation: the page sends the one it keeps (see
:class:`~app.conversation.Conversation`) with each question and gets it back grown.
"""

from __future__ import annotations

import os

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"

import logging
from collections.abc import Sequence
from pathlib import Path

import gradio as gr

from app.auth import AuthConfig
from app.conversation import Conversation, Message
from app.export import answer_markdown, error_markdown, question_markdown
from app.names import document_label
from app.protocols import AssistantService
from app.qlog import QuestionLog
from app.reader import article_with_mark, parse_place, tree_html
from app.render import (
    esc,
    render_answer,
    render_error,
    render_question,
    render_version,
)
from app.tables_html import powers_html, rules_html
from app.upload import file_outcomes, read_upload, stage_uploads
from app.upload_report import EmptyReport, file_line, report_html
from app.versions import parse_as_at, show_lines
from assistant.models import Answer, Turn
from ingest.errors import QuycheError
from ingest.models import Article, Document
from ingest.settings import Settings

logger = logging.getLogger(__name__)

EXAMPLE_QUESTIONS = (
    "Văn phòng cấp ủy lưu biên bản họp ở đâu?",
    "Hội nghị bất thường do ai đề nghị triệu tập?",
    "Giấy mời họp Ban Chấp hành gửi trước mấy ngày?",
)


EMPTY_QUESTION = "Hãy nhập câu hỏi trước khi gửi."


def _errored(
    shown: list[Message], turns: list[Message], error: str
) -> tuple[list[Message], list[Message], list[str]]:
    """(shown, turns, markdown added) with ``error`` as a new message: never history, and
    the same error twice in a row shows once."""
    message = {"role": "assistant", "content": render_error(error)}
    if shown and shown[-1] == message:
        return shown, turns, []
    return [*shown, message], turns, [error_markdown(error)]


def _message_html(text: str) -> str:
    return f"<div>{esc(text)}</div>"


class WebUI:
    """Event handlers for the chat UI, bound to one assistant."""

    def __init__(
        self,
        assistant: AssistantService,
        settings: Settings,
        auth: AuthConfig | None,
        log: QuestionLog,
    ) -> None:
        self.assistant = assistant
        self.settings = settings
        self.auth = auth
        self.log = log

    # -- chat ---------------------------------------------------------------------------

    def _ask(self, question: str, turns: Sequence[Message], scope: Sequence[str]) -> Answer:
        history = [
            Turn(role="user" if t["role"] == "user" else "assistant", content=t["content"])
            for t in turns
        ]
        return self.assistant.ask(question, history=history, document_ids=list(scope) or None)

    def respond(
        self,
        message: str,
        turns: list[Message],
        shown: list[Message],
        scope: list[str] | None,
        username: str | None = None,
    ) -> tuple[str, list[Message], list[Message], list[Message]]:
        """Returns (textbox, chatbot, turns, shown); the textbox keeps text on an error.

        An error is a message of its own (the chatbot does not group consecutive messages,
        see :mod:`app.chat_tab`), never text added to the previous answer, and never sent
        back to the assistant as history.
        """
        box, shown, turns, _ = self.exchange(message, turns, shown, scope, username)
        return box, shown, turns, shown

    def exchange(
        self,
        message: str,
        turns: list[Message],
        shown: list[Message],
        scope: list[str] | None,
        username: str | None = None,
    ) -> tuple[str, list[Message], list[Message], list[str]]:
        """(textbox, shown, turns, markdown of each message added) for one question."""
        question = (message or "").strip()
        if not question:
            return message, *_errored(shown, turns, EMPTY_QUESTION)
        limit = self.settings.max_question_chars
        if len(question) > limit:
            error = f"Câu hỏi quá dài ({len(question)} ký tự, tối đa {limit}). Hãy rút gọn câu hỏi."
            return message, *_errored(shown, turns, error)
        try:
            answer = self._ask(question, turns, scope or [])
        except Exception:
            logger.exception("ask failed")
            return message, *_errored(shown, turns, "Đã xảy ra lỗi khi trả lời. Vui lòng thử lại.")
        self.log.record(answer, source="web", user=username, document_ids=scope or None)
        turns = [
            *turns,
            {"role": "user", "content": question},
            {"role": "assistant", "content": answer.answer},
        ]
        shown = [
            *shown,
            {"role": "user", "content": render_question(question)},
            {"role": "assistant", "content": render_answer(answer, self.names())},
        ]
        return "", shown, turns, [question_markdown(question), answer_markdown(answer)]

    def respond_stored(
        self, message: str, stored: str, scope: list[str] | None, username: str | None = None
    ) -> tuple[str, list[Message], str]:
        """One question against the conversation the page keeps: (textbox, chatbot, stored)."""
        conversation = Conversation.parse(stored)
        box, shown, turns, added = self.exchange(
            message, conversation.turns, conversation.shown, scope, username
        )
        markdown = [*conversation.markdown, *added] if added else conversation.markdown
        kept = Conversation(turns=turns, shown=shown, markdown=markdown)
        return box, shown, kept.dump()

    def restore(self, stored: str) -> tuple[list[Message], str]:
        """The chat of a conversation the page kept ("" or anything unreadable: a new one)."""
        conversation = Conversation.parse(stored)
        return conversation.shown, conversation.dump()

    # -- documents and browsing ---------------------------------------------------------

    def document_choices(self) -> list[tuple[str, str]]:
        """Each document named by who it belongs to, its number, year and status."""
        return [(document_label(d.meta, d.id), d.id) for d in self.assistant.documents()]

    def names(self) -> dict[str, str]:
        return {doc_id: label for label, doc_id in self.document_choices()}

    def _all_documents(self, ids: Sequence[str] | None = None) -> dict[str, Document]:
        wanted = ids if ids is not None else [d.id for d in self.assistant.documents()]
        found = {doc_id: self._document(doc_id) for doc_id in sorted(set(wanted))}
        return {doc_id: doc for doc_id, doc in found.items() if doc is not None}

    def tree(self) -> str:
        """Every document as a tree of Phần / Chương / Điều links (see :mod:`app.reader`)."""
        return tree_html(list(self._all_documents().values()))

    def reader(self, request: str, as_at: str = "") -> str:
        """The article a link points to, its quote marked; as in force on ``as_at`` if given."""
        place = parse_place(request)
        if place is None:
            return ""
        document = self._document(place.document_id)
        if document is None:
            return render_error("Không tìm thấy văn bản.")
        article = document.article(place.article, place.part, place.suffix)
        if article is None:
            return render_error("Không tìm thấy điều này trong văn bản.")
        if as_at.strip():
            # the article found, not looked up again by number ("Điều 12a" keeps its letter)
            return self._version_html(document, article, as_at)
        return article_with_mark(document, article, place)

    def rules_table(self, document_id: str | None = None) -> str:
        """The rules as HTML grouped by document and kind, or one line saying why not."""
        try:
            rules = self.assistant.rules(document_id or None)
        except Exception:
            logger.exception("rules failed")
            return render_error("Không tải được bảng quy tắc.")
        return rules_html(rules, self._all_documents([r.document_id for r in rules]))

    def powers_table(self, document_id: str | None = None) -> str:
        """Who does what, grouped by document and kind of power, or why not."""
        try:
            powers = self.assistant.powers(document_id=document_id or None)
        except Exception:
            logger.exception("powers failed")
            return render_error("Không tải được bảng thẩm quyền.")
        return powers_html(powers, self._all_documents([p.document_id for p in powers]))

    @staticmethod
    def _version_html(document: Document, article: Article, as_at: str) -> str:
        """The article's wording in force on the day ``as_at`` names."""
        try:
            day = parse_as_at(as_at)
        except QuycheError:
            return render_error("Ngày không hợp lệ; ví dụ: 01/01/2024.")
        key = (article.number, article.suffix)
        lines = show_lines(document, article.part, key, None, day)
        return render_version(document, article, lines or [])

    # -- access and upload --------------------------------------------------------------

    def can_upload(self, username: str | None) -> bool:
        if self.auth is None:
            return True
        user = self.auth.get(username)
        return user is not None and user.is_admin

    def ingest_files(
        self,
        files: Sequence[str] | None,
        username: str | None,
        progress: gr.Progress | None = None,
    ) -> str:
        """Stage the uploads, ingest them, and say what happened (HTML)."""
        if not self.can_upload(username):
            return _message_html("Chỉ quản trị viên được nạp quy chế.")
        if not files:
            return _message_html("Chưa chọn tệp nào.")
        limit = self.settings.max_upload_bytes
        uploads = [read_upload(Path(f), Path(f).name, limit) for f in files]
        staged = stage_uploads(uploads, limit)
        if not staged.paths:
            outcomes, _, _ = file_outcomes(staged, EmptyReport())
            return report_html([file_line(o, None) for o in outcomes])

        def on_progress(message: str, fraction: float) -> None:
            if progress is not None:
                progress(max(0.0, min(1.0, fraction)), desc=staged.scrub(message))

        try:
            report = self.assistant.ingest(staged.paths, progress=on_progress)
        except QuycheError as exc:
            return _message_html(f"Không nạp được: {staged.scrub(str(exc))}")
        except Exception:
            logger.exception("ingest failed")
            return _message_html("Không nạp được: đã xảy ra lỗi khi nạp. Vui lòng thử lại.")
        outcomes, errors, warnings = file_outcomes(staged, report)
        lines = [file_line(o, self._document(o.document_id)) for o in outcomes]
        return report_html(lines, errors, warnings)

    def _document(self, document_id: str) -> Document | None:
        if not document_id:
            return None
        try:
            return self.assistant.document(document_id)
        except KeyError:
            return None
