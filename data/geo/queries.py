"""Queries over the geography tables: call-center capacity per city and the candidate-site table.

Used by ``parkbench sites``, the portal and the site-scoring model (which receives plain rows).
"""

from __future__ import annotations

import pandas as pd
import sqlite_utils

from data.errors import NormaliseError, StoreError
from data.store import engine
from data.store.contents import holds

#: seats per 100,000 working-age residents above which a labour market counts as tight
#: (practitioners' rule of thumb: more than about 100 seats per 100,000 people)
TIGHT_MARKET_SEATS_PER_100K = 100.0
#: tenant statuses counted as existing capacity (signed or planned tenants are not)
OPERATING_STATUSES = (None, "", "operating", "已入驻")
#: Tianditu-only special zones in Gansu: nature reserves and a state farm, not candidate sites
NOT_SITES = frozenset({"629700", "629800", "629900"})

CAPACITY_COLUMNS = [
    "adcode",
    "centers",
    "center_seats",
    "tenant_seats",
    "seats",
    "seats_per_100k_working_age",
    "tight_market",
]


def _require_cities(db: sqlite_utils.Database) -> None:
    if not holds(db, "cities"):
        raise StoreError("the database has no cities table: run `parkbench build` first")


def load_city_capacity(db: sqlite_utils.Database) -> pd.DataFrame:
    """Existing call-center seats per city and the saturation indicator, one row per city.

    ``center_seats`` sums ``centers.seats`` by ``city_adcode``; ``tenant_seats`` sums the seats of
    operating park tenants (status empty, ``operating`` or ``已入驻``) by their park's
    ``city_adcode``, leaving out tenants linked to a center already counted (``center_id`` of a
    row in ``centers``). ``seats_per_100k_working_age`` = seats / working-age population 2020 (15-59)
    x 100,000; ``tight_market`` is 1 above :data:`TIGHT_MARKET_SEATS_PER_100K`, 0 at or below,
    missing when the population is unknown. Missing ``centers``/``park_tenants`` tables count as empty.
    """
    _require_cities(db)
    cities = engine.read_frame(db, "select adcode from cities")
    if holds(db, "centers"):
        centers = engine.read_frame(
            db,
            "select city_adcode as adcode, count(*) as centers, coalesce(sum(seats), 0) as center_seats "
            "from centers where city_adcode is not null group by city_adcode",
        )
    else:
        centers = pd.DataFrame(columns=["adcode", "centers", "center_seats"])
    if holds(db, "park_tenants", "parks"):
        known_centers = (
            "select id from centers" if holds(db, "centers") else "select null where 1 = 0"
        )
        statuses = [s for s in OPERATING_STATUSES if s]
        tenants = engine.read_frame(
            db,
            "select p.city_adcode as adcode, coalesce(sum(t.seats), 0) as tenant_seats "
            "from park_tenants t join parks p on p.id = t.park_id "
            f"where p.city_adcode is not null and (t.status is null or t.status = '' or t.status in ({','.join('?' * len(statuses))})) "
            f"and (t.center_id is null or t.center_id not in ({known_centers})) group by p.city_adcode",
            statuses,
        )
    else:
        tenants = pd.DataFrame(columns=["adcode", "tenant_seats"])
    working = engine.read_frame(
        db,
        "select adcode, value as working_age from city_indicators where indicator = 'working_age_population_2020'",
    )
    out = (
        cities.merge(centers, on="adcode", how="left")
        .merge(tenants, on="adcode", how="left")
        .merge(working, on="adcode", how="left")
    )
    for col in ("centers", "center_seats", "tenant_seats"):
        out[col] = pd.to_numeric(out[col]).fillna(0).astype(int)
    out["seats"] = out.center_seats + out.tenant_seats
    out["seats_per_100k_working_age"] = out.seats / out.working_age * 100_000
    out["tight_market"] = (out.seats_per_100k_working_age > TIGHT_MARKET_SEATS_PER_100K).astype(
        "Int64"
    )
    out.loc[out.seats_per_100k_working_age.isna(), "tight_market"] = pd.NA
    return out[CAPACITY_COLUMNS]


