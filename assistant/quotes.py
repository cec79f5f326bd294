"""The words of a located clause that answer a question: its best sentence (run on to the
action asked about, for who decides), or a point quoted whole; and the (body, verb) pairs
that score them. Text analysis is cached per process (clauses and sentences are immutable).
"""

from __future__ import annotations

import functools
import re

from assistant.coverage import TermStats, TextProfile, WeightedTerms
from assistant.deciding_body import DECISION_VERBS, asked_action, phrase_span
from assistant.sentences import sentences
from assistant.stated_numbers import numbers_not_in
from assistant.terms import content_syllables
from assistant.understand import Understanding
from ingest.bodies import BODIES, bodies_in, find_bodies
from ingest.models import Clause, Point
from ingest.normalize import fold

# A quote run on past ";" to reach the action asked about stays under this many characters.
MAX_RUN_ON_QUOTE = 900
# What one shared (body, verb) pair adds to a sentence's score (two at most).
PAIR_BONUS = 0.15
# A who-decides question: a sentence that writes the act asked ("đồng ý", "ký") answers it.
ACTION_BONUS = 0.2
# What a clause gains where the table of powers gives a follow-up's new body the act asked
# of the previous body: that body's own clause for the same act.
HELD_BONUS = 0.3
# A point quoted whole instead of its best sentence: at most this long, covering this much
# more of the question.
MAX_POINT_QUOTE = 600
POINT_MARGIN = 0.2


def _writes_action(action: list[str], sentence: str) -> bool:
    """Whether ``sentence`` writes the act asked: its first two syllables as a phrase (its
    one, when it has one), not a single syllable of a longer act ("đồng" of "đồng ý")."""
    folded = fold(sentence)
    span = phrase_span(action, folded)
    return span is not None and len(folded[span[0] : span[1]].split()) >= min(2, len(action))


