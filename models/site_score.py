"""Scores of candidate sites: normalisation, weighted sum (WSM), TOPSIS and contributions.

All functions work on a filled decision matrix (sites x criteria, no NaN; see
:func:`models.criteria.apply_missing_rules`) and one direction per criterion
(``True`` = benefit). Everything is vectorised with numpy.

Scaling (``scale="robust"``, the default)
    z_ij = clip(0.5 + (x_ij - m_j) / (4 s_j), 0, 1) for benefit criteria, 1 - that for cost
    criteria; m_j = median of the observed (not filled-in) values, s_j = a robust spread:
    max(IQR_j / 1.349, 0.05 |m_j|). When both are 0 (a 0/1 flag or a mostly-zero count such
    as known incentives) the column is scaled from its minimum (0) to its maximum (1). Two sites two robust standard deviations apart on either side of the
    median span the whole scale; a gap smaller than 5 % of a typical value (within the error
    of the inputs) moves a site by at most 0.025 of the criterion's weight per 1 %, instead
    of the whole weight min-max scaling gave it; outliers are capped instead of squeezing
    everyone else together. ``scale="minmax"`` keeps the old z = (x - min) / (max - min).
WSM
    S_i = sum_j w_j z_ij in [0, 1]; contribution_ij = w_j z_ij.
TOPSIS (Hwang & Yoon 1981)
    r_ij = x_ij / sqrt(sum_i x_ij^2); v_ij = w_j r_ij; ideal v+_j = best v_ij, anti-ideal
    v-_j = worst; D±_i = ||v_i - v±||; C_i = D-_i / (D+_i + D-_i) in [0, 1].
    Contributions apportion C_i in proportion to w_j z_ij (TOPSIS is not additive).
Ranks
    1 = best; equal scores share the smaller rank.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from models.errors import ModelInputError

METHODS: tuple[str, ...] = ("wsm", "topsis")
#: Scores are rounded to this many decimals before ranking, so identical sites tie exactly.
RANK_DECIMALS = 12


def _check(matrix: np.ndarray, benefit: Sequence[bool]) -> tuple[np.ndarray, np.ndarray]:
    x = np.asarray(matrix, dtype=float)
    b = np.asarray(benefit, dtype=bool)
    if x.ndim != 2 or x.shape[0] == 0 or x.shape[1] == 0:
        raise ModelInputError(f"decision matrix must be sites x criteria, got shape {x.shape}")
    if b.shape != (x.shape[1],):
        raise ModelInputError(f"need {x.shape[1]} directions, got {b.size}")
    if not np.isfinite(x).all():
        raise ModelInputError("decision matrix has missing or infinite values: fill them first")
    return x, b


def normalise_minmax(matrix: np.ndarray, benefit: Sequence[bool]) -> np.ndarray:
    """Min-max scale each column to [0, 1], 1 = best (reversed for cost criteria).

    Examples
    --------
    >>> normalise_minmax(np.array([[1.0, 10.0], [3.0, 30.0], [2.0, 20.0]]), [True, False]).tolist()
    [[0.0, 1.0], [1.0, 0.0], [0.5, 0.5]]
    """
    x, b = _check(matrix, benefit)
    lo = x.min(axis=0)
    span = x.max(axis=0) - lo
    z = np.divide(x - lo, span, out=np.zeros_like(x), where=span > 0)
    return np.where(b, z, np.where(span > 0, 1.0 - z, 0.0))


#: the robust spread is at least this share of the median's magnitude
SPREAD_FLOOR_SHARE = 0.05
#: z runs over +-2 robust spreads around the median
SCALE_SPREADS = 4.0
SCALES: tuple[str, ...] = ("robust", "minmax")


def robust_stats(
    matrix: np.ndarray, observed: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Per column: median and robust spread of the observed cells (see the module docstring).

    Examples
    --------
    >>> x = np.array([[100.0, 0.0], [100.0, 0.0], [100.0, 0.0], [100.0, 0.0], [103.0, 1.0]])
    >>> m, s = robust_stats(x)
    >>> m.tolist(), s.tolist()
    ([100.0, 0.5], [5.0, 0.25])
    """
    x = np.asarray(matrix, dtype=float)
    seen = np.ones(x.shape, dtype=bool) if observed is None else np.asarray(observed, dtype=bool)
    center = np.zeros(x.shape[1])
    spread = np.full(x.shape[1], np.inf)
    for j in range(x.shape[1]):
        col = x[seen[:, j], j]
        if col.size == 0:
            continue
        q25, med, q75 = np.percentile(col, [25, 50, 75])
        s = max((q75 - q25) / 1.349, SPREAD_FLOOR_SHARE * abs(med))
        if s <= 0:  # a 0/1 flag or a mostly-zero count: min -> 0, max -> 1
            med = (col.max() + col.min()) / 2
            s = (col.max() - col.min()) / SCALE_SPREADS
        center[j] = med
        spread[j] = s if s > 0 else np.inf
    return center, spread


