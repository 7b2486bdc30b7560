"""``parkbench extract PAGE...``: run the profile extraction on saved pages and print JSON."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote, urlparse

import click

from scrapers.extract.errors import ExtractError
from scrapers.records import center_records, city_adcode


def _path(page: str) -> Path:
    if page.startswith("file://"):
        return Path(unquote(urlparse(page).path))
    return Path(page)


@click.command("extract")
@click.argument("pages", nargs=-1, required=True)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    default=True,
    help="Print a JSON array (the default and only format).",
)
@click.option(
    "--evidence", is_flag=True, help="Add each record's evidence sentences under _evidence."
)
def command(pages: tuple[str, ...], as_json: bool, evidence: bool) -> None:
    """Extract center records from saved pages (paths or file:// URLs) and print a JSON array.

    A value the page does not state is absent. ``city_adcode`` is the city resolved offline
    (null when the page gives no city or it is unknown or ambiguous); ``city`` stays as written.
    Pages that cannot be read are reported on stderr
    (exit 2 if none could be read).
    """
    out = []
    failed: list[str] = []
    for page in pages:
        path = _path(page)
        try:
            body = path.read_bytes()
            records = center_records(body, path.resolve().as_uri())
        except (OSError, ExtractError) as exc:
            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            failed.append(f"{page}: {why}")
            if len(pages) > 1:
                click.echo(failed[-1], err=True)
            continue
        for rec in records:
            for e in rec.rejected:
                click.echo(f"{page}: {e.column}={e.value!r} rejected: {e.reason}", err=True)
            doc = dict(rec.values)
            doc["city_adcode"] = city_adcode(doc)
            if evidence:
                doc["_evidence"] = rec.evidence
            out.append(doc)
    click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    if len(failed) == len(pages):  # one line on stderr saying why
        if len(pages) == 1:
            raise ExtractError(failed[0])
        raise ExtractError(f"none of the {len(pages)} page(s) could be read")
