"""Plan staffing: agents, FTE and seats for a service level, what they cost, an interval plan.

``parkbench staffing``, ``parkbench cost --calls-per-hour`` and the Staffing & cost page size
a center with the same queue models and price it with ``usecases.pricing``; an interval
forecast file is read and completed (handle times) the same way on the command line and the
page.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from data.inputs.cost import CostContext
from data.inputs.interval_plan import IntervalForecast, load_interval_forecast
from data.notes import Note
from models.capacity import calls_per_hour_capacity
from models.cost import CostInputs, cost_service_level_curve
from models.erlang_a import erlang_a_measures
from models.erlang_c import erlang_c_measures, traffic_erlangs
from models.errors import ModelInputError
from models.incentives import IncentiveRule
from models.interval_plan import IntervalPlan, compute_interval_plan
from models.staffing import StaffingResult, compute_staffing
from usecases.pricing import REFERENCE_YEARS, SitePrice, incentive_rules, price_context

#: patience the Erlang A side of the comparison assumes when none is given, seconds
DEFAULT_PATIENCE_SECONDS = 120.0


@dataclass(frozen=True)
class StaffingTargets:
    """The service the center must give and how its agents work."""

    target_sl: float | None = 0.8
    answer_seconds: float = 20.0
    target_asa_seconds: float | None = None
    max_occupancy: float = 1.0
    shrinkage: float = 0.0
    patience_seconds: float | None = None
    max_abandon_rate: float | None = None

    def as_kwargs(self) -> dict:
        """The targets as keywords of ``compute_staffing`` and ``compute_interval_plan``."""
        return dict(self.__dict__)


def plan_staffing(
    calls_per_hour: float, aht_seconds: float, targets: StaffingTargets
) -> StaffingResult:
    """Agents and FTE a peak hour needs (Erlang C, or Erlang A with a patience)."""
    return compute_staffing(calls_per_hour, aht_seconds, **targets.as_kwargs())


def staffing_by_model(
    calls_per_hour: float, aht_seconds: float, targets: StaffingTargets
) -> dict[str, StaffingResult]:
    """The same hour under Erlang C and Erlang A (the targets' patience, else the default)."""
    patience = targets.patience_seconds or DEFAULT_PATIENCE_SECONDS
    return {
        "erlang_c": plan_staffing(
            calls_per_hour, aht_seconds, replace(targets, patience_seconds=None)
        ),
        "erlang_a": plan_staffing(
            calls_per_hour, aht_seconds, replace(targets, patience_seconds=patience)
        ),
    }


@dataclass(frozen=True)
class AgentsService:
    """What a given number of agents achieves on the hour."""

    agents: int
    traffic_erlangs: float
    service_level: float
    asa_seconds: float
    abandon_rate: float | None
    understaffed: bool


def service_with_agents(
    agents: int, calls_per_hour: float, aht_seconds: float, targets: StaffingTargets
) -> AgentsService:
    """Service level, ASA (and abandonment under Erlang A) of ``agents`` agents."""
    load = traffic_erlangs(calls_per_hour, aht_seconds)
    if targets.patience_seconds is None:
        m = erlang_c_measures(int(agents), load, aht_seconds, targets.answer_seconds)
        understaffed, abandon = bool(m["understaffed"]), None
    else:
        m = erlang_a_measures(
            int(agents), calls_per_hour, aht_seconds, targets.patience_seconds,
            targets.answer_seconds,
        )  # fmt: skip
        understaffed, abandon = False, float(m["abandon_rate"])
    return AgentsService(
        int(agents), float(load), float(m["service_level"]), float(m["asa_seconds"]), abandon,
        understaffed,
    )  # fmt: skip


@dataclass(frozen=True)
class StaffingCost:
    """The staffed center priced: the site's context with the hour's handle time and the
    shrinkage set, the rules that apply, the base inputs (one seat) and the price."""

    context: CostContext
    rules: tuple[IncentiveRule, ...]
    base: CostInputs
    price: SitePrice


def price_staffing(
    ctx: CostContext,
    calls_per_hour: float,
    aht_seconds: float,
    targets: StaffingTargets,
    *,
    years: int = REFERENCE_YEARS,
) -> StaffingCost:
    """The cost of the seats the hour needs in the site of ``ctx`` (its incentives applied)."""
    ctx = replace(ctx, values=dict(ctx.values), sources=dict(ctx.sources))
    for name, value in (("shrinkage", targets.shrinkage), ("aht_seconds", aht_seconds)):
        if value != ctx.values.get(name):  # the caller's figure, not the site's: say so
            ctx.set(name, value, "user input", note=Note("src_user"))
    price = price_context(
        ctx,
        calls_per_hour=calls_per_hour,
        aht_seconds=aht_seconds,
        target_sl=targets.target_sl,
        answer_seconds=targets.answer_seconds,
        max_occupancy=targets.max_occupancy,
        patience_seconds=targets.patience_seconds,
        years=years,
    )
    return StaffingCost(ctx, incentive_rules(ctx), CostInputs(seats=1, **ctx.values), price)


def capacity(agents: int, aht_seconds: float, target_sl: float, answer_seconds: float) -> float:
    """Peak-hour calls ``agents`` agents answer at the target (``models.capacity``), calls/h."""
    return calls_per_hour_capacity(
        agents, aht_seconds, target_sl=target_sl, answer_seconds=answer_seconds
    )


def cost_curve(
    base: CostInputs,
    calls_per_hour: float,
    aht_seconds: float,
    patience_seconds: float | None,
    rules,
    years: int = REFERENCE_YEARS,
) -> list[dict]:
    """Agents, seats and cost at each target of ``CURVE_TARGETS`` (the Staffing page's curve),
    on the base inputs and incentive rules of :func:`price_staffing`."""
    return cost_service_level_curve(
        base, calls_per_hour, aht_seconds, patience_seconds=patience_seconds, rules=list(rules),
        years=years,
    )  # fmt: skip


@dataclass(frozen=True)
class IntervalStaffing:
    """An interval plan with the forecast it was made from and where its interval length came
    from (``start times``, ``default`` or ``given``)."""

    forecast: IntervalForecast
    plan: IntervalPlan
    interval_minutes: int
    minutes_from: str

    @property
    def peak_interval(self) -> str:
        return self.forecast.labels[int(self.plan.intervals["agents"].to_numpy().argmax())]


def plan_intervals(
    source: str | Path | bytes | IntervalForecast,
    *,
    name: str | None = None,
    aht_seconds: float | None = None,
    interval_minutes: int | None = None,
    targets: StaffingTargets = StaffingTargets(),
) -> IntervalStaffing:
    """Agents for every interval of a forecast file (or a read forecast).

    Intervals without a handle time take ``aht_seconds`` (an error when none is given); the
    interval length is the file's (from its start times), else ``interval_minutes``, else 30;
    a given length that contradicts the start times is an error.
    """
    forecast = (
        source if isinstance(source, IntervalForecast) else load_interval_forecast(source, name)
    )
    if interval_minutes is None:
        minutes = forecast.interval_minutes or 30
        minutes_from = "start times" if forecast.interval_minutes else "default"
    else:
        minutes, minutes_from = int(interval_minutes), "given"
        if forecast.interval_minutes and forecast.interval_minutes != minutes:
            raise ModelInputError(
                f"--interval-minutes {minutes} but the start times are "
                f"{forecast.interval_minutes} minutes apart"
            )
    aht = forecast.aht_seconds
    if aht is None or np.isnan(aht).any():
        if aht_seconds is None or not math.isfinite(aht_seconds):
            raise ModelInputError(
                "some intervals have no aht_seconds: add the column or give --aht-seconds"
            )
        aht = np.full(forecast.calls.shape, float(aht_seconds)) if aht is None else aht
        aht = np.where(np.isnan(aht), float(aht_seconds), aht)
    plan = compute_interval_plan(
        forecast.calls,
        aht,
        interval_minutes=minutes,
        period_days=forecast.period_days,
        **targets.as_kwargs(),
    )
    return IntervalStaffing(forecast, plan, minutes, minutes_from)
