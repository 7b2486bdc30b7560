"""Erlang B/C/A: published tables, hand calculations, pyworkforce, properties and a SimPy check."""

from __future__ import annotations

import math
import random
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.erlang_a import erlang_a_measures, required_agents_erlang_a
from models.erlang_c import (
    erlang_b,
    erlang_c,
    erlang_c_measures,
    required_agents_erlang_c,
    traffic_erlangs,
)
from models.errors import ModelInputError
from models.staffing import compute_staffing


def erlang_c_by_hand(n: int, a: Fraction) -> Fraction:
    """Textbook Erlang C with exact fractions: (A^n/n! * n/(n-A)) / (sum_{k<n} A^k/k! + that)."""
    top = a**n / math.factorial(n) * Fraction(n) / (n - a)
    return top / (sum(a**k / math.factorial(k) for k in range(n)) + top)


@pytest.mark.parametrize(
    ("lines", "erlangs"),
    # Erlang B table, grade of service 1% (e.g. the ITU-T / Siemens traffic tables).
    [(5, 1.36), (10, 4.46), (20, 12.0), (50, 37.9), (100, 84.1)],
)
def test_erlang_b_matches_published_one_percent_table(lines, erlangs):
    assert erlang_b(lines, erlangs) == pytest.approx(0.01, rel=0.04)


def test_erlang_b_small_cases_by_hand():
    assert erlang_b(1, 1.0) == pytest.approx(0.5)
    assert erlang_b(2, 2.0) == pytest.approx(0.4)
    assert erlang_b(0, 3.0) == 1.0


@pytest.mark.parametrize(
    ("n", "a"), [(2, Fraction(1)), (11, Fraction(10)), (14, Fraction(10)), (30, Fraction(51, 2))]
)
def test_erlang_c_equals_exact_fraction_formula(n, a):
    assert erlang_c(n, float(a)) == pytest.approx(float(erlang_c_by_hand(n, a)), rel=1e-12)


def test_worked_example_1000_calls_240_seconds():
    # 1000 calls/h x 240 s = 66.67 erlangs; 80% in 20 s needs 74 agents, 73 is not enough.
    a = traffic_erlangs(1000, 240)
    assert required_agents_erlang_c(a, 240, target_sl=0.8, answer_seconds=20) == 74
    assert erlang_c_measures(73, a, 240, 20)["service_level"] < 0.8
    # ASA by hand: C * AHT / (n - A)
    c = float(erlang_c_by_hand(74, Fraction(200, 3)))
    m = erlang_c_measures(74, a, 240, 20)
    assert float(m["asa_seconds"]) == pytest.approx(c * 240 / (74 - 200 / 3))
    assert float(m["service_level"]) == pytest.approx(1 - c * math.exp(-(74 - 200 / 3) * 20 / 240))


def test_large_center_is_stable():
    # 50,000 calls/h: 3,333 erlangs; finite, within (0, 1), agents just above the load.
    r = compute_staffing(50_000, 240, target_sl=0.8, answer_seconds=20)
    assert 3334 <= r.agents <= 3400
    assert 0.8 <= r.service_level < 1
    assert 0 <= r.wait_probability <= 1 and r.asa_seconds >= 0


def test_understaffed_is_reported_not_a_probability_above_one():
    m = erlang_c_measures([10, 20, 21], 20.0, 240, 20)
    assert list(m["understaffed"]) == [True, True, False]
    assert list(m["wait_probability"][:2]) == [1.0, 1.0]
    assert list(m["service_level"][:2]) == [0.0, 0.0]
    assert np.isinf(m["asa_seconds"][:2]).all()
    assert (m["wait_probability"] <= 1).all() and (m["asa_seconds"] >= 0).all()


@pytest.mark.parametrize(
    ("calls_per_hour", "aht", "sl", "t"),
    [
        (1000, 240, 0.8, 20),
        (1000, 240, 0.9, 15),
        (200, 180, 0.8, 20),
        (4000, 300, 0.85, 30),
        (36, 600, 0.8, 20),
    ],
)
def test_same_answers_as_pyworkforce(calls_per_hour, aht, sl, t):
    pyworkforce = pytest.importorskip("pyworkforce.queuing")
    peer = pyworkforce.ErlangC(
        transactions=calls_per_hour / 2, aht=aht / 60, asa=t / 60, interval=30, shrinkage=0.3
    )
    theirs = peer.required_positions(service_level=sl, max_occupancy=0.9)
    ours = compute_staffing(
        calls_per_hour, aht, target_sl=sl, answer_seconds=t, shrinkage=0.3, max_occupancy=0.9
    )
    assert ours.agents == theirs["raw_positions"]
    assert math.ceil(ours.fte) == theirs["positions"]
    assert ours.service_level == pytest.approx(theirs["service_level"], rel=1e-9)
    assert ours.occupancy == pytest.approx(theirs["occupancy"], rel=1e-12)
    assert ours.wait_probability == pytest.approx(theirs["waiting_probability"], rel=1e-9)