def _province_filter(db: sqlite_utils.Database, province: str) -> set[str]:
    """Province codes whose Chinese or English name (with or without 省/自治区) matches."""
    from data.geo.geocode import _strip_suffix, normalise_place

    key = normalise_place(province)
    codes = set()
    for r in db.query("select distinct province_adcode, province, province_en from cities"):
        names = {normalise_place(r["province"]), normalise_place(r["province_en"] or "")}
        names |= {_strip_suffix(n) for n in names if _strip_suffix(n)}
        names |= {normalise_place(r["province"])[:2]}
        if key in names or (_strip_suffix(key) or key) in names:
            codes.add(r["province_adcode"])
    if not codes:
        raise NormaliseError(f"unknown province {province!r}", value=province, rule="province")
    return codes


def load_sites(db: sqlite_utils.Database, province: str | None = None) -> list[dict]:
    """Candidate sites: one dict per city with its indicators, capacity, inputs and their sources.

    Keys: ``adcode``, ``name``, ``name_en``, ``province``, ``province_en``, ``level``, ``lat``,
    ``lon`` (WGS-84 seat point), ``area_km2``, every indicator of ``city_indicators`` under its
    own name (units in the name: ``population_2020``, ``nearest_airport_km`` ...) plus
    ``nearest_airport_iata``, the capacity columns of :func:`load_city_capacity`, the latest
    ``city_inputs`` value per indicator, and ``field_sources``: field -> ``{source_id, source,
    year, unit, note}``. Missing values are ``None``. Sorted by adcode.
    """
    _require_cities(db)
    where, params = "", []
    if province:
        codes = sorted(_province_filter(db, province))
        where, params = f"where province_adcode in ({','.join('?' * len(codes))})", codes
    cities = list(db.query(f"select * from cities {where} order by adcode", params))
    titles = (
        {r["id"]: r["title"] for r in db.query("select id, title from sources")}
        if holds(db, "sources")
        else {}
    )
    indicators: dict[str, list[dict]] = {}
    for r in db.query("select * from city_indicators"):
        indicators.setdefault(r["adcode"], []).append(r)
    names = [
        r["indicator"]
        for r in db.query("select distinct indicator from city_indicators order by indicator")
    ]
    inputs: dict[str, dict[str, dict]] = {}
    if holds(db, "city_inputs"):
        for r in db.query("select * from city_inputs order by year"):
            inputs.setdefault(r["adcode"], {})[r["indicator"]] = r  # latest year wins
    input_names = sorted({k for v in inputs.values() for k in v})
    capacity = load_city_capacity(db).set_index("adcode")
    sites = []
    for c in cities:
        if c["adcode"] in NOT_SITES:
            continue
        site = {
            "adcode": c["adcode"], "name": c["name_zh"], "name_en": c["name_en"], "province": c["province"],
            "province_en": c["province_en"], "level": c["level"], "lat": c["lat"], "lon": c["lon"], "area_km2": c["area_km2"],
        }  # fmt: skip
        sources = {
            f: {
                "source_id": c["source_id"],
                "source": titles.get(c["source_id"]),
                "year": None,
                "unit": unit,
                "note": None,
            }
            for f, unit in (("lat", "degree"), ("lon", "degree"), ("area_km2", "km2"))
        }
        site.update(dict.fromkeys(names))
        site["nearest_airport_iata"] = None
        for r in indicators.get(c["adcode"], []):
            value = r["value"]
            if r["unit"] in ("flag", "person", "station"):
                value = int(round(value))
            site[r["indicator"]] = value
            sources[r["indicator"]] = {
                "source_id": r["source_id"],
                "source": titles.get(r["source_id"]),
                "year": r["year"],
                "unit": r["unit"],
                "note": r["note"],
            }
            if r["indicator"] == "nearest_airport_km":
                site["nearest_airport_iata"] = r["value_text"]
                sources["nearest_airport_iata"] = sources["nearest_airport_km"]
        cap = capacity.loc[c["adcode"]]
        for col in CAPACITY_COLUMNS[1:]:
            v = cap[col]
            site[col] = (
                None
                if pd.isna(v)
                else (float(v) if col == "seats_per_100k_working_age" else int(v))
            )
            sources[col] = {
                "source_id": None,
                "source": "ParkBench store: centers and park_tenants",
                "year": None,
                "unit": None,
                "note": None,
            }
        for name in input_names:
            r = inputs.get(c["adcode"], {}).get(name)
            site[name] = r["value"] if r else None
            if r:
                sources[name] = {
                    "source_id": None,
                    "source": r["source"],
                    "year": r["year"],
                    "unit": r["unit"],
                    "note": r["note"],
                }
        site["field_sources"] = sources
        sites.append(site)
    return sites
