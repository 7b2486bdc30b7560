"""Interval staffing plans: a day or a week of 15- or 30-minute intervals, computed vectorised.

Each interval has a forecast of calls and an average handle time; the plan gives the agents
needed per interval (Erlang C, or Erlang A when a mean patience is given; all intervals searched
at once with numpy), the measures they achieve, agent-hours, rostered FTE and the peak number
of seats.

* ``fte`` per interval is ``agents / (1 - shrinkage)``, the head count to roster for that interval.
* ``period_fte`` is the paid-hours view: the scheduled agent-hours of the plan divided by the
  productive hours one FTE gives over the same period,
  ``agent_hours / (paid_hours_per_fte * (1 - shrinkage))``, where an FTE is paid
  ``hours_per_fte_week`` (default 40, State Council working-time rule of 1995) pro rata to the
  calendar length of the plan, ``period_days``. The period is calendar time (a day is 24 h
  whether or not the center is open all of it), so closed hours listed as zero calls and closed
  hours left out give the same FTE.
* ``peak_seats`` is the largest number of agents logged in at once: every one needs a seat.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from models.erlang_a import erlang_a_measures_many, required_agents_erlang_a_many
from models.erlang_c import erlang_c_measures, required_agents_erlang_c
from models.errors import ModelInputError
from models.staffing import HIGH_ABANDON_RATE, check_fraction, check_positive


@dataclass(frozen=True)
class IntervalPlan:
    """Agents per interval and the totals a roster needs."""

    intervals: pd.DataFrame
    interval_minutes: int
    shrinkage: float
    agent_hours: float
    period_fte: float
    peak_agents: int
    peak_seats: int
    peak_fte: float
    model: str = "erlang_c"
    period_days: float = 1.0
    warnings: tuple[str, ...] = ()

    def summary(self) -> dict:
        """Totals as a plain dict."""
        return {
            "intervals": len(self.intervals),
            "interval_minutes": self.interval_minutes,
            "calls": float(self.intervals["calls"].sum()),
            "agent_hours": self.agent_hours,
            "period_fte": self.period_fte,
            "peak_agents": self.peak_agents,
            "peak_seats": self.peak_seats,
            "peak_fte": self.peak_fte,
            "shrinkage": self.shrinkage,
            "model": self.model,
            "period_days": self.period_days,
            "warnings": list(self.warnings),
            "intervals_below_offered_load": int(
                (
                    (self.intervals["agents"] > 0)
                    & (self.intervals["agents"] < self.intervals["traffic_erlangs"])
                ).sum()
            ),
        }


def compute_interval_plan(
    calls,
    aht_seconds,
    *,
    interval_minutes: int = 30,
    target_sl: float | None = 0.8,
    answer_seconds: float = 20.0,
    target_asa_seconds: float | None = None,
    max_occupancy: float = 1.0,
    shrinkage: float = 0.0,
    hours_per_fte_week: float = 40.0,
    patience_seconds: float | None = None,
    max_abandon_rate: float | None = None,
    period_days: float | None = None,
) -> IntervalPlan:
    """Erlang C (or, with ``patience_seconds``, Erlang A) staffing for every interval of a plan.

    Parameters
    ----------
    calls : array-like
        Forecast calls offered in each interval (not per hour), ``>= 0``.
    aht_seconds : float or array-like
        Average handle time per interval, seconds, ``> 0``.
    interval_minutes : int
        15 or 30 (or any divisor of 60).
    patience_seconds : float or None
        Mean caller patience: Erlang A, and an ``abandon_rate`` column.
    max_abandon_rate : float or None
        Erlang A only: maximum share of callers who hang up.
    period_days : float or None
        Calendar days the plan covers (closed hours included). None: the whole days the listed
        intervals fill, ``ceil(intervals * interval_minutes / 1440)``; a reader that knows the
        dates (see :func:`data.inputs.interval_plan.infer_period_days`) should pass them.

    Examples
    --------
    >>> p = compute_interval_plan([0, 250, 500, 250], 240, interval_minutes=15, shrinkage=0.3)
    >>> list(p.intervals["agents"]), p.peak_seats
    ([0, 74, 142, 74], 142)
    """
    calls_arr = np.asarray(calls, dtype=float).ravel()
    if calls_arr.size == 0:
        raise ModelInputError("a plan needs at least one interval")
    aht = np.broadcast_to(np.asarray(aht_seconds, dtype=float), calls_arr.shape).astype(float)
    if not np.all(np.isfinite(calls_arr)) or np.any(calls_arr < 0):
        raise ModelInputError("calls per interval must be finite and >= 0")
    if not np.all(np.isfinite(aht)) or np.any(aht <= 0):
        raise ModelInputError("aht_seconds must be > 0 in every interval")
    if interval_minutes <= 0 or 60 % interval_minutes:
        raise ModelInputError("interval_minutes must divide an hour (15 or 30)")
    check_fraction("target_sl", target_sl, open_top=True)
    check_fraction("shrinkage", shrinkage, open_top=True)
    check_fraction("max_occupancy", max_occupancy)
    check_positive("hours_per_fte_week", hours_per_fte_week)
    check_positive("period_days", period_days)
    check_positive("patience_seconds", patience_seconds)
    check_fraction("max_abandon_rate", max_abandon_rate)
    if max_abandon_rate is not None and patience_seconds is None:
        raise ModelInputError("max_abandon_rate needs patience_seconds (Erlang A)")
    per_hour = 60.0 / interval_minutes
    traffic = calls_arr * per_hour * aht / 3600.0
    targets = dict(
        target_sl=target_sl,
        answer_seconds=answer_seconds,
        target_asa_seconds=target_asa_seconds,
        max_occupancy=max_occupancy,
    )
    columns = {"calls": calls_arr, "aht_seconds": aht, "traffic_erlangs": traffic}
    if patience_seconds is None:
        agents = np.atleast_1d(required_agents_erlang_c(traffic, aht, **targets))
        m = erlang_c_measures(agents, traffic, aht, answer_seconds)
        model = "erlang_c"
    else:
        agents = np.atleast_1d(
            required_agents_erlang_a_many(
                calls_arr * per_hour,
                aht,
                patience_seconds,
                max_abandon_rate=max_abandon_rate,
                **targets,
            )
        )
        m = erlang_a_measures_many(
            np.maximum(agents, 1), calls_arr * per_hour, aht, patience_seconds, answer_seconds
        )
        model = "erlang_a"
    columns.update(
        agents=agents,
        service_level=m["service_level"],
        asa_seconds=m["asa_seconds"],
        wait_probability=m["wait_probability"],
        occupancy=np.where(agents > 0, m["occupancy"], 0.0),
    )
    if patience_seconds is not None:
        columns["abandon_rate"] = m["abandon_rate"]
    warnings = []
    if patience_seconds is not None:
        if np.any((agents > 0) & (agents < traffic)):
            warnings.append("below_offered_load")
        calls_total = calls_arr.sum()
        abandoned = float((m["abandon_rate"] * calls_arr).sum() / calls_total) if calls_total else 0
        if max_abandon_rate is None and abandoned > HIGH_ABANDON_RATE:
            warnings.append("high_abandonment")
    columns["fte"] = agents / (1.0 - shrinkage)
    frame = pd.DataFrame(columns)
    hours = interval_minutes / 60.0
    agent_hours = float(agents.sum() * hours)
    listed_days = calls_arr.size * hours / 24.0
    if period_days is None:
        period_days = float(np.ceil(listed_days - 1e-9))
    elif period_days < listed_days - 1e-9:
        raise ModelInputError(
            f"period_days {period_days:g} is shorter than the {listed_days:g} days of intervals"
        )
    paid_hours = hours_per_fte_week * period_days / 7.0
    peak = int(agents.max())
    return IntervalPlan(
        intervals=frame,
        interval_minutes=int(interval_minutes),
        shrinkage=float(shrinkage),
        agent_hours=agent_hours,
        period_fte=agent_hours / (paid_hours * (1.0 - shrinkage)),
        peak_agents=peak,
        peak_seats=peak,
        peak_fte=peak / (1.0 - shrinkage),
        model=model,
        period_days=float(period_days),
        warnings=tuple(warnings),
    )
