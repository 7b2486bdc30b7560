"""Saved or fetched page -> checked center records, as ``parkbench extract`` prints them.

The same extraction as the profiles spider, then the same validation as every import
(``data.ingest.records.check_record``). A field that fails validation is left out of the record and
reported in ``rejected`` (the crawl pipeline rejects the whole record instead).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from data.geo.geocode import geocode_city
from data.ingest.records import FieldError, check_record
from scrapers.extract import extract_profiles


@dataclass
class CenterRecord:
    """A center as the page states it: typed values, evidence and rejected fields."""

    values: dict
    evidence: dict = field(default_factory=dict)
    rejected: list[FieldError] = field(default_factory=list)


def center_records(
    body: bytes, source_url: str, content_type: str | None = None
) -> list[CenterRecord]:
    """Center records of a page; raises ``ExtractError`` when the bytes are not a page."""
    page = extract_profiles(body, content_type)
    out = []
    for raw in page.records:
        checked = check_record("centers", raw.values)
        bad = {e.column for e in checked.errors}
        values = dict(
            check_record("centers", {k: v for k, v in raw.values.items() if k not in bad}).values
        )
        values = {k: v for k, v in values.items() if v is not None}
        out.append(CenterRecord({"source_url": source_url, **values}, raw.evidence, checked.errors))
    return out


def city_adcode(values: dict) -> str | None:
    """Six-digit code of the record's city (``data.geo.geocode.geocode_city``, with the province when
    the page gives one); ``None`` when there is no city or it is unknown or ambiguous.

    >>> city_adcode({"city": "青島"}), city_adcode({"city": "Suzhou"}), city_adcode({})
    ('370200', None, None)
    """
    city = values.get("city")
    if not city:
        return None
    match = geocode_city(str(city), values.get("province"))
    return match.adcode if match else None
