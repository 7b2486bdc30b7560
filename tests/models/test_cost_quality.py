"""The cost-quality matrix: indices with the selection mean at 100, quadrants, the quality score."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from models.cost_quality import CostQualitySite, compute_cost_quality, quality_score
from models.criteria import DEFAULT_CRITERIA
from models.errors import ModelInputError
from models.site_ranking import compare_sites

GROUPS = {c.name: c.group for c in DEFAULT_CRITERIA}


def test_indices_average_100_and_quadrants_follow():
    sites = [
        CostQualitySite(
            "a", "A", 80_000, {"working_age_population": 0.5, "net_cost_per_seat_cny_per_year": 0.4}
        ),
        CostQualitySite(
            "b",
            "B",
            100_000,
            {"working_age_population": 0.1, "net_cost_per_seat_cny_per_year": 0.2},
        ),
        CostQualitySite(
            "c",
            "C",
            120_000,
            {"working_age_population": 0.3, "net_cost_per_seat_cny_per_year": 0.0},
        ),
    ]
    m = compute_cost_quality(
        sites, {"working_age_population": 0.6, "net_cost_per_seat_cny_per_year": 0.4}, GROUPS
    )
    assert np.mean([p.cost_index for p in m.points]) == pytest.approx(100)
    assert np.mean([p.quality_index for p in m.points]) == pytest.approx(100)
    assert [round(p.cost_index) for p in m.points] == [80, 100, 120]
    assert [p.quadrant for p in m.points] == [
        "low_cost_high_quality",
        "low_cost_low_quality",
        "high_cost_high_quality",
    ]
    assert m.excluded_criteria == ("net_cost_per_seat_cny_per_year",)


def test_quality_is_the_wsm_score_without_the_cost_weight():
    table = pd.DataFrame(
        {
            "adcode": ["1", "2", "3", "4"],
            "name": ["A", "B", "C", "D"],
            "working_age_population": [1e6, 3e6, 2e6, 4e6],
            "railway_stations": [5.0, 1.0, 2.0, 3.0],
            "net_cost_per_seat_cny_per_year": [90e3, 100e3, 110e3, 95e3],
        }
    )
    weights = {"labour": 0.5, "transport": 0.2, "cost": 0.3}
    c = compare_sites(table, ["A", "B", "C"], weights=weights, draws=0)
    sites = [
        CostQualitySite(r["id"], r["name"], 1.0 + i, r["contributions"])
        for i, r in enumerate(c.records)
    ]
    m = compute_cost_quality(sites, c.weights, GROUPS)
    # the same comparison with no cost weight (labour and transport scaled up) scores the same
    no_cost = compare_sites(
        table, ["A", "B", "C"], weights={"labour": 0.5, "transport": 0.2}, draws=0
    )
    expected = {r["id"]: r["score"] for r in no_cost.records}
    for p in m.points:
        assert p.quality_score == pytest.approx(expected[p.id], abs=1e-5)


def test_equal_values_index_100_and_bad_inputs_are_refused():
    sites = [CostQualitySite(x, x, 1000.0, {"working_age_population": 0.2}) for x in "AB"]
    m = compute_cost_quality(sites, {"working_age_population": 1.0}, GROUPS)
    assert {p.cost_index for p in m.points} == {100.0} and m.notes
    with pytest.raises(ModelInputError, match="at least 2"):
        compute_cost_quality(sites[:1], {"working_age_population": 1.0}, GROUPS)
    with pytest.raises(ModelInputError, match="no weight left"):
        quality_score(
            {"net_cost_per_seat_cny_per_year": 0.3},
            {"net_cost_per_seat_cny_per_year": 1.0},
            ["net_cost_per_seat_cny_per_year"],
        )
