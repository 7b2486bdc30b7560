"""Where the two engines of the store differ: SQLite (a file path, the default) and PostgreSQL.

The rest of the code talks to one small handle with the operations of sqlite-utils it uses:
``execute(sql, params)`` (``?`` placeholders), ``query`` (rows as dicts), ``db[table]`` with
``exists``, ``count``, ``columns_dict``, ``insert``/``insert_all``/``upsert``/``update``
(``ignore=`` / ``replace=``), ``rows_where``, ``get``, ``create_index``; ``table_names``,
``atomic()`` (one transaction, savepoints when nested) and ``conn`` (``executemany``,
``total_changes``, ``in_transaction``, ``close``). On SQLite that handle *is*
``sqlite_utils.Database`` (the store's behaviour is exactly what it was); on PostgreSQL it is
:class:`PgDatabase`, a thin layer over one psycopg (v3) connection that rewrites ``?`` into
``%s``. Everything else that differs lives in this module and nowhere else:

- the DDL of a declared table (:func:`pg_create_table`; SQLite's comes from sqlite-utils),
- upserts and ``INSERT OR IGNORE`` (``ON CONFLICT``),
- full-text search (FTS5 trigram on SQLite; a ``pg_trgm`` GIN index on PostgreSQL, which
  needs a UTF-8 database to index Chinese),
- the JSON views ``field_facts`` and ``conflicts`` (``json_each`` vs ``jsonb_each``),
- SQL spellings (``group_concat`` vs ``string_agg``, a JSON list of ids as a set),
- the data version that keys the portal's caches (file times vs the WAL position),
- DataFrames from a query (:func:`read_frame`).
"""

from __future__ import annotations

import contextlib
import functools
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import sqlite_utils
from sqlite_utils.db import NotFoundError

from data.errors import StoreError

#: what a ``postgresql://`` target starts with
POSTGRES_PREFIXES = ("postgresql://", "postgres://")

#: SQL type of a declared column type on PostgreSQL (JSON columns stay text, as on SQLite)
PG_TYPES = {
    "text": "TEXT",
    "integer": "BIGINT",
    "real": "DOUBLE PRECISION",
    "json": "TEXT",
    "blob": "BYTEA",
}

_PY_TYPES = {
    "bigint": int,
    "integer": int,
    "smallint": int,
    "double precision": float,
    "real": float,
    "numeric": float,
    "text": str,
    "bytea": bytes,
}


def is_postgres(target: object) -> bool:
    """True for a ``postgresql://`` (or ``postgres://``) URL; a path is a SQLite file."""
    return str(target).startswith(POSTGRES_PREFIXES)


def is_pg(db: object) -> bool:
    """True when ``db`` is an open PostgreSQL store."""
    return isinstance(db, PgDatabase)


def engine_name(db: object) -> str:
    """``postgresql`` or ``sqlite``."""
    return "postgresql" if is_pg(db) else "sqlite"


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


# -- SQL translation ------------------------------------------------------------------------

_OR_IGNORE = re.compile(r"^\s*INSERT\s+OR\s+IGNORE\s+INTO\b", re.IGNORECASE)


@functools.lru_cache(maxsize=4096)
def to_pg(sql: str, with_params: bool = True) -> str:
    """A statement of the store's SQL in PostgreSQL's spelling.

    ``?`` becomes ``%s`` outside string literals and ``%`` is doubled (psycopg reads ``%``
    as a placeholder whenever parameters are passed); ``INSERT OR IGNORE`` becomes
    ``INSERT ... ON CONFLICT DO NOTHING``.
    """
    ignore = bool(_OR_IGNORE.match(sql))
    if ignore:
        sql = _OR_IGNORE.sub("INSERT INTO", sql, count=1)
    if with_params:
        out, quote = [], None
        for ch in sql:
            if ch == "%":
                out.append("%%")
            elif quote:
                out.append(ch)
                if ch == quote:
                    quote = None
            elif ch in "'\"":
                quote = ch
                out.append(ch)
            elif ch == "?":
                out.append("%s")
            else:
                out.append(ch)
        sql = "".join(out)
    if ignore:
        sql = sql.rstrip().rstrip(";") + " ON CONFLICT DO NOTHING"
    return sql


