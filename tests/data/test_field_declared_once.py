"""A field is declared once (data.schema.tables) and every other part is derived from it.

A throwaway column added to the ``centers`` declaration alone, touching no other file, must
be read and validated, matched as an import header (Simplified, Traditional, English), shown
in the import template with its example, stored by an import, listed in the data dictionary
and published in a release.
"""

from __future__ import annotations

import csv
import json
from dataclasses import replace

import pytest

from data.imports.headers import REQUIRED_COLUMNS, SYNONYMS, match_header
from data.imports.importer import import_file
from data.imports.templates import template_columns, write_template
from data.ingest.records import check_record
from data.release.package import export_release
from data.schema.dictionary import build_dictionary
from data.schema.tables import TABLES, Column
from data.store.database import open_db

CALLBACK = Column(
    "callback_rate",
    "real",
    "回拨率",
    "share of waiting callers offered a call back",
    "fraction",
    read="rate",
    ge=0,
    le=1,
    headers=("回拨率", "callback_rate", "回撥率", "callback share"),
    example="15%",
)


@pytest.fixture
def with_callback(monkeypatch):
    centers = TABLES["centers"]
    monkeypatch.setitem(TABLES, "centers", replace(centers, columns=(*centers.columns, CALLBACK)))
    return TABLES["centers"]


def test_validation_reads_and_bounds_the_new_column(with_callback):
    ok = check_record("centers", {"name": "测试中心", "callback_rate": "１５％"})
    assert ok.ok and ok.values["callback_rate"] == pytest.approx(0.15)
    bad = check_record("centers", {"name": "测试中心", "callback_rate": "150%"})
    assert [e.column for e in bad.errors] == ["callback_rate"]


def test_headers_and_template_carry_the_new_column(with_callback, tmp_path):
    assert match_header("centers", "回撥率（%）") == "callback_rate"
    assert match_header("centers", "Callback share") == "callback_rate"
    assert SYNONYMS["centers"]["callback_rate"][0] == "回拨率"
    row = next(r for r in template_columns("centers") if r["header_en"] == "callback_rate")
    assert (row["header_zh"], row["example"], row["unit"]) == ("回拨率", "15%", "fraction")
    path = write_template("centers", tmp_path / "centers.csv", lang="zh")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        assert "回拨率" in next(csv.reader(fh))


def test_import_dictionary_and_release_carry_the_new_column(with_callback, tmp_path):
    src = tmp_path / "centers.csv"
    src.write_text("企业名称,城市,回撥率\n测试呼叫中心,杭州,12%\n", encoding="utf-8")
    db = open_db(tmp_path / "store.sqlite")
    loaded, report = import_file(db, src)
    assert (report.accepted, report.rejected) == (1, 0), report.errors
    stored = list(db.query("SELECT name, callback_rate FROM centers"))
    assert stored == [{"name": "测试呼叫中心", "callback_rate": pytest.approx(0.12)}]

    entry = next(r for r in build_dictionary(["centers"]) if r["column"] == "callback_rate")
    assert "回拨率" in json.dumps(entry, ensure_ascii=False)

    export_release(db, tmp_path / "release", formats="csv")
    package = json.loads((tmp_path / "release" / "datapackage.json").read_text(encoding="utf-8"))
    centers = next(r for r in package["resources"] if r["name"] == "centers")
    assert "callback_rate" in [f["name"] for f in centers["schema"]["fields"]]
    with (tmp_path / "release" / "csv" / "centers.csv").open(encoding="utf-8") as fh:
        assert next(csv.DictReader(fh))["callback_rate"] == "0.12"
    db.conn.close()


def test_the_declarations_are_complete():
    for table in TABLES.values():
        for f in table.raw_fields():
            assert f.read, f"{table.name}.{f.name} has no reader"
        if table.importable:
            assert REQUIRED_COLUMNS[table.name], f"{table.name} import requires nothing"
            for f in table.import_fields():
                assert f.headers[0] and f.zh and f.en, f"{table.name}.{f.name} is undocumented"
