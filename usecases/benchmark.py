"""Benchmark a center: a stored center's KPIs, or typed-in ones, against comparable centers.

``parkbench benchmark``, ``parkbench report benchmark`` and the Benchmark page read a center
the same way (:func:`benchmark_inputs`: typed values win over stored ones; only KPIs, not the
volumes the ``kpis`` table also holds), price a handled minute with the same cost model
(``usecases.pricing.cost_per_minute`` for the center's city) and compare with the same
published industry reference when the peers are too few.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import pandas as pd
import sqlite_utils

from data.inputs.benchmark import load_centers, load_industry_reference, load_kpi_observations
from models.errors import ModelInputError
from models.peer_benchmark import (
    KPI_HIGHER_IS_BETTER,
    benchmark_report,
    region_of,
    size_band,
    stored_center_inputs,
)
from usecases.pricing import REFERENCE_SEATS, cost_per_minute


@dataclass(frozen=True)
class BenchmarkInputs:
    """What ``benchmark_report`` needs besides the peers: KPIs, target, where the center is."""

    kpis: dict[str, float]
    target: dict
    definitions: dict[str, str] = field(default_factory=dict)
    label: str = "typed-in KPIs"
    exclude: str | None = None
    city: str | None = None
    seats: float | None = None
    annual_calls: float | None = None


def benchmark_inputs(
    centers: pd.DataFrame,
    observations: pd.DataFrame,
    *,
    center: str | None = None,
    kpis: dict[str, float] | None = None,
    definitions: dict[str, str] | None = None,
    industry: str | None = None,
    seats: float | None = None,
    province: str | None = None,
    city_tier: str | None = None,
    city: str | None = None,
    annual_calls: float | None = None,
    label: str | None = None,
) -> BenchmarkInputs:
    """A stored center (``center``: name or id) and/or typed KPIs as benchmark inputs.

    Typed values win over stored ones; of the stored ``kpis`` rows only the KPIs of
    ``KPI_HIGHER_IS_BETTER`` are kept (the table also holds volumes and counts).
    """
    kpis = dict(kpis or {})
    definitions = dict(definitions or {})
    target: dict = {}
    exclude = None
    name = label or "typed-in KPIs"
    if center:
        own = stored_center_inputs(centers, observations, center)
        exclude, name, target = own.center_id, own.name, dict(own.target)
        for k, v in own.kpis.items():
            if k in KPI_HIGHER_IS_BETTER:
                kpis.setdefault(k, v)
        for k, v in own.definitions.items():
            definitions.setdefault(k, v)
        annual_calls = own.annual_calls if annual_calls is None else annual_calls
        city = city or own.city
        seats_known = seats if seats is not None else own.seats
    else:
        seats_known = seats
    if industry:
        target["industry"] = industry
    if seats is not None:
        target["size_band"] = size_band(seats)
    if province:
        target["region"] = region_of(province)
    if city_tier:
        target["city_tier"] = city_tier
    if not kpis:
        if center:
            raise ModelInputError(
                f"{center} has no stored KPI that can be benchmarked; "
                "type its KPIs with --kpi metric=value,..."
            )
        raise ModelInputError("give a stored center or typed-in KPIs (--kpi metric=value,...)")
    return BenchmarkInputs(
        kpis=kpis, target=target, definitions=definitions, label=name, exclude=exclude,
        city=city, seats=seats_known, annual_calls=annual_calls,
    )  # fmt: skip


@dataclass(frozen=True)
class MinuteCost:
    """The cost of a handled minute the gaps are priced with, and where it comes from:
    typed in (``city`` None) or the cost model of ``city`` for a center of ``seats`` seats."""

    cny: float
    city: str | None = None
    seats: int | None = None


def minute_cost(
    db: sqlite_utils.Database | None, inputs: BenchmarkInputs, typed: float | None = None
) -> MinuteCost | None:
    """The typed cost of a minute, else the cost model's for the center's city, else None."""
    if typed is not None:
        return MinuteCost(float(typed))
    if not inputs.city:
        return None
    seats = max(1, int(inputs.seats or REFERENCE_SEATS))
    return MinuteCost(cost_per_minute(db, inputs.city, seats=seats), inputs.city, seats)


@dataclass(frozen=True)
class Benchmark:
    """A benchmark: the inputs read, the minute cost used and the report of
    ``models.peer_benchmark.benchmark_report`` (a JSON-ready dict)."""

    inputs: BenchmarkInputs
    minute_cost: MinuteCost | None
    report: dict


def benchmark_center(
    db: sqlite_utils.Database,
    *,
    by: Sequence[str],
    inputs: BenchmarkInputs | None = None,
    cost_per_minute_cny: float | None = None,
    cost_source: Callable[[MinuteCost], str] | None = None,
    centers: pd.DataFrame | None = None,
    observations: pd.DataFrame | None = None,
    reference: list[dict] | None = None,
    minute: Callable[[str, int], float] | None = None,
    **center,
) -> Benchmark:
    """Benchmark a stored center or typed KPIs (``center``: the keywords of
    :func:`benchmark_inputs`) against its peers (``by``: peer keys).

    ``cost_source`` writes where the minute cost comes from in the edge's language; the page
    passes its cached ``centers``, ``observations``, ``reference`` and ``minute(city, seats)``.
    """
    centers = load_centers(db) if centers is None else centers
    if observations is None:
        observations = load_kpi_observations(db, centers)
    x = inputs if inputs is not None else benchmark_inputs(centers, observations, **center)
    if minute is not None and cost_per_minute_cny is None and x.city:
        seats = max(1, int(x.seats or REFERENCE_SEATS))
        cost = MinuteCost(minute(x.city, seats), x.city, seats)
    else:
        cost = minute_cost(db, x, cost_per_minute_cny)
    report = benchmark_report(
        x.kpis,
        centers,
        observations,
        target=x.target,
        by=list(by),
        definitions=x.definitions,
        annual_calls=x.annual_calls,
        cost_per_minute_cny=cost.cny if cost else None,
        cost_per_minute_source=(cost_source(cost) if cost_source else None) if cost else None,
        exclude_center=x.exclude,
        label=x.label,
        reference=load_industry_reference() if reference is None else reference,
    )
    return Benchmark(x, cost, report)