def _encode(value: object) -> object:
    """A Python value as the store keeps it: lists and dicts as JSON text (as sqlite-utils)."""
    if isinstance(value, list | dict | tuple):
        return json.dumps(value, default=repr, ensure_ascii=False)
    if type(value).__module__ == "numpy" and hasattr(value, "item"):
        value = value.item()  # numpy scalars, as sqlite-utils adapts them
    if isinstance(value, float) and value != value:
        return None  # SQLite stores NaN as NULL
    return value


# -- the PostgreSQL handle ------------------------------------------------------------------


def _numeric_loader():
    from psycopg.adapt import Loader

    class NumericLoader(Loader):
        """``numeric`` (SUM of integers, AVG) as int when whole, else float, as SQLite gives."""

        def load(self, data):
            text = bytes(data).decode("ascii")
            if text in ("NaN", "Infinity", "-Infinity"):
                return float(text)
            if "." in text or "e" in text or "E" in text:
                number = float(text)
                return number
            return int(text)

    return NumericLoader


class PgConnection:
    """The part of ``sqlite3.Connection`` the store uses, over a psycopg connection."""

    def __init__(self, raw) -> None:
        self.raw = raw
        self.total_changes = 0

    def _count(self, cur) -> None:
        status = (cur.statusmessage or "").split(" ", 1)[0]
        if status in ("INSERT", "UPDATE", "DELETE") and cur.rowcount and cur.rowcount > 0:
            self.total_changes += cur.rowcount

    def execute(self, sql: str, params: Iterable | None = None):
        params = list(params) if params is not None else None
        if params:
            cur = self.raw.execute(to_pg(sql), [_encode(p) for p in params])
        else:
            cur = self.raw.execute(to_pg(sql, with_params=False))
        self._count(cur)
        return cur

    def executemany(self, sql: str, rows: Iterable[Iterable]):
        rows = [[_encode(v) for v in row] for row in rows]
        cur = self.raw.cursor()
        if rows:
            cur.executemany(to_pg(sql), rows)
            self._count(cur)
        return cur

    @property
    def in_transaction(self) -> bool:
        from psycopg import pq

        return self.raw.info.transaction_status != pq.TransactionStatus.IDLE

    def close(self) -> None:
        self.raw.close()


class PgDatabase:
    """A PostgreSQL store behind the subset of ``sqlite_utils.Database`` the code uses."""

    engine = "postgresql"

    def __init__(self, url: str, *, read_only: bool = False) -> None:
        import psycopg

        options = "-c default_transaction_read_only=on" if read_only else None
        try:
            raw = psycopg.connect(url, autocommit=True, options=options)
        except psycopg.OperationalError as exc:
            raise StoreError(
                f"cannot connect to {redact(url)}: {' '.join(str(exc).split())}"
            ) from None
        raw.adapters.register_loader("numeric", _numeric_loader())
        self.url = url
        self.read_only = read_only
        self.conn = PgConnection(raw)
        self._tables: set[str] = set()
        self._columns: dict[str, dict[str, type]] = {}

    # statements
    def execute(self, sql: str, params: Iterable | None = None):
        return self.conn.execute(sql, params)

    def query(self, sql: str, params: Iterable | None = None) -> Iterator[dict]:
        cur = self.execute(sql, params)
        names = [d[0] for d in cur.description or ()]
        for row in cur.fetchall():
            yield dict(zip(names, row, strict=True))

    @contextlib.contextmanager
    def atomic(self):
        """One transaction (a savepoint inside another)."""
        with self.conn.raw.transaction():
            yield self

    # catalogue
    def __getitem__(self, name: str) -> PgTable:
        return PgTable(self, name)

    def table_names(self) -> list[str]:
        rows = self.conn.raw.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1"
        ).fetchall()
        self._tables = {r[0] for r in rows}
        return [r[0] for r in rows]

    def view_names(self) -> list[str]:
        rows = self.conn.raw.execute(
            "SELECT viewname FROM pg_views WHERE schemaname = current_schema() ORDER BY 1"
        ).fetchall()
        return [r[0] for r in rows]

    def _forget(self, table: str | None = None) -> None:
        if table is None:
            self._tables.clear()
            self._columns.clear()
        else:
            self._tables.discard(table)
            self._columns.pop(table, None)

    def close(self) -> None:
        self.conn.close()