class QuoteFinder:
    """Reads a clause for the sentence that best answers the question, with caches of the
    text analysis every located clause repeats."""

    def __init__(self, stats: TermStats) -> None:
        self.stats = stats
        self._profiles: dict[str, TextProfile] = {}
        self._sentence_spans: dict[str, list[tuple[int, int]]] = {}
        self._body_cache: dict[str, list[str]] = {}

    def best_sentence(
        self,
        u: Understanding,
        terms: WeightedTerms,
        content: list[str],
        clause: Clause,
        held: str = "",
    ) -> tuple[str, Point | None, str]:
        """The sentence of the clause that best covers the question (whole clause if short),
        widened to the neighbours that cover far more of it between them, its point, and
        the sentence itself (what the clause is ranked by)."""
        text = clause.text
        if len(text) <= 400:
            return text, None, text
        best: tuple[float, int, int] | None = None
        asked_pairs = body_verb_pairs(u.text)
        action = asked_action(u.text) if u.kind == "who_decides" else []
        for start, end in self.sentences(text):
            sentence = text[start:end]
            profile = self.profile(sentence)
            score = self.stats.coverage(terms, profile)
            score += 0.3 * profile.longest_run(content) / max(len(content), 1)
            if asked_pairs and self.names_asked(asked_pairs, sentence):
                # "họp BTV" and "Ban Thường vụ họp": a body with its verb, in either order
                shared = asked_pairs & body_verb_pairs(sentence)
                score += PAIR_BONUS * min(len(shared), 2)
            if u.bodies and any(b in self.bodies(sentence) for b in u.bodies):
                score += 0.2
            if u.kind == "who_decides" and DECISION_VERBS.search(" ".join(profile.syllables)):
                score += 0.1
            if action and _writes_action(action, sentence):
                # "cần ai đồng ý?": the sentence that writes the act asked ("được ... đồng ý")
                score += ACTION_BONUS
            if held and (held in sentence or sentence in held):
                score += HELD_BONUS
            if u.kind == "citation":
                # the place of "mức 03 tỷ đồng" is the sentence that states it
                score -= len(numbers_not_in(u.text, sentence, amounts=True))
            if best is None or score > best[0]:
                best = (score, start, end)
        if best is None:
            return text, None, text
        _, start, end = best
        if u.kind == "who_decides":
            end = self._to_the_action(u, text, start, end)
        core = text[start:end]
        # (a procedure quotes whole clauses and their steps: no point stands for them)
        spread = None if u.kind == "procedure" else self._spread_over_a_point(terms, clause, core)
        if spread is not None:
            return spread.text.strip(), spread, spread.text.strip()
        start, end = self._widened(terms, text, start, end)
        absolute = clause.start + start
        point = next((p for p in clause.points if p.start <= absolute < p.end), None)
        return text[start:end], point, core

    def _widened(self, terms: WeightedTerms, text: str, start: int, end: int) -> tuple[int, int]:
        """The best sentence with the neighbours that cover far more of the question
        between them ("Hằng năm, tập thể ... kiểm điểm ...; ... Kết quả kiểm điểm được báo
        cáo tại ..."): the act asked about and what becomes of it are quoted together, as
        one verbatim span of at most MAX_POINT_QUOTE characters."""
        spans = self.sentences(text)
        alone = self.stats.coverage(terms, self.profile(text[start:end]))
        best = (alone + POINT_MARGIN, 0, start, end)
        for s, _ in spans:
            for _, e in spans:
                if s > start or e < end or e - s > MAX_POINT_QUOTE or (s, e) == (start, end):
                    continue
                covered = self.stats.coverage(terms, self.profile(text[s:e]))
                if covered > best[0] or (covered == best[0] and e - s < best[3] - best[2]):
                    best = (covered, 1, s, e)
        return (best[2], best[3]) if best[1] else (start, end)

    def _spread_over_a_point(
        self, terms: WeightedTerms, clause: Clause, quote: str
    ) -> Point | None:
        """A point (a dash, a lettered item) of a few sentences that covers the question
        far better than the best single sentence: its words are spread over them ("Công
        đoàn ... báo cáo định kỳ ... Sáu tháng một lần báo cáo ..."), so it is quoted whole."""
        alone = self.stats.coverage(terms, self.profile(quote))
        best: tuple[float, Point] | None = None
        for point in clause.points:
            text = point.text.strip()
            if len(text) > MAX_POINT_QUOTE or len(self.sentences(text)) < 2:
                continue
            covered = self.stats.coverage(terms, self.profile(text))
            if covered >= alone + POINT_MARGIN and (best is None or covered > best[0]):
                best = (covered, point)
        return best[1] if best is not None else None

    def names_asked(self, pairs: frozenset[tuple[str, str]], text: str) -> bool:
        """Whether ``text`` names a body of ``pairs`` (its bodies are read once per text):
        only then can it pair one with a verb."""
        named = self.bodies(text)
        return any(body in named for body, _ in pairs)

    def _to_the_action(self, u: Understanding, text: str, start: int, end: int) -> int:
        """The end of the quote, run on to the end of its sentence when the action asked
        about comes only there: "Các hồ sơ mật ...; những hồ sơ ... chỉ được sao lục khi
        có sự đồng ý của ban thường vụ." is one sentence, cut at ";" by the splitter."""
        action = asked_action(u.text)
        if not action or phrase_span(action, fold(text[start:end])) is not None:
            return end
        for _, next_end in (span for span in self.sentences(text) if span[0] >= end):
            run_on = text[start:next_end]
            if not text[start:end].rstrip().endswith(";") or "\n" in text[end:next_end].strip():
                return end
            if len(run_on) > MAX_RUN_ON_QUOTE:
                return end
            if phrase_span(action, fold(run_on)) is not None:
                return next_end
            end = next_end
        return end

    def profile(self, text: str) -> TextProfile:
        profile = self._profiles.get(text)
        if profile is None:
            profile = self._profiles[text] = TextProfile(text)
        return profile

    def sentences(self, text: str) -> list[tuple[int, int]]:
        spans = self._sentence_spans.get(text)
        if spans is None:
            spans = self._sentence_spans[text] = sentences(text)
        return spans

    def bodies(self, text: str) -> list[str]:
        found = self._body_cache.get(text)
        if found is None:
            found = self._body_cache[text] = bodies_in(text)
        return found


@functools.lru_cache(maxsize=8192)
def body_verb_pairs(text: str, nearest: bool = False) -> frozenset[tuple[str, str]]:
    """Each body with the content word right before and right after it (words of another
    body's name skipped), folded: the same pairing in another word order ("họp Ban Thường
    vụ", "Ban Thường vụ họp")."""
    folded = fold(text)
    mentions = find_bodies(text)
    names = _body_syllables()
    words_at = [
        (m.start(), m.group())
        for m in re.finditer(r"[a-z0-9]+", folded)
        if m.group() not in names and not any(b.start <= m.start() < b.end for b in mentions)
    ]
    if nearest:
        # a question's body may stand apart from its verb ("Thường trực xã A và phường B
        # họp ..."): the nearest content word either side
        content = set(content_syllables(" ".join(w for _, w in words_at)))
        words_at = [(at, w) for at, w in words_at if w in content]
    pairs: set[tuple[str, str]] = set()
    for mention in mentions:
        before = [w for at, w in words_at if at < mention.start][-1:]
        after = [w for at, w in words_at if at >= mention.end][:1]
        pairs.update((mention.body, w) for w in content_syllables(" ".join(before + after)))
    return frozenset(pairs)


@functools.cache
def _body_syllables() -> frozenset[str]:
    """Syllables of the bodies' names ("huyện", "ủy"): a seat's name, never a verb."""
    return frozenset(s for aliases in BODIES.values() for a in aliases for s in a.split())


__all__ = ["HELD_BONUS", "QuoteFinder", "body_verb_pairs"]
