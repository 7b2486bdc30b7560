"""A small store on disk for the release tests, filled through ``data.store.database.write_records``.

Three sources: a curated document, a manual import and a test fixture (``kind="test"``).
The test source states a second center on its own and overrides the seats of the first one;
neither may reach a release.
"""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from data.store.database import (
    Record,
    Reject,
    SourceInfo,
    add_source,
    open_db,
    write_records,
    write_rejects,
)

CURATED = SourceInfo(
    kind="curated",
    url="yearbook-2012.txt",
    title="中国呼叫中心年鉴 2012",
    publisher="CCCS",
    published="2012-06-01",
    retrieved_at="2026-01-02T03:04:05Z",
    sha256="a" * 64,
    licence="CC-BY-4.0",
)
IMPORT = SourceInfo(
    kind="import",
    url="parks.xlsx",
    title="园区名单",
    published="2013-01-01",
    retrieved_at="2026-02-03T04:05:06Z",
    sha256="b" * 64,
    licence="MIT (file) + CC0-1.0 (names)",
)
TEST = SourceInfo(
    kind="test",
    url="generated.csv",
    title="generated test rows",
    published="2030-01-01",
    retrieved_at="2026-12-31T23:59:59Z",
    sha256="c" * 64,
)


def fill(db: sqlite_utils.Database) -> dict[str, str]:
    """Fill ``db``; return the ids of the interesting records."""
    a, b, t = add_source(db, CURATED), add_source(db, IMPORT), add_source(db, TEST)
    write_records(
        db,
        [
            Record(
                "parks",
                "prk_hefei",
                {
                    "name": "合肥呼叫中心产业园",
                    "name_key": "合肥呼叫中心产业园",
                    "city": "合肥",
                    "lat": 31.82,
                    "lon": 117.23,
                    "rent_cny_per_m2_month": 25.0,
                    "rent_cny_per_m2_month_bound": "range",
                    "rent_cny_per_m2_month_high": 35.0,
                },
                {
                    "name": "合肥呼叫中心产业园位于……",
                    "rent_cny_per_m2_month": "租金25-35元/平方米/月",
                },
                "parks.xlsx#2",
            ),
            Record(
                "parks",
                "prk_nolatlon",
                {"name": '某基地, "引号"\n第二行', "seats": None}
                if False
                else {"name": '某基地, "引号"\n第二行', "jobs": 3000},
                {},
                "parks.xlsx#3",
            ),
        ],
        b,
    )
    write_records(
        db,
        [
            Record(
                "centers",
                "ctr_one",
                {
                    "name": "上海世纪新元",
                    "city": "上海",
                    "seats": 550,
                    "lat": 31.23,
                    "lon": 121.47,
                    "phone_numbers": '["95555","4008"]',
                    "answer_rate": 0.92,
                    "answer_rate_bound": "min",
                    "aht_seconds": 240.5,
                },
                {"seats": "座席550个", "answer_rate": "接通率90%以上"},
                "yearbook#1",
            ),
            Record(
                "park_tenants",
                "ten_one",
                {
                    "park_id": "prk_hefei",
                    "center_id": "ctr_one",
                    "company": "上海世纪新元",
                    "seats": 200,
                    "status": "operating",
                },
                {"seats": "入驻200席"},
                "yearbook#2",
            ),
            Record(
                "kpis",
                "kpi_one",
                {
                    "center_id": "ctr_one",
                    "metric": "answer_rate",
                    "value": 0.92,
                    "unit": "fraction",
                    "is_target": 0,
                },
                {"value": "接通率92%"},
                "yearbook#3",
            ),
        ],
        a,
    )
    write_records(
        db,
        [
            Record("centers", "ctr_one", {"name": "上海世纪新元", "seats": 9999}, {}, "gen#1"),
            Record("centers", "ctr_fake", {"name": "假中心", "seats": 1}, {}, "gen#2"),
        ],
        t,
    )
    write_rejects(db, [Reject("parks.xlsx", 4, "seats", "很多", "number", "not a number")], b)
    return {"curated": a, "import": b, "test": t}


def make_db(path: Path) -> sqlite_utils.Database:
    db = open_db(path)
    fill(db)
    return db
