"""What `quyche show` prints for an article that amending decisions changed: the wording
in force now (with the decision named) or on a given day (``--as-at``)."""

from __future__ import annotations

import datetime as dt
import re

from assistant.citations import amendment_line
from assistant.models import Amendment
from ingest.consolidate import version_at
from ingest.errors import QuycheError
from ingest.models import Article, ArticleVersion, Document
from ingest.normalize import fold
from ingest.rewrite import parse_article

_SUFFIXED = re.compile(r"\b(dieu\s*\d{1,3})([a-z])\b")


def parse_as_at(text: str) -> str:
    """ "2024-01-01" or "01/01/2024" → ISO date; a one-line error otherwise."""
    for form in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(text.strip(), form).date().isoformat()
        except ValueError:
            continue
    raise QuycheError(f"ngày không hợp lệ '{text}'; ví dụ: --as-at 2024-01-01 hoặc 01/01/2024")


def split_suffix(reference: str) -> tuple[str, str]:
    """ "Điều 12a" → ("dieu 12", "a"): the letter of an inserted article, kept apart
    because the reference parser reads whole numbers only."""
    folded = fold(reference)
    match = _SUFFIXED.search(folded)
    if match is None:
        return reference, ""
    return folded[: match.start()] + match[1] + folded[match.end() :], match[2]


def show_lines(
    doc: Document, part: str, key: tuple[int, str], clause: int | None, as_at: str | None
) -> list[str] | None:
    """Lines to print for Điều ``key`` (khoản ``clause``), or None when the document
    never had that article."""
    number, suffix = key
    main = part == doc.main_part
    history = doc.article_history(number, suffix) if main else None
    current = doc.article(number, part, suffix)
    if current is None and history is None:
        return None
    if as_at is None or not main:
        if current is None:
            return None
        lines = _unit_lines(current, clause)
        latest = history.versions[-1] if history is not None else None
        if latest is not None and latest.amended_by is not None:
            lines.append(f"(Điều {number}{suffix} được {_line(latest)})")
        return lines
    version = version_at(doc, number, suffix, as_at)
    label = f"Điều {number}{suffix}"
    if version is None:
        return [f"({label} chưa có hiệu lực vào ngày {_vn(as_at)})"]
    if version.kind == "repealed":
        return [f"({label} không còn hiệu lực vào ngày {_vn(as_at)}: đã {_line(version)})"]
    lines = _unit_lines(parse_article(version.text, key), clause)
    if version.amended_by is None:
        lines.append(f"(Nguyên văn khi ban hành; bản có hiệu lực vào ngày {_vn(as_at)})")
    else:
        lines.append(f"(Bản có hiệu lực vào ngày {_vn(as_at)}: {_line(version)})")
    return lines


def _unit_lines(article: Article, clause: int | None) -> list[str]:
    if clause is None:
        return [article.text]
    found = article.clause(clause)
    if found is None:
        return [f"(Điều {article.label} không có khoản {clause})"]
    return [f"Điều {article.label}. {article.title}", found.text]


def _line(version: ArticleVersion) -> str:
    ref = version.amended_by
    if ref is None:
        return ""
    return amendment_line(Amendment(**ref.model_dump(), change=version.change))


def _vn(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{day}/{month}/{year}"
