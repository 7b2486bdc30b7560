"""Estimates of a city's wage and office rent where no published figure exists, with their error.

A log-linear ridge regression on a handful of city features, fitted on the cities that have a
sourced figure and checked by leave-one-out cross-validation (each sourced city is predicted
by a model fitted without it). Pure: takes arrays or DataFrames, returns typed results.

Model
    y_i = b_0 + sum_k b_k * (x_ik - mean_k) / sd_k + e_i, with y the log of the target;
    the coefficients minimise sum_i e_i^2 + ridge * sum_k b_k^2 (the intercept is not
    penalised, features are standardised so the penalty treats them alike).
Error, measured on the held-out predictions y^(-i) of leave-one-out
    ``rmse_log`` = sqrt(mean (y_i - y^(-i))^2), the spread of a log estimate (0.10 ~ ±10 %);
    ``mape`` = mean |exp(y^(-i)) / exp(y_i) - 1|, the mean absolute percentage error;
    ``bias_log`` = mean (y^(-i) - y_i).
Every estimate carries ``rmse_log`` and ``mape`` of its model; the stress test draws a log
estimate from N(y^, rmse_log^2).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from models.errors import ModelInputError

#: ridge penalty on standardised features: with 15-25 training cities and 2-4 features it
#: shrinks unstable slopes a little without flattening the fit (see docs/cost.md)
DEFAULT_RIDGE = 1.0


@dataclass(frozen=True)
class LogLinearFit:
    """Coefficients of a fitted log-linear model (``coef[0]`` is the intercept)."""

    features: tuple[str, ...]
    coef: np.ndarray
    mean: np.ndarray
    sd: np.ndarray
    ridge: float
    n: int

    def predict_log(self, x: np.ndarray) -> np.ndarray:
        """Predicted log target for rows of ``x`` (same feature order)."""
        x = np.atleast_2d(np.asarray(x, dtype=float))
        z = (x - self.mean) / self.sd
        return self.coef[0] + z @ self.coef[1:]


def fit_log_linear(
    x: np.ndarray, y_log: np.ndarray, features: Sequence[str], ridge: float = DEFAULT_RIDGE
) -> LogLinearFit:
    """Ridge fit of ``y_log`` on standardised ``x`` (see the module docstring).

    Examples
    --------
    >>> x = np.array([[0.0], [1.0], [2.0], [3.0]])
    >>> f = fit_log_linear(x, np.log([1.0, 2.0, 4.0, 8.0]), ["a"], ridge=0.0)
    >>> round(float(np.exp(f.predict_log([[4.0]])[0])), 6)
    16.0
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y_log, dtype=float)
    if x.ndim != 2 or x.shape[0] != y.shape[0] or x.shape[1] != len(features):
        raise ModelInputError(f"features {x.shape} do not match {len(y)} targets / {features}")
    if not (np.isfinite(x).all() and np.isfinite(y).all()):
        raise ModelInputError("features and targets must be finite")
    if x.shape[0] < x.shape[1] + 2:
        raise ModelInputError(f"{x.shape[0]} observations are too few for {x.shape[1]} features")
    if ridge < 0:
        raise ModelInputError(f"ridge must be >= 0, got {ridge}")
    mean = x.mean(axis=0)
    sd = x.std(axis=0)
    sd = np.where(sd > 0, sd, 1.0)
    z = (x - mean) / sd
    a = np.column_stack([np.ones(len(y)), z])
    penalty = np.eye(a.shape[1]) * ridge
    penalty[0, 0] = 0.0
    coef = np.linalg.solve(a.T @ a + penalty, a.T @ y)
    return LogLinearFit(tuple(features), coef, mean, sd, float(ridge), int(len(y)))


@dataclass(frozen=True)
class CrossValidation:
    """Leave-one-out error of a model on its training cities."""

    n: int
    rmse_log: float
    mape: float
    bias_log: float
    held_out_log: np.ndarray  # prediction of each city by the model fitted without it


