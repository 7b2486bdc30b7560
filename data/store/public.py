"""The public view of a store: what the portal's public pages may read, and nothing else.

A working store holds more than a reader may see: rows of synthetic sources (demo and test
fixtures, ``kind`` in :data:`TEST_KINDS`), rejected rows, archived source files, the review queue,
the crawl log and the undo log of imports. :func:`hide_unpublished` shadows them on one read-only
SQLite connection with ``TEMP`` views of the same names (SQLite resolves an unqualified name to
the temporary schema first), so every query of the public pages sees:

* an entity (:data:`data.store.database.ENTITY_TABLES`) unless every source that states it is
  synthetic, i.e. entities backed only by generated or test sources are hidden;
* ``sources``, ``facts`` and every table with a ``source_id`` column without synthetic sources;
* the tables declared ``published=False`` as empty;
* the store's own views (``field_facts`` ...) rebuilt over the filtered tables.

The main database is not changed (the connection is read-only). Demo and test portals serving a
fixture store opt in to seeing synthetic rows with ``PARKBENCH_SHOW_SYNTHETIC=1``
(:func:`show_synthetic`).
"""

from __future__ import annotations

import os
import re

from data.schema.tables import TABLES
from data.store import engine
from data.store.database import ENTITY_TABLES, _load_schema_modules

#: source kinds that mark test or generated data: never on a public page, never published
TEST_KINDS = frozenset({"test", "generated"})

SHOW_SYNTHETIC_ENV = "PARKBENCH_SHOW_SYNTHETIC"

_VIEW_HEAD = re.compile(
    r'\s*CREATE\s+VIEW\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:"[^"]+"|\[[^\]]+\]|\S+)\s+AS\s', re.I
)


def show_synthetic() -> bool:
    """True when ``$PARKBENCH_SHOW_SYNTHETIC`` asks public pages to show synthetic rows."""
    return os.environ.get(SHOW_SYNTHETIC_ENV, "").strip().lower() in {"1", "true", "yes"}


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _test_kinds_sql() -> str:
    return ", ".join(f"'{k}'" for k in sorted(TEST_KINDS))


def shadow_views(table_names: set[str], schema: str = "main", false: str = "0") -> dict[str, str]:
    """``{name: SELECT}`` of the temporary views that hide unpublished rows of these tables.

    ``schema`` is where the store's own tables live (``main`` on SQLite, the current schema
    on PostgreSQL), ``false`` the engine's false literal.
    """
    _load_schema_modules()
    kinds = _test_kinds_sql()
    main = _q(schema) if schema != "main" else "main"
    synthetic_sources = f"SELECT id FROM {main}.sources WHERE kind IN ({kinds})"
    views: dict[str, str] = {}
    for name, spec in TABLES.items():
        if name not in table_names:
            continue
        if not spec.published:
            views[name] = f"SELECT * FROM {main}.{_q(name)} WHERE {false}"
        elif name == "sources":
            views[name] = (
                f"SELECT * FROM {main}.sources WHERE kind IS NULL OR kind NOT IN ({kinds})"
            )
        elif name in ENTITY_TABLES and "facts" in table_names:
            # hidden: entities some synthetic source states and no other source does
            lit = name.replace("'", "''")
            views[name] = (
                f"SELECT * FROM {main}.{_q(name)} WHERE id NOT IN ("
                f"SELECT f.entity_id FROM {main}.facts f WHERE f.entity_table = '{lit}'"
                f" AND f.source_id IN ({synthetic_sources})"
                f" AND NOT EXISTS (SELECT 1 FROM {main}.facts g WHERE g.entity_table = f.entity_table"
                f" AND g.entity_id = f.entity_id AND g.source_id NOT IN ({synthetic_sources})))"
            )
        elif "source_id" in spec.column_names:
            views[name] = (
                f"SELECT * FROM {main}.{_q(name)}"
                f" WHERE source_id IS NULL OR source_id NOT IN ({synthetic_sources})"
            )
    return views


def hide_unpublished(db):
    """Shadow unpublished rows and tables on ``db`` (a connection of its own) and return it.

    SQLite: ``TEMP`` views on the read-only connection. PostgreSQL: the same views in the
    session's ``pg_temp`` schema, which PostgreSQL searches before the store's schema; the
    read-only session lifts its read-only default just for creating them (temporary objects
    only: the store is not written).
    """
    if engine.is_pg(db):
        return _hide_on_postgres(db)
    tables = set(db.table_names())
    if "sources" not in tables:
        return db
    views = shadow_views(tables)
    main_views = list(db.execute("SELECT name, sql FROM main.sqlite_master WHERE type = 'view'"))
    for name, select in views.items():
        db.execute(f"CREATE TEMP VIEW IF NOT EXISTS {_q(name)} AS {select}")
    for name, sql in main_views:
        # a main-schema view reads main's tables: rebuild it in temp over the filtered ones
        body = sql[_VIEW_HEAD.match(sql).end() :]
        db.execute(f"CREATE TEMP VIEW IF NOT EXISTS {_q(name)} AS {body}")
    return db


def _hide_on_postgres(db):
    raw = db.conn.raw
    tables = set(db.table_names())
    if "sources" not in tables:
        return db
    schema = raw.execute("SELECT current_schema()").fetchone()[0]
    views = shadow_views(tables, schema=schema, false="false")
    store_views = raw.execute(
        "SELECT c.relname, pg_get_viewdef(c.oid) FROM pg_class c"
        " WHERE c.relkind = 'v' AND c.relnamespace = current_schema()::regnamespace"
    ).fetchall()
    read_only = raw.execute("SHOW default_transaction_read_only").fetchone()[0] == "on"
    if read_only:
        raw.execute("SET SESSION default_transaction_read_only = off")
    try:
        for name, select in views.items():
            raw.execute(f"CREATE OR REPLACE TEMP VIEW {_q(name)} AS {select}")
        for name, body in store_views:
            # a store view was bound to the store's tables when made: rebuild it over the
            # filtered ones (an unqualified name now finds the temporary view first)
            raw.execute(f"CREATE OR REPLACE TEMP VIEW {_q(name)} AS {body.rstrip().rstrip(';')}")
    finally:
        if read_only:
            raw.execute("SET SESSION default_transaction_read_only = on")
    db._forget()
    return db
