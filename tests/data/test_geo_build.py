"""Reference tables built into a real store: counts, spot checks against sources, joins.

The store is a SQLite file (a bare one: ``build_reference`` creates its tables) and a
PostgreSQL database; every test of the built tables runs on both.
"""

import json
from pathlib import Path

import pandas as pd
import pytest
import sqlite_utils

from data.geo import joins as geo_joins
from data.geo.build import REFERENCE_DIR, _create_table, build_reference, load_cities_frame
from data.schema.tables import TABLES
from data.store.database import open_db
from data.store.engine import is_postgres


def connect(target):
    """A bare SQLite database for a path; the store (schema created) for a PostgreSQL URL."""
    return open_db(target) if is_postgres(target) else sqlite_utils.Database(target)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def db_path(request, tmp_path_factory) -> Path | str:
    if request.param == "postgresql":
        target = request.getfixturevalue("pg_server").create_database()
    else:
        target = tmp_path_factory.mktemp("geo") / "parkbench.sqlite"
    db = connect(target)
    build_reference(db)
    db.conn.close()
    return target


@pytest.fixture
def db(db_path):
    db = connect(db_path)
    yield db
    db.conn.close()


def value(db, adcode, indicator):
    rows = list(
        db.query(
            "select value from city_indicators where adcode = ? and indicator = ?",
            [adcode, indicator],
        )
    )
    return rows[0]["value"] if rows else None


def test_counts_match_sources(db):
    assert db["cities"].count == 375
    levels = {
        r["level"]: r["n"] for r in db.query("select level, count(*) n from cities group by level")
    }
    assert levels == {
        "prefecture": 333,
        "county_level_directly_under_province": 35,
        "municipality": 4,
        "SAR": 2,
        "province_taiwan": 1,
    }
    assert db["airports"].count == 292
    assert db["railway_stations"].count == 3379
    assert (
        db.execute(
            "select count(*) from sources where kind = 'reference' and licence is not null"
        ).fetchone()[0]
        == 12  # 7 geography files + 5 city-economics files
    )


def test_beijing_population_and_education_match_the_census(db):
    assert value(db, "110000", "population_2020") == 21893095
    assert value(db, "110000", "population_2010") == 19612368
    assert value(db, "110000", "working_age_population_2020") == pytest.approx(21893095 * 0.685)
    assert value(db, "110000", "college_educated_population_2020") == 9190783  # 41,980 per 100,000
    assert value(db, "110000", "in_migrants_other_province_2020") == 8418418


def test_nearest_airport_to_hangzhou_is_xiaoshan(db):
    row = next(
        db.query(
            "select * from city_indicators where adcode = '330100' and indicator = 'nearest_airport_km'"
        )
    )
    assert row["value_text"] == "HGH"
    assert 20 < row["value"] < 35
    # Beijing's nearest is Capital (Nanyuan closed to civil flights in 2019)
    assert (
        next(
            db.query(
                "select value_text from city_indicators where adcode = '110000' and indicator = 'nearest_airport_km'"
            )
        )["value_text"]
        == "PEK"
    )


def test_gdp_2015_shanghai_and_laiwu_merged_into_jinan(db):
    assert value(db, "310000", "gdp_2015_cny") == pytest.approx(2_512_345e6)
    yb = pd.read_csv(REFERENCE_DIR / "yearbook" / "yearbook_2015.csv")
    jinan = yb[yb.city.isin(["济南市", "莱芜市"])].GDP10000.sum() * 1e4
    assert value(db, "370100", "gdp_2015_cny") == pytest.approx(jinan)
    note = next(
        db.query(
            "select note, year from city_indicators where adcode = '370100' and indicator = 'gdp_2015_cny'"
        )
    )
    assert "莱芜市" in note["note"] and note["year"] == 2015


def test_model_cities_and_capitals(db):
    assert (
        db.execute(
            "select sum(value) from city_indicators where indicator = 'service_outsourcing_model_city'"
        ).fetchone()[0]
        == 31
    )
    assert db.execute("select sum(is_provincial_capital) from cities").fetchone()[0] == 31
    assert value(db, "320500", "service_outsourcing_model_city") == 1  # Suzhou
    assert value(db, "320300", "service_outsourcing_model_city") == 0  # Xuzhou (applicant only)


def test_every_city_is_joined_or_listed_with_a_reason(db):
    cities = {r["adcode"] for r in db.query("select adcode from cities")}
    for dataset, indicator in (
        ("census_city", "population_2020"),
        ("census_county", "college_educated_population_2020"),
        ("yearbook_2015", "gdp_2015_cny"),
    ):
        joined = {
            r["adcode"]
            for r in db.query("select adcode from city_indicators where indicator = ?", [indicator])
        }
        listed = {
            r["code"]
            for r in db.query(
                "select code from geo_unjoined where dataset = ? and kind = 'city_not_covered'",
                [dataset],
            )
        }
        assert joined | listed == cities, dataset
        assert not joined & listed, dataset
    assert (
        db.execute(
            "select count(*) from geo_unjoined where reason is null or reason = ''"
        ).fetchone()[0]
        == 0
    )


