"""Price a site: the cost of a call center in a city or park, with the incentives that apply.

``parkbench cost``, the Staffing & cost page, the Compare page and report, the site score's
cost column and ``parkbench benchmark``'s cost per minute all price through this module, so
they read the same inputs (``data.inputs.cost.load_cost_context``) and the same incentive
rules (``data.inputs.incentives``) and hand them to the cost model the same way.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import sqlite_utils

from data.inputs.cost import CostContext, load_cost_context, load_cost_contexts
from data.notes import Note
from data.store.contents import columns
from models.cost import (
    CURVE_TARGETS,
    CostBreakdown,
    CostInputs,
    compute_cost,
    compute_net_per_seat,
    cost_for_service_level,
    cost_service_level_curve,
    service_level_differences,
)
from models.errors import ModelInputError
from models.incentives import IncentiveRule

#: the reference center the site score and the Compare page price: 500 seats over five years
REFERENCE_SEATS = 500
REFERENCE_YEARS = 5

#: the city inputs whose basis every cost reports (sourced, estimated or national default)
CITY_INPUTS = ("agent_wage_cny_per_month", "rent_cny_per_m2_month")


#: an open store; or, where a command allows a missing store, the path it was given
#: (``data.inputs.cost`` then prices on the defaults and says so in a note)
Store = sqlite_utils.Database | str | None


def site_context(
    db: Store,
    city: str,
    park: str | None = None,
    overrides: Mapping[str, float] | None = None,
    *,
    override_source: str = "user input",
) -> CostContext:
    """Cost inputs of ``city`` (and ``park``) from the store (no store: defaults only),
    with ``overrides`` (input -> value) set on top; an unknown input raises."""
    ctx = load_cost_context(city, park, db)
    for name, value in (overrides or {}).items():
        if name not in ctx.input_names:
            raise ModelInputError(f"unknown cost input {name!r}")
        ctx.set(name, float(value), override_source, note=Note("src_user"))
    return ctx


def incentive_rules(ctx: CostContext) -> tuple[IncentiveRule, ...]:
    """The rules that apply to the context's site, as the cost model's rules."""
    return tuple(IncentiveRule.from_row(row) for row in ctx.rules)


def input_basis(ctx: CostContext) -> dict[str, dict]:
    """Input -> its basis for the city inputs: ``ctx.basis``, or ``kind: default`` when none."""
    out = {}
    for name in CITY_INPUTS:
        b = ctx.basis.get(name)
        out[name] = dict(b) if b else {"kind": "default", "value": ctx.values.get(name)}
    return out


def basis_summary(ctx: CostContext) -> tuple[str, dict[str, float]]:
    """("sourced" | "estimated" | "default", input -> log error of each estimated input).

    "estimated" when any city input is an estimate, "default" when none is sourced or
    estimated (national defaults), else "sourced" (published or user figures).
    """
    basis = input_basis(ctx)
    errors = {n: b["error_log_rmse"] for n, b in basis.items() if b["kind"] == "estimated"}
    if errors:
        return "estimated", errors
    if all(b["kind"] == "default" for b in basis.values()):
        return "default", {}
    return "sourced", {}


def has_local_inputs(ctx: CostContext) -> bool:
    """True when any cost input comes from the city or park rather than national defaults."""
    return any(not str(m.get("source", "")).startswith("default:") for m in ctx.sources.values())


@dataclass(frozen=True)
class SitePrice:
    """A site priced by the cost model: its inputs, the rules that apply, the breakdown."""

    context: CostContext
    rules: tuple[IncentiveRule, ...]
    breakdown: CostBreakdown

    @property
    def net_per_seat_per_year(self) -> float:
        return float(self.breakdown.net_per_seat_per_year)

    @property
    def incentives_applied(self) -> tuple[str, ...]:
        """Labels of the rules that pay something or were applied by the model."""
        return tuple(self.breakdown.incentives)

    @property
    def incentives_not_applied(self) -> dict[str, Note]:
        """Rule label -> why it does not apply (a coded note)."""
        return dict(self.breakdown.skipped_incentives)

    @property
    def notes(self) -> tuple[Note, ...]:
        return tuple(self.context.notes)

    def to_dict(self) -> dict:
        """The breakdown's dict plus where it was priced, the coded notes and the input basis."""
        out = self.breakdown.to_dict()
        out.update(
            city=self.context.city,
            park=self.context.park,
            adcode=self.context.adcode,
            notes=[n.to_dict() for n in self.context.notes],
            input_basis=input_basis(self.context),
        )
        return out


