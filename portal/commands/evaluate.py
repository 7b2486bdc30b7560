"""``parkbench evaluate``: score the extractor on labelled real pages."""

from __future__ import annotations

import json
from pathlib import Path

import click


@click.command("evaluate")
@click.option("--pages", "pages", required=True, type=click.Path(file_okay=False),
              help="Folder of saved pages (<id>.txt or <id>.html).")  # fmt: skip
@click.option("--labels", "labels", required=True, type=click.Path(),
              help="A label file or a folder of them (searched recursively).")  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--verbose", is_flag=True, help="List every extra and missed fact too.")
@click.option("--save", "save", type=click.Path(dir_okay=False),
              help="Write every scored fact to this JSON file, to compare a later run with.")  # fmt: skip
@click.option("--compare", "compare", type=click.Path(dir_okay=False),
              help="A file written by --save: list the facts whose status changed since.")  # fmt: skip
@click.option("--second-labels", "second", type=click.Path(),
              help="Another curator's labels of some of the same pages: scored against --labels "
              "like the extractor, beside the extractor on those pages (agreement between "
              "curators).")  # fmt: skip
def command(
    pages: str,
    labels: str,
    as_json: bool,
    verbose: bool,
    save: str | None,
    compare: str | None,
    second: str | None,
) -> None:
    """Precision, recall and wrong values per field, language, encoding, page kind and label set,
    and a calibration table (precision by confidence band), for the labelled pages found in PAGES.
    With --save and --compare, what a change of the rules gained and lost, fact by fact. With
    --second-labels, how far a second curator agrees with the first, beside the extractor."""
    from scrapers.corpus import CorpusError
    from scrapers.corpus.run import agreement, evaluate_corpus, format_changes, format_report
    from scrapers.corpus.score import compare_facts, read_saved_facts, saved_facts

    if second:
        curator, extractor = agreement(pages, labels, second)
        if as_json:
            doc = {"second_curator": curator.as_dict(), "extractor": extractor.as_dict()}
            click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
            return
        click.echo("== the second curator, scored against the first ==")
        click.echo(format_report(curator))
        click.echo("\n== the extractor, on the same pages ==")
        click.echo(format_report(extractor))
        return

    before = None
    if compare:
        try:
            doc = json.loads(Path(compare).read_text("utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise CorpusError(f"{compare}: not a readable saved evaluation ({exc})") from exc
        before = read_saved_facts(doc, compare)
    report = evaluate_corpus(pages, labels)
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_report(report))
        if verbose:
            for f in report.facts:
                if f.status in ("extra", "missed"):
                    click.echo(f"  {f.status:<6} {f.page} {f.table}.{f.field} {f.detail}")
    if before is not None:
        click.echo(format_changes(compare_facts(before, report.facts), compare), err=as_json)
    if save:
        try:
            Path(save).write_text(json.dumps(saved_facts(report), ensure_ascii=False), "utf-8")
        except OSError as exc:
            raise CorpusError(f"{save}: cannot write the saved evaluation ({exc})") from exc
