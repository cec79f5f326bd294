"""Shares and head counts: quorums, vote thresholds, request triggers ("2/3 tổng số
thành viên tham dự", "quá nửa … tán thành", "ít nhất năm ủy viên … đề nghị")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from fractions import Fraction

from ingest.rules.hits import Context, Hit, as_comparator, segment_span
from ingest.rules.models import Quantity, RuleKind
from ingest.rules.numbers import FRACTION, STRICT_NUMBER, comparator_of, parse_fraction, read_number

_SHARE = re.compile(
    rf"(?<![a-z0-9])(?:(?P<cmp>khong it hon|it nhat|toi thieu|nhieu hon|tren|hon|qua|tu)\s+(?:(?:la|mot)\s+)?)?"
    rf"(?P<frac>{FRACTION})(?![\w/])"
)
_VERBS = re.compile(
    r"(?P<quorum>tham du|du hop|du hoi nghi|co mat)"
    r"|(?P<vote>tan thanh|dong y|nhat tri|bieu quyet tan thanh)"
    r"|(?P<request>de nghi|yeu cau)"
)
_BASIS_HEAD = re.compile(r"(thanh vien|uy vien|y kien|dai bieu|nguoi|dang vien)")
_BASIS_LABEL = {
    "thanh vien": "thành viên",
    "uy vien": "ủy viên",
    "y kien": "ý kiến",
    "dai bieu": "đại biểu",
    "nguoi": "người",
    "dang vien": "đảng viên",
}


_ABSOLUTE = re.compile(
    rf"(?<![a-z0-9])(?P<cmp>it nhat|toi thieu|khong it hon)\s+(?P<frac>{STRICT_NUMBER})"
    rf"(?=\s+(?:uy vien|thanh vien|dong chi|nguoi|dang vien)(?![a-z]))"
)


def share_hits(ctx: Context) -> Iterator[Hit]:
    """Shares ("2/3", "quá nửa") and head counts ("ít nhất năm ủy viên … tham dự")."""
    f = ctx.folded
    matches = [(m, True) for m in _SHARE.finditer(f)] + [(m, False) for m in _ABSOLUTE.finditer(f)]
    for m, is_share in matches:
        frac_text = m.group("frac")
        if not is_share:
            number = read_number(frac_text)
            if number is None:
                continue
            yield from _share_hit(ctx, m, None, number)
            continue
        if re.fullmatch(r"(?:mot\s+)?nua", frac_text) and not m.group("cmp"):
            continue  # "nửa đầu nhiệm kỳ"
        fraction = parse_fraction(frac_text)
        if fraction is None or not (0 < fraction <= 1):
            continue
        yield from _share_hit(ctx, m, fraction, None)


def _share_hit(
    ctx: Context, m: re.Match[str], fraction: Fraction | None, number: int | None
) -> Iterator[Hit]:
    f = ctx.folded
    seg_start, seg_end = segment_span(f, m.start(), m.end())
    window = f[m.end() : seg_end]
    stop = re.search(r"\bthi\b|\bnhung\b|[.]", window)
    window = window[: stop.start()] if stop else window
    verb = _VERBS.search(window)
    before = f[seg_start : m.start()]
    if re.search(r"tuy\s+(?:da\s+)?co\s+$", before):
        return  # "tuy đã có trên 1/2 … tán thành, nhưng …" restates the threshold
    kind: RuleKind | None = None
    verb_pos = m.end()
    if verb:
        kind = (
            "quorum"
            if verb.group("quorum")
            else "vote_threshold"
            if verb.group("vote")
            else "request_trigger"
        )
        verb_pos = m.end() + verb.start()
    elif re.search(r"(?:yeu cau|de nghi)\s+(?:cua\s+)?$", before):
        kind = "request_trigger"
        end_basis = re.search(r"[,;(]|\bthi\b", window)
        verb_pos = m.end() + (end_basis.start() if end_basis else len(window))
    elif re.search(r"tien hanh|hop le", before):
        kind = "quorum"
        end_basis = re.search(r"[,;(]", window)
        verb_pos = m.end() + (end_basis.start() if end_basis else len(window))
    if kind is None:
        return
    basis_text = f[m.end() : verb_pos]
    basis_text = re.sub(r"^\s*\([^)]*\)", "", basis_text)
    after = f[m.end() : min(seg_end, m.end() + 80)]
    cmp = comparator_of(m.group("cmp"), after if m.group("cmp") == "tu" else "")
    if cmp == "=":
        cmp = ">="  # "phải có 2/3 …" means at least
    value = Quantity(
        text=ctx.sentence[m.start() : m.end()],
        numerator=fraction.numerator if fraction is not None else None,
        denominator=fraction.denominator if fraction is not None else None,
        number=number,
        unit="người" if number is not None else "",
    )
    yield Hit(
        kind=kind,
        start=m.start(),
        end=m.end(),
        value=value,
        comparator=as_comparator(cmp),
        subject=_share_subject(kind, f, seg_start, m.start()),
        basis=_basis(basis_text),
        basis_span=(m.end(), verb_pos),
    )


def _basis(folded_basis: str) -> str:
    head = _BASIS_HEAD.search(folded_basis)
    if not head:
        return ""
    prefix = ""
    lead = folded_basis[: head.start()]
    if "tong so" in lead:
        prefix = "tổng số "
    elif re.search(r"(?<![a-z])so\s+$", lead):
        prefix = "số "
    label = prefix + _BASIS_LABEL[head.group(1)]
    if "duong nhiem" in folded_basis:
        label += " đương nhiệm"
    if "chinh thuc" in folded_basis:
        label += " chính thức"
    if "co mat" in folded_basis:
        label += " có mặt"
    return label


def _share_subject(kind: str, f: str, seg_start: int, pos: int) -> str:
    before = f[seg_start:pos]
    if kind == "quorum":
        return "meeting_validity"
    if kind == "request_trigger":
        sentence_rest = f
        return (
            "extraordinary_meeting"
            if re.search(r"dot xuat|bat thuong|chuyen de", sentence_rest)
            else "meeting_request"
        )
    if re.search(r"(bo sung|dieu chinh)[^;]{0,40}$", before):
        return "resolution_amendment"
    if re.search(r"xin y kien|lay y kien|gui van ban|bang van ban", f[:pos]):
        return "written_consultation"
    if re.search(r"nhan su|cong tac can bo|bau cu|gioi thieu can bo", before):
        return "personnel_vote"
    return "resolution"
