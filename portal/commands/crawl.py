"""``parkbench crawl SPIDER --start-url URL``: crawl a site into the database."""

from __future__ import annotations

import click

from portal.commands._options import db_option
from scrapers.crawl import SPIDERS, run_crawl


@click.command("crawl")
@click.argument("spider", type=click.Choice(SPIDERS))
@click.option("--start-url", required=True, help="First page; the crawl stays on its domain.")
@click.option(
    "--max-pages", type=click.IntRange(min=1), default=None, help="Page budget (default 200)."
)
@db_option
@click.option(
    "--set",
    "overrides",
    multiple=True,
    metavar="KEY=VALUE",
    help="Override a Scrapy setting (e.g. DOWNLOAD_DELAY=0).",
)
def command(
    spider: str, start_url: str, max_pages: int | None, db_path: str, overrides: tuple[str, ...]
) -> None:
    """Crawl listing pages and pagination from START_URL; profiles are validated and stored,
    article facts go to the review queue. robots.txt is obeyed; unchanged pages are skipped."""
    settings = {}
    for pair in overrides:
        key, sep, value = pair.partition("=")
        if not sep:
            raise click.BadParameter(f"{pair!r} is not KEY=VALUE", param_hint="--set")
        settings[key] = value
    stats = run_crawl(spider, start_url, db_path, max_pages, **settings)
    click.echo(
        f"{spider}: {stats.get('response_received_count', 0)} pages fetched, "
        f"{stats.get('item_scraped_count', 0)} stored, "
        f"{stats.get('item_dropped_count', 0)} unchanged, finished: {stats.get('finish_reason')}"
    )
