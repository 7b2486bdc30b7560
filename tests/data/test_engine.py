"""The two engines of the store: one schema declaration, the same tables; SQL spelled for each."""

from __future__ import annotations

import pytest

from data.errors import StoreError
from data.schema.tables import TABLES
from data.store import engine
from data.store.database import SourceInfo, add_source, open_db


def _columns(db, table: str) -> list[str]:
    if engine.is_pg(db):
        return list(db[table].columns_dict)
    return [r[1] for r in db.execute(f'PRAGMA table_info("{table}")').fetchall()]


def test_every_declared_table_has_the_same_columns_and_key_on_both_engines(tmp_path, pg_url):
    sqlite_db, pg_db = open_db(tmp_path / "s.sqlite"), open_db(pg_url)
    for name, table in TABLES.items():
        declared = table.column_names
        assert _columns(sqlite_db, name) == declared, name
        assert _columns(pg_db, name) == declared, name
        assert pg_db[name].pk == table.pk
    pk = pg_db.execute(
        "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid"
        " AND a.attnum = ANY(i.indkey) WHERE i.indrelid = 'centers'::regclass AND i.indisprimary"
    ).fetchone()
    assert pk[0] == "id"
    required = pg_db.execute(
        "SELECT is_nullable FROM information_schema.columns"
        " WHERE table_name = 'centers' AND column_name = 'name'"
    ).fetchone()
    assert required[0] == "NO"
    assert {"field_facts", "conflicts"} <= set(pg_db.view_names())


def test_a_column_declared_later_is_added_on_open(pg_url):
    from dataclasses import replace

    from data.schema.tables import C

    db = open_db(pg_url)
    spec = TABLES["kpis"]
    extra = replace(spec, columns=(*spec.columns, C("callback_rate", "real", "回拨率", "x")))
    engine.pg_create_table(db, extra)
    assert db["kpis"].columns_dict["callback_rate"] is float


def test_placeholders_become_psycopg_ones_outside_literals_only():
    assert engine.to_pg("SELECT ? WHERE a LIKE '%?%'") == "SELECT %s WHERE a LIKE '%%?%%'"
    assert engine.to_pg('SELECT "a?" FROM t WHERE b = ?') == 'SELECT "a?" FROM t WHERE b = %s'
    assert engine.to_pg("INSERT OR IGNORE INTO t (a) VALUES (?)") == (
        "INSERT INTO t (a) VALUES (%s) ON CONFLICT DO NOTHING"
    )
    assert engine.to_pg("SELECT '100%'", with_params=False) == "SELECT '100%'"


def test_urls_and_paths_pick_the_engine(tmp_path):
    assert engine.is_postgres("postgresql://u@/db?host=/tmp")
    assert engine.is_postgres("postgres://u:p@h/db")
    assert not engine.is_postgres(tmp_path / "x.sqlite")
    assert engine.redact("postgresql://me:secret@h/db") == "postgresql://me:***@h/db"


def test_data_version_moves_with_a_write(any_db_path):
    before = engine.data_version(any_db_path)
    db = open_db(any_db_path)
    add_source(db, SourceInfo(kind="import", url="a.csv", sha256="a" * 64))
    db.conn.close()
    assert engine.data_version(any_db_path) != before


def test_a_read_only_postgres_store_cannot_write(pg_url):
    import psycopg

    open_db(pg_url).close()
    db = open_db(pg_url, read_only=True)
    with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
        db.execute("INSERT INTO sources (id) VALUES ('x')")


def test_an_unreachable_server_is_one_clear_store_error(tmp_path):
    with pytest.raises(StoreError, match="cannot connect to postgresql://me:\\*\\*\\*@"):
        open_db(f"postgresql://me:secret@/nothing?host={tmp_path}")


def test_numbers_come_back_as_sqlite_gives_them(any_db):
    db = any_db
    add_source(db, SourceInfo(kind="import", url="a.csv", sha256="a" * 64))
    row = db.execute("SELECT COUNT(*), SUM(1), SUM(0.5), AVG(2) FROM sources").fetchone()
    assert list(row) == [1, 1, 0.5, 2]
    assert [type(v) for v in row[:3]] == [int, int, float]


def test_a_deadlock_victim_runs_again_outside_a_transaction(pg_url):
    from psycopg import errors

    db = open_db(pg_url)
    calls = []

    def work():
        calls.append(db.conn.in_transaction)
        if len(calls) == 1:
            raise errors.DeadlockDetected("chosen as victim")
        return "done"

    assert engine.retrying(db, work) == "done" and calls == [False, False]
    calls.clear()
    with pytest.raises(errors.DeadlockDetected), db.atomic():
        engine.retrying(db, work)  # inside a caller's transaction: not retried
    assert calls == [True]


def test_a_lost_postgres_connection_is_not_usable(pg_url, tmp_path):
    db = open_db(pg_url, read_only=True)
    assert engine.is_usable(db)
    db.close()
    assert not engine.is_usable(db)
    assert engine.is_usable(open_db(tmp_path / "s.sqlite"))
