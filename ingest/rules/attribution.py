"""The body a rule applies to: one named in the basis, the body of a meeting noun, the
nearest body before the value, then the clause lead-in, the article title and the
document's governed body."""

from __future__ import annotations

import re

from ingest.normalize import has_diacritics
from ingest.rules.hits import Context, Hit, segment_span
from ingest.rules.text import Mention, find_mentions, fold_aligned, group_at, unique_bodies

_MEETING_NOUN = re.compile(
    r"(?:hoi nghi|phien hop|cuoc hop|ky hop|(?<![a-z])hop)(?:\s+(?:cua|thuong le|dinh ky))?\s+$"
)


def follows_meeting_noun(folded_before: str) -> bool:
    """Whether folded text ends on a meeting noun ("hội nghị", "phiên họp của", "họp"):
    a body after it is whose meeting it is ("họp Ban Thường vụ"), not who acts."""
    tail = folded_before[-30:].rstrip() + " "
    return bool(_MEETING_NOUN.search(tail)) and not _CASE.search(tail)


_CASE = re.compile(r"(?<![a-z])truong hop\s+$")  # "trường hợp", read without diacritics


_CONSULTED = re.compile(r"(?:xin|lay) y kien(?:\s+[a-z]+){0,5}?\s+$")


def _after_meeting_noun(ctx: Context, pos: int, lo: int) -> bool:
    """Whether the body at ``pos`` follows "hội nghị", "phiên họp (của)", "họp" (the verb
    "họp", not "hợp" as in "trường hợp")."""
    m = _MEETING_NOUN.search(ctx.folded[max(lo, pos - 30) : pos])
    if not m:
        return False
    words = m.group(0)
    if words.startswith("hoi nghi") or not has_diacritics(ctx.sentence):
        return True
    start = max(lo, pos - 30) + m.start()
    return "họp" in ctx.sentence[start:pos].lower()


_FOR_BODY = re.compile(r"doi voi\s+(?:cac\s+)?(?:hoi nghi|cuoc hop|phien hop|ky hop)?\s*")


_MEETING_KINDS = (
    "quorum",
    "frequency",
    "lead_time",
    "duration",
    "request_trigger",
    "vote_threshold",
)


def bodies_for(hit: Hit, ctx: Context, next_start: int) -> list[tuple[str, str]]:
    """Canonical bodies (with the words as written) a hit applies to, best evidence first."""
    seg_start, seg_end = segment_span(ctx.folded, hit.start, hit.end)
    stated = _stated_for(hit, ctx, min(next_start, seg_end))
    if stated is not None:
        return _group(ctx, stated)
    in_basis = _named_in_basis(hit, ctx)
    if in_basis is not None:
        return in_basis
    met = _consulted_or_met(hit, ctx, seg_start)
    if met is not None:
        return _group(ctx, met)
    nearest = _nearest(hit, ctx, seg_start, seg_end)
    if nearest is not None:
        return _group(ctx, nearest)
    if _own_subject(ctx.sentence, seg_start):
        return [("", "")]  # its own subject is no body the rules know: none is made up
    return context_bodies(ctx)


def _group(ctx: Context, index: int) -> list[tuple[str, str]]:
    """The bodies named together with mention ``index``, with the words as written."""
    return [
        (m.rule_body or "", ctx.sentence[m.start : m.end])
        for m in group_at(ctx.mentions, index, ctx.folded)
    ]


def _stated_for(hit: Hit, ctx: Context, window_end: int) -> int | None:
    """a. "… 03 ngày, đối với hội nghị Tỉnh ủy": the body the value is stated for."""
    if hit.kind not in ("lead_time", "duration"):
        return None
    for fm in _FOR_BODY.finditer(ctx.folded, hit.end, window_end):
        idx = _mention_at(ctx.mentions, fm.end())
        if idx is not None:
            return idx
    return None


def _named_in_basis(hit: Hit, ctx: Context) -> list[tuple[str, str]] | None:
    """b. The basis names the body: "3/4 số ủy viên Ban cán sự"."""
    if not hit.basis_span:
        return None
    lo, hi = hit.basis_span
    for i, m in enumerate(ctx.mentions):
        if lo <= m.start < hi and m.rule_body:
            return [
                b
                for b, x in zip(_group(ctx, i), group_at(ctx.mentions, i, ctx.folded), strict=True)
                if lo <= x.start < hi
            ]
    return None


