"""``parkbench benchmark``: where a center (stored or typed in) stands among its peers."""

from __future__ import annotations

import json

import click

from portal.commands._options import db_option
from portal.commands._pairs import parse_pairs
from portal.notes import note_text


@click.command(name="benchmark")
@click.option("--center", type=str, default=None, help="Name or id of a stored center.")
@click.option(
    "--kpi",
    "kpi_text",
    type=str,
    default=None,
    help="KPIs typed in (not stored), e.g. answer_rate=0.9,aht_seconds=240.",
)
@click.option(
    "--definition",
    "definition_text",
    type=str,
    default=None,
    help="How typed KPIs are measured, e.g. service_level=offered@20s.",
)
@click.option(
    "--by",
    type=str,
    default="industry,size_band",
    show_default=True,
    help="Peer keys: industry, size_band, region, city_tier.",
)
@click.option("--industry", type=str, default=None, help="Industry of the peer group.")
@click.option("--seats", type=float, default=None, help="Seats (gives the size band).")
@click.option("--province", type=str, default=None, help="Province (gives the region).")
@click.option("--city-tier", type=click.Choice(["capital", "other"]), default=None)
@click.option(
    "--city",
    type=str,
    default=None,
    help="City whose cost model prices the gaps (default: the stored center's city).",
)
@click.option(
    "--annual-calls",
    type=click.FloatRange(min=0),
    default=None,
    help="Calls a year, for money and repeat-call figures.",
)
@click.option(
    "--cost-per-minute",
    type=click.FloatRange(min=0),
    default=None,
    help="CNY per handled minute (default: the cost model for the center's city).",
)
@click.option("--json", "as_json", is_flag=True)
@db_option
def command(
    center,
    kpi_text,
    definition_text,
    by,
    industry,
    seats,
    province,
    city_tier,
    city,
    annual_calls,
    cost_per_minute,
    as_json,
    db_path,
):
    """Benchmark a center's KPIs against peers (cells with fewer than 5 peers are not shown).

    A KPI with too few peers is compared with a wider group, else with a labelled INDUSTRY
    REFERENCE of published averages (never mixed with peers).
    """
    from usecases.benchmark import benchmark_center
    from usecases.store import open_store

    kpis = parse_pairs(kpi_text, "--kpi")
    definitions = {}
    for part in (definition_text or "").split(","):
        if "=" in part:
            k, _, v = part.partition("=")
            definitions[k.strip()] = v.strip()
    if not kpis and not center:
        raise click.UsageError("give --center NAME or --kpi metric=value,...")
    # the same reading of a stored center and typed KPIs as `parkbench report benchmark`
    result = benchmark_center(
        open_store(db_path),
        by=[k.strip() for k in by.split(",") if k.strip()],
        cost_per_minute_cny=cost_per_minute,
        cost_source=_cost_source,
        center=center, kpis=kpis, definitions=definitions, industry=industry, seats=seats,
        province=province, city_tier=city_tier, city=city, annual_calls=annual_calls,
    )  # fmt: skip
    label = result.inputs.label
    cpm_source = _cost_source(result.minute_cost) if result.minute_cost else None
    cost_per_minute = result.minute_cost.cny if result.minute_cost else None
    result = result.report
    for p in result["kpis"]:  # the coded notes in English (JSON and text)
        p["note"] = "; ".join(note_text(n, "en") for n in p["notes"]) or None
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    group = ", ".join(f"{k}={v}" for k, v in result["peer_group"].items())
    click.echo(f"{label} among {result['peer_centers']} peer centers ({group or 'all centers'})")
    if result["peer_keys_unset"]:
        click.echo(
            "Left out of the peer group (no value given): " + ", ".join(result["peer_keys_unset"])
        )
    if cost_per_minute is None:
        click.echo("Cost per handled minute: not known (give --cost-per-minute or --city)")
    else:
        click.echo(f"Cost per handled minute: {cost_per_minute:.2f} CNY ({cpm_source})")
    for p in result["kpis"]:
        if p["median"] is None:
            click.echo(f"  {p['metric']:22s} {p['value']:10.3f}  {p['note']}")
            for r in p.get("industry_reference") or []:
                year = r["year"] or "year not stated"
                bound = " (lower bound)" if r.get("bound") == "lower" else ""
                click.echo(
                    f"      {r['label']}: {r['value']:g}{bound} ({year}; {r['scope']}; "
                    f"{r['source']}; {r['url']})  gap {r['gap']:+.3f}"
                )
            continue
        money = (
            f"  {p['cny_per_year_to_top_quartile']:,.0f} CNY/yr to top quartile"
            if p["cny_per_year_to_top_quartile"]
            else ""
        )
        click.echo(
            f"  {p['metric']:22s} {p['value']:10.3f}  median {p['median']:.3f}"
            f"  top quartile {p['top_quartile']:.3f}  percentile {p['percentile']:.0f}"
            f"  Q{p['quartile']}{money}" + (f"  ({p['note']})" if p["note"] else "")
        )


def _cost_source(cost) -> str:
    if cost.city is None:
        return "--cost-per-minute"
    return f"cost model for {cost.city}, {cost.seats} seats (per handled minute)"
