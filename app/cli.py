"""`quyche` command line. Thin: parses arguments, calls the assistant, prints.

Errors from bad input are one line on stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

from app.env import set_offline_env

set_offline_env()

import argparse  # noqa: E402
import logging  # noqa: E402
import sys  # noqa: E402
from collections.abc import Sequence  # noqa: E402
from pathlib import Path  # noqa: E402

from app.ask_cmd import add_ask_parsers  # noqa: E402
from app.browse_cmd import add_browse_parsers  # noqa: E402
from app.cli_args import AddParser, settings_of  # noqa: E402
from app.compare_cmd import add_compare_parser  # noqa: E402
from app.ingest_cmd import add_ingest_parsers  # noqa: E402
from ingest.errors import QuycheError  # noqa: E402

log = logging.getLogger("quyche")


def cmd_serve(args: argparse.Namespace) -> int:
    from app.web import serve

    settings = settings_of(args)
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


def _add_serve_and_eval_parsers(add: AddParser) -> None:
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
        choices=[
            "team",
            "frozen",
            "wild",
            "complete",
            "fresh",
            "fresh2",
            "fresh3",
            "fresh4",
            "fresh5",
            "fresh6",
            "fresh7",
            "fresh8",
            "fresh9",
            "fresh10",
            "fresh11",
            "fresh12",
            "fresh13",
            "fresh14",
            "fresh15",
        ],
        default="team",
        help=(
            "bộ câu hỏi: team (297 câu của nhóm), frozen (bộ giữ kín, chỉ để báo cáo) hoặc "
            "wild (câu hỏi viết theo lối người dùng, để tinh chỉnh), complete (câu trả lời "
            "đầy đủ: quy trình, văn bản, chỗ để trống, dẫn chiếu, nhiều ý, hỏi tiếp), fresh, "
            "fresh2, fresh3, fresh4, fresh5, fresh6, fresh7, fresh8, fresh9, fresh10, fresh11, "
            "fresh12, fresh13, fresh14 (câu mới viết theo lối bộ giữ kín, để tinh chỉnh), "
            "fresh15 (viết đầu đợt, chỉ chạy một lần để báo cáo)"
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

    add_ingest_parsers(add)
    add_browse_parsers(add)
    add_compare_parser(add)
    add_ask_parsers(add)

    _add_serve_and_eval_parsers(add)

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
