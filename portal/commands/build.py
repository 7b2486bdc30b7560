"""``parkbench build``: rebuild the database from the curated data in the repo."""

from __future__ import annotations

import json

import click

from data.store.build import build
from portal.commands._options import db_option


@click.command("build")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
def command(db_path: str, as_json: bool) -> None:
    """Rebuild the database from data/curated and data/reference (replaces the file)."""
    report = build(db_path)
    summary = {
        "db": report.path,
        "tables": report.tables,
        "reference": report.reference,
        "rejected": [{"source_id": s, **e} for s, e in report.rejects],
    }
    if as_json:
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
        return
    click.echo(f"built {report.path}")
    for table, count in {**report.tables, **report.reference}.items():
        click.echo(f"  {table:<22} {count:>8,}")
    for source_id, err in report.rejects:
        click.echo(
            f"  REJECTED {source_id} {err['column']}={err['value']!r}: {err['reason']}", err=True
        )
