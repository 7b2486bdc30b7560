"""The release the read API serves: baked per data version, published rows only, canned queries.

The working store is built on each engine (SQLite file, PostgreSQL database); the baked release
the API serves is a SQLite file on both.
"""

from __future__ import annotations

import multiprocessing
import shutil
import sqlite3
from concurrent.futures import ProcessPoolExecutor

import pytest

from data.errors import StoreError
from data.imports.importer import import_file
from data.release.api_config import (
    API_DATABASE,
    CANNED_QUERIES,
    SETTINGS,
    api_metadata,
    api_paths,
)
from data.release.baked import bake_release, data_version
from data.release.collect import release_tables
from data.release.package import export_release
from data.store.build import build
from data.store.database import open_db
from data.store.engine import is_postgres
from data.store.fixtures import write_fixture_store

UNPUBLISHED = ("import_rejects", "source_files", "crawl_pages", "geo_unjoined", "review_queue")
MIYUN_PARK = "北京呼叫中心产业基地"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def working_db(request, tmp_path_factory):
    """The built database plus generated centers and an import with one rejected row."""
    root = tmp_path_factory.mktemp("api_store")
    if request.param == "postgresql":
        path = request.getfixturevalue("pg_server").create_database()
        build(path)
    else:
        path = root / "parkbench.sqlite"
        shutil.copy(request.getfixturevalue("built_db_path"), path)
    write_fixture_store(path, n_centers=5, n_parks=2).conn.close()
    csv = root / "centers.csv"
    csv.write_text(
        "企业名称,所在城市,座席数量\n示例数据接口呼叫中心,杭州,300个\n坏行中心,杭州,很多\n",
        encoding="utf-8",
    )
    db = open_db(path)
    try:
        _, report = import_file(db, csv)
    finally:
        db.conn.close()
    assert report.accepted == 1 and report.rejected == 1
    return path


@pytest.fixture(scope="module")
def baked(working_db, tmp_path_factory):
    return bake_release(working_db, tmp_path_factory.mktemp("api_cache"))


def copy_store(target, tmp_path, request):
    """A copy of the store at ``target`` (its file, or a copy of its PostgreSQL database)."""
    if is_postgres(target):
        return request.getfixturevalue("pg_server").copy_database(target)
    path = tmp_path / "parkbench.sqlite"
    shutil.copy(target, path)
    return path


def store_rows(target, sql, params=()):
    """Rows of a query on the working store, on either engine."""
    db = open_db(target, read_only=True)
    try:
        return list(db.query(sql, params))
    finally:
        db.conn.close()


def rows(path, sql, params=()):
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


def canned(path, name, **params):
    return rows(path, CANNED_QUERIES[name]["sql"], params)


def test_baked_file_holds_published_tables_only(working_db, baked):
    names = {r["name"] for r in rows(baked, "SELECT name FROM sqlite_master WHERE type='table'")}
    assert {t.name for t in release_tables()} <= names
    for table in UNPUBLISHED:
        assert table not in names
    assert "facts" not in names and "centers_fts" in names
    # the working database does hold rejects and generated centers; the API copy does not
    assert store_rows(working_db, "SELECT COUNT(*) AS n FROM import_rejects")[0]["n"] == 1
    generated = store_rows(
        working_db,
        "SELECT DISTINCT entity_id FROM facts f JOIN sources s ON s.id = f.source_id"
        " WHERE s.kind = 'generated' AND f.entity_table = 'centers'",
    )
    assert generated
    served = {r["id"] for r in rows(baked, "SELECT id FROM centers")}
    assert not served & {g["entity_id"] for g in generated}
    assert "示例数据接口呼叫中心" in {r["name"] for r in rows(baked, "SELECT name FROM centers")}
    kinds = {r["kind"] for r in rows(baked, "SELECT DISTINCT kind FROM sources")}
    assert not kinds & {"test", "generated"}


def test_baked_tables_equal_the_exported_release(working_db, baked, tmp_path):
    db = open_db(working_db, read_only=True)
    try:
        export_release(db, tmp_path / "r", "csv,sqlite")
    finally:
        db.conn.close()
    exported = tmp_path / "r" / "sqlite" / "parkbench.sqlite"
    for table in release_tables():
        sql = f'SELECT * FROM "{table.name}" ORDER BY rowid'
        assert rows(baked, sql) == rows(exported, sql), table.name


def test_bake_once_per_data_version_and_again_after_a_write(working_db, tmp_path, request):
    db_path = copy_store(working_db, tmp_path, request)
    cache = tmp_path / "cache"
    first = bake_release(db_path, cache)
    stamp = first.stat().st_mtime_ns
    assert bake_release(db_path, cache) == first and first.stat().st_mtime_ns == stamp
    assert first.parent.name == data_version(db_path)
    csv = tmp_path / "more.csv"
    csv.write_text("企业名称,所在城市,座席数量\n版本测试呼叫中心,宁波,120个\n", encoding="utf-8")
    db = open_db(db_path)
    try:
        import_file(db, csv)
    finally:
        db.conn.close()
    second = bake_release(db_path, cache)
    assert second != first
    assert "版本测试呼叫中心" in {r["name"] for r in rows(second, "SELECT name FROM centers")}
    assert "版本测试呼叫中心" not in {r["name"] for r in rows(first, "SELECT name FROM centers")}


