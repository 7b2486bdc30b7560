"""``parkbench cost``: annual cost per seat in a city or park, split into components, with incentives."""

from __future__ import annotations

import json
import math
import os

import click

from data.inputs.cost import load_cost_context
from models.cost import (
    CostInputs,
    compute_cost,
    cost_for_service_level,
    cost_service_level_curve,
    service_level_differences,
)
from models.errors import ModelInputError
from portal.costing import describe_basis, incentive_rules, input_basis


class ServiceLevels(click.ParamType):
    """``80/20,90/15``: shares answered (percent, or a fraction) within seconds."""

    name = "SL/SECONDS,..."

    def convert(self, value, param, ctx):
        if isinstance(value, list):
            return value
        targets = []
        for item in str(value).split(","):
            share, sep, seconds = item.strip().partition("/")
            try:
                sl, t = float(share.strip().rstrip("%")), float(seconds)
            except ValueError:
                self.fail(f"{item.strip()!r} is not SHARE/SECONDS such as 80/20", param, ctx)
            if not sep:
                self.fail(f"{item.strip()!r} is not SHARE/SECONDS such as 80/20", param, ctx)
            sl = sl / 100.0 if sl > 1 else sl
            if not 0 < sl < 1 or t < 0:
                self.fail(
                    f"{item.strip()!r}: share must be below 100% and seconds >= 0", param, ctx
                )
            targets.append((sl, t))
        return targets


def _clean(value):
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


