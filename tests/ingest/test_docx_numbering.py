"""Word's automatic numbering rendered as Word shows it: formats, counters, restarts."""

from __future__ import annotations

import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.oxml.xmlchemy import BaseOxmlElement

from ingest.docx_numbering import (
    LEVELS,
    Counters,
    Level,
    Numberer,
    advance,
    format_number,
    read_numbering,
    render,
)

W = nsdecls("w")
ARTICLE_LEVELS = (
    Level(text="Điều %1."),
    Level(text="%2."),
    Level(fmt="lowerLetter", text="%3)"),
    *([Level()] * (LEVELS - 3)),
)


def _labels(sequence: list[int], levels: tuple[Level, ...]) -> list[str]:
    counters: Counters = (None,) * LEVELS
    labels = []
    for level in sequence:
        counters = advance(counters, level, levels)
        labels.append(render(counters, level, levels))
    return labels


class TestFormatNumber:
    @pytest.mark.parametrize(
        ("value", "fmt", "expected"),
        [
            (1, "decimal", "1"),
            (4, "lowerLetter", "d"),
            (27, "lowerLetter", "aa"),
            (3, "upperLetter", "C"),
            (4, "lowerRoman", "iv"),
            (14, "upperRoman", "XIV"),
            (5, "decimalZero", "05"),
            (2, "none", ""),
            (7, "japaneseCounting", "7"),
        ],
    )
    def test_formats(self, value: int, fmt: str, expected: str) -> None:
        assert format_number(value, fmt) == expected


class TestCounters:
    def test_articles_clauses_points_restart_under_their_parent(self) -> None:
        assert _labels([0, 1, 1, 2, 2, 1, 0, 1, 2], ARTICLE_LEVELS) == [
            "Điều 1.",
            "1.",
            "2.",
            "a)",
            "b)",
            "3.",
            "Điều 2.",
            "1.",
            "a)",
        ]

    def test_compound_label_and_start(self) -> None:
        levels = (Level(start=3), Level(text="%1.%2."), *([Level()] * (LEVELS - 2)))
        assert _labels([0, 1, 1], levels)[1:] == ["3.1.", "3.2."]

    def test_lvl_restart_zero_never_restarts(self) -> None:
        levels = (Level(text="Điều %1."), Level(text="%2.", restart=0), *ARTICLE_LEVELS[2:])
        assert _labels([0, 1, 1, 0, 1], levels) == ["Điều 1.", "1.", "2.", "Điều 2.", "3."]

    def test_lvl_restart_one_restarts_only_after_the_top_level(self) -> None:
        points = Level(fmt="lowerLetter", text="%3)", restart=1)
        levels = (*ARTICLE_LEVELS[:2], points, *ARTICLE_LEVELS[3:])
        labels = _labels([0, 1, 2, 2, 1, 2, 0, 1, 2], levels)
        assert [labels[i] for i in (2, 3, 5, 8)] == ["a)", "b)", "c)", "a)"]

    def test_legal_numbering_shows_higher_levels_as_decimal(self) -> None:
        levels = (
            Level(fmt="upperRoman", text="%1."),
            Level(text="%1.%2", legal=True),
            *([Level()] * (LEVELS - 2)),
        )
        assert _labels([0, 0, 1], levels) == ["I.", "II.", "2.1"]

    @pytest.mark.parametrize(("glyph", "shown"), [("\uf0b7", "•"), ("-", "-"), ("o", "o")])
    def test_bullets(self, glyph: str, shown: str) -> None:
        levels = (Level(fmt="bullet", text=glyph), *([Level()] * (LEVELS - 1)))
        assert _labels([0, 0], levels) == [shown, shown]


def _lvl(ilvl: int, fmt: str, text: str, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{extra}'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
    )


