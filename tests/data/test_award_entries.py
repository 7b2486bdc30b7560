"""``load_award_entries`` and ``load_centers`` read a column at a time and give what the
row-by-row readers gave: the same profiles (keys, values and their Python types), years and
KPIs, in the same order. The row-by-row readers are kept here as the reference."""

from __future__ import annotations

import pandas as pd
import pytest

from data.inputs.benchmark import (
    CENTER_FIELDS,
    CENTER_KPI_COLUMNS,
    _capitals,
    _industry_with_basis,
    load_award_entries,
    load_centers,
)
from data.inputs.score import connect_store
from data.store.contents import columns, holds
from data.store.database import open_db
from data.store.fixtures import write_fixture_store
from tests.scoring_store import default_centers, make_store


def reference_centers(db) -> pd.DataFrame:
    """``load_centers`` as it was: the rows read as dicts (the industry inferred from a name,
    a step on the whole frame, pinned in tests/data/test_industries.py, is applied the same)."""
    db = connect_store(db)
    if not holds(db, "centers"):
        return pd.DataFrame(
            columns=[*CENTER_FIELDS, *CENTER_KPI_COLUMNS, "is_provincial_capital", "city_name"]
        )
    cols = set(columns(db, "centers"))
    wanted = [c for c in (*CENTER_FIELDS, *CENTER_KPI_COLUMNS) if c in cols]
    wanted += [f"{c}_bound" for c in CENTER_KPI_COLUMNS if f"{c}_bound" in cols]
    frame = pd.DataFrame(
        list(db.query(f"select {', '.join(wanted)} from centers order by id")), columns=wanted
    )
    if "industry" in frame:
        _industry_with_basis(frame)
    caps = _capitals(db)
    adcodes = frame.get("city_adcode", pd.Series([None] * len(frame)))
    frame["is_provincial_capital"] = [caps.get(a) for a in adcodes]
    names = (
        {r["adcode"]: r["name_zh"] for r in db.query("select adcode, name_zh from cities")}
        if holds(db, "cities")
        else {}
    )
    cities = frame.get("city", pd.Series([None] * len(frame)))
    frame["city_name"] = [
        names.get(a) or (c if isinstance(c, str) and c else None)
        for a, c in zip(adcodes, cities, strict=True)
    ]
    return frame


def reference_entries(db) -> list[tuple[dict, int | None, dict]]:
    """``load_award_entries`` as it was: a dict per center from ``to_dict("records")``."""
    db = connect_store(db)
    centers = reference_centers(db)
    dated: dict = {}
    if holds(db, "kpis"):
        for k in db.query(
            "select center_id, metric, value, period, definition from kpis "
            "where coalesce(is_target, 0) != 1 and value is not null "
            "order by (definition is not null), id"
        ):
            year = str(k.get("period") or "")[:4]
            if year.isdigit():
                dated.setdefault(k["center_id"], {}).setdefault(int(year), {}).setdefault(
                    k["metric"], float(k["value"])
                )
    out = []
    kpi_columns = [m for m in CENTER_KPI_COLUMNS if m in centers.columns]
    for c in centers.to_dict("records"):
        profile = {k: (None if isinstance(v, float) and v != v else v) for k, v in c.items()}
        base = {m: float(c[m]) for m in kpi_columns if c[m] is not None and not pd.isna(c[m])}
        years = dated.get(c["id"], {})
        if not years:
            out.append((profile, None, base))
        for year, kpis in sorted(years.items()):
            out.append((profile, year, {**base, **kpis}))
    return out


def typed(entries) -> list:
    """Entries with every value beside its type (1 == 1.0 == True; their types differ)."""
    return [
        (
            [(k, type(v).__name__, v) for k, v in p.items()],
            y,
            [(k, type(v).__name__, v) for k, v in kpis.items()],
        )
        for p, y, kpis in entries
    ]


def assert_same_reads(db) -> None:
    pd.testing.assert_frame_equal(load_centers(db), reference_centers(db), check_exact=True)
    got, expected = load_award_entries(db), reference_entries(db)
    assert typed(got) == typed(expected)
    assert got == expected
    # over a frame read before (the portal passes the centers it has cached)
    assert typed(load_award_entries(db, centers=load_centers(db))) == typed(expected)


