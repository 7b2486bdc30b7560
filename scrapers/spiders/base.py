"""What every ParkBench spider shares: start URL, allowed domain, link following, page items."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from urllib.parse import urlparse

import scrapy
from scrapy.http import Response, TextResponse
from scrapy.linkextractors import LinkExtractor

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

    def parse(self, response: Response):
        yield self.page_item(response)
        if isinstance(response, TextResponse):
            for link in self.links.extract_links(response):
                if urlparse(link.url).hostname in self.allowed_domains:
                    yield response.follow(link.url, callback=self.parse)

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
        content_type = response.headers.get(b"Content-Type", b"").decode("latin-1") or None
        try:
            item.update(self.read_page(response.body, content_type))
        except ExtractError as exc:
            item["reject"] = {"rule": exc.rule, "reason": str(exc)}
        return item

    def read_page(self, body: bytes, content_type: str | None) -> dict:
        raise NotImplementedError
