"""Every view is a link: page state in the URL query, restored on a reload and across pages."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from portal.components.links import decode, encode
from tests.portal_support import APP, make_portal_db

SITES = ["110000", "120000", "330100"]  # Beijing, Tianjin, Hangzhou


@pytest.fixture(scope="module")
def portal_db(tmp_path_factory, synthetic_visible):
    return make_portal_db(tmp_path_factory.mktemp("links") / "parkbench.sqlite")


def visit(portal_db, monkeypatch, page: str, **query) -> AppTest:
    """Open ``page`` as a browser opening a link with ``query`` does (a fresh session)."""
    monkeypatch.setenv("PARKBENCH_DB", str(portal_db))
    monkeypatch.delenv("PARKBENCH_ADMIN_PASSWORD", raising=False)
    at = AppTest.from_file(str(APP), default_timeout=120)
    for key, value in query.items():
        at.query_params[key] = value
    at.switch_page(f"views/{page}.py")
    at.run()
    assert not at.exception, at.exception
    return at


def query(at: AppTest) -> dict[str, list[str]]:
    out = {}
    for key, value in at.query_params.items():
        out[key] = list(value) if isinstance(value, list | tuple) else [value]
    return out


@pytest.mark.parametrize(
    ("kind", "values", "options", "sample", "expected"),
    [
        ("multiselect", ["b", "a", "b"], ["a", "b"], None, (True, ["b", "a"])),
        ("multiselect", [""], ["a"], None, (True, [])),
        ("multiselect", ["gone"], ["a"], None, (False, None)),
        ("selectbox", ["2024"], [None, 2024, 2023], None, (True, 2024)),
        ("selectbox", ["nope"], ["a"], None, (False, None)),
        ("checkbox", ["1"], None, None, (True, True)),
        ("slider", ["100", "900"], None, (0, 10_000), (True, (100, 900))),
        ("slider", ["900", "100"], None, (0, 10_000), (False, None)),
        ("slider", ["x"], None, 5, (False, None)),
        ("number_input", ["2000"], None, 1000.0, (True, 2000.0)),
        ("number_input", ["1e9"], None, 1000.0, (False, None)),
    ],
)
def test_values_read_back_from_the_query(kind, values, options, sample, expected):
    assert decode(kind, values, options=options, sample=sample, bounds=(0, 1e6)) == expected


def test_values_written_to_the_query():
    assert encode(["110000", "120000"]) == ["110000", "120000"]
    assert encode([]) == [""]
    assert encode(False) == ["0"]
    assert encode(1000.0) == ["1000"]
    assert encode((0, 500)) == ["0", "500"]
    assert encode(None) == []


def test_a_compare_link_opens_the_same_view_in_english(portal_db, monkeypatch):
    at = visit(portal_db, monkeypatch, "compare", lang="en", sites=SITES, method="topsis")
    assert at.title[0].value == "Compare sites"
    assert at.multiselect(key="compare_sites").value == SITES
    assert at.radio(key="compare_method").value == "topsis"
    assert len(at.dataframe[0].value) == 3
    shown = query(at)
    assert shown["lang"] == ["en"] and shown["sites"] == SITES
    assert shown["method"] == ["topsis"] and shown["preset"]  # the whole view, defaults too
    link = at.sidebar.code[0].value
    assert link.startswith("?lang=en&sites=110000&sites=120000&sites=330100")


def test_the_page_writes_a_change_to_the_url(portal_db, monkeypatch):
    at = visit(portal_db, monkeypatch, "compare")
    assert query(at)["lang"] == ["zh"]
    at.multiselect(key="compare_sites").set_value(SITES[:2]).run()
    at.radio(key="compare_mode").set_value("sliders").run()
    at.slider(key="compare_w_cost").set_value(60).run()
    shown = query(at)
    assert shown["sites"] == SITES[:2] and shown["weights"] == ["sliders"]
    assert shown["w_cost"] == ["60"]
    at.sidebar.radio(key="lang_switch").set_value("en").run()
    assert query(at)["lang"] == ["en"]
    assert at.title[0].value == "Compare sites"


def test_state_survives_a_visit_to_another_page(portal_db, monkeypatch):
    at = visit(portal_db, monkeypatch, "compare", lang="en", sites=SITES)
    at.switch_page("views/map.py")
    at.query_params.clear()  # the browser drops the query on a page switch
    at.run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Map"  # the language stays
    assert query(at)["sites"] == SITES  # carried over: a link copied here reopens Compare too
    at.multiselect(key="map_provinces").set_value(["北京市"]).run()
    at.switch_page("views/compare.py")
    at.query_params.clear()
    at.run()
    assert at.multiselect(key="compare_sites").value == SITES
    assert query(at)["provinces"] == ["北京市"]


def test_staffing_inputs_come_from_the_link(portal_db, monkeypatch):
    at = visit(portal_db, monkeypatch, "staffing", calls_h="2000", occ_pct="100", sl_pct="90")
    assert at.number_input(key="staff_calls_hour").value == 2000
    assert at.slider(key="staff_occupancy").value == 100
    assert at.slider(key="staff_target").value == 90
    assert query(at)["calls_h"] == ["2000"]


def test_a_broken_link_falls_back_to_the_defaults(portal_db, monkeypatch):
    at = visit(portal_db, monkeypatch, "compare", lang="xx", sites=["nowhere"], method="dice")
    assert at.title[0].value == "对比选址"
    assert len(at.multiselect(key="compare_sites").value) == 2  # the busiest two cities
    assert at.radio(key="compare_method").value == "wsm"
    assert query(at)["method"] == ["wsm"]


def test_map_filters_and_indicator_come_from_the_link(portal_db, monkeypatch):
    at = visit(portal_db, monkeypatch, "map", seat_range=["100", "5000"], indicator="centers_count")
    assert at.slider(key="map_seats").value == (100, 5000)
    assert at.selectbox(key="map_indicator").value == "centers_count"


def test_the_selected_city_comes_from_the_link_in_the_readers_language(portal_db, monkeypatch):
    at = visit(
        portal_db, monkeypatch, "map", lang="en", map_city="110000",
        indicator="working_age_population_2020",
    )  # fmt: skip
    assert "Selected city: Beijing" in [s.value for s in at.subheader]
    legend = next(c.value for c in at.caption if c.value.startswith("Choropleth"))
    assert "1,951 people to 19,944,098 people" in legend  # whole people, not 1951.09
    assert at.get("download_button")[0].proto.label == "Download the map's data (CSV with sources)"


def test_a_choice_beyond_the_limit_is_taken_back_with_a_note_in_the_page_language(
    portal_db, monkeypatch
):
    five = ["110000", "310000", "440100", "440300", "330100"]
    at = visit(portal_db, monkeypatch, "compare", sites=five)
    box = at.multiselect(key="compare_sites")
    assert box.value == five and not box.max_selections  # Streamlit's English note is off
    at = box.set_value([*five, "510100"]).run()
    assert not at.exception
    assert at.multiselect(key="compare_sites").value == five
    assert any("最多只能选 5 项" in w.value for w in at.warning)
    at.run()  # the note is for the choice refused, not every later run
    assert not any("最多只能选" in w.value for w in at.warning)


@pytest.mark.parametrize(
    ("name", "page_hash", "rerouted"),
    [("nosuchpage", "", True), ("map", "", False), ("", "", False), ("nosuchpage", "abc", False)],
)
def test_an_unknown_address_is_sent_to_the_home_page(monkeypatch, name, page_hash, rerouted):
    """Before navigation, a page name no page has is dropped (Streamlit would show its English
    "Page not found" dialog); known names, the home page and page switches are left alone."""
    import streamlit.runtime.scriptrunner as runner
    from streamlit.runtime.pages_manager import PagesManager

    from portal.components.links import route_unknown_path

    manager = PagesManager("app.py")
    manager.set_script_intent(page_hash, name)
    monkeypatch.setattr(
        runner, "get_script_run_ctx", lambda: type("Ctx", (), {"pages_manager": manager})()
    )
    pages = {"a": [type("P", (), {"url_path": ""})(), type("P", (), {"url_path": "map"})()]}
    route_unknown_path(pages)
    assert (manager.intended_page_name == "") is (rerouted or name == "")
    assert manager.intended_page_script_hash == page_hash
