"""Benchmark: scoring 3,000 sites x 10 criteria with 1,000 weight draws; TOPSIS vs scikit-criteria."""

from __future__ import annotations

import time
import warnings

import numpy as np


def _best_of(f, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        f()
        best = min(best, time.perf_counter() - t)
    return best


def run() -> list[dict]:
    from models.site_score import score_topsis
    from models.stress import stress_ranks

    rng = np.random.default_rng(42)
    x = rng.lognormal(mean=3.0, sigma=1.0, size=(3000, 10))
    benefit = np.array([True, False] * 5)
    w = rng.dirichlet(np.ones(10))
    rows = []
    for method in ("wsm", "topsis"):
        secs = _best_of(lambda m=method: stress_ranks(x, benefit, w, m, draws=1000, top_k=10))
        rows.append(
            {
                "area": "scoring",
                "case": f"{method} + stress: 3,000 sites x 10 criteria x 1,000 draws",
                "figure": round(secs, 3),
                "unit": "s",
                "peer": None,
                "peer_figure": None,
                "note": "scores, ranks, p05/p95 and P(top 10); best of 3",
            }
        )
    sd = np.zeros_like(x)
    sd[rng.random(3000) < 0.7, 0] = 0.1  # 70 % of the sites priced on estimates (±10 %)
    secs = _best_of(lambda: stress_ranks(x, benefit, w, "wsm", draws=1000, input_log_sd=sd))
    rows.append(
        {
            "area": "scoring",
            "case": "wsm + stress with an uncertain input column (70 % of sites): 3,000 x 10 x 1,000",
            "figure": round(secs, 3),
            "unit": "s",
            "peer": None,
            "peer_figure": None,
            "note": "weights and the input drawn together; best of 3",
        }
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = time.perf_counter()
        import skcriteria
        from skcriteria.agg.topsis import TOPSIS
        from skcriteria.preprocessing.scalers import VectorScaler

        import_secs = time.perf_counter() - t
        dm = skcriteria.mkdm(x, [max if b else min for b in benefit], weights=w)

        def peer():
            return TOPSIS().evaluate(VectorScaler(target="matrix").transform(dm))

        peer_secs = _best_of(peer)
        peer_result = peer()
    ours_secs = _best_of(lambda: score_topsis(x, benefit, w))
    same = bool(np.allclose(score_topsis(x, benefit, w), peer_result.e_.similarity))
    rows.append(
        {
            "area": "scoring",
            "case": "one TOPSIS ranking, 3,000 sites x 10 criteria",
            "figure": round(ours_secs * 1000, 3),
            "unit": "ms",
            "peer": "scikit-criteria TOPSIS",
            "peer_figure": round(peer_secs * 1000, 3),
            "note": f"closeness equal to the peer: {same}; scikit-criteria import {import_secs:.1f} s",
        }
    )
    rows.append(_compare_row(rng))
    rows.extend(_pricing_rows())
    rows.extend(_revealed_preference_rows())
    return rows


def _revealed_preference_rows() -> list[dict]:
    """ROC AUC per preset of ranking the cities that host known centers/parks above the others.

    Built from the curated store, like ``parkbench score --validate``; cluster criteria are
    left out (they count the same centers). Accuracy, not speed: the figure is the AUC.
    """
    import tempfile
    from pathlib import Path

    from data.store.build import build
    from models.validation import validate_presets
    from usecases.ranking import criteria_table
    from usecases.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "parkbench.sqlite"
        build(db)
        table = criteria_table(open_store(db), include_parks=False)
    hosts = set(table.loc[(table["center_count"] > 0) | (table["park_count"] > 0), "adcode"])
    return [
        {
            "area": "scoring",
            "case": f"revealed preference: ROC AUC of preset {c.preset}",
            "figure": round(c.auc, 3),
            "unit": "AUC",
            "peer": "chance",
            "peer_figure": 0.5,
            "note": f"{c.n_positive} host cities vs {c.n_negative}; cluster criteria left out",
        }
        for c in validate_presets(table, hosts)
    ]


def _compare_row(rng: np.random.Generator) -> dict:
    """compare_sites: 5 chosen among 3,000 candidates with estimates and 1,000 draws."""
    import pandas as pd

    from models.site_ranking import compare_sites

    n = 3000
    pop = rng.lognormal(15.0, 0.8, n)
    wap = pop * rng.uniform(0.6, 0.7, n)
    wap[rng.choice(n, 60, replace=False)] = np.nan  # gaps the province share fills
    table = pd.DataFrame(
        {
            "adcode": [str(100000 + i) for i in range(n)],
            "name": [f"site{i}" for i in range(n)],
            "province": [f"p{i % 31}" for i in range(n)],
            "population": pop,
            "working_age_population": wap,
            "college_educated_population": pop * rng.uniform(0.1, 0.3, n),
            "nearest_airport_km": rng.uniform(5, 200, n),
            "railway_stations_per_1000_km2": rng.uniform(0, 5, n),
            "net_cost_per_seat_cny_per_year": rng.uniform(4e4, 9e4, n),
            "center_count": rng.integers(0, 20, n).astype(float),
        }
    )
    chosen = ["100001", "100500", "101000", "102000", "102999"]
    secs = _best_of(lambda: compare_sites(table, chosen, draws=1000), repeat=2)
    return {
        "area": "scoring",
        "case": "compare 5 sites among 3,000 (60 gaps estimated) x 1,000 draws",
        "figure": round(secs, 3),
        "unit": "s",
        "peer": None,
        "peer_figure": None,
        "note": "full ranking + stress among all and within the selection; best of 2",
    }


if __name__ == "__main__":
    for r in run():
        print(r)


def _pricing_rows() -> list[dict]:
    """The site score's cost column on the built store plus 3,000 synthetic parks: every
    place priced in one call (``SitePricer.many``: each distinct read once, parks matched in memory) and
    one place at a time (the scalar path), same figures."""
    import tempfile
    import time
    from pathlib import Path

    from data.inputs.score import load_criteria_table
    from data.store.build import build
    from data.store.database import open_db
    from data.store.fixtures import write_fixture_store
    from usecases.pricing import cost_per_seat_for_sites

    out = []
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "parkbench.sqlite"
        build(db)
        write_fixture_store(db, n_centers=100, n_parks=3_000).conn.close()
        store = open_db(db, read_only=True)
        pricer = cost_per_seat_for_sites(store)
        pricer(load_criteria_table(store).to_dict("records")[0])  # geocoder, defaults: once
        for case, cost in (("in one call (bulk)", pricer), ("one at a time", lambda r: pricer(r))):
            start = time.perf_counter()
            table = load_criteria_table(store, include_parks=True, cost_per_seat=cost)
            seconds = time.perf_counter() - start
            places = len(table)
            out.append(
                {
                    "area": "scoring",
                    "case": f"criteria table with the cost of {places:,} places, {case}",
                    "figure": round(seconds, 2),
                    "unit": "s",
                    "peer": None,
                    "peer_figure": None,
                    "note": "built store + 3,000 synthetic parks; Compare's first visit builds it",
                }
            )
        store.conn.close()
    return out