def test_processes_baking_one_version_into_one_cache_agree(working_db, tmp_path, request):
    db_path = copy_store(working_db, tmp_path, request)
    cache = tmp_path / "shared"
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=3, mp_context=ctx) as pool:
        paths = list(pool.map(bake_release, [db_path] * 3, [cache] * 3))
    assert all(p.is_file() and rows(p, "SELECT COUNT(*) AS n FROM centers")[0]["n"] > 0
               for p in paths)  # fmt: skip
    # no leftovers: the cache holds the versions baked and nothing half-written
    assert sorted(p.name for p in cache.iterdir()) == sorted({p.parent.name for p in paths})
    if not is_postgres(db_path):  # a file's version moves only when it is written: one bake
        assert len(set(paths)) == 1 and paths[0].parent.name == data_version(db_path)
    # on PostgreSQL the version is the server's WAL position, which can move without a write
    # to this store (another database, a standby snapshot): a process may then bake a newer
    # version, never a stale one (data.store.engine.data_version)


def test_bake_of_a_missing_database_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        bake_release(tmp_path / "none.sqlite", tmp_path / "cache")


def test_bake_of_a_missing_postgresql_database_is_a_store_error(pg_server, tmp_path):
    url = pg_server.url("no_such_database")
    with pytest.raises(StoreError, match="cannot connect to postgresql://"):
        bake_release(url, tmp_path / "cache")


def test_search_finds_two_character_chinese_terms_across_tables(baked):
    found = canned(baked, "search", q="密云")
    by_table = {}
    for r in found:
        by_table.setdefault(r["table_name"], []).append(r)
    assert MIYUN_PARK in [r["name"] for r in by_table["parks"]]
    assert by_table["incentives"] and all(r["park"] == MIYUN_PARK for r in by_table["incentives"])
    assert any("密云" in (r["text"] or "") for r in by_table["incentives"])
    assert by_table["park_tenants"]
    # FTS5 trigram, what Datasette's own _search uses, finds nothing for 2 characters
    assert not rows(baked, "SELECT * FROM parks_fts WHERE parks_fts MATCH ?", ['"密云"'])


def test_search_matches_names_in_english_and_centers(baked):
    assert {r["table_name"] for r in canned(baked, "search", q="海尔")} >= {"centers"}
    assert canned(baked, "search", q="  ") == []
    assert canned(baked, "search", q="") == []


def test_search_treats_like_wildcards_as_text(baked):
    every = len(canned(baked, "search", q="中"))
    percent = canned(baked, "search", q="%")
    assert 0 < len(percent) < every  # "50%" in incentive text, not every row
    assert all("%" in (r["text"] or "") for r in percent)
    assert canned(baked, "search", q="!_") == []


def test_park_tenants_by_id_or_name(baked):
    by_name = canned(baked, "park_tenants", park="呼叫中心产业基地")
    assert by_name and {r["park"] for r in by_name} == {MIYUN_PARK}
    park_id = by_name[0]["park_id"]
    assert canned(baked, "park_tenants", park=park_id) == by_name
    assert canned(baked, "park_tenants", park="") == []


def test_incentives_by_city_name_english_name_and_adcode(baked):
    short = canned(baked, "incentives_by_city", city="北京")
    assert short and {r["city"] for r in short} == {"北京"}
    assert MIYUN_PARK in {r["park"] for r in short}
    for other in ("北京市", "Beijing", "beijing", "110000"):
        assert canned(baked, "incentives_by_city", city=other) == short, other
    assert canned(baked, "incentives_by_city", city="扬州") != short
    assert canned(baked, "incentives_by_city", city="") == []


def test_metadata_describes_every_table_and_column_from_the_dictionary():
    meta = api_metadata(API_DATABASE, "abc")
    assert meta["license"] and meta["source"] and "abc" in meta["description"]
    tables = meta["databases"][API_DATABASE]["tables"]
    for table in release_tables():
        described = tables[table.name]
        assert table.zh in described["description"] and table.en in described["description"]
        assert described["license"] == table.licence
        assert set(described["columns"]) == {c.name for c in table.all_columns()}
    assert "座席" in tables["centers"]["columns"]["seats"]
    assert "seat" in tables["centers"]["columns"]["seats"]
    assert set(meta["databases"][API_DATABASE]["queries"]) == {
        "search",
        "park_tenants",
        "incentives_by_city",
    }


def test_limits_are_set():
    assert 0 < SETTINGS["sql_time_limit_ms"] <= 5000
    assert 0 < SETTINGS["max_returned_rows"] <= 5000
    assert SETTINGS["base_url"] == "/api/"
    assert api_paths("centers")["json"] == "/api/parkbench/centers.json"
