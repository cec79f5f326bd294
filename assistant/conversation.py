"""What a question carries over from the conversation before it.

Each earlier question is resolved against its own history first, so a third turn
("vậy tổ phó thì làm gì?") reads the second as it was meant ("còn tổ trưởng?" is "tổ
trưởng họp mấy tuần một lần?"), not as typed. A follow-up then:

- swaps a new body into the previous question ("Còn tổ trưởng thì thế nào?"), or a new
  number ("Còn dự án 3 tỷ?"), or a new document ("Còn ở Đồng Tháp?"): the action stays
  (`assistant/follow_up_merge.py`);
- asks something of its own ("Còn tổ phó thì giữ sổ ra sao?"): its own words, and the
  previous question's bodies when it names only a document ("Còn Đồng Tháp thì tài liệu
  gửi trước mấy ngày?" is still about the body asked before);
- asks about the previous subject with a verb and no object of its own ("Tổ phó duyệt
  xong thì gửi cho ai?"): the previous question's topic is added.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from assistant.document_names import meta_text, without_names
from assistant.ellipsis import (
    compares_with_what_was_said,
    demonstrative_phrases,
    gives_only_counts,
)
from assistant.follow_up_merge import merge_follow_up
from assistant.function_words import (
    alternation,
    body_question_pattern,
    framing_syllables,
    function_words,
    likeness_pattern,
    without_closing,
)
from assistant.models import Turn
from assistant.new_body import act_verb_pattern, asked_bodies, new_body
from assistant.own_ask import ANAPHORA, asks_on_its_own, asks_only_where, grammar_syllables
from assistant.references import Reference, parse_reference
from assistant.terms import content_syllables
from index.models import HasMeta
from index.scope import detect_scope
from index.tokens import expand_abbreviations
from ingest.bodies import bodies_in, body_mentions, find_bodies, without_mentions
from ingest.normalize import canonical, fold, has_diacritics, mostly_accented, words
from ingest.powers import Act, act_verbs


class Carried(BaseModel):
    """The previous question as the conversation meant it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str  # resolved against its own history
    bodies: tuple[str, ...] = ()  # the bodies it asks about (not a seat naming a document)
    topic: str = ""  # its words besides bodies, names, question frame and act verbs
    acts: tuple[Act, ...] = ()  # the acts its verbs state ("ký" signs)


