"""How many things one message asks: "ai lập hồ sơ, ai duyệt và gửi trước bao lâu?" asks
three, and an answer that quotes the sentence for the first leaves two unanswered.

An ask is an interrogative expression (assistant/data/function_words.yaml, ``ask_words``)
in a coordinated segment of the question: segments are split at commas, semicolons and
the coordinators that join clauses; two question words in one segment ("bao nhiêu người
... bao lâu") still count as two only when they are different expressions.
"""

from __future__ import annotations

import re
from functools import cache

from pydantic import BaseModel, ConfigDict

from assistant.function_words import alternation, body_question_pattern, function_words
from assistant.lexicon import is_listed
from ingest.bodies import find_bodies, without_mentions
from ingest.normalize import fold

_SEGMENT = re.compile(r"[,;?!]|\s(?:va|roi|con|dong thoi|sau do|hay)\s")


@cache
def _ask_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z])(?:{alternation(function_words().ask_words)})(?![a-z])")


@cache
def _list_pattern() -> re.Pattern[str]:
    words = function_words()
    plural = alternation(words.plural_markers)
    asked = alternation(("ai", "gì", "nào"))
    verbs = alternation(words.listing_verbs | words.membership_verbs)
    return re.compile(
        rf"(?<![a-z])(?:(?:{plural})(?: [a-z]+){{0,4}} (?:{asked})|(?:{verbs}))(?![a-z])"
    )


@cache
def _yes_no_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z])(?:{alternation(function_words().yes_no_endings)})\s*$")


def _asks_in(segment: str) -> int:
    """The distinct asks of one folded segment: its question words, else one when a
    yes/no negative closes it ("..., có phải chi bộ tự xét không")."""
    found = set(_ask_pattern().findall(segment))
    return len(found) or int(bool(_yes_no_pattern().search(segment.strip())))


def asks_anything(text: str) -> bool:
    """Whether any segment of ``text`` asks (a question word or a closing negative)."""
    return any(_asks_in(s) for s in _SEGMENT.split(fold(text)))


def asks_for_list(text: str) -> bool:
    """ "Những việc nào ...?", "gồm những ai?", "liệt kê ...": the whole list is asked."""
    return bool(_list_pattern().search(fold(text)))


def listed_categories(text: str) -> frozenset[str]:
    """The nouns a list question asks the members of ("những hình thức nào" → "hinh
    thuc"), folded: the clause that lists them names the members, not the category."""
    return frozenset(m.group(1) for m in _category_pattern().finditer(fold(text)))


@cache
def _category_pattern() -> re.Pattern[str]:
    plural = alternation(function_words().plural_markers)
    return re.compile(rf"(?<![a-z])(?:{plural}) ([a-z]+(?: [a-z]+)?) (?:gi|nao)(?![a-z])")


def count_asks(text: str) -> int:
    """The number of distinct asks (at least 1 for any question)."""
    asks = 0
    for segment in _SEGMENT.split(fold(text)):
        asks += _asks_in(segment)
    return max(asks, 1)


_SEGMENT_RAW = re.compile(r"[,;?!:]|\s(?:và|va|rồi|roi|đồng thời|dong thoi|sau đó|sau do)\s", re.I)
_TRAILING = re.compile(r"(?:\s+(?:do|bởi|boi|thì|thi|là|la|có|co|được|duoc))+\s*$", re.I)


