"""Stress test of a ranking: perturb the weights and the uncertain inputs; see how ranks move.

Draws
    ``uniform``: w'_j = w_j * U(1 - pct, 1 + pct), renormalised (default pct = 0.15);
    ``dirichlet``: w' ~ Dirichlet(concentration * w) over the criteria with w_j > 0 (mean w,
    spread shrinking as the concentration grows; 100 gives a standard deviation of about
    sqrt(w (1 - w) / 101)).
    Criteria with weight 0 stay at 0. The generator is seeded, so a run is reproducible.
Uncertain inputs
    with ``input_log_sd`` (sites x criteria, 0 where a value is exact), every draw also takes
    x'_ij = x_ij * exp(sd_ij * N(0, 1)): an estimated wage or rent with a cross-validated
    RMSE of log 0.2 moves by about ±20 %, a sourced figure not at all. Scaling keeps the base
    matrix's median and spread, so only the uncertain sites move. A site priced on estimates
    thus gets a wider rank band than one priced on sourced figures.
Summary per site
    rank interval = 5th and 95th percentile of its rank over the draws; P(top k) = share of
    draws in which its rank is <= k.
The scores for all draws are one matrix product (sites x criteria @ criteria x draws); TOPSIS
uses D±_i = sqrt(sum_j w_j^2 (r_ij - r±_j)^2), also a matrix product, since the ideal point
scales with the weights.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from models.errors import ModelInputError
from models.site_score import (
    METHODS,
    RANK_DECIMALS,
    normalise,
    normalise_robust,
    normalise_vector,
    rank_scores,
    robust_stats,
    score_topsis,
)

DRAW_KINDS: tuple[str, ...] = ("uniform", "dirichlet")


def draw_weights(
    weights: np.ndarray,
    draws: int = 1000,
    *,
    kind: str = "uniform",
    pct: float = 0.15,
    concentration: float = 100.0,
    seed: int | None = 0,
) -> np.ndarray:
    """Weight vectors around ``weights``: an array of shape (draws, criteria), rows sum to 1.

    Examples
    --------
    >>> w = draw_weights(np.array([0.5, 0.3, 0.2, 0.0]), 4, pct=0.15, seed=1)
    >>> w.shape, bool(np.allclose(w.sum(axis=1), 1)), bool((w[:, 3] == 0).all())
    ((4, 4), True, True)
    """
    w = np.asarray(weights, dtype=float)
    if w.ndim != 1 or w.size == 0 or (w < 0).any() or w.sum() <= 0:
        raise ModelInputError("weights must be non-negative with a positive sum")
    if not isinstance(draws, int | np.integer) or draws < 1:
        raise ModelInputError(f"draws must be a positive integer, got {draws!r}")
    if kind not in DRAW_KINDS:
        raise ModelInputError(f"unknown draw kind {kind!r}; choose uniform or dirichlet")
    w = w / w.sum()
    rng = np.random.default_rng(seed)
    out = np.zeros((draws, w.size))
    live = w > 0
    if kind == "uniform":
        if not 0 <= pct < 1:
            raise ModelInputError(f"pct must be in [0, 1), got {pct}")
        factors = rng.uniform(1 - pct, 1 + pct, size=(draws, int(live.sum())))
        out[:, live] = w[live] * factors
    else:
        if concentration <= 0:
            raise ModelInputError(f"concentration must be positive, got {concentration}")
        if live.sum() == 1:
            out[:, live] = 1.0
        else:
            out[:, live] = rng.dirichlet(concentration * w[live], size=draws)
    return out / out.sum(axis=1, keepdims=True)


#: draws whose drawn inputs are scaled at once (a few MB at 10,000 sites: kept in cache)
_DRAW_BLOCK = 64


def scores_for_draws(
    matrix: np.ndarray,
    benefit: Sequence[bool],
    weight_draws: np.ndarray,
    method: str = "wsm",
    *,
    scale: str = "robust",
    observed: np.ndarray | None = None,
    input_log_sd: np.ndarray | None = None,
    seed: int | None = 0,
    rows: Sequence[int] | None = None,
) -> np.ndarray:
    """Scores of every site under every weight vector (and input draw): shape (sites, draws).

    With ``rows`` (indices), only those sites' scores, in that order: normalisation, ideal
    points and input draws are still those of the whole matrix, so each is the score it has
    among all sites, without scoring the others (TOPSIS with input draws scores them all).
    """
    if method not in METHODS:
        raise ModelInputError(f"unknown method {method!r}; choose wsm or topsis")
    wd = np.asarray(weight_draws, dtype=float)
    x = np.asarray(matrix, dtype=float)
    b = np.asarray(benefit, dtype=bool)
    if wd.ndim != 2 or wd.shape[1] != x.shape[1]:
        raise ModelInputError(f"weight draws must have shape (draws, {x.shape[1]})")
    noisy = _noisy_columns(input_log_sd, x.shape)
    picked = slice(None) if rows is None else np.asarray(rows, dtype=int)
    if noisy and method == "topsis":
        draws_x = _draw_inputs(x, input_log_sd, noisy, wd.shape[0], seed)
        scores = np.column_stack(
            [score_topsis(xd, b, w) for xd, w in zip(draws_x, wd, strict=True)]
        )
        return scores[picked]
    if method == "wsm":
        z = normalise(x, b, scale, observed)
        scores = z[picked] @ wd.T
        if noisy:
            stats = robust_stats(x, observed)
            rng = np.random.default_rng(None if seed is None else seed + 1)
            sd = np.asarray(input_log_sd, dtype=float)
            for j in noisy:
                col = (stats[0][j : j + 1], stats[1][j : j + 1])
                # a block of draws at a time (the generator gives the same numbers as in one
                # call); every site's draws are made (the same whichever rows are scored)
                for start in range(0, wd.shape[0], _DRAW_BLOCK):
                    stop = min(start + _DRAW_BLOCK, wd.shape[0])
                    noise = rng.standard_normal((stop - start, x.shape[0]))[:, picked]
                    # x * exp(sd * noise), then (z_drawn - z) * weight, in place on the draws
                    noise *= sd[None, picked, j]
                    np.exp(noise, out=noise)
                    noise *= x[None, picked, j]
                    zj = normalise_robust(noise.reshape(-1, 1), [b[j]], stats=col)
                    zj = zj.reshape(noise.shape)
                    zj -= z[None, picked, j]
                    zj *= wd[start:stop, j : j + 1]
                    scores[:, start:stop] += zj.T
        return scores
    r = normalise_vector(x)
    best = np.where(b, r.max(axis=0), r.min(axis=0))
    worst = np.where(b, r.min(axis=0), r.max(axis=0))
    r = r[picked]
    w2 = (wd**2).T
    d_plus = np.sqrt(np.clip(((r - best) ** 2) @ w2, 0.0, None))
    d_minus = np.sqrt(np.clip(((r - worst) ** 2) @ w2, 0.0, None))
    total = d_plus + d_minus
    return np.divide(d_minus, total, out=np.full_like(total, 0.5), where=total > 0)


def _noisy_columns(input_log_sd, shape) -> list[int]:
    if input_log_sd is None:
        return []
    sd = np.asarray(input_log_sd, dtype=float)
    if sd.shape != shape:
        raise ModelInputError(f"input_log_sd must have the matrix's shape {shape}, got {sd.shape}")
    if not np.isfinite(sd).all() or (sd < 0).any():
        raise ModelInputError("input_log_sd must be finite and >= 0")
    return [j for j in range(shape[1]) if (sd[:, j] > 0).any()]


def _draw_inputs(x, input_log_sd, noisy, draws: int, seed) -> np.ndarray:
    rng = np.random.default_rng(None if seed is None else seed + 1)
    out = np.repeat(x[None, :, :], draws, axis=0)
    sd = np.asarray(input_log_sd, dtype=float)
    for j in noisy:
        out[:, :, j] *= np.exp(sd[None, :, j] * rng.standard_normal((draws, x.shape[0])))
    return out


def ranks_of_rows(scores: np.ndarray, rows: Sequence[int]) -> np.ndarray:
    """Ranks of ``rows`` among all sites in each column of ``scores`` (sites, draws):
    :func:`models.site_score.rank_scores` of those rows (1 = highest; ties share the smaller
    rank), counted instead of sorted.

    Examples
    --------
    >>> s = np.array([[0.2, 0.5], [0.9, 0.1], [0.2, 0.7]])
    >>> ranks_of_rows(s, [2, 0]).tolist(), rank_scores(s)[[2, 0]].tolist()
    ([[2, 1], [2, 2]], [[2, 1], [2, 2]])
    """
    s = np.round(np.asarray(scores, dtype=float), RANK_DECIMALS)
    picked = s[np.asarray(rows, dtype=int)]
    if not np.isfinite(s).all():  # NaN scores rank last in their own order: sort them
        return rank_scores(scores)[np.asarray(rows, dtype=int)]
    out = np.empty(picked.shape, dtype=np.int64)
    for k, row in enumerate(picked):  # one chosen site at a time: (sites, draws) booleans
        out[k] = 1 + (s > row[None, :]).sum(axis=0)
    return out


@dataclass(frozen=True)
class StressResult:
    """Rank spread per site over the weight draws.

    ``rank_p05``/``rank_p95``: 5th/95th percentile rank (1 = best); ``rank_median``;
    ``p_top_k``: share of draws with rank <= ``top_k``.
    """

    draws: int
    kind: str
    top_k: int
    rank_p05: np.ndarray
    rank_p95: np.ndarray
    rank_median: np.ndarray
    p_top_k: np.ndarray


def stress_ranks(
    matrix: np.ndarray,
    benefit: Sequence[bool],
    weights: np.ndarray,
    method: str = "wsm",
    *,
    draws: int = 1000,
    top_k: int = 10,
    kind: str = "uniform",
    pct: float = 0.15,
    concentration: float = 100.0,
    seed: int | None = 0,
    among: Sequence[int] | None = None,
    scale: str = "robust",
    observed: np.ndarray | None = None,
    input_log_sd: np.ndarray | None = None,
) -> StressResult:
    """Perturb the weights ``draws`` times and summarise each site's rank.

    With ``among`` (row indices), the scores are still computed on the whole matrix (same
    normalisation and ideal points) but ranks are taken among those rows only, and the
    result has one entry per index of ``among``, in its order.

    Examples
    --------
    Two sites swap the lead as the weights move; the third is always last:

    >>> x = np.array([[10.0, 1.0], [1.0, 10.0], [4.0, 4.0]])
    >>> s = stress_ranks(x, [True, True], np.array([0.5, 0.5]), draws=200, top_k=1, scale="minmax")
    >>> s.rank_p05.tolist(), s.rank_p95.tolist(), float(s.p_top_k.sum())
    ([1.0, 1.0, 3.0], [2.0, 2.0, 3.0], 1.0)

    ``input_log_sd`` widens the band of a site whose value is an estimate:

    >>> x = np.array([[1.0], [2.0], [3.0], [4.0], [5.0]])
    >>> sd = np.array([[0.0], [0.0], [0.5], [0.0], [0.0]])
    >>> s = stress_ranks(x, [True], np.array([1.0]), draws=300, input_log_sd=sd)
    >>> (s.rank_p95 - s.rank_p05).tolist()
    [0.0, 1.0, 3.0, 1.0, 1.0]
    """
    _check_top_k(top_k)
    wd = draw_weights(weights, draws, kind=kind, pct=pct, concentration=concentration, seed=seed)
    scores = scores_for_draws(
        matrix, benefit, wd, method, scale=scale, observed=observed, input_log_sd=input_log_sd,
        seed=seed, rows=among,
    )  # fmt: skip
    return _summary(rank_scores(scores), draws, kind, top_k)


def selection_stress(
    matrix: np.ndarray,
    benefit: Sequence[bool],
    weights: np.ndarray,
    method: str = "wsm",
    *,
    rows: Sequence[int],
    draws: int = 1000,
    top_k: int = 10,
    kind: str = "uniform",
    pct: float = 0.15,
    concentration: float = 100.0,
    seed: int | None = 0,
    scale: str = "robust",
    observed: np.ndarray | None = None,
    input_log_sd: np.ndarray | None = None,
) -> tuple[StressResult, StressResult]:
    """The stress test of chosen sites (``rows``, in their order) under one set of draws:
    their ranks among all sites (the entries ``stress_ranks`` gives them, with ``top_k``) and
    among the chosen only (``stress_ranks(..., among=rows, top_k=1)``).

    The sites are scored once, and only the chosen ones are ranked (counted, not sorted).

    Examples
    --------
    >>> x = np.array([[10.0, 1.0], [1.0, 10.0], [4.0, 4.0], [2.0, 2.0]])
    >>> overall, among = selection_stress(x, [True, True], np.array([0.5, 0.5]), rows=[3, 2],
    ...                                   draws=200, top_k=2, scale="minmax")
    >>> overall.rank_p05.tolist(), among.rank_p95.tolist(), among.p_top_k.tolist()
    ([4.0, 3.0], [2.0, 1.0], [0.0, 1.0])
    """
    _check_top_k(top_k)
    wd = draw_weights(weights, draws, kind=kind, pct=pct, concentration=concentration, seed=seed)
    scores = scores_for_draws(
        matrix, benefit, wd, method, scale=scale, observed=observed, input_log_sd=input_log_sd,
        seed=seed,
    )  # fmt: skip
    rows = np.asarray(rows, dtype=int)
    return (
        _summary(ranks_of_rows(scores, rows), draws, kind, top_k),
        _summary(rank_scores(scores[rows]), draws, kind, 1),
    )


def _check_top_k(top_k) -> None:
    if not isinstance(top_k, int | np.integer) or top_k < 1:
        raise ModelInputError(f"top k must be a positive integer, got {top_k!r}")


def _summary(ranks: np.ndarray, draws: int, kind: str, top_k: int) -> StressResult:
    p05, p50, p95 = np.percentile(ranks, [5, 50, 95], axis=1, method="nearest")
    return StressResult(
        draws=draws,
        kind=kind,
        top_k=int(top_k),
        rank_p05=p05.astype(float),
        rank_p95=p95.astype(float),
        rank_median=p50.astype(float),
        p_top_k=(ranks <= top_k).mean(axis=1),
    )
