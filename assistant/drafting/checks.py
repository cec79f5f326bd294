"""What changed inside two aligned clauses, in the domain's terms: a power held by another
body, a number changed, a model blank filled or left blank. Each check returns
(kind, old, new, detail) findings; differences.py places and cites them."""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass
from importlib import resources

import yaml

from assistant.drafting.marks import Change, changes, is_blank, tokens
from assistant.drafting.models import DifferenceKind
from assistant.drafting.refs import here_references
from assistant.drafting.similarity import cosine, terms
from ingest.bodies import bodies_in
from ingest.normalize import canonical, fold
from ingest.powers import ACT_LABELS, Power
from ingest.references import TextReference, find_references
from ingest.rules.blanks import find_blanks
from ingest.rules.models import COMPARATOR_WORDS, KIND_LABELS, Rule
from ingest.rules.numbers import read_number

# Two actions are the same action when their syllables and bigrams are this close.
SAME_ACTION = 0.5
# A number this close after a model blank belongs to it ("ngày .../.../2025").
BLANK_REACH = 12
_NUMBER = re.compile(r"^\d+(?:[.,/]\d+)*$")
_WORDS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Finding:
    kind: DifferenceKind
    old: str
    new: str
    detail: str
    model_point: str | None = None  # the point it happens at, for the citation
    draft_point: str | None = None


def counts(text: str) -> Counter[str]:
    return Counter(terms(text))


def moved_powers(model: list[Power], draft: list[Power]) -> list[Finding]:
    """A power of the model whose same act and action the draft gives another body, or
    whose action names another body (the one reported to, or who decides): each model
    power paired with one draft power at most, the closest actions first, so a sentence's
    second act is read on its own even when its first act keeps its body."""
    found: list[Finding] = []
    seen: set[tuple[str, str]] = set()
    for p, q in _paired_by_action(model, draft):
        said = _moved(p, q) if fold(q.body) != fold(p.body) else _named_anew(p, q)
        if said is None or (fold(said.old), fold(said.new)) in seen:
            continue
        seen.add((fold(said.old), fold(said.new)))
        found.append(said)
    return found


def _paired_by_action(model: list[Power], draft: list[Power]) -> list[tuple[Power, Power]]:
    """(model, draft) powers of the same act and a close action, one to one, the closest
    first (the same body first among equals)."""
    candidates = [
        (cosine(counts(p.action), counts(q.action)), fold(p.body) == fold(q.body), i, j)
        for i, p in enumerate(model)
        for j, q in enumerate(draft)
        if p.act == q.act
    ]
    used_model: set[int] = set()
    used_draft: set[int] = set()
    pairs: list[tuple[Power, Power]] = []
    for score, _, i, j in sorted(candidates, key=lambda c: (-c[0], not c[1], c[2], c[3])):
        if score < SAME_ACTION or i in used_model or j in used_draft:
            continue
        used_model.add(i)
        used_draft.add(j)
        pairs.append((model[i], draft[j]))
    return sorted(pairs, key=lambda pq: pq[0].start)


def _moved(p: Power, q: Power) -> Finding:
    act = ACT_LABELS.get(p.act, p.act)
    detail = f"Quyền {act} “{_short(p.action)}” chuyển từ {p.body} sang {q.body}."
    return Finding("power_moved", p.body, q.body, detail)


def _named_anew(p: Power, q: Power) -> Finding | None:
    """The same body's same action naming another body in it ("báo cáo Ban Thường vụ xem
    xét, quyết định" → "báo cáo Bí thư ..."): the body that receives or decides moved."""
    old_names, new_names = bodies_in(p.action), bodies_in(q.action)
    gone = [b for b in old_names if b not in new_names]
    came = [b for b in new_names if b not in old_names]
    if not gone or not came:
        return None
    act = ACT_LABELS.get(p.act, p.act)
    old, new = ", ".join(gone), ", ".join(came)
    detail = f"Quyền {act} “{_short(p.action)}” của {p.body}: {old} được thay bằng {new}."
    return Finding("power_moved", old, new, detail)


def same_power(p: Power, q: Power) -> bool:
    return (
        p.act == q.act
        and fold(p.body) == fold(q.body)
        and cosine(counts(p.action), counts(q.action)) >= SAME_ACTION
    )


def power_changes(model: list[Power], draft: list[Power]) -> list[str]:
    """Sentences naming a power the draft adds or drops in a reworded clause."""
    said = []
    for q in draft:
        if not any(same_power(p, q) for p in model):
            said.append(f"Thêm: {q.body} {ACT_LABELS.get(q.act, q.act)} “{_short(q.action)}”.")
    for p in model:
        if not any(same_power(p, q) for q in draft):
            said.append(f"Bỏ: {p.body} {ACT_LABELS.get(p.act, p.act)} “{_short(p.action)}”.")
    return said


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _values(r: Rule, q: Rule) -> tuple[str, str]:
    """The two values as written; with the comparator's words when only it changed."""
    old, new = r.value.text.strip(), q.value.text.strip()
    if r.comparator != q.comparator and fold(old) == fold(new):
        old = f"{COMPARATOR_WORDS.get(r.comparator, '')} {old}".strip()
        new = f"{COMPARATOR_WORDS.get(q.comparator, '')} {new}".strip()
    return old, new


def _counterpart(r: Rule, draft: list[Rule], used: set[int]) -> int | None:
    """The draft rule of the same kind and subject: the same body first, else in order."""
    same = [
        k
        for k, q in enumerate(draft)
        if k not in used and (q.kind, q.subject) == (r.kind, r.subject)
    ]
    same_body = [k for k in same if fold(draft[k].body) == fold(r.body)]
    chosen = same_body or same
    return chosen[0] if chosen else None


