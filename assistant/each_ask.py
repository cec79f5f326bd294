"""One answer made of the answers to each ask of a message, in the order they were asked.

"Ai chủ trì, tờ trình nộp trước mấy hôm, ai giữ sổ họp?" is three questions about one
meeting; their clauses are often in different articles, and the best single clause
answers only some. The message is answered whole; an ask whose words that answer's quotes
do not cover is then answered on its own (its own citation, its own number from the rule
module) and added, headed by its words; one no provision answers says so. Such an ask
finds its own clause: one that writes the ask's own words and is not already quoted comes
before the clauses the whole message scored higher ("..., rồi ai quyết định?" after an
answer that quoted what the standing body does first).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TypeVar

from pydantic import BaseModel, ConfigDict

from assistant.asks import Ask, split_asks
from assistant.coverage import TermStats, TextProfile
from assistant.document_question import asked_attributes
from assistant.evidence import EvidenceGate, refusal_answer
from assistant.function_words import body_question_pattern, class_syllables, function_words
from assistant.locate import MIN_COVERAGE, ClauseLocator, Located
from assistant.models import Answer, Citation, DocumentRef, Turn
from assistant.references import parse_reference
from assistant.rules.intent import is_numeric_question
from assistant.terms import FOLDED, content_syllables, folded_term, question_terms
from assistant.understand import Understanding, classify, understand
from index.tokens import expand_abbreviations
from ingest.models import Document
from ingest.normalize import fold

T = TypeVar("T")
# An ask whose topic terms the answer's quotes cover to this share is answered by them.
COVERED = 0.6
# The first words of the act a who-ask asks, which its quote must write side by side.
ACT_WORDS = 2

NOT_FOUND = "Không tìm thấy quy định trả lời ý này trong các văn bản đã nạp."


def combine(
    whole: Answer, rest: Sequence[tuple[str, Answer]], earlier: int = 0, heading: str = ""
) -> Answer:
    """The answer to the whole message, then one block for each ask it left unanswered,
    headed by that ask's own words, in the order the message asks them: ``rest`` holds
    the asks in order, and the whole answer stands after the first ``earlier`` of them,
    at the place of the ask it answers (headed by that ask's words, ``heading``, when
    another block comes first). A refused whole gives way to the asks answered."""
    answered = [a for _, a in rest if a.kind != "refusal"]
    if not answered:
        return whole
    kept = [whole] if whole.kind != "refusal" else []
    base = kept[0] if kept else answered[0]
    blocks: list[str] = []
    citations: list[Citation] = []
    documents: list[DocumentRef] = []
    notes = list(base.notes)
    numeric = whole.numeric
    ordered = [*rest[:earlier], ("", whole), *rest[earlier:]] if kept else list(rest)
    for piece, answer in ordered:
        if answer is whole:
            head = f"Về ý «{heading}»:\n" if blocks and heading else ""
            blocks.append(head + whole.answer)
            citations += [c for c in whole.citations if c not in citations]
            documents += [d for d in whole.documents if d not in documents]
            continue
        if answer.kind == "refusal":
            blocks.append(f"Về ý «{piece}»: {NOT_FOUND}")
            continue
        shown = "\n".join([*blocks, *(a.answer for a in kept)])
        computed = answer.kind == "numeric" and answer.numeric != whole.numeric
        if all(c.quote.strip() in shown for c in answer.citations) and not computed:
            continue  # answered from clauses already quoted: nothing new to add
        blocks.append(f"Về ý «{piece}»:\n{answer.answer}")
        citations += [c for c in answer.citations if c not in citations]
        documents += [d for d in answer.documents if d not in documents]
        notes += [x for x in answer.notes if x not in notes]
        numeric = numeric or answer.numeric
    return base.model_copy(
        update={
            "answer": "\n\n".join(blocks),
            "citations": citations,
            "documents": documents,
            "notes": notes,
            "numeric": numeric,
        }
    )


class AskFocus(BaseModel):
    """What an ask answered on its own looks for: its own words (not the scene every ask
    shares), and the text the answer already shows."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    own: tuple[str, ...]
    shown: str
    # what the message quotes from a clause ("ghi 'theo khoản 4 Điều 8'"), folded: the
    # asker is reading that clause, so an ask looks past it
    quoted: tuple[str, ...] = ()


