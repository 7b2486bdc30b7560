"""`parkbench build`: the curated seed dataset, through the same validation path as imports.

The checks of the built store run on the build of each engine (``built_any``); the PostgreSQL
build is also compared with the SQLite one, table by table.
"""

from __future__ import annotations

import sqlite3

import pytest

from data.store.build import build, load_curated
from data.store.database import open_db


@pytest.fixture
def db(built_any):
    store = open_db(built_any, read_only=True)
    yield store
    store.conn.close()


def rows(db, sql, *args) -> list[dict]:
    return list(db.query(sql, args))


def values(db, sql, *args) -> list[tuple]:
    return [tuple(r.values()) for r in db.query(sql, args)]


def one(db, sql, *args):
    found = rows(db, sql, *args)
    assert len(found) == 1, f"{sql} gave {len(found)} rows"
    return found[0]


def test_no_curated_record_is_rejected(db):
    assert values(db, "SELECT file, row, locator, reason FROM import_rejects") == []


def test_every_curated_record_is_stored():
    curated = load_curated()
    expected = sum(len(rows) for _, by_table in curated for rows in by_table.values())
    assert expected >= 60  # the three seed documents hold at least this many records


def test_shanghai_century_xinyuan(db):
    c = one(db, "SELECT * FROM centers WHERE name = '上海世纪新元信息产业有限公司'")
    assert (c["industry"], c["ownership"], c["founded_year"]) == ("电信", "国有企业单位", 2000)
    assert (c["seats"], c["staff"]) == (550, 920)
    assert (c["hours_per_day"], c["days_per_week"], c["days_per_year"]) == (24, 7, 365)
    assert c["city_adcode"] == "310000" and c["coord_precision"] == "city"
    goal = one(db, "SELECT * FROM kpis WHERE center_id = ? AND metric = 'seats'", c["id"])
    assert (goal["value"], goal["is_target"]) == (900, 1) and "2004" in goal["period"]


def test_miyun_base(db):
    p = one(db, "SELECT * FROM parks WHERE name LIKE '%北京呼叫中心产业基地%'")
    assert (p["area_km2"], p["start_area_km2"], p["building_area_m2"]) == (3, 0.29, 340000)
    assert p["jobs"] == 135000
    assert p["distance_to_city_km"] is not None and p["distance_to_expressway_km"] is not None
    got = values(
        db, "SELECT year, seats FROM park_targets WHERE park_id = ? ORDER BY year", p["id"]
    )
    assert {(2008, 3000), (2010, 10000), (2015, 40000)} <= set(got)  # the seed's three steps
    assert (2020, 80000) in got  # harvested from a 2008 news page (data/curated/harvest)
    tenants = rows(
        db, "SELECT company, seats, seats_bound, seats_high FROM park_tenants WHERE park_id = ?",
        p["id"],
    )  # fmt: skip
    assert len(tenants) >= 5
    ranged = [t for t in tenants if t["seats_bound"] == "range"]
    assert [(t["seats"], t["seats_high"]) for t in ranged] == [(500, 1000)]  # a range stays a range
    tiers = values(
        db,
        "SELECT tier, rate, duration_years, min_investment_cny, min_revenue_cny FROM incentives"
        " WHERE park_id = ? AND kind = 'tax_rebate' ORDER BY tier",
        p["id"],
    )
    assert tiers == [(1, 0.3, 3, 1e7, 5e7), (2, 0.5, 3, 5e7, 3e8)]
    kinds = {r["kind"] for r in rows(db, "SELECT kind FROM incentives WHERE park_id = ?", p["id"])}
    assert {"rent_reduction", "certification_subsidy"} <= kinds


def test_haier_service_level_target(db):
    kpi = one(
        db,
        "SELECT k.* FROM kpis k JOIN centers c ON c.id = k.center_id"
        " WHERE c.name LIKE '海尔%' AND k.metric = 'service_level'",
    )
    assert (kpi["value"], kpi["threshold_seconds"], kpi["is_target"]) == (0.9, 15, 1)
    sites = rows(db, "SELECT city_adcode FROM centers WHERE name LIKE '海尔%' AND city IS NOT NULL")
    assert len(sites) == 5


def test_industry_figures_keep_bounds(db):
    seats = one(db, "SELECT * FROM industry_figures WHERE metric = 'china_call_center_seats'")
    assert (seats["value"], seats["year"]) == (216000, 2005)
    market = one(db, "SELECT * FROM industry_figures WHERE metric = 'china_call_center_market_cny'")
    assert market["value"] == pytest.approx(25.53e9)
    costs = one(
        db, "SELECT COUNT(*) AS n FROM industry_figures WHERE metric LIKE 'cost_per_contact%'"
    )
    assert costs["n"] >= 4


def test_every_stored_value_names_its_source_and_evidence(db):
    orphans = rows(
        db,
        """SELECT c.id FROM centers c WHERE NOT EXISTS
           (SELECT 1 FROM facts f WHERE f.entity_table = 'centers' AND f.entity_id = c.id)""",
    )
    assert orphans == []
    missing = rows(
        db, "SELECT entity_table, field FROM field_facts WHERE evidence IS NULL OR evidence = ''"
    )
    assert missing == []
    kinds = {
        r["kind"]
        for r in rows(
            db, "SELECT DISTINCT s.kind FROM facts f JOIN sources s ON s.id = f.source_id"
        )
    }
    assert kinds == {"curated"}


def test_rebuild_gives_the_same_database(tmp_path):
    a, b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    build(a)
    build(b)

    def dump(path):
        conn = sqlite3.connect(path)
        rows = [
            line
            for line in conn.iterdump()
            if "recorded_at" not in line and "retrieved_at" not in line
        ]
        conn.close()
        return rows

    # timestamps aside (recorded when written), two builds hold the same rows
    da = [
        line
        for line in dump(a)
        if not line.startswith('INSERT INTO "facts"')
        and not line.startswith('INSERT INTO "sources"')
    ]
    db_ = [
        line
        for line in dump(b)
        if not line.startswith('INSERT INTO "facts"')
        and not line.startswith('INSERT INTO "sources"')
    ]
    assert da == db_


def test_cli_build_reports_counts(tmp_path):
    import json
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "portal.cli", "build", "--db", str(tmp_path / "x.sqlite"), "--json"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert doc["tables"]["centers"] >= 10 and doc["reference"]["cities"] == 375
    assert doc["rejected"] == []


#: columns stamped with the time a row was written: two builds differ there
WRITTEN_AT = ("recorded_at", "retrieved_at")


def _table_rows(db, table: str, columns: list[str]) -> list[str]:
    listed = ", ".join(f'"{c}"' for c in columns)
    return sorted(repr(tuple(r.values())) for r in db.query(f'SELECT {listed} FROM "{table}"'))


def test_both_engines_build_the_same_rows(built_db_path, built_pg_url):
    """Every table of the PostgreSQL build holds the rows of the SQLite build (the time a row
    was written aside)."""
    sqlite_db = open_db(built_db_path, read_only=True)
    pg_db = open_db(built_pg_url, read_only=True)
    tables = [t for t in pg_db.table_names() if sqlite_db[t].exists()]
    assert {"centers", "parks", "facts", "sources", "cities"} <= set(tables)
    differ = []
    for table in tables:
        columns = [c for c in pg_db[table].columns_dict if c not in WRITTEN_AT]
        assert columns == [c for c in sqlite_db[table].columns_dict if c not in WRITTEN_AT]
        if _table_rows(pg_db, table, columns) != _table_rows(sqlite_db, table, columns):
            differ.append(table)
    assert differ == []
