"""``parkbench staffing``: agents, FTE and queue measures for a service-level target or a plan."""

from __future__ import annotations

import json
import math

import click


@click.command(name="staffing")
@click.option("--calls-per-hour", type=float, default=None, help="Offered calls per hour.")
@click.option(
    "--aht-seconds",
    type=float,
    default=None,
    help="Average handle time, seconds (with --plan: for rows without their own).",
)
@click.option(
    "--plan",
    "plan_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="CSV/XLSX of intervals: start, calls, optional aht_seconds.",
)
@click.option(
    "--interval-minutes",
    type=int,
    default=None,
    help="Length of a --plan interval, 15 or 30 (default: from the start times, else 30).",
)
@click.option(
    "--target-sl",
    type=float,
    default=0.8,
    show_default=True,
    help="Share answered within --answer-seconds.",
)
@click.option(
    "--answer-seconds",
    type=float,
    default=20.0,
    show_default=True,
    help="Service-level threshold T, seconds.",
)
@click.option(
    "--target-asa-seconds",
    type=float,
    default=None,
    help="Maximum average speed of answer, seconds.",
)
@click.option(
    "--shrinkage",
    type=float,
    default=0.0,
    show_default=True,
    help="Share of paid time off the phones.",
)
@click.option(
    "--max-occupancy",
    type=float,
    default=1.0,
    show_default=True,
    help="Cap on agent occupancy (1 = none).",
)
@click.option(
    "--patience-seconds", type=float, default=None, help="Mean caller patience: use Erlang A."
)
@click.option(
    "--max-abandon-rate", type=float, default=None, help="Erlang A: maximum share abandoning."
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
def command(
    calls_per_hour: float,
    aht_seconds: float,
    target_sl: float,
    answer_seconds: float,
    target_asa_seconds: float | None,
    shrinkage: float,
    max_occupancy: float,
    patience_seconds: float | None,
    max_abandon_rate: float | None,
    as_json: bool,
    plan_path: str | None = None,
    interval_minutes: int | None = None,
) -> None:
    """Agents needed for X% of calls answered within T seconds (Erlang C, or Erlang A with --patience-seconds).

    With --plan FILE, agents for every interval of a day or week, FTE and the peak seats.
    """
    from usecases.staffing import StaffingTargets, plan_staffing

    targets = StaffingTargets(
        target_sl=target_sl,
        answer_seconds=answer_seconds,
        target_asa_seconds=target_asa_seconds,
        max_occupancy=max_occupancy,
        shrinkage=shrinkage,
        patience_seconds=patience_seconds,
        max_abandon_rate=max_abandon_rate,
    )
    if plan_path is not None:
        if calls_per_hour is not None:
            raise click.UsageError("give --plan or --calls-per-hour, not both")
        _plan(plan_path, interval_minutes, aht_seconds, targets, as_json)
        return
    if calls_per_hour is None or aht_seconds is None:
        raise click.UsageError("give --calls-per-hour and --aht-seconds, or --plan FILE")
    if interval_minutes is not None:
        raise click.UsageError("--interval-minutes goes with --plan")
    result = plan_staffing(calls_per_hour, aht_seconds, targets)
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(result.explain())


def _finite(value):
    return value if isinstance(value, str) or math.isfinite(value) else None


def _plan(path, interval_minutes, aht_seconds, targets, as_json) -> None:
    from usecases.staffing import plan_intervals

    staffed = plan_intervals(
        path, aht_seconds=aht_seconds, interval_minutes=interval_minutes, targets=targets
    )
    forecast, plan, interval_minutes = staffed.forecast, staffed.plan, staffed.interval_minutes
    minutes_from = "--interval-minutes" if staffed.minutes_from == "given" else staffed.minutes_from
    df = plan.intervals
    columns = [c for c in df.columns if c != "traffic_erlangs"]
    rows = [
        {"start": label, **{c: _finite(v) for c, v in zip(columns, values, strict=True)}}
        for label, values in zip(forecast.labels, df[columns].itertuples(index=False), strict=True)
    ]
    for row in rows:
        row["agents"] = int(row["agents"])
    summary = plan.summary()
    summary["interval_count"] = summary.pop("intervals")
    summary.update(
        interval_minutes_from=minutes_from,
        peak_interval=staffed.peak_interval,
        model=plan.model,
        target_sl=targets.target_sl,
        answer_seconds=targets.answer_seconds,
    )
    if as_json:
        click.echo(json.dumps({**summary, "intervals": rows}, ensure_ascii=False, indent=2))
        return
    abandon = "abandon_rate" in df.columns
    click.echo(
        f"{'start':>20} {'calls':>8} {'AHT s':>6} {'agents':>6} {'SL':>6} {'occup.':>6} {'FTE':>7}"
        + (f" {'aband.':>6}" if abandon else "")
    )
    for row in rows:
        click.echo(
            f"{row['start']:>20} {row['calls']:>8g} {row['aht_seconds']:>6.0f} {row['agents']:>6} "
            f"{row['service_level']:>6.1%} {row['occupancy']:>6.1%} {row['fte']:>7.1f}"
            + (f" {row['abandon_rate']:>6.1%}" if abandon else "")
        )
    click.echo(
        f"{summary['interval_count']} intervals of {interval_minutes} min ({minutes_from}), "
        f"{summary['calls']:,.0f} calls, {plan.model.replace('_', ' ').title()}"
    )
    click.echo(f"Agent-hours: {plan.agent_hours:,.1f}")
    click.echo(
        f"FTE over the plan ({plan.period_days:g} calendar days, {plan.shrinkage:.0%} shrinkage, "
        f"40 h week): {plan.period_fte:,.1f}"
    )
    click.echo(
        f"Peak: {plan.peak_agents} agents at {staffed.peak_interval} -> {plan.peak_seats} seats, "
        f"{plan.peak_fte:,.1f} FTE rostered"
    )
    from models.staffing import WARNINGS

    for code in plan.warnings:
        click.echo(f"Warning ({code}): {WARNINGS[code]}")
