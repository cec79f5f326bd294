"""Line patterns for the structure of Vietnamese regulations, and the roman numerals
they use. Kept apart from the parser so the patterns can be read (and tested) alone."""

from __future__ import annotations

import re

_SEP = r"[.:\-–—]"

# "Điều 1.", "Điều 1:", "Điều 1 -", "ĐIỀU 1", "Điều 1 Title" — heading at line start.
ARTICLE = re.compile(
    rf"^[ \t]*(?:Điều|ĐIỀU)[ \t]+(?P<num>\d{{1,3}})[ \t]*(?P<sep>{_SEP})?[ \t]*(?P<rest>.*?)[ \t]*$"
)
CHAPTER = re.compile(
    rf"^[ \t]*(?P<kind>Chương|CHƯƠNG)[ \t]+(?P<num>[IVXLC]+|\d{{1,2}})(?=[ \t]|{_SEP}|$)[ \t]*{_SEP}?[ \t]*(?P<rest>.*?)[ \t]*$"
)
SECTION = re.compile(
    rf"^[ \t]*(?P<kind>Mục|MỤC)[ \t]+(?P<num>[IVXLC]+|\d{{1,2}})(?=[ \t]|{_SEP}|$)[ \t]*{_SEP}?[ \t]*(?P<rest>.*?)[ \t]*$"
)
PART = re.compile(
    rf"^[ \t]*(?P<kind>Phần|PHẦN)[ \t]+(?P<num>[IVXLC]+|\d{{1,2}}|THỨ[ \t]+\S+|thứ[ \t]+\S+)(?=[ \t]|{_SEP}|$)[ \t]*{_SEP}?[ \t]*(?P<rest>.*?)[ \t]*$"
)
# The line before a .docx's footnotes (ingest.docx_text): they are no article's text.
FOOTNOTES_MARKER = "Chú thích cuối trang:"
# "Nơi nhận:", "T/M BAN THƯỜNG VỤ", "TM. BAN CHẤP HÀNH": the signature block ends a body,
# and so do the footnotes.
END_OF_BODY = re.compile(
    rf"^[ \t]*(?:Nơi[ \t]+nhận\b|T/M\b|TM\.|T\.M\.|TM[ \t]+BAN\b|KT\.[ \t]|{FOOTNOTES_MARKER}[ \t]*$)"
)

# Clause markers: "1.", "1/-", "1/", "1.-", "1-", "1)", "1 –".
CLAUSE = re.compile(r"^[ \t]*(?P<num>\d{1,2})[ \t]*(?:/-|/|\.-|\.(?!\d)|\)|-(?!\d)|–)[ \t]*")
# Sub-clauses: "1.1-", "1.1.", "1.1)", "1.1 ".
SUBCLAUSE = re.compile(
    r"^[ \t]*(?P<num>\d{1,2})\.(?P<sub>\d{1,2})[ \t]*(?:/-|\.-|\.(?!\d)|\)|-)?[ \t]+"
)
# Points: "a)", "a-", "a.", "đ)".
LETTER_POINT = re.compile(r"^[ \t]*(?P<letter>[a-zđ])[ \t]*(?:\)|-(?=[ \t])|\.(?=[ \t]))[ \t]*")
PAREN_POINT = re.compile(r"^[ \t]*\((?P<num>\d{1,2})\)[ \t]*")
BULLET = re.compile(r"^[ \t]*[-–—•+][ \t]+(?=\S)")

VIETNAMESE_LETTERS = "abcdđeghiklmnopqrstuvxy"
LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def letter_follows(previous: str | None, letter: str, *, gaps: bool = False) -> bool:
    """True when ``letter`` may be the next point after ``previous`` (a, b, c, d, đ, e...).
    With ``gaps`` (a consolidated article, whose repealed points are gone) any later
    letter may follow, and the first point need not be "a"."""
    if previous is None:
        return gaps or letter == "a"
    for alphabet in (VIETNAMESE_LETTERS, LATIN_LETTERS):
        if previous in alphabet and letter in alphabet:
            gap = alphabet.index(letter) - alphabet.index(previous)
            if 1 <= gap <= (len(alphabet) if gaps else 2):
                return True
    return False
