"""``parkbench staffing``: agents, FTE and queue measures for a service-level target."""

from __future__ import annotations

import json

import click

from models.staffing import compute_staffing


@click.command(name="staffing")
@click.option("--calls-per-hour", type=float, required=True, help="Offered calls per hour.")
@click.option("--aht-seconds", type=float, required=True, help="Average handle time, seconds.")
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
) -> None:
    """Agents needed for X% of calls answered within T seconds (Erlang C, or Erlang A with --patience-seconds)."""
    result = compute_staffing(
        calls_per_hour,
        aht_seconds,
        target_sl=target_sl,
        answer_seconds=answer_seconds,
        target_asa_seconds=target_asa_seconds,
        max_occupancy=max_occupancy,
        shrinkage=shrinkage,
        patience_seconds=patience_seconds,
        max_abandon_rate=max_abandon_rate,
    )
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(result.explain())
