"""Scores of chosen rows under the weight draws are their scores among all sites."""

from __future__ import annotations

import numpy as np
import pytest

from models.stress import draw_weights, scores_for_draws, stress_ranks


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
