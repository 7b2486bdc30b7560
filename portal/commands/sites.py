"""``parkbench sites``: the candidate sites (prefecture-level cities) with their indicators."""

from __future__ import annotations

import json
from pathlib import Path

import click

from data.errors import StoreError

DEFAULT_DB = "build/parkbench.sqlite"


@click.command(name="sites")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array (one object per city).")
@click.option(
    "--province",
    default=None,
    help="Only this province (Chinese or English, e.g. 浙江 or Zhejiang).",
)
@click.option(
    "--db",
    "db_path",
    default=DEFAULT_DB,
    show_default=True,
    type=click.Path(dir_okay=False),
    help="SQLite database, or a postgresql:// URL.",
)
def command(as_json: bool, province: str | None, db_path: str) -> None:
    """List candidate sites: cities with population, labour, airports, seats and sources."""

    from data.geo.queries import load_sites
    from data.store.engine import connect_existing, is_postgres

    if not is_postgres(db_path) and not Path(db_path).is_file():
        raise StoreError(f"no database at {db_path}: run `parkbench build --db {db_path}` first")
    sites = load_sites(connect_existing(db_path), province=province)
    if as_json:
        click.echo(json.dumps(sites, ensure_ascii=False, indent=1))
        return

    def fmt(v, spec):
        return format(v, spec) if v is not None else "-"

    click.echo(
        f"{'adcode':<7} {'city':<12} {'province':<10} {'pop 2020':>11} {'working age':>11} {'airport km':>10} {'seats':>6} {'seats/100k':>10}"
    )
    for s in sites:
        click.echo(
            f"{s['adcode']:<7} {s['name']:<12} {s['province']:<10} {fmt(s.get('population_2020'), ',d'):>11} "
            f"{fmt(s.get('working_age_population_2020'), ',d'):>11} {fmt(s.get('nearest_airport_km'), '.1f'):>10} "
            f"{s['seats']:>6} {fmt(s.get('seats_per_100k_working_age'), '.1f'):>10}"
        )
    click.echo(f"{len(sites)} sites")
