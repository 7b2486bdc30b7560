"""One store write at a time across crawl workers sharing a SQLite file.

A deferred SQLite transaction that reads before it writes fails at once with "database is
locked" when another process holds the write lock, whatever the busy timeout; ``BEGIN
IMMEDIATE`` takes the lock first and waits for it. Crawl workers wrap each page's store write in
:func:`immediate_transaction`; the writes inside (``db.atomic()``) nest as savepoints.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import sqlite_utils

from data.store.engine import is_pg


@contextmanager
def immediate_transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """Run the block in one ``BEGIN IMMEDIATE`` transaction (committed, or rolled back).

    On a PostgreSQL store, one plain transaction (writers lock the entities they write).
    """
    if db.conn.in_transaction:  # already inside the caller's transaction
        yield db
        return
    if is_pg(db):
        with db.atomic():
            yield db
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.conn.rollback()
        raise
    db.conn.commit()