class Resolved(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str
    is_follow_up: bool = False
    reference: Reference | None = None
    carried: Carried | None = None
    # The body a follow-up asks about in place of the previous question's ("còn Phó Bí
    # thư thì ký gì?"), and the acts asked of it: its own verbs, else the previous ones.
    new_body: str = ""
    acts: tuple[Act, ...] = ()


_FOLLOW_UP = re.compile(
    r"^(con|the con|vay con|con doi voi|con voi|the thi|vay thi|the|vay|con truong hop)\b|"
    r"\b(thi sao|the nao a|thi the nao|thi nhu the nao)\s*\??$"
)


def resolve(question: str, history: Sequence[Turn], documents: Sequence[HasMeta]) -> Resolved:
    """``question`` with what it takes from the conversation (see the module's doc)."""
    reference = parse_reference(question)
    last = max((i for i, t in enumerate(history) if t.role == "user"), default=None)
    if last is None:
        return Resolved(text=question, reference=reference)
    before = resolve(history[last].content, history[:last], documents)
    carried = _carried(before.text, documents)
    folded = fold(expand_abbreviations(question))
    anaphora = bool(ANAPHORA.search(folded) or pronoun(question))
    # "mức đó", "việc này": a noun pointed back at is the previous question's
    anaphora = anaphora or bool(demonstrative_phrases(question, of_documents=False))
    # "B họp dày hơn à?": compared with what was just said
    anaphora = anaphora or compares_with_what_was_said(question)
    # "khoản mấy vậy?": the place of what was just asked
    anaphora = anaphora or asks_only_where(question)
    elsewhere = _asks_the_same_elsewhere(question, before.text, documents)
    if (
        # (the closing particles are no part of the frame: "... thì sao ạ?")
        _FOLLOW_UP.search(without_closing(folded.rstrip(" ?.!")))
        # "quy định đó thuộc khoản nào của Điều 9?": an article named, the thing before
        or (anaphora and (reference is None or reference.clause is None))
        or _asks_if_the_same_holds(question, documents)
        or elsewhere
    ):
        if ANAPHORA.search(folded) and reference is None:
            answers = [t.content for t in history if t.role == "assistant"]
            last_answer = answers[-1] if answers else ""
            reference = parse_reference(last_answer) or parse_reference(history[last].content)
        # ("đồng chí đó" after "ai phụ trách ...?" is whoever the answer named)
        answers = [t.content for t in history if t.role == "assistant"]
        named = _answered_bodies(before.text, answers[-1] if answers else "")
        text = _follow_up_text(question, before.text, carried, documents, elsewhere, named)
        scoped = bool(detect_scope(question, documents).document_ids)
        return _followed(text, question, carried, scoped, reference)
    if reference is None and gives_only_counts(
        question, before.text, lambda text: _object_words(text, documents)
    ):
        # "Ban X có 41 người thì cần tối thiểu mấy phiếu?" after a vote: the same rule
        scoped = bool(detect_scope(question, documents).document_ids)
        return _followed(merge_follow_up(before.text, question, scoped), question, carried, scoped)
    if carried.topic and reference is None and _without_object(question, documents):
        # "Tổ phó duyệt xong thì gửi cho ai?": about the previous subject
        return _followed(f"{question.rstrip()} {carried.topic}", question, carried, False)
    return Resolved(text=question, reference=reference, carried=carried)


def _followed(
    text: str, question: str, carried: Carried, scoped: bool, reference: Reference | None = None
) -> Resolved:
    """A follow-up read as ``text``, with the body it asks about in place of the previous
    one and the acts asked of that body (none when it names no new body)."""
    body = new_body(question, carried.bodies, scoped)
    return Resolved(
        text=text,
        is_follow_up=True,
        reference=reference,
        carried=carried,
        new_body=body,
        acts=_same_acts(question, carried) if body else (),
    )


def _follow_up_text(
    question: str,
    previous: str,
    carried: Carried,
    documents: Sequence[HasMeta],
    elsewhere: bool,
    answered: Sequence[str] = (),
) -> str:
    """The follow-up as the previous question's words and its own; ``elsewhere``: it
    only names another document (see :func:`_asks_the_same_elsewhere`); ``answered``:
    the bodies the previous answer gave for a body asked."""
    own_scope = detect_scope(question, documents).document_ids
    if own_scope:
        # "Còn Điện Biên?": the document named before no longer applies, nor the body
        # only it is about ("Ban cán sự đảng" of a Ban cán sự đảng's regulation).
        earlier = detect_scope(previous, documents).document_ids
        previous = without_names(previous, documents)
        previous = _without_own_bodies(previous, documents, earlier, own_scope)
    found = pronoun(question)
    previous_bodies = bodies_in(expand_abbreviations(previous))
    referent = [*answered, *previous_bodies]
    if found and referent:
        # "Họ họp khi nào?" after a question about Thường trực: "Thường trực họp khi nào?"
        asked = canonical(question)
        return asked[: found.start()] + referent[0] + asked[found.end() :]
    pointed = demonstrative_phrases(question, of_documents=False)
    own = asks_on_its_own(question, documents) and not elsewhere
    if own and pointed and carried.topic:
        # "ai ký cái đó?": its own verb, of what the previous question was about
        return _pointed_at(question, pointed[0], carried.topic)
    if own:
        # "Còn Thường trực họp vào thứ mấy?": a new ask in the same context keeps its own
        # words (less the contrast marker that opens it: typed "con", it is no noun); a
        # document named is no body asked, the body asked before still is.
        question = _OPENING_CONTRAST.sub("", question)
        # (not one only the document asked about before is about: see above)
        kept = [b for b in carried.bodies if b in previous_bodies]
        if own_scope and kept and not asked_bodies(question, True):
            return f"{question.rstrip()} {' '.join(kept)}"
        return question
    return merge_follow_up(
        previous, question, bool(own_scope), own_words=without_names(question, documents)
    )


_OPENING_CONTRAST = re.compile(
    rf"^\s*(?:{alternation(function_words().contrast_markers, accented=True)}|"
    rf"{alternation(function_words().contrast_markers)})\s+",
    re.IGNORECASE,
)


def _answered_bodies(previous: str, answer: str) -> list[str]:
    """The bodies an answer gave to a question for a body ("ai phụ trách ...?"), in the
    order it names them; none for a question that asked something else."""
    if not body_question_pattern().search(fold(expand_abbreviations(previous))):
        return []
    return bodies_in(expand_abbreviations(answer))


def _pointed_at(question: str, phrase: str, topic: str) -> str:
    """``question`` with the ``phrase`` that points back (folded) read as ``topic``."""
    asked = canonical(question)
    found = re.search(rf"(?<![a-z]){re.escape(phrase)}(?![a-z])", fold(asked))
    if found is None:
        return f"{question.rstrip()} {topic}"
    return asked[: found.start()] + topic + asked[found.end() :]


def _carried(previous: str, documents: Sequence[HasMeta]) -> Carried:
    names_document = bool(detect_scope(previous, documents).document_ids)
    # the first body named is the one asked about ("gửi cho các thành viên" names whom)
    bodies = tuple(asked_bodies(previous, names_document)[:1])
    # what it asks about, without its verbs and the numbers it gave (its own case), in
    # its own typing (a question with diacritics reads words without them as unknown)
    ask = _ask_syllables()
    placing = {fold(w) for w in function_words().prepositions}
    kept = {
        w
        for w in content_syllables(
            without_names(_without_asked_verb(_without_bodies(previous)), documents)
        )
        if w not in ask and w not in placing and not any(c.isdigit() for c in w)
    }
    # nor the words of the grammar's closed classes ("tức là": typed with diacritics, as
    # folded they may be a topic's syllable, "chu" of "chủ trương"), nor the noun a
    # number counts with ("27 người": the story's, not its topic)
    if mostly_accented(previous):
        kept -= framing_syllables(previous)
    typed = [w.strip("?.,!:;()") for w in previous.split()]
    counted = {i + 1 for i, w in enumerate(typed) if any(c.isdigit() for c in w)}
    topic = " ".join(
        w for i, w in enumerate(typed) if w and fold(w).lower() in kept and i not in counted
    )
    return Carried(text=previous, bodies=bodies, topic=topic, acts=asked_acts(previous))


def _without_asked_verb(folded: str) -> str:
    """``folded`` without the verb it asks about: the one after its question word ("kết
    nạp ... do ai quyết định": "quyết định"; "kết nạp" is what is decided), else every
    verb of an act."""
    asks = _interrogative().search(folded)
    after = [m for m in act_verb_pattern().finditer(folded) if asks and m.start() >= asks.end()]
    if not after:
        return act_verb_pattern().sub(" ", folded)
    return f"{folded[: after[0].start()]} {folded[after[0].end() :]}"


@functools.cache
def _interrogative() -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z])(?:{alternation(function_words().interrogatives)})(?![a-z])")


