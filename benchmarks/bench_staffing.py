"""Staffing benchmarks: a 10,000-interval Erlang C plan against pyworkforce, Erlang A for 1,000 queues."""

from __future__ import annotations

import time

import numpy as np

from models.erlang_a import required_agents_erlang_a
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
    agents = [
        required_agents_erlang_a(c, a, p, target_sl=0.8, answer_seconds=20)
        for c, a, p in zip(cph, ahts, patience, strict=True)
    ]
    spent = time.perf_counter() - start
    rows.append(
        {
            "area": "staffing",
            "case": f"Erlang A agents for {QUEUES:,} queues (80/20)",
            "figure": spent,
            "unit": "s",
            "peer": None,
            "peer_figure": None,
            "note": f"{spent / QUEUES * 1000:.2f} ms per queue; {int(np.sum(agents)):,} agents in all; no common library computes Erlang A",
        }
    )
    return rows


if __name__ == "__main__":
    for row in run():
        print(row)
