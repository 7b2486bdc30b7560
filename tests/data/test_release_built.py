"""A release of the database `parkbench build` makes from the curated and reference data.

Every test runs on the build of each engine (``built_any``), and the two engines' releases of
the build are compared file by file.
"""

from __future__ import annotations

import filecmp
import json

import frictionless
import pytest

from data.release.package import export_release, load_release
from data.store.database import open_db
from data.store.engine import is_postgres


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """Export the store at a target once per module: ``(release folder, manifest)``."""
    done: dict[str, tuple] = {}

    def export(target):
        if str(target) not in done:
            out = tmp_path_factory.mktemp("built_release") / "r1"
            db = open_db(target, read_only=True)
            try:
                done[str(target)] = out, export_release(db, out)
            finally:
                db.conn.close()
        return done[str(target)]

    return export


@pytest.fixture
def release(built_any, exported):
    return exported(built_any)


def _names(root):
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


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


def test_built_release_round_trip_is_byte_identical(release, built_any, tmp_path, request):
    """Loaded into a fresh store of the same engine, the release exports the same files."""
    out, _ = release
    target = (
        request.getfixturevalue("pg_server").create_database()
        if is_postgres(built_any)
        else tmp_path / "fresh.sqlite"
    )
    fresh = open_db(target)
    load_release(out, fresh)
    export_release(fresh, tmp_path / "r2")
    fresh.conn.close()
    names = _names(out)
    _, mismatch, errors = filecmp.cmpfiles(out, tmp_path / "r2", names, shallow=False)
    assert mismatch == [] and errors == []


def test_both_engines_release_the_same_files(built_db_path, built_pg_url, exported):
    """The build on SQLite and on PostgreSQL releases byte-identical files (every format)."""
    (a, _), (b, _) = exported(built_db_path), exported(built_pg_url)
    names = _names(a)
    assert names == _names(b)
    _, mismatch, errors = filecmp.cmpfiles(a, b, names, shallow=False)
    assert mismatch == [] and errors == []