def price_context(
    ctx: CostContext,
    *,
    seats: int | None = None,
    calls_per_hour: float | None = None,
    aht_seconds: float | None = None,
    target_sl: float = 0.8,
    answer_seconds: float = 20.0,
    max_occupancy: float = 1.0,
    patience_seconds: float | None = None,
    years: int = REFERENCE_YEARS,
) -> SitePrice:
    """Price a loaded context: ``seats`` seats, or the seats a peak hour of ``calls_per_hour``
    calls of ``aht_seconds`` needs at the service level (``seats`` then fixes the seats)."""
    if seats is None and calls_per_hour is None:
        raise ModelInputError("give the seats or the calls per hour")
    if seats is not None and seats <= 0:
        raise ModelInputError(f"seats must be a positive whole number, got {seats}")
    rules = incentive_rules(ctx)
    if calls_per_hour is not None:
        if aht_seconds is None:
            raise ModelInputError("the calls per hour need the average handle time")
        breakdown = cost_for_service_level(
            CostInputs(seats=seats or 1, **ctx.values),
            calls_per_hour,
            aht_seconds,
            target_sl=target_sl,
            answer_seconds=answer_seconds,
            max_occupancy=max_occupancy,
            patience_seconds=patience_seconds,
            rules=rules,
            years=years,
            sources=ctx.sources,
            seats=seats,
        )
    else:
        breakdown = compute_cost(
            CostInputs(seats=seats, **ctx.values), rules, years=years, sources=ctx.sources
        )
    return SitePrice(ctx, rules, breakdown)


def price_site(
    db: Store,
    city: str,
    park: str | None = None,
    *,
    overrides: Mapping[str, float] | None = None,
    **how,
) -> SitePrice:
    """Price a center in ``city`` (or ``park``): :func:`site_context` then :func:`price_context`
    (``how``: ``seats``, ``calls_per_hour``, ``aht_seconds``, ``target_sl``, ...)."""
    return price_context(site_context(db, city, park, overrides), **how)


@dataclass(frozen=True)
class ServiceLevelPrices:
    """A site priced at several service-level targets (``cost_service_level_curve`` rows)."""

    context: CostContext
    rows: tuple[dict, ...]
    differences: tuple[dict, ...]


def price_service_levels(
    ctx: CostContext,
    calls_per_hour: float,
    aht_seconds: float,
    targets: Iterable = CURVE_TARGETS,
    *,
    patience_seconds: float | None = None,
    years: int = REFERENCE_YEARS,
) -> ServiceLevelPrices:
    """Agents, seats and cost of the site at each target, and what each step up costs."""
    rows = cost_service_level_curve(
        CostInputs(seats=1, **ctx.values),
        calls_per_hour,
        aht_seconds,
        list(targets),
        patience_seconds=patience_seconds,
        rules=list(incentive_rules(ctx)),
        years=years,
    )
    return ServiceLevelPrices(ctx, tuple(rows), tuple(service_level_differences(rows)))


def net_cost_per_seat(
    ctx: CostContext, seats: int = REFERENCE_SEATS, years: int = REFERENCE_YEARS
) -> float:
    """Net cost per seat per year (CNY, average over ``years``, after incentives): that of
    :func:`price_context`, without the breakdown (``models.cost.compute_net_per_seat``)."""
    return _net_per_seat(ctx.values, incentive_rules(ctx), seats, years)


def _net_per_seat(
    values: Mapping[str, float],
    rules: tuple[IncentiveRule, ...],
    seats: int = REFERENCE_SEATS,
    years: int = REFERENCE_YEARS,
) -> float:
    if seats is None:  # as price_context says it
        raise ModelInputError("give the seats or the calls per hour")
    if seats <= 0:
        raise ModelInputError(f"seats must be a positive whole number, got {seats}")
    return float(compute_net_per_seat(CostInputs(seats=seats, **values), rules, years=years))