def test_every_station_is_joined_or_listed(db):
    joined = db.execute(
        "select count(*) from railway_stations where city_adcode is not null"
    ).fetchone()[0]
    listed = db.execute(
        "select count(*) from geo_unjoined where dataset = 'railway_stations'"
    ).fetchone()[0]
    assert joined + listed == 3379
    assert (
        db.execute(
            "select count(*) from geo_unjoined where dataset = 'railway_stations' and reason like 'station abroad%'"
        ).fetchone()[0]
        == 6
    )
    geocoded = {
        r["city"]: r["city_adcode"]
        for r in db.query(
            "select city, city_adcode from railway_stations where city_match = 'geocoded'"
        )
    }
    assert geocoded.get("万州") == "500000"


def test_municipality_codes_and_province_run_units():
    assert geo_joins.census_city_code_to_adcode("500100", {"500000"})[0] == "500000"
    assert geo_joins.census_city_code_to_adcode("999900", {"500000"}) == (
        None,
        "code 999900 is not a current prefecture-level unit",
    )
    codes = set(load_cities_frame().city_adcode)
    assert geo_joins.county_code_to_adcode("500235", codes) == "500000"  # 云阳县 -> Chongqing
    assert geo_joins.county_code_to_adcode("429004", codes) == "429004"  # 仙桃, run by Hubei
    assert geo_joins.county_code_to_adcode("469001", codes) == "469001"  # 五指山, run by Hainan
    assert geo_joins.county_code_to_adcode("371202", codes) == "370100"  # former 莱芜 district


def test_county_aggregation_equals_the_census_prefecture_totals():
    cities = load_cities_frame()
    agg = geo_joins.aggregate_county_census(REFERENCE_DIR, cities)
    totals = pd.read_csv(
        REFERENCE_DIR / "census" / "census_prefecture_totals_2020.csv", dtype={"census_code": str}
    )
    # Chongqing appears as two census prefectures (500100 市辖区 + 500200 县): compare sums per adcode
    totals["adcode"] = totals.census_code.replace(
        {**geo_joins.MUNICIPALITY_CENSUS_CODES, "500200": "500000"}
    )
    expected = totals.groupby("adcode").population_2020.sum()
    common = expected.index.intersection(agg.index)
    assert len(common) > 330
    pd.testing.assert_series_equal(
        agg.loc[common, "population_2020"],
        expected.loc[common],
        check_names=False,
        check_dtype=False,
    )


def test_build_is_idempotent_and_keeps_city_inputs(stores):
    db = connect(stores.target())
    first = build_reference(db)
    db["city_inputs"].insert({"id": "330100:avg_wage_cny_per_month:2023", "adcode": "330100", "indicator": "avg_wage_cny_per_month",
                              "value": 9000.0, "unit": "CNY/month", "year": 2023, "source": "test file", "note": None})  # fmt: skip
    second = build_reference(db)
    assert {k: v for k, v in first.items() if k != "city_inputs"} == {
        k: v for k, v in second.items() if k != "city_inputs"
    }
    assert second["city_inputs"] == 1
    assert set(db["city_indicators"].columns_dict) == set(TABLES["city_indicators"].column_names)
    db.conn.close()


def test_boundaries_are_light_valid_and_cover_every_city():
    import geopandas as gpd

    pref = REFERENCE_DIR / "boundaries" / "prefectures.geojson"
    assert pref.stat().st_size < 3_000_000
    gdf = gpd.read_file(pref)
    assert len(gdf) == 375 and gdf.is_valid.all()
    assert set(gdf.city_adcode.astype(str)) == set(load_cities_frame().city_adcode)
    lines = json.loads((REFERENCE_DIR / "boundaries" / "lines.geojson").read_text(encoding="utf-8"))
    assert {f["properties"]["name"] for f in lines["features"]} >= {"九段线", "未定国界", "省界"}
    provinces = gpd.read_file(REFERENCE_DIR / "boundaries" / "provinces.geojson")
    assert len(provinces) == 34 and provinces.is_valid.all()


def test_neighbouring_prefectures_share_edges_after_simplification():
    import geopandas as gpd

    gdf = gpd.read_file(REFERENCE_DIR / "boundaries" / "prefectures.geojson").set_index(
        "city_adcode"
    )
    hz, sx = gdf.geometry.loc[330100], gdf.geometry.loc[330600]  # Hangzhou and Shaoxing
    assert hz.intersection(sx).length > 0.5  # a shared boundary line, in degrees
    assert hz.intersection(sx).area < 1e-9  # and no overlap


def test_create_table_uses_declared_columns(tmp_path):
    db = sqlite_utils.Database(tmp_path / "t.sqlite")
    _create_table(db, TABLES["city_inputs"], replace=False)
    assert db["city_inputs"].pks == ["id"]
