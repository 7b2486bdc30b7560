"""``parkbench export``: write a citable data release (Frictionless package, checksums, changelog)."""

from __future__ import annotations

import json

import click

from data.release.formats import FORMATS
from data.store.database import open_db
from portal.commands._options import db_option
from usecases.release import publish_release


@click.command("export")
@click.option(
    "--out", "out_dir", required=True, type=click.Path(file_okay=False), help="New directory."
)
@click.option(
    "--format",
    "formats",
    default=",".join(FORMATS),
    show_default=True,
    help="Comma list of formats to write.",
)
@click.option(
    "--compare",
    "compare_dir",
    type=click.Path(exists=True, file_okay=False),
    help="Previous release: write CHANGELOG.md and bump the version from it.",
)
@click.option("--version", "version", help="Release version X.Y.Z (default: bumped or 1.0.0).")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the manifest as JSON.")
def command(
    out_dir: str,
    formats: str,
    compare_dir: str | None,
    version: str | None,
    db_path: str,
    as_json: bool,
) -> None:
    """Export the published data of DB as a release in OUT (see docs/releases.md)."""
    db = open_db(db_path, read_only=True)
    try:
        manifest = publish_release(db, out_dir, formats, version=version, compare_dir=compare_dir)
    finally:
        db.conn.close()
    if as_json:
        click.echo(json.dumps(manifest.as_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(
        f"release {manifest.version} ({manifest.created}) in {manifest.out_dir}: "
        f"{len(manifest.files)} files, formats {','.join(manifest.formats)}"
    )
    for table, count in manifest.rows.items():
        click.echo(f"  {table:<22} {count:>8,} rows")
    if manifest.diff is not None:
        d = manifest.diff
        click.echo(f"changes since {d.previous_version} ({d.level}):")
        if not (d.tables_added or d.tables_removed) and all(t.empty for t in d.tables.values()):
            click.echo("  no rows or columns changed")
        for name in d.tables_added:
            click.echo(f"  + table {name}")
        for name in d.tables_removed:
            click.echo(f"  - table {name}")
        for name, t in d.tables.items():
            if t.empty:
                continue
            cols = " ".join(
                [f"+{c}" for c in t.columns_added] + [f"-{c}" for c in t.columns_removed]
            )
            click.echo(
                f"  {name:<22} +{len(t.added)} -{len(t.removed)} ~{len(t.changed)} rows"
                + (f"; columns {cols}" if cols else "")
            )