class PgTable:
    """A table of a :class:`PgDatabase` (the sqlite-utils ``Table`` methods the code uses)."""

    def __init__(self, db: PgDatabase, name: str) -> None:
        self.db = db
        self.name = name

    def exists(self) -> bool:
        if self.name in self.db._tables:
            return True
        return self.name in self.db.table_names()

    @property
    def count(self) -> int:
        return self.db.execute(f"SELECT COUNT(*) FROM {_q(self.name)}").fetchone()[0]

    def count_where(self, where: str, params: Iterable | None = None) -> int:
        sql = f"SELECT COUNT(*) FROM {_q(self.name)} WHERE {where}"
        return self.db.execute(sql, params).fetchone()[0]

    @property
    def columns_dict(self) -> dict[str, type]:
        found = self.db._columns.get(self.name)
        if found is None:
            rows = self.db.conn.raw.execute(
                "SELECT column_name, data_type FROM information_schema.columns"
                " WHERE table_schema = current_schema() AND table_name = %s"
                " ORDER BY ordinal_position",
                [self.name],
            ).fetchall()
            found = {n: _PY_TYPES.get(t, str) for n, t in rows}
            if found:
                self.db._columns[self.name] = found
        return dict(found)

    @property
    def pk(self) -> str:
        from data.schema.tables import TABLES

        if self.name in TABLES:
            return TABLES[self.name].pk
        row = self.db.conn.raw.execute(
            "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid"
            " AND a.attnum = ANY(i.indkey) WHERE i.indrelid = %s::regclass AND i.indisprimary",
            [self.name],
        ).fetchone()
        return row[0] if row else "id"

    @property
    def rows(self) -> Iterator[dict]:
        return self.rows_where()

    def rows_where(
        self,
        where: str | None = None,
        where_args: Iterable | None = None,
        order_by: str | None = None,
        select: str = "*",
        limit: int | None = None,
    ) -> Iterator[dict]:
        sql = f"SELECT {select} FROM {_q(self.name)}"
        if where:
            sql += f" WHERE {where}"
        if order_by:
            sql += f" ORDER BY {order_by}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return self.db.query(sql, where_args)

    def get(self, pk_value: object) -> dict:
        rows = list(self.rows_where(f"{_q(self.pk)} = ?", [pk_value]))
        if not rows:
            raise NotFoundError
        return rows[0]

    def insert(self, record: dict, pk: str | None = None, **options) -> PgTable:
        return self.insert_all([record], pk=pk, **options)

    def insert_all(
        self,
        records: Iterable[dict],
        pk: str | None = None,
        *,
        ignore: bool = False,
        replace: bool = False,
        batch_size: int = 1000,
        upsert: bool = False,
        **_: Any,
    ) -> PgTable:
        records = iter(records)
        key = pk or self.pk
        while chunk := [r for _, r in zip(range(batch_size), records, strict=False)]:
            groups: dict[tuple[str, ...], list[dict]] = {}
            for r in chunk:
                groups.setdefault(tuple(r), []).append(r)
            for cols, rows in groups.items():
                sql = (
                    f"INSERT INTO {_q(self.name)} ({', '.join(_q(c) for c in cols)})"
                    f" VALUES ({', '.join('?' for _ in cols)})"
                )
                sets = [c for c in cols if c != key]
                if ignore:
                    sql += " ON CONFLICT DO NOTHING"
                elif (replace or upsert) and sets:
                    updates = ", ".join(f"{_q(c)} = EXCLUDED.{_q(c)}" for c in sets)
                    sql += f" ON CONFLICT ({_q(key)}) DO UPDATE SET {updates}"
                elif replace or upsert:
                    sql += " ON CONFLICT DO NOTHING"
                self.db.conn.executemany(sql, [[r[c] for c in cols] for r in rows])
        return self

    def upsert(self, record: dict, pk: str | None = None, **options) -> PgTable:
        return self.insert_all([record], pk=pk, upsert=True)

    def upsert_all(self, records: Iterable[dict], pk: str | None = None, **_: Any) -> PgTable:
        return self.insert_all(records, pk=pk, upsert=True)

    def update(self, pk_value: object, updates: dict | None = None, **_: Any) -> PgTable:
        if updates:
            sets = ", ".join(f"{_q(c)} = ?" for c in updates)
            self.db.execute(
                f"UPDATE {_q(self.name)} SET {sets} WHERE {_q(self.pk)} = ?",
                [*updates.values(), pk_value],
            )
        return self

    def delete_where(self, where: str, params: Iterable | None = None) -> PgTable:
        self.db.execute(f"DELETE FROM {_q(self.name)} WHERE {where}", params)
        return self

    def drop(self, ignore: bool = False) -> None:
        self.db.execute(f"DROP TABLE {'IF EXISTS ' if ignore else ''}{_q(self.name)} CASCADE")
        self.db._forget(self.name)

    def add_column(self, name: str, col_type: type | str) -> PgTable:
        sql_type = col_type if isinstance(col_type, str) else _PG_OF_PY.get(col_type, "TEXT")
        self.db.execute(f"ALTER TABLE {_q(self.name)} ADD COLUMN {_q(name)} {sql_type}")
        self.db._forget(self.name)
        return self

    def create_index(
        self,
        columns: Iterable[str],
        index_name: str | None = None,
        unique: bool = False,
        if_not_exists: bool = False,
    ) -> PgTable:
        columns = list(columns)
        name = index_name or f"idx_{self.name}_{'_'.join(columns)}"
        self.db.execute(
            f"CREATE {'UNIQUE ' if unique else ''}INDEX {'IF NOT EXISTS ' if if_not_exists else ''}"
            f"{_q(name)} ON {_q(self.name)} ({', '.join(_q(c) for c in columns)})"
        )
        return self


