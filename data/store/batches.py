"""Import batches: record exactly what an import wrote, and undo it.

:func:`recording` wraps the writes of one import (inside its transaction). For that time,
temporary triggers on every table an import writes journal each change in ``batch_changes``:
the rowid of each inserted row, and the exact old content of each row updated or deleted
(floats by their shortest exact repr, bytes in base64). :func:`undo_batch` replays the journal
backwards in one transaction: inserted rows are deleted, changed rows get their old content
back (the full-text indexes follow through their own triggers), so the store returns to what
it was before the import, provenance included: the batch's source, facts, rejects and archived
file go, and every resolved value the import had changed comes back.

A batch cannot be undone while a later active batch changed one of the same rows (undo that
one first), nor twice. Writes outside imports (``parkbench build``, crawls, review decisions)
are not journaled.
"""

from __future__ import annotations

import base64
import contextlib
import json
import secrets
from dataclasses import dataclass

import sqlite_utils

from data.errors import StoreError
from data.store import engine
from data.store.database import JOURNALED, utc_now

__all__ = ["JOURNALED", "list_batches", "record_batch", "recording", "undo_batch"]


def new_batch_id() -> str:
    """A fresh batch id, e.g. ``b20240501T101500-3fa2c1``: time first, so ids sort by age."""
    return (
        "b" + utc_now().replace("-", "").replace(":", "").rstrip("Z") + "-" + secrets.token_hex(3)
    )


def _encode(*values: object) -> str:
    out = []
    for v in values:
        if isinstance(v, bytes):
            out.append({"b64": base64.b64encode(v).decode("ascii")})
        elif isinstance(v, float):
            out.append({"f": repr(v)})  # exact, and never confused with an integer
        else:
            out.append(v)
    return json.dumps(out, ensure_ascii=False)


def _decode(text: str) -> list:
    out = []
    for v in json.loads(text):
        if isinstance(v, dict) and "b64" in v:
            out.append(base64.b64decode(v["b64"]))
        elif isinstance(v, dict) and "f" in v:
            out.append(float(v["f"]))
        else:
            out.append(v)
    return out


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _columns(db: sqlite_utils.Database, table: str) -> list[str]:
    return [r[1] for r in db.execute(f"PRAGMA main.table_info({_q(table)})").fetchall()]


@contextlib.contextmanager
def recording(db: sqlite_utils.Database, batch_id: str):
    """Journal every change to :data:`JOURNALED` tables under ``batch_id`` (in a transaction)."""
    if not db.conn.in_transaction:
        raise StoreError("a batch is recorded inside the import's transaction")
    if engine.is_pg(db):  # permanent triggers, switched on for this transaction
        with engine.pg_recording(db, batch_id):
            yield
        return
    db.conn.create_function("parkbench_row_image", -1, _encode, deterministic=True)
    names = [t for t in JOURNALED if db[t].exists()]
    db.execute("PRAGMA recursive_triggers = ON")  # INSERT OR REPLACE deletes are journaled too
    created = []
    try:
        for table in names:
            cols = ", ".join(f"OLD.{_q(c)}" for c in _columns(db, table))
            lit = table.replace("'", "''")
            bid = batch_id.replace("'", "''")
            log = "INSERT INTO batch_changes (batch_id, tbl, op, row_rowid, old_json) VALUES"
            triggers = {
                "ins": f"AFTER INSERT ON main.{_q(table)} BEGIN {log} "
                f"('{bid}', '{lit}', 'insert', NEW.rowid, NULL); END",
                "upd": f"BEFORE UPDATE ON main.{_q(table)} BEGIN {log} "
                f"('{bid}', '{lit}', 'update', OLD.rowid, parkbench_row_image({cols})); END",
                "del": f"BEFORE DELETE ON main.{_q(table)} BEGIN {log} "
                f"('{bid}', '{lit}', 'delete', OLD.rowid, parkbench_row_image({cols})); END",
            }
            for suffix, body in triggers.items():
                name = f"parkbench_batch_{table}_{suffix}"
                db.execute(f"CREATE TEMP TRIGGER {_q(name)} {body}")
                created.append(name)
        yield
    finally:
        for name in created:
            db.execute(f"DROP TRIGGER IF EXISTS temp.{_q(name)}")
        db.execute("PRAGMA recursive_triggers = OFF")


