"""Staffing benchmarks: a 10,000-interval Erlang C plan against pyworkforce; Erlang A for 1,000
queues, vectorised against our own scalar search (the peer: no common library computes Erlang A);
the cost of a five-target service-level curve."""

from __future__ import annotations

import time

import numpy as np

from models.cost import CostInputs, cost_service_level_curve
from models.erlang_a import required_agents_erlang_a, required_agents_erlang_a_many
from models.interval_plan import compute_interval_plan

INTERVALS = 10_000
QUEUES = 1_000


def _plan_inputs(seed: int = 3):
    rng = np.random.default_rng(seed)
    calls = rng.integers(1, 600, size=INTERVALS).astype(float)  # calls per 30-minute interval
    aht = rng.uniform(150, 420, size=INTERVALS)
    return calls, aht


def run() -> list[dict]:
    calls, aht = _plan_inputs()
    start = time.perf_counter()
    plan = compute_interval_plan(
        calls,
        aht,
        interval_minutes=30,
        target_sl=0.8,
        answer_seconds=20,
        shrinkage=0.3,
        max_occupancy=0.9,
    )
    ours = time.perf_counter() - start
    rows = []
    peer_name, peer_seconds, agree = None, None, None
    try:
        from pyworkforce.queuing import ErlangC
    except ImportError:
        ErlangC = None  # noqa: N806
    if ErlangC is not None:
        peer_name = "pyworkforce ErlangC"
        start = time.perf_counter()
        theirs = [
            ErlangC(
                transactions=c, aht=a / 60, asa=20 / 60, interval=30, shrinkage=0.3
            ).required_positions(service_level=0.8, max_occupancy=0.9)["raw_positions"]
            for c, a in zip(calls, aht, strict=True)
        ]
        peer_seconds = time.perf_counter() - start
        agree = int(np.sum(np.asarray(theirs) == plan.intervals["agents"].to_numpy()))
    rows.append(
        {
            "area": "staffing",
            "case": f"Erlang C plan, {INTERVALS:,} intervals (80/20, occupancy cap 0.9)",
            "figure": ours,
            "unit": "s",
            "peer": peer_name,
            "peer_figure": peer_seconds,
            "note": (
                f"same agents in {agree:,}/{INTERVALS:,} intervals; {peer_seconds / ours:.0f}x faster"
                if agree is not None
                else "pyworkforce not installed"
            ),
        }
    )
    rng = np.random.default_rng(5)
    cph = rng.uniform(50, 3000, size=QUEUES)
    ahts = rng.uniform(120, 480, size=QUEUES)
    patience = rng.uniform(30, 300, size=QUEUES)
    start = time.perf_counter()
    scalar = [
        required_agents_erlang_a(c, a, p, target_sl=0.8, answer_seconds=20)
        for c, a, p in zip(cph, ahts, patience, strict=True)
    ]
    scalar_seconds = time.perf_counter() - start
    start = time.perf_counter()
    many = required_agents_erlang_a_many(cph, ahts, patience, target_sl=0.8, answer_seconds=20)
    spent = time.perf_counter() - start
    same = int(np.sum(many == np.asarray(scalar)))
    rows.append(
        {
            "area": "staffing",
            "case": f"Erlang A agents for {QUEUES:,} queues (80/20), vectorised",
            "figure": spent,
            "unit": "s",
            "peer": "scalar Erlang A search (ours, one queue at a time)",
            "peer_figure": scalar_seconds,
            "note": (
                f"{spent / QUEUES * 1000:.3f} ms per queue vs {scalar_seconds / QUEUES * 1000:.2f}; "
                f"{scalar_seconds / spent:.0f}x faster; same agents in {same:,}/{QUEUES:,} queues "
                f"({int(np.sum(many)):,} agents in all)"
            ),
        }
    )
    start = time.perf_counter()
    curve = cost_service_level_curve(CostInputs(seats=1), 1000, 240)
    spent = time.perf_counter() - start
    rows.append(
        {
            "area": "staffing",
            "case": f"cost curve, {len(curve)} service-level targets (1,000 calls/h x 240 s)",
            "figure": spent * 1000,
            "unit": "ms",
            "peer": None,
            "peer_figure": None,
            "note": " ".join(f"{r['target']}:{r['per_contact']:.2f}" for r in curve)
            + " CNY per contact",
        }
    )
    return rows


if __name__ == "__main__":
    for row in run():
        print(row)
