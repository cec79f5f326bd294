"""Document numbers: "09-QC/TU" in a regulation's metadata, and a question that names a
document by its kind and number ("quyết định 261", "quy chế số 09-QC/TU")."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from index.models import HasMeta
from ingest.normalize import fold, words
from ingest.rules.amounts import find_money

# Long forms of document kinds in numbers ("09-QC/TU": quy chế).
KIND_WORDS: dict[str, tuple[str, ...]] = {
    "qc": ("quy che",),
    "qd": ("quyet dinh",),
    "qdi": ("quy dinh",),
    "nq": ("nghi quyet",),
    "ct": ("chi thi",),
    "kl": ("ket luan",),
    "hd": ("huong dan",),
}

NUMBER = re.compile(r"0*(?P<num>\d{1,4})\s*[-–]\s*(?P<kind>[a-z]+)(?:\s*/\s*(?P<issuer>[a-z]+))?")


def parse_number(text: str) -> tuple[int, str, str] | None:
    """ "09-QC/TU" → (9, "qc", "tu"); None when ``text`` is no document number."""
    m = NUMBER.search(fold(text))
    if m is None:
        return None
    return int(m["num"]), m["kind"], m["issuer"] or ""


def question_numbers(folded: str, kinds: set[str]) -> list[tuple[int, str, str, int, int]]:
    """Document numbers in the question: (number, kind, issuer, start, end)."""
    found = [
        (int(m["num"]), m["kind"], m["issuer"] or "", m.start(), m.end())
        for m in re.finditer(r"(?<![\w])" + NUMBER.pattern, folded)
        if m["kind"] in kinds
    ]
    kind_forms = {form: kind for kind in kinds for form in (kind, *KIND_WORDS.get(kind, ()))}
    if kind_forms:
        alternation = "|".join(sorted(map(re.escape, kind_forms), key=len, reverse=True))
        pattern = rf"(?<![\w])({alternation})\s+(?:so\s+)?0*(\d{{1,4}})(?![\w])"
        found += [
            (int(m[2]), kind_forms[m[1]], "", m.start(), m.end())
            for m in re.finditer(pattern, folded)
        ]
    found += [
        (int(m[1]), "", "", m.start(), m.end())
        for m in re.finditer(r"(?<![\w])so\s+0*(\d{1,4})\b", folded)
        # "trụ sở 12 tỷ" folds to "so 12 ty": an amount of money is no document's number
        if not _starts_money(folded[m.start(1) :])
    ]
    return found


def _starts_money(text: str) -> bool:
    first = find_money(text)
    return bool(first) and text.startswith(first[0].text)


@functools.lru_cache(maxsize=256)
def _name_pattern(num: int, kind: str) -> re.Pattern[str]:
    """A document's kind and number as a question writes them ("quyết định 261")."""
    forms = "|".join(re.escape(f) for f in (kind, *KIND_WORDS.get(kind, ())))
    return re.compile(
        rf"(?<![\w])(?:{forms})\s+(?:so\s+)?0*{num}(?:\s*-\s*[a-z]+(?:\s*/\s*[a-z]+)?)?(?![\w])"
    )


def document_name_phrases(question: str, documents: Sequence[HasMeta]) -> list[str]:
    """The words that name a loaded document by its kind and number, as written in the
    question and folded ("quyet dinh 261", "quy che so 09-qc/tu"): a name, not a topic."""
    folded = fold(question)
    numbers = [n for d in documents if d.meta.number and (n := parse_number(d.meta.number))]
    found: list[str] = []
    for num, kind, _ in numbers:
        found += [" ".join(words(m.group())) for m in _name_pattern(num, kind).finditer(folded)]
    return list(dict.fromkeys(found))


__all__ = ["KIND_WORDS", "NUMBER", "document_name_phrases", "parse_number", "question_numbers"]