def record_batch(db: sqlite_utils.Database, batch_id: str, **fields: object) -> str | None:
    """Write the ``import_batches`` row of a recorded batch; return its id.

    A batch that changed nothing (the same file imported again) is not kept, so importing
    twice leaves the store byte-identical; its id is then None.
    """
    changes = db.execute(
        "SELECT COUNT(*) FROM batch_changes WHERE batch_id = ?", [batch_id]
    ).fetchone()[0]
    if changes == 0:
        return None
    db["import_batches"].insert(
        {
            "id": batch_id,
            **fields,
            "changes": changes,
            "status": "active",
            "created_at": utc_now(),
        },
        pk="id",
    )
    return batch_id


@dataclass
class UndoResult:
    """What an undo did: rows deleted (added by the batch) and rows restored (it changed)."""

    batch_id: str
    deleted: int
    restored: int

    def as_dict(self) -> dict:
        return {"batch_id": self.batch_id, "deleted": self.deleted, "restored": self.restored}


def list_batches(db: sqlite_utils.Database, limit: int = 20) -> list[dict]:
    """The most recent batches, newest first."""
    if not db["import_batches"].exists():
        return []
    return list(
        db.query("SELECT * FROM import_batches ORDER BY created_at DESC, id DESC LIMIT ?", [limit])
    )


def undo_batch(db: sqlite_utils.Database, batch_id: str) -> UndoResult:
    """Remove what batch ``batch_id`` added and restore what it changed (one transaction)."""
    with db.atomic():
        found = db.execute("SELECT status FROM import_batches WHERE id = ?", [batch_id]).fetchone()
        if found is None:
            raise StoreError(f"no import batch {batch_id!r} (see the import report for its id)")
        if found[0] != "active":
            raise StoreError(f"import batch {batch_id} was already undone")
        later = db.execute(
            """SELECT DISTINCT later.batch_id FROM batch_changes mine
               JOIN batch_changes later
                 ON later.tbl = mine.tbl AND later.row_rowid = mine.row_rowid
                AND later.seq > mine.seq AND later.batch_id != mine.batch_id
               JOIN import_batches b ON b.id = later.batch_id AND b.status = 'active'
               WHERE mine.batch_id = ?""",
            [batch_id],
        ).fetchall()
        if later:
            names = ", ".join(sorted(r[0] for r in later))
            raise StoreError(
                f"import batch {batch_id} cannot be undone: later batch(es) {names} changed "
                "the same rows; undo those first"
            )
        changes = db.execute(
            "SELECT tbl, op, row_rowid, old_json FROM batch_changes"
            " WHERE batch_id = ? ORDER BY seq DESC",
            [batch_id],
        ).fetchall()
        columns: dict[str, list[str]] = {}
        deleted = restored = 0
        for table, op, rowid, old_json in changes:
            if engine.is_pg(db):
                engine.pg_undo_change(db, table, op, old_json)
                deleted += op == "insert"
                restored += op != "insert"
                continue
            cols = columns.setdefault(table, _columns(db, table))
            if op == "insert":
                db.execute(f"DELETE FROM {_q(table)} WHERE rowid = ?", [rowid])
                deleted += 1
                continue
            values = _decode(old_json)
            if op == "update":
                sets = ", ".join(f"{_q(c)} = ?" for c in cols)
                db.execute(f"UPDATE {_q(table)} SET {sets} WHERE rowid = ?", [*values, rowid])
            else:  # a row the batch deleted comes back with its rowid
                marks = ", ".join("?" for _ in cols)
                db.execute(
                    f"INSERT INTO {_q(table)} (rowid, {', '.join(_q(c) for c in cols)})"
                    f" VALUES (?, {marks})",
                    [rowid, *values],
                )
            restored += 1
        db.execute(
            "UPDATE import_batches SET status = 'undone', undone_at = ? WHERE id = ?",
            [utc_now(), batch_id],
        )
    return UndoResult(batch_id, deleted, restored)
