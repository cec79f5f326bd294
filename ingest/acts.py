"""The act verbs of the table of powers: which verb states which act (a closed list,
ingest/data/acts.yaml), and the first verb of a segment used as a verb."""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import Literal

import yaml

from ingest.normalize import canonical, canonical_tones
from ingest.words import listed_words

Act = Literal[
    "decides",
    "approves",
    "gives_opinion",
    "is_consulted",
    "proposes",
    "convenes",
    "signs",
    "reports",
    "coordinates",
    "delegates",
    "leads",
]


@functools.cache
def _verbs() -> tuple[tuple[str, Act], ...]:
    """(verb as written, lower case with canonical tones; act), longest first. Verbs are
    matched with their diacritics: "ký" (signs) is not the "kỳ" of "định kỳ"."""
    raw = resources.files("ingest").joinpath("data/acts.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(raw)
    pairs = [(canonical(verb), act) for act, verbs in data.items() for verb in verbs]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def act_verbs() -> tuple[tuple[str, Act], ...]:
    """The verbs that state an act (lower case, canonical tones) with their act."""
    return _verbs()


@functools.cache
def _verb_pattern() -> re.Pattern[str]:
    alternatives = "|".join(re.escape(v) for v, _ in _verbs())
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


# A verb used as a noun or in the passive states no act of the body before it: "theo sự
# phân công của ...", "được ủy quyền", "dưới sự lãnh đạo".
# After the head noun of an organ, the verb names its function ("cơ quan tham mưu",
# "bộ phận giúp việc"): a noun phrase, no act.
_NOMINAL_BEFORE = re.compile(
    r"(?:^|\s)(?:sự|theo|được|bị|việc|các|những|của|cơ quan|bộ phận|công tác|cán bộ)\s+$"
)


# "Chủ trì" convenes or chairs ("chủ trì hội nghị", "chủ trì việc lấy phiếu"); "chủ trì,
# phối hợp ..." names the unit that leads a task with others: coordination.
_WITH_OTHERS_AFTER = re.compile(r"\s*,?\s*(?:và\s+)?phối hợp(?!\w)")


def act_of(verb: re.Match[str], written: str) -> Act:
    act = dict(_verbs())[verb.group()]
    if verb.group() == "chủ trì" and _WITH_OTHERS_AFTER.match(written, verb.end()):
        return "coordinates"
    return act


def lowered(text: str) -> str:
    """Lower case with canonical tones, the same length as ``text`` (NFC)."""
    return canonical_tones(text).lower()


def first_verb(written: str) -> re.Match[str] | None:
    """The first act verb used as a verb: not a noun ("theo sự phân công", "quyết định
    của Ban Thường vụ"), not a syllable of a longer word ("công trình", "chương trình")."""
    accented, _folded = listed_words()
    for m in _verb_pattern().finditer(written):
        if _NOMINAL_BEFORE.search(written[max(0, m.start() - 12) : m.start()]):
            continue
        if _NOUN_AFTER.match(written, m.end()):
            continue
        before = written[: m.start()].split()[-1:]
        if before and f"{before[0]} {m.group()}" in accented:
            continue
        after = written[m.end() :].split()[:1]
        if after and f"{m.group()} {after[0]}" in accented and m.group() not in _TWO_WORD_OK:
            continue  # "trình bày" (present) is no "trình" (submit)
        return m
    return None


# Verbs that keep their act when a listed word continues them ("quyết định kỷ luật").
_TWO_WORD_OK = frozenset({"quyết định", "phê duyệt", "báo cáo", "đề nghị", "ủy quyền"})
_NOUN_AFTER = re.compile(r"\s+của(?!\w)")


__all__ = ["Act", "act_of", "act_verbs", "first_verb", "lowered"]