def _same_acts(question: str, carried: Carried) -> tuple[Act, ...]:
    """The previous question's acts that the follow-up asks again (all of them when it
    states none): "còn Phó Bí thư thì ký gì?" after who signs; "Thường trực có phải báo
    cáo không?" after who decides asks another act, not the same one of another body."""
    own = asked_acts(question)
    return tuple(a for a in carried.acts if not own or a in own)


def asked_acts(text: str) -> tuple[Act, ...]:
    """The acts the verbs of ``text`` state, read with their diacritics when it has them
    ("ký" signs, "kỳ" does not), else by their letters."""
    if has_diacritics(text):
        written = canonical(text).lower()
        found = [act for verb, act in act_verbs() if re.search(rf"(?<!\w){verb}(?!\w)", written)]
    else:
        folded = fold(text)
        found = [
            act
            for verb, act in act_verbs()
            if " " in verb  # one syllable without its tone is ambiguous ("ky": "kỳ")
            and re.search(rf"(?<![a-z]){fold(verb)}(?![a-z])", folded)
        ]
    return tuple(dict.fromkeys(found))


def _without_bodies(text: str) -> str:
    folded = fold(expand_abbreviations(text))
    return without_mentions(folded, body_mentions(folded))


def _object_words(text: str, documents: Sequence[HasMeta]) -> list[str]:
    """The question's words that are neither a body, a document's name, a verb of an act
    nor its frame (asks, particles, aspect): what it asks about."""
    folded = act_verb_pattern().sub(" ", _without_bodies(text))
    folded = without_names(folded, documents)
    grammar = grammar_syllables()
    return [w for w in content_syllables(folded) if w not in grammar]


