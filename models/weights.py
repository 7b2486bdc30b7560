"""Criterion weights: direct or per group, presets with their sources, AHP, entropy and CRITIC.

Every function returns weights that are non-negative and sum to 1 over the criteria given.
Group weights (``labour``, ``cost``, ``transport``, ``incentives``, ``cluster``) are split
equally among the criteria of the group that are present.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from models.criteria import GROUPS, Criterion
from models.errors import ModelInputError

#: Saaty's random consistency index RI by matrix size n (Saaty 1980, table 1.7 / 2012 ed.).
SAATY_RI: dict[int, float] = {
    1: 0.0, 2: 0.0, 3: 0.58, 4: 0.90, 5: 1.12, 6: 1.24, 7: 1.32, 8: 1.41, 9: 1.45, 10: 1.49,
}  # fmt: skip
#: Above this consistency ratio the judgements should be revised (Saaty's 10% rule).
CR_LIMIT = 0.1


@dataclass(frozen=True)
class Preset:
    """Named group weights with where they come from.

    ``weights`` maps group -> weight (summing to 1); ``source`` cites the text the weights
    read; ``mapping`` says how a foreign scheme was mapped onto our groups.
    """

    name: str
    label_zh: str
    label_en: str
    weights: Mapping[str, float]
    source: str
    mapping: str = ""


PRESETS: dict[str, Preset] = {
    p.name: p
    for p in (
        Preset(
            "talent_first",
            "人才优先",
            "talent first",
            {"labour": 0.40, "cost": 0.25, "cluster": 0.15, "transport": 0.15, "incentives": 0.05},
            source=(
                "seeds/001_039997815a96cd3c.txt (2007 Yangzhou call-center forum): "
                "“人才已经成为呼叫行业发展过程中面临的首要问题，也成为决定呼叫企业选址的最关键因素。"
                "而成本和运营、产业环境则是呼叫企业的重要关注点。”; commuting: "
                "“如何让交通更‘绿色’、更快捷也是企业选址时不容忽视的一个问题”; incentives weigh "
                "little: “仅凭当初的优惠政策已经无法博得呼叫企业的青睐了”."
            ),
            mapping=(
                "Order of the article (talent > cost and operations > industry environment, "
                "commuting > incentives) turned into weights 40/25/15/15/5 by ParkBench; the "
                "article gives an order, not numbers."
            ),
        ),
        Preset(
            "customer_support_center",
            "客服中心（招商选址模型）",
            "customer-support center (investment-promotion profile)",
            {"cluster": 0.40, "labour": 0.35, "transport": 0.20, "incentives": 0.05, "cost": 0.0},
            source=(
                "Customer-support-center profile of investment-promotion (招商) site-selection "
                "tools as stated in the ParkBench issue: industry cluster 40, labour 35, "
                "infrastructure 15, living environment 5, business environment 5."
            ),
            mapping=(
                "cluster 40 -> cluster; labour 35 -> labour; infrastructure 15 -> transport; "
                "living environment 5 -> transport (commuting is the living-environment factor "
                "we measure); business environment 5 -> incentives; cost gets 0 (the profile "
                "has no cost factor)."
            ),
        ),
        Preset(
            "cost_first",
            "成本优先",
            "cost first",
            {"cost": 0.45, "labour": 0.25, "incentives": 0.15, "transport": 0.10, "cluster": 0.05},
            source=(
                "ParkBench preset for cost-driven outsourcers; seeds/001_039997815a96cd3c.txt: "
                "“运营费用可能是建设费用的10倍”."
            ),
            mapping="Cost first, labour second, the rest by ParkBench judgement.",
        ),
        Preset(
            "equal_groups",
            "各组等权",
            "equal groups",
            {g: 0.2 for g in GROUPS},
            source="No judgement: each of the five groups gets 20%.",
        ),
    )
}


def normalise_weights(weights: Sequence[float] | np.ndarray) -> np.ndarray:
    """Scale non-negative weights to sum to 1.

    Examples
    --------
    >>> normalise_weights([2, 1, 1]).tolist()
    [0.5, 0.25, 0.25]
    """
    w = np.asarray(weights, dtype=float)
    if w.ndim != 1 or w.size == 0:
        raise ModelInputError("weights must be a non-empty list of numbers")
    if not np.isfinite(w).all() or (w < 0).any():
        raise ModelInputError("weights must be finite and non-negative")
    total = w.sum()
    if total <= 0:
        raise ModelInputError("weights sum to 0: give at least one positive weight")
    return w / total


def weights_for_criteria(given: Mapping[str, float], criteria: Sequence[Criterion]) -> np.ndarray:
    """Turn weights keyed by group or by criterion name into one weight per criterion.

    A group weight is split equally among the group's criteria present; a criterion weight is
    used as it is. A group and one of its own criteria cannot both be given. Criteria not
    covered get 0. The result is normalised to sum to 1.

    Examples
    --------
    >>> cs = [Criterion("a", "labour", "benefit", "p"), Criterion("b", "labour", "benefit", "p"),
    ...       Criterion("c", "cost", "cost", "CNY")]
    >>> weights_for_criteria({"labour": 0.6, "c": 0.4}, cs).tolist()
    [0.3, 0.3, 0.4]
    """
    criteria = list(criteria)
    names = {c.name for c in criteria}
    w = np.zeros(len(criteria))
    groups_given = {k for k in given if k in GROUPS}
    for key, value in given.items():
        if key not in GROUPS and key not in names:
            raise ModelInputError(
                f"weight {key!r} names neither a group ({', '.join(GROUPS)}) nor a criterion "
                f"({', '.join(sorted(names))})"
            )
        if not np.isfinite(value) or value < 0:
            raise ModelInputError(f"weight {key}={value} must be a non-negative number")
    for i, c in enumerate(criteria):
        if c.name in given:
            if c.group in groups_given:
                raise ModelInputError(
                    f"both group {c.group!r} and its criterion {c.name!r} have a weight; give one"
                )
            w[i] = given[c.name]
    for g in groups_given:
        members = [i for i, c in enumerate(criteria) if c.group == g]
        for i in members:
            w[i] = given[g] / len(members)
    return normalise_weights(w)


def preset_weights(name: str, criteria: Sequence[Criterion]) -> np.ndarray:
    """Weights per criterion from a named preset (see :data:`PRESETS`)."""
    if name not in PRESETS:
        raise ModelInputError(f"unknown preset {name!r}; choose one of {', '.join(PRESETS)}")
    present = {c.group for c in criteria}
    given = {g: v for g, v in PRESETS[name].weights.items() if g in present}
    return weights_for_criteria(given, criteria)


@dataclass(frozen=True)
class AHPResult:
    """Weights from a pairwise-comparison matrix with its consistency.

    ``consistency_ratio`` is CI / RI with CI = (lambda_max - n) / (n - 1); ``consistent`` is
    ``consistency_ratio <= 0.1``; ``warning`` says what to do when it is not.
    """

    weights: np.ndarray
    lambda_max: float
    consistency_index: float
    consistency_ratio: float
    consistent: bool
    warning: str | None


def ahp_weights(pairwise: Sequence[Sequence[float]] | np.ndarray) -> AHPResult:
    """AHP weights as the principal eigenvector of a reciprocal pairwise matrix (Saaty).

    ``pairwise[i][j]`` says how much more important criterion i is than j on Saaty's 1-9
    scale; the matrix must be positive with ``a[j][i] == 1 / a[i][j]``.

    Examples
    --------
    >>> r = ahp_weights([[1, 3, 5], [1/3, 1, 3], [1/5, 1/3, 1]])
    >>> r.weights.round(3).tolist(), round(float(r.consistency_ratio), 3), r.consistent
    ([0.637, 0.258, 0.105], 0.033, True)
    """
    a = np.asarray(pairwise, dtype=float)
    if a.ndim != 2 or a.shape[0] != a.shape[1] or a.shape[0] == 0:
        raise ModelInputError(f"pairwise matrix must be square, got shape {a.shape}")
    n = a.shape[0]
    if not np.isfinite(a).all() or (a <= 0).any():
        raise ModelInputError("pairwise judgements must be positive numbers")
    if not np.allclose(a * a.T, 1.0, rtol=1e-3):
        i, j = np.argwhere(~np.isclose(a * a.T, 1.0, rtol=1e-3))[0]
        raise ModelInputError(
            f"pairwise matrix is not reciprocal: a[{i}][{j}]={a[i, j]:g} but a[{j}][{i}]={a[j, i]:g}"
        )
    if n > max(SAATY_RI):
        raise ModelInputError(f"AHP supports up to {max(SAATY_RI)} items per matrix, got {n}")
    eigvals, eigvecs = np.linalg.eig(a)
    k = int(np.argmax(eigvals.real))
    lam = float(eigvals[k].real)
    vec = np.abs(eigvecs[:, k].real)
    w = vec / vec.sum()
    ci = max(0.0, (lam - n) / (n - 1)) if n > 2 else 0.0
    ri = SAATY_RI[n]
    cr = ci / ri if ri > 0 else 0.0
    warning = None
    if cr > CR_LIMIT:
        warning = f"consistency ratio {cr:.3f} is above {CR_LIMIT}: revise the pairwise judgements"
    return AHPResult(w, lam, ci, cr, cr <= CR_LIMIT, warning)


def ahp_from_judgements(judgements: dict[tuple[str, str], float]) -> tuple[list[str], AHPResult]:
    """AHP weights from named pairwise judgements ``{("labour", "cost"): 3, ...}``.

    Each pair says how much more important the first item is than the second (Saaty's 1-9
    scale, or its reciprocal); every pair of the items named must be judged exactly once.
    Returns the item names in first-seen order and the :class:`AHPResult`.

    Examples
    --------
    >>> names, r = ahp_from_judgements({("labour", "cost"): 3, ("labour", "transport"): 5,
    ...                                 ("cost", "transport"): 3})
    >>> names, r.weights.round(3).tolist(), r.consistent
    (['labour', 'cost', 'transport'], [0.637, 0.258, 0.105], True)
    """
    names: list[str] = []
    for a, b in judgements:
        if a == b:
            raise ModelInputError(f"{a} is compared with itself")
        for x in (a, b):
            if x not in names:
                names.append(x)
    n = len(names)
    if n < 2:
        raise ModelInputError("AHP needs judgements on at least two items")
    m = np.ones((n, n))
    seen: set[frozenset] = set()
    for (a, b), v in judgements.items():
        key = frozenset((a, b))
        if key in seen:
            raise ModelInputError(f"{a} and {b} are judged twice")
        if not v > 0:
            raise ModelInputError(f"judgement {a}/{b}={v} must be a positive number")
        seen.add(key)
        i, j = names.index(a), names.index(b)
        m[i, j], m[j, i] = v, 1.0 / v
    missing = [f"{names[i]}/{names[j]}" for i in range(n) for j in range(i + 1, n)
               if frozenset((names[i], names[j])) not in seen]  # fmt: skip
    if missing:
        raise ModelInputError(f"missing pairwise judgements: {', '.join(missing)}")
    return names, ahp_weights(m)


def entropy_weights(matrix: np.ndarray) -> np.ndarray:
    """Entropy weights of the columns of a non-negative matrix (sites x criteria).

    Each column is read as a distribution p_ij = x_ij / sum_i x_ij; its entropy
    e_j = -sum_i p_ij ln p_ij / ln n; the weight is (1 - e_j) / sum_k (1 - e_k). Columns that
    barely vary get little weight. Pass benefit-oriented normalised values (see
    :func:`models.site_score.normalise_minmax`). Same formula as scikit-criteria's
    ``entropy_weights``.

    Examples
    --------
    >>> entropy_weights(np.array([[1.0, 5.0], [1.0, 1.0], [1.0, 0.1]])).round(3).tolist()
    [0.0, 1.0]
    """
    x = np.asarray(matrix, dtype=float)
    if x.ndim != 2 or x.shape[0] < 2:
        raise ModelInputError("entropy weights need a matrix with at least two sites")
    if not np.isfinite(x).all() or (x < 0).any():
        raise ModelInputError("entropy weights need finite, non-negative values")
    col = x.sum(axis=0)
    p = np.divide(x, col, out=np.full_like(x, 1.0 / x.shape[0]), where=col > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        plogp = np.where(p > 0, p * np.log(p), 0.0)
    e = -plogp.sum(axis=0) / np.log(x.shape[0])
    d = np.clip(1.0 - e, 0.0, None)
    if d.sum() <= 0:
        return np.full(x.shape[1], 1.0 / x.shape[1])
    return d / d.sum()


def critic_weights(matrix: np.ndarray, benefit: Sequence[bool]) -> np.ndarray:
    """CRITIC weights (Diakoulaki, Mavrotas & Papayannakis 1995).

    Columns are scaled to [0, 1] towards their ideal (min-max, reversed for cost criteria);
    C_j = sigma_j * sum_k (1 - r_jk) with sigma the population standard deviation and r the
    Pearson correlation; w_j = C_j / sum C. Constant columns get 0.

    Examples
    --------
    >>> x = np.array([[1.0, 10.0, 3.0], [2.0, 20.0, 1.0], [3.0, 15.0, 2.0]])
    >>> critic_weights(x, [True, True, False]).round(3).tolist()
    [0.5, 0.25, 0.25]
    """
    x = np.asarray(matrix, dtype=float)
    b = np.asarray(benefit, dtype=bool)
    if x.ndim != 2 or x.shape[0] < 2 or x.shape[1] != b.size:
        raise ModelInputError(
            "CRITIC needs a matrix (sites x criteria) and one direction per column"
        )
    from models.site_score import normalise_minmax

    z = normalise_minmax(x, b)
    sd = z.std(axis=0)
    live = sd > 0
    r = np.zeros((x.shape[1], x.shape[1]))
    if live.sum() > 1:
        r[np.ix_(live, live)] = np.corrcoef(z[:, live], rowvar=False)
    conflict = np.where(live, (1.0 - r[:, live]).sum(axis=1), 0.0)
    c = sd * conflict
    if c.sum() <= 0:
        return np.full(x.shape[1], 1.0 / x.shape[1])
    return c / c.sum()