def normalise_robust(
    matrix: np.ndarray,
    benefit: Sequence[bool],
    observed: np.ndarray | None = None,
    stats: tuple[np.ndarray, np.ndarray] | None = None,
) -> np.ndarray:
    """Scale each column around its median by a robust spread, clipped to [0, 1], 1 = best.

    ``observed`` (a mask) leaves filled-in cells out of the median and spread; ``stats``
    gives them directly (the stress test keeps the base matrix's).

    Examples
    --------
    A 3 % gap among costs near 100 is not stretched into the whole scale:

    >>> normalise_robust(np.array([[100.0], [100.0], [103.0]]), [False]).round(3).tolist()
    [[0.5], [0.5], [0.35]]
    """
    x, b = _check(matrix, benefit)
    center, spread = stats if stats is not None else robust_stats(x, observed)
    # in place on one new array (the stress test scales millions of drawn values at once):
    # clip(0.5 + (x - center) / (SCALE_SPREADS * spread), 0, 1), NaN -> 0.5
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        z = x - center
        z /= SCALE_SPREADS * spread
        z += 0.5
        np.clip(z, 0.0, 1.0, out=z)
    np.copyto(z, 0.5, where=np.isnan(z))
    if b.all():
        return z
    if not b.any():
        return np.subtract(1.0, z, out=z)
    return np.where(b, z, 1.0 - z)


def normalise(
    matrix: np.ndarray, benefit: Sequence[bool], scale: str = "robust", observed=None
) -> np.ndarray:
    """``normalise_robust`` or ``normalise_minmax`` by name."""
    if scale not in SCALES:
        raise ModelInputError(f"unknown scale {scale!r}; choose robust or minmax")
    if scale == "minmax":
        return normalise_minmax(matrix, benefit)
    return normalise_robust(matrix, benefit, observed)


def normalise_vector(matrix: np.ndarray) -> np.ndarray:
    """Divide each column by its Euclidean norm (TOPSIS normalisation).

    Examples
    --------
    >>> normalise_vector(np.array([[3.0], [4.0]])).tolist()
    [[0.6], [0.8]]
    """
    x = np.asarray(matrix, dtype=float)
    norm = np.sqrt((x**2).sum(axis=0))
    return np.divide(x, norm, out=np.zeros_like(x), where=norm > 0)


def rank_scores(scores: np.ndarray) -> np.ndarray:
    """Ranks (1 = highest score; ties share the smaller rank) along axis 0.

    Examples
    --------
    >>> rank_scores(np.array([0.2, 0.9, 0.2])).tolist()
    [2, 1, 2]
    """
    s = -np.round(np.asarray(scores, dtype=float), RANK_DECIMALS)
    if s.ndim == 1:
        return rank_scores(-s[:, None])[:, 0]
    # rank "min" per column, about 3x faster than scipy.stats.rankdata on (3000, 1000)
    t = np.ascontiguousarray(s.T)
    order = np.argsort(t, axis=1)
    ordered = np.take_along_axis(t, order, axis=1)
    new_value = np.ones(ordered.shape, dtype=bool)
    new_value[:, 1:] = ordered[:, 1:] != ordered[:, :-1]
    first = np.maximum.accumulate(np.where(new_value, np.arange(t.shape[1]), 0), axis=1)
    ranks = np.empty(t.shape, dtype=np.int64)
    np.put_along_axis(ranks, order, first + 1, axis=1)
    ranks = ranks.T
    return ranks


