"""Spiders that take their requests from the shared crawl frontier (``parkbench crawl --workers``).

:func:`frontier_spider` turns a ParkBench spider class into one that, instead of scheduling
the links it finds, adds them to the frontier (``data.crawl``) and fetches only what it claims
there, in batches: a first batch at start, the next ones when Scrapy reports the spider idle
(``spider_idle``). A claimed URL is marked done, with the links found on it, once its page has
gone through the spider (and so through the item pipelines, exactly as in a single crawl), or
failed with the reason (HTTP error, robots.txt, network error). While other workers still hold
claims, an idle worker polls the frontier, since their pages may add more links; it stops when
nothing is pending or claimed any more.

Politeness across workers is the frontier's: each claimed URL comes with a fetch time on its
domain, and :class:`FrontierPacing` (a downloader middleware) holds the request until then.
"""

from __future__ import annotations

import os
import socket
import time
from urllib.parse import urlparse

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider, IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.defer import deferred_from_coro, maybe_deferred_to_future

from data.crawl.backends import open_frontier
from data.crawl.frontier import Claim, Link, domain_of
from data.crawl.store_writes import immediate_transaction
from scrapers.pipelines import IngestPipeline

META_FP = "frontier_fingerprint"
META_WAIT_UNTIL = "frontier_wait_until"


def default_worker_id() -> str:
    """``host:pid``: who holds a claim, readable in the frontier table."""
    return f"{socket.gethostname()}:{os.getpid()}"


def describe_failure(failure) -> str:
    """A short reason for a URL that could not be fetched."""
    if failure.check(HttpError):
        return f"HTTP {failure.value.response.status}"
    if failure.check(IgnoreRequest):
        return f"ignored: {failure.getErrorMessage() or 'robots.txt or offsite'}"
    return f"{failure.type.__name__}: {failure.getErrorMessage()}"[:500]


