"""``parkbench template``: a blank import template that documents each column."""

from __future__ import annotations

import click

from data.imports.headers import SYNONYMS
from data.imports.templates import write_template


@click.command("template")
@click.option("--kind", type=click.Choice(list(SYNONYMS)), default="centers", show_default=True)
@click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default="zh",
    show_default=True,
    help="Header language.",
)
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False),
    required=True,
    help="File to write: .csv (plus a _columns.csv sheet of notes) or .xlsx.",
)
def command(kind: str, lang: str, out: str) -> None:
    """Write a blank CSV/XLSX template for `parkbench import --kind KIND`."""
    try:
        path = write_template(kind, out, lang)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc
    click.echo(f"wrote {path}")
