"""One language at a time: English names of cities, provinces and industries in the English UI."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from data.store.database import open_db
from data.store.queries import chinese_city_names, english_place_names
from portal.components.names import localise
from tests.portal_support import APP, engine_portal_db

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def portal_db(request, tmp_path_factory, synthetic_visible):
    """The portal's store on each engine."""
    return engine_portal_db(request, tmp_path_factory, "names")


def visit(portal_db, monkeypatch, page: str, **query) -> AppTest:
    monkeypatch.setenv("PARKBENCH_DB", str(portal_db))
    at = AppTest.from_file(str(APP), default_timeout=120)
    for key, value in query.items():
        at.query_params[key] = value
    at.switch_page(f"views/{page}.py")
    at.run()
    assert not at.exception, at.exception
    return at


def test_reference_names_both_ways(portal_db):
    db = open_db(portal_db, read_only=True)
    places = english_place_names(db)
    assert places["北京市"] == places["北京"] == "Beijing"
    assert places["浙江省"] == "Zhejiang"
    assert chinese_city_names(db)["Hangzhou"] == "杭州市"
    assert localise("金融", places, "en") == "Finance"
    assert localise("示例金融客服中心1号", places, "en") == "示例金融客服中心1号"  # no English name


def test_compare_in_english_names_cities_and_provinces_in_english(portal_db, monkeypatch):
    at = visit(portal_db, monkeypatch, "compare", lang="en", sites=["110000", "330100"])
    assert at.multiselect(key="compare_sites").value == ["110000", "330100"]
    assert list(at.dataframe[0].value["Name"]) == ["Beijing", "Hangzhou"]
    # the cost model still finds Beijing's own inputs through the English name
    costs = at.dataframe[1].value.set_index("Name")
    assert costs.loc["Beijing", "Cost inputs"] == "city wage and rent sourced"
    chinese = visit(portal_db, monkeypatch, "compare", sites=["110000", "330100"])
    assert list(chinese.dataframe[0].value["名称"]) == ["北京市", "杭州市"]


def test_map_filters_and_staffing_cities_in_english(portal_db, monkeypatch):
    at = visit(portal_db, monkeypatch, "map", lang="en")
    options = at.multiselect(key="map_provinces").options
    assert "Beijing" in options and not any(CJK.search(o) for o in options)
    industries = at.multiselect(key="map_industries").options
    assert "Finance" in industries and not any(CJK.search(o) for o in industries)
    assert any("romanisations" in c.value for c in at.caption)
    at = visit(portal_db, monkeypatch, "staffing", lang="en", city="330100")
    assert at.selectbox(key="staff_city").value == "330100"
    assert any("Hangzhou" in s.value for s in at.subheader)


def test_data_grid_shows_english_place_names(portal_db, monkeypatch):
    at = visit(portal_db, monkeypatch, "data", lang="en")
    grid = at.dataframe[0].value
    assert "province" in grid.columns
    provinces = set(grid["province"].dropna())
    assert provinces and not any(CJK.search(p) for p in provinces)
    assert not any(CJK.search(i) for i in grid["industry"].dropna())


def test_every_cost_input_and_unit_has_a_name_for_people(portal_db, monkeypatch):
    from data.inputs.cost import load_cost_defaults
    from portal.i18n import STRINGS

    defaults, _ = load_cost_defaults()
    for key, entry in defaults.items():
        assert f"cost.input.{key}" in STRINGS, key
        assert f"cost.unit.{entry['unit']}" in STRINGS, entry["unit"]
    at = visit(portal_db, monkeypatch, "staffing")
    inputs = next(d.value for d in at.dataframe if "参数" in d.value.columns)
    assert "每日营业时长" in set(inputs["参数"]) and "hours_per_day" not in set(inputs["参数"])
    assert not inputs.isin(["None", "nan"]).any().any()
