"""Documents a question names that are not loaded: a law, decree or charter by its kind
("theo Luật Đất đai", "Điều lệ Đảng"), a document by its number ("Quy định 232-QĐ/TW"), or
the working regulation of a body no loaded regulation governs ("QC của Văn phòng quy định
..."). The regulations loaded cannot say what those say."""

from __future__ import annotations

import re
from collections.abc import Sequence

from index.document_numbers import parse_number
from index.models import HasMeta
from ingest.bodies import body_mentions, governed_bodies, organization_mentions
from ingest.normalize import fold
from ingest.rules.text import fold_aligned

# A state legal document by its kind ("kỷ luật", "pháp luật", "luật sư" are not one),
# then its name.
_LAW = re.compile(
    r"(?<![a-z])(?<!ky )(?<!phap )(?:bo luat|luat(?! (?:su|le|gia)(?![a-z]))|nghi dinh|"
    r"thong tu|hien phap|phap lenh|dieu le)(?![a-z])"
)
# A document number with its issuer ("232-QĐ/TW", "số 05-HD/BTC"): it names one document.
_DOCUMENT_NUMBER = re.compile(r"(?<![\w/])0*\d{1,4}\s*-\s*[a-z]{2,6}\s*/\s*[a-z]{2,6}(?![\w])")
_LAW_NAME_END = re.compile(
    r"\s(?:quy dinh|thi|ve|co|la|duoc|cho|nhu|khi|de|ma|va|hoac|nam nay|hien hanh|"
    r"bao nhieu|may|gi|nao|ai|phat|xu phat)(?![a-z])|[,.;:?!()]"
)
MAX_LAW_NAME_WORDS = 7


def laws_not_loaded(question: str, documents: Sequence[HasMeta]) -> list[str]:
    """Laws, decrees, circulars the question names by name ("theo Luật Đất đai 2024",
    "Nghị định 100") while no loaded document is of that kind: the regulations cannot say
    what those say. A bare "theo luật" names none."""
    folded = fold_aligned(question)
    found = _numbers_not_loaded(question, folded, documents)
    found += _regulations_not_loaded(question, folded, documents)
    matches = list(_LAW.finditer(folded))
    if not matches:
        return found  # most questions: the loaded titles need not be read
    loaded = " ".join(fold(d.meta.title) for d in documents)
    for match in matches:
        if re.search(rf"(?<![a-z]){match.group()}(?![a-z])", loaded):
            continue
        end = _LAW_NAME_END.search(folded, match.end())
        stop = end.start() if end else len(folded)
        name_words = question[match.end() : stop].split()[:MAX_LAW_NAME_WORDS]
        if name_words:
            found.append(" ".join([question[match.start() : match.end()], *name_words]))
    return found


def _numbers_not_loaded(question: str, folded: str, documents: Sequence[HasMeta]) -> list[str]:
    """Document numbers the question gives that no loaded document carries, as typed."""
    loaded = {parse_number(d.meta.number) for d in documents if d.meta.number}
    return [
        question[m.start() : m.end()]
        for m in _DOCUMENT_NUMBER.finditer(folded)
        if parse_number(m.group()) not in loaded
    ]


# The working regulation of a body ("quy chế của Văn phòng"), folded.
_BODY_REGULATION = re.compile(r"(?<![a-z])quy che(?: lam viec)? cua ")
# Read as the source of what is asked: "quy định" follows within a few words (the body's
# place between), or a source preposition stands before it ("theo quy chế của ...").
_READ_FROM = re.compile(r"^(?:\s*[a-z]+){0,6}?\s*quy dinh(?![a-z])")
_SOURCE_BEFORE = re.compile(r"(?<![a-z])(?:theo|trong|tai|can cu)\s*$")


def _regulations_not_loaded(question: str, folded: str, documents: Sequence[HasMeta]) -> list[str]:
    """The working regulation of a body, read from ("theo quy chế của Văn phòng ..."),
    when no loaded regulation governs that body: the title of none names it, and it is no
    organ of a committee a loaded regulation governs."""
    found: list[str] = []
    governed: frozenset[str] | None = None  # read once, and only when a body is named
    for match in _BODY_REGULATION.finditer(folded):
        mentions = body_mentions(folded[match.end() :])
        if not mentions or mentions[0].start != 0:
            continue  # no body right after "của"
        body = mentions[0]
        after = folded[match.end() + body.end :]
        read_from = _READ_FROM.match(after)
        if not (read_from or _SOURCE_BEFORE.search(folded[: match.start()])):
            continue  # its regulation as an object ("ai ban hành quy chế của ...")
        end = match.end() + body.end
        organization = _organization_after(after)
        if organization is not None:
            # "quy chế của Đảng ủy Công an ...": the Party committee of that organization,
            # governed only by a loaded regulation whose name names it
            end += organization[0]
            if not _names_organization(documents, organization[1]):
                found.append(question[match.start() : end])
            continue
        # "quy chế của Tỉnh ủy Lam Sơn quy định ...": the body of that place only
        place, local = _place_named(after[: read_from.end() if read_from else None], documents)
        if local:
            end += place
            if body.body not in _governed(local):
                found.append(question[match.start() : end])
            continue
        governed = _governed(documents) if governed is None else governed
        if body.body not in governed:
            found.append(question[match.start() : end])
    return found


def _organization_after(after: str) -> tuple[int, str] | None:
    """Where the organization named right after a body ends ("Đảng ủy | Công an tỉnh"),
    and its name; None when none is."""
    named = after.lstrip()
    found = organization_mentions(named)
    if not found or found[0].start != 0:
        return None
    return len(after) - len(named) + found[0].end, found[0].body


def _names_organization(documents: Sequence[HasMeta], organization: str) -> bool:
    return any(
        organization
        in {o.body for o in organization_mentions(f"{d.meta.title} {d.meta.governed_body}")}
        for d in documents
    )


def _place_named(words: str, documents: Sequence[HasMeta]) -> tuple[int, list[HasMeta]]:
    """Where the first place a loaded document is of ends in ``words`` (folded), and the
    documents of that place; (0, []) when none is named."""
    for doc in documents:
        place = fold(doc.meta.province or "")
        found = re.search(rf"(?<![a-z]){re.escape(place)}(?![a-z])", words) if place else None
        if found:
            return found.end(), [d for d in documents if fold(d.meta.province or "") == place]
    return 0, []


def _governed(documents: Sequence[HasMeta]) -> frozenset[str]:
    """The bodies the loaded regulations govern: those their titles name, and a
    committee's organs with the committee."""
    return frozenset(
        b for d in documents for b in governed_bodies(f"{d.meta.title} {d.meta.governed_body}")
    )


__all__ = ["laws_not_loaded"]
