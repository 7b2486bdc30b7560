"""The store: schema, WAL, idempotent writes, provenance per value, conflict resolution, search."""

from __future__ import annotations

import sqlite3

import pytest

from data.errors import StoreError
from data.store.database import (
    Record,
    SourceInfo,
    add_source,
    open_db,
    search,
    sources_for,
    write_records,
)


def _src(db, name, published, kind="import"):
    return add_source(
        db, SourceInfo(kind=kind, url=name, title=name, published=published, sha256=name)
    )


def _center(values, eid="ctr_1", locator="row 2"):
    return Record(
        "centers", eid, {"name_key": "x", **values}, {k: f"evidence {k}" for k in values}, locator
    )


def test_open_db_creates_schema_in_wal_mode(db_path):
    db = open_db(db_path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    for table in (
        "centers",
        "parks",
        "park_tenants",
        "park_targets",
        "incentives",
        "kpis",
        "sources",
        "facts",
        "import_rejects",
        "industry_figures",
    ):
        assert db[table].exists(), table
    assert "seats_bound" in db["centers"].columns_dict
    assert db["centers_fts"].exists()


def test_read_only_connection_cannot_write(db_path):
    db = open_db(db_path, read_only=True)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        db.execute("INSERT INTO sources (id) VALUES ('x')")


def test_read_only_open_of_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="parkbench build"):
        open_db(tmp_path / "nope.sqlite", read_only=True)


def test_not_a_database_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a ParkBench database"):
        open_db(bad)


def test_writing_the_same_records_twice_changes_nothing(any_db):
    sid = _src(any_db, "a.csv", "2020-01-01")
    first = write_records(any_db, [_center({"name": "甲", "seats": 550})], sid)
    assert first.counts == {"inserted": 1, "updated": 0, "unchanged": 0}
    before = any_db.execute("SELECT * FROM facts").fetchall()
    again = write_records(any_db, [_center({"name": "甲", "seats": 550})], sid)
    assert again.counts["inserted"] == 0 and again.counts["updated"] == 0
    assert any_db.execute("SELECT * FROM facts").fetchall() == before
    assert any_db["centers"].count == 1


def test_newer_source_wins_and_both_values_are_kept(any_db):
    old = _src(any_db, "old.csv", "2003")
    new = _src(any_db, "new.csv", "2008")
    write_records(any_db, [_center({"name": "甲", "seats": 550, "staff": 920})], old)
    write_records(any_db, [_center({"name": "甲", "seats": 900})], new)
    row = any_db["centers"].get("ctr_1")
    assert row["seats"] == 900  # newer source
    assert row["staff"] == 920  # only the old one states it
    stated = {
        r["value"]: r["source_title"] for r in sources_for(any_db, "centers", "ctr_1", "seats")
    }
    assert stated == {550: "old.csv", 900: "new.csv"}
    conflicts = list(any_db.query("SELECT * FROM conflicts"))
    assert [c["field"] for c in conflicts] == ["seats"]


def test_resolution_does_not_depend_on_import_order(any_db, tmp_path):
    def build(order):
        db = open_db(tmp_path / f"{order}.sqlite")
        s = {n: _src(db, n, "2010") for n in ("a.csv", "b.csv")}
        vals = {"a.csv": 100, "b.csv": 200}
        for n in order.split(","):
            write_records(db, [_center({"name": "甲", "seats": vals[n]})], s[n])
        return db["centers"].get("ctr_1")["seats"]

    assert build("a.csv,b.csv") == build("b.csv,a.csv")


def test_curated_beats_import_on_the_same_date(any_db):
    imp = _src(any_db, "i.csv", "2010", kind="import")
    cur = _src(any_db, "c.txt", "2010", kind="curated")
    write_records(any_db, [_center({"name": "甲", "seats": 1})], cur)
    write_records(any_db, [_center({"name": "甲", "seats": 2})], imp)
    assert any_db["centers"].get("ctr_1")["seats"] == 1


def test_bound_and_high_come_with_their_value(any_db):
    old = _src(any_db, "old", "2003")
    new = _src(any_db, "new", "2009")
    write_records(
        any_db, [_center({"name": "甲", "answer_rate": 0.9, "answer_rate_bound": "min"})], old
    )
    write_records(any_db, [_center({"name": "甲", "answer_rate": 0.85})], new)
    row = any_db["centers"].get("ctr_1")
    assert (row["answer_rate"], row["answer_rate_bound"]) == (0.85, None)


def test_unknown_column_is_refused(any_db):
    sid = _src(any_db, "a", "2020")
    with pytest.raises(StoreError, match="no column"):
        write_records(any_db, [_center({"name": "甲", "colour": "red"})], sid)


def test_search_finds_chinese_substrings(any_db):
    sid = _src(any_db, "a", "2020")
    write_records(any_db, [_center({"name": "上海世纪新元信息产业有限公司", "city": "上海"})], sid)
    write_records(any_db, [_center({"name": "海尔集团呼叫中心", "city": "青岛"}, eid="ctr_2")], sid)
    assert [r["id"] for r in search(any_db, "centers", "世纪新元")] == ["ctr_1"]
    assert [r["id"] for r in search(any_db, "centers", "海尔")] == ["ctr_2"]  # 2 chars: LIKE
    assert search(any_db, "centers", "不存在的中心") == []


def test_facts_carry_the_extractor_version_of_their_source(any_db):
    sid = add_source(
        any_db, SourceInfo(kind="scrape", url="http://x/1", sha256="h", extractor_version="v9")
    )
    write_records(any_db, [_center({"name": "甲"})], sid)
    assert any_db.execute("SELECT extractor_version FROM facts").fetchall() == [("v9",)]
    row = sources_for(any_db, "centers", "ctr_1", "name")[0]
    assert row["source_url"] == "http://x/1" and row["retrieved_at"]
