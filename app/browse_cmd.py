"""`quyche docs`, `show`, `rules` and `powers`: what the data home holds, read back."""

from __future__ import annotations

import argparse
import json
import sys

from app.cli_args import AddParser, open_assistant
from ingest.models import LEVEL_LABELS, STATUS_LABELS


def add_browse_parsers(add: AddParser) -> None:
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
        help="quorum, vote_threshold, request_trigger, money_threshold, area_threshold, count_threshold, ...",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_rules)

    p = add("powers", "bảng thẩm quyền: cơ quan nào quyết định, phê duyệt, cho ý kiến việc gì")
    p.add_argument("--doc", help="mã văn bản (xem quyche docs)")
    p.add_argument("--body", help="cơ quan, ví dụ: 'Ban Thường vụ', BTV, 'Bí thư'")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_powers)


def cmd_docs(args: argparse.Namespace) -> int:
    assistant = open_assistant(args)
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

    assistant = open_assistant(args)
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
    assistant = open_assistant(args)
    rules = assistant.rules(document_id=args.doc, kind=args.kind)
    if args.json:
        print(json.dumps([r.model_dump(mode="json") for r in rules], ensure_ascii=False, indent=1))
        return 0
    from app.tables import rules_table

    print(rules_table(rules))
    return 0


def cmd_powers(args: argparse.Namespace) -> int:
    assistant = open_assistant(args)
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