def score_wsm(
    matrix: np.ndarray, benefit: Sequence[bool], weights: np.ndarray, scale: str = "robust"
) -> np.ndarray:
    """Weighted-sum scores in [0, 1] on scaled criteria (robust by default).

    Examples
    --------
    >>> x = np.array([[1.0, 10.0], [3.0, 30.0]])
    >>> score_wsm(x, [True, False], np.array([0.5, 0.5]), scale="minmax").tolist()
    [0.5, 0.5]
    """
    z = normalise(matrix, benefit, scale)
    w = _weights(weights, z.shape[1])
    return z @ w


def topsis_distances(
    matrix: np.ndarray, benefit: Sequence[bool], weights: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Distances (D+, D-) of each site to the ideal and anti-ideal points (TOPSIS)."""
    x, b = _check(matrix, benefit)
    w = _weights(weights, x.shape[1])
    v = normalise_vector(x) * w
    ideal = np.where(b, v.max(axis=0), v.min(axis=0))
    anti = np.where(b, v.min(axis=0), v.max(axis=0))
    d_plus = np.sqrt(((v - ideal) ** 2).sum(axis=1))
    d_minus = np.sqrt(((v - anti) ** 2).sum(axis=1))
    return d_plus, d_minus


def score_topsis(matrix: np.ndarray, benefit: Sequence[bool], weights: np.ndarray) -> np.ndarray:
    """TOPSIS relative closeness C = D- / (D+ + D-) in [0, 1] (0.5 where both are 0).

    Examples
    --------
    >>> x = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 1.0, 2.0]])
    >>> score_topsis(x, [True, False, True], np.array([0.5, 0.3, 0.2])).round(4).tolist()
    [0.3033, 0.4311, 0.7898]
    """
    d_plus, d_minus = topsis_distances(matrix, benefit, weights)
    total = d_plus + d_minus
    return np.divide(d_minus, total, out=np.full_like(total, 0.5), where=total > 0)


def _weights(weights: np.ndarray, m: int) -> np.ndarray:
    w = np.asarray(weights, dtype=float)
    if w.shape != (m,):
        raise ModelInputError(f"need {m} weights, got {w.size}")
    if not np.isfinite(w).all() or (w < 0).any() or w.sum() <= 0:
        raise ModelInputError("weights must be non-negative with a positive sum")
    return w / w.sum()


@dataclass(frozen=True)
class SiteScores:
    """Scores, ranks and per-criterion contributions of every site.

    ``contributions[i, j]`` is criterion j's part of site i's score; rows sum to ``scores``.
    """

    method: str
    weights: np.ndarray
    scores: np.ndarray
    ranks: np.ndarray
    contributions: np.ndarray
    normalised: np.ndarray


def score_sites(
    matrix: np.ndarray,
    benefit: Sequence[bool],
    weights: np.ndarray,
    method: str = "wsm",
    *,
    scale: str = "robust",
    observed: np.ndarray | None = None,
) -> SiteScores:
    """Score and rank sites with ``method`` (``"wsm"`` or ``"topsis"``), with contributions.

    Examples
    --------
    >>> r = score_sites(np.array([[1.0, 10.0], [3.0, 30.0], [2.0, 10.0]]), [True, False],
    ...                 np.array([0.5, 0.5]), scale="minmax")
    >>> r.ranks.tolist(), r.contributions[2].tolist()
    ([2, 2, 1], [0.25, 0.5])
    """
    if method not in METHODS:
        raise ModelInputError(f"unknown method {method!r}; choose wsm or topsis")
    x, b = _check(matrix, benefit)
    w = _weights(weights, x.shape[1])
    z = normalise(x, b, scale, observed)
    parts = z * w
    if method == "wsm":
        scores = parts.sum(axis=1)
        contrib = parts
    else:
        scores = score_topsis(x, b, w)
        total = parts.sum(axis=1, keepdims=True)
        share = np.divide(parts, total, out=np.full_like(parts, 1.0 / x.shape[1]), where=total > 0)
        contrib = share * scores[:, None]
    return SiteScores(method, w, scores, rank_scores(scores), contrib, z)
