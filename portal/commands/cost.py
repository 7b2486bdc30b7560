"""``parkbench cost``: annual cost per seat in a city or park, split into components, with incentives."""

from __future__ import annotations

import json
import math
import os

import click

from models.errors import ModelInputError
from portal.notes import note_text
from usecases.pricing import input_basis, price_context, price_service_levels, site_context
from usecases.store import open_store_or_path


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
    "--max-occupancy",
    type=click.FloatRange(0, 1, min_open=True),
    default=1.0,
    show_default=True,
    help="Highest share of time agents are busy (with --calls-per-hour), as on the page.",
)
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
    max_occupancy,
    patience_seconds,
    overrides,
    service_levels,
    as_json,
) -> None:
    """Cost per seat per year, its components, incentives and NPV for a center in CITY (or PARK)."""
    if seats is None and calls_per_hour is None:
        raise click.UsageError("give --seats or --calls-per-hour")
    if service_levels is not None:
        if calls_per_hour is None or aht_seconds is None:
            raise click.UsageError("--service-levels needs --calls-per-hour and --aht-seconds")
        if seats is not None:
            raise click.UsageError("--service-levels sizes the seats from the calls: drop --seats")
    if calls_per_hour is not None and aht_seconds is None:
        raise click.UsageError("--calls-per-hour needs --aht-seconds")
    if seats is not None and seats <= 0:
        raise ModelInputError(f"seats must be a positive whole number, got {seats}")
    ctx = site_context(
        open_store_or_path(db_path),
        city,
        park,
        _overrides(overrides),
        override_source="command line (--set)",
    )
    if service_levels is not None:
        prices = price_service_levels(
            ctx,
            calls_per_hour,
            aht_seconds,
            service_levels,
            patience_seconds=patience_seconds,
            years=years,
        )
        _compare(prices, calls_per_hour, aht_seconds, patience_seconds, years, as_json)
        return
    price = price_context(
        ctx,
        seats=seats,
        calls_per_hour=calls_per_hour,
        aht_seconds=aht_seconds,
        target_sl=target_sl,
        answer_seconds=answer_seconds,
        max_occupancy=max_occupancy,
        patience_seconds=patience_seconds,
        years=years,
    )
    if as_json:
        click.echo(json.dumps(_clean(_english(price.to_dict())), ensure_ascii=False, indent=2))
        return
    click.echo(price.breakdown.explain(lambda n: note_text(n, "en")))
    for line in describe_basis(ctx):
        click.echo(f"City input: {line}")
    for note in ctx.notes:
        click.echo(f"Note: {note_text(note, 'en')}")


def _overrides(items) -> dict[str, float]:
    """``--set NAME=VALUE`` pairs as input -> value."""
    out = {}
    for item in items:
        name, _, raw = item.partition("=")
        try:
            out[name] = float(raw)
        except ValueError as exc:
            raise ModelInputError(f"--set {name}: {raw!r} is not a number") from exc
    return out


def _english(out: dict) -> dict:
    """The JSON output writes coded notes as English sentences (``portal.notes``); each input
    keeps its English ``source`` (the coded ``note`` beside it is for the pages)."""
    out = dict(out)
    out["notes"] = [note_text(n, "en") for n in out.get("notes", [])]
    out["inputs"] = {
        name: {k: v for k, v in entry.items() if k != "note"}
        for name, entry in out.get("inputs", {}).items()
    }
    if "incentives_not_applied" in out:
        out["incentives_not_applied"] = {
            k: note_text(v, "en") for k, v in out["incentives_not_applied"].items()
        }
    return out


def describe_basis(ctx) -> list[str]:
    """One line per city input: sourced (with its year and URL), estimated (with its error)."""
    lines = []
    for name, b in input_basis(ctx).items():
        if b["kind"] == "estimated":
            lines.append(
                f"{name}: ESTIMATED from {b['indicator']} = {b['value']:,.0f} {b.get('unit') or ''} "
                f"({b['method']}; cross-validated error ±{b['error_log_rmse']:.0%} in log, "
                f"MAPE {b['error_mape']:.0%})"
            )
        elif b["kind"] == "default":
            lines.append(f"{name}: NATIONAL DEFAULT ({b['value']:g}); no figure for this city")
        elif b["kind"] == "park":
            lines.append(f"{name}: PARK {b['park']} own rent = {b['value']:g} CNY/m2/month")
        else:
            lines.append(
                f"{name}: {b['kind']} {b['indicator']} = {b['value']:,.0f} "
                f"{b.get('unit') or ''} ({b.get('year')}; {b.get('url')})"
            )
    return lines


def _compare(prices, calls_per_hour, aht_seconds, patience_seconds, years, as_json):
    ctx, rows, diffs = prices.context, list(prices.rows), list(prices.differences)
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
            "notes": [note_text(n, "en") for n in ctx.notes],
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
        click.echo(f"Note: {note_text(note, 'en')}")
