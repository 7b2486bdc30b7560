"""A release of a small store: valid Frictionless package, facts only, every value sourced."""

from __future__ import annotations

import csv
import json
import sqlite3

import frictionless
import pytest
import yaml

from data.errors import ReleaseError
from data.release.collect import release_tables
from data.release.formats import read_parquet, read_xlsx
from data.release.package import export_release, sha256_file, verify_release
from data.store.database import ENTITY_TABLES
from tests.release_db import CURATED, IMPORT, make_db


@pytest.fixture(scope="module")
def built(module_stores, tmp_path_factory):
    root = tmp_path_factory.mktemp("release")
    db = make_db(module_stores.target())  # on SQLite and on PostgreSQL
    manifest = export_release(db, root / "out")
    yield db, root / "out", manifest
    db.conn.close()


def _csv(out, name):
    with (out / "csv" / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_package_validates_with_frictionless(built):
    _, out, _ = built
    report = frictionless.validate(out / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "message"])


def test_frictionless_catches_a_changed_file(built, tmp_path):
    _, out, _ = built
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(out, copy)
    path = copy / "csv" / "centers.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("550", "551"), encoding="utf-8")
    report = frictionless.validate(copy / "datapackage.json")
    assert not report.valid
    assert "hash-count" in {e.type for task in report.tasks for e in task.errors}
    assert verify_release(copy) == ["csv/centers.csv"]


def test_descriptor_has_schema_keys_licences_sources_version_created(built):
    _, out, manifest = built
    desc = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert desc["version"] == manifest.version == "1.0.0"
    # newest retrieval among the published sources: the test source's later time does not count
    assert desc["created"] == manifest.created == IMPORT.retrieved_at
    res = {r["name"]: r for r in desc["resources"]}
    assert set(res) == {t.name for t in release_tables()}
    assert {"centers", "parks", "kpis", "sources", "field_sources"} <= set(res)
    assert not set(res) & {"facts", "import_rejects", "source_files", "review_queue"}
    centers = res["centers"]["schema"]
    fields = {f["name"]: f for f in centers["fields"]}
    assert fields["seats"]["type"] == "integer" and fields["seats"]["unit"] == "seat"
    assert fields["aht_seconds"]["type"] == "number"
    assert fields["phone_numbers"]["type"] == "array"
    assert fields["name"]["constraints"] == {"required": True}
    assert centers["primaryKey"] == ["id"]
    assert {"fields": ["park_id"], "reference": {"resource": "parks", "fields": ["id"]}} in res[
        "park_tenants"
    ]["schema"]["foreignKeys"]
    assert res["centers"]["hash"] == "sha256:" + sha256_file(out / "csv" / "centers.csv")
    # parks keep the licence of the import they came from, next to the table's own
    licences = res["parks"]["licenses"]
    assert licences[0]["name"] == "CC-BY-4.0"
    assert licences[1]["title"] == IMPORT.licence and licences[1]["name"].startswith("LicenseRef-")
    assert [s["path"] for s in res["parks"]["sources"]] == [IMPORT.url]
    assert {s["path"] for s in desc["sources"]} == {CURATED.url, IMPORT.url}
    formats = {a["format"] for a in res["centers"]["alternates"]}
    assert formats == {"parquet", "xlsx", "geojson", "sqlite"}


def test_test_data_and_unpublished_tables_stay_out(built):
    _, out, manifest = built
    centers = {r["id"]: r for r in _csv(out, "centers")}
    assert set(centers) == {"ctr_one"}  # ctr_fake only comes from the test source
    assert centers["ctr_one"]["seats"] == "550"  # the test source's 9999 is not published
    assert {r["kind"] for r in _csv(out, "sources")} == {"curated", "import"}
    assert all(r["source_id"] for r in _csv(out, "field_sources"))
    test_values = [r for r in _csv(out, "field_sources") if r["value_json"] == "9999"]
    assert test_values == []
    names = {p.stem for p in (out / "csv").iterdir()}
    assert not names & {"import_rejects", "source_files", "facts", "review_queue", "crawl_pages"}
    conn = sqlite3.connect(out / "sqlite" / "parkbench.sqlite")
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    conn.close()
    assert tables == set(manifest.rows)