_PG_OF_PY = {str: "TEXT", int: "BIGINT", float: "DOUBLE PRECISION", bytes: "BYTEA"}


def redact(url: str) -> str:
    """A database URL without its password (for messages and reports)."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


# -- opening ----------------------------------------------------------------------------------


def open_postgres(url: str, *, read_only: bool = False) -> PgDatabase:
    """Connect to the PostgreSQL store at ``url``."""
    return PgDatabase(url, read_only=read_only)


def describe(db: object) -> str:
    """Where the store lives: the SQLite file, or the PostgreSQL URL without its password."""
    if is_pg(db):
        return redact(db.url)
    return str(db.conn.execute("PRAGMA database_list").fetchone()[2])


# -- schema -----------------------------------------------------------------------------------


def pg_schema_current(db: PgDatabase, tables: Iterable) -> bool:
    """True when every declared table and column, the views and the journal exist already."""
    rows = db.conn.raw.execute(
        "SELECT table_name, column_name FROM information_schema.columns"
        " WHERE table_schema = current_schema()"
    ).fetchall()
    have = {(t, c) for t, c in rows}
    want = {(t.name, c.name) for t in tables for c in t.all_columns()}
    if not want <= have or not {"field_facts", "conflicts"} <= {t for t, _ in have}:
        return False
    found = db.conn.raw.execute(
        "SELECT 1 FROM pg_trigger WHERE tgname = 'parkbench_journal_facts'"
    ).fetchone()
    return found is not None


def pg_create_table(db: PgDatabase, table) -> None:
    """Create a declared table on PostgreSQL if missing; add the columns it lacks."""
    present = db[table.name].columns_dict
    if not present:
        defs = []
        for c in table.all_columns():
            sql_type = PG_TYPES[c.type]
            if c.name == table.pk:
                extra = (
                    " GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
                    if c.type == "integer"
                    else " PRIMARY KEY"
                )
            else:
                extra = " NOT NULL" if c.required and c in table.columns else ""
            defs.append(f"{_q(c.name)} {sql_type}{extra}")
        db.execute(f"CREATE TABLE IF NOT EXISTS {_q(table.name)} ({', '.join(defs)})")
        db._forget(table.name)
        return
    for c in table.all_columns():
        if c.name not in present:
            db[table.name].add_column(c.name, PG_TYPES[c.type])


def sqlite_columns(table) -> dict[str, type]:
    """The sqlite-utils column types of a declared table."""
    from data.schema.tables import SQL_TYPES

    return {c.name: SQL_TYPES[c.type] for c in table.all_columns()}


_SQLITE_VIEWS = (
    """CREATE VIEW IF NOT EXISTS field_facts AS
    SELECT f.entity_table, f.entity_id, j.key AS field, j.value AS value,
           json_extract(f.evidence_json, '$."' || j.key || '"') AS evidence,
           f.locator, f.source_id, s.kind AS source_kind, s.title AS source_title,
           s.url AS source_url, s.published AS source_published,
           s.retrieved_at, f.extractor_version
    FROM facts f JOIN json_each(f.values_json) j LEFT JOIN sources s ON s.id = f.source_id""",
    """CREATE VIEW IF NOT EXISTS conflicts AS
    SELECT entity_table, entity_id, field,
           COUNT(DISTINCT value) AS distinct_values,
           json_group_array(json_object('value', value, 'source_id', source_id,
                                        'source', source_title, 'evidence', evidence))
               AS candidates
    FROM field_facts WHERE value IS NOT NULL
    GROUP BY entity_table, entity_id, field HAVING COUNT(DISTINCT value) > 1""",
)

# jsonb values load as the Python value SQLite's json_each gives (number, text, None), and
# compare as numbers (550 = 550.0), as SQLite compares them
_PG_VIEWS = (
    """CREATE OR REPLACE VIEW field_facts AS
    SELECT f.entity_table, f.entity_id, j.key AS field,
           CASE WHEN jsonb_typeof(j.value) = 'null' THEN NULL ELSE j.value END AS value,
           f.evidence_json::jsonb ->> j.key AS evidence,
           f.locator, f.source_id, s.kind AS source_kind, s.title AS source_title,
           s.url AS source_url, s.published AS source_published,
           s.retrieved_at, f.extractor_version
    FROM facts f CROSS JOIN LATERAL jsonb_each(f.values_json::jsonb) j
    LEFT JOIN sources s ON s.id = f.source_id""",
    """CREATE OR REPLACE VIEW conflicts AS
    SELECT entity_table, entity_id, field,
           COUNT(DISTINCT value) AS distinct_values,
           json_agg(json_build_object('value', value, 'source_id', source_id,
                                      'source', source_title, 'evidence', evidence))::text
               AS candidates
    FROM field_facts WHERE value IS NOT NULL
    GROUP BY entity_table, entity_id, field HAVING COUNT(DISTINCT value) > 1""",
)


def create_views(db: object) -> None:
    """The provenance views (``field_facts``: one row per field of a fact; ``conflicts``)."""
    for sql in _PG_VIEWS if is_pg(db) else _SQLITE_VIEWS:
        db.execute(sql)


def _trgm_expression(columns: Iterable[str]) -> str:
    # immutable (an index expression): || and COALESCE, not concat_ws
    return " || ' ' || ".join(f"COALESCE({_q(c)}, '')" for c in columns)


def create_search(db: object, table) -> None:
    """Full-text search over the table's ``fts`` columns.

    SQLite: an FTS5 table with the trigram tokenizer, kept by triggers. PostgreSQL: a GIN
    ``pg_trgm`` index over the columns (Chinese is indexed on a UTF-8 database only).
    """
    if not table.fts:
        return
    if is_pg(db):
        db.execute(
            f"CREATE INDEX IF NOT EXISTS {_q(table.name + '_trgm')} ON {_q(table.name)}"
            f" USING gin (({_trgm_expression(table.fts)}) gin_trgm_ops)"
        )
    elif not db[f"{table.name}_fts"].exists():
        # trigram tokens find any substring of three or more characters, which is what
        # Chinese names need (there are no spaces between words); shorter queries use LIKE.
        db[table.name].enable_fts(list(table.fts), tokenize="trigram", create_triggers=True)


def prepare_schema(db: object) -> None:
    """What the engine needs before the tables (PostgreSQL: the ``pg_trgm`` extension)."""
    if is_pg(db):  # one process at a time creates or migrates the schema
        db.execute("SELECT pg_advisory_xact_lock(hashtextextended('parkbench schema', 0))")
        db.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")


def like(db: object) -> str:
    """The case-insensitive (for Latin letters) substring operator: LIKE on SQLite, ILIKE."""
    return "ILIKE" if is_pg(db) else "LIKE"


def search_rows(db: object, table, text: str, limit: int) -> list[dict]:
    """Rows of a table whose searchable columns contain ``text`` (three characters or more).

    SQLite ranks by FTS5's bm25; PostgreSQL by trigram similarity, then id.
    """
    if is_pg(db):
        expr = _trgm_expression(table.fts)
        pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        return list(
            db.query(
                f"SELECT * FROM {_q(table.name)} WHERE ({expr}) ILIKE ?"
                f" ORDER BY similarity(({expr}), ?) DESC, {_q(table.pk)} LIMIT ?",
                [pattern, text, limit],
            )
        )
    name = table.name
    phrase = '"' + text.replace('"', '""') + '"'
    return list(
        db.query(
            # matched on main's rowids, rows read through ``name``, which a public reader
            # shadows with a view (``data.store.public``) that has no rowid
            f"SELECT t.* FROM main.{_q(name)} m JOIN {_q(name + '_fts')} f ON f.rowid = m.rowid"
            f" JOIN {_q(name)} t ON t.{_q(table.pk)} = m.{_q(table.pk)}"
            f" WHERE {_q(name + '_fts')} MATCH ? ORDER BY rank LIMIT ?",
            [phrase, limit],
        )
    )


def has_search(db: object, table) -> bool:
    """True when the table's full-text index exists."""
    if is_pg(db):
        return bool(table.fts) and db[table.name].exists()
    return db[f"{table.name}_fts"].exists()


