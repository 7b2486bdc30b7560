"""Spider for call-center profile pages (award candidate forms, winner write-ups, directories)."""

from __future__ import annotations

from scrapers.extract import extract_profiles
from scrapers.spiders.base import PageSpider


class ProfilesSpider(PageSpider):
    """Center profiles: every page becomes an item with its raw center records."""

    name = "profiles"
    kind = "profiles"

    def read_page(self, body: bytes, content_type: str | None) -> dict:
        page = extract_profiles(body, content_type)
        return {
            "title": page.title,
            "encoding": page.decoded.encoding if page.decoded else None,
            "records": [
                {"locator": r.locator, "values": r.values, "evidence": r.evidence}
                for r in page.records
            ],
        }
