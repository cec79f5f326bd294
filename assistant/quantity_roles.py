"""What a head count in a question can stand for, as data (assistant/data/quantity_roles.yaml):
the roles (present, in favour, requesting) with their verbs and the verdict each decides,
the nouns that count people, money and meetings, and the words a story states its numbers
and asks its verdict with. assistant/quantities.py reads the counts themselves."""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict

from assistant.function_words import alternation
from ingest.normalize import fold, has_diacritics
from ingest.rules.text import fold_aligned

Role = Literal["present", "in_favour", "requesting"]
ROLES: tuple[Role, ...] = ("present", "in_favour", "requesting")
# A number asked with its unit ("bao nhiêu ngày", "mấy lần"), on folded text.
ASKED_UNIT = re.compile(r"(?<![a-z])(?:bao nhieu|may) ([a-z]+)")


class RoleInfo(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    rule_kind: str
    subject: str
    verbs: tuple[str, ...]
    outcome: tuple[str, str]  # what the verdict means: met, not met


def role_of(verb: str) -> RoleInfo | None:
    """The role whose verb a frame records ("tán thành")."""
    name = role_named(verb)
    return role_data()[0][name] if name is not None else None


def role_named(verb: str) -> Role | None:
    """The name of the role whose verb a frame records ("tán thành" → "in_favour")."""
    return next((name for name, info in role_data()[0].items() if verb in info.verbs), None)


@functools.cache
def role_data() -> tuple[dict[Role, RoleInfo], tuple[str, ...]]:
    data = raw_roles()
    roles = {name: _role(data[name], data["meeting_nouns"]) for name in ROLES}
    return roles, tuple(data["count_nouns"])


def _role(entry: dict[str, Any], meeting_nouns: list[str]) -> RoleInfo:
    """A role with its verbs, those made of a verb of going and a meeting noun included."""
    heads = entry.get("with_meeting_noun", [])
    verbs = [*entry["verbs"], *(f"{h} {n}" for h in heads for n in meeting_nouns)]
    fields = {k: v for k, v in entry.items() if k != "with_meeting_noun"}
    return RoleInfo(**{**fields, "verbs": tuple(dict.fromkeys(verbs))})


@functools.cache
def raw_roles() -> dict[str, Any]:
    raw = resources.files("assistant").joinpath("data/quantity_roles.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(raw)
    return data


@functools.cache
def count_nouns() -> frozenset[str]:
    """The nouns that count people ("người", "ủy viên"), folded."""
    return frozenset(fold(n) for n in role_data()[1])


@functools.cache
def money_nouns() -> tuple[str, ...]:
    """Nouns whose amount is money ("lương", "phụ cấp"), folded."""
    return tuple(fold(n) for n in raw_roles()["money_nouns"])


@functools.cache
def meeting_nouns() -> tuple[str, ...]:
    """What the regulations call a meeting ("họp", "sinh hoạt"), folded."""
    return tuple(fold(n) for n in raw_roles()["meeting_nouns"])


def role_info(role: Role) -> RoleInfo:
    return role_data()[0][role]


@functools.cache
def quantity_syllables() -> frozenset[str]:
    """The folded syllables of every role verb, count noun and verdict word: in a story-form
    question ("9 người, 5 người nhất trí, có thông qua không?") they state the numbers the
    rule decides and ask for its verdict; they are not its topic."""
    roles, nouns = role_data()
    verdict = raw_roles()["verdict_words"]
    phrases = [*nouns, *verdict, *(v for info in roles.values() for v in info.verbs)]
    return frozenset(s for p in phrases for s in fold(p).split())


@functools.cache
def _not_attending() -> re.Pattern[str]:
    verbs = alternation(raw_roles()["present"]["verbs"])
    return re.compile(rf"(?<![a-z])khong(?:\s+the)?\s+(?:{verbs})(?![a-z])")


def as_absence(text: str) -> str:
    """ "không dự hội nghị được", "không thể có mặt": not attending is being away, the word
    the regulations write for it ("vắng"; typed bare, "vang"). The text is otherwise as
    typed."""
    folded = fold_aligned(text)  # (its offsets are the typed text's)
    out, last = [], 0
    for m in _not_attending().finditer(folded):
        typed = text[m.start() : m.end()]
        out += [text[last : m.start()], "vắng" if has_diacritics(typed) else "vang"]
        last = m.end()
    return "".join(out) + text[last:] if out else text


@functools.cache
def counted_kind_words(rule_kind: str) -> str:
    """The words that ask a count of a role whose rule is ``rule_kind`` without a story
    ("mấy đồng chí có mặt thì buổi họp mới có giá trị?"): the role's verbs, the count
    nouns and the verdict words, one phrase per line. A rule of that kind answers them
    though its clause may not write them; "" for a kind no role has."""
    roles, nouns = role_data()
    verbs = [v for info in roles.values() if info.rule_kind == rule_kind for v in info.verbs]
    if not verbs:
        return ""
    return "\n".join(
        [*nouns, *raw_roles()["verdict_markers"], *raw_roles()["verdict_words"], *verbs]
    )


@functools.cache
def _threshold_words() -> re.Pattern[str]:
    roles, _nouns = role_data()
    raw = raw_roles()
    phrases = [
        *raw["need_words"],
        *raw["meeting_nouns"],
        *raw["verdict_words"],  # (not its markers: "mới" folds as "mỗi" does)
        *(v for info in roles.values() for v in info.verbs),
    ]
    return re.compile(rf"(?<![a-z])(?:{alternation(fold(p) for p in phrases)})(?![a-z])")


def asks_a_size(folded: str) -> bool:
    """Whether a folded question that asks a head count ("bao nhiêu người") asks it of
    nothing done: no need, meeting, role or verdict word beside it ("mỗi ban bao nhiêu
    người?"), so it asks the size of the body, not a threshold."""
    return _threshold_words().search(folded) is None


__all__ = [
    "ASKED_UNIT",
    "ROLES",
    "Role",
    "RoleInfo",
    "as_absence",
    "asks_a_size",
    "count_nouns",
    "counted_kind_words",
    "meeting_nouns",
    "money_nouns",
    "quantity_syllables",
    "raw_roles",
    "role_data",
    "role_info",
    "role_named",
    "role_of",
]
