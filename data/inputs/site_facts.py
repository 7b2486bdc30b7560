"""Read queries for comparing sites: city indicators and incentive rules with their sources.

Plain I/O on an open store (read-only is fine); no Streamlit. Used by the portal's Compare page
for the side-by-side fact cards and the report.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import sqlite_utils

from data.store import engine
from data.store.contents import columns, holds

#: indicators a fact card shows, in order (city_indicators names)
CARD_INDICATORS = (
    "population_2020",
    "working_age_population_2020",
    "college_educated_population_2020",
    "nearest_airport_km",
    "railway_stations",
    "service_outsourcing_model_city",
)

INCENTIVE_COLUMNS = (
    "id", "park_id", "city", "city_adcode", "name", "kind", "basis", "rate", "amount_cny",
    "amount_unit", "cap_cny", "duration_years", "min_seats", "conditions",
)  # fmt: skip


def _marks(n: int) -> str:
    return ",".join("?" * n)


def site_indicators(
    db: sqlite_utils.Database, adcodes: Sequence[str], indicators: Sequence[str] = CARD_INDICATORS
) -> pd.DataFrame:
    """Latest value of each indicator per city, with its unit, year and source.

    Columns: ``adcode``, ``indicator``, ``value``, ``unit``, ``year``, ``source_title``,
    ``source_url`` (one row per city and indicator the store holds).
    """
    columns = ["adcode", "indicator", "value", "unit", "year", "source_title", "source_url"]
    if not adcodes or not holds(db, "city_indicators"):
        return pd.DataFrame(columns=columns)
    has_sources = holds(db, "sources")
    join = "LEFT JOIN sources s ON s.id = i.source_id" if has_sources else ""
    title = "s.title" if has_sources else "NULL"
    url = "s.url" if has_sources else "NULL"
    sql = f"""
        SELECT i.adcode, i.indicator, i.value, i.unit, i.year,
               {title} AS source_title, {url} AS source_url
        FROM city_indicators i {join}
        WHERE i.adcode IN ({_marks(len(adcodes))}) AND i.indicator IN ({_marks(len(indicators))})
        ORDER BY i.adcode, i.indicator, i.year NULLS FIRST
    """
    frame = engine.read_frame(db, sql, [*map(str, adcodes), *indicators])
    return frame.drop_duplicates(["adcode", "indicator"], keep="last").reset_index(drop=True)


def site_incentives(
    db: sqlite_utils.Database,
    adcodes: Sequence[str],
    park_ids: Sequence[str] = (),
    *,
    city_names: Sequence[str] = (),
) -> pd.DataFrame:
    """Incentive rules of the parks and the city-wide rules of the cities (by adcode or name),
    with their sources: the candidates that ``data.inputs.incentives.rule_applies`` sorts
    per site.

    Columns: those of :data:`INCENTIVE_COLUMNS`, ``park_name``, ``park_city_adcode`` and the
    sources the rule was read from (``source_title``, ``source_url``; several joined by "; ").
    """
    columns = [*INCENTIVE_COLUMNS, "park_name", "park_city_adcode", "source_title", "source_url"]
    if not holds(db, "incentives") or not (adcodes or park_ids):
        return pd.DataFrame(columns=columns)
    has_parks = holds(db, "parks")
    has_facts = holds(db, "facts", "sources")
    park_cols = (
        "p.name AS park_name, p.city_adcode AS park_city_adcode"
        if has_parks
        else "NULL AS park_name, NULL AS park_city_adcode"
    )
    park_join = "LEFT JOIN parks p ON p.id = i.park_id" if has_parks else ""
    codes = list(map(str, adcodes)) or [""]
    parks = list(map(str, park_ids)) or [""]
    names = list(map(str, city_names)) or [""]
    where = (
        f"(i.park_id IS NULL AND (i.city_adcode IN ({_marks(len(codes))}) "
        f"OR i.city IN ({_marks(len(names))}))) OR i.park_id IN ({_marks(len(parks))})"
    )
    params = [*codes, *names, *parks]
    sql = f"""
        SELECT {", ".join(f"i.{c}" for c in INCENTIVE_COLUMNS)}, {park_cols}
        FROM incentives i {park_join}
        WHERE {where}
        ORDER BY i.park_id NULLS FIRST, i.name, i.tier NULLS FIRST
    """
    frame = engine.read_frame(db, sql, params)
    titles: dict[str, list[str]] = {}
    urls: dict[str, list[str]] = {}
    if has_facts and len(frame):
        ids = frame["id"].tolist()
        for row in db.query(
            f"""SELECT DISTINCT f.entity_id, s.title, s.url FROM facts f
                JOIN sources s ON s.id = f.source_id
                WHERE f.entity_table = 'incentives' AND f.entity_id IN ({_marks(len(ids))})
                ORDER BY s.title""",
            ids,
        ):
            titles.setdefault(row["entity_id"], []).append(row["title"] or "")
            urls.setdefault(row["entity_id"], []).append(row["url"] or "")
    frame["source_title"] = [("; ".join(titles[i]) if i in titles else None) for i in frame["id"]]
    frame["source_url"] = [("; ".join(urls[i]) if i in urls else None) for i in frame["id"]]
    return frame.reindex(columns=columns)


def site_names_en(
    db: sqlite_utils.Database, adcodes: Sequence[str], park_ids: Sequence[str] = ()
) -> dict[str, str]:
    """English names the store holds: city adcode -> ``cities.name_en``, park id (prefixed
    ``park:``) -> ``parks.name_en``. Places without an English name are left out."""
    out: dict[str, str] = {}
    if adcodes and "name_en" in columns(db, "cities"):
        codes = list(map(str, adcodes))
        for row in db.query(
            f"SELECT adcode, name_en FROM cities WHERE adcode IN ({_marks(len(codes))})", codes
        ):
            if row["name_en"]:
                out[str(row["adcode"])] = row["name_en"]
    if park_ids and "name_en" in columns(db, "parks"):
        ids = list(map(str, park_ids))
        for row in db.query(f"SELECT id, name_en FROM parks WHERE id IN ({_marks(len(ids))})", ids):
            if row["name_en"]:
                out[f"park:{row['id']}"] = row["name_en"]
    return out
