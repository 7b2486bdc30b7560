"""Open the store once, at the edge, and pass the handle down.

``open_store`` checks the file once (a missing store is a :class:`~data.errors.StoreError`
the CLI shows as one line); use cases take the handle it returns.
"""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from data.errors import StoreError
from data.store import engine
from data.store.database import open_db


def open_store(path: str | Path) -> sqlite_utils.Database:
    """The store at ``path`` (a file or a ``postgresql://`` URL), read-only; StoreError when
    there is none."""
    if not engine.target_exists(path):
        shown = engine.redact(str(path)) if engine.is_postgres(path) else path
        raise StoreError(f"no database at {shown}: run `parkbench build --db {shown}` first")
    return open_db(path, read_only=True)


def open_store_or_path(path: str | Path) -> sqlite_utils.Database | str:
    """The store at ``path`` read-only, or the path itself when there is no file there (the
    cost inputs then fall back to the documented defaults, with a note naming the path)."""
    return open_store(path) if engine.target_exists(path) else str(path)
