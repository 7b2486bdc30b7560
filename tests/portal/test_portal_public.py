"""Public pages show published data only: synthetic (generated-source) rows stay hidden.

The store here is a working store as a careless deployment could have it: the curated build with
synthetic fixture rows written into it. Without ``PARKBENCH_SHOW_SYNTHETIC`` no public page shows
them (overview counts, Data table and search, Map markers, Awards); a demo portal opting in sees
them.
"""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from data.store.database import open_db
from data.store.public import SHOW_SYNTHETIC_ENV
from tests.portal_support import APP, count_markers, make_portal_db

MARK = "示例"  # every synthetic fixture name starts with it


@pytest.fixture(scope="module")
def working_db(tmp_path_factory):
    return make_portal_db(tmp_path_factory.mktemp("public") / "parkbench.sqlite", 30, 6)


def page(db, monkeypatch, name: str, show: bool, **query) -> AppTest:
    monkeypatch.setenv("PARKBENCH_DB", str(db))
    if show:
        monkeypatch.setenv(SHOW_SYNTHETIC_ENV, "1")
    else:
        monkeypatch.delenv(SHOW_SYNTHETIC_ENV, raising=False)
    at = AppTest.from_file(str(APP), default_timeout=120)
    for key, value in query.items():
        at.query_params[key] = value
    at.switch_page(f"views/{name}.py")
    at.run()
    assert not at.exception, at.exception
    return at


def shown_text(at: AppTest) -> str:
    parts = [str(e.value) for kind in ("markdown", "caption", "info", "text") for e in at.get(kind)]
    for frame in at.dataframe:
        parts.append(frame.value.to_csv())
    for node in at.get("component_instance"):
        parts.append(node.proto.json_args)
    return "\n".join(parts)


def counts(db) -> dict[str, int]:
    working = open_db(db, read_only=True)
    synthetic = working.execute(
        f"SELECT count(*) FROM centers WHERE name LIKE '{MARK}%'"
    ).fetchone()
    return {"all": working["centers"].count, "synthetic": synthetic[0]}


def test_overview_counts_exclude_synthetic_centers(working_db, monkeypatch):
    n = counts(working_db)
    assert n["synthetic"] == 30
    hidden = page(working_db, monkeypatch, "overview", show=False)
    shown = page(working_db, monkeypatch, "overview", show=True)
    hidden_centers = {m.label: m.value for m in hidden.metric}["呼叫中心"]
    shown_centers = {m.label: m.value for m in shown.metric}["呼叫中心"]
    assert hidden_centers == f"{n['all'] - n['synthetic']}家"
    assert shown_centers == f"{n['all']}家"


def test_data_table_and_search_show_no_synthetic_row(working_db, monkeypatch):
    at = page(working_db, monkeypatch, "data", show=False, table="centers")
    assert MARK not in shown_text(at)
    at.text_input(key="data_find").input(MARK).run()
    assert not at.exception
    assert MARK not in "\n".join(m.value for m in at.markdown if m.value.startswith("**"))
    sources = at.selectbox(key="data_source").options
    assert not any("合成测试数据" in o or "synthetic" in o for o in sources)
    shown = page(working_db, monkeypatch, "data", show=True, table="centers")
    assert MARK in shown_text(shown)


def test_map_places_no_synthetic_marker(working_db, monkeypatch):
    hidden = page(working_db, monkeypatch, "map", show=False)
    shown = page(working_db, monkeypatch, "map", show=True)

    def script(at):
        for node in at.get("component_instance"):
            args = json.loads(node.proto.json_args)
            if "script" in args:
                return args["script"]
        raise AssertionError("no map")

    assert MARK not in script(hidden)
    assert MARK in script(shown)
    assert count_markers(script(shown), "centers") > count_markers(script(hidden), "centers")


def test_awards_rank_no_synthetic_center(working_db, monkeypatch):
    assert MARK not in shown_text(page(working_db, monkeypatch, "awards", show=False))
    assert MARK in shown_text(page(working_db, monkeypatch, "awards", show=True))
