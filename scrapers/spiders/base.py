"""What every ParkBench spider shares: start URL, allowed domain, link following, page items."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from urllib.parse import urlparse

import scrapy
from scrapy.http import Response, TextResponse
from scrapy.linkextractors import LinkExtractor
from twisted.internet import defer

from scrapers import settings as project_settings
from scrapers.extract.errors import ExtractError

#: file types never worth fetching from a listing
DENY_EXTENSIONS = [
    "jpg",
    "jpeg",
    "png",
    "gif",
    "css",
    "js",
    "zip",
    "rar",
    "doc",
    "xls",
    "mp3",
    "mp4",
]


class PageSpider(scrapy.Spider):
    """Crawl from ``start_url`` within its domain, following listing pages and pagination.

    Subclasses implement :meth:`read_page` (bytes -> item fields) and set ``name``/``kind``.
    """

    kind = "page"

    def __init__(self, start_url: str | None = None, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not start_url:
            raise ValueError("start_url is required")
        self.start_urls = [start_url]
        host = urlparse(start_url).hostname
        self.allowed_domains = [host] if host else []
        # host filter done here: LinkExtractor's allow_domains compares the netloc (with port)
        self.links = LinkExtractor(deny_extensions=DENY_EXTENSIONS)

    async def start(self):
        for url in self.start_urls:
            yield scrapy.Request(url, callback=self.parse, errback=self.fetch_failed)

    def parse(self, response: Response):
        yield self.page_item(response)
        if isinstance(response, TextResponse):
            for link in self.links.extract_links(response):
                if urlparse(link.url).hostname in self.allowed_domains:
                    yield response.follow(link.url, callback=self.parse, errback=self.fetch_failed)

    def fetch_failed(self, failure):
        """A page that could not be fetched (HTTP error, timeout, over the size limit) becomes
        an item with a reject, so the crawl log records it."""
        request = failure.request
        response = getattr(failure.value, "response", None)
        message = str(failure.value) or failure.type.__name__
        too_large = "max size" in message or failure.check(defer.CancelledError) is not None
        rule = "page_too_large" if too_large else "fetch_failed"
        return {
            "spider": self.name,
            "kind": self.kind,
            "url": request.url,
            "retrieved_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
            "sha256": "",
            "status": response.status if response is not None else 0,
            "title": "",
            "records": [],
            "facts": [],
            "reject": {"rule": rule, "reason": f"{failure.type.__name__}: {message}"[:500]},
        }

    def page_item(self, response: Response) -> dict:
        """The item for one page: address, time, hash, and what :meth:`read_page` found."""
        item = {
            "spider": self.name,
            "kind": self.kind,
            "url": response.url,
            "retrieved_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
            "sha256": hashlib.sha256(response.body).hexdigest(),
            "status": response.status,
            "title": "",
            "records": [],
            "facts": [],
            "reject": None,
        }
        limit = self._int_setting("PARKBENCH_MAX_PAGE_BYTES")
        if len(response.body) > limit:
            item["reject"] = {
                "rule": "page_too_large",
                "reason": f"page of {len(response.body)} bytes is over the limit of {limit} bytes",
            }
            return item
        content_type = response.headers.get(b"Content-Type", b"").decode("latin-1") or None
        try:
            item.update(self.read_page(response.body, content_type))
        except ExtractError as exc:
            item["reject"] = {"rule": exc.rule, "reason": str(exc)}
        cap = self._int_setting("PARKBENCH_MAX_RECORDS")
        found = len(item["records"]) + len(item["facts"])
        if found > cap:
            item["records"] = item["records"][:cap]
            item["facts"] = item["facts"][: max(0, cap - len(item["records"]))]
            item["capped"] = {"found": found, "kept": cap}
        return item

    def _int_setting(self, name: str) -> int:
        """A crawl setting, or the project default for a spider used without a crawler."""
        settings = getattr(self, "settings", None)
        default = getattr(project_settings, name)
        return settings.getint(name, default) if settings is not None else default

    def read_page(self, body: bytes, content_type: str | None) -> dict:
        raise NotImplementedError
