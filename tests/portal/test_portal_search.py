"""Data page: one search over every table, results grouped by table; every source opens."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from portal.components.search import source_address
from tests.portal_support import APP, engine_portal_db


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def portal_db(request, tmp_path_factory, synthetic_visible):
    """The portal's store on each engine."""
    return engine_portal_db(request, tmp_path_factory, "search")


def open_data(portal_db, monkeypatch, **query) -> AppTest:
    monkeypatch.setenv("PARKBENCH_DB", str(portal_db))
    at = AppTest.from_file(str(APP), default_timeout=120)
    for key, value in query.items():
        at.query_params[key] = value
    at.switch_page("views/data.py")
    at.run()
    assert not at.exception, at.exception
    return at


def test_miyun_finds_rows_in_three_tables_grouped(portal_db, monkeypatch):
    at = open_data(portal_db, monkeypatch)
    at.text_input(key="data_find").input("密云").run()
    headings = [m.value for m in at.markdown if m.value.startswith("**")]
    assert any("呼叫中心产业园区" in h for h in headings)
    assert any("优惠政策" in h for h in headings)
    assert any("园区入驻企业" in h for h in headings)
    assert any("分布在 3 张表中" in c.value for c in at.caption)
    assert at.query_params["find"] == "密云"  # the search is part of the link


def test_nothing_found_says_so(portal_db, monkeypatch):
    at = open_data(portal_db, monkeypatch, lang="en", find="zzzz-nowhere")
    assert any("No record contains" in i.value for i in at.info)


def test_a_curated_source_opens_on_its_document_page(portal_db, monkeypatch):
    at = open_data(portal_db, monkeypatch)
    options = at.selectbox(key="data_source").options
    assert options
    curated = next(o for o in options if "年度总结" in o)
    at.selectbox(key="data_source").select(curated).run()
    assert not at.exception, at.exception
    assert any(c.value.startswith("呼叫中心年度总结范文") for c in at.code)
    assert any("data/curated/sources/" in c.value for c in at.caption)


def test_source_addresses():
    assert source_address("r", "https://github.com/leiii/census", "zh").startswith("https://")
    assert source_address("src_1", "001.txt", "zh") == "data?lang=zh&source=src_1"
    assert source_address("src_2", None, "en") == "data?lang=en&source=src_2"
