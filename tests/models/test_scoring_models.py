"""Site-selection models: criteria, weights, WSM/TOPSIS, stress test, against scikit-criteria."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from models.criteria import DEFAULT_CRITERIA, Criterion, apply_missing_rules
from models.errors import ModelInputError
from models.site_ranking import rank_sites
from models.site_score import rank_scores, score_sites, score_topsis, score_wsm
from models.stress import draw_weights, scores_for_draws, stress_ranks
from models.weights import (
    PRESETS,
    ahp_weights,
    critic_weights,
    entropy_weights,
    normalise_weights,
    preset_weights,
    weights_for_criteria,
)

values = st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False)


def skc():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import skcriteria
        from skcriteria.agg.topsis import TOPSIS
        from skcriteria.preprocessing import weighters
    return skcriteria, TOPSIS, weighters


# --- properties of the weighted sum ---------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(
    x=arrays(float, (6, 4), elements=values),
    w=arrays(float, 4, elements=st.floats(0.01, 10)),
    site=st.integers(0, 5),
    crit=st.integers(0, 3),
    bump=st.floats(0, 1e6),
)
def test_improving_a_benefit_criterion_never_lowers_the_wsm_score(x, w, site, crit, bump):
    benefit = [True, False, True, False]
    before = score_wsm(x, benefit, w)[site]
    better = x.copy()
    better[site, crit] = x[site, crit] + bump if benefit[crit] else max(0.0, x[site, crit] - bump)
    assert score_wsm(better, benefit, w)[site] >= before - 1e-12


@settings(max_examples=40, deadline=None)
@given(x=arrays(float, (5, 3), elements=values), w=arrays(float, 3, elements=st.floats(0.01, 10)))
def test_identical_sites_tie_under_both_methods(x, w):
    x = np.vstack([x, x[2]])
    for method in ("wsm", "topsis"):
        r = score_sites(x, [True, False, True], w, method)
        assert r.ranks[2] == r.ranks[5]
        assert r.scores[2] == pytest.approx(r.scores[5])


@settings(max_examples=40, deadline=None)
@given(w=arrays(float, 5, elements=st.floats(0, 100)).filter(lambda a: a.sum() > 0))
def test_weights_are_normalised(w):
    assert normalise_weights(w).sum() == pytest.approx(1.0)
    x = np.arange(15, dtype=float).reshape(3, 5) ** 1.5
    r = score_sites(x, [True] * 5, w)
    assert r.weights.sum() == pytest.approx(1.0)
    assert np.allclose(r.contributions.sum(axis=1), r.scores)
    assert np.allclose(score_wsm(x, [True] * 5, w * 7.0), score_wsm(x, [True] * 5, w))


def test_contributions_of_topsis_add_up_to_its_score():
    x = np.array([[1.0, 20.0, 3.0], [4.0, 5.0, 6.0], [7.0, 1.0, 2.0], [2.0, 2.0, 2.0]])
    r = score_sites(x, [True, False, True], np.array([0.5, 0.3, 0.2]), "topsis")
    assert np.allclose(r.contributions.sum(axis=1), r.scores)
    assert (r.contributions >= 0).all()


def test_bad_inputs_are_refused_with_precise_messages():
    with pytest.raises(ModelInputError, match="need 2 weights"):
        score_wsm(np.ones((2, 2)), [True, True], np.ones(3))
    with pytest.raises(ModelInputError, match="missing or infinite"):
        score_wsm(np.array([[1.0, np.nan]]), [True, True], np.ones(2))
    with pytest.raises(ModelInputError, match="sum to 0"):
        normalise_weights([0, 0])
    with pytest.raises(ModelInputError, match="group 'talent'"):
        Criterion("x", "talent", "benefit", "p")
    with pytest.raises(ModelInputError, match="neither a group"):
        weights_for_criteria({"lab": 1}, DEFAULT_CRITERIA)
    with pytest.raises(ModelInputError, match="both group 'labour'"):
        weights_for_criteria({"labour": 1, "working_age_population": 1}, DEFAULT_CRITERIA)
    with pytest.raises(ModelInputError, match="unknown method"):
        score_sites(np.ones((2, 2)), [True, True], np.ones(2), "vikor")


# --- missing values ---------------------------------------------------------------------------


def test_missing_rules_are_applied_and_reported():
    crit = (
        Criterion("pop", "labour", "benefit", "person", "worst"),
        Criterion("km", "transport", "cost", "km", "worst"),
        Criterion("cost", "cost", "cost", "CNY", "median"),
        Criterion("stations", "transport", "benefit", "station", "zero"),
        Criterion("other", "cluster", "benefit", "x", "exclude"),
    )
    x = np.array(
        [
            [1.0, 10.0, 100.0, 2.0, 1.0],
            [np.nan, np.nan, np.nan, np.nan, np.nan],
            [3.0, 30.0, 300.0, 4.0, 5.0],
        ]
    )
    m = apply_missing_rules(x, crit)
    assert m.values[1].tolist() == [1.0, 30.0, 200.0, 0.0]
    assert m.dropped == ("other",)
    assert m.filled[1].all() and not m.filled[0].any()
    assert any(n.code == "filled" and n["rule"] == "median" for n in m.notes)


def test_a_filled_value_never_beats_an_observed_worst_value_under_rule_worst():
    t = pd.DataFrame(
        {
            "adcode": ["a", "b", "c"],
            "name": ["A", "B", "C"],
            "nearest_airport_km": [10.0, 80.0, None],
        }
    )
    r = rank_sites(t, weights={"transport": 1}, draws=0)
    by = {x["name"]: x for x in r.records}
    assert by["C"]["score"] == by["B"]["score"] < by["A"]["score"]
    assert by["C"]["filled"] == ["nearest_airport_km"]


# --- AHP, entropy, CRITIC ---------------------------------------------------------------------


def test_ahp_consistent_matrix_gives_the_generating_weights():
    w = np.array([0.5, 0.25, 0.15, 0.1])
    r = ahp_weights(w[:, None] / w[None, :])
    assert np.allclose(r.weights, w)
    assert r.lambda_max == pytest.approx(4.0)
    assert r.consistency_ratio == pytest.approx(0.0, abs=1e-9)
    assert r.warning is None


def test_ahp_textbook_matrix_saaty_three_criteria():
    # Classic 3x3 example: a12 = 3, a13 = 5, a23 = 3 -> w ~ (0.637, 0.258, 0.105), CR ~ 0.033
    r = ahp_weights([[1, 3, 5], [1 / 3, 1, 3], [1 / 5, 1 / 3, 1]])
    assert np.allclose(r.weights, [0.637, 0.258, 0.105], atol=1e-3)
    assert r.lambda_max == pytest.approx(3.0385, abs=1e-4)
    assert r.consistency_ratio == pytest.approx(0.0332, abs=1e-3)
    assert r.consistent


def test_ahp_inconsistent_judgements_warn_above_one_tenth():
    # a > b (9), b > c (9) but c > a (9): circular judgements
    r = ahp_weights([[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]])
    assert r.consistency_ratio > 0.1
    assert not r.consistent
    assert "revise" in r.warning


def test_ahp_refuses_a_non_reciprocal_matrix():
    with pytest.raises(ModelInputError, match="not reciprocal"):
        ahp_weights([[1, 3], [3, 1]])


def test_entropy_and_critic_equal_scikit_criteria():
    _, _, weighters = skc()
    rng = np.random.default_rng(7)
    x = rng.random((30, 6)) * 100 + 1
    benefit = [True, False, True, True, False, True]
    assert np.allclose(entropy_weights(x), weighters.entropy_weights(x))
    objectives = [1 if b else -1 for b in benefit]
    assert np.allclose(critic_weights(x, benefit), weighters.critic_weights(x, objectives))


# --- TOPSIS against scikit-criteria -----------------------------------------------------------


@settings(max_examples=25, deadline=None)
@given(
    x=arrays(float, (8, 4), elements=st.floats(0.1, 1e4)),
    w=arrays(float, 4, elements=st.floats(0.05, 10)),
)
def test_topsis_equals_scikit_criteria(x, w):
    assume(np.ptp(x, axis=0).min() > 1e-3)  # scikit-criteria returns NaN for a constant column
    skcriteria, TOPSIS, _ = skc()
    benefit = [True, False, True, False]
    dm = skcriteria.mkdm(x, [max if b else min for b in benefit], weights=w)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from skcriteria.preprocessing.scalers import VectorScaler

        peer = TOPSIS().evaluate(VectorScaler(target="matrix").transform(dm))
    ours = score_topsis(x, benefit, w)
    assert np.allclose(ours, peer.e_.similarity)
    assert (rank_scores(ours) == peer.rank_).all() or len(set(np.round(ours, 9))) < len(ours)


# --- presets and stress test ------------------------------------------------------------------


def test_presets_cite_their_sources_and_cover_the_groups():
    assert "首要问题" in PRESETS["talent_first"].source
    assert "001_039997815a96cd3c.txt" in PRESETS["talent_first"].source
    csc = PRESETS["customer_support_center"]
    assert csc.weights["cluster"] == 0.40 and csc.weights["labour"] == 0.35
    assert "living environment" in csc.mapping
    for p in PRESETS.values():
        assert sum(p.weights.values()) == pytest.approx(1.0)
    w = preset_weights("talent_first", DEFAULT_CRITERIA)
    labour = sum(wi for wi, c in zip(w, DEFAULT_CRITERIA, strict=True) if c.group == "labour")
    assert labour == pytest.approx(0.40)


def test_draws_are_reproducible_and_stay_near_the_weights():
    w = np.array([0.4, 0.3, 0.2, 0.1])
    a = draw_weights(w, 500, seed=3)
    assert np.array_equal(a, draw_weights(w, 500, seed=3))
    ratio = a / w
    assert ratio.min() > 0.85 / 1.15 - 1e-9 and ratio.max() < 1.15 / 0.85 + 1e-9
    d = draw_weights(w, 4000, kind="dirichlet", concentration=200, seed=3)
    assert np.allclose(d.mean(axis=0), w, atol=0.01)
    assert np.allclose(d.sum(axis=1), 1.0)


def test_stress_scores_match_single_runs_for_each_draw():
    rng = np.random.default_rng(2)
    x = rng.random((20, 5))
    b = [True, False, True, True, False]
    wd = draw_weights(np.full(5, 0.2), 5, seed=1)
    for method, f in (("wsm", score_wsm), ("topsis", score_topsis)):
        s = scores_for_draws(x, b, wd, method)
        for k in range(5):
            assert np.allclose(s[:, k], f(x, b, wd[k]))


def test_rank_intervals_widen_for_close_sites_and_not_for_clear_leaders():
    x = np.array([[100.0, 100.0], [50.0, 52.0], [52.0, 50.0], [0.0, 0.0]])
    s = stress_ranks(x, [True, True], np.array([0.5, 0.5]), draws=500, top_k=2)
    assert (s.rank_p05[0], s.rank_p95[0]) == (1, 1)
    assert (s.rank_p05[3], s.rank_p95[3]) == (4, 4)
    assert s.rank_p05[1] == 2 and s.rank_p95[1] == 3
    assert s.p_top_k[0] == 1.0 and s.p_top_k[3] == 0.0
    assert s.p_top_k[1] + s.p_top_k[2] == pytest.approx(1.0)
