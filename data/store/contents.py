"""What the store holds: its tables and their columns, answered in one place.

A store built by ``parkbench build`` holds every table of the schema, but a read-only store
may lack layers (no geography, no economics) and tests build partial ones. Readers ask
:func:`holds` and :func:`columns` instead of probing ``sqlite_master`` each on its own; the
answer is read once per connection and schema version (``PRAGMA schema_version`` changes
whenever a table or column is added), so pricing thousands of places asks SQLite once.
"""

from __future__ import annotations

import contextlib
import weakref

import sqlite_utils

from data.store import engine

_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


class _Contents:
    __slots__ = ("version", "tables", "columns")

    def __init__(self, version: object, tables: frozenset[str]) -> None:
        self.version = version
        self.tables = tables
        self.columns: dict[str, frozenset[str]] = {}


def _version(db) -> object:
    if engine.is_pg(db):  # changes when a relation is created or dropped in the schema
        return tuple(
            db.conn.raw.execute(
                "SELECT count(*), coalesce(max(oid::bigint), 0) FROM pg_class"
                " WHERE relnamespace = current_schema()::regnamespace"
            ).fetchone()
        )
    return db.execute("PRAGMA schema_version").fetchone()[0]


def _names(db) -> frozenset[str]:
    if engine.is_pg(db):
        return frozenset(db.table_names()) | frozenset(db.view_names())
    return frozenset(
        r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
    )


def _contents(db: sqlite_utils.Database) -> _Contents:
    store = getattr(db, "memo_of", None)
    if store is not None:  # a memoising reader over a store nobody writes meanwhile
        if db.contents is None:
            db.contents = _contents(store)  # the store's answer, asked once for the batch
        return db.contents
    version = _version(db)
    try:
        known = _CACHE.get(db)
    except TypeError:  # an object that cannot be weakly referenced: no cache
        known = None
    if known is None or known.version != version:
        known = _Contents(version, _names(db))
        with contextlib.suppress(TypeError):
            _CACHE[db] = known
    return known


def tables(db: sqlite_utils.Database) -> frozenset[str]:
    """Names of the tables (and views) the store holds."""
    return _contents(db).tables


def holds(db: sqlite_utils.Database, *names: str) -> bool:
    """True when the store holds every table of ``names``.

    Examples
    --------
    >>> db = sqlite_utils.Database(memory=True)
    >>> holds(db, "parks")
    False
    >>> _ = db["parks"].insert({"id": "p1"})
    >>> holds(db, "parks"), holds(db, "parks", "cities")
    (True, False)
    """
    held = _contents(db).tables
    return all(n in held for n in names)


def columns(db: sqlite_utils.Database, table: str) -> frozenset[str]:
    """Column names of ``table`` (empty when the store lacks the table)."""
    known = _contents(db)
    if table not in known.tables:
        return frozenset()
    if table not in known.columns:
        if engine.is_pg(db):
            known.columns[table] = frozenset(db[table].columns_dict)
        else:
            known.columns[table] = frozenset(
                r[1] for r in db.execute(f"PRAGMA table_info([{table}])").fetchall()
            )
    return known.columns[table]