NUMBERING = parse_xml(
    f"<w:numbering {W}>"
    '<w:abstractNum w:abstractNumId="0">'
    + _lvl(0, "decimal", "Điều %1.", '<w:pStyle w:val="Dieu"/><w:suff w:val="space"/>')
    + _lvl(1, "decimal", "%2.")
    + _lvl(2, "lowerLetter", "%3)")
    + "</w:abstractNum>"
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="0"/>'
    '<w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    '<w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1">'
    + _lvl(1, "decimal", "Khoản %2:")
    + "</w:lvlOverride></w:num>"
    '<w:num w:numId="5"><w:abstractNumId w:val="77"/></w:num>'
    # the same definition copied twice: what a .doc through LibreOffice comes out as
    '<w:abstractNum w:abstractNumId="1">'
    + _lvl(0, "decimal", "Điều %1.")
    + _lvl(1, "decimal", "%2.")
    + _lvl(2, "lowerLetter", "%3)")
    + "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="2">'
    + _lvl(0, "decimal", "Điều %1.")
    + _lvl(1, "decimal", "%2.")
    + _lvl(2, "lowerLetter", "%3)")
    + "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="3">'
    + _lvl(0, "decimal", "Điều %1.")
    + _lvl(1, "decimal", "%2.")
    + _lvl(2, "lowerLetter", "%3.")
    + "</w:abstractNum>"
    '<w:num w:numId="6"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="7"><w:abstractNumId w:val="2"/></w:num>'
    '<w:num w:numId="8"><w:abstractNumId w:val="3"/></w:num>'
    "</w:numbering>"
)
STYLES = parse_xml(
    f"<w:styles {W}>"
    '<w:style w:type="paragraph" w:styleId="Dieu"><w:pPr><w:numPr><w:numId w:val="1"/>'
    "</w:numPr></w:pPr></w:style>"
    '<w:style w:type="paragraph" w:styleId="DieuDam"><w:basedOn w:val="Dieu"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Khoan"><w:pPr><w:numPr><w:ilvl w:val="1"/>'
    '<w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    "</w:styles>"
)


def _p(num_id: str | None = None, ilvl: int | None = None, style: str = "") -> BaseOxmlElement:
    style_xml = f'<w:pStyle w:val="{style}"/>' if style else ""
    level = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
    num = f'<w:numPr>{level}<w:numId w:val="{num_id}"/></w:numPr>' if num_id else ""
    return parse_xml(f"<w:p {W}><w:pPr>{style_xml}{num}</w:pPr></w:p>")


class TestNumberer:
    def _numberer(self) -> Numberer:
        return Numberer(read_numbering(NUMBERING, STYLES))

    def test_lists_sharing_a_definition_continue_each_other(self) -> None:
        numberer = self._numberer()
        labels = [numberer.label(_p("1", 0)), numberer.label(_p("2", 0))]
        assert labels == ["Điều 1. ", "Điều 2. "]

    def test_start_override_is_a_fresh_instance(self) -> None:
        numberer = self._numberer()
        paragraphs = [_p("1", 0), _p("1", 1), _p("1", 1), _p("3", 1), _p("3", 1)]
        labels = [numberer.label(p) for p in paragraphs]
        assert labels == ["Điều 1. ", "1. ", "2. ", "1. ", "2. "]

    @pytest.mark.parametrize(
        ("paragraphs", "expected"),
        [
            # a list defined alike opening right after another: one list to a reader
            ([_p("1", 0), _p("1", 1), _p("6", 2), _p("7", 2), _p("7", 2)], ["a) ", "b) ", "c) "]),
            # a paragraph between them: the second list starts afresh, as Word shows it
            ([_p("1", 0), _p("1", 1), _p("6", 2), _p(), _p("7", 2)], ["a) ", "", "a) "]),
            # written differently ("a." not "a)"): another list
            ([_p("1", 0), _p("1", 1), _p("6", 2), _p("8", 2)], ["a) ", "a. "]),
            # a list that asks for a restart restarts
            ([_p("1", 0), _p("1", 1), _p("6", 1), _p("3", 1)], ["2. ", "1. "]),
        ],
        ids=["adjacent", "apart", "written-differently", "start-override"],
    )  # fmt: skip
    def test_a_list_split_in_two_counts_on(
        self, paragraphs: list[BaseOxmlElement], expected: list[str]
    ) -> None:
        numberer = self._numberer()
        labels = [numberer.label(p) for p in paragraphs]
        assert labels[2:] == expected

    def test_a_level_override_replaces_the_level(self) -> None:
        assert self._numberer().label(_p("4", 1)) == "Khoản 1: "

    def test_numbering_through_a_style_and_its_base(self) -> None:
        numberer = self._numberer()
        paragraphs = [_p(style="Dieu"), _p(style="Khoan"), _p(style="DieuDam"), _p(style="Khoan")]
        labels = [numberer.label(p) for p in paragraphs]
        assert labels == ["Điều 1. ", "1. ", "Điều 2. ", "1. "]

    @pytest.mark.parametrize(
        "paragraph",
        [_p(), _p("0", 0, style="Dieu"), _p("5", 0), _p("99", 0)],
        ids=["plain", "numbering-removed", "missing-abstract", "missing-num"],
    )
    def test_no_label(self, paragraph: BaseOxmlElement) -> None:
        assert self._numberer().label(paragraph) == ""

    def test_no_numbering_part(self) -> None:
        assert Numberer(read_numbering(None, None)).label(_p("1", 0)) == ""
