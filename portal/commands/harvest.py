"""``parkbench harvest``: review the extractor against the curator's labels and write the dataset."""

from __future__ import annotations

from pathlib import Path

import click

from data.paths import CURATED_DIR


@click.command("harvest")
@click.option("--pages", required=True, type=click.Path(file_okay=False, exists=True),
              help="Folder of saved pages (<id>.txt or <id>.html).")  # fmt: skip
@click.option("--labels", required=True, type=click.Path(exists=True),
              help="Folder of the curator's label files (searched recursively).")  # fmt: skip
@click.option("--out", default=str(CURATED_DIR / "harvest"), show_default="data/curated/harvest",
              type=click.Path(file_okay=False), help="Folder of the harvested dataset.")  # fmt: skip
def command(pages: str, labels: str, out: str) -> None:
    """Run the extractor on every labelled page, record the curator's decision on each value
    (accepted, corrected, added; unconfirmed values rejected) and write one file per page."""
    from scrapers.corpus.harvest import harvest_corpus

    totals = harvest_corpus(Path(pages), Path(labels), Path(out))
    shown = ", ".join(f"{k} {v}" for k, v in sorted(totals.items()))
    click.echo(f"harvest written to {out}: {shown}")