@settings(max_examples=60, deadline=None)
@given(
    a=st.floats(0.5, 400),
    aht=st.floats(30, 900),
    t=st.floats(0, 120),
    n=st.integers(1, 500),
)
def test_service_level_never_falls_as_agents_are_added(a, aht, t, n):
    m = erlang_c_measures([n, n + 1], a, aht, t)
    assert m["service_level"][1] >= m["service_level"][0] - 1e-12
    assert m["asa_seconds"][1] <= m["asa_seconds"][0]


@settings(max_examples=25, deadline=None)
@given(
    calls=st.floats(10, 3000),
    aht=st.floats(60, 600),
    patience=st.floats(10, 600),
    n=st.integers(1, 200),
)
def test_erlang_a_service_level_never_falls_as_agents_are_added(calls, aht, patience, n):
    low = erlang_a_measures(n, calls, aht, patience, 20)
    high = erlang_a_measures(n + 1, calls, aht, patience, 20)
    assert high["service_level"] >= low["service_level"] - 1e-9
    assert high["abandon_rate"] <= low["abandon_rate"] + 1e-12
    for m in (low, high):
        assert (
            0 <= m["service_level"] <= 1 and 0 <= m["abandon_rate"] <= 1 and m["asa_seconds"] >= 0
        )


def test_erlang_a_tends_to_erlang_c_with_endless_patience():
    a = traffic_erlangs(1000, 240)
    c = erlang_c_measures(74, a, 240, 20)
    m = erlang_a_measures(74, 1000, 240, 1e7, 20)
    assert m["service_level"] == pytest.approx(float(c["service_level"]), abs=1e-4)
    assert m["wait_probability"] == pytest.approx(float(c["wait_probability"]), abs=1e-4)
    assert m["asa_seconds"] == pytest.approx(float(c["asa_seconds"]), rel=1e-3)


def test_erlang_a_needs_fewer_agents_than_erlang_c_when_callers_hang_up():
    c = compute_staffing(1000, 240, target_sl=0.8, answer_seconds=20)
    a = compute_staffing(1000, 240, target_sl=0.8, answer_seconds=20, patience_seconds=120)
    assert a.agents < c.agents
    assert a.abandon_rate > 0 and a.service_level >= 0.8
    # minimality: one agent fewer misses the target
    assert erlang_a_measures(a.agents - 1, 1000, 240, 120, 20)["service_level"] < 0.8


def test_erlang_a_understaffed_is_stable_with_heavy_abandonment():
    m = erlang_a_measures(5, 1000, 240, 60, 20)  # 66.7 erlangs on 5 agents
    assert m["abandon_rate"] > 0.9 and m["occupancy"] <= 1
    assert required_agents_erlang_a(1000, 240, 60, max_abandon_rate=0.05) > 5


def simulate_mmn_m(n, calls_per_hour, aht, patience, t, callers, seed):
    """M/M/n+M with SimPy: returns service level, abandonment rate and ASA of answered calls."""
    simpy = pytest.importorskip("simpy")
    rng = random.Random(seed)
    env = simpy.Environment()
    agents = simpy.Resource(env, capacity=n)
    stats = {"within": 0, "abandoned": 0, "answered": 0, "wait": 0.0, "done": 0}

    def caller(env):
        arrived = env.now
        req = agents.request()
        outcome = yield req | env.timeout(rng.expovariate(1 / patience))
        if req not in outcome:
            req.cancel()
            stats["abandoned"] += 1
            return
        waited = env.now - arrived
        stats["answered"] += 1
        stats["wait"] += waited
        stats["within"] += waited <= t
        yield env.timeout(rng.expovariate(1 / aht))
        agents.release(req)

    def source(env):
        for _ in range(callers):
            yield env.timeout(rng.expovariate(calls_per_hour / 3600))
            env.process(caller(env))

    env.process(source(env))
    env.run()
    return (
        stats["within"] / callers,
        stats["abandoned"] / callers,
        stats["wait"] / stats["answered"],
    )


