"""`quyche compare DRAFT --with MODEL`: a draft regulation checked against its model.

DRAFT and MODEL are each a file (parsed in memory, never ingested) or the id or number of
a document ingested in the data home. Prints the differences (or a JSON list), and writes
the report as markdown and .docx when asked. Nothing in the data home is changed.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from app.cli_args import AddParser
from ingest.settings import Settings


def add_compare_parser(add: AddParser) -> None:
    p = add("compare", "so sánh dự thảo quy chế với quy chế mẫu, từng điều, khoản")
    p.add_argument(
        "draft", help="dự thảo: tệp (.txt/.md/.docx/.doc/.pdf) hoặc mã/số văn bản đã nạp"
    )
    p.add_argument(
        "--with",
        dest="model",
        required=True,
        help="quy chế mẫu: tệp hoặc mã/số văn bản đã nạp (xem quyche docs)",
    )
    p.add_argument("--json", action="store_true", help="in danh sách điểm khác dạng JSON")
    p.add_argument("--markdown", metavar="F", help="ghi báo cáo markdown ra tệp F")
    p.add_argument("--docx", metavar="F", help="ghi báo cáo .docx ra tệp F")
    p.add_argument(
        "--dense",
        action="store_true",
        help="ghép điều bằng cả mô hình embedding (chậm hơn; mặc định chỉ so từ ngữ)",
    )
    p.set_defaults(func=cmd_compare)


def _home(args: argparse.Namespace) -> Path:
    return Path(args.home) if getattr(args, "home", None) else Settings().home


def cmd_compare(args: argparse.Namespace) -> int:
    from assistant.drafting import compare
    from assistant.drafting.report import kind_labels, summary_line, to_docx, to_markdown
    from assistant.drafting.sources import load_document

    home = _home(args)
    draft = load_document(args.draft, home, "dự thảo")
    model = load_document(args.model, home, "quy chế mẫu")
    encode = None
    if args.dense:
        from index.embed import make_embedder

        embedder = make_embedder(Settings(home=home))  # no cache: nothing written to the home
        if embedder is not None:
            encode = embedder.embed_passages
    comparison = compare(model, draft, encode)
    if args.markdown:
        Path(args.markdown).write_text(to_markdown(comparison), encoding="utf-8")
    if args.docx:
        Path(args.docx).write_bytes(to_docx(comparison))
    if args.json:
        records = [
            d.model_dump(mode="json", exclude={"model_text", "draft_text"})
            for d in comparison.differences
        ]
        print(json.dumps(records, ensure_ascii=False, indent=1))
        return 0
    labels = kind_labels()
    print(summary_line(comparison))
    for n, d in enumerate(comparison.differences, 1):
        print(f"{n}. [{labels.get(d.kind, d.kind)}] {d.detail}")
        if d.model_cite_as:
            print(f"   mẫu: {d.model_cite_as}")
        if d.draft_cite_as:
            print(f"   dự thảo: {d.draft_cite_as}")
    return 0