def group_concat(db: object, expr: str, separator: str) -> str:
    """SQL aggregating ``expr`` into one text joined by ``separator`` (a literal)."""
    sep = "'" + separator.replace("'", "''") + "'"
    return f"string_agg({expr}, {sep})" if is_pg(db) else f"group_concat({expr}, {sep})"


def json_values(db: object) -> str:
    """SQL of a one-column set from a JSON array parameter (``?``): ``IN (<this>)``."""
    if is_pg(db):
        return "SELECT jsonb_array_elements_text(CAST(? AS jsonb))"
    return "SELECT value FROM json_each(?)"


def read_frame(db: object, sql: str, params: Iterable | None = None) -> pd.DataFrame:
    """The result of a query as a DataFrame (``pandas.read_sql_query`` on SQLite)."""
    if not is_pg(db):
        return pd.read_sql_query(sql, db.conn, params=params)
    cur = db.execute(sql, params)
    columns = [d[0] for d in cur.description or ()]
    return pd.DataFrame.from_records(cur.fetchall(), columns=columns, coerce_float=True)


_WAL_POSITION = (
    "SELECT CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn()"
    " ELSE pg_current_wal_lsn() END"
)


def data_version(target: str | Path, db: PgDatabase | None = None) -> str:
    """A value that changes whenever the store at ``target`` is written (cache keys).

    SQLite: the modification times of the file and its WAL. PostgreSQL: the server's current
    WAL position, which moves with every committed write (and sometimes without one: a cache
    may be refreshed for nothing, never kept stale); on a streaming replica, the position it
    has replayed. ``db``: an open connection to ask (else one is opened for the question).
    """
    if db is not None and is_pg(db):
        return str(db.execute(_WAL_POSITION).fetchone()[0])
    if is_postgres(target):
        import psycopg

        try:
            with psycopg.connect(str(target), autocommit=True) as conn:
                return str(conn.execute(_WAL_POSITION).fetchone()[0])
        except psycopg.OperationalError as exc:
            raise StoreError(f"cannot connect to {redact(str(target))}: {exc}") from exc
    path = Path(target)
    stamps = [p.stat().st_mtime for p in (path, Path(f"{path}-wal")) if p.exists()]
    if not stamps:
        raise StoreError(f"database {path} does not exist; run `parkbench build` first")
    return repr(max(stamps))