@pytest.mark.parametrize(("n", "patience"), [(10, 60.0), (9, 180.0)])
def test_erlang_a_agrees_with_a_simpy_simulation(n, patience):
    # 10 erlangs offered (600 calls/h x 60 s), 40,000 simulated callers.
    # Tolerances: 0.015 on shares and 10% on ASA (about 4 standard errors at this run length).
    sl, ab, asa = simulate_mmn_m(n, 600, 60.0, patience, 10.0, 40_000, seed=7)
    m = erlang_a_measures(n, 600, 60.0, patience, 10.0)
    assert m["service_level"] == pytest.approx(sl, abs=0.015)
    assert m["abandon_rate"] == pytest.approx(ab, abs=0.015)
    assert m["asa_seconds"] == pytest.approx(asa, rel=0.10)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (dict(calls_per_hour=-5, aht_seconds=240), "calls_per_hour"),
        (dict(calls_per_hour=100, aht_seconds=0), "aht_seconds"),
        (dict(calls_per_hour=100, aht_seconds=240, target_sl=1.2), "target_sl"),
        (dict(calls_per_hour=100, aht_seconds=240, target_sl=1.0), "target_sl"),
        (dict(calls_per_hour=100, aht_seconds=240, shrinkage=1.0), "shrinkage"),
        (dict(calls_per_hour=100, aht_seconds=240, patience_seconds=-1), "patience_seconds"),
        (dict(calls_per_hour=100, aht_seconds=240, max_abandon_rate=0.1), "max_abandon_rate"),
    ],
)
def test_bad_inputs_raise_model_input_error(kwargs, message):
    with pytest.raises(ModelInputError, match=message):
        compute_staffing(**kwargs)


def test_asa_target_and_occupancy_cap_bind():
    r = compute_staffing(1000, 240, target_sl=None, target_asa_seconds=5)
    assert r.binding == "asa" and r.asa_seconds <= 5
    assert compute_staffing(1000, 240, target_sl=None, target_asa_seconds=5 * 1.0).agents > 74
    capped = compute_staffing(1000, 240, target_sl=0.8, max_occupancy=0.85)
    assert capped.binding == "max_occupancy" and capped.occupancy <= 0.85
    assert capped.agents == math.ceil(traffic_erlangs(1000, 240) / 0.85)


def test_zero_volume_needs_no_agents():
    r = compute_staffing(0, 240)
    assert r.agents == 0 and r.fte == 0 and r.service_level == 1.0


def test_erlang_a_below_offered_load_is_flagged_and_cost_counts_handled_contacts_only():
    """20,000 calls/h x 240 s = 1,333 erlangs; 80/20 with 120 s patience needs only 1,189
    agents because 10.8 % hang up: the result says so, and cost per contact divides by the
    calls answered, not the calls offered."""
    from models.cost import CostInputs, cost_for_service_level

    r = compute_staffing(20000, 240, target_sl=0.8, answer_seconds=20, patience_seconds=120)
    assert r.agents < r.traffic_erlangs
    assert r.abandon_rate == pytest.approx(0.108, abs=0.002)
    assert r.warnings == ("below_offered_load", "high_abandonment")
    assert r.to_dict()["warnings"] == ["below_offered_load", "high_abandonment"]
    assert "below_offered_load" in r.explain()
    capped = compute_staffing(
        20000, 240, target_sl=0.8, answer_seconds=20, patience_seconds=120, max_abandon_rate=0.03
    )
    # a 3 % cap is the user's choice: still below the load, but no abandonment alarm
    assert capped.agents > r.agents and capped.warnings == ("below_offered_load",)
    assert compute_staffing(20000, 240).warnings == ()  # Erlang C: nothing to flag

    base = CostInputs(seats=1, hours_per_day=12, days_per_year=365, seat_fill_ratio=0.6)
    c = cost_for_service_level(base, 20000, 240, patience_seconds=120)
    offered = 20000 * 12 * 365 * 0.6
    assert c.contacts_per_year == pytest.approx(offered * (1 - r.abandon_rate))
    assert c.per_contact == pytest.approx(c.total_cny_per_year / (offered * (1 - r.abandon_rate)))