def _consulted_or_met(hit: Hit, ctx: Context, seg_start: int) -> int | None:
    """c. A meeting noun before the value: "Hội nghị Tỉnh ủy, Ban Thường vụ Tỉnh ủy phải
    có"; for votes, the body consulted ("xin ý kiến … Ủy viên Ban Thường vụ") or met,
    anywhere earlier in the sentence."""
    f = ctx.folded
    mentions = ctx.mentions
    scope_start = 0 if hit.kind == "vote_threshold" else seg_start
    if hit.kind == "vote_threshold":
        for i in reversed(range(len(mentions))):
            m = mentions[i]
            if (
                m.start < hit.start
                and m.rule_body
                and _CONSULTED.search(f[max(0, m.start - 50) : m.start])
            ):
                return i
    if hit.kind not in _MEETING_KINDS:
        return None
    best: int | None = None
    for i, m in enumerate(mentions):
        if (
            scope_start <= m.start < hit.start
            and m.rule_body
            and _after_meeting_noun(ctx, m.start, scope_start)
        ):
            best = i
    return best


def _nearest(hit: Hit, ctx: Context, seg_start: int, seg_end: int) -> int | None:
    """d. The nearest body before the value in the same part of the sentence (for a lead
    time, before its "trước"), then in the whole sentence; e. the first body after it in
    the same part ("… thì Ban cán sự đảng")."""
    f = ctx.folded
    mentions = ctx.mentions
    if hit.kind == "lead_time":
        last_truoc = f.rfind("truoc", seg_start, hit.start)
        if last_truoc >= 0:
            ahead = [
                i
                for i, m in enumerate(mentions)
                if seg_start <= m.start < last_truoc and m.rule_body
            ]
            if ahead:
                return ahead[-1]  # keep actors before "trước"
    before = _actors_first(
        [i for i, m in enumerate(mentions) if seg_start <= m.start < hit.start and m.rule_body],
        mentions,
        f,
    )
    if before:
        return before[-1]
    if hit.kind not in ("lead_time",) and not _own_subject(ctx.sentence, seg_start):
        earlier = [i for i, m in enumerate(mentions) if m.start < seg_start and m.rule_body]
        earlier = _actors_first(earlier, mentions, f)
        if earlier:
            return earlier[-1]
    after = [i for i, m in enumerate(mentions) if hit.end <= m.start < seg_end and m.rule_body]
    return after[0] if after else None


_OBJECT_BEFORE = re.compile(r"(?<![a-z])(?:voi|cho|len)\s+$")


def _own_subject(sentence: str, seg_start: int) -> bool:
    """ "...; Ban Thẩm tra xem xét đơn trong ... ngày": a part of the sentence
    after ";" that opens with a name (a capital) has a subject of its own, named or not
    among the bodies known: the body of an earlier part is not borrowed for it."""
    if seg_start == 0:
        return False
    opening = sentence[seg_start:].lstrip()
    return opening[:1].isupper()


def _actors_first(indices: list[int], mentions: list[Mention], f: str) -> list[int]:
    """The mentions that may act, when there are any: a body right after "với", "cho" or
    "lên" ("phối hợp với Đảng ủy Khối") is a partner or an addressee."""
    actors = [
        i
        for i in indices
        if not _OBJECT_BEFORE.search(f[max(0, mentions[i].start - 8) : mentions[i].start])
    ]
    return actors or indices


def _mention_at(mentions: list[Mention], pos: int) -> int | None:
    for i, m in enumerate(mentions):
        if m.start == pos and m.rule_body:
            return i
    return None


def context_bodies(ctx: Context) -> list[tuple[str, str]]:
    """Clause lead-in (its last body), then the article title (all its bodies), then the
    document's governed body when it names exactly one."""
    if ctx.lead_folded:
        lead_mentions = find_mentions(ctx.lead_folded)
        ruled = [i for i, m in enumerate(lead_mentions) if m.rule_body]
        if ruled:
            # The lead's subject holds the powers listed ("Ban Thường vụ ..., thay mặt Đảng
            # ủy ..., có trách nhiệm và quyền hạn sau:"), unless it hands them on ("ủy
            # quyền cho Thường trực"): then the last body named.
            delegated = re.search(r"\b(uy quyen|uy nhiem|giao) cho\b", ctx.lead_folded)
            grp = group_at(lead_mentions, ruled[-1] if delegated else ruled[0], ctx.lead_folded)
            return [(m.rule_body or "", ctx.lead_text[m.start : m.end]) for m in grp]
    for text, single in ((ctx.title, False), (ctx.governed, True)):
        folded = fold_aligned(text)
        found = find_mentions(folded)
        names = unique_bodies(found)
        if names and (not single or len(names) == 1):
            out: list[tuple[str, str]] = []
            for name in names:
                m = next(x for x in found if x.rule_body == name)
                out.append((name, text[m.start : m.end]))
            return out
    return [("", "")]
