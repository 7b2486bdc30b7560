"""Interval staffing plans: a day or a week of 15- or 30-minute intervals, computed vectorised.

Each interval has a forecast of calls and an average handle time; the plan gives the agents
needed per interval (Erlang C, all intervals searched at once with numpy), the measures they
achieve, agent-hours, rostered FTE and the peak number of seats.

* ``fte`` per interval is ``agents / (1 - shrinkage)``, the head count to roster for that interval.
* ``period_fte`` is the paid-hours view: ``agent_hours / (1 - shrinkage) / paid_hours_per_fte``
  where an FTE is paid ``hours_per_fte_week`` (default 40, State Council working-time rule of
  1995) pro rata to the length of the plan.
* ``peak_seats`` is the largest number of agents logged in at once: every one needs a seat.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from models.erlang_c import erlang_c_measures, required_agents_erlang_c
from models.errors import ModelInputError
from models.staffing import check_fraction, check_positive


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
) -> IntervalPlan:
    """Erlang C staffing for every interval of a plan.

    Parameters
    ----------
    calls : array-like
        Forecast calls offered in each interval (not per hour), ``>= 0``.
    aht_seconds : float or array-like
        Average handle time per interval, seconds, ``> 0``.
    interval_minutes : int
        15 or 30 (or any divisor of 60).

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
    per_hour = 60.0 / interval_minutes
    traffic = calls_arr * per_hour * aht / 3600.0
    agents = required_agents_erlang_c(
        traffic,
        aht,
        target_sl=target_sl,
        answer_seconds=answer_seconds,
        target_asa_seconds=target_asa_seconds,
        max_occupancy=max_occupancy,
    )
    agents = np.atleast_1d(agents)
    m = erlang_c_measures(agents, traffic, aht, answer_seconds)
    frame = pd.DataFrame(
        {
            "calls": calls_arr,
            "aht_seconds": aht,
            "traffic_erlangs": traffic,
            "agents": agents,
            "service_level": m["service_level"],
            "asa_seconds": m["asa_seconds"],
            "wait_probability": m["wait_probability"],
            "occupancy": np.where(agents > 0, m["occupancy"], 0.0),
            "fte": agents / (1.0 - shrinkage),
        }
    )
    hours = interval_minutes / 60.0
    agent_hours = float(agents.sum() * hours)
    plan_weeks = calls_arr.size * hours / (24.0 * 7.0)
    paid_hours = hours_per_fte_week * plan_weeks
    peak = int(agents.max())
    return IntervalPlan(
        intervals=frame,
        interval_minutes=int(interval_minutes),
        shrinkage=float(shrinkage),
        agent_hours=agent_hours,
        period_fte=agent_hours / (1.0 - shrinkage) / paid_hours,
        peak_agents=peak,
        peak_seats=peak,
        peak_fte=peak / (1.0 - shrinkage),
    )
