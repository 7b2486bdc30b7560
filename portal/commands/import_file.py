"""``parkbench import FILE``: import a CSV/XLSX of centers, parks or incentives."""

from __future__ import annotations

import json
from pathlib import Path

import click

from data.imports.importer import KINDS, check_import, commit_import, parse_import, report_json
from data.imports.tabular import read_bytes
from data.store.database import open_db
from portal.commands._options import db_option


@click.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--kind",
    type=click.Choice(KINDS),
    default="centers",
    show_default=True,
    help="What the rows are.",
)
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON on stdout.")
def command(file: str, kind: str, db_path: str, as_json: bool) -> None:
    """Import FILE: rows are normalised and validated; bad rows are kept with their reasons.

    Exit 0 when the file was read (even with rejected rows); exit 2 when it cannot be read as a
    table or lacks a required column (the database is then untouched).
    """
    path = Path(file)
    parsed = parse_import(read_bytes(path), path.name, kind)  # unreadable: exit 2, db untouched
    db = open_db(db_path)
    try:
        loaded = check_import(db, parsed)
        report = commit_import(db, loaded)
    finally:
        db.conn.close()
    doc = report_json(loaded, report)
    if as_json:
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
        return
    click.echo(
        f"{doc['file']}: {doc['rows']} rows, {doc['accepted']} accepted "
        f"({doc['inserted']} new, {doc['updated']} updated, {doc['unchanged']} unchanged), "
        f"{doc['rejected']} rejected [{doc['encoding'] or 'xlsx'}]"
    )
    for col in doc["ignored_columns"]:
        click.echo(f"  ignored column {col!r} (kept in the archived file)")
    for e in doc["errors"]:
        click.echo(f"  row {e['row']} {e['column'] or ''}={e['value']!r}: {e['reason']}")
