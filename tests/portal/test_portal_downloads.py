"""The Data page's downloads and dictionary come from the release writers and the dictionary."""

from __future__ import annotations

import io
import json

import pandas as pd
import pyarrow.parquet as pq
import pytest
from openpyxl import load_workbook

from data.release.formats import field_types
from data.schema.dictionary import build_dictionary
from data.store import queries
from data.store.database import open_db
from portal.components.downloads import (
    build_dictionary_csv,
    build_geojson,
    build_parquet,
    build_xlsx,
    dictionary_frame,
    selection_table,
)
from tests.portal_support import make_portal_db


@pytest.fixture(scope="module")
def centers(tmp_path_factory, synthetic_visible):
    path = make_portal_db(tmp_path_factory.mktemp("dl") / "parkbench.sqlite", 30, 2)
    return queries.load_table(open_db(path, read_only=True), "centers")


def test_xlsx_is_the_release_workbook_with_sources(centers):
    data = build_xlsx(centers, "centers", "2024-05-01T00:00:00Z")
    assert data == build_xlsx(centers, "centers", "2024-05-01T00:00:00Z"), "deterministic"
    wb = load_workbook(io.BytesIO(data), read_only=True)
    rows = list(wb["data"].iter_rows(values_only=True))
    spec = selection_table("centers", centers)
    assert list(rows[0]) == spec.column_names and rows[0][-1] == "sources"
    assert len(rows) == len(centers) + 1
    seats = rows[0].index("seats")
    assert {r[seats] for r in rows[1:]} - {None} == {int(v) for v in centers["seats"].dropna()}
    dic = list(wb["dictionary"].iter_rows(values_only=True))
    assert [r[0] for r in dic[1:]] == spec.column_names


def test_parquet_has_the_release_types(centers):
    table = pq.read_table(io.BytesIO(build_parquet(centers, "centers")))
    types = field_types(selection_table("centers", centers))
    assert table.column_names == list(types)
    assert str(table.schema.field("seats").type) == "int64"
    assert str(table.schema.field("aht_seconds").type) == "double"
    assert table.num_rows == len(centers)


def test_geojson_points_match_the_rows(centers):
    doc = json.loads(build_geojson(centers, "centers"))
    assert len(doc["features"]) == len(centers)
    placed = centers.dropna(subset=["lat", "lon"])
    with_geometry = [f for f in doc["features"] if f["geometry"]]
    assert len(with_geometry) == len(placed)
    first = placed.iloc[0]
    feature = next(f for f in doc["features"] if f["id"] == first["id"])
    assert feature["geometry"]["coordinates"] == [first["lon"], first["lat"]]
    assert feature["properties"]["sources"] == first["sources"]


def test_dictionary_is_the_release_dictionary():
    frame = dictionary_frame("centers")
    rows = build_dictionary(["centers"])
    assert list(frame["column"]) == [r["column"] for r in rows]
    assert list(frame["en"]) == [r["en"] for r in rows]
    assert [u if isinstance(u, str) else None for u in frame["unit"]] == [r["unit"] for r in rows]
    csv = pd.read_csv(io.BytesIO(build_dictionary_csv("centers")), encoding="utf-8-sig")
    assert list(csv["column"]) == [r["column"] for r in build_dictionary(["centers"])]


def test_no_download_reruns_its_page():
    """A download only fetches its file: a rerun of Compare would redraw the page under the
    user's next click (and costs seconds at 10,000 centers)."""
    import ast
    from pathlib import Path

    calls = []
    for path in (Path(__file__).resolve().parents[2] / "portal").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "download_button":
                on_click = {k.arg: k.value for k in node.keywords}.get("on_click")
                calls.append((f"{path}:{node.lineno}", getattr(on_click, "value", None)))
    assert len(calls) >= 10
    assert [where for where, value in calls if value != "ignore"] == []
