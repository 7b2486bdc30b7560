"""Versions and changelogs between releases, through the API and the CLI (the store on SQLite
and on PostgreSQL)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from data.errors import ReleaseError
from data.release.compare import bump, diff_tables, parse_version
from data.release.package import export_release, read_release
from data.store.database import Record, add_source, write_records
from data.store.engine import is_pg
from portal.cli import cli, main
from tests.release_db import IMPORT, make_db


@pytest.fixture
def releases(tmp_path, stores):
    target = stores.target()
    db = make_db(target)
    export_release(db, tmp_path / "v1", "csv")
    sid = add_source(db, IMPORT)
    write_records(
        db,
        [
            Record("parks", "prk_new", {"name": "新园区", "jobs": 100}, {}, "parks.xlsx#9"),
            Record("parks", "prk_hefei", {"name": "合肥呼叫中心产业园", "jobs": 5000}, {}, "p#10"),
        ],
        sid,
    )
    db.execute("DELETE FROM kpis WHERE id = 'kpi_one'")
    db.execute("DELETE FROM facts WHERE entity_id = 'kpi_one'")
    if not is_pg(db):  # PostgreSQL outside atomic() commits each statement
        db.conn.commit()
    yield db, tmp_path, target
    db.conn.close()


def test_changelog_lists_rows_added_removed_changed(releases):
    db, tmp, _ = releases
    manifest = export_release(db, tmp / "v2", "csv", compare_dir=tmp / "v1")
    assert manifest.version == "1.0.1"  # only rows changed: patch
    d = manifest.diff.tables
    assert (d["parks"].added, d["parks"].changed, d["parks"].removed) == (
        ["prk_new"],
        ["prk_hefei"],
        [],
    )
    assert d["kpis"].removed == ["kpi_one"]
    assert d["centers"].empty
    log = (tmp / "v2" / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## 1.0.1" in log and "| `parks` | 1 | 0 | 1 |" in log and "- `prk_new`" in log
    assert read_release(tmp / "v2")[0]["version"] == "1.0.1"


def test_explicit_version_must_increase(releases):
    db, tmp, _ = releases
    with pytest.raises(ReleaseError, match="greater than the previous 1.0.0"):
        export_release(db, tmp / "v2", "csv", version="1.0.0", compare_dir=tmp / "v1")
    assert export_release(db, tmp / "v3", "csv", "2.0.0", tmp / "v1").version == "2.0.0"


def test_schema_changes_set_the_version_level():
    rows = [{"id": "a", "x": 1}]
    old = {"t": (["id", "x"], "id", rows), "gone": (["id"], "id", [])}
    same = {"t": (["id", "x"], "id", rows), "gone": (["id"], "id", [])}
    assert diff_tables(old, same, "1.4.2").level == "patch"
    added_col = {"t": (["id", "x", "y"], "id", rows), "gone": (["id"], "id", [])}
    assert diff_tables(old, added_col, "1.4.2").level == "minor"
    added_table = {**same, "new": (["id"], "id", [])}
    assert diff_tables(old, added_table, "1.4.2").tables_added == ["new"]
    assert diff_tables(old, added_table, "1.4.2").level == "minor"
    renamed = {"t": (["id", "x2"], "id", [{"id": "a", "x2": 1}]), "gone": (["id"], "id", [])}
    d = diff_tables(old, renamed, "1.4.2")
    assert (d.level, d.tables["t"].columns_removed, d.tables["t"].changed) == ("major", ["x"], [])
    assert diff_tables(old, {"t": old["t"]}, "1.4.2").level == "major"
    assert [bump("1.4.2", lvl) for lvl in ("patch", "minor", "major")] == [
        "1.4.3",
        "1.5.0",
        "2.0.0",
    ]
    with pytest.raises(ReleaseError):
        parse_version("1.4")


def test_cli_export_compare_prints_the_summary(releases):
    db, tmp, target = releases
    db.conn.close()
    result = CliRunner().invoke(
        cli,
        [
            "export",
            "--db",
            str(target),
            "--out",
            str(tmp / "v2"),
            "--format",
            "csv,geojson",
            "--compare",
            str(tmp / "v1"),
        ],  # fmt: skip
    )
    assert result.exit_code == 0, result.output
    assert "release 1.0.1" in result.output
    assert "changes since 1.0.0 (patch)" in result.output
    assert "parks                  +1 -0 ~1 rows" in result.output
    assert (tmp / "v2" / "geojson" / "parks.geojson").is_file()
    assert not (tmp / "v2" / "parquet").exists()


def test_cli_errors_exit_2_with_one_line(releases, capsys):
    _, tmp, target = releases
    with pytest.raises(SystemExit) as exc:
        main(
            [
                "export",
                "--db",
                str(target),
                "--out",
                str(tmp / "x"),
                "--format",
                "doc",
            ]
        )
    assert exc.value.code == 2
    assert capsys.readouterr().err.strip() == (
        "Error: unknown format(s) doc; choose from csv, parquet, xlsx, geojson, sqlite"
    )
