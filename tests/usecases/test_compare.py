"""usecases.compare: 2-5 sites priced, ranked, on the matrix, the gap closed."""

from __future__ import annotations

import dataclasses

import pytest

from models.errors import ModelInputError
from usecases.compare import CompareSettings, compare_sites, gap_pair


def test_compare_sites_prices_ranks_and_closes_the_gap(store):
    settings = CompareSettings(("110000", "320100", "321000"), preset="talent_first")
    data = compare_sites(store, settings)
    assert dataclasses.is_dataclass(data) and set(data.costs) == {"110000", "320100", "321000"}
    last, leader = data.comparison.records[-1], data.comparison.records[0]
    assert (data.gap.site, data.gap.rival) == (last["id"], leader["id"])
    assert {p.id for p in data.matrix.points} == set(data.costs)
    figures = data.costs["320100"].figures()
    assert figures["gross_cny_per_seat_year"] >= figures["net_cny_per_seat_year"] > 0
    # Nanjing's city rule is on its card's frame; no park rule of another city is
    assert set(data.incentives["id"]) == {"i2"}
    with pytest.raises(ModelInputError, match="not one of the compared sites"):
        gap_pair(data.comparison.records, "999999", None)
    with pytest.raises(ModelInputError, match="not one of"):
        CompareSettings(("110000", "320100"), service_level="99/1").target  # noqa: B018
