"""Drafts of the bundled models with deliberate departures (tests/.../departures.py):
each found with an honest kind at its place, and few reports anywhere else."""

from __future__ import annotations

import pytest

from assistant.drafting import compare
from assistant.drafting.models import Comparison, Difference, Place
from ingest.parse import parse_file, parse_text
from tests.assistant.drafting import departures as dp
from tests.conftest import CORPUS


def _where(place: Place | None) -> dp.Where:
    return (place.article, place.clause) if place is not None else None


def _at(d: Difference, departure: dp.Departure) -> bool:
    if d.kind not in departure.kinds:
        return False
    if departure.model is None and departure.draft is None:  # the header: no place
        return d.model is None and d.draft is None
    sides = [(departure.model, _where(d.model)), (departure.draft, _where(d.draft))]
    return all(want is None or want == got for want, got in sides)


def _false(c: Comparison, departures: tuple[dp.Departure, ...]) -> list[Difference]:
    """Reports at no departure's place; a model blank left blank is the draft's own text."""
    return [
        d
        for d in c.differences
        if d.kind != "blank_left" and not any(_at(d, x) for x in departures)
    ]


@pytest.fixture(scope="module")
def district() -> Comparison:
    model = parse_text(dp.district_model(), "quy-che-mau-huyen.txt")
    return compare(model, parse_text(dp.district_draft(), "du-thao-huyen.txt"))


@pytest.fixture(scope="module")
def provincial() -> Comparison:
    model = parse_file(CORPUS / dp.PROVINCIAL)
    return compare(model, parse_text(dp.provincial_draft(), "du-thao-tinh.txt"))


@pytest.mark.parametrize("departure", dp.DISTRICT_DEPARTURES, ids=lambda x: x.name)
def test_each_district_departure_is_found(district: Comparison, departure: dp.Departure) -> None:
    assert any(_at(d, departure) for d in district.differences)


@pytest.mark.parametrize("departure", dp.PROVINCIAL_DEPARTURES, ids=lambda x: x.name)
def test_each_provincial_departure_is_found(
    provincial: Comparison, departure: dp.Departure
) -> None:
    assert any(_at(d, departure) for d in provincial.differences)


def test_no_false_reports_on_the_district_draft(district: Comparison) -> None:
    assert _false(district, dp.DISTRICT_DEPARTURES) == []


def test_no_false_reports_on_the_provincial_draft(provincial: Comparison) -> None:
    assert _false(provincial, dp.PROVINCIAL_DEPARTURES) == []


def test_a_merge_and_a_split_are_no_article_missing_or_added(
    district: Comparison, provincial: Comparison
) -> None:
    for c in (district, provincial):
        lone = [
            d
            for d in c.differences
            if d.kind in {"missing_in_draft", "added_in_draft"}
            and (d.model is None or d.model.clause is None)
            and (d.draft is None or d.draft.clause is None)
        ]
        assert [(_where(d.model), _where(d.draft)) for d in lone] == (
            [((16, None), None)] if c is district else []
        )


def test_a_point_of_power_is_cited_at_its_point(district: Comparison) -> None:
    added = next(
        d
        for d in district.differences
        if d.kind == "added_in_draft" and d.draft == Place(article=15, clause=1)
    )
    assert added.draft_cite_as.startswith("gạch đầu dòng thứ 3 khoản 1 Điều 15 ")
    assert "Thường trực (quyết định) “quyết định khen thưởng" in added.detail


def test_a_clause_of_power_added_names_the_power(district: Comparison) -> None:
    added = next(
        d
        for d in district.differences
        if d.kind == "added_in_draft" and d.draft == Place(article=6, clause=7)
    )
    assert added.detail.startswith("Dự thảo thêm khoản này, giao quyền: Bí thư (quyết định)")
