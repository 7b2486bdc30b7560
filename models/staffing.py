"""Agents, FTE and queue measures for a service-level target: Erlang C, or Erlang A with patience.

``compute_staffing`` validates its inputs (raising :class:`models.errors.ModelInputError`), finds
the fewest agents that meet every target (service level X% within T seconds, average speed of
answer, maximum abandonment, maximum occupancy), and turns agents into rostered FTE through
shrinkage: ``fte = agents / (1 - shrinkage)``.

Erlang A meets a service-level target with fewer agents than the offered load when callers hang
up: the abandoned calls are what keeps the queue finite. Such a result is never silent: it carries
coded ``warnings`` (``below_offered_load``; ``high_abandonment`` when more than
``HIGH_ABANDON_RATE`` of callers hang up and no ``max_abandon_rate`` was set).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

from models.erlang_a import erlang_a_measures, required_agents_erlang_a
from models.erlang_c import erlang_c_measures, required_agents_erlang_c, traffic_erlangs
from models.errors import ModelInputError

#: abandonment above which an uncapped Erlang A result is flagged (assumption: above the 6.5 %
#: global average abandonment of 2016 listed in data/reference/industry_kpis.csv, rounded down)
HIGH_ABANDON_RATE = 0.05

#: warning code -> what it means (text of the CLI; the portal translates the code)
WARNINGS = {
    "below_offered_load": "fewer agents than the offered load: the service level is met only "
    "because callers hang up",
    "high_abandonment": "more than 5% of callers hang up; set --max-abandon-rate to cap it",
}


@dataclass(frozen=True)
class StaffingResult:
    """Staffing of one queue for one interval and the measures it achieves."""

    model: str  # "erlang_c" or "erlang_a"
    calls_per_hour: float
    aht_seconds: float
    answer_seconds: float
    traffic_erlangs: float
    agents: int
    service_level: float
    asa_seconds: float
    wait_probability: float
    occupancy: float
    fte: float
    shrinkage: float
    binding: str  # which target set the number of agents
    target_sl: float | None = None
    target_asa_seconds: float | None = None
    max_occupancy: float = 1.0
    patience_seconds: float | None = None
    abandon_rate: float | None = None
    understaffed: bool = False
    warnings: tuple[str, ...] = ()

    @property
    def handled_share(self) -> float:
        """Share of offered calls that are answered (1 - abandonment; 1 under Erlang C)."""
        return 1.0 - (self.abandon_rate or 0.0)

    def to_dict(self) -> dict:
        """Plain JSON-ready dict (an infinite ASA becomes ``None``)."""
        out = asdict(self)
        out["warnings"] = list(self.warnings)
        out["handled_share"] = self.handled_share
        for key, value in out.items():
            if isinstance(value, float) and not math.isfinite(value):
                out[key] = None
        if self.patience_seconds is None:
            out.pop("abandon_rate")
            out.pop("patience_seconds")
        return out

    def explain(self) -> str:
        """A few lines a center manager can read."""
        lines = [
            f"Offered load: {self.calls_per_hour:g} calls/h x {self.aht_seconds:g} s = "
            f"{self.traffic_erlangs:.2f} erlangs ({self.model.replace('_', ' ').title()})",
            f"Agents on the phones: {self.agents} (set by {self.binding})",
            f"Service level: {self.service_level:.1%} answered within {self.answer_seconds:g} s",
            f"Average speed of answer: {self.asa_seconds:.1f} s; "
            f"probability of waiting {self.wait_probability:.1%}",
            f"Occupancy: {self.occupancy:.1%}",
        ]
        if self.abandon_rate is not None:
            lines.append(
                f"Abandoned: {self.abandon_rate:.1%} (mean patience {self.patience_seconds:g} s)"
            )
        lines.append(f"Rostered FTE with {self.shrinkage:.0%} shrinkage: {self.fte:.1f}")
        for code in self.warnings:
            lines.append(f"Warning ({code}): {WARNINGS[code]}")
        return "\n".join(lines)


def check_fraction(name: str, value: float | None, *, open_top: bool = False) -> None:
    """Raise ModelInputError unless ``value`` is in [0, 1] (or [0, 1) with ``open_top``)."""
    if value is None:
        return
    if not isinstance(value, int | float) or math.isnan(value):
        raise ModelInputError(f"{name} must be a number")
    if value < 0 or value > 1 or (open_top and value >= 1):
        span = "[0, 1)" if open_top else "[0, 1]"
        raise ModelInputError(f"{name} must be in {span}, got {value:g}")


def check_positive(name: str, value: float | None, *, allow_zero: bool = False) -> None:
    """Raise ModelInputError unless ``value`` is a finite number > 0 (>= 0 with ``allow_zero``)."""
    if value is None:
        return
    if not isinstance(value, int | float) or not math.isfinite(value):
        raise ModelInputError(f"{name} must be a finite number")
    if value < 0 or (value == 0 and not allow_zero):
        word = "negative" if value < 0 else "zero"
        raise ModelInputError(
            f"{name} must be {'>= 0' if allow_zero else '> 0'}, got {word} {value:g}"
        )


def compute_staffing(
    calls_per_hour: float,
    aht_seconds: float,
    *,
    target_sl: float | None = 0.8,
    answer_seconds: float = 20.0,
    target_asa_seconds: float | None = None,
    max_occupancy: float = 1.0,
    shrinkage: float = 0.0,
    patience_seconds: float | None = None,
    max_abandon_rate: float | None = None,
) -> StaffingResult:
    """Fewest agents meeting the targets, the measures they achieve and the FTE to roster.

    Parameters
    ----------
    calls_per_hour : float
        Offered calls per hour, ``>= 0``.
    aht_seconds : float
        Average handle time (talk + hold + wrap-up), seconds, ``> 0``.
    target_sl : float or None
        Share of calls to answer within ``answer_seconds`` (0.8 for 80/20); below 1.
    answer_seconds : float
        The service-level threshold T, seconds.
    target_asa_seconds : float or None
        Maximum average speed of answer, seconds.
    max_occupancy : float
        Cap on the share of logged-in time agents are busy (1 = no cap).
    shrinkage : float
        Share of paid time not on the phones (breaks, training, leave), in [0, 1).
    patience_seconds : float or None
        Mean caller patience; given, the Erlang A model is used.
    max_abandon_rate : float or None
        Erlang A only: maximum share of callers who hang up.

    Examples
    --------
    >>> r = compute_staffing(1000, 240, target_sl=0.8, answer_seconds=20, shrinkage=0.3)
    >>> r.agents, round(r.fte, 1)
    (74, 105.7)
    """
    check_positive("calls_per_hour", calls_per_hour, allow_zero=True)
    check_positive("aht_seconds", aht_seconds)
    check_positive("answer_seconds", answer_seconds, allow_zero=True)
    check_fraction("target_sl", target_sl, open_top=True)
    check_positive("target_asa_seconds", target_asa_seconds)
    check_fraction("max_occupancy", max_occupancy)
    if max_occupancy == 0:
        raise ModelInputError("max_occupancy must be above 0")
    check_fraction("shrinkage", shrinkage, open_top=True)
    check_positive("patience_seconds", patience_seconds)
    check_fraction("max_abandon_rate", max_abandon_rate)
    if max_abandon_rate is not None and patience_seconds is None:
        raise ModelInputError("max_abandon_rate needs patience_seconds (Erlang A)")
    load = traffic_erlangs(calls_per_hour, aht_seconds)
    kw = dict(
        target_sl=target_sl,
        answer_seconds=answer_seconds,
        target_asa_seconds=target_asa_seconds,
        max_occupancy=max_occupancy,
    )
    if patience_seconds is None:
        agents = int(required_agents_erlang_c(load, aht_seconds, **kw))
        m = {
            k: float(v)
            for k, v in erlang_c_measures(agents, load, aht_seconds, answer_seconds).items()
        }
        model, abandon = "erlang_c", None
    else:
        agents = required_agents_erlang_a(
            calls_per_hour, aht_seconds, patience_seconds, max_abandon_rate=max_abandon_rate, **kw
        )
        m = erlang_a_measures(
            max(agents, 1), calls_per_hour, aht_seconds, patience_seconds, answer_seconds
        )
        model, abandon = "erlang_a", m["abandon_rate"]
    binding = _binding(agents, calls_per_hour, aht_seconds, patience_seconds, kw, max_abandon_rate)
    warnings = []
    if patience_seconds is not None and 0 < agents < load:
        warnings.append("below_offered_load")
    if abandon is not None and max_abandon_rate is None and abandon > HIGH_ABANDON_RATE:
        warnings.append("high_abandonment")
    return StaffingResult(
        model=model,
        calls_per_hour=float(calls_per_hour),
        aht_seconds=float(aht_seconds),
        answer_seconds=float(answer_seconds),
        traffic_erlangs=load,
        agents=agents,
        service_level=m["service_level"],
        asa_seconds=m["asa_seconds"],
        wait_probability=m["wait_probability"],
        occupancy=m["occupancy"] if agents else 0.0,
        fte=agents / (1.0 - shrinkage),
        shrinkage=float(shrinkage),
        binding=binding,
        target_sl=target_sl,
        target_asa_seconds=target_asa_seconds,
        max_occupancy=float(max_occupancy),
        patience_seconds=patience_seconds,
        abandon_rate=abandon,
        understaffed=bool(m.get("understaffed", False)),
        warnings=tuple(warnings),
    )


def _binding(agents, calls_per_hour, aht_seconds, patience_seconds, kw, max_abandon_rate) -> str:
    """Name the target that alone would require ``agents`` (the first one that does)."""
    if agents == 0:
        return "no load"
    names = {
        "service_level": dict(target_sl=kw["target_sl"]),
        "asa": dict(target_asa_seconds=kw["target_asa_seconds"]),
        "max_occupancy": dict(max_occupancy=kw["max_occupancy"]),
        "max_abandon_rate": dict(max_abandon_rate=max_abandon_rate),
    }
    for name, only in names.items():
        value = next(iter(only.values()))
        if value is None or (name == "max_occupancy" and value >= 1):
            continue
        one = dict(target_sl=None, target_asa_seconds=None, max_occupancy=1.0)
        one.update({k: v for k, v in only.items() if k != "max_abandon_rate"})
        if patience_seconds is None:
            n = int(
                required_agents_erlang_c(
                    calls_per_hour * aht_seconds / 3600.0,
                    aht_seconds,
                    answer_seconds=kw["answer_seconds"],
                    **one,
                )
            )
        else:
            n = required_agents_erlang_a(
                calls_per_hour,
                aht_seconds,
                patience_seconds,
                answer_seconds=kw["answer_seconds"],
                max_abandon_rate=only.get("max_abandon_rate"),
                **one,
            )
        if n == agents:
            return name
    return "service_level"
