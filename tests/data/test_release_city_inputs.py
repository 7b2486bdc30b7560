"""User-supplied city inputs travel into a release with their provenance."""

from __future__ import annotations

import csv

from data.geo.build import build_reference
from data.imports.importer import import_file
from data.release.package import export_release


def test_imported_city_inputs_are_published_with_their_source(tmp_path, write_csv, stores):
    db = stores.on_disk()  # on SQLite and on PostgreSQL
    build_reference(db)
    path = write_csv(
        [
            ["城市", "指标", "数值", "年份", "来源"],
            ["杭州", "平均工资", "8,500元/月", "2023", "杭州统计年鉴2024"],
        ],
        "inputs.csv",
    )
    import_file(db, path, kind="city_inputs")
    export_release(db, tmp_path / "release", formats="csv", created="2026-11-30T00:00:00Z")
    with (tmp_path / "release" / "csv" / "city_inputs.csv").open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert [(r["id"], float(r["value"]), r["source"]) for r in rows] == [
        ("330100:avg_wage_cny_per_month:2023", 8500.0, "杭州统计年鉴2024")
    ]
    with (tmp_path / "release" / "csv" / "field_sources.csv").open(encoding="utf-8-sig") as f:
        fields = {r["field"] for r in csv.DictReader(f) if r["entity_table"] == "city_inputs"}
    assert {"value", "indicator", "year", "source"} <= fields
    db.conn.close()