def focused(
    located: Sequence[T], quote: Callable[[T], str], writes_own: Callable[[str], bool]
) -> list[T]:
    """``located`` with the clauses that write the ask's own words and are not yet shown
    first, each group in its order; as given when none is."""
    fresh = [i for i in located if writes_own(quote(i))]
    return [*fresh, *(i for i in located if i not in fresh)] if fresh else list(located)


def shown_quotes(answer: Answer) -> str:
    """The quotes an answer shows; a citation only listed beside it shows nothing."""
    return " ".join(c.quote for c in answer.citations if c.quote.strip() in answer.answer)


# A span the message quotes: at least three words between quotation marks.
_QUOTED = re.compile(r"[\'\"“‘«]([^\'\"”’»]+(?:\s+[^\'\"”’»\s]+){2,})[\'\"”’»]")


def quoted_spans(text: str) -> tuple[str, ...]:
    """The spans ``text`` quotes, folded."""
    return tuple(fold(m.group(1)).strip() for m in _QUOTED.finditer(text))


def _quotes_it(quote: str, spans: Sequence[str]) -> bool:
    """Whether a clause writes one of the (folded) spans the message quotes."""
    folded = fold(quote)
    return any(q in folded for q in spans)


def past_quoted(located: Sequence[T], quote: Callable[[T], str], spans: Sequence[str]) -> list[T]:
    """``located`` with the clauses that write a span the message quotes last: the asker
    is reading that clause, so it is not what an ask for another place answers."""
    return [
        *(i for i in located if not _quotes_it(quote(i), spans)),
        *(i for i in located if _quotes_it(quote(i), spans)),
    ]


def ask_focus(
    whole: Answer,
    earlier: Sequence[tuple[str, Answer]],
    own: Sequence[str],
    lists: bool,
    scene: str = "",
) -> AskFocus | None:
    """How an ask answered on its own looks for its clause: after an answer, by its own
    words among the clauses not yet shown; not at all after a refusal (nothing is shown,
    and no clause was about the message) or for a whole list (the clause that lists it
    answers, wherever its words are)."""
    if whole.kind == "refusal" or lists or not own:
        return None
    shown = "\n".join([whole.answer, *(a.answer for _, a in earlier)])
    return AskFocus(own=tuple(own), shown=shown, quoted=quoted_spans(scene))


def strays(answer: Answer, scene_share: Callable[[str], float], least: float) -> bool:
    """After the whole message was refused, whether an ask's answer leaves the topic all
    asks share: its shown quotes cover less than ``least`` of the scene ("muốn chuyển
    công tác thì ..., thủ tục ra sao?" answered by some other procedure's clause)."""
    return answer.kind != "refusal" and scene_share(shown_quotes(answer)) < least


def _own_place(part: Understanding, piece: str, asks: int) -> Understanding:
    """One of several asks read without a clause the scene every ask shares names ("Quy
    chế ghi 'theo khoản 2 Điều 5'. Khoản đó nói gì, còn quyền ký nằm ở đâu?": the
    second ask looks for its own place) when its own words name none and ask about
    something of their own."""
    if asks < 2 or part.reference is None or parse_reference(piece) is not None:
        return part
    markers = class_syllables(function_words().condition_markers)
    if all(set(fold(t).replace("_", " ").split()) <= markers for t in question_terms(piece)):
        return part  # "..., trong trường hợp nào?": of the same clause, in fewer words
    # (what it asks is in its own words too: the scene's "họp định kỳ" asks no number)
    asks_number = is_numeric_question(piece)
    kind = classify(fold(expand_abbreviations(part.text)), False, asks_number)
    return part.model_copy(update={"reference": None, "kind": kind, "asks_number": asks_number})


def _computes(answer: Answer) -> bool:
    """Whether the rule module computed a verdict or a value (a date, a count) on the
    ask's own numbers."""
    result = answer.numeric
    return (
        answer.kind == "numeric"
        and result is not None
        and (result.met is not None or bool(result.result))
    )


