"""Write the estimated city wages and office rents under ``data/reference/economics/``.

Reads the sourced figures and city features (``data.inputs.economics``), fits the estimate
models with their leave-one-out error (``models.city_economics``) and writes:

- ``estimates.csv``: one row per city and estimated indicator, with method and error;
- ``estimate_models.csv``: one row per model with its cross-validated error;
- ``estimate_cv.csv``: each training city's sourced value and its held-out prediction.

Run after a change of the sourced files (``make economics``); ``parkbench build`` loads the
result, and ``tests/data/test_economics.py`` fails when the committed files are stale::

    PYTHONPATH=. .venv/bin/python scripts/estimate_city_economics.py
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from data.inputs.economics import (
    ECONOMICS_DIR,
    ESTIMATES_FILE,
    MODELS_FILE,
    load_features,
)
from models.city_economics import estimate_city_economics

CV_FILE = "estimate_cv.csv"


def compute() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(estimates, models, cross-validation) frames, as written to the files."""
    features = load_features()
    result = estimate_city_economics(features)
    names = dict(zip(features["adcode"], features["name"], strict=True))
    cv = []
    for model, frame, log in (
        ("wage_premium", result.premium.training, True),
        ("office_rent_grade_a", result.rent.training, False),
    ):
        for r in frame.itertuples():
            obs, held = (
                (np.exp(r.observed), np.exp(r.held_out)) if log else (r.observed, r.held_out)
            )
            cv.append({"model": model, "adcode": r.adcode, "name": names[r.adcode],
                       "observed": round(float(obs), 4), "held_out": round(float(held), 4),
                       "error_pct": round(float(held / obs - 1) * 100, 1)})  # fmt: skip
    return result.estimates, pd.DataFrame(result.model_rows()), pd.DataFrame(cv)


def main() -> None:
    estimates, models, cv = compute()
    estimates.to_csv(ECONOMICS_DIR / ESTIMATES_FILE, index=False, lineterminator="\n")
    models.to_csv(ECONOMICS_DIR / MODELS_FILE, index=False, lineterminator="\n")
    cv.to_csv(ECONOMICS_DIR / CV_FILE, index=False, lineterminator="\n")
    for m in models.itertuples():
        print(f"{m.model}: n={m.n} RMSE(log) {m.rmse_log:.3f} MAPE {m.mape:.1%} "
              f"(baseline RMSE(log) {m.baseline_rmse_log:.3f})")  # fmt: skip
    print(f"{len(estimates)} estimates written to {ECONOMICS_DIR / ESTIMATES_FILE}")


if __name__ == "__main__":
    main()
