"""Pure page extraction (no Scrapy): bytes -> decoded text -> raw records with evidence.

The spiders and ``parkbench extract`` call the same functions, so saved pages and crawled
pages give the same records.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from scrapers.extract.encoding import Decoded, decode_page
from scrapers.extract.layouts import read_layout
from scrapers.extract.profile import RawRecord, build_profiles

#: the rules of the eighth round (docs/scrapers.md; 0.5.0 was the fifth's, rounds 6 and 7 kept
#: it); recorded with every crawled or harvested fact
EXTRACTOR_VERSION = "0.9.0"


@dataclass
class PageProfiles:
    """Profiles of one page with the encoding it was read in."""

    records: list[RawRecord] = field(default_factory=list)
    decoded: Decoded | None = None
    title: str = ""


def extract_profiles(body: bytes, content_type: str | None = None) -> PageProfiles:
    """Center profiles of a page; raises ``ExtractError`` when the bytes are not a page."""
    decoded = decode_page(body, content_type)
    layout = read_layout(decoded.text)
    return PageProfiles(build_profiles(layout), decoded, layout.title)


__all__ = ["EXTRACTOR_VERSION", "PageProfiles", "RawRecord", "extract_profiles"]
