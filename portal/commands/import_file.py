"""``parkbench import FILE``: import a CSV/XLSX of centers, parks or incentives."""

from __future__ import annotations

import json
from pathlib import Path

import click

from data.imports.importer import KINDS
from data.store.database import open_db
from portal.commands._options import db_option


@click.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.argument("batch", required=False)
@click.option(
    "--kind",
    type=click.Choice(KINDS),
    default="centers",
    show_default=True,
    help="What the rows are.",
)
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON on stdout.")
def command(file: str, batch: str | None, kind: str, db_path: str, as_json: bool) -> None:
    """Import FILE: rows are normalised and validated; bad rows are kept with their reasons.

    Exit 0 when the file was read (even with rejected rows); exit 2 when it cannot be read as a
    table or lacks a required column (the database is then untouched). Every import is a batch
    whose id the report prints; ``parkbench import undo BATCH`` removes what that import added
    and restores what it changed (a file named ``undo``: write ``./undo``).
    """
    if file == "undo":
        _undo(batch, db_path, as_json)
        return
    if batch is not None:
        raise click.UsageError(f"unexpected argument {batch!r}; import one FILE at a time")
    from usecases.imports import import_file, read_import

    # every row is read and checked now (unreadable: exit 2, db untouched), then read again
    # chunk by chunk while it is written (lazy: the rows are not all kept in memory)
    parsed = read_import(Path(file), kind=kind, lazy=True)
    db = open_db(db_path)
    try:
        doc = import_file(db, parsed).to_dict()  # chunk by chunk, one transaction
    finally:
        db.conn.close()
    if as_json:
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
        return
    click.echo(
        f"{doc['file']}: {doc['rows']} rows, {doc['accepted']} accepted "
        f"({doc['inserted']} new, {doc['updated']} updated, {doc['unchanged']} unchanged), "
        f"{doc['rejected']} rejected [{doc['encoding'] or 'xlsx'}]; "
        + (f"batch {doc['batch_id']}" if doc["batch_id"] else "nothing changed, no batch")
    )
    for col in doc["ignored_columns"]:
        click.echo(f"  ignored column {col!r} (kept in the archived file)")
    for e in doc["errors"]:
        click.echo(f"  row {e['row']} {e['column'] or ''}={e['value']!r}: {e['reason']}")


def _undo(batch: str | None, db_path: str, as_json: bool) -> None:
    if not batch:
        raise click.UsageError("parkbench import undo BATCH: give the batch id of an import")
    db = open_db(db_path, create=False)
    try:
        from usecases.imports import undo_import

        result = undo_import(db, batch)
    finally:
        db.conn.close()
    if as_json:
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(
        f"undid import batch {result.batch_id}: {result.deleted} rows it added removed, "
        f"{result.restored} rows it changed restored"
    )