def leave_one_out(
    x: np.ndarray, y_log: np.ndarray, features: Sequence[str], ridge: float = DEFAULT_RIDGE
) -> CrossValidation:
    """Predict each observation from a fit on all the others; summarise the errors.

    Examples
    --------
    >>> x = np.arange(8.0)[:, None]
    >>> cv = leave_one_out(x, 0.5 * x[:, 0], ["a"], ridge=0.0)
    >>> round(cv.rmse_log, 9), round(cv.mape, 9)
    (0.0, 0.0)
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y_log, dtype=float)
    held = np.empty_like(y)
    for i in range(len(y)):
        keep = np.arange(len(y)) != i
        held[i] = fit_log_linear(x[keep], y[keep], features, ridge).predict_log(x[i : i + 1])[0]
    err = held - y
    return CrossValidation(
        n=int(len(y)),
        rmse_log=float(np.sqrt(np.mean(err**2))),
        mape=float(np.mean(np.abs(np.exp(err) - 1.0))),
        bias_log=float(np.mean(err)),
        held_out_log=held,
    )


@dataclass(frozen=True)
class EstimateModel:
    """A fitted model with its cross-validated error, ready to predict other cities."""

    name: str
    target: str
    fit: LogLinearFit
    cv: CrossValidation
    training: pd.DataFrame  # key, observed, held-out prediction (both in target units)

    @property
    def method(self) -> str:
        terms = " + ".join(self.fit.features)
        return (
            f"{self.name}: log {self.target} ~ {terms} (ridge {self.fit.ridge:g} on standardised "
            f"features, n={self.fit.n}); leave-one-out RMSE of log {self.cv.rmse_log:.3f}, "
            f"MAPE {self.cv.mape:.1%}"
        )

    def predict(self, frame: pd.DataFrame) -> pd.Series:
        """Estimates (target units) for the rows of ``frame`` with every feature known."""
        x = frame[list(self.fit.features)].to_numpy(float)
        ok = np.isfinite(x).all(axis=1)
        out = np.full(len(frame), np.nan)
        if ok.any():
            out[ok] = np.exp(self.fit.predict_log(x[ok]))
        return pd.Series(out, index=frame.index, name=self.target)


def fit_estimate_model(
    name: str,
    frame: pd.DataFrame,
    target: str,
    features: Sequence[str],
    *,
    key: str = "adcode",
    ridge: float = DEFAULT_RIDGE,
) -> EstimateModel:
    """Fit log ``target`` on ``features`` over the rows where all are known; LOO error.

    Examples
    --------
    >>> t = pd.DataFrame({"adcode": list("abcdef"), "y": [1.0, 2.0, 4.0, 8.0, 16.0, 32.0],
    ...                   "x": [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]})
    >>> m = fit_estimate_model("demo", t, "y", ["x"], ridge=0.0)
    >>> round(m.cv.rmse_log, 9), round(float(m.predict(pd.DataFrame({"x": [6.0]}))[0]), 6)
    (0.0, 64.0)
    """
    cols = [target, *features]
    missing = [c for c in [key, *cols] if c not in frame.columns]
    if missing:
        raise ModelInputError(f"{name}: columns {missing} absent")
    data = frame[[key, *cols]].apply(
        lambda s: pd.to_numeric(s, errors="coerce") if s.name != key else s
    )
    data = data[np.isfinite(data[cols].to_numpy(float)).all(axis=1) & (data[target] > 0)]
    x = data[list(features)].to_numpy(float)
    y = np.log(data[target].to_numpy(float))
    fit = fit_log_linear(x, y, features, ridge)
    cv = leave_one_out(x, y, features, ridge)
    training = pd.DataFrame(
        {key: data[key].to_numpy(), "observed": np.exp(y), "held_out": np.exp(cv.held_out_log)}
    )
    return EstimateModel(name, target, fit, cv, training)


@dataclass(frozen=True)
class PremiumModel:
    """City wage premium over its province, calibrated so the province average holds.

    premium_c = b * x_c + k_p, with x_c a city feature and k_p chosen per province so that the
    weighted mean of the city wages is the province wage:
    sum_c n_c exp(b x_c + k_p) = sum_c n_c, i.e. k_p = -log(sum_c n_c exp(b x_c) / sum_c n_c),
    n_c the city's urban population (the province average wage is an average over its
    employees, most of whom work in cities). The slope b is fitted by least squares on the
    cities with a sourced premium (log city wage / province wage, same indicator and year).
    """

    feature: str
    slope: float
    cv: CrossValidation
    baseline_rmse_log: float  # error of "city = province average" on the same cities
    training: pd.DataFrame

    @property
    def method(self) -> str:
        return (
            f"wage premium: log(city / province wage) = b * {self.feature} + k_province, "
            f"b = {self.slope:.3f}, k so that the urban-population-weighted mean city wage "
            f"equals the province average (n={self.cv.n}); leave-one-out RMSE of log "
            f"{self.cv.rmse_log:.3f}, MAPE {self.cv.mape:.1%} (province average as the city "
            f"figure: RMSE of log {self.baseline_rmse_log:.3f})"
        )


def _offsets(x: np.ndarray, weight: np.ndarray, group: np.ndarray, slope: float) -> np.ndarray:
    k = np.zeros_like(x)
    for g in np.unique(group):
        m = group == g
        k[m] = -np.log(np.sum(weight[m] * np.exp(slope * x[m])) / np.sum(weight[m]))
    return k


def _fit_slope(x, weight, group, y, train) -> float:
    from scipy.optimize import minimize_scalar

    def loss(b: float) -> float:
        pred = b * x + _offsets(x, weight, group, b)
        return float(np.sum((pred[train] - y[train]) ** 2))

    return float(minimize_scalar(loss, bounds=(-2.0, 2.0), method="bounded").x)


def predict_premium(
    frame: pd.DataFrame, feature: str, slope: float, *, weight: str = "weight",
    group: str = "province_adcode",
) -> pd.Series:  # fmt: skip
    """log(city wage / province wage) for every row with ``feature`` and ``weight`` known.

    Examples
    --------
    Two cities of one province, the larger richer one above the average, the other below:

    >>> t = pd.DataFrame({"x": [1.0, 0.0], "weight": [3.0, 1.0], "province_adcode": ["p", "p"]})
    >>> p = predict_premium(t, "x", 0.2)
    >>> bool(p[0] > 0 > p[1]), round(float((t.weight * np.exp(p)).sum() / t.weight.sum()), 9)
    (True, 1.0)
    """
    x = pd.to_numeric(frame[feature], errors="coerce").to_numpy(float)
    w = pd.to_numeric(frame[weight], errors="coerce").to_numpy(float)
    ok = np.isfinite(x) & np.isfinite(w) & (w > 0)
    out = np.full(len(frame), np.nan)
    g = frame[group].astype(str).to_numpy()
    out[ok] = slope * x[ok] + _offsets(x[ok], w[ok], g[ok], slope)
    return pd.Series(out, index=frame.index, name="wage_premium")


def fit_premium_model(
    frame: pd.DataFrame, feature: str, *, target: str = "wage_premium", weight: str = "weight",
    group: str = "province_adcode", key: str = "adcode",
) -> PremiumModel:  # fmt: skip
    """Fit the slope on rows with a sourced ``target``; leave-one-out error (see PremiumModel)."""
    x = pd.to_numeric(frame[feature], errors="coerce").to_numpy(float)
    w = pd.to_numeric(frame[weight], errors="coerce").to_numpy(float)
    y = pd.to_numeric(frame[target], errors="coerce").to_numpy(float)
    ok = np.isfinite(x) & np.isfinite(w) & (w > 0)
    x, w, y = x[ok], w[ok], y[ok]
    g = frame[group].astype(str).to_numpy()[ok]
    keys = frame[key].to_numpy()[ok]
    train = np.flatnonzero(np.isfinite(y))
    if len(train) < 4:
        raise ModelInputError(f"{len(train)} cities with a sourced premium are too few")
    slope = _fit_slope(x, w, g, y, train)
    held = np.empty(len(train))
    for n, i in enumerate(train):
        others = train[train != i]
        b = _fit_slope(x, w, g, y, others)
        held[n] = b * x[i] + _offsets(x, w, g, b)[i]
    err = held - y[train]
    cv = CrossValidation(
        n=len(train),
        rmse_log=float(np.sqrt(np.mean(err**2))),
        mape=float(np.mean(np.abs(np.exp(err) - 1.0))),
        bias_log=float(np.mean(err)),
        held_out_log=held,
    )
    training = pd.DataFrame({key: keys[train], "observed": y[train], "held_out": held})
    baseline = float(np.sqrt(np.mean(y[train] ** 2)))
    return PremiumModel(feature, slope, cv, baseline, training)


#: the models' choices, justified by leave-one-out error in docs/cost.md
WAGE_FEATURE = "log_college_share"
RENT_FEATURES = ("log_wage_np", "log_population")
BASE_YEAR = 2024


@dataclass(frozen=True)
class EconomicsEstimates:
    """Estimated wages and rents of the cities without a sourced figure, with the models."""

    estimates: pd.DataFrame  # adcode, name, province_adcode, indicator, value, unit, year, ...
    premium: PremiumModel
    rent: EstimateModel

    def model_rows(self) -> list[dict]:
        """One row per model: what it predicts, how, and its cross-validated error."""
        return [
            {"model": "wage_premium", "target": "log(city / province average wage)",
             "features": self.premium.feature, "n": self.premium.cv.n,
             "rmse_log": round(self.premium.cv.rmse_log, 4), "mape": round(self.premium.cv.mape, 4),
             "bias_log": round(self.premium.cv.bias_log, 4),
             "baseline_rmse_log": round(self.premium.baseline_rmse_log, 4),
             "method": self.premium.method},
            {"model": "office_rent_grade_a", "target": "log grade-A office rent",
             "features": " + ".join(self.rent.fit.features), "n": self.rent.cv.n,
             "rmse_log": round(self.rent.cv.rmse_log, 4), "mape": round(self.rent.cv.mape, 4),
             "bias_log": round(self.rent.cv.bias_log, 4),
             "baseline_rmse_log": round(float(np.std(np.log(self.rent.training["observed"]))), 4),
             "method": self.rent.method},
        ]  # fmt: skip


def estimate_city_economics(features: pd.DataFrame) -> EconomicsEstimates:
    """Fit both models on ``features`` (see ``data.inputs.economics.load_features``); estimate.

    Wages: city non-private and private average wages = the province figure (base year)
    x exp(premium); error = the premium model's leave-one-out error. Rents: grade-A rent from
    log wage and log population; error = sqrt(rmse_rent^2 + (elasticity x wage error)^2) when
    the city's wage is itself estimated (elasticity = d log rent / d log wage of the fit).
    """
    f = features.copy()
    premium = fit_premium_model(f, WAGE_FEATURE)
    f["premium_est"] = predict_premium(f, WAGE_FEATURE, premium.slope)
    est_np = f["province_wage_np"] * np.exp(f["premium_est"])
    wage_known = f["wage_np"].notna()  # sourced (rebased to the base year) or a municipality
    f["log_wage_np"] = np.log(f["wage_np"].where(wage_known, est_np))
    rent = fit_estimate_model("office rent", f, "rent_a", RENT_FEATURES)
    rent_est = rent.predict(f)
    elasticity = float(rent.fit.coef[1] / rent.fit.sd[0])
    rows = []
    wage_err = premium.cv
    for i, c in f.iterrows():
        base = {"adcode": c["adcode"], "name": c["name"], "province_adcode": c["province_adcode"],
                "year": BASE_YEAR}  # fmt: skip
        basis = c.get("premium_basis")
        if isinstance(basis, dict):  # a sourced city figure of an earlier year, or the other series
            for ind, prov in (
                ("avg_wage_non_private_cny_per_year", "province_wage_np"),
                ("avg_wage_private_cny_per_year", "province_wage_private"),
            ):
                if np.isfinite(c[prov]):
                    rows.append({**base, "indicator": ind, "unit": "CNY/year", "kind": "sourced",
                                 "value": round(float(c[prov] * np.exp(c["wage_premium"]))),
                                 "method": "rebased", "url": basis["url"],
                                 "note": f"city {basis['indicator']} {basis['year']} = {basis['value']:,.0f}, "
                                         f"{np.exp(c['wage_premium']):.3f} x the province's figure of that year; "
                                         f"the same ratio applied to the province's {BASE_YEAR} figure"})  # fmt: skip
        elif not wage_known[i] and np.isfinite(est_np[i]):
            for ind, prov in (
                ("avg_wage_non_private_cny_per_year", "province_wage_np"),
                ("avg_wage_private_cny_per_year", "province_wage_private"),
            ):
                if np.isfinite(c[prov]):
                    rows.append({**base, "indicator": ind, "unit": "CNY/year", "kind": "estimated",
                                 "value": round(float(c[prov] * np.exp(c["premium_est"]))),
                                 "method": "wage_premium", "error_log_rmse": round(wage_err.rmse_log, 4),
                                 "error_mape": round(wage_err.mape, 4),
                                 "note": f"province figure x exp({c['premium_est']:+.3f})"})  # fmt: skip
        if np.isnan(c["rent_a"]) and np.isfinite(rent_est[i]):
            err = rent.cv.rmse_log
            if not wage_known[i]:
                err = float(np.hypot(err, elasticity * wage_err.rmse_log))
            rows.append({**base, "indicator": "office_rent_grade_a_cny_per_m2_month",
                         "unit": "CNY/m2/month", "kind": "estimated", "value": round(float(rent_est[i]), 1),
                         "method": "office_rent_grade_a", "error_log_rmse": round(err, 4),
                         "error_mape": round(rent.cv.mape, 4),
                         "note": "from an estimated wage" if not wage_known[i] else "from the sourced wage"})  # fmt: skip
    cols = ["adcode", "name", "province_adcode", "year", "indicator", "unit", "kind", "value",
            "method", "error_log_rmse", "error_mape", "url", "note"]  # fmt: skip
    return EconomicsEstimates(pd.DataFrame(rows, columns=cols), premium, rent)
