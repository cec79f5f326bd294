"""Counts of members: "gồm 15 đồng chí", "có không quá 11 ủy viên"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ingest.rules.hits import Context, Hit, as_comparator
from ingest.rules.models import Quantity
from ingest.rules.numbers import STRICT_NUMBER, comparator_of, read_number

_COUNT = re.compile(
    rf"(?<![a-z])(?:gom|gom co|co)\s+(?:(?P<cmp>khong qua|toi da|it nhat|toi thieu|tu)\s+)?"
    rf"(?P<n>\d+|{STRICT_NUMBER})\s+(?P<u>dong chi|thanh vien|uy vien|nguoi)(?![a-z])"
)


def count_hits(ctx: Context) -> Iterator[Hit]:
    for m in _COUNT.finditer(ctx.folded):
        number = read_number(m.group("n"))
        if number is None or number < 1:
            continue
        cmp = comparator_of(m.group("cmp")) if m.group("cmp") else "="
        yield Hit(
            kind="count",
            start=m.start("n") if not m.group("cmp") else m.start("cmp"),
            end=m.end(),
            value=Quantity(text=ctx.sentence[m.start("n") : m.end()], number=number, unit="người"),
            comparator=as_comparator(cmp),
            subject="membership",
        )