@click.command(name="cost")
@click.option("--city", required=True, help="City name (e.g. 北京 or Beijing).")
@click.option(
    "--seats", type=int, default=None, help="Seats of the center (or give --calls-per-hour)."
)
@click.option("--park", default=None, help="Park name: its rent and incentive rules apply.")
@click.option(
    "--years", type=int, default=5, show_default=True, help="Years of the multi-year view."
)
@click.option(
    "--db",
    "db_path",
    default=lambda: os.environ.get("PARKBENCH_DB", "build/parkbench.sqlite"),
    show_default="build/parkbench.sqlite or $PARKBENCH_DB",
)
@click.option(
    "--calls-per-hour",
    type=float,
    default=None,
    help="Peak-hour calls: staffing sets agents, seats and FTE.",
)
@click.option("--aht-seconds", type=float, default=None, help="Average handle time, seconds.")
@click.option("--target-sl", type=float, default=0.8, show_default=True)
@click.option("--answer-seconds", type=float, default=20.0, show_default=True)
@click.option(
    "--patience-seconds", type=float, default=None, help="Mean caller patience (Erlang A)."
)
@click.option(
    "--set",
    "overrides",
    multiple=True,
    metavar="NAME=VALUE",
    help="Override an input, e.g. --set agent_wage_cny_per_month=6500.",
)
@click.option(
    "--service-levels",
    type=ServiceLevels(),
    default=None,
    help="Compare targets, e.g. 80/20,90/15 (needs --calls-per-hour and --aht-seconds).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
def command(
    city,
    seats,
    park,
    years,
    db_path,
    calls_per_hour,
    aht_seconds,
    target_sl,
    answer_seconds,
    patience_seconds,
    overrides,
    service_levels,
    as_json,
) -> None:
    """Cost per seat per year, its components, incentives and NPV for a center in CITY (or PARK)."""
    if seats is None and calls_per_hour is None:
        raise click.UsageError("give --seats or --calls-per-hour")
    if seats is not None and seats <= 0:
        raise ModelInputError(f"seats must be a positive whole number, got {seats}")
    ctx = load_cost_context(city, park, db_path)
    for item in overrides:
        name, _, raw = item.partition("=")
        if name not in ctx.input_names:
            raise ModelInputError(f"--set: unknown input {name!r}")
        try:
            ctx.set(name, float(raw), "command line (--set)")
        except ValueError as exc:
            raise ModelInputError(f"--set {name}: {raw!r} is not a number") from exc
    rules = incentive_rules(ctx)
    if service_levels is not None:
        if calls_per_hour is None or aht_seconds is None:
            raise click.UsageError("--service-levels needs --calls-per-hour and --aht-seconds")
        if seats is not None:
            raise click.UsageError("--service-levels sizes the seats from the calls: drop --seats")
        _compare(
            ctx,
            rules,
            calls_per_hour,
            aht_seconds,
            service_levels,
            patience_seconds,
            years,
            as_json,
        )
        return
    if calls_per_hour is not None:
        if aht_seconds is None:
            raise click.UsageError("--calls-per-hour needs --aht-seconds")
        base = CostInputs(seats=seats or 1, **ctx.values)
        result = cost_for_service_level(
            base,
            calls_per_hour,
            aht_seconds,
            target_sl=target_sl,
            answer_seconds=answer_seconds,
            patience_seconds=patience_seconds,
            rules=rules,
            years=years,
            sources=ctx.sources,
            seats=seats,
        )
    else:
        result = compute_cost(
            CostInputs(seats=seats, **ctx.values), rules, years=years, sources=ctx.sources
        )
    out = result.to_dict()
    out.update({"city": city, "park": ctx.park, "adcode": ctx.adcode, "notes": ctx.notes})
    out["input_basis"] = input_basis(ctx)
    if as_json:
        click.echo(json.dumps(_clean(out), ensure_ascii=False, indent=2))
    else:
        click.echo(result.explain())
        for line in describe_basis(ctx):
            click.echo(f"City input: {line}")
        for note in ctx.notes:
            click.echo(f"Note: {note}")


def _compare(ctx, rules, calls_per_hour, aht_seconds, targets, patience_seconds, years, as_json):
    rows = cost_service_level_curve(
        CostInputs(seats=1, **ctx.values),
        calls_per_hour,
        aht_seconds,
        targets,
        patience_seconds=patience_seconds,
        rules=rules,
        years=years,
    )
    diffs = service_level_differences(rows)
    if as_json:
        out = {
            "city": ctx.city,
            "park": ctx.park,
            "adcode": ctx.adcode,
            "calls_per_hour": calls_per_hour,
            "aht_seconds": aht_seconds,
            "patience_seconds": patience_seconds,
            "years": years,
            "service_levels": rows,
            "differences": diffs,
            "notes": ctx.notes,
            "input_basis": input_basis(ctx),
        }
        click.echo(json.dumps(_clean(out), ensure_ascii=False, indent=2))
        return
    click.echo(
        f"{calls_per_hour:g} calls/h x {aht_seconds:g} s in {ctx.city}"
        + (f" ({ctx.park['name']})" if ctx.park else "")
        + f"; CNY, incentives averaged over {years} years"
    )
    header = (
        f"{'target':>8} {'agents':>7} {'FTE':>7} {'seats':>6} {'per seat/yr':>12} "
        f"{'net/seat/yr':>12} {'per contact':>12} {'NPV':>15}"
    )
    click.echo(header)
    for r in rows:
        click.echo(
            f"{r['target']:>8} {r['agents']:>7} {r['fte']:>7.1f} {r['seats']:>6} "
            f"{r['per_seat_per_year']:>12,.0f} {r['net']:>12,.0f} {r['per_contact']:>12.2f} "
            f"{r['npv']:>15,.0f}"
        )
    for d in diffs:
        click.echo(
            f"{d['to']} vs {d['from']}: {d['agents']:+d} agents, {d['seats']:+d} seats, "
            f"{d['fte']:+.1f} FTE, {d['total_cny_per_year']:+,.0f} CNY/year "
            f"({d['total_cost_change']:+.1%}), {d['per_contact']:+.2f} CNY per contact, "
            f"NPV {d['npv']:+,.0f} CNY"
        )
    for line in describe_basis(ctx):
        click.echo(f"City input: {line}")
    for note in ctx.notes:
        click.echo(f"Note: {note}")
