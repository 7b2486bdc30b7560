"""The bulk cost model gives the scalar model's figures, row by row, for many sites at once."""

from __future__ import annotations

import math
import random

import numpy as np
import pandas as pd
import pytest

from models.cost import COMPONENTS, CostInputs, compute_cost
from models.cost_bulk import compute_costs
from models.errors import ModelInputError
from models.incentives import IncentiveRule

SCALARS = (
    "fte", "fte_per_seat", "peak_agents", "seat_fill_ratio", "agent_hours_per_year", "headcount",
    "labour_share", "per_seat_per_year", "per_fte_per_year", "per_productive_hour",
    "per_contact", "per_handled_minute", "total_cny_per_year", "net_per_seat_per_year",
    "gross_per_seat_per_year_average", "npv_per_seat", "npv_per_seat_before_incentives",
)  # fmt: skip


def close(a: float, b: float) -> bool:
    return a == b or abs(a - b) <= 1e-9 * max(abs(a), abs(b))


def assert_same(bulk_row: pd.Series, scalar, years: int) -> None:
    """A row of ``compute_costs`` against ``compute_cost(...)`` of the same inputs."""
    d = scalar.to_dict()
    for name in SCALARS:
        assert close(bulk_row[name], d[name]), (name, bulk_row[name], d[name])
    for name in COMPONENTS:
        assert close(bulk_row[f"component.{name}"], d["components"][name]), name
    assert close(bulk_row["productive_hours_per_year"], scalar.productive_hours_per_year)
    assert close(bulk_row["contacts_per_year"], scalar.contacts_per_year)
    assert close(bulk_row["npv_cny"], scalar.npv_cny)
    for k, year in enumerate(scalar.years[:years], start=1):
        assert close(bulk_row[f"year{k}.cost_cny"], year["cost_cny"])
        assert close(bulk_row[f"year{k}.incentives_cny"], year["incentives_cny"])
        assert close(bulk_row[f"year{k}.net_cny"], year["net_cny"])


def random_inputs(rng: random.Random) -> dict:
    """Inputs spread over their ranges, optional ones given about half the time."""
    x = {
        "seats": rng.choice((1, 10, 80, 500, 3000)),
        "hours_per_day": rng.choice((0.0, 1.5, 8.0, 12.0, 16.5, 24.0)),
        "days_per_year": rng.choice((250.0, 365.0)),
        "shrinkage": rng.uniform(0, 0.6),
        "agent_wage_cny_per_month": rng.uniform(2500, 15000),
        "contribution_base_floor_cny_per_month": rng.choice((0.0, 4000.0, 9000.0)),
        "rent_cny_per_m2_month": rng.uniform(10, 300),
        "management_overhead_rate": rng.uniform(0, 0.3),
        "wage_growth_per_year": rng.uniform(0, 0.1),
        "revenue_margin": rng.uniform(0, 0.4),
        "occupancy": rng.uniform(0.5, 1.0),
    }
    for name, low, high in (
        ("seat_fill_ratio", 0.2, 1.0),
        ("fte_per_seat", 0.5, 2.5),
        ("contacts_per_year", 1e4, 1e7),
        ("revenue_cny_per_year", 1e6, 5e8),
        ("investment_cny", 1e6, 1e8),
    ):
        if rng.random() < 0.5:
            x[name] = rng.uniform(low, high)
    return x


RULES = [
    [],
    [IncentiveRule("rebate", "tax_rebate", rate=0.5, duration_years=3)],
    [
        IncentiveRule("tiers", "tax_rebate", rate=0.3, tier=1, min_investment_cny=1e6),
        IncentiveRule("tiers", "tax_rebate", rate=0.5, tier=2, min_revenue_cny=3e8),
        IncentiveRule(
            "rent",
            "rent_reduction",
            amount_cny=20.0,
            amount_unit="CNY/m2/month",
            duration_years=2,
            start_year_offset=2,
        ),
    ],  # fmt: skip
    [
        IncentiveRule("seats", "seat_subsidy", amount_cny=3000.0, cap_cny=5e5),
        IncentiveRule("hires", "training_subsidy", amount_cny=800.0, duration_years=4),
    ],
]


@pytest.mark.parametrize("years", [1, 5, 10])
def test_every_row_matches_the_scalar_model(years):
    rng = random.Random(years)
    rows = [random_inputs(rng) for _ in range(200)]
    rules = [RULES[i % len(RULES)] for i in range(len(rows))]
    out = compute_costs(pd.DataFrame(rows), rules, years=years)
    assert len(out) == len(rows)
    for i, (row, own) in enumerate(zip(rows, rules, strict=True)):
        scalar = compute_cost(CostInputs(**row), own, years=years)
        assert_same(out.iloc[i], scalar, years)
    # the rules were worth something somewhere, so the incentive path was compared too
    assert (out["incentives_cny_per_seat_year"] > 0).sum() > 50


def test_missing_columns_take_the_defaults_and_the_index_is_kept():
    out = compute_costs(pd.DataFrame({"seats": [500, 120]}, index=["a", "b"]))
    assert list(out.index) == ["a", "b"]
    assert_same(out.loc["a"], compute_cost(CostInputs(seats=500)), 5)
    assert out.loc["b", "net_per_seat_per_year"] == out.loc["b", "per_seat_per_year"]


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("seats", 0, "seats must be a positive whole number"),
        ("seats", 12.5, "seats must be a positive whole number"),
        ("shrinkage", 1.0, "shrinkage must be below 1"),
        ("occupancy", 1.2, "occupancy must be at most 1"),
        ("hours_per_day", 25.0, "hours_per_day must be <= 24"),
        ("aht_seconds", 0.0, "aht_seconds must be > 0"),
        ("rent_cny_per_m2_month", -1.0, "rent_cny_per_m2_month must be a finite number >= 0"),
        ("rent_cny_per_m2_month", math.nan, "rent_cny_per_m2_month must be a finite number >= 0"),
    ],
)
def test_bad_inputs_are_refused_as_the_scalar_model_refuses_them(column, value, message):
    frame = pd.DataFrame({"seats": [500, 500], "rent_cny_per_m2_month": [40.0, 40.0]})
    if column not in frame:
        frame[column] = getattr(CostInputs(seats=1), column)
    frame[column] = frame[column].astype(float)
    frame.loc[1, column] = value
    with pytest.raises(ModelInputError, match=f"row 1: {message}"):
        compute_costs(frame)
    if not (isinstance(value, float) and math.isnan(value)):
        with pytest.raises(ModelInputError, match=message):
            kwargs = {"seats": 500, column: value}
            CostInputs(**kwargs)


def test_rules_must_match_the_rows_and_years_be_whole():
    with pytest.raises(ModelInputError, match="rules for 1 rows"):
        compute_costs(pd.DataFrame({"seats": [1, 2]}), [[]])
    with pytest.raises(ModelInputError, match="years must be a whole number"):
        compute_costs(pd.DataFrame({"seats": [1]}), years=0)
    with pytest.raises(ModelInputError, match="unknown cost inputs: rent"):
        compute_costs(pd.DataFrame({"seats": [1], "rent": [3.0]}))


def test_an_empty_table_gives_an_empty_result():
    out = compute_costs(pd.DataFrame({"seats": np.array([], dtype=int)}))
    assert out.empty and "net_per_seat_per_year" in out.columns


def test_doctests():
    import doctest

    import models.cost_bulk

    assert doctest.testmod(models.cost_bulk).failed == 0
