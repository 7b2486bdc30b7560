"""``parkbench crawl SPIDER --start-url URL``: crawl a site into the database.

With ``--workers N`` (or ``--frontier``) the crawl runs on a shared frontier: N worker
processes here, or more ``parkbench crawl ... --frontier postgresql://...`` on other machines.
"""

from __future__ import annotations

import click

from portal.commands._options import db_option
from scrapers.crawl import SPIDERS, run_crawl
from scrapers.workers import WorkerSpec, crawl_with_workers, default_frontier


@click.command("crawl")
@click.argument("spider", type=click.Choice(SPIDERS))
@click.option(
    "--start-url",
    "start_urls",
    required=True,
    multiple=True,
    help="First page; the crawl stays on its domain. Repeatable with --workers/--frontier.",
)
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
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes sharing one crawl frontier (default: a single plain crawl).",
)
@click.option(
    "--frontier",
    default=None,
    metavar="PATH|postgresql://...",
    help="Crawl frontier shared by workers: a SQLite file (default DB.frontier.sqlite "
    "next to --db) or a PostgreSQL URL for workers on several machines.",
)
@click.option(
    "--batch",
    type=click.IntRange(min=1),
    default=16,
    show_default=True,
    help="URLs a worker claims at a time.",
)
@click.option(
    "--claim-timeout",
    type=click.FloatRange(min=1),
    default=600.0,
    show_default=True,
    help="Seconds after which a claim of a dead worker goes back to pending.",
)
@click.option(
    "--restart-frontier",
    is_flag=True,
    help="Empty the frontier first (a fresh crawl; run it on one machine, before the others).",
)
def command(
    spider: str,
    start_urls: tuple[str, ...],
    max_pages: int | None,
    db_path: str,
    overrides: tuple[str, ...],
    workers: int | None,
    frontier: str | None,
    batch: int,
    claim_timeout: float,
    restart_frontier: bool,
) -> None:
    """Crawl listing pages and pagination from START_URL; profiles are validated and stored,
    article facts go to the review queue. robots.txt is obeyed; unchanged pages are skipped.

    With --workers N, N processes share a crawl frontier: each page is fetched once, each
    domain at most once per DOWNLOAD_DELAY across all workers."""
    settings = {}
    for pair in overrides:
        key, sep, value = pair.partition("=")
        if not sep:
            raise click.BadParameter(f"{pair!r} is not KEY=VALUE", param_hint="--set")
        settings[key] = value
    if workers is None and frontier is None:
        if len(start_urls) > 1:
            raise click.UsageError("several --start-url need --workers or --frontier")
        stats = run_crawl(spider, start_urls[0], db_path, max_pages, **settings)
        click.echo(
            f"{spider}: {stats.get('response_received_count', 0)} pages fetched, "
            f"{stats.get('item_scraped_count', 0)} stored, "
            f"{stats.get('item_dropped_count', 0)} unchanged, "
            f"finished: {stats.get('finish_reason')}"
        )
        return
    spec = WorkerSpec(
        spider=spider,
        start_urls=list(start_urls),
        db_path=str(db_path),
        frontier=frontier or str(default_frontier(db_path)),
        max_pages=max_pages,
        batch=batch,
        claim_timeout_s=claim_timeout,
        overrides=settings,
    )
    result = crawl_with_workers(spec, workers or 1, restart=restart_frontier)
    counts = result["frontier"]
    click.echo(
        f"{spider}: {result['workers']} worker(s), "
        f"{result['response_received_count']} responses, "
        f"{result['item_scraped_count']} stored, {result['item_dropped_count']} unchanged; "
        f"frontier: {counts['done']} done, {counts['failed']} failed, "
        f"{counts['pending']} pending, {counts['claimed']} claimed"
    )