#: KPIs over several years: targets, a period without a year, definitions that compete
KPIS = [
    {"id": "k1", "center_id": "c1", "metric": "csat", "value": 0.91, "period": "2023"},
    {"id": "k2", "center_id": "c1", "metric": "csat", "value": 0.80, "period": "2023-06",
     "definition": "survey"},
    {"id": "k3", "center_id": "c1", "metric": "service_level", "value": 0.85, "period": "2021",
     "definition": "offered", "threshold_seconds": 20},
    {"id": "k4", "center_id": "c2", "metric": "answer_rate", "value": 0.99, "period": "2022",
     "is_target": 1},
    {"id": "k5", "center_id": "c2", "metric": "answer_rate", "value": 0.93, "period": "2022Q3"},
    {"id": "k6", "center_id": "c3", "metric": "fcr_rate", "value": 0.7, "period": "近年"},
    {"id": "k7", "center_id": "c3", "metric": "fcr_rate", "value": 0.75, "period": "2020",
     "definition": ""},
    {"id": "k8", "center_id": "c4", "metric": "attrition_rate", "value": 0.2, "period": None},
    {"id": "k9", "center_id": "c5", "metric": "complaint_rate", "value": 0.004, "period": "2024"},
    {"id": "k10", "center_id": "c5", "metric": "aht_seconds", "value": 250, "period": "2019"},
]  # fmt: skip


def gappy_centers() -> list[dict]:
    """The fixture centers with gaps: a year column with holes (floats), text with holes, a
    column empty throughout (object), a KPI given as a bound only, a center in no known city."""
    out = default_centers()
    for i, c in enumerate(out):
        c["founded_year"] = 1998 + i if i % 3 else None
        c["ownership"] = "民营" if i % 2 else None
        c["certifications"] = '["COPC 2000"]' if i == 4 else ("" if i == 5 else None)
        c["hours_per_day"] = 24 if i % 4 == 0 else None
        c["days_per_year"] = 365  # whole column filled: integers
        c["csat"] = None if i % 5 == 0 else c["csat"]
    out[2]["answer_rate_bound"] = "90%以上"
    out[3]["answer_rate_bound"] = "approx"
    out[6]["city_adcode"] = "999999"
    out[6]["city"] = "某市"
    out[7]["city_adcode"] = None
    out[7]["description"] = "CTI IVR"
    return out


def test_the_column_reads_are_the_row_reads_on_each_engine(stores):
    assert_same_reads(open_db(make_store(stores.target(), kpis=KPIS), read_only=True))
    gappy = open_db(make_store(stores.target(), centers=gappy_centers(), kpis=KPIS), read_only=True)
    assert_same_reads(gappy)
    profiles = {p["id"]: p for p, _, _ in load_award_entries(gappy)}
    assert type(profiles["c1"]["founded_year"]) is float  # a column with holes reads as floats
    assert type(profiles["c1"]["days_per_year"]) is int
    assert profiles["c0"]["founded_year"] is None and profiles["c0"]["ownership"] is None
    # and the empty store
    assert_same_reads(stores.memory())


def test_the_column_reads_are_the_row_reads_on_the_built_store(built_any):
    assert_same_reads(open_db(built_any, read_only=True))


def test_the_column_reads_are_the_row_reads_on_a_synthetic_store(tmp_path):
    write_fixture_store(tmp_path / "s.sqlite", n_centers=80, n_parks=3).conn.close()
    assert_same_reads(open_db(tmp_path / "s.sqlite", read_only=True))


def test_values_sqlite_keeps_against_the_column_type_read_the_same(tmp_path):
    """SQLite keeps text in an INTEGER column: the column reads as objects, as before."""
    path = make_store(tmp_path / "odd.sqlite", centers=gappy_centers(), kpis=KPIS)
    db = open_db(path)
    db.execute("update centers set seats = '约500' where id = 'c1'")
    db.execute("update centers set staff = 12.5 where id = 'c2'")
    db.execute("update kpis set period = 2023 where id = 'k9'")  # a year stored as a number
    db.conn.commit()
    frame = load_centers(db)
    assert frame["seats"].dtype == object
    assert_same_reads(db)
    years = {(p["id"], y) for p, y, _ in load_award_entries(db)}
    assert ("c5", 2023) in years


@pytest.mark.parametrize("n", [1, 5])
def test_a_store_without_kpi_columns_reads_the_same(tmp_path, n):
    """Centers whose table lacks every KPI column: entries with empty KPIs (no zip misfit)."""
    import sqlite_utils

    db = sqlite_utils.Database(tmp_path / "bare.sqlite")
    db["centers"].insert_all([{"id": f"c{i}", "name": f"中心{i}"} for i in range(n)])
    got = load_award_entries(db)
    assert got == reference_entries(db)
    assert [k for _, _, k in got] == [{}] * n