class FrontierSpider(scrapy.Spider):
    """Mixin placed before a ParkBench spider class; see the module docstring.

    Settings: ``PARKBENCH_FRONTIER`` (path or URL), ``PARKBENCH_WORKER`` (claim owner),
    ``FRONTIER_DELAY`` (seconds between two fetches on one domain), ``FRONTIER_BATCH``,
    ``FRONTIER_CLAIM_TIMEOUT``, ``FRONTIER_MAX_PAGES`` (budget over all workers),
    ``FRONTIER_POLL`` (seconds between polls of an idle worker), and ``DEPTH_LIMIT``.
    """

    def __init__(self, start_url: str | None = None, *args, start_urls=None, **kwargs) -> None:
        urls = [u for u in (start_urls or [start_url]) if u]
        super().__init__(urls[0] if urls else None, *args, **kwargs)
        self.start_urls = urls
        self.allowed_domains = sorted({h for u in urls if (h := urlparse(u).hostname)})
        self._poll_call = None

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        s = crawler.settings
        spider.worker = s.get("PARKBENCH_WORKER") or default_worker_id()
        spider.batch = s.getint("FRONTIER_BATCH", 16)
        spider.max_pages = s.getint("FRONTIER_MAX_PAGES", 0) or None
        spider.max_depth = s.getint("DEPTH_LIMIT", 0)
        spider.poll_s = s.getfloat("FRONTIER_POLL", 0.5)
        spider.frontier = open_frontier(
            s.get("PARKBENCH_FRONTIER"),
            delay_s=s.getfloat("FRONTIER_DELAY", 1.0),
            claim_timeout_s=s.getfloat("FRONTIER_CLAIM_TIMEOUT", 600.0),
        )
        crawler.signals.connect(spider._on_idle, signal=signals.spider_idle)
        crawler.signals.connect(spider._on_closed, signal=signals.spider_closed)
        return spider

    # -- requests from claims ----------------------------------------------------------------

    async def start(self):
        for request in self.start_requests():
            yield request

    def start_requests(self):
        self.frontier.add([Link(u, 0) for u in self.start_urls])
        yield from self._claimed_requests()

    def _claimed_requests(self) -> list[scrapy.Request]:
        claims = self.frontier.claim(self.worker, self.batch, max_pages=self.max_pages)
        return [self._request(c) for c in claims]

    def _request(self, claim: Claim) -> scrapy.Request:
        return scrapy.Request(
            claim.url,
            callback=self._parse_claimed,
            errback=self._claim_failed,
            dont_filter=True,  # the frontier already deduplicates, across workers too
            priority=-claim.depth,
            meta={
                "depth": claim.depth,
                META_FP: claim.fingerprint,
                META_WAIT_UNTIL: time.monotonic() + claim.wait_s,
            },
        )

    def _parse_claimed(self, response):
        fp, depth = response.meta[META_FP], response.meta.get("depth", 0)
        links: list[Link] = []
        try:
            for out in self.parse(response):
                if isinstance(out, scrapy.Request):
                    if not self.max_depth or depth + 1 <= self.max_depth:
                        links.append(Link(out.url, depth + 1))
                else:
                    yield out
        except Exception as exc:
            self.frontier.fail(fp, self.worker, f"{type(exc).__name__}: {exc}"[:500])
            raise
        self.frontier.finish(fp, self.worker, links)

    def _claim_failed(self, failure):
        fp = failure.request.meta.get(META_FP)
        if fp:
            self.frontier.fail(fp, self.worker, describe_failure(failure))

    # -- idle: next batch, poll, or finish ---------------------------------------------------

    def _schedule_claims(self) -> bool:
        requests = self._claimed_requests()
        for request in requests:
            self.crawler.engine.crawl(request)
        return bool(requests)

    def _on_idle(self) -> None:
        if self._poll_call is not None and self._poll_call.active():
            raise DontCloseSpider
        if self._schedule_claims():
            raise DontCloseSpider
        if self.frontier.unfinished():
            self._poll_later()
            raise DontCloseSpider

    def _poll_later(self) -> None:
        from twisted.internet import reactor  # the one Scrapy installed

        self._poll_call = reactor.callLater(self.poll_s, self._poll)

    def _poll(self) -> None:
        self._poll_call = None
        if self._schedule_claims():
            return
        if self.frontier.unfinished():
            self._poll_later()
            return
        engine = self.crawler.engine
        if engine.spider_is_idle():
            deferred_from_coro(engine.close_spider_async(reason="finished"))

    def _on_closed(self, reason: str = "") -> None:
        if self._poll_call is not None and self._poll_call.active():
            self._poll_call.cancel()
        released = self.frontier.release(self.worker)  # stopped early: others take them
        if released:
            self.logger.info("frontier: %d claimed URLs released (%s)", released, reason)
        self.frontier.close()


def frontier_spider(spider_cls: type[scrapy.Spider]) -> type[scrapy.Spider]:
    """``spider_cls`` taking its requests from the frontier (same ``name``, same items)."""
    return type(f"Frontier{spider_cls.__name__}", (FrontierSpider, spider_cls), {})


class FrontierPacing:
    """Downloader middleware: hold a claimed request until its politeness slot on its domain.

    A request that reaches this point later than its slot by more than a tenth of the delay
    (the worker was busy) takes a new slot from the frontier instead: fetching late would bring
    it too close to the slot another worker holds next. Placed after the HTTP cache (a cached
    page needs no slot) and robots.txt.
    """

    def __init__(self, crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    async def process_request(self, request, spider=None):
        until = request.meta.get(META_WAIT_UNTIL)
        frontier = getattr(self.crawler.spider, "frontier", None)
        if until is None or frontier is None or frontier.delay_s <= 0:
            return None
        from twisted.internet import reactor, task  # the one Scrapy installed

        tolerance = frontier.delay_s / 10
        while True:
            wait = until - time.monotonic()
            if wait > 0:
                await maybe_deferred_to_future(task.deferLater(reactor, wait, lambda: None))
            elif -wait <= tolerance:
                return None
            else:
                until = time.monotonic() + frontier.reserve(domain_of(request.url))


class FrontierIngestPipeline(IngestPipeline):
    """The ingest pipeline, each page's writes in one ``BEGIN IMMEDIATE`` transaction, so
    workers sharing one SQLite store wait for each other instead of failing."""

    def process_item(self, item: dict) -> dict:
        with immediate_transaction(self.db):
            return super().process_item(item)
