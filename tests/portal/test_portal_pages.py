"""Every portal page under AppTest: no exception, and what a user must see."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from data.store import queries
from data.store.database import open_db
from data.store.engine import read_frame
from portal.i18n import STRINGS
from tests.portal_support import APP, count_markers, make_portal_db


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def portal_db(request, tmp_path_factory, synthetic_visible):
    """The portal's store on each engine: every page test runs on SQLite and PostgreSQL."""
    if request.param == "postgresql":
        return make_portal_db(request.getfixturevalue("pg_server").create_database())
    return make_portal_db(tmp_path_factory.mktemp("portal") / "parkbench.sqlite")


@pytest.fixture
def app(portal_db, monkeypatch):
    monkeypatch.setenv("PARKBENCH_DB", str(portal_db))
    monkeypatch.delenv("PARKBENCH_ADMIN_PASSWORD", raising=False)
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    assert not at.exception
    return at


def open_page(at: AppTest, page: str) -> AppTest:
    at.switch_page(f"views/{page}.py")
    at.run()
    assert not at.exception, at.exception
    return at


def texts(at: AppTest) -> str:
    parts = [
        e.value
        for kind in ("markdown", "caption", "info", "warning", "error", "success")
        for e in at.get(kind)
    ]
    parts += [e.value for e in at.title] + [e.value for e in at.subheader]
    return "\n".join(str(p) for p in parts)


def test_overview_counts_what_the_database_holds(app, portal_db):
    db = open_db(portal_db, read_only=True)
    centers, parks = db["centers"].count, db["parks"].count
    labels = {m.label: m.value for m in app.metric}
    assert labels["呼叫中心"] == f"{centers}家"
    assert labels["产业园区"] == f"{parks}个"
    assert "最近更新" in texts(app)
    assert app.title[0].value == STRINGS["app.title"]["zh"]


def test_language_switch_turns_the_page_english(app):
    app.sidebar.radio(key="lang_switch").set_value("en").run()
    assert not app.exception
    labels = [m.label for m in app.metric]
    assert "Call centers" in labels and "呼叫中心" not in labels
    assert app.title[0].value == STRINGS["app.title"]["en"]


def test_data_page_searches_and_shows_sources_of_a_record(app):
    at = open_page(app, "data")
    assert at.selectbox(key="data_table").value == "centers"
    frame = at.dataframe[0].value
    assert len(frame) >= 24 and "sources" in frame.columns
    assert frame["sources"].notna().all() and (frame["sources"].str.len() > 0).all()
    at.text_input(key="data_search_centers").set_value("示例金融").run()
    frame = at.dataframe[0].value
    assert len(frame) > 0 and frame["name"].str.contains("示例金融").all()
    record = frame["id"].iloc[0]
    at.selectbox(key="data_record_centers").set_value(record).run()
    facts = at.dataframe[1].value
    assert set(facts["字段名"]) >= {"name", "seats"}
    assert {"企业或呼叫中心名称", "座席数"} <= set(facts["字段"])
    assert facts["来源"].str.contains("synthetic test fixture").all()
    assert facts["依据原文"].notna().all()


def test_data_page_filters_by_province_and_seat_range(app):
    at = open_page(app, "data")
    at.expander[0]  # the filters are there
    at.multiselect(key="data_pick_centers_province").set_value(["北京市"]).run()
    frame = at.dataframe[0].value
    assert len(frame) > 0 and set(frame["province"]) == {"北京市"}
    at.selectbox(key="data_rcol_centers").set_value("seats").run()
    at.number_input(key="data_low_centers_seats").set_value(300).run()
    frame = at.dataframe[0].value
    assert (frame["seats"] >= 300).all() and set(frame["province"]) <= {"北京市"}


def test_data_page_offers_every_download_and_the_dictionary(app):
    at = open_page(app, "data")
    labels = [b.proto.label for b in at.get("download_button")]
    assert {"CSV", "Excel (XLSX)", "Parquet", "GeoJSON", "完整数据库（SQLite）"} <= set(labels)
    dictionary = next(d.value for d in at.dataframe if "中文说明" in d.value.columns)
    assert "seats" in set(dictionary["列名"])
    assert "许可：CC-BY-4.0" in texts(at)
    assert any("ParkBench" in c.value for c in at.code)


def test_data_page_links_to_the_read_api_in_both_languages(app):
    at = open_page(app, "data")
    links = {b.proto.label: b.proto.url for b in at.get("link_button")}
    assert links[STRINGS["data.api_open"]["zh"]] == "/api/parkbench"
    assert STRINGS["data.api"]["zh"] in texts(at)
    assert any("/api/parkbench/centers.json" in c.value for c in at.code)
    at.sidebar.radio(key="lang_switch").set_value("en").run()
    assert not at.exception
    links = {b.proto.label: b.proto.url for b in at.get("link_button")}
    assert links[STRINGS["data.api_open"]["en"]] == "/api/parkbench"
    assert STRINGS["data.api"]["en"] in texts(at)


def test_map_page_builds_a_clustered_offline_map(app, portal_db):
    at = open_page(app, "map")
    script = map_script(at)
    db = open_db(portal_db, read_only=True)
    placed = int(queries.load_markers(db, "centers")["placed"].sum())
    assert placed > 0
    assert count_markers(script, "centers") == placed
    assert "markerClusterGroup" in script
    assert "地图显示" in texts(at)


def test_map_choropleth_of_a_city_indicator(app):
    at = open_page(app, "map")
    at.selectbox(key="map_indicator").set_value("seats_total").run()
    assert not at.exception
    assert "分级设色" in texts(at)


def map_script(at: AppTest) -> str:
    for node in at.get("component_instance"):
        args = json.loads(node.proto.json_args)
        if "script" in args:
            return args["script"]
    raise AssertionError("no map component on the page")


def test_admin_page_is_disabled_without_a_password(app):
    at = open_page(app, "admin")
    assert "PARKBENCH_ADMIN_PASSWORD" in texts(at)
    assert not at.get("file_uploader") and not at.text_input


def test_admin_page_refuses_a_wrong_password(app, monkeypatch):
    monkeypatch.setenv("PARKBENCH_ADMIN_PASSWORD", "s3cret-test")
    at = open_page(app, "admin")
    at.text_input(key="admin_password").input("wrong")
    at.button[0].click().run()
    assert "密码错误" in texts(at)
    assert not at.get("file_uploader")


def test_admin_page_previews_then_commits_an_import(app, monkeypatch, portal_db, tmp_path):
    monkeypatch.setenv("PARKBENCH_ADMIN_PASSWORD", "s3cret-test")
    at = open_page(app, "admin")
    at.text_input(key="admin_password").input("s3cret-test")
    at.button[0].click().run()
    assert not at.exception
    assert at.get("file_uploader"), "signed in, the uploader shows"
    # upload, preview, commit and undo on the page: tests/portal/test_portal_admin.py
    db = open_db(portal_db, read_only=True)
    before = db["centers"].count
    assert before > 0


def test_seats_column_holds_numbers(portal_db):
    frame = read_frame(open_db(portal_db, read_only=True), "SELECT seats FROM centers")
    assert frame["seats"].notna().any()
