"""`quyche` command line. Thin: parses arguments, calls the assistant, prints.

Errors from bad input are one line on stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

from app.env import set_offline_env

set_offline_env()

import argparse  # noqa: E402
import json  # noqa: E402
import logging  # noqa: E402
import sys  # noqa: E402
from collections.abc import Sequence  # noqa: E402
from pathlib import Path  # noqa: E402

from app.compare_cmd import add_compare_parser  # noqa: E402
from assistant.models import Turn  # noqa: E402
from ingest.errors import QuycheError  # noqa: E402
from ingest.models import LEVEL_LABELS, STATUS_LABELS  # noqa: E402
from ingest.settings import Settings  # noqa: E402

log = logging.getLogger("quyche")


def _settings(args: argparse.Namespace) -> Settings:
    overrides = {}
    if getattr(args, "home", None):
        overrides["home"] = Path(args.home)
    return Settings(**overrides)  # type: ignore[arg-type]


def _open(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from assistant.service import Assistant

    return Assistant.open(_settings(args))


# --- ingest ----------------------------------------------------------------------------


def cmd_ingest(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from assistant.service import Assistant

    settings = _settings(args)
    bar = tqdm(total=100, desc="Nạp văn bản", unit="%", disable=args.quiet, leave=False)

    def progress(message: str, fraction: float) -> None:
        bar.set_description(message[:60])
        bar.n = int(fraction * 100)
        bar.refresh()

    report = Assistant.ingest_files(
        settings,
        [Path(p) for p in args.paths],
        remove=args.remove,
        rebuild=args.rebuild,
        progress=progress,
    )
    bar.close()
    for line in report.errors:
        print(f"lỗi: {line}", file=sys.stderr)
    for line in report.warnings:
        print(f"cảnh báo: {line}", file=sys.stderr)
    summary = (
        f"thêm {len(report.added)}, cập nhật {len(report.updated)}, "
        f"không đổi {len(report.unchanged)}, xóa {len(report.removed)}, lỗi {len(report.errors)} "
        f"({report.seconds:.1f} s)"
    )
    print(summary)
    if not report.changed and report.unchanged and not report.errors:
        print("Không có gì thay đổi: các văn bản đã được nạp trước đó.")
    if not args.no_embed:
        assistant = Assistant.open(settings)
        embed_bar = tqdm(total=0, desc="Tính embedding", unit="đoạn", disable=args.quiet)

        def embed_progress(done: int, total: int) -> None:
            embed_bar.total = total
            embed_bar.n = done
            embed_bar.refresh()

        stats = assistant.embed_pending(progress=embed_progress)
        embed_bar.close()
        if stats.embedded:
            print(
                f"embedding: {stats.embedded} đoạn mới, {stats.cached} lấy từ cache, "
                f"{stats.chars_per_second:.0f} ký tự/giây"
            )
    return 1 if report.errors else 0


def cmd_embed(args: argparse.Namespace) -> int:
    assistant = _open(args)
    stats = assistant.embed_pending()
    print(f"embedding: {stats.embedded} đoạn mới, {stats.cached} từ cache")
    return 0


# --- documents -------------------------------------------------------------------------


def cmd_docs(args: argparse.Namespace) -> int:
    assistant = _open(args)
    docs = assistant.documents()
    if args.json:
        print(json.dumps([d.model_dump(mode="json") for d in docs], ensure_ascii=False, indent=1))
        return 0
    if not docs:
        print("Chưa có văn bản nào. Nạp văn bản: quyche ingest data/regulations")
        return 0
    for d in docs:
        m = d.meta
        parts = ", ".join(f"{k}: {v} điều" for k, v in d.part_counts.items())
        print(f"{d.id}")
        print(f"  {m.title}")
        fields = [
            ("Số", m.number),
            ("Cơ quan ban hành", m.issuing_body),
            ("Áp dụng cho", m.governed_body),
            ("Cấp", LEVEL_LABELS.get(m.level, "")),
            ("Khóa", m.term),
            ("Nhiệm kỳ", m.term_years),
            ("Ngày", m.date_issued),
            ("Tình trạng", STATUS_LABELS.get(m.status, "")),
        ]
        print("  " + " | ".join(f"{k}: {v}" for k, v in fields if v))
        print(f"  {d.source_file} — {parts}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from app.versions import parse_as_at, show_lines, split_suffix
    from assistant.references import parse_reference

    assistant = _open(args)
    as_at = parse_as_at(args.as_at) if args.as_at else None
    reference, suffix = split_suffix(args.reference)
    ref = parse_reference(reference)
    if ref is None:
        print(
            f'lỗi: không hiểu \'{args.reference}\'; ví dụ: "Điều 14", "khoản 2 Điều 14"',
            file=sys.stderr,
        )
        return 2
    docs = assistant.documents()
    if args.doc:
        docs = [d for d in docs if d.id == args.doc]
        if not docs:
            print(f"lỗi: không có văn bản '{args.doc}' (xem: quyche docs)", file=sys.stderr)
            return 2
    shown = 0
    for info in docs:
        doc = assistant.document(info.id)
        part = args.part or ref.part or doc.main_part
        lines = show_lines(doc, part, (ref.article, suffix), ref.clause, as_at)
        if lines is None:
            continue
        if shown:
            print()
        print(f"== {doc.meta.title} [{doc.id}, {part}]")
        print("\n".join(lines))
        article = doc.article(ref.article, part, suffix=suffix)
        if article is not None and doc.read_by_ocr(article.start, article.end):
            from assistant.citations import OCR_NOTE

            print(f"({OCR_NOTE})")
        shown += 1
    if not shown:
        print(f"lỗi: không tìm thấy Điều {ref.article}{suffix}", file=sys.stderr)
        return 1
    return 0


def cmd_rules(args: argparse.Namespace) -> int:
    assistant = _open(args)
    rules = assistant.rules(document_id=args.doc, kind=args.kind)
    if args.json:
        print(json.dumps([r.model_dump(mode="json") for r in rules], ensure_ascii=False, indent=1))
        return 0
    from app.tables import rules_table

    print(rules_table(rules))
    return 0


def cmd_powers(args: argparse.Namespace) -> int:
    assistant = _open(args)
    powers = assistant.powers(document_id=args.doc, body=args.body)
    if args.json:
        from assistant.citations import cite_as

        records = [
            p.model_dump(mode="json")
            | {
                "cite_as": cite_as(
                    assistant.document(p.document_id), p.part, p.article, p.clause, p.point
                )
            }
            for p in powers
        ]
        print(json.dumps(records, ensure_ascii=False, indent=1))
        return 0
    from app.tables import powers_table

    print(powers_table(powers))
    return 0


# --- asking ----------------------------------------------------------------------------


def _print_answer(answer, as_json: bool) -> None:  # type: ignore[no-untyped-def]
    if as_json:
        print(json.dumps(answer.model_dump(mode="json"), ensure_ascii=False))
        return
    from assistant.render import answer_text

    print(answer_text(answer))


def cmd_ask(args: argparse.Namespace) -> int:
    assistant = _open(args)
    doc_ids = args.doc or None
    if args.jsonl:
        return _ask_jsonl(assistant, Path(args.jsonl), doc_ids, _settings(args).max_question_chars)
    if not args.question:
        print(
            'lỗi: cần câu hỏi, ví dụ: quyche ask "Ai triệu tập hội nghị Ban Chấp hành?"',
            file=sys.stderr,
        )
        return 2
    answer = assistant.ask(" ".join(args.question), document_ids=doc_ids)
    _print_answer(answer, args.json)
    return 0


def _ask_jsonl(assistant, path: Path, doc_ids: Sequence[str] | None, max_chars: int) -> int:  # type: ignore[no-untyped-def]
    """One output line per input line, in order: an answer, or an error object in its place."""
    from app.ask_request import AskRequest, RequestProblem, question_problem, read_line

    source = sys.stdin if str(path) == "-" else path.open(encoding="utf-8")
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

    assistant = _open(args)
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


def cmd_serve(args: argparse.Namespace) -> int:
    from app.web import serve

    settings = _settings(args)
    from assistant.service import Assistant

    assistant = Assistant.open(settings)
    serve(
        assistant,
        settings,
        host=args.host,
        port=args.port,
        allow_remote=args.allow_remote,
        users_file=Path(args.users_file) if args.users_file else None,
    )
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from eval.run import main as eval_main

    return eval_main(args)


def cmd_bench(args: argparse.Namespace) -> int:
    from eval.bench import main as bench_main

    return bench_main(args)


def cmd_hash_password(args: argparse.Namespace) -> int:
    import getpass

    from app.auth import hash_password

    password = args.password or getpass.getpass("Mật khẩu: ")
    print(hash_password(password))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quyche",
        description="Trợ lý tra cứu quy chế làm việc của cấp ủy (chạy ngoại tuyến).",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="ghi log chi tiết")
    sub = parser.add_subparsers(dest="command", required=True)

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--home", help="thư mục dữ liệu (mặc định: $QUYCHE_HOME hoặc ~/.quyche)")
        return p

    p = add("ingest", "nạp văn bản (tệp hoặc thư mục .txt/.md/.docx/.doc/.pdf)")
    p.add_argument("paths", nargs="*", help="tệp hoặc thư mục")
    p.add_argument("--remove", action="append", default=[], metavar="ID", help="gỡ văn bản theo mã")
    p.add_argument("--rebuild", action="store_true", help="dựng lại toàn bộ từ các tệp đã cho")
    p.add_argument("--no-embed", action="store_true", help="bỏ qua bước tính embedding")
    p.add_argument("-q", "--quiet", action="store_true", help="không hiện thanh tiến độ")
    p.set_defaults(func=cmd_ingest)

    p = add("embed", "tính embedding còn thiếu cho chỉ mục vector")
    p.set_defaults(func=cmd_embed)

    p = add("docs", "liệt kê văn bản đã nạp và thông tin của chúng")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_docs)

    p = add("show", 'in nguyên văn một điều hoặc khoản, ví dụ: quyche show "khoản 2 Điều 14"')
    p.add_argument("reference")
    p.add_argument("--doc", help="mã văn bản (xem quyche docs)")
    p.add_argument("--part", help="phần: regulation hoặc decision")
    p.add_argument(
        "--as-at",
        metavar="NGÀY",
        help="bản có hiệu lực vào ngày này (2024-01-01 hoặc 01/01/2024), khi điều đã được sửa đổi",
    )
    p.set_defaults(func=cmd_show)

    p = add("rules", "liệt kê các quy tắc số (tỷ lệ, thời hạn, tần suất, ngưỡng tiền)")
    p.add_argument("--doc")
    p.add_argument(
        "--kind",
        help="quorum, vote_threshold, request_trigger, money_threshold, area_threshold, ...",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_rules)

    p = add("powers", "bảng thẩm quyền: cơ quan nào quyết định, phê duyệt, cho ý kiến việc gì")
    p.add_argument("--doc", help="mã văn bản (xem quyche docs)")
    p.add_argument("--body", help="cơ quan, ví dụ: 'Ban Thường vụ', BTV, 'Bí thư'")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_powers)

    add_compare_parser(add)

    p = add("ask", "hỏi một câu")
    p.add_argument("question", nargs="*")
    p.add_argument("--json", action="store_true", help="in câu trả lời dạng JSON")
    p.add_argument("--doc", action="append", help="giới hạn trong văn bản này (lặp lại được)")
    p.add_argument("--jsonl", help="tệp JSON Lines {id, question, history} ('-' = stdin)")
    p.set_defaults(func=cmd_ask)

    p = add("chat", "trò chuyện trong terminal")
    p.add_argument("--doc", action="append")
    p.set_defaults(func=cmd_chat)

    p = add("serve", "chạy giao diện web và POST /api/ask")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=7860)
    p.add_argument(
        "--allow-remote",
        action="store_true",
        help="cho phép nghe ngoài 127.0.0.1 (bắt buộc đăng nhập)",
    )
    p.add_argument("--users-file", help="tệp người dùng (quyche hash-password để tạo mật khẩu)")
    p.set_defaults(func=cmd_serve)

    p = add("eval", "đánh giá truy xuất và câu trả lời trên bộ câu hỏi của nhóm")
    p.add_argument(
        "--gold",
        choices=["team", "frozen", "wild", "complete", "fresh"],
        default="team",
        help=(
            "bộ câu hỏi: team (297 câu của nhóm), frozen (bộ giữ kín, chỉ để báo cáo) hoặc "
            "wild (câu hỏi viết theo lối người dùng, để tinh chỉnh), complete (câu trả lời "
            "đầy đủ: quy trình, văn bản, chỗ để trống, dẫn chiếu, nhiều ý, hỏi tiếp), fresh "
            "(120 câu mới viết theo lối bộ giữ kín, để tinh chỉnh)"
        ),
    )
    p.add_argument("--split", choices=["dev", "heldout", "frozen", "all"], default="all")
    p.add_argument(
        "--robust",
        action="store_true",
        help="hỏi lại mỗi câu dưới các biến thể (bỏ dấu, Telex/VNI, viết tắt, lời mở/kết, lỗi gõ)",
    )
    p.add_argument("--no-baselines", action="store_true")
    p.add_argument("--answers", action="store_true", help="đánh giá cả câu trả lời")
    p.add_argument("--json", help="ghi kết quả chi tiết ra tệp")
    p.set_defaults(func=cmd_eval)

    p = add("bench", "đo hiệu năng: nạp, truy xuất, trả lời, bộ nhớ, quy mô")
    p.add_argument("--load", action="store_true", help="đo tải với máy chủ quyche serve")
    p.add_argument(
        "--scale", type=int, default=1000, help="số văn bản tổng hợp cho phép đo quy mô (0 = bỏ)"
    )
    p.add_argument("--quick", action="store_true")
    p.set_defaults(func=cmd_bench)

    p = sub.add_parser("hash-password", help="tạo chuỗi băm mật khẩu cho tệp người dùng")
    p.add_argument("password", nargs="?")
    p.set_defaults(func=cmd_hash_password)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    level = logging.INFO if args.verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    for handler in logging.getLogger().handlers:
        # Some libraries (bm25s) set their own loggers to DEBUG: filter at the handler.
        handler.setLevel(level)
    try:
        return int(args.func(args))
    except QuycheError as exc:
        print(f"lỗi: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("đã dừng", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Output piped into `head` and friends: not an error.
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
