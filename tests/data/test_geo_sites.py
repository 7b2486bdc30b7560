"""City capacity and ``parkbench sites`` on a real store with centers and park tenants.

The store is a bare SQLite file and a PostgreSQL database: every test runs on both.
"""

import json

import pytest
import sqlite_utils
from click.testing import CliRunner

from data.errors import NormaliseError, StoreError
from data.geo.build import _create_table, build_reference
from data.geo.queries import load_city_capacity, load_sites
from data.schema.tables import TABLES
from data.store.database import open_db
from data.store.engine import is_postgres
from portal.cli import cli, main


def connect(target):
    """A bare SQLite database for a path; the store (schema created) for a PostgreSQL URL."""
    return open_db(target) if is_postgres(target) else sqlite_utils.Database(target)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def db_path(request, tmp_path_factory):
    if request.param == "postgresql":
        path = request.getfixturevalue("pg_server").create_database()
    else:
        path = tmp_path_factory.mktemp("sites") / "parkbench.sqlite"
    db = connect(path)
    build_reference(db)
    for name in ("centers", "parks", "park_tenants"):
        _create_table(db, TABLES[name], replace=True)
    db["centers"].insert_all([
        {"id": "c1", "name": "甲", "city_adcode": "330100", "seats": 6000},
        {"id": "c2", "name": "乙", "city_adcode": "330100", "seats": 4000},
        {"id": "c3", "name": "丙", "city_adcode": "460300", "seats": 50},
    ])  # fmt: skip
    db["parks"].insert_all([{"id": "p1", "name": "园", "city_adcode": "330100"}])
    db["park_tenants"].insert_all([
        {"id": "t1", "park_id": "p1", "company": "丁", "seats": 500, "status": "operating"},
        {"id": "t2", "park_id": "p1", "company": "戊", "seats": 900, "status": "planned"},
        {"id": "t3", "park_id": "p1", "center_id": "c1", "company": "甲", "seats": 6000, "status": "operating"},
    ])  # fmt: skip
    db.conn.close()
    return path


def test_capacity_counts_centers_and_operating_tenants_once(db_path):
    cap = load_city_capacity(connect(db_path)).set_index("adcode")
    hz = cap.loc["330100"]
    assert (hz.centers, hz.center_seats, hz.tenant_seats, hz.seats) == (2, 10000, 500, 10500)
    wa = next(
        connect(db_path).query(
            "select value from city_indicators where adcode='330100' and indicator='working_age_population_2020'"
        )
    )["value"]
    assert hz.seats_per_100k_working_age == pytest.approx(10500 / wa * 1e5)
    assert hz.tight_market == 1  # about 125 seats per 100,000
    assert cap.loc["330200"].seats == 0 and cap.loc["330200"].tight_market == 0
    assert len(cap) == 375


def test_sites_have_indicators_units_and_sources(db_path):
    sites = load_sites(connect(db_path))
    assert len(sites) == 372  # all units but the three Tianditu-only Gansu zones
    bj = next(s for s in sites if s["adcode"] == "110000")
    assert bj["population_2020"] == 21893095 and bj["name"] == "北京市"
    assert bj["field_sources"]["population_2020"]["year"] == 2020
    assert "census" in bj["field_sources"]["population_2020"]["source"]
    hz = next(s for s in sites if s["adcode"] == "330100")
    assert hz["nearest_airport_iata"] == "HGH" and hz["seats"] == 10500 and hz["tight_market"] == 1
    assert hz["field_sources"]["gdp_2015_cny"]["year"] == 2015


def test_sites_show_user_inputs_with_their_source(db_path):
    db = connect(db_path)
    db["city_inputs"].insert({"id": "x", "adcode": "330100", "indicator": "avg_wage_cny_per_month", "value": 9100.0,
                              "unit": "CNY/month", "year": 2023, "source": "杭州统计年鉴2024", "note": None})  # fmt: skip
    hz = next(s for s in load_sites(db, province="浙江") if s["adcode"] == "330100")
    assert hz["avg_wage_cny_per_month"] == 9100.0
    assert hz["field_sources"]["avg_wage_cny_per_month"] == {
        "source_id": None,
        "source": "杭州统计年鉴2024",
        "year": 2023,
        "unit": "CNY/month",
        "note": None,
    }
    db["city_inputs"].delete_where("id = ?", ["x"])
    db.conn.close()


@pytest.mark.parametrize("province", ["浙江", "浙江省", "Zhejiang", "zhejiang"])
def test_province_filter(db_path, province):
    sites = load_sites(connect(db_path), province=province)
    assert len(sites) == 11 and {s["province"] for s in sites} == {"浙江省"}


def test_unknown_province_and_missing_tables_raise(db_path, tmp_path):
    with pytest.raises(NormaliseError, match="unknown province"):
        load_sites(connect(db_path), province="Atlantis")
    with pytest.raises(StoreError, match="parkbench build"):
        load_sites(sqlite_utils.Database(tmp_path / "empty.sqlite"))


def test_cli_sites_json(db_path):
    result = CliRunner().invoke(
        cli, ["sites", "--json", "--province", "Guangxi", "--db", str(db_path)]
    )
    assert result.exit_code == 0, result.output
    sites = json.loads(result.output)
    assert len(sites) == 14
    for key in (
        "adcode",
        "name",
        "province",
        "lat",
        "lon",
        "population_2020",
        "nearest_airport_km",
        "field_sources",
    ):
        assert key in sites[0]


def test_cli_sites_table_and_errors(db_path, tmp_path, capsys):
    result = CliRunner().invoke(cli, ["sites", "--province", "北京", "--db", str(db_path)])
    assert result.exit_code == 0 and "北京市" in result.output and "1 sites" in result.output
    with pytest.raises(SystemExit) as exc:
        main(["sites", "--db", str(tmp_path / "missing.sqlite")])
    assert exc.value.code == 2
    assert "no database" in capsys.readouterr().err