def cost_log_sd(ctx: CostContext, net: float | None = None) -> float:
    """Uncertainty of the net cost per seat from its estimated inputs, as a log sd.

    Each estimated input is moved up by its cross-validated error (exp(rmse_log)); the
    changes of log cost add in quadrature (the errors of wage and rent taken as independent).
    Sourced inputs add nothing.
    """
    net = net_cost_per_seat(ctx) if net is None else net
    if not net or net <= 0:
        return 0.0
    total = 0.0
    rules = None
    for name, b in ctx.basis.items():
        err = b.get("error_log_rmse") if b.get("kind") == "estimated" else None
        if not err:
            continue
        rules = incentive_rules(ctx) if rules is None else rules
        moved = dict(ctx.values)
        moved[name] = ctx.values[name] * math.exp(err)
        total += math.log(_net_per_seat(moved, rules) / net) ** 2
    return math.sqrt(total)


class SitePricer:
    """The site score's cost of a place (``cost_per_seat(row)`` of
    ``data.inputs.score.load_criteria_table``): (net CNY per seat per year, log sd).

    Each candidate is priced as the reference center; a place priced on national defaults
    alone says nothing about that place: it is left missing (NaN), and the criterion's visible
    missing-value rule (median) applies, unless the place's incentive rules change its cost.
    :meth:`many` prices many places with their inputs read in one pass
    (``data.inputs.cost.load_cost_contexts``), with the same figures as one call per place.
    """

    def __init__(self, db: Store) -> None:
        self.db = db
        self.names: dict[str, str] = {}
        if {"adcode", "name_zh"} <= columns(db, "cities"):
            rows = db.query("SELECT adcode, name_zh FROM cities")
            self.names = {str(r["adcode"]): r["name_zh"] for r in rows}

    def place(self, row: Mapping) -> tuple[str, str | None]:
        """(city, park) of a criteria-table row."""
        city = self.names.get(str(row.get("adcode")), row["name"])
        return city, (row["name"] if row.get("kind") == "park" else None)

    def __call__(self, row: Mapping) -> tuple[float, float]:
        return _site_cost(load_cost_context(*self.place(row), self.db))

    def many(self, rows: Iterable[Mapping]) -> list[tuple[float, float]]:
        """:meth:`__call__` of every row, in order."""
        contexts = load_cost_contexts(self.db, [self.place(r) for r in rows])
        priced: dict[tuple, tuple[float, float]] = {}  # places of the same inputs and rules
        out = []
        for ctx in contexts:
            key = _price_key(ctx)
            if key not in priced:
                priced[key] = _site_cost(ctx)
            out.append(priced[key])
        return out


def _price_key(ctx: CostContext) -> tuple:
    """What :func:`_site_cost` reads of a context: values, where they come from (defaults or
    not), the estimates' errors and the incentive rules; equal keys, equal figures."""
    return (
        tuple(ctx.values.items()),  # in the defaults' order: equal keys, equal values
        has_local_inputs(ctx),
        tuple(
            sorted((name, b.get("kind"), b.get("error_log_rmse")) for name, b in ctx.basis.items())
        ),
        json.dumps(ctx.rules, sort_keys=True, default=str),
    )


def _site_cost(ctx: CostContext) -> tuple[float, float]:
    net = net_cost_per_seat(ctx)
    if has_local_inputs(ctx):
        return net, cost_log_sd(ctx, net)
    if ctx.rules and net != _net_per_seat(ctx.values, ()):
        return net, 0.0  # defaults, but the place's incentive rules change the cost
    return float("nan"), 0.0


def cost_per_seat_for_sites(db: Store) -> SitePricer:
    """A ``cost_per_seat(row)`` function for ``data.inputs.score.load_criteria_table``
    (:class:`SitePricer`)."""
    return SitePricer(db)


def cost_per_minute(db: Store, city: str, *, seats: int = REFERENCE_SEATS) -> float:
    """Cost of one handled minute in ``city`` (CNY): the cost model's ``per_handled_minute``.

    Gross steady-year cost (incentives not deducted) of a center of ``seats`` seats with the
    city's inputs, over the minutes its agents handle contacts (productive hours x occupancy);
    ``parkbench benchmark`` and the Benchmark page price handle-time and first-contact-resolution
    gaps with it.
    """
    ctx = load_cost_context(city, None, db)
    result = compute_cost(CostInputs(seats=seats, **ctx.values), [], sources=ctx.sources)
    return float(result.per_handled_minute)
