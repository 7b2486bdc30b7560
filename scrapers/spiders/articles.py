"""Spider for park and industry news: facts go to the review queue, not to the published data."""

from __future__ import annotations

from dataclasses import asdict

from scrapers.extract.articles import extract_articles
from scrapers.spiders.base import PageSpider


class ArticlesSpider(PageSpider):
    """Park and industry articles: every page becomes an item with its proposed facts."""

    name = "articles"
    kind = "articles"

    def read_page(self, body: bytes, content_type: str | None) -> dict:
        found = extract_articles(body, content_type)
        return {"title": found.title, "facts": [asdict(f) for f in found.facts]}