def _asks_if_the_same_holds(question: str, documents: Sequence[HasMeta]) -> bool:
    """ "Quy chế Sông Bạc có giống không?": a document named, a word of likeness, and
    nothing else asked about."""
    folded = fold(expand_abbreviations(question))
    if not likeness_pattern().search(folded):
        return False
    scope = set(detect_scope(question, documents).document_ids)
    if not scope:
        return False
    naming = {w for d in documents if d.id in scope for w in words(meta_text(d))}
    placing = {fold(w) for w in function_words().prepositions}
    rest = content_syllables(likeness_pattern().sub(" ", folded))
    return all(w in naming or w in placing or w in grammar_syllables() for w in rest)


def _asks_the_same_elsewhere(question: str, previous: str, documents: Sequence[HasMeta]) -> bool:
    """ "Bên Sông Bạc thì cần mấy người?": another document named, no body, and nothing
    asked about besides the question's frame: the previous question, of that document."""
    scope = set(detect_scope(question, documents).document_ids)
    if not scope or scope == set(detect_scope(previous, documents).document_ids):
        return False
    folded = fold(expand_abbreviations(question))
    if find_bodies(folded):
        return False
    # (its own verb of an act is something asked: "thì khen thưởng có giống không?")
    rest = content_syllables(without_names(_without_bodies(question), documents))
    skipped = grammar_syllables() | {fold(w) for w in function_words().prepositions}
    return all(w in skipped for w in rest)


def _without_object(question: str, documents: Sequence[HasMeta]) -> bool:
    """Whether the question names a body or an act and nothing else it asks about."""
    folded = fold(expand_abbreviations(question))
    verbs = act_verb_pattern()
    if not find_bodies(folded) and not verbs.search(folded):
        return False
    rest = _object_words(question, documents)
    return not [w for w in rest if w not in _verb_heads()]


@functools.cache
def _ask_syllables() -> frozenset[str]:
    words = function_words()
    classes = (words.interrogatives, words.ask_words, words.yes_no_endings)
    return frozenset(s for c in classes for w in c for s in fold(w).split())


@functools.cache
def _verb_heads() -> frozenset[str]:
    """The first syllable of a verb of two, said alone ("TT quyết xong ...")."""
    return frozenset(fold(v).split()[0] for v, _ in act_verbs() if " " in v)


# "Họ họp khi nào?": a pronoun for the body just discussed (accented: "ho" is too common).
_PRONOUN = re.compile(
    r"(?<![^\W\d_])(họ|(?:các )?(?:đồng chí|cơ quan|người) (?:đó|ấy|này))(?![^\W\d_])"
)
# Typed without diacritics, "ho" opening the question is the pronoun: "hộ", "hồ" and the
# other readings are nouns that need a word before them to be a subject.
_BARE_PRONOUN = re.compile(r"^(ho)(?=\s+[a-z])")


def pronoun(question: str) -> re.Match[str] | None:
    """The pronoun for the body just discussed ("Họ họp khi nào?", "ho hop khi nao")."""
    from assistant.lexicon import is_listed

    typed = canonical(question)
    found = _PRONOUN.search(typed)
    if found is None and not has_diacritics(question):
        bare = _BARE_PRONOUN.match(typed)
        following = typed[bare.end() :].split()[:1] if bare else []
        # unless it starts a word of its own ("ho so" is "hồ sơ")
        if bare is not None and not is_listed(["ho", *following], folded=True):
            found = bare
    return found


def _without_own_bodies(
    folded: str, documents: Sequence[HasMeta], before: Sequence[str], after: Sequence[str]
) -> str:
    """``folded`` without the bodies that the documents asked about before govern and the
    documents asked about now do not name (in their title or governed body)."""
    if not before or set(before) & set(after):
        return folded

    def named_by(ids: Sequence[str], governed_only: bool) -> str:
        metas = [d.meta for d in documents if d.id in ids]
        fields = [
            m.governed_body if governed_only else f"{m.title} {m.governed_body}" for m in metas
        ]
        return fold(" ".join(fields))

    old_own, new_named = named_by(before, True), named_by(after, False)
    expanded = fold(expand_abbreviations(folded))
    for mention in reversed(find_bodies(expanded)):
        body = fold(mention.body)
        if body in old_own and body not in new_named:
            expanded = expanded[: mention.start] + " " + expanded[mention.end :]
    return re.sub(r"\s+", " ", expanded).strip()


__all__ = ["Carried", "Resolved", "pronoun", "resolve"]
