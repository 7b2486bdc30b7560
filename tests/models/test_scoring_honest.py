"""Scores that never reward what is unknown: robust scaling, coverage, uncertain inputs."""

from __future__ import annotations

import numpy as np
import pandas as pd

from data.inputs.score import load_criteria_table
from data.notes import Note
from models.criteria import DEFAULT_CRITERIA
from models.site_ranking import rank_sites
from models.site_score import normalise_minmax, normalise_robust


def _cities(n=300, seed=0):
    rng = np.random.default_rng(seed)
    return pd.DataFrame(
        {
            "adcode": [f"{i:06d}" for i in range(n)],
            "name": [f"C{i}" for i in range(n)],
            "working_age_population": rng.lognormal(14, 0.6, n),
            "net_cost_per_seat_cny_per_year": np.full(n, 200_000.0),
        }
    )


def test_a_tiny_cost_gap_is_not_stretched_into_the_whole_cost_weight():
    t = _cities()
    t.loc[0, "net_cost_per_seat_cny_per_year"] = 194_000.0  # 3 % cheaper, all others equal
    r = rank_sites(t, weights={"labour": 0.5, "cost": 0.5}, draws=0)
    cheap = next(x for x in r.records if x["name"] == "C0")
    assert cheap["contributions"]["net_cost_per_seat_cny_per_year"] < 0.5 * 0.7
    # under min-max the same 3 % took the whole weight (the Beijing-cheapest defect)
    x = t[["net_cost_per_seat_cny_per_year"]].to_numpy()
    assert normalise_minmax(x, [False])[0, 0] == 1.0
    assert normalise_robust(x, [False])[0, 0] < 0.7


def test_filled_in_cells_do_not_set_the_scale():
    x = np.array([[100.0], [110.0], [120.0], [1000.0], [1000.0], [1000.0]])
    observed = np.array([[True], [True], [True], [False], [False], [False]])
    z_obs = normalise_robust(x, [False], observed)
    z_all = normalise_robust(x, [False])
    # the observed spread 100-120 separates the sites; the filled values would have set the
    # median and spread and squeezed the real differences together
    assert z_obs[0, 0] - z_obs[2, 0] > 5 * (z_all[0, 0] - z_all[2, 0]) > 0


def test_cluster_criteria_on_a_handful_of_seed_centers_are_switched_off():
    t = _cities()
    t["center_count"] = 0.0
    t.loc[:5, "center_count"] = [5, 1, 1, 1, 1, 1]
    r = rank_sites(t, weights={"labour": 0.5, "cluster": 0.5}, draws=0)
    assert "center_count" in r.dropped
    assert Note("off_positive", crit="center_count", n=6, need=30) in r.notes
    t.loc[:40, "center_count"] = 1.0  # 41 cities with a known center: it counts again
    r = rank_sites(t, weights={"labour": 0.5, "cluster": 0.5}, draws=0)
    assert "center_count" in r.weights


def test_a_site_priced_on_estimates_has_a_wider_rank_band_than_one_on_sourced_figures():
    t = _cities(n=100)
    t["net_cost_per_seat_cny_per_year"] = np.linspace(150_000, 250_000, 100)
    t["working_age_population"] = 1e6
    t["net_cost_per_seat_cny_per_year_log_sd"] = 0.0
    # two sites with the same cost in the middle: one sourced, one estimated (±15 %)
    t.loc[[49, 50], "net_cost_per_seat_cny_per_year"] = 200_000.0
    t.loc[50, "net_cost_per_seat_cny_per_year_log_sd"] = 0.15
    r = rank_sites(t, weights={"labour": 0.3, "cost": 0.7}, draws=400)
    by = {x["name"]: x for x in r.records}
    sourced, estimated = by["C49"], by["C50"]
    assert sourced["rank"] == estimated["rank"]
    width = lambda x: x["rank_p95"] - x["rank_p05"]  # noqa: E731
    assert width(estimated) > 3 * max(width(sourced), 1)
    assert estimated["uncertain"] == {"net_cost_per_seat_cny_per_year": 0.15}
    assert sourced["uncertain"] == {}


def test_transport_is_rail_density_not_the_station_count_of_a_huge_prefecture(built_db_path):
    assert "railway_stations" not in {c.name for c in DEFAULT_CRITERIA}
    t = load_criteria_table(built_db_path).set_index("name")
    rail = t["railway_stations_per_1000_km2"]
    assert t.loc["呼伦贝尔市", "railway_stations"] > t.loc["贵阳市", "railway_stations"]
    assert rail["呼伦贝尔市"] < rail["贵阳市"] and rail["呼伦贝尔市"] < rail["兰州市"]
    r = rank_sites(t.reset_index(), weights={"transport": 1}, draws=0)
    rank = {x["name"]: x["rank"] for x in r.records}
    assert rank["呼伦贝尔市"] > rank["贵阳市"] and rank["呼伦贝尔市"] > rank["兰州市"]


def test_topsis_stress_also_draws_uncertain_inputs():
    from models.stress import stress_ranks

    x = np.column_stack([np.linspace(1, 10, 10), np.full(10, 5.0)])
    sd = np.zeros_like(x)
    sd[4, 0] = 0.4
    s = stress_ranks(x, [True, True], np.array([0.8, 0.2]), "topsis", draws=300, input_log_sd=sd)
    width = s.rank_p95 - s.rank_p05
    assert width[4] > width[[0, 9]].max()
    assert width[4] >= 3
