"""The second made-up district draft (district_draft.py) and a made-up draft of the 261
model with departures inside sentences, its header filled (provincial_gaps.py): every
departure found at its place with an honest kind, nothing reported anywhere else."""

from __future__ import annotations

import pytest

from assistant.drafting import compare
from assistant.drafting.models import Comparison
from ingest.parse import parse_file, parse_text
from tests.assistant.drafting import district_draft as dd
from tests.assistant.drafting import provincial_gaps as pg
from tests.assistant.drafting.departures import DISTRICT, PROVINCIAL, Departure
from tests.assistant.drafting.test_departures import _at, _false
from tests.conftest import CORPUS


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    model = parse_file(CORPUS / DISTRICT)
    return compare(model, parse_text(dd.district_draft_two(), "du-thao-huyen-2.txt"))


@pytest.mark.parametrize("departure", dd.DISTRICT_TWO_DEPARTURES, ids=lambda x: x.name)
def test_each_departure_is_found(comparison: Comparison, departure: Departure) -> None:
    assert any(_at(d, departure) for d in comparison.differences)


def test_no_false_reports(comparison: Comparison) -> None:
    assert _false(comparison, dd.DISTRICT_TWO_DEPARTURES) == []


def test_moved_powers_name_their_bodies(comparison: Comparison) -> None:
    moved = {
        (d.model.article, d.old, d.new)
        for d in comparison.differences
        if d.kind == "power_moved" and d.model
    }
    assert {(14, "Ban Thường vụ", "Thường trực"), (24, "Ban Thường vụ", "Thường trực")} <= moved
    assert (15, "Ban Thường vụ", "Bí thư") in moved


@pytest.fixture(scope="module")
def provincial() -> Comparison:
    model = parse_file(CORPUS / PROVINCIAL)
    return compare(model, parse_text(pg.provincial_gaps_draft(), "du-thao-tinh-2.txt"))


@pytest.mark.parametrize("departure", pg.PROVINCIAL_GAPS, ids=lambda x: x.name)
def test_each_provincial_departure_is_found(provincial: Comparison, departure: Departure) -> None:
    assert any(_at(d, departure) for d in provincial.differences)


def test_no_false_reports_on_the_provincial_draft(provincial: Comparison) -> None:
    assert _false(provincial, pg.PROVINCIAL_GAPS) == []


def test_a_filled_header_is_no_departure(provincial: Comparison) -> None:
    """Every draft fills its own issuing body, number and name: saying so is noise."""
    assert not [d for d in provincial.differences if d.model is None and d.draft is None]
