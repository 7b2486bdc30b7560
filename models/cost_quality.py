"""The cost-quality matrix of compared sites (as in fDi Benchmark): two indices, four quadrants.

For each compared site:

cost index
    ``100 x net_i / mean(net)``, where ``net_i`` is the site's net cost per seat per year after
    incentives (CNY, from :mod:`models.cost`) and the mean is over the compared sites. Below
    100 is cheaper than the selection's average.
quality score
    the site score without the cost criteria: the criteria of group ``cost`` (the net cost per
    seat) are left out and the remaining weights are rescaled to sum to 1,
    ``q_i = sum_{j not cost} c_ij / sum_{j not cost} w_j``, where ``c_ij`` is criterion ``j``'s
    contribution to site ``i``'s score and ``w_j`` its weight. With the weighted sum (WSM),
    ``c_ij = w_j z_ij`` and ``q_i`` is exactly the WSM score on the same min-max scaled values
    (scaled over all candidates) with the cost weight set to 0. With TOPSIS the contributions
    apportion the closeness ``C_i`` in proportion to ``w_j z_ij``, so ``q_i`` is the part of
    ``C_i`` the non-cost criteria earn, over their weight. ``q_i`` is in [0, 1].
quality index
    ``100 x q_i / mean(q)`` over the compared sites. Above 100 is better than the average.

Quadrants (cost index <= 100 counts as low cost, quality index >= 100 as high quality):
``low_cost_high_quality`` (the best place to be), ``high_cost_high_quality``,
``low_cost_low_quality`` and ``high_cost_low_quality``. When every site has the same value
(or a mean of 0) the index is 100 for all and a note says so.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass

from data.notes import Note
from models.errors import ModelInputError

QUADRANTS: tuple[str, ...] = (
    "low_cost_high_quality",
    "high_cost_high_quality",
    "low_cost_low_quality",
    "high_cost_low_quality",
)
#: groups of criteria left out of the quality score
COST_GROUPS: tuple[str, ...] = ("cost",)


@dataclass(frozen=True)
class CostQualitySite:
    """What the matrix needs of one site: its net cost and its score split by criterion."""

    id: str
    name: str
    net_cost_cny_per_seat_year: float
    contributions: Mapping[str, float]


@dataclass(frozen=True)
class CostQualityPoint:
    """One site in the matrix."""

    id: str
    name: str
    net_cost_cny_per_seat_year: float
    quality_score: float
    cost_index: float
    quality_index: float
    quadrant: str


@dataclass(frozen=True)
class CostQualityMatrix:
    """Every compared site's point, the selection's means and what the quality leaves out."""

    points: tuple[CostQualityPoint, ...]
    mean_net_cost_cny_per_seat_year: float
    mean_quality_score: float
    excluded_criteria: tuple[str, ...]
    notes: tuple[Note, ...]

    def to_dict(self) -> dict:
        return {
            "points": [asdict(p) for p in self.points],
            "mean_net_cost_cny_per_seat_year": self.mean_net_cost_cny_per_seat_year,
            "mean_quality_score": self.mean_quality_score,
            "excluded_criteria": list(self.excluded_criteria),
            "notes": [n.to_dict() for n in self.notes],
        }


def quality_score(
    contributions: Mapping[str, float], weights: Mapping[str, float], excluded: Sequence[str]
) -> float:
    """The score without the ``excluded`` criteria, rescaled by the weight that remains.

    Examples
    --------
    >>> quality_score({"a": 0.3, "cost": 0.2}, {"a": 0.6, "cost": 0.4}, ["cost"])
    0.5
    """
    kept = [n for n in contributions if n not in excluded]
    weight = sum(float(weights.get(n, 0.0)) for n in kept)
    if weight <= 0:
        raise ModelInputError("no weight left on criteria other than cost: no quality score")
    return sum(float(contributions[n]) for n in kept) / weight


def _index(values: list[float], label: str, notes: list[Note]) -> list[float]:
    mean = sum(values) / len(values)
    if mean <= 0 or max(values) == min(values):
        notes.append(Note("same_value", what=label))
        return [100.0] * len(values)
    return [100.0 * v / mean for v in values]


def quadrant(cost_index: float, quality_index: float) -> str:
    """The quadrant of a point (ties with the mean count as low cost and as high quality).

    Examples
    --------
    >>> quadrant(90, 110), quadrant(100, 100), quadrant(120, 80)
    ('low_cost_high_quality', 'low_cost_high_quality', 'high_cost_low_quality')
    """
    cost = "low_cost" if cost_index <= 100.0 else "high_cost"
    quality = "high_quality" if quality_index >= 100.0 else "low_quality"
    return f"{cost}_{quality}"


def compute_cost_quality(
    sites: Sequence[CostQualitySite],
    weights: Mapping[str, float],
    criterion_groups: Mapping[str, str],
) -> CostQualityMatrix:
    """Cost and quality indices (selection mean = 100) and the quadrant of every site.

    ``weights`` maps each criterion to its weight in the score; ``criterion_groups`` each
    criterion to its group (criteria of :data:`COST_GROUPS` are left out of the quality).

    Examples
    --------
    >>> sites = [
    ...     CostQualitySite("a", "A", 90_000, {"labour": 0.4, "cost": 0.3}),
    ...     CostQualitySite("b", "B", 110_000, {"labour": 0.2, "cost": 0.1}),
    ... ]
    >>> m = compute_cost_quality(sites, {"labour": 0.6, "cost": 0.4}, {"labour": "labour", "cost": "cost"})
    >>> [(p.name, round(p.cost_index), round(p.quality_index), p.quadrant) for p in m.points]
    [('A', 90, 133, 'low_cost_high_quality'), ('B', 110, 67, 'high_cost_low_quality')]
    """
    if len(sites) < 2:
        raise ModelInputError("a cost-quality matrix needs at least 2 sites")
    for s in sites:
        if not math.isfinite(s.net_cost_cny_per_seat_year) or s.net_cost_cny_per_seat_year < 0:
            raise ModelInputError(
                f"{s.name}: net cost per seat must be a finite number >= 0, "
                f"got {s.net_cost_cny_per_seat_year!r}"
            )
    excluded = tuple(n for n in sites[0].contributions if criterion_groups.get(n) in COST_GROUPS)
    notes: list[Note] = []
    if not excluded:
        notes.append(Note("no_cost_criterion"))
    nets = [float(s.net_cost_cny_per_seat_year) for s in sites]
    quality = [quality_score(s.contributions, weights, excluded) for s in sites]
    cost_idx = _index(nets, "net_cost", notes)
    quality_idx = _index(quality, "quality", notes)
    points = tuple(
        CostQualityPoint(
            id=s.id,
            name=s.name,
            net_cost_cny_per_seat_year=n,
            quality_score=q,
            cost_index=c,
            quality_index=qi,
            quadrant=quadrant(c, qi),
        )
        for s, n, q, c, qi in zip(sites, nets, quality, cost_idx, quality_idx, strict=True)
    )
    return CostQualityMatrix(
        points=points,
        mean_net_cost_cny_per_seat_year=sum(nets) / len(nets),
        mean_quality_score=sum(quality) / len(quality),
        excluded_criteria=excluded,
        notes=tuple(notes),
    )