def test_every_published_value_names_its_source(built):
    _, out, _ = built
    stated = {(r["entity_table"], r["entity_id"], r["field"]) for r in _csv(out, "field_sources")}
    checked = 0
    for table in ENTITY_TABLES:
        for row in _csv(out, table):
            for column, value in row.items():
                if column != "id" and value != "":
                    assert (table, row["id"], column) in stated
                    checked += 1
    assert checked > 20
    evidence = {r["field"]: r["evidence"] for r in _csv(out, "field_sources")}
    assert evidence["answer_rate"] == "接通率90%以上"


def test_checksums_cover_every_file(built):
    _, out, manifest = built
    listed = [line.split("  ")[1] for line in (out / "SHA256SUMS").read_text().splitlines()]
    on_disk = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert listed == [p for p in on_disk if p != "SHA256SUMS"]
    assert verify_release(out) == []
    assert set(manifest.files) == set(on_disk)


def test_other_formats_hold_the_same_rows(built):
    _, out, _ = built
    types = {"lat": "number", "seats": "integer"}
    pq_rows = read_parquet(types, out / "parquet" / "centers.parquet")
    xl_rows = read_xlsx({"lat": "number", "lon": "number"}, out / "xlsx" / "centers.xlsx")
    for rows in (pq_rows, xl_rows):
        assert len(rows) == 1
        assert rows[0]["seats"] == 550 and rows[0]["lat"] == 31.23
        assert rows[0]["phone_numbers"] == '["95555","4008"]'
    parks = {r["id"]: r for r in read_xlsx({}, out / "xlsx" / "parks.xlsx")}
    assert parks["prk_nolatlon"]["name"] == '某基地, "引号"\n第二行'


def test_geojson_points_in_lon_lat_order(built):
    _, out, _ = built
    doc = json.loads((out / "geojson" / "parks.geojson").read_text(encoding="utf-8"))
    feats = {f["id"]: f for f in doc["features"]}
    assert feats["prk_hefei"]["geometry"] == {"type": "Point", "coordinates": [117.23, 31.82]}
    assert feats["prk_nolatlon"]["geometry"] is None
    assert "lat" not in feats["prk_hefei"]["properties"]
    centers = json.loads((out / "geojson" / "centers.geojson").read_text(encoding="utf-8"))
    assert centers["features"][0]["properties"]["phone_numbers"] == ["95555", "4008"]
    assert not (out / "geojson" / "kpis.geojson").exists()


def test_citation_in_both_languages(built):
    _, out, _ = built
    cff = yaml.safe_load((out / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0" and cff["type"] == "dataset"
    assert cff["version"] == "1.0.0" and cff["date-released"] == "2026-02-03"
    assert cff["authors"][0]["name"]
    md = (out / "CITATION.md").read_text(encoding="utf-8")
    assert "1.0.0 版[DS]. 2026-02-03." in md
    assert "(Version 1.0.0) [Data set]. Released 2026-02-03." in md
    dictionary = (out / "dictionary.md").read_text(encoding="utf-8")
    assert "`field_sources`" in dictionary and "座席数" in dictionary


def test_bad_requests_raise_release_errors(built, tmp_path):
    db, out, _ = built
    with pytest.raises(ReleaseError, match="unknown format"):
        export_release(db, tmp_path / "a", "csv,pdf")
    with pytest.raises(ReleaseError, match="at least one of csv"):
        export_release(db, tmp_path / "b", "geojson")
    with pytest.raises(ReleaseError, match="not an empty directory"):
        export_release(db, out)
    with pytest.raises(ReleaseError, match="semantic version"):
        export_release(db, tmp_path / "c", "csv", version="v1")
    with pytest.raises(ReleaseError, match="ISO 8601"):
        export_release(db, tmp_path / "d", "csv", created="yesterday")
    assert not (tmp_path / "c").exists() and not (tmp_path / "c.partial").exists()