def changed_rules(model: list[Rule], draft: list[Rule]) -> list[Finding]:
    """Rules of the same kind and subject whose value (or comparator) differs; a model
    blank is left to the blank check."""
    found: list[Finding] = []
    used: set[int] = set()
    for r in model:
        match = _counterpart(r, draft, used)
        if match is None:
            continue
        used.add(match)
        q = draft[match]
        if r.value.unspecified or q.value.unspecified:
            continue
        if (q.value.label, q.comparator) == (r.value.label, r.comparator):
            continue
        label = KIND_LABELS.get(r.kind, r.kind)
        old, new = _values(r, q)
        if any((f.old, f.new) == (old, new) for f in found):
            continue
        detail = f"{label.capitalize()} ({r.subject_label}): {old} → {new}."
        found.append(Finding("number_changed", old, new, detail))
    return found


def changed_numbers(model_text: str, draft_text: str, known: list[Finding]) -> list[Finding]:
    """Numbers replaced by numbers that no rule explains ("03 ngày" → "05 ngày"); a number
    right after a model blank (the year of "ngày .../.../2025") goes with the blank, and
    an article number in a reference is the reference check's business."""
    a, b = tokens(model_text), tokens(draft_text)
    numeric = [
        c
        for c in changes(model_text, draft_text)
        if c.op == "replace"
        and all(
            _is_number(t.text)
            for t in a[c.old_tokens[0] : c.old_tokens[1]] + b[c.new_tokens[0] : c.new_tokens[1]]
        )
    ]
    if not numeric:
        return []
    stated = " ".join(f.old + " " + f.new for f in known)
    blank_ends = [blank.end for blank in find_blanks(model_text)]
    old_refs = [(r.start, r.end) for r in _references(model_text)]
    new_refs = [(r.start, r.end) for r in _references(draft_text)]
    found: list[Finding] = []
    for c in numeric:
        if any(0 <= c.old_start - end <= BLANK_REACH for end in blank_ends):
            continue
        if _inside(c.old_start, c.old_end, old_refs) or _inside(c.new_start, c.new_end, new_refs):
            continue
        old_text = model_text[c.old_start : c.old_end]
        new_text = draft_text[c.new_start : c.new_end]
        if (old_text in stated and new_text in stated) or same_value(old_text, new_text):
            continue
        found.append(
            Finding("number_changed", old_text, new_text, f"Số thay đổi: {old_text} → {new_text}.")
        )
    return found


def same_value(old: str, new: str) -> bool:
    """One number written two ways ("ba" and "03")."""
    value = read_number(old)
    return value is not None and value == read_number(new)


def initials_of(short: str, words: str) -> bool:
    """An abbreviation and what it stands for: "UBND" and "Ủy ban nhân dân" (the capital
    letters of one word are the first letters of the other's words)."""
    if not (short.isalpha() and short.isupper()):
        return False
    letters = fold(short)
    firsts = "".join(fold(w)[:1] for w in _WORDS.findall(words))
    return len(letters) > 1 and letters == firsts


def _references(text: str) -> list[TextReference]:
    """Every reference, to this document ("khoản N Điều này" included) or another."""
    return find_references(text) + here_references(text, 0)


@functools.cache
def _number_words() -> frozenset[str]:
    raw = (
        resources.files("assistant.drafting").joinpath("data/number_words.yaml").read_text("utf-8")
    )
    return frozenset(canonical(w) for w in yaml.safe_load(raw))


def _is_number(word: str) -> bool:
    return bool(_NUMBER.match(word)) or canonical(word) in _number_words()


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


# between the blanks a clause leaves, in one blank_left
BLANKS_JOINER = "; "


def blank_findings(model_text: str, draft_text: str) -> list[Finding]:
    """The value blanks of the model clause: each one filled in the draft (with what), and
    the ones still blank, together (one blank_left per clause)."""
    blanks = find_blanks(model_text)
    if not blanks:
        return []
    ops = changes(model_text, draft_text)
    found: list[Finding] = []
    left: list[str] = []
    for blank in blanks:
        touching = [c for c in ops if _overlaps(c, blank.start, blank.end)]
        if not touching:
            continue
        kept = all(c.op == "equal" for c in touching)
        new = "" if kept else _filled_text(draft_text, touching)
        if kept or (new and is_blank(new)):
            left.append(blank.context)
            continue
        if not new:
            continue  # the blank taken out with its words: a rewording
        found.append(
            Finding(
                "blank_filled",
                blank.context,
                new,
                f"Chỗ để trống “{blank.context}” được điền: {new}.",
            )
        )
    if left:
        quoted = ", ".join(f"“{c}”" for c in left)
        words = "Chỗ để trống" if len(left) == 1 else f"{len(left)} chỗ để trống"
        joined = BLANKS_JOINER.join(left)
        found.append(
            Finding("blank_left", joined, joined, f"{words} {quoted} của mẫu vẫn để trống.")
        )
    return found


def _overlaps(c: Change, start: int, end: int) -> bool:
    if c.old_end == c.old_start:
        return False
    return c.old_start < end and start < c.old_end


def _filled_text(draft_text: str, touching: list[Change]) -> str:
    spans = [
        (c.new_start, c.new_end) for c in touching if c.op != "equal" and c.new_end > c.new_start
    ]
    if not spans:
        return ""
    return draft_text[min(s for s, _ in spans) : max(e for _, e in spans)].strip()
