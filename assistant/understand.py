"""Question understanding: what kind of question, about which body, in which documents.

Works on folded text, so a question typed without diacritics is understood the same.
A follow-up ("Còn Ban Thường vụ thì sao?", "thế còn Kon Tum?", "khoản đó nói gì?") is
resolved against the conversation before anything else happens.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict

from assistant.asker import asker_context
from assistant.asks import asks_for_list, circumstance, count_asks, purpose
from assistant.conversation import Carried, resolve
from assistant.document_question import asked_attributes
from assistant.function_words import (
    alternation,
    body_question_pattern,
    comparative_ask_pattern,
    comparison_pattern,
    function_words,
    negated_at,
    sequence_pattern,
    without_closing,
    wording_pattern,
)
from assistant.models import Turn
from assistant.own_ask import PLACE_ASK
from assistant.references import Reference, leading_reference, parse_references
from assistant.rules.models import QuestionFrame
from assistant.rules.query import is_numeric_question, read_question
from assistant.terms import expand_inline
from assistant.unloaded_documents import laws_not_loaded
from assistant.world_questions import asks_about_an_occasion, asks_for_a_person
from index.models import HasMeta, Scope
from index.places import own_unit, units_possessed, unknown_places
from index.scope import detect_scope
from index.tokens import expand_abbreviations
from ingest.bodies import BODIES, bodies_in, body_mentions
from ingest.document_facts import DocumentAttribute
from ingest.normalize import fold
from ingest.powers import Act

QuestionKind = Literal["who_decides", "procedure", "numeric", "citation", "comparison", "general"]


class Understanding(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    original: str
    text: str  # the question with follow-up context resolved
    kind: QuestionKind
    bodies: tuple[str, ...] = ()
    document_ids: tuple[str, ...] = ()  # scope; empty = all documents
    scope_reason: str = ""
    scope_from_question: bool = False
    reference: Reference | None = None
    # the place the message names before the one asked, which leads to it ("điểm c khoản
    # 1 Điều 3 dẫn chiếu Điều 11, vậy Điều 11 ..."); None when it names one
    referring: Reference | None = None
    is_follow_up: bool = False
    english: bool = False
    # Places this question names that no loaded document is about ("xã Hòa Bình").
    unknown_places: tuple[str, ...] = ()
    names_document: bool = False  # by place, number or own name (not only by level)
    # The scope comes only from a body the question speaks of ("chi bộ"): when that
    # document is silent, the others are asked (see index.scope.Scope.by_body_only).
    scope_by_body_only: bool = False
    # State legal documents the question names that no loaded document is ("Luật Đất đai").
    unloaded_laws: tuple[str, ...] = ()
    # Read once here, for every later stage: the kind of rule and the numbers the question
    # gives, and whether it asks for a number at all.
    frame: QuestionFrame = QuestionFrame()
    asks_number: bool = False
    # "Bí thư Tỉnh ủy ... hiện nay là ai?": the name of whoever holds an office now.
    asks_person: bool = False
    # "Hội nghị tháng 7 đã bàn gì?": what was done once, a record no regulation holds
    asks_occasion: bool = False
    # "Văn bản này bắt đầu áp dụng lúc nào?": a fact of the document itself.
    document_attributes: tuple[DocumentAttribute, ...] = ()
    # "ai lập, ai duyệt và gửi trước bao lâu?": three asks, one answer for each
    asks: int = 1
    # "Đảng viên ốm không dự họp thì báo ai?": the case set before the ask, as typed
    circumstance: str = ""
    # "... để ghi vào tờ trình": why the asker asks, as typed
    purpose: str = ""
    # Sentences about the asker that ask nothing ("Mình mới chuyển về tổ."): no topic.
    asker_context: str = ""
    lists: bool = False  # "những việc nào", "gồm những ai": the whole list
    # "Ban Thường vụ có quyết định khoản chi này không?": the body a yes/no question asks
    # about ("" when it asks about none)
    yes_no_body: str = ""
    # The previous question as the conversation meant it ("" fields when none)
    carried: Carried | None = None
    # A follow-up's body in place of the previous question's, and the acts asked of it
    # (see assistant/conversation.py): located by the table of powers.
    new_body: str = ""
    acts: tuple[Act, ...] = ()

    @property
    def asked_text(self) -> str:
        """The question as read, without the sentences about the asker."""
        return self.text.replace(self.asker_context, " ") if self.asker_context else self.text


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def sanitize(question: str, max_chars: int) -> tuple[str, bool]:
    """NFC, control and bidi characters removed, whitespace collapsed, capped in length.
    Returns the text and whether it had to be cut."""
    text = unicodedata.normalize("NFC", question)
    text = _CONTROL.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) > max_chars:
        return text[:max_chars], True
    return text, False


_WHO = re.compile(
    r"\b(ai|co quan nao|cap nao|bo phan nao|don vi nao|nguoi nao|chuc danh nao|tap the nao|"
    r"thuoc (?:tham )?quyen|tham quyen cua|ai co quyen|do ai|boi ai|ben nao)\b"
)
# How-questions; the nouns that name an order of steps ("trình tự", "những bước") are
# data (function_words.yaml, sequence_nouns), read by assistant.vocabulary.sequence_pattern.
_PROCEDURE = re.compile(
    r"\b(thu tuc|nhu the nao|the nao|ra sao|lam sao|cach thuc|cach nao|phai lam gi|tien hanh)\b"
)
_NUMERIC = re.compile(
    r"\b(bao nhieu|may ngay|may lan|may buoi|bao lau|toi thieu|toi da|it nhat|ti le|ty le|"
    r"bao nhieu phan tram|may phan|qua nua|hop le|dinh ky|thuong ky|thuong le|ty dong|ti dong|"
    r"trieu dong|truoc may|do tuoi|tuoi nao|\d[\d.,]*\s*(?:ty|ti|trieu))\b"
)
_ENGLISH = re.compile(
    r"\b(the|what|who|which|how|does|is|are|of|meeting|committee|party|decide|decides|when|many)\b"
)


def is_english(text: str) -> bool:
    if fold(text) != text.lower():
        return False  # has Vietnamese letters
    words = re.findall(r"[a-z]+", text.lower())
    hits = sum(1 for w in words if _ENGLISH.fullmatch(w))
    return len(words) >= 3 and hits / len(words) >= 0.3


def classify(folded: str, has_reference: bool, asks_number: bool | None = None) -> QuestionKind:
    ask = _the_ask(folded)
    if comparison_pattern().search(ask) or comparative_ask_pattern().search(ask):
        return "comparison"
    asks_who = bool(_WHO.search(folded) or body_question_pattern().search(folded))
    if has_reference and not asks_who:
        return "citation"
    asks_place = PLACE_ASK.search(folded) or wording_pattern(accented=False).search(folded)
    if asks_place and not asks_who:
        return "citation"
    if asks_who:
        return "who_decides"
    if asks_number is None:
        asks_number = is_numeric_question(folded)
    if _NUMERIC.search(folded) or asks_number:
        return "numeric"
    if _PROCEDURE.search(folded) or sequence_pattern().search(folded):
        return "procedure"
    return "general"


def _the_ask(folded: str) -> str:
    """What a question asks, after the condition it sets ("nếu hai tổ bàn khác nhau thì
    làm thế nào?" asks how to proceed; the disagreement is its condition)."""
    return re.split(r"(?<![a-z])thi(?![a-z])", folded)[-1]


def _named_scope(text: str, documents: Sequence[HasMeta]) -> Scope:
    """The documents a question names; else, when it speaks of the asker's own unit
    ("xã em", "phường mình"), the documents that govern a unit of that kind."""
    scope = detect_scope(text, documents)
    if scope.document_ids:
        return scope
    units = units_possessed(text, function_words().personal_pronouns)
    own = tuple(d.id for d in documents if units and own_unit(d.meta) in units)
    if not own:
        return scope
    return Scope(document_ids=own, why=(f"{units[0]} của người hỏi",))


def _scope(text: str, documents: Sequence[HasMeta]) -> tuple[tuple[str, ...], str]:
    scope = _named_scope(text, documents)
    return tuple(scope.document_ids), "; ".join(scope.why)


def _conversation_scope(
    users: Sequence[str], documents: Sequence[HasMeta]
) -> tuple[tuple[str, ...], str]:
    """The documents the latest earlier question that names any names, and why."""
    for previous in reversed(users):
        scope, reason = _scope(previous, documents)
        if scope:
            return scope, f"theo câu hỏi trước ({reason})"
    return (), ""


def _without_places(text: str, places: Sequence[tuple[str, str]]) -> str:
    """``text`` without the names of places no loaded document is about: they match no
    clause and would only lower the answer's coverage."""
    for _, name in places:
        text = text.replace(name, " ")
    return re.sub(r"\s+", " ", text).strip()


def understand(
    question: str,
    history: Sequence[Turn],
    documents: Sequence[HasMeta],
    document_ids: Sequence[str] | None = None,
    typed: str = "",
) -> Understanding:
    """``question`` as read (normalized); ``typed``, as the user typed it, tells what the
    reading drops (an opening pronoun that says a sentence is about the asker)."""
    original = question
    unknown = unknown_places(question, documents)
    # "So sánh Điện Biên và Lào Cai": the place not loaded is set aside (and noted), the
    # rest is answered; "Thành ủy Điện Biên Phủ" names no loaded document at all.
    question = _without_places(question, unknown)
    named = _named_scope(question, documents)
    own_scope, reason = tuple(named.document_ids), "; ".join(named.why)
    users = [t.content for t in history if t.role == "user"]
    resolved = resolve(question, history, documents)
    text, is_follow_up, carried = resolved.text, resolved.is_follow_up, resolved.carried
    reference = resolved.reference

    earlier, earlier_reason = _conversation_scope(users, documents)
    # "Chi bộ gửi biên bản lên trong mấy ngày?" in a conversation about one commune's
    # regulation: a body named alone ("chi bộ") points to the regulation about that body
    # only when no document was named before; the one the conversation is about stays.
    if own_scope and named.by_body_only and earlier:
        own_scope = ()
    scope_from_question = bool(own_scope)
    scope, reason = _chosen_scope(document_ids, own_scope, reason, (earlier, earlier_reason))
    merged_folded = fold(expand_abbreviations(text))
    own_attributes = asked_attributes(fold(expand_abbreviations(question)))
    asked = own_attributes or asked_attributes(merged_folded)
    attributes = asked or _follow_up_attributes(question, users, is_follow_up)
    places = parse_references(question)  # the places the question names itself, in order
    own_place = places[-1] if places else None
    if attributes and own_place is None:
        reference = None  # "nó được ký lúc nào?": "nó" is the document, no clause
    if attributes and (own_attributes or not asked):
        # "ai ký?" after a question about a document: asked of that document in its own
        # words (the previous question's topic is no part of it)
        text, merged_folded = question, fold(expand_abbreviations(question))
    asks_number = is_numeric_question(text)
    kind = classify(merged_folded, reference is not None, asks_number)
    if kind == "citation" and reference is None and is_follow_up:
        kind = classify(fold(expand_abbreviations(users[-1])), False)
    elif is_follow_up and reference is not None:
        # "quy định đó thuộc khoản nào của Điều 9?": its own ask is for a place, whatever the
        # previous question asked
        own = classify(fold(expand_abbreviations(question)), True, False)
        kind = own if own == "citation" else kind
    return Understanding(
        original=original,
        text=text,
        kind=kind,
        bodies=_asked_bodies(question) or _asked_bodies(text),
        document_ids=scope,
        scope_reason=reason,
        scope_from_question=scope_from_question,
        reference=reference,
        referring=leading_reference(places) if reference == own_place else None,
        is_follow_up=is_follow_up,
        english=is_english(original),
        unknown_places=tuple(f"{unit} {name}" for unit, name in unknown),
        # a follow-up read with the previous question's words names what that one named
        names_document=named.by_name or (is_follow_up and _named_scope(text, documents).by_name),
        scope_by_body_only=named.by_body_only and scope == own_scope and not document_ids,
        unloaded_laws=tuple(laws_not_loaded(original, documents)),
        # a follow-up, or a number asked in a conversation, may leave out the rule asked
        frame=read_question(text, history if is_follow_up or asks_number else ()),
        asks_number=asks_number,
        asks_person=asks_for_a_person(question, documents),
        asks_occasion=asks_about_an_occasion(question) and not asks_number and not attributes,
        document_attributes=attributes,
        asks=count_asks(question),
        circumstance=circumstance(original),
        purpose=purpose(original),
        asker_context="" if is_follow_up else asker_context(typed or original, text, documents),
        lists=asks_for_list(question),
        yes_no_body=yes_no_body(text),
        carried=carried,
        new_body=resolved.new_body,
        acts=resolved.acts,
    )


def _asked_bodies(text: str) -> tuple[str, ...]:
    """The bodies named, in reading order, but those only set apart ("chứ không phải chi ủy")."""
    folded = fold(expand_inline(text))
    mentions = body_mentions(folded)
    apart = {m.body for m in mentions if negated_at(folded, m.start)}
    apart -= {m.body for m in mentions if not negated_at(folded, m.start)}
    return tuple(b for b in bodies_in(expand_abbreviations(text)) if b not in apart)


def _follow_up_attributes(
    question: str, users: Sequence[str], is_follow_up: bool
) -> tuple[DocumentAttribute, ...]:
    """The facts of a document a follow-up to a question about a document asks in its own
    words ("ai ký?"), when the question itself names none."""
    if not is_follow_up or not users:
        return ()
    earlier = [fold(expand_abbreviations(t)) for t in users]
    if not any(asked_attributes(t) for t in earlier) or not asked_attributes(
        earlier[-1], about_document=True
    ):
        return ()
    return asked_attributes(fold(expand_abbreviations(question)), about_document=True)


def _chosen_scope(
    document_ids: Sequence[str] | None,
    own_scope: tuple[str, ...],
    reason: str,
    earlier: tuple[tuple[str, ...], str],
) -> tuple[tuple[str, ...], str]:
    """The documents a question is answered from, and why: those the user chose, else
    those the question names, else those the latest earlier question named."""
    if document_ids:
        return tuple(document_ids), "người dùng chọn"
    if own_scope:
        return own_scope, reason
    return earlier


# The negative that closes a yes/no question ("... không?", "... chưa?", "... không hay
# ...?"): the question is about the last body named before it.
@functools.cache
def _yes_no_tail() -> re.Pattern[str]:
    ends = alternation(function_words().yes_no_endings)
    return re.compile(rf"(?<![a-z])(?:{ends})(?![a-z])(?=\s*(?:hay(?![a-z])|$))")


def yes_no_body(text: str) -> str:
    """The body a yes/no question asks about: "Thường trực có tự quyết khoản chi này không
    hay phải trình Ban Thường vụ?" asks whether Thường trực decides."""
    folded = without_closing(re.sub(r"[^\w\s/-]", " ", fold(text)))
    tails = list(_yes_no_tail().finditer(folded))
    if not tails:
        return ""
    named = body_mentions(folded[: tails[-1].start()])
    return named[-1].body if named else ""


__all__ = ["BODIES", "Understanding", "classify", "is_english", "sanitize", "understand"]
