"""The acceptance scorer of ``quyche compare``, on a made-up key."""

from __future__ import annotations

from eval.compare_check import Reported, score

KEY = {
    "draft_file": "draft.txt",
    "departures": [
        {
            "id": "d1",
            "kind": "number_changed",
            "model": {"article": 4, "clause": 2},
            "draft": {"article": 4, "clause": 2},
        },
        {
            "id": "d2",
            "kind": "merged",
            "also_accept": ["missing_in_draft"],
            "model": {"article": 7, "clause": None},
            "draft": {"article": 6, "clause": None},
        },
        {
            "id": "d3",
            "kind": "added_in_draft",
            "model": None,
            "draft": {"article": 9, "clause": None},
        },
    ],
    "incidental": [{"model": None, "draft": {"article": 0, "clause": None}}],
}


def test_found_missed_and_false_reports() -> None:
    reports = [
        Reported(kind="number_changed", model={"article": 4, "clause": 2}),  # d1
        Reported(kind="missing_in_draft", model={"article": 7, "clause": 3}),  # d2 (also)
        Reported(kind="blank_filled", draft={"article": 0}),  # incidental
        Reported(kind="reworded", model={"article": 2, "clause": 1}),  # false
    ]
    result = score(KEY, reports)
    assert result.found == ("d1", "d2")
    assert result.missed == ("d3",)
    assert [r.kind for r in result.false_reports] == ["reworded"]
    assert result.passed


def test_a_wrong_kind_at_the_right_place_is_not_found_but_not_false() -> None:
    result = score(KEY, [Reported(kind="reworded", draft={"article": 9, "clause": 1})])
    assert "d3" in result.missed
    assert result.false_reports == ()


def test_a_report_the_drafts_text_bears_out_is_not_false() -> None:
    report = Reported(kind="blank_left", draft={"article": 3, "clause": 1})
    result = score(KEY, [report], holds=lambda r: r.kind == "blank_left")
    assert result.false_reports == ()
    assert result.verified == (report,)
