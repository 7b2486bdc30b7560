"""Run one crawl in this process (Scrapy allows one CrawlerProcess per process)."""

from __future__ import annotations

from pathlib import Path

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from data.store.engine import is_postgres
from scrapers import settings as default_settings

SPIDERS = ("profiles", "articles")


def build_settings(db_path: str | Path, max_pages: int | None = None, **overrides) -> Settings:
    """Project settings with the database, page budget and cache placed next to the database."""
    s = Settings()
    s.setmodule(default_settings, priority="project")
    s.set("PARKBENCH_DB", str(db_path), priority="cmdline")
    # a PostgreSQL store keeps its HTTP cache in build/ (a SQLite one beside its file)
    cache = (
        Path("build") / "parkbench.httpcache"
        if is_postgres(db_path)
        else Path(db_path).parent.resolve() / f"{Path(db_path).stem}.httpcache"
    )
    s.set("HTTPCACHE_DIR", str(cache), priority="cmdline")
    if max_pages is not None:
        s.set("CLOSESPIDER_PAGECOUNT", max_pages, priority="cmdline")
    for key, value in overrides.items():
        s.set(key, value, priority="cmdline")
    return s


def run_crawl(
    spider: str, start_url: str, db_path: str | Path, max_pages: int | None = None, **overrides
) -> dict:
    """Crawl from ``start_url`` with ``spider``; returns Scrapy's final stats."""
    if spider not in SPIDERS:
        raise ValueError(f"unknown spider {spider!r}; choose one of {', '.join(SPIDERS)}")
    if not is_postgres(db_path):
        Path(db_path).parent.mkdir(parents=True, exist_ok=True)
    process = CrawlerProcess(
        build_settings(db_path, max_pages, **overrides), install_root_handler=True
    )
    crawler = process.create_crawler(spider)
    process.crawl(crawler, start_url=start_url)
    process.start()
    return dict(crawler.stats.get_stats())