#: advisory-lock slots entities are hashed into (first key of the two-key lock)
ENTITY_LOCK_SPACE = 0x5042  # "PB"
#: how many entity locks there are: a large import holds at most this many, whatever its
#: size (PostgreSQL's lock table holds max_locks_per_transaction x max_connections = 6,400
#: locks by default, shared by every session: one lock per entity ran out at ~6,000 entities)
ENTITY_LOCK_BUCKETS = 256


def entity_lock_bucket(table: str, entity_id: str) -> int:
    """The lock bucket of an entity (stable across processes and machines)."""
    import hashlib

    digest = hashlib.blake2b(f"{table}:{entity_id}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") % ENTITY_LOCK_BUCKETS


def lock_entities(db: object, table: str, ids: Iterable[str]) -> None:
    """PostgreSQL: hold, until commit, the advisory lock of each entity's bucket, so two
    writers never interleave the resolution of one entity (the second waits for the first to
    commit, then resolves from both writers' facts). Buckets are taken in ascending order, so
    two single-call writers never deadlock; a writer of several chunks may, and is then
    retried (:func:`retrying`). SQLite needs none: its writers take the whole database in turn
    (``BEGIN IMMEDIATE``)."""
    if not is_pg(db):
        return
    buckets = sorted({entity_lock_bucket(table, i) for i in ids})
    if buckets:
        with db.conn.raw.cursor() as cur:
            cur.executemany(
                f"SELECT pg_advisory_xact_lock({ENTITY_LOCK_SPACE}, %s)", [(b,) for b in buckets]
            )