class Ask(BaseModel):
    """One ask of a message: its own words, and a question that can stand alone."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    piece: str  # as typed: "chuẩn bị thế nào"
    question: str  # with the scene: "Hội nghị X chuẩn bị thế nào"
    scene: str = ""  # the words every ask shares: "Hội nghị X"
    given: str = ""  # the words of its question that are not its own (the scene, for all
    # but the first ask, whose scene is its own piece's opening)
    contrast: bool = False  # "..., còn Thường trực thì ...": a new body in the scene's place


def _before_topic_marker(text: str) -> str:
    """The words before the last topic marker ("Khi họp thì Thường trực làm" → "Khi
    họp"): after it comes the first ask's own comment, which the other asks do not share.
    Typed without diacritics, a marker that opens a listed word ("thi hành") is none;
    typed with them it is one ("thì phải" is listed, but "... thì phải làm gì" is the
    marker). ``text`` whole when it has no marker with words before it."""
    typed = [m for m in re.finditer(r"\w+", text)]
    syllables = [fold(m.group()) for m in typed]
    markers = function_words().topic_markers
    folded_markers = {fold(m) for m in markers}
    for i in range(len(syllables) - 1, 0, -1):
        if syllables[i] not in folded_markers:
            continue
        if typed[i].group().lower() in markers or not is_listed(syllables[i : i + 2], folded=True):
            return text[: typed[i].start()].rstrip(" ,")
    return text


def circumstance(text: str) -> str:
    """The case a question sets before it asks ("Chi bộ ấp mới bầu chi ủy, kết quả thì ai
    chuẩn y?" → "Chi bộ ấp mới bầu chi ủy, kết quả"): the segments before the first that
    asks, and that segment's words before its topic marker when the ask follows the
    marker; "" when it sets none."""
    pieces = [p.strip() for p in _SEGMENT_RAW.split(text) if p and p.strip()]
    asking = next((i for i, p in enumerate(pieces) if _asks_in(fold(p))), None)
    if asking is None:
        return ""
    first = pieces[asking]
    topic = _before_topic_marker(first)
    if topic != first and not _asks_in(fold(first[len(topic) :])):
        topic = ""
    return ", ".join(p for p in [*pieces[:asking], "" if topic == first else topic] if p)


def purpose(text: str) -> str:
    """Why the asker asks, said after what is asked ("Cho em xin số hiệu quy chế để ghi
    vào tờ trình" → "để ghi vào tờ trình"): from the last purpose conjunction, typed with
    its diacritics (folded, "de" is also "đề"), to the end, when no ask follows it and
    words come before it; "" when there is none."""
    conjunctions = function_words().purpose_conjunctions
    typed = list(re.finditer(r"\w+", text))
    for i in range(len(typed) - 1, 0, -1):
        if typed[i].group().lower() in conjunctions:
            said = text[typed[i].start() :]
            return "" if _asks_in(fold(said)) else said.strip(" .?!")
    return ""


# A full stop (or ! ?) and the space after it, read backwards from the question word.
_SENTENCE_END = re.compile(r"\s[.!?]")


def split_asks(text: str) -> list[Ask]:
    """One question per ask, each with the words that set the scene: "Phiên họp X do ai
    chủ trì, biên bản lưu ở đâu?" → "Phiên họp X do ai chủ trì", "Phiên họp X biên bản
    lưu ở đâu". A message with one ask comes back whole."""
    whole = [Ask(piece=text, question=text, scene=text)]
    if count_asks(text) < 2:
        return whole
    pieces = [p.strip() for p in _SEGMENT_RAW.split(text) if p and p.strip()]
    asking = [i for i, p in enumerate(pieces) if _asks_in(fold(p))]
    if len(asking) < 2:
        return whole
    first = pieces[asking[0]]
    # the whole interrogative phrase ("cấp nào", not its "nào") ends the scene
    at = min(
        (m for p in (body_question_pattern(), _ask_pattern()) if (m := p.search(fold(first)))),
        key=lambda m: m.start(),
        default=None,
    )
    # the scene: the words before the first question word; a yes/no ask has none, its
    # words but the closing negative set the scene ("X có quyền Y không, căn cứ đâu?")
    closing = _yes_no_pattern().search(fold(first).rstrip())
    end = at.start() if at else closing.start() if closing else len(first)
    # a sentence before the ask's own sets the scene; the ask's sentence up to its
    # question word ("... xin họp. Phải có ít nhất mấy ...": "Phải có ít nhất") is its own
    sentence_end = _SENTENCE_END.search(first[:end][::-1])
    if sentence_end is not None:
        end = end - sentence_end.start()
    whole_scene = ", ".join([*pieces[: asking[0]], first[:end]])
    whole_scene = _TRAILING.sub("", whole_scene).strip(" ,")
    # an ask with its own question word is about the topic, before the first ask's
    # comment; a yes/no ask ("..., có áp dụng cho X không?") goes on with that comment
    scene = ", ".join([*pieces[: asking[0]], _before_topic_marker(first[:end])])
    scene = _TRAILING.sub("", scene).strip(" ,")
    before = ", ".join(pieces[: asking[0]])
    asks = [
        Ask(piece=first, question=", ".join(pieces[: asking[0] + 1]), scene=scene, given=before)
    ]
    for i in asking[1:]:
        shared = scene if _ask_pattern().search(fold(pieces[i])) else whole_scene
        contrast = _contrasts_a_body(pieces[i])
        if contrast:
            # "BTV họp mấy lần, còn Thường trực thì bao lâu?": Thường trực replaces BTV
            shared = without_mentions(fold(shared), find_bodies(fold(shared))).strip()
        question = f"{shared} {pieces[i]}".strip()
        asks.append(
            Ask(piece=pieces[i], question=question, scene=shared, given=shared, contrast=contrast)
        )
    return asks


def _contrasts_a_body(piece: str) -> bool:
    """Whether an ask opens with the contrastive marker and names a body of its own."""
    folded = fold(piece).split()
    markers = {fold(w) for w in function_words().contrast_markers}
    return bool(folded) and folded[0] in markers and bool(find_bodies(" ".join(folded)))