def _writes_asked_act(piece: str, quoted: TextProfile, stats: TermStats) -> bool:
    """Whether ``quoted`` writes the first words of the act a who-ask asks, side by side
    (the content words right after its question for a body); an act of one word, or
    of two the regulations never write side by side, is no phrase to look for."""
    folded = fold(expand_abbreviations(piece))
    found = body_question_pattern().search(folded)
    if found is None:
        return True
    act = content_syllables(folded[found.end() :])[:ACT_WORDS]
    if len(act) < ACT_WORDS:
        return True  # one word ("cấp nào lo?") is too little to tell an act by
    written = stats.df.get("_".join(FOLDED + s for s in act), 0) > 0
    return not written or quoted.longest_run(act) == len(act)


def _of_another_body(part: Understanding, whole: Answer) -> bool:
    """Whether ``part`` asks yes or no of a body the whole answer names no finding for."""
    return (
        bool(part.yes_no_body)
        and bool(whole.findings)
        and all(f.value != part.yes_no_body for f in whole.findings)
    )


class EachAsk:
    """The asks of a message its whole answer leaves uncovered, each answered on its own
    by ``route`` (the answerer's routing, given how the ask looks for its clause)."""

    def __init__(
        self,
        locator: ClauseLocator,
        evidence: EvidenceGate,
        route: Callable[[Understanding, AskFocus | None], Answer],
        documents: Sequence[Document],
    ) -> None:
        self.locator = locator
        self.evidence = evidence
        self.route = route
        self.documents = documents

    def answer(
        self,
        whole: Answer,
        text: str,
        original: str,
        history: Sequence[Turn],
        document_ids: Sequence[str],
        rule_kind: str | None = None,
        say_unanswered: bool = True,
        rule_subject: str | None = None,
    ) -> Answer:
        """``whole``, then a block for each ask whose own words its quotes leave out, or
        that asks a number of another kind of rule than the whole (``rule_kind``);
        ``say_unanswered``: whether an ask no clause answers is said so (not beside the
        clause a message names, whose text the asker may find it in)."""
        asks = split_asks(text)
        typed = split_asks(original)
        pieces = [a.piece for a in (typed if len(typed) == len(asks) else asks)]
        # an ask is covered by what the answer shows, not by citations listed beside it
        quoted = self.locator.profile(shown_quotes(whole))
        rest: list[tuple[str, Answer]] = []
        # the first ask the whole answer answers, and how many asks answered on their own
        # come before it
        whole_at: int | None = None
        earlier = 0
        for at, (ask, piece) in enumerate(zip(asks, pieces, strict=True)):
            part = self._read(ask, history, document_ids, len(asks))
            # the ask's own words, not the scene every ask shares, must be in the quotes
            # (the document it names is no part of the scene: "Xã Hòa, ...")
            naming = self.locator.naming(part)
            scene = set(question_terms(ask.given, naming, self.locator.name_words(part)))
            # (compared folded: the scene may be read without diacritics, the ask with)
            scene_keys = {folded_term(t) for t in scene}
            own = [t for t in self.locator.topic_terms(part) if folded_term(t) not in scene_keys]
            covered, part = self._covered_by_words(part, ask, whole, quoted, own)
            # an ask for a whole list ("gồm những ai") is answered by the clause that lists
            # them, not by quotes that merely write its words
            # a number of another kind ("... còn mấy người nhất trí thì đủ?") is the
            # rule module's to compute, however well the quotes write its words
            # ... and so is one of the same kind about another act ("gửi giấy mời chậm
            # nhất ngày mấy, nộp dự thảo chậm nhất ngày mấy?": two deadlines of one clause)
            another = part.asks_number and (
                part.frame.kind not in (None, rule_kind)
                or ask.contrast
                or part.frame.subject not in (None, rule_subject)
            )
            # a number of the kind the whole answer computed is answered by it, whatever
            # words the ask types for it ("mấy phiếu" of a rule that writes "tán thành")
            same_number = part.asks_number and whole.kind == "numeric" and not another
            covered = covered or (same_number and part.frame.kind == rule_kind)
            if whole.kind != "refusal" and covered and not part.lists and not another:
                if whole_at is None:
                    whole_at, earlier = at, len(rest)
                continue
            own_answer = self._own_answer(part, whole, rest, own, scene, ask.given)
            if own_answer.kind == "refusal" and not say_unanswered:
                continue
            rest.append((piece, own_answer))
            # (a verdict or a date the rule module computed on the ask's own numbers
            # answers it, whatever words its clause writes)
            computed = another and _computes(own_answer)
            if whole_at is None and not computed and not self._answers_own_words(own_answer, own):
                whole_at, earlier = 0, 0  # an earlier ask weakly answered: the whole leads
        return combine(whole, rest, earlier, pieces[whole_at or 0])

    def _read(
        self, ask: Ask, history: Sequence[Turn], document_ids: Sequence[str], asks: int
    ) -> Understanding:
        """One ask read with its scene; an ask about the document itself is one whose own
        words ask it: the scene's ("văn bản này ký hôm nào, tổ viên làm gì ...") belong to
        another ask (after a scene about the document, "ai ký" asks its signer)."""
        part = _own_place(
            understand(ask.question, history, self.documents, list(document_ids) or None),
            ask.piece,
            asks,
        )
        if part.document_attributes and not asked_attributes(
            fold(expand_abbreviations(ask.piece)), about_document=True
        ):
            part = part.model_copy(update={"document_attributes": ()})
        return part

    def _covered_by_words(
        self, part: Understanding, ask: Ask, whole: Answer, quoted: TextProfile, own: list[str]
    ) -> tuple[bool, Understanding]:
        """Whether the whole answer's quotes answer the ask by its own words, and the ask
        as it then looks for its own clause."""
        covered = not own or self.locator.stats.coverage(own, quoted) >= COVERED
        if covered and part.kind == "who_decides" and whole.findings:
            # a who-ask is answered by a quote that writes the act it asks ("ai làm tổ
            # trưởng tổ X": "làm tổ ..."), not by one that only names its object ("tham
            # gia tổ X", another body's task)
            covered = _writes_asked_act(ask.piece, quoted, self.locator.stats)
        if _of_another_body(part, whole):
            # a yes/no ask about one body ("tổ trưởng có kiêm thủ quỹ không?") is not
            # answered by what the whole answer gives another body, whatever words the two
            # share: it looks for that body's own clauses, as a follow-up naming it would
            return False, part.model_copy(update={"new_body": part.yes_no_body})
        return covered, part

    def _answers_own_words(self, answer: Answer, own: Sequence[str]) -> bool:
        """Whether an ask's own answer quotes its own words (to the share that counts an
        ask covered): only then does it stand before the whole answer."""
        if answer.kind == "refusal":
            return False
        said = self.locator.profile(shown_quotes(answer))
        return not own or self.locator.stats.coverage(list(own), said) >= COVERED

    def _own_answer(
        self,
        part: Understanding,
        whole: Answer,
        rest: Sequence[tuple[str, Answer]],
        own: Sequence[str],
        scene: set[str],
        given: str = "",
    ) -> Answer:
        """One ask answered on its own: after an answer it finds its own clause; after a
        refusal its answer must keep to the scene."""
        answer = self.route(part, ask_focus(whole, rest, own, part.lists, given))
        if whole.kind != "refusal" or not scene:
            return answer

        def scene_share(text: str) -> float:
            return self.locator.stats.coverage(list(scene), self.locator.profile(text))

        if strays(answer, scene_share, MIN_COVERAGE):
            return refusal_answer(part.original, NOT_FOUND)
        return answer

    def focused(
        self, u: Understanding, located: list[Located], focus: AskFocus | None
    ) -> list[Located]:
        """The located clauses with those that write the ask's own words and that the
        answer does not show yet first, when the first of them still covers the
        question; as located without a focus."""
        if focus is None or not focus.own or not located:
            return located

        def writes_own(quote: str) -> bool:
            if quote.strip() in focus.shown:
                return False
            return self.locator.stats.coverage(focus.own, self.locator.profile(quote)) >= COVERED

        # (a clause the message quotes goes last, among the fresh ones as among the rest)
        ordered = past_quoted(
            focused(located, lambda i: i.quote, writes_own), lambda i: i.quote, focus.quoted
        )
        return ordered if self.evidence.covers(u, ordered[0]) else located