def drop_store(db: PgDatabase) -> None:
    """Drop every table and view of a PostgreSQL store (``parkbench build`` starts afresh)."""
    for view in db.view_names():
        db.execute(f"DROP VIEW IF EXISTS {_q(view)} CASCADE")
    for table in db.table_names():
        if table not in ("crawl_frontier", "crawl_domains"):  # a crawl may share the database
            db.execute(f"DROP TABLE IF EXISTS {_q(table)} CASCADE")
    db._forget()


def open_sqlite_reader(path: Path) -> sqlite_utils.Database:
    """A read-only SQLite handle (``mode=ro``)."""
    import sqlite3

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    return sqlite_utils.Database(conn)


# -- import batches: the change journal on PostgreSQL -----------------------------------------

_PG_JOURNAL_FUNCTION = """CREATE OR REPLACE FUNCTION parkbench_journal() RETURNS trigger
LANGUAGE plpgsql AS $body$
DECLARE
    bid text := current_setting('parkbench.batch_id', true);
    pk text := TG_ARGV[0];
    image jsonb;
    key jsonb;
BEGIN
    IF bid IS NULL OR bid = '' THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        key := jsonb_build_object(pk, to_jsonb(NEW) -> pk);
        image := key;
    ELSE
        image := to_jsonb(OLD);
        key := jsonb_build_object(pk, image -> pk);
    END IF;
    INSERT INTO batch_changes (batch_id, tbl, op, row_rowid, old_json)
    VALUES (bid, TG_TABLE_NAME, lower(TG_OP), hashtextextended(key::text, 0), image::text);
    RETURN NULL;
END
$body$"""


