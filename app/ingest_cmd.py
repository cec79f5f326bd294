"""`quyche ingest` and `quyche embed`: documents into the data home, then their vectors."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli_args import AddParser, open_assistant, settings_of


def add_ingest_parsers(add: AddParser) -> None:
    p = add("ingest", "nạp văn bản (tệp hoặc thư mục .txt/.md/.docx/.doc/.pdf)")
    p.add_argument("paths", nargs="*", help="tệp hoặc thư mục")
    p.add_argument("--remove", action="append", default=[], metavar="ID", help="gỡ văn bản theo mã")
    p.add_argument("--rebuild", action="store_true", help="dựng lại toàn bộ từ các tệp đã cho")
    p.add_argument("--no-embed", action="store_true", help="bỏ qua bước tính embedding")
    p.add_argument("-q", "--quiet", action="store_true", help="không hiện thanh tiến độ")
    p.set_defaults(func=cmd_ingest)

    p = add("embed", "tính embedding còn thiếu cho chỉ mục vector")
    p.set_defaults(func=cmd_embed)


def cmd_ingest(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from assistant.service import Assistant

    settings = settings_of(args)
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
    assistant = open_assistant(args)
    stats = assistant.embed_pending()
    print(f"embedding: {stats.embedded} đoạn mới, {stats.cached} từ cache")
    return 0
