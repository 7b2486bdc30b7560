"""Build the site-selection criteria table (one row per candidate) from the store.

Cities come from ``data.geo.queries.load_sites`` when the geography layer provides it, else
from the ``cities`` and ``city_indicators`` tables pivoted here. Cluster criteria count the
``centers`` and ``parks`` of each city; ``incentive_cny_per_seat`` sums the seat-based rules
of the ``incentives`` table (amounts per seat, times their duration in years when given).
Other incentive kinds (tax rebates, rent cuts) depend on a center's revenue and floor area
and are valued by the cost model inside ``net_cost_per_seat_cny_per_year``; they are not
counted twice. The cost column is filled by a ``cost_per_seat`` function when one is given
(the cost model), else left missing so that its missing-value rule applies visibly; when the
function also returns the cost's uncertainty (value, log sd), it goes to
``net_cost_per_seat_cny_per_year_log_sd``, which the stress test draws from.

Transport: ``railway_stations_per_1000_km2`` = passenger stations / area x 1000. A center
recruits within commuting range, so what matters is how dense the rail network is, not how
many stations a prefecture of 250,000 km2 (呼伦贝尔: 37 stations, 0.15 per 1,000 km2) has
against a compact one (贵阳: 26 stations, 3.2 per 1,000 km2).
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import sqlite_utils

from data.errors import StoreError
from data.inputs.incentives import RuleIndex
from data.store import engine
from data.store.contents import holds

#: indicator names of ``city_indicators`` -> criterion columns
INDICATOR_COLUMNS: dict[str, str] = {
    "working_age_population_2020": "working_age_population",
    "college_educated_population_2020": "college_educated_population",
    "population_2020": "population",
    "tertiary_share": "tertiary_share",
    "nearest_airport_km": "nearest_airport_km",
    "railway_stations": "railway_stations",
    "is_provincial_capital": "is_provincial_capital",
    # flag 0/1 of the geography layer (31 national model cities, MOFCOM list; geo_joins)
    "service_outsourcing_model_city": "is_service_outsourcing_model_city",
}
SEAT_UNITS = ("seat", "座席", "席")

CostPerSeat = Callable[[dict], float | tuple[float, float] | None]


def connect_store(db: str | Path | sqlite_utils.Database) -> sqlite_utils.Database:
    """A database handle; a path must exist (the store is built by ``parkbench build``)."""
    if engine.is_store(db):
        return db
    if engine.is_postgres(db):
        return engine.connect_existing(db)
    path = Path(db)
    if not path.exists():
        raise StoreError(f"database {path} not found: run `parkbench build --db {path}` first")
    return sqlite_utils.Database(path)


def _rows(db: sqlite_utils.Database, sql: str, params: tuple = ()) -> list[dict]:
    return [dict(r) for r in db.query(sql, params)]


def _load_cities(db: sqlite_utils.Database) -> list[dict]:
    try:
        geo = importlib.import_module("data.geo.queries")
    except ModuleNotFoundError:
        geo = None
    if geo is not None and hasattr(geo, "load_sites"):
        return [dict(s) for s in geo.load_sites(db)]
    if not holds(db, "cities"):
        raise StoreError("the store has no cities table: build the geography data first")
    cities = {r["adcode"]: dict(r) for r in _rows(db, "select * from cities")}
    for c in cities.values():
        c.setdefault("name", c.get("name_zh"))
    if holds(db, "city_indicators"):
        for r in _rows(db, "select adcode, indicator, value from city_indicators"):
            if r["adcode"] in cities:
                cities[r["adcode"]][r["indicator"]] = r["value"]
    return list(cities.values())


def _num(v) -> float:
    try:
        x = float(v)
    except (TypeError, ValueError):
        return math.nan
    return x if math.isfinite(x) else math.nan


def _city_cluster(db: sqlite_utils.Database) -> dict[str, dict]:
    out: dict[str, dict] = {}
    if holds(db, "centers"):
        for r in _rows(
            db,
            "select city_adcode, count(*) n, sum(seats) s from centers "
            "where city_adcode is not null group by city_adcode",
        ):
            out.setdefault(r["city_adcode"], {}).update(
                center_count=r["n"], center_seats=r["s"] or 0
            )
    if holds(db, "parks"):
        for r in _rows(
            db,
            "select city_adcode, count(*) n from parks where city_adcode is not null group by city_adcode",
        ):
            out.setdefault(r["city_adcode"], {})["park_count"] = r["n"]
    return out


def _seat_value(rule: dict) -> float:
    unit = str(rule.get("amount_unit") or "").lower()
    amount = _num(rule.get("amount_cny"))
    if math.isnan(amount) or not any(u in unit for u in SEAT_UNITS):
        return 0.0
    years = _num(rule.get("duration_years"))
    return amount * (years if years > 0 else 1.0)


def _incentives(db: sqlite_utils.Database) -> list[dict]:
    """Every ``incentives`` row with its seat-based value (``seat_value``, CNY per seat)."""
    if not holds(db, "incentives"):
        return []
    return [dict(r, seat_value=_seat_value(r)) for r in _rows(db, "select * from incentives")]


def _seat_incentive(rules: RuleIndex, *, adcode: str, name, park_id=None) -> float:
    """Seat-based value of the rules that apply to the site (``data.inputs.incentives``)."""
    site = {"adcode": adcode, "city_names": (name,), "park_id": park_id}
    return sum(r["seat_value"] for r in rules.applicable(**site))


def load_criteria_table(
    db: str | Path | sqlite_utils.Database,
    *,
    include_parks: bool = False,
    cost_per_seat: CostPerSeat | None = None,
) -> pd.DataFrame:
    """One row per candidate city (and per park with a known city when ``include_parks``).

    Columns: ``id``, ``kind`` (``city``/``park``), ``adcode``, ``name``, ``province`` and the
    criterion columns of :data:`models.criteria.DEFAULT_CRITERIA`. NaN marks a missing value.
    A site's incentive value sums the seat-based rules that apply to it
    (:func:`data.inputs.incentives.rule_applies`): a city's city-wide rules; a park's own
    rules plus the city-wide rules of its city.
    """
    db = connect_store(db)
    cities = _load_cities(db)
    cluster = _city_cluster(db)
    rules = RuleIndex(_incentives(db))
    parks_by_city: dict[str, list[dict]] = {}
    if holds(db, "parks"):
        for p in _rows(db, "select * from parks where city_adcode is not null"):
            parks_by_city.setdefault(p["city_adcode"], []).append(p)
    rows = []
    for c in cities:
        adcode = str(c.get("adcode"))
        row = {"id": adcode, "kind": "city", "adcode": adcode, "name": c.get("name"),
               "province": c.get("province")}  # fmt: skip
        for src, dst in INDICATOR_COLUMNS.items():
            row[dst] = _num(c.get(src, c.get(dst)))
        area = _num(c.get("area_km2"))
        row["railway_stations_per_1000_km2"] = (
            row["railway_stations"] / area * 1000 if area > 0 else math.nan
        )
        cl = cluster.get(adcode, {})
        row["center_count"] = float(cl.get("center_count", 0))
        row["park_count"] = float(cl.get("park_count", 0))
        seats = _num(c.get("center_seats", cl.get("center_seats", 0)))
        tenants = _num(c.get("tenant_seats"))
        row["center_seats"] = (0.0 if math.isnan(seats) else seats) + (
            0.0 if math.isnan(tenants) else tenants
        )
        sat = _num(c.get("seats_per_100k_working_age"))
        if math.isnan(sat) and row["working_age_population"] > 0:
            sat = row["center_seats"] / row["working_age_population"] * 1e5
        row["seats_per_100k_working_age"] = sat
        parks = parks_by_city.get(adcode, [])
        row["incentive_cny_per_seat"] = _seat_incentive(rules, adcode=adcode, name=row["name"])
        rows.append(row)
        if include_parks:
            for p in parks:
                prow = dict(row, id=f"park:{p['id']}", kind="park", name=p["name"])
                airport = _num(p.get("distance_to_airport_km"))
                if not math.isnan(airport):
                    prow["nearest_airport_km"] = airport
                prow["incentive_cny_per_seat"] = _seat_incentive(
                    rules, adcode=adcode, name=row["name"], park_id=p["id"]
                )
                rows.append(prow)
    _set_costs(cost_per_seat, rows)
    return pd.DataFrame(rows)


COST = "net_cost_per_seat_cny_per_year"


def _set_costs(cost_per_seat: CostPerSeat | None, rows: list[dict]) -> None:
    """Cost column (and its log sd when the function gives one) of every row; a function with
    a ``many(rows)`` method (``usecases.pricing.SitePricer``) prices them all in one pass."""
    if cost_per_seat is None:
        values: list = [math.nan] * len(rows)
    elif hasattr(cost_per_seat, "many"):
        values = cost_per_seat.many([dict(r) for r in rows])
    else:
        values = [cost_per_seat(dict(r)) for r in rows]
    for row, value in zip(rows, values, strict=True):
        sd = 0.0
        if isinstance(value, tuple):
            value, sd = value
        row[COST] = _num(value)
        row[f"{COST}_log_sd"] = _num(sd) if not math.isnan(row[COST]) else math.nan
