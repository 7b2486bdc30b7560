"""``parkbench evaluate``: score the extractor on labelled real pages."""

from __future__ import annotations

import json

import click


@click.command("evaluate")
@click.option("--pages", "pages", required=True, type=click.Path(file_okay=False),
              help="Folder of saved pages (<id>.txt or <id>.html).")  # fmt: skip
@click.option("--labels", "labels", required=True, type=click.Path(),
              help="A label file or a folder of them (searched recursively).")  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--verbose", is_flag=True, help="List every extra and missed fact too.")
def command(pages: str, labels: str, as_json: bool, verbose: bool) -> None:
    """Precision, recall and wrong values per field, language, encoding and page kind, and a calibration
    table (precision by confidence band), for the labelled pages found in PAGES."""
    from scrapers.corpus.run import evaluate_corpus, format_report

    report = evaluate_corpus(pages, labels)
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(format_report(report))
    if verbose:
        for f in report.facts:
            if f.status in ("extra", "missed"):
                click.echo(f"  {f.status:<6} {f.page} {f.table}.{f.field} {f.detail}")
