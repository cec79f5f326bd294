"""Whether a follow-up asks something of its own, and the words that point back at the
previous answer: "còn tổ phó thì giữ sổ ra sao?" asks its own question in the same
context; "còn tổ phó thì sao?" and "điều đó ở khoản mấy?" ask the previous one again."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from assistant.document_names import without_names
from assistant.ellipsis import demonstrative_phrases
from assistant.follow_up_merge import follow_up_rest
from assistant.function_words import function_words
from assistant.terms import content_syllables
from index.models import HasMeta
from index.tokens import expand_abbreviations
from ingest.bodies import find_bodies, without_mentions
from ingest.normalize import fold

# Words that point back at the previous answer's place ("khoản đó", "nó"), folded.
# (typed bare, "do ai" after the noun is the agent's preposition: "văn bản do ai ký")
ANAPHORA = re.compile(
    r"\b(khoan do|dieu do|dieu nay|khoan nay|diem do|quy dinh do|van ban do|no)\b"
    r"(?<!do(?=\s+ai\b))"
)


# "còn X thì <comment>?": what follows the last "thì" says what is asked of X
_COMMENT = re.compile(r"^.*(?<![a-z])thi\s+(?P<comment>.+)$")


@functools.cache
def grammar_syllables() -> frozenset[str]:
    words = function_words()
    classes = (
        words.particles,
        words.interrogatives,
        words.ask_words,
        words.question_frame,
        words.aspect_markers,
        words.personal_pronouns,
        words.yes_no_endings,
        words.performatives,
    )
    return frozenset(s for c in classes for w in c for s in fold(w).split())


# The parts of a text a place is given in (folded): what PLACE_ASK asks after.
PLACE_NOUNS = frozenset({"dieu", "khoan", "diem"})
# Asking where something is laid down ("khoản mấy", "quy định ở đâu"), on folded text.
_PLACE = "|".join(sorted(PLACE_NOUNS))
PLACE_ASK = re.compile(
    rf"\b((?:{_PLACE})(?: (?:{_PLACE}))* (?:nao|may)|quy dinh o dau|quy dinh tai dau|"
    r"van ban nao quy dinh|o dau quy dinh|noi gi|quy dinh gi)\b"
)


def asks_only_where(question: str) -> bool:
    """Whether a question asks only for a place in the text ("điều mấy khoản mấy vậy
    bạn?"): nothing it asks about, so it asks where the previous answer is."""
    folded = fold(expand_abbreviations(question))
    if not PLACE_ASK.search(folded):
        return False
    rest = PLACE_ASK.sub(" ", folded)
    grammar = grammar_syllables()
    return all(w in grammar or w in PLACE_NOUNS for w in content_syllables(rest))


def asks_on_its_own(question: str, documents: Sequence[HasMeta]) -> bool:
    """Whether a follow-up asks something of its own: a question word besides its frame
    ("còn ... thì sao?") and content words besides the bodies and places it names, or a
    comment after "thì" with a word of its own ("còn tổ phó thì giữ sổ ra sao?"). Asking
    where "that" is laid down ("cái đó ở khoản mấy?") asks nothing of its own."""
    if asks_only_where(question):
        return False
    rest = fold(expand_abbreviations(follow_up_rest(question)))
    if ANAPHORA.search(rest) and PLACE_ASK.search(rest):
        rest = PLACE_ASK.sub(" ", ANAPHORA.sub(" ", rest)).replace("quy dinh", " ")
    rest = without_names(without_mentions(rest, find_bodies(rest)), documents)
    for phrase in demonstrative_phrases(question):
        # "mức đó là bao nhiêu?": what is pointed back at is the previous question's
        rest = re.sub(rf"(?<![a-z]){re.escape(phrase)}(?![a-z])", " ", rest)
    asks = {fold(w) for w in function_words().interrogatives}
    if any(w.strip("?.,!") in asks for w in rest.split()):
        return len(content_syllables(rest)) >= MIN_OWN_CONTENT_WORDS
    conditional = bool(_CONDITIONAL.match(fold(question)))
    comment = _COMMENT.match(fold(question).strip(" ?.!"))
    if comment and not conditional:
        said = comment["comment"].split()
        grammar = grammar_syllables()
        # "... thì công khai hay phiếu kín?": a choice between two things is asked too
        chooses = bool(_CHOICE.search(" ".join(said)))
        if (chooses or any(w in asks for w in said)) and any(
            w not in grammar for w in content_syllables(" ".join(said))
        ):
            return True
    if not conditional:
        return False
    # "Nếu Bí thư đi công tác vắng thì sao?": a new condition with its own verb phrase;
    # "Nếu là 750 triệu thì sao?" only changes the number asked before
    tokens = rest.split()
    kept = [
        t
        for i, t in enumerate(tokens)
        if not t.isdigit() and not (i and tokens[i - 1].isdigit())  # a number and its unit
    ]
    return len(content_syllables(" ".join(kept))) >= MIN_CONDITION_WORDS


# "A hay B" with something after "hay" other than a yes/no ending ("... hay không?")
_CHOICE = re.compile(r"\S\s+hay\s+(?!(?:khong|chua|ko)\b)[a-z]")
_CONDITIONAL = re.compile(r"\s*(?:(?:va|the|con|vay)\s+)*(?:neu|truong hop|gia su)(?![a-z])")
MIN_CONDITION_WORDS = 2
# A follow-up with a content word of its own (besides bodies, places and question frames)
# asks a question of its own ("khiếu nại trong bao lâu"), not "the same of another body".
MIN_OWN_CONTENT_WORDS = 1


__all__ = ["ANAPHORA", "PLACE_ASK", "asks_on_its_own", "asks_only_where", "grammar_syllables"]
