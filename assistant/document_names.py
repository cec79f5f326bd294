"""How a question may name a document: its place names, number and bodies, and the short
name and reference an answer shows for it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.models import DocumentRef
from assistant.terms import text_terms
from index.models import HasMeta
from index.places import PLACE_UNITS
from ingest.models import Document
from ingest.normalize import fold, words

# (the old placement of the tone mark too: "Tỉnh uỷ")
_SPELLINGS = dict.fromkeys([*PLACE_UNITS, *(u.replace("ủy", "uỷ") for u in PLACE_UNITS)])
_PLACE_UNIT = re.compile(rf"\b(?:{'|'.join(_SPELLINGS)})\s+", re.I)
_UNITS = "|".join(dict.fromkeys(fold(u) for u in PLACE_UNITS))


def place_names(text: str) -> list[str]:
    """Capitalised words right after an administrative unit: "xã Tân Phú", "Tỉnh ủy Kon Tum"."""
    names = []
    for match in _PLACE_UNIT.finditer(text):
        run = []
        for word in re.findall(r"[^\s,.;:()]+", text[match.end() :]):
            if not word[:1].isupper():
                break
            run.append(word)
        if run:
            names.append(" ".join(run))
    return names


def name_terms(doc: Document) -> set[str]:
    """Terms that name the document (place names, number): a question uses them to pick
    the document, not to say what it asks, so they never count as coverage."""
    m = doc.meta
    places = [m.province]
    for text in (m.issuing_body, m.governed_body, m.title):
        places.extend(place_names(text))
    # The number is left out where it is written whole ("09-QC/TU"), as a place of several
    # syllables is: typed without diacritics, its parts alone are words ("tu" of "tự
    # phê bình", "du" of "dự họp"). No abbreviation expansion: "TU" there names, it is
    # no topic.
    parts = words(m.number)
    terms = {" ".join(parts)} if len(parts) > 1 else text_terms(m.number)
    for place in places:
        syllables = words(place)
        # A place of several syllables is left out where it is written whole: typed
        # without diacritics, "Đồng Tháp" must not take "động" out of "điều động".
        terms.update([" ".join(syllables)] if len(syllables) > 1 else text_terms(place))
    return terms


def meta_text(doc: HasMeta) -> str:
    """What the question may use to name the document: it counts as covered."""
    m = doc.meta
    return " ".join(
        [
            m.title,
            m.number,
            m.issuing_body,
            m.governed_body,
            m.province,
            m.term,
            m.term_years,
            doc.id,
        ]
    )


def short_name(doc: Document) -> str:
    meta = doc.meta
    name = meta.title or doc.source_file
    extra = meta.number or meta.issuing_body
    return f"{name} ({extra})" if extra else name


def doc_ref(doc: Document) -> DocumentRef:
    meta = doc.meta
    return DocumentRef(
        document_id=doc.id, title=meta.title, number=meta.number, issuing_body=meta.issuing_body
    )


def without_names(text: str, documents: Sequence[HasMeta]) -> str:
    """``text`` folded, with the province names, numbers and governed places ("phường An
    Khánh") of every document removed."""
    folded = fold(text)
    for doc in documents:
        m = doc.meta
        places = [n for f in (m.issuing_body, m.governed_body, m.title) for n in place_names(f)]
        for name in (m.province, m.number, *places):
            key = fold(name)
            if key:
                # with the word that placed it ("ở Điện Biên", "tại Kon Tum", "phường X")
                folded = re.sub(
                    rf"(?<![a-z0-9])(?:(?:o|tai|theo|{_UNITS})\s+)?{re.escape(key)}(?![a-z0-9])",
                    " ",
                    folded,
                )
    return re.sub(r"\s+", " ", folded).strip()
