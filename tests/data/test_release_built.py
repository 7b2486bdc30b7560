"""A release of the database `parkbench build` makes from the curated and reference data."""

from __future__ import annotations

import filecmp
import json

import frictionless
import pytest

from data.release.package import export_release, load_release
from data.store.database import open_db


@pytest.fixture(scope="module")
def release(built_db_path, tmp_path_factory):
    out = tmp_path_factory.mktemp("built_release") / "r1"
    db = open_db(built_db_path, read_only=True)
    try:
        manifest = export_release(db, out)
    finally:
        db.conn.close()
    return out, manifest


def test_built_release_validates(release):
    out, manifest = release
    report = frictionless.validate(out / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "message"])
    assert manifest.rows["centers"] > 0 and manifest.rows["field_sources"] > 0


def test_reference_tables_keep_their_licences_and_outlines(release):
    out, manifest = release
    desc = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    res = {r["name"]: r for r in desc["resources"]}
    if "cities" not in res or not manifest.rows.get("cities"):
        pytest.skip("no geography tables in this build")
    assert res["cities"]["licenses"][0]["name"] == "MIT"
    assert res["railway_stations"]["licenses"][0]["name"] == "BSD-3-Clause"
    outlines = json.loads((out / "geojson" / "city_boundaries.geojson").read_text(encoding="utf-8"))
    assert len(outlines["features"]) == manifest.rows["cities"]
    assert outlines["features"][0]["geometry"]["type"] in ("Polygon", "MultiPolygon")


def test_built_release_round_trip_is_byte_identical(release, tmp_path):
    out, _ = release
    fresh = open_db(tmp_path / "fresh.sqlite")
    load_release(out, fresh)
    export_release(fresh, tmp_path / "r2")
    names = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    _, mismatch, errors = filecmp.cmpfiles(out, tmp_path / "r2", names, shallow=False)
    assert mismatch == [] and errors == []
