"""Crawl with N workers sharing one frontier (``parkbench crawl --workers N``).

:func:`crawl_with_workers` prepares the frontier (seeded with the start URLs, emptied first on
request) and the store, then runs one worker in this process or N worker processes
(``python -m scrapers.workers SPEC``; Scrapy allows one crawl per process). Workers on other
machines are plain ``parkbench crawl ... --frontier postgresql://...`` processes: the frontier
is all they share. Each worker's pages go through the same pipeline as a single crawl.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

from scrapy.crawler import CrawlerProcess

from data.crawl.backends import open_frontier
from data.crawl.frontier import FrontierError, Link
from data.store.database import open_db
from data.store.engine import is_postgres
from scrapers.crawl import SPIDERS, build_settings
from scrapers.frontier import FrontierIngestPipeline, FrontierPacing, frontier_spider
from scrapers.robots import SharedRobotsTxtMiddleware

STAT_KEYS = ("response_received_count", "item_scraped_count", "item_dropped_count")


def default_frontier(db_path: str | Path) -> Path | str:
    """The frontier used when none is given: a SQLite file next to a SQLite store, the
    store's own database when it is on PostgreSQL."""
    if is_postgres(db_path):
        return str(db_path)
    db_path = Path(db_path)
    return db_path.with_name(f"{db_path.stem}.frontier.sqlite")


@dataclass
class WorkerSpec:
    """Everything one worker needs (also its command line, as JSON)."""

    spider: str
    start_urls: list[str]
    db_path: str
    frontier: str
    max_pages: int | None = None
    batch: int = 16
    claim_timeout_s: float = 600.0
    worker: str | None = None
    overrides: dict[str, str] = field(default_factory=dict)


def worker_settings(spec: WorkerSpec):
    """Project settings for a frontier worker.

    The frontier paces each domain (``DOWNLOAD_DELAY`` becomes its per-domain delay across all
    workers), so Scrapy's own delay, AutoThrottle and per-domain concurrency step aside: they
    would delay a request past its slot. The page budget is the frontier's, over all workers.
    """
    s = build_settings(spec.db_path, None, **spec.overrides)
    delay = s.getfloat("DOWNLOAD_DELAY")
    pipelines = dict(s.getdict("ITEM_PIPELINES"))
    order = pipelines.pop("scrapers.pipelines.IngestPipeline", 300)
    pipelines[f"{FrontierIngestPipeline.__module__}.FrontierIngestPipeline"] = order
    middlewares = dict(s.getdict("DOWNLOADER_MIDDLEWARES"))
    middlewares[f"{FrontierPacing.__module__}.FrontierPacing"] = 950
    # a claimed batch sends several requests to a host at once: see scrapers/robots.py
    middlewares["scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware"] = None
    middlewares[f"{SharedRobotsTxtMiddleware.__module__}.SharedRobotsTxtMiddleware"] = 100
    for key, value in {
        "PARKBENCH_FRONTIER": spec.frontier,
        "FRONTIER_DELAY": delay,
        "FRONTIER_BATCH": spec.batch,
        "FRONTIER_CLAIM_TIMEOUT": spec.claim_timeout_s,
        "FRONTIER_MAX_PAGES": spec.max_pages or 0,
        "DOWNLOAD_DELAY": 0,
        "AUTOTHROTTLE_ENABLED": False,
        "CONCURRENT_REQUESTS_PER_DOMAIN": s.getint("CONCURRENT_REQUESTS"),
        "CLOSESPIDER_PAGECOUNT": 0,
        "ITEM_PIPELINES": pipelines,
        "DOWNLOADER_MIDDLEWARES": middlewares,
    }.items():
        s.set(key, value, priority="cmdline")
    if spec.worker:
        s.set("PARKBENCH_WORKER", spec.worker, priority="cmdline")
    return s


def run_worker(spec: WorkerSpec) -> dict:
    """Run one worker in this process until the frontier has no work left; Scrapy's stats."""
    if spec.spider not in SPIDERS:
        raise ValueError(f"unknown spider {spec.spider!r}; choose one of {', '.join(SPIDERS)}")
    process = CrawlerProcess(worker_settings(spec))
    crawler = process.create_crawler(frontier_spider(process.spider_loader.load(spec.spider)))
    process.crawl(crawler, start_urls=spec.start_urls)
    process.start()
    stats = dict(crawler.stats.get_stats())
    if "finish_reason" not in stats:
        raise FrontierError(f"the {spec.spider} crawl worker could not start: see its log above")
    return stats


def prepare(spec: WorkerSpec, *, restart: bool = False) -> None:
    """Create the store and the frontier, empty the frontier if asked, add the start URLs."""
    open_db(spec.db_path).conn.close()
    with open_frontier(spec.frontier) as frontier:
        if restart:
            frontier.reset()
        frontier.add([Link(u, 0) for u in spec.start_urls])


def crawl_with_workers(spec: WorkerSpec, workers: int, *, restart: bool = False) -> dict:
    """Run ``workers`` workers on one frontier; returns summed stats and the frontier counts."""
    if workers < 1:
        raise ValueError(f"workers must be >= 1, got {workers}")
    prepare(spec, restart=restart)
    if workers == 1:
        stats = [run_worker(spec)]
    else:
        procs = [
            subprocess.Popen(
                [sys.executable, "-m", "scrapers.workers", json.dumps(asdict(spec))],
                stdout=subprocess.PIPE,
                text=True,
            )
            for _ in range(workers)
        ]
        outputs = [p.communicate()[0] for p in procs]
        failed = [i + 1 for i, p in enumerate(procs) if p.returncode != 0]
        if failed:
            raise FrontierError(
                f"crawl worker(s) {', '.join(map(str, failed))} of {workers} failed; "
                "pending URLs stay in the frontier: run the command again to resume"
            )
        stats = [json.loads(out.strip().splitlines()[-1]) for out in outputs]
    with open_frontier(spec.frontier) as frontier:
        counts = frontier.counts()
    summed = {k: sum(int(s.get(k, 0)) for s in stats) for k in STAT_KEYS}
    return {**summed, "workers": workers, "frontier": counts}


def main(argv: list[str]) -> None:
    """Worker process entry: ``python -m scrapers.workers SPEC_JSON``; prints its stats."""
    stats = run_worker(WorkerSpec(**json.loads(argv[0])))
    print(json.dumps({k: stats.get(k, 0) for k in (*STAT_KEYS, "finish_reason")}))


if __name__ == "__main__":
    main(sys.argv[1:])
