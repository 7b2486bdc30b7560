"""Spider for park and industry news: facts go to the review queue, not to the published data."""

from __future__ import annotations

from dataclasses import asdict

from scrapers.extract.articles import extract_articles
from scrapers.extract.page import extract_page, review_facts
from scrapers.spiders.base import PageSpider


class ArticlesSpider(PageSpider):
    """Park and industry articles: every page becomes an item with its proposed facts."""

    name = "articles"
    kind = "articles"

    def read_page(self, body: bytes, content_type: str | None) -> dict:
        found = extract_articles(body, content_type)
        facts = [asdict(f) for f in found.facts]
        prose = review_facts(extract_page(body, "", content_type))
        known = {(f["table"], f["values"].get("name")) for f in facts}
        facts += [asdict(f) for f in prose if (f.table, f.values.get("name")) not in known]
        return {"title": found.title, "facts": facts}
