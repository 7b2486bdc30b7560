"""Erlang A for many queues at once gives the answers of the scalar version."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.erlang_a import (
    erlang_a_measures,
    erlang_a_measures_many,
    required_agents_erlang_a,
    required_agents_erlang_a_many,
)
from models.errors import ModelInputError

KEYS = (
    "service_level",
    "abandon_rate",
    "asa_seconds",
    "mean_wait_seconds",
    "wait_probability",
    "occupancy",
)


def test_measures_match_the_scalar_version_on_random_queues():
    rng = np.random.default_rng(11)
    size = 300
    n = rng.integers(1, 300, size)
    calls = rng.uniform(0, 4000, size)
    calls[:5] = 0.0  # no load
    aht = rng.uniform(60, 600, size)
    patience = rng.uniform(5, 900, size)
    answer = rng.uniform(0, 60, size)
    answer[5:10] = 0.0  # threshold 0: answered without waiting
    many = erlang_a_measures_many(n, calls, aht, patience, answer)
    for i in range(size):
        one = erlang_a_measures(int(n[i]), calls[i], aht[i], patience[i], answer[i])
        for key in KEYS:
            assert many[key][i] == pytest.approx(one[key], rel=1e-9, abs=1e-12), (i, key)


@pytest.mark.parametrize(
    "args",
    [
        (5000, 100_000, 240, 60, 20),  # a very large center
        (100, 100_000, 240, 60, 20),  # 1,667 erlangs on 100 agents: the low sum underflows
        (80, 1000, 240, 1e6, 20),  # endless patience: a long queue tail
        (1, 10, 200, 30, 10),
    ],
)
def test_extreme_queues_match_the_scalar_version(args):
    one = erlang_a_measures(*args)
    many = erlang_a_measures_many(*args)
    for key in KEYS:
        assert float(many[key]) == pytest.approx(one[key], rel=1e-9, abs=1e-12), key


def test_shapes_broadcast():
    m = erlang_a_measures_many(np.array([[50], [70]]), [800, 1000, 1200], 240, 120, 20)
    assert m["service_level"].shape == (2, 3)
    assert required_agents_erlang_a_many(1000, 240, 120, target_sl=0.8).shape == ()


@settings(max_examples=15, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    sl=st.floats(0.05, 0.97),
    answer=st.floats(0, 60),
)
def test_required_agents_match_the_scalar_search(seed, sl, answer):
    rng = np.random.default_rng(seed)
    calls = rng.uniform(0, 3000, 40)
    aht = rng.uniform(60, 600, 40)
    patience = rng.uniform(5, 600, 40)
    many = required_agents_erlang_a_many(calls, aht, patience, target_sl=sl, answer_seconds=answer)
    one = [
        required_agents_erlang_a(c, a, p, target_sl=sl, answer_seconds=answer)
        for c, a, p in zip(calls, aht, patience, strict=True)
    ]
    assert many.tolist() == one


@pytest.mark.parametrize(
    "targets",
    [
        {"target_asa_seconds": 15.0},
        {"max_abandon_rate": 0.03},
        {"max_occupancy": 0.85},
        {"target_sl": 0.9, "answer_seconds": 15.0, "max_abandon_rate": 0.02},
    ],
)
def test_other_targets_match_the_scalar_search(targets):
    rng = np.random.default_rng(3)
    calls = rng.uniform(1, 3000, 60)
    aht = rng.uniform(60, 600, 60)
    patience = rng.uniform(10, 600, 60)
    many = required_agents_erlang_a_many(calls, aht, patience, **targets)
    one = [
        required_agents_erlang_a(c, a, p, **targets)
        for c, a, p in zip(calls, aht, patience, strict=True)
    ]
    assert many.tolist() == one


def test_zero_volume_needs_no_agents_and_bad_inputs_raise():
    assert required_agents_erlang_a_many([0, 100], 240, 60, target_sl=0.8).tolist()[0] == 0
    with pytest.raises(ModelInputError, match="target"):
        required_agents_erlang_a_many([100], 240, 60)
    with pytest.raises(ModelInputError, match="patience"):
        erlang_a_measures_many(10, 100, 240, [60, 0], 20)
    with pytest.raises(ModelInputError, match="agents"):
        erlang_a_measures_many(0, 100, 240, 60, 20)
