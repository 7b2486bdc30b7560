"""``parkbench extract PAGE...``: what saved pages state about centers, parks and incentives."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote, urlparse

import click

from scrapers.extract.errors import ExtractError


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
@click.option("--evidence", is_flag=True, help="Add the sentence of each value under evidence.")
def command(pages: tuple[str, ...], as_json: bool, evidence: bool) -> None:
    """Extract centers, parks and city-wide incentives from saved pages (HTML in any encoding or
    plain .txt; paths or file:// URLs) and print one JSON object per page:
    {"page", "centers": [...], "parks": [...], "incentives": [...]}.

    A value the page does not state is absent; a bound is <field>_bound (min, max, approx).
    Each center and park has a confidence (of its name) and field_confidence per value.
    Pages that cannot be read are reported on stderr (exit 2 if none could be read).
    """
    from scrapers.extract.page import extract_page
    from scrapers.records import city_adcode

    out = []
    failed: list[str] = []
    for page in pages:
        path = _path(page)
        try:
            result = extract_page(path.read_bytes(), path.name)
        except (OSError, ExtractError) as exc:
            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            failed.append(f"{page}: {why}")
            if len(pages) > 1:
                click.echo(failed[-1], err=True)
            continue
        doc = result.as_dict(evidence=evidence)
        doc["page"] = page
        for entity in (*doc["centers"], *doc["parks"]):
            if "city" in entity:
                entity["city_adcode"] = city_adcode(entity)
        out.append(doc)
    click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    if len(failed) == len(pages):  # one line on stderr saying why
        if len(pages) == 1:
            raise ExtractError(failed[0])
        raise ExtractError(f"none of the {len(pages)} page(s) could be read")
