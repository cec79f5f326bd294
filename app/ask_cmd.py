"""`quyche ask` (one question, or one JSON answer per input line) and `quyche chat`."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from app.cli_args import AddParser, open_assistant, settings_of
from assistant.models import Turn


def add_ask_parsers(add: AddParser) -> None:
    p = add("ask", "hỏi một câu")
    p.add_argument("question", nargs="*")
    p.add_argument("--json", action="store_true", help="in câu trả lời dạng JSON")
    p.add_argument("--doc", action="append", help="giới hạn trong văn bản này (lặp lại được)")
    p.add_argument("--jsonl", help="tệp JSON Lines {id, question, history} ('-' = stdin)")
    p.set_defaults(func=cmd_ask)

    p = add("chat", "trò chuyện trong terminal")
    p.add_argument("--doc", action="append")
    p.set_defaults(func=cmd_chat)


def _print_answer(answer, as_json: bool) -> None:  # type: ignore[no-untyped-def]
    if as_json:
        print(json.dumps(answer.model_dump(mode="json"), ensure_ascii=False))
        return
    from assistant.render import answer_text

    print(answer_text(answer))


def cmd_ask(args: argparse.Namespace) -> int:
    if args.jsonl and args.jsonl != "-" and not Path(args.jsonl).is_file():
        print(f"lỗi: không có tệp câu hỏi {args.jsonl}", file=sys.stderr)
        return 2
    assistant = open_assistant(args)
    doc_ids = args.doc or None
    if args.jsonl:
        return _ask_jsonl(
            assistant, Path(args.jsonl), doc_ids, settings_of(args).max_question_chars
        )
    if not args.question:
        print(
            'lỗi: cần câu hỏi, ví dụ: quyche ask "Tổ công tác họp mấy lần một quý?"',
            file=sys.stderr,
        )
        return 2
    answer = assistant.ask(" ".join(args.question), document_ids=doc_ids)
    _print_answer(answer, args.json)
    return 0


def _ask_jsonl(assistant, path: Path, doc_ids: Sequence[str] | None, max_chars: int) -> int:  # type: ignore[no-untyped-def]
    """One output line per input line, in order: an answer, or an error object in its place."""
    from app.ask_request import AskRequest, RequestProblem, question_problem, read_line

    # a line that is not UTF-8 is a line that cannot be read, answered by its error object
    source = sys.stdin if str(path) == "-" else path.open(encoding="utf-8", errors="replace")
    status = 0
    with source:
        for n, line in enumerate(source, 1):
            request = read_line(line, n)
            if isinstance(request, AskRequest):
                problem = question_problem(request.question, max_chars)
                if problem is not None:
                    request = RequestProblem(id=request.id, line=n, error=problem)
            if isinstance(request, RequestProblem):
                print(f"lỗi: dòng {n}: {request.error}", file=sys.stderr)
                print(json.dumps(request.model_dump(mode="json"), ensure_ascii=False), flush=True)
                status = 1
                continue
            answer = assistant.ask(
                request.question,
                history=request.history,
                document_ids=request.document_ids or doc_ids,
                id=request.id,
            )
            print(json.dumps(answer.model_dump(mode="json"), ensure_ascii=False), flush=True)
    return status


def cmd_chat(args: argparse.Namespace) -> int:
    from assistant.render import answer_text

    assistant = open_assistant(args)
    history: list[Turn] = []
    print("Quy chế — hỏi về quy chế làm việc. Gõ 'thoát' hoặc Ctrl-D để kết thúc.")
    while True:
        try:
            question = input("\nBạn: ").strip()
        except (EOFError, KeyboardInterrupt):
            print()
            return 0
        if question.lower() in {"thoát", "thoat", "exit", "quit"}:
            return 0
        if not question:
            continue
        answer = assistant.ask(question, history=history, document_ids=args.doc or None)
        print("\n" + answer_text(answer))
        history += [
            Turn(role="user", content=question),
            Turn(role="assistant", content=answer.answer),
        ]
        history = history[-12:]
