"""The store (SQLite or PostgreSQL): schema creation, sources, provenance-keeping upserts and value resolution.

Every record written keeps the values each source gave in ``facts`` (one row per record and
source, values and per-field evidence as JSON; the ``field_facts`` view expands them to one
row per field). The row in the entity table holds the *resolved* value of each field:

    Resolution rule (documented in docs/provenance.md): among the sources that state a field,
    the value of the most recent source wins (``sources.published``, else its retrieval time);
    on equal dates a curated or reference source beats a manual import, which beats a scraped
    page; remaining ties go to the smallest source id, so the result never depends on the order
    of imports. A quantity's ``_bound`` and ``_high`` companions come from the same source as
    its value. Disagreements stay visible in the ``conflicts`` view.

All writes run inside one transaction per call (``db.atomic()``). The store lives in a SQLite
file (the default) or a PostgreSQL database (a ``postgresql://`` URL); what differs between the
two engines is in :mod:`data.store.engine`. On PostgreSQL, a writer holds an advisory lock per
entity it writes until it commits, so concurrent writers never interleave the resolution of one
entity. The SQLite database runs in WAL mode so that the portal can read while an import writes. A writable store (:class:`Store`) starts
every transaction with ``BEGIN IMMEDIATE`` and waits up to ``PARKBENCH_BUSY_TIMEOUT_MS``
(default 120 s) for another writer: a deferred transaction that reads before it writes would
fail at once with "database is locked" whatever the timeout. ``synchronous=FULL`` makes a
committed import survive a power cut.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from data.errors import StoreError
from data.schema.tables import TABLES, Table
from data.store import engine
from data.store.engine import is_postgres


def default_db_path() -> Path | str:
    """The database the commands use: $PARKBENCH_DB, else build/parkbench.sqlite.

    A ``postgresql://`` URL stays a string; anything else is a SQLite file path.
    """
    target = os.environ.get("PARKBENCH_DB", "build/parkbench.sqlite")
    return target if is_postgres(target) else Path(target)


#: how a source kind ranks when two sources of the same date disagree (higher wins)
KIND_PRIORITY = {"curated": 3, "reference": 3, "import": 2, "scrape": 1}

#: entity tables whose rows are resolved from facts
ENTITY_TABLES = (
    "centers",
    "parks",
    "park_targets",
    "park_tenants",
    "incentives",
    "kpis",
    "industry_figures",
    "city_inputs",
)

#: tables an import writes (their changes are journaled, see :mod:`data.store.batches`)
JOURNALED = ("sources", "facts", "import_rejects", "source_files", *ENTITY_TABLES)

_ID_PREFIX = {
    "centers": "ctr",
    "parks": "prk",
    "park_targets": "tgt",
    "park_tenants": "ten",
    "incentives": "inc",
    "kpis": "kpi",
    "industry_figures": "ind",
}


def utc_now() -> str:
    """Current UTC time as ISO 8601 with seconds (the store's timestamp format)."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def stable_id(prefix: str, *parts: object) -> str:
    """A short, stable id from the parts (same parts, same id, on every machine)."""
    digest = hashlib.sha1("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return f"{prefix}_{digest.hexdigest()[:16]}"


def entity_id(table: str, *key_parts: object) -> str:
    """The id of an entity of ``table`` from its matching key."""
    return stable_id(_ID_PREFIX.get(table, table[:3]), *key_parts)


# -- opening and schema ---------------------------------------------------------------------

#: how long a writer waits for another writer (ms); override with PARKBENCH_BUSY_TIMEOUT_MS
DEFAULT_BUSY_TIMEOUT_MS = 120_000


def busy_timeout_ms() -> int:
    """The busy timeout of writable connections, from $PARKBENCH_BUSY_TIMEOUT_MS."""
    text = os.environ.get("PARKBENCH_BUSY_TIMEOUT_MS")
    try:
        return max(0, int(text)) if text else DEFAULT_BUSY_TIMEOUT_MS
    except ValueError as exc:
        raise StoreError(f"PARKBENCH_BUSY_TIMEOUT_MS={text!r} is not a whole number") from exc


class Store(sqlite_utils.Database):
    """A writable store whose transactions take the write lock first (``BEGIN IMMEDIATE``).

    A second writer then waits its turn (busy timeout) instead of failing at its first write.
    """

    @contextlib.contextmanager
    def atomic(self):
        if self.conn.in_transaction:
            with super().atomic():
                yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        else:
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                self.rollback()
                raise


def open_db(
    path: str | Path, *, read_only: bool = False, create: bool = True
) -> sqlite_utils.Database:
    """Open (and unless read-only, create and migrate) the store at ``path``.

    ``path`` is a SQLite file or a ``postgresql://`` URL. Read-only connections use SQLite's
    ``mode=ro`` URI (PostgreSQL: read-only transactions) so a public page can never write.
    """
    if is_postgres(path):
        db = engine.open_postgres(str(path), read_only=read_only)
        if not read_only:
            ensure_schema(db)
        return db
    path = Path(path)
    if read_only:
        if not path.exists():
            raise StoreError(f"database {path} does not exist; run `parkbench build` first")
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        return sqlite_utils.Database(conn)
    if not path.exists() and not create:
        raise StoreError(f"database {path} does not exist; run `parkbench build` first")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        db = Store(path)
        db.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
        db.enable_wal()
        _tune(db)
        db.conn.isolation_level = "IMMEDIATE"  # implicit transactions take the lock first too
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path} is not a ParkBench database: {exc}") from exc
    ensure_schema(db)
    return db


def _tune(db: sqlite_utils.Database) -> None:
    # a 64 MB page cache keeps the random-order id indexes of large imports in memory;
    # synchronous=FULL: with WAL, NORMAL can lose the last commits on a power cut; an import
    # that reported success must survive one (one extra fsync per commit)
    db.execute("PRAGMA cache_size = -65536")
    db.execute("PRAGMA synchronous = FULL")


def memory_db() -> sqlite_utils.Database:
    """An in-memory store with the full schema (tests and previews)."""
    db = sqlite_utils.Database(memory=True)
    ensure_schema(db)
    return db


def create_table(db: sqlite_utils.Database, table: Table) -> None:
    """Create ``table`` from its declaration if it does not exist; add missing columns."""
    if engine.is_pg(db):
        engine.pg_create_table(db, table)
        return
    columns = engine.sqlite_columns(table)
    t = db[table.name]
    if not t.exists():
        t.create(columns, pk=table.pk, not_null={c.name for c in table.columns if c.required})
    else:
        present = set(t.columns_dict)
        for name, typ in columns.items():
            if name not in present:
                t.add_column(name, typ)


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create every declared table, the indexes, full-text search and provenance views."""
    _load_schema_modules()
    if engine.is_pg(db) and engine.pg_schema_current(db, TABLES.values()):
        return  # nothing to create: no DDL lock taken beside running writers
    with db.atomic():
        engine.prepare_schema(db)
        for table in TABLES.values():
            create_table(db, table)
        db["facts"].create_index(["entity_table", "entity_id"], if_not_exists=True)
        db["import_rejects"].create_index(["source_id"], if_not_exists=True)
        for name in ("park_targets", "park_tenants", "incentives"):
            db[name].create_index(["park_id"], if_not_exists=True)
        db["kpis"].create_index(["center_id"], if_not_exists=True)
        for name in ("centers", "parks"):
            db[name].create_index(["name_key"], if_not_exists=True)
            db[name].create_index(["city_adcode"], if_not_exists=True)
        engine.create_views(db)
        if engine.is_pg(db):  # DDL is transactional there
            for table in TABLES.values():
                engine.create_search(db, table)
            engine.pg_install_journal(db, JOURNALED)
    if not engine.is_pg(db):  # enable_fts commits: outside the transaction
        for table in TABLES.values():
            engine.create_search(db, table)


def _load_schema_modules() -> None:
    """Register every table of the schema (the list is explicit in :mod:`data.schema`)."""
    import data.schema  # noqa: F401  (importing the package registers all its tables)


# -- sources ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceInfo:
    """What we know of a source document, file or page."""

    kind: str  # curated | import | scrape | reference
    url: str  # file name or URL
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    retrieved_at: str | None = None
    sha256: str | None = None
    extractor: str | None = None
    extractor_version: str | None = None
    licence: str | None = None

    @property
    def id(self) -> str:
        """Same content (or, without a hash, same address) gives the same source id."""
        return stable_id("src", self.kind, self.sha256 or self.url)


def add_source(db: sqlite_utils.Database, source: SourceInfo) -> str:
    """Insert the source if new and return its id (re-adding the same source changes nothing)."""
    sid = source.id
    if db["sources"].count_where("id = ?", [sid]) == 0:
        row = {k: getattr(source, k) for k in SourceInfo.__dataclass_fields__}
        row["retrieved_at"] = row["retrieved_at"] or utc_now()
        db["sources"].insert({"id": sid, **row}, pk="id", ignore=True)  # a writer beside us
    return sid


# -- writing records -------------------------------------------------------------------------


@dataclass
class Record:
    """One validated record ready for the store: the entity id, its values and their evidence."""

    table: str
    id: str
    values: dict
    evidence: dict = field(default_factory=dict)
    locator: str | None = None


@dataclass
class WriteResult:
    """What a write did: ids inserted, ids whose resolved row changed, ids left as they were."""

    inserted: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        return {k: len(getattr(self, k)) for k in ("inserted", "updated", "unchanged")}


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _cell(value: object) -> object:
    """A value as SQLite stores it: lists and dicts (json columns) as JSON text."""
    return _json(value) if isinstance(value, list | dict) else value


@functools.cache
def _row_plan(table: Table) -> tuple[list[str], int, list[int]]:
    cols = table.column_names
    json_at = [i for i, c in enumerate(table.all_columns()) if c.type == "json"]
    return cols, cols.index(table.pk), json_at


def _row_tuple(table: Table, record: Record) -> tuple:
    """The record as a row of ``table`` (column order), JSON columns encoded."""
    cols, pk_at, json_at = _row_plan(table)
    row = list(map(record.values.get, cols))
    row[pk_at] = record.id
    for i in json_at:
        if isinstance(row[i], list | dict):
            row[i] = _json(row[i])
    return tuple(row)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def write_records(
    db: sqlite_utils.Database, records: Sequence[Record], source_id: str
) -> WriteResult:
    """Write records of one source: facts first, then the resolved entity rows.

    Must run inside the caller's transaction (``with db.atomic():``) or it opens its own.
    Writing the same records from the same source again changes nothing.
    """
    result = WriteResult()
    by_table: dict[str, list[Record]] = {}
    for r in records:
        by_table.setdefault(r.table, []).append(r)
    with db.atomic():
        now = utc_now()
        found = db.execute(
            "SELECT extractor_version FROM sources WHERE id = ?", [source_id]
        ).fetchone()
        version = found[0] if found else None
        for table_name, recs in by_table.items():
            table = TABLES[table_name]
            known = set(table.column_names)
            conn = db.conn
            engine.lock_entities(db, table_name, (r.id for r in recs))
            fact_rows = []
            for r in recs:
                unknown = set(r.values) - known
                if unknown:
                    raise StoreError(f"{table_name} has no column(s) {sorted(unknown)}")
                fact_rows.append(
                    (
                        stable_id("fct", table_name, r.id, source_id, r.locator),
                        table_name,
                        r.id,
                        source_id,
                        _json(r.values),
                        _json(r.evidence),
                        r.locator,
                        version,
                        now,
                    )
                )
            before = conn.total_changes
            conn.executemany(
                "INSERT OR IGNORE INTO facts (id, entity_table, entity_id, source_id, values_json,"
                " evidence_json, locator, extractor_version, recorded_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                fact_rows,
            )
            new_facts = conn.total_changes - before
            ids = list(dict.fromkeys(r.id for r in recs))
            existing = _existing_ids(db, table_name, ids)
            counts: dict[str, int] = {}
            for r in recs:
                counts[r.id] = counts.get(r.id, 0) + 1
            fresh = [r for r in recs if r.id not in existing and counts[r.id] == 1]
            if fresh and new_facts:
                cols = table.column_names
                sql = (
                    f"INSERT INTO {_quote(table_name)} ({', '.join(_quote(c) for c in cols)})"
                    f" VALUES ({', '.join('?' for _ in cols)})"
                )
                conn.executemany(sql, (_row_tuple(table, r) for r in fresh))
                result.inserted.extend(r.id for r in fresh)
            elif fresh:  # facts existed already (rows deleted by hand?): resolve them again
                existing |= {r.id for r in fresh}
            to_resolve = [i for i in ids if i in existing or counts[i] > 1]
            for eid, changed, was_new in resolve(db, table, to_resolve):
                (
                    result.inserted if was_new else result.updated if changed else result.unchanged
                ).append(eid)
    return result


def _existing_ids(db: sqlite_utils.Database, table: str, ids: list[str]) -> set[str]:
    found: set[str] = set()
    for i in range(0, len(ids), 900):
        chunk = ids[i : i + 900]
        rows = db.execute(
            f"SELECT id FROM {_quote(table)} WHERE id IN ({', '.join('?' for _ in chunk)})", chunk
        ).fetchall()
        found.update(r[0] for r in rows)
    return found


def _base_field(table: Table, name: str) -> str:
    for suffix in ("_bound", "_high"):
        if name.endswith(suffix):
            base = name[: -len(suffix)]
            if any(c.name == base and c.quantity for c in table.columns):
                return base
    return name


def resolve(db: sqlite_utils.Database, table: Table, ids: Iterable[str]):
    """Recompute the resolved rows of ``ids`` from their facts; yield (id, changed, was_new)."""
    ids = list(ids)
    if not ids:
        return
    cols = table.column_names
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ", ".join("?" for _ in chunk)
        facts = db.execute(
            f"""SELECT f.entity_id, f.values_json, f.source_id, s.kind,
                       COALESCE(s.published, ''), COALESCE(s.retrieved_at, '')
                FROM facts f LEFT JOIN sources s ON s.id = f.source_id
                WHERE f.entity_table = ? AND f.entity_id IN ({marks})""",
            [table.name, *chunk],
        ).fetchall()
        by_id: dict[str, list] = {}
        for eid, values_json, sid, kind, published, retrieved in facts:
            rank = (published or retrieved[:10], KIND_PRIORITY.get(kind or "", 0), _neg(sid))
            by_id.setdefault(eid, []).append((rank, json.loads(values_json)))
        current = {
            row["id"]: row
            for row in db.query(f"SELECT * FROM {_quote(table.name)} WHERE id IN ({marks})", chunk)
        }
        for eid in chunk:
            cands = sorted(by_id.get(eid, []), key=lambda c: c[0], reverse=True)
            resolved: dict[str, object] = {"id": eid}
            chosen: dict[str, dict] = {}
            for _, values in cands:
                for name in values:
                    base = _base_field(table, name)
                    if base not in chosen and values.get(base) is not None:
                        chosen[base] = values
            for base, values in chosen.items():
                for name in (base, f"{base}_bound", f"{base}_high"):
                    if name in values:
                        resolved[name] = values[name]
            row = {c: _cell(resolved.get(c)) for c in cols}
            old = current.get(eid)
            if old is None:
                db[table.name].insert(row, pk="id")
                yield eid, True, True
            elif any(old.get(c) != row[c] for c in cols):
                db[table.name].update(eid, row)
                yield eid, True, False
            else:
                yield eid, False, False


def _neg(source_id: str) -> tuple:
    # smaller source id wins ties: invert the ordering for a descending sort
    return tuple(-ord(ch) for ch in source_id)


# -- rejects -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reject:
    """A rejected row or field: where it was, what it said and which rule it broke."""

    file: str
    row: int | None
    column: str | None
    value: object
    rule: str
    reason: str
    row_json: dict | None = None
    locator: str | None = None


def write_rejects(db: sqlite_utils.Database, rejects: Iterable[Reject], source_id: str) -> int:
    """Record rejects of a source (idempotent: the same reject is kept once). Returns new count."""
    rows = []
    now = utc_now()
    for r in rejects:
        value = None if r.value is None else str(r.value)
        rid = stable_id("rej", source_id, r.row, r.locator, r.column, r.rule, value)
        rows.append(
            (
                rid,
                r.file,
                source_id,
                r.row,
                r.locator,
                r.column,
                value,
                r.rule,
                r.reason,
                None if r.row_json is None else _json(r.row_json),
                now,
            )
        )
    before = db.conn.total_changes
    with db.atomic():
        db.conn.executemany(
            'INSERT OR IGNORE INTO import_rejects (id, file, source_id, "row", locator, "column",'
            " value, rule, reason, row_json, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    return db.conn.total_changes - before


# -- reading helpers ------------------------------------------------------------------------------


def sources_for(
    db: sqlite_utils.Database, table: str, entity_id: str, field_name: str
) -> list[dict]:
    """Every source that stated ``field_name`` of an entity, with value and evidence."""
    return list(
        db.query(
            "SELECT value, evidence, locator, source_id, source_kind, source_title, source_url,"
            " source_published, retrieved_at FROM field_facts"
            " WHERE entity_table = ? AND entity_id = ? AND field = ?"
            " ORDER BY source_published DESC NULLS LAST",
            [table, entity_id, field_name],
        )
    )


def search(db: sqlite_utils.Database, table: str, text: str, limit: int = 50) -> list[dict]:
    """Full-text search over a table's names: trigram FTS for 3+ characters, LIKE below that."""
    spec = TABLES[table]
    text = text.strip()
    if not text:
        return []
    if len(text) >= 3 and engine.has_search(db, spec):
        return engine.search_rows(db, spec, text, limit)
    like = engine.like(db)
    where = " OR ".join(f"{_quote(c)} {like} ?" for c in spec.fts)
    return list(
        db.query(
            f"SELECT * FROM {_quote(table)} WHERE {where} LIMIT ?",
            [*([f"%{text}%"] * len(spec.fts)), limit],
        )
    )
