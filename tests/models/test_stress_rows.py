"""Scores of chosen rows under the weight draws are their scores among all sites."""

from __future__ import annotations

import numpy as np
import pytest

from models.stress import draw_weights, scores_for_draws, selection_stress, stress_ranks


@pytest.mark.parametrize("method", ["wsm", "topsis"])
@pytest.mark.parametrize("noisy", [False, True])
def test_scoring_some_rows_gives_their_scores_among_all(method, noisy):
    rng = np.random.default_rng(5)
    x = rng.uniform(1, 100, size=(400, 4))
    observed = rng.random((400, 4)) > 0.1
    sd = np.where(rng.random((400, 4)) > 0.7, 0.2, 0.0) if noisy else None
    wd = draw_weights(np.array([0.4, 0.3, 0.2, 0.1]), 300, seed=1)
    rows = [399, 3, 150, 3]
    every = scores_for_draws(x, [True, False, True, True], wd, method, observed=observed,
                             input_log_sd=sd)  # fmt: skip
    some = scores_for_draws(x, [True, False, True, True], wd, method, observed=observed,
                            input_log_sd=sd, rows=rows)  # fmt: skip
    assert some.shape == (4, 300)
    np.testing.assert_allclose(some, every[rows], rtol=1e-12, atol=1e-15)
    among = stress_ranks(x, [True, False, True, True], np.array([0.4, 0.3, 0.2, 0.1]), method,
                         draws=300, among=[399, 3, 150], input_log_sd=sd, observed=observed)  # fmt: skip
    assert among.rank_p05.shape == (3,) and set(among.rank_p95) <= {1.0, 2.0, 3.0}


@pytest.mark.parametrize("method", ["wsm", "topsis"])
@pytest.mark.parametrize("noisy", [False, True])
def test_the_stress_of_chosen_sites_is_their_share_of_the_whole_stress_test(method, noisy):
    """``selection_stress`` (scored once, chosen rows counted not sorted) gives the chosen
    sites the entries of the whole ``stress_ranks`` and of ``stress_ranks(among=...)``; ties
    (here: duplicated sites) share the smaller rank as in ``rank_scores``."""
    rng = np.random.default_rng(11)
    x = rng.uniform(1, 100, size=(300, 3))
    x[10] = x[20]  # a tie in every draw
    sd = np.where(rng.random((300, 3)) > 0.8, 0.3, 0.0) if noisy else None
    benefit, w = [True, False, True], np.array([0.5, 0.3, 0.2])
    rows = [20, 10, 299, 0]
    opts = {"draws": 250, "kind": "dirichlet", "seed": 3, "input_log_sd": sd}
    overall, among = selection_stress(x, benefit, w, method, rows=rows, top_k=25, **opts)
    whole = stress_ranks(x, benefit, w, method, top_k=25, **opts)
    alone = stress_ranks(x, benefit, w, method, top_k=1, among=rows, **opts)
    for field in ("rank_p05", "rank_p95", "rank_median", "p_top_k"):
        np.testing.assert_array_equal(getattr(overall, field), getattr(whole, field)[rows])
        np.testing.assert_array_equal(getattr(among, field), getattr(alone, field))
    if not noisy:  # the tie (input draws part the twins)
        assert overall.rank_median[0] == overall.rank_median[1]
    assert (overall.top_k, among.top_k) == (25, 1)


def test_compare_sites_gives_the_chosen_their_ranking_records():
    """A comparison's rank interval, median and top-k share of each chosen site are those the
    full ranking gives it (the comparison stress-tests the chosen sites only)."""
    import pandas as pd

    from models.site_ranking import compare_sites, rank_sites

    rng = np.random.default_rng(2)
    n = 200
    table = pd.DataFrame({
        "id": [f"s{i}" for i in range(n)], "adcode": [str(110000 + i) for i in range(n)],
        "name": [f"City {i}" for i in range(n)],
        "working_age_population": rng.uniform(1e5, 5e6, n),
        "railway_stations_per_1000_km2": rng.uniform(0, 10, n),
        "net_cost_per_seat_cny_per_year": rng.uniform(4e4, 1.2e5, n),
    })  # fmt: skip
    table["net_cost_per_seat_cny_per_year_log_sd"] = np.where(rng.random(n) > 0.5, 0.15, 0.0)
    chosen = ["s3", "s150", "s77"]
    for method in ("wsm", "topsis"):
        full = {r["id"]: r for r in rank_sites(table, method=method, draws=200).records}
        comparison = compare_sites(table, chosen, method=method, draws=200)
        assert {r["id"] for r in comparison.records} == set(chosen)
        for rec in comparison.records:
            assert {k: rec[k] for k in full[rec["id"]]} == full[rec["id"]]


@pytest.mark.parametrize("benefit", [[True, False, True], [False, False, False]])
def test_drawn_inputs_scaled_by_blocks_give_the_scores_of_one_block(monkeypatch, benefit):
    """The stress test scales drawn inputs a block of draws at a time: the scores are exactly
    those of all draws at once (same generator numbers, same arithmetic), any number of draws."""
    import models.stress as stress

    rng = np.random.default_rng(3)
    x = rng.uniform(1, 100, size=(250, 3))
    sd = np.where(rng.random((250, 3)) > 0.5, 0.25, 0.0)
    wd = draw_weights(np.array([0.5, 0.3, 0.2]), 203, seed=2)
    blocks = {}
    for size in (10_000, 64, 7, 1):
        monkeypatch.setattr(stress, "_DRAW_BLOCK", size)
        blocks[size] = scores_for_draws(x, benefit, wd, "wsm", input_log_sd=sd, seed=4)
        some = scores_for_draws(x, benefit, wd, "wsm", input_log_sd=sd, seed=4, rows=[5, 1])
        np.testing.assert_allclose(some, blocks[size][[5, 1]], rtol=1e-12, atol=1e-15)
    for size in (64, 7, 1):
        assert np.array_equal(blocks[size], blocks[10_000])