def pg_install_journal(db: PgDatabase, tables: Iterable[str]) -> None:
    """Triggers that journal changes of ``tables`` while a batch is recorded.

    SQLite creates temporary triggers for the time of an import; on PostgreSQL the triggers
    stay and journal only the transactions that set ``parkbench.batch_id``. A row is known
    by a 64-bit hash of its primary key (``row_rowid``); an insert keeps its key, an update or
    delete the whole old row (``to_jsonb``).
    """
    from data.schema.tables import TABLES

    db.execute(_PG_JOURNAL_FUNCTION)
    present = {r[0] for r in db.execute("SELECT tgname FROM pg_trigger").fetchall()}
    for table in tables:
        name = f"parkbench_journal_{table}"
        pk = TABLES[table].pk.replace("'", "''")
        if name in present:
            continue
        db.execute(
            f"CREATE TRIGGER {_q(name)} AFTER INSERT OR UPDATE OR DELETE ON {_q(table)}"
            f" FOR EACH ROW EXECUTE FUNCTION parkbench_journal('{pk}')"
        )


@contextlib.contextmanager
def pg_recording(db: PgDatabase, batch_id: str):
    """Journal the changes of this transaction under ``batch_id``."""
    db.execute("SELECT set_config('parkbench.batch_id', ?, true)", [batch_id])
    try:
        yield
    finally:
        if db.conn.in_transaction:
            db.execute("SELECT set_config('parkbench.batch_id', '', true)")


def pg_undo_change(db: PgDatabase, table: str, op: str, image_json: str) -> None:
    """Undo one journaled change: delete an inserted row, put back an old row."""
    from data.schema.tables import TABLES

    pk = TABLES[table].pk
    image = json.loads(image_json)
    key = image[pk]
    t, k = _q(table), _q(pk)
    if op == "insert":
        db.execute(f"DELETE FROM {t} WHERE {k}::text = ?", [str(key)])
        return
    cols = list(db[table].columns_dict)
    names = ", ".join(_q(c) for c in cols)
    if op == "update":
        db.execute(
            f"UPDATE {t} SET ({names}) = (SELECT {names} FROM"
            f" jsonb_populate_record(NULL::{t}, CAST(? AS jsonb))) WHERE {k}::text = ?",
            [image_json, str(key)],
        )
    else:
        db.execute(
            f"INSERT INTO {t} ({names}) SELECT {names} FROM"
            f" jsonb_populate_record(NULL::{t}, CAST(? AS jsonb))",
            [image_json],
        )


def is_store(obj: object) -> bool:
    """True for an open store of either engine."""
    return isinstance(obj, sqlite_utils.Database | PgDatabase)


def target_exists(target: str | Path) -> bool:
    """A SQLite file exists; a PostgreSQL URL is taken to name an existing database."""
    return is_postgres(target) or Path(target).exists()


def connect_existing(target: str | Path) -> sqlite_utils.Database | PgDatabase:
    """A plain handle on an existing store (no schema check, as ``sqlite_utils.Database``)."""
    if is_postgres(target):
        return open_postgres(str(target))
    return sqlite_utils.Database(Path(target))


def retrying(db: object, work, attempts: int = 3):
    """``work()``, run again when PostgreSQL chose it as the victim of a deadlock.

    A writer locks the entities of each chunk it writes in sorted order, so two writers can
    only deadlock across chunks of large imports; PostgreSQL then aborts one transaction, which
    starts again from the beginning. Inside a caller's transaction nothing is retried.
    """
    if not is_pg(db) or db.conn.in_transaction:
        return work()
    import time

    from psycopg import errors

    for attempt in range(attempts):
        try:
            return work()
        except (errors.DeadlockDetected, errors.SerializationFailure):
            if attempt == attempts - 1:
                raise
            time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")


def is_usable(db: object) -> bool:
    """False for a PostgreSQL handle whose connection was closed or lost (a server restart):
    a cached reader is then opened again. A SQLite handle is always usable."""
    if not is_pg(db):
        return True
    raw = db.conn.raw
    return not (raw.closed or raw.broken)
