"""A release SQLite baked for the read API, cached per data version of the working store.

The read API (``parkbench api``, ``/api/`` of the portal) never opens the working database:
it serves the file ``parkbench export`` writes as ``sqlite/parkbench.sqlite`` (same rows,
:func:`data.release.collect.collect_release`; same writer, :func:`data.release.formats.write_sqlite`),
so rejects, the review queue, the crawl log, archived source files and test or generated
sources are never reachable. :func:`bake_release` writes it once per data version into
``CACHE/<version>/parkbench.sqlite`` and adds trigram full-text indexes on the searchable
names (``centers``, ``parks``, ``cities``) so an API user can search them with 3+ characters;
the release file itself stays as exported.

The data version (:func:`data_version`) is a short hash of the size and modification time
of the database file and its write-ahead log: it changes with every write, so an import or a
rebuild is served on the next API request, and it is equal across processes, so replicas
that share one built database and one cache folder bake it once.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

import sqlite_utils

from data.errors import StoreError
from data.release import formats as rf
from data.release.collect import collect_release
from data.schema.tables import TABLES
from data.store.database import _load_schema_modules, open_db
from data.store.engine import data_version as engine_data_version
from data.store.engine import is_postgres, redact

#: name of the baked file; Datasette names the database after its stem (``/api/parkbench``)
API_DB_NAME = rf.SQLITE_NAME
#: baked versions kept in a cache folder (the newest ones; older folders are removed)
KEEP_VERSIONS = 3


def data_version(db_path: str | Path) -> str:
    """A 16-hex-digit key that changes whenever the database (or its WAL) is written."""
    if is_postgres(db_path):  # the server's WAL position (data.store.engine.data_version)
        key = f"{redact(str(db_path))}:{engine_data_version(db_path)}"
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
    path = Path(db_path)
    if not path.is_file():
        raise StoreError(f"database {path} does not exist; run `parkbench build --db {path}`")
    h = hashlib.sha256(str(path.resolve()).encode("utf-8"))
    for p in (path, Path(f"{path}-wal")):
        st = p.stat() if p.exists() else None
        if st is not None and st.st_size:  # an empty WAL (a reader opened it) holds no data
            h.update(f"{p.name}:{st.st_size}:{st.st_mtime_ns};".encode())
    return h.hexdigest()[:16]


def default_cache_dir(db_path: str | Path) -> Path:
    """``$PARKBENCH_API_CACHE``, else the folder ``api`` beside the database."""
    env = os.environ.get("PARKBENCH_API_CACHE")
    if env:
        return Path(env)
    if is_postgres(db_path):
        return Path("build") / "api"  # beside the default database
    return Path(db_path).resolve().parent / "api"


def add_search_indexes(path: Path) -> list[str]:
    """Trigram FTS5 indexes on the declared searchable columns of the tables in ``path``."""
    _load_schema_modules()
    db = sqlite_utils.Database(path)
    done = []
    try:
        for name in db.table_names():
            spec = TABLES.get(name)
            if spec is None or not spec.fts or name.endswith("_fts"):
                continue
            db[name].enable_fts(list(spec.fts), tokenize="trigram")
            done.append(name)
    finally:
        db.conn.close()
    return done


def write_api_sqlite(db: sqlite_utils.Database, path: Path) -> None:
    """The release SQLite of ``db`` (export's rows and writer) plus search indexes, at ``path``."""
    data = collect_release(db)
    rf.write_sqlite(data.tables, data.rows, path)
    add_search_indexes(path)


def bake_release(db_path: str | Path, cache_dir: str | Path | None = None) -> Path:
    """The baked release of the store at ``db_path`` for its current data version.

    Returns ``CACHE/<version>/parkbench.sqlite``, writing it first when absent (into a
    temporary folder moved into place, so a reader never sees half a file). Older versions
    beyond :data:`KEEP_VERSIONS` are removed.
    """
    version = data_version(db_path)
    cache = Path(cache_dir) if cache_dir is not None else default_cache_dir(db_path)
    target = cache / version / API_DB_NAME
    if target.is_file():
        return target
    try:
        cache.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{version}-", dir=cache))
    except OSError as exc:
        raise StoreError(
            f"cannot write the API cache {cache}: {exc}; set PARKBENCH_API_CACHE"
        ) from exc
    try:
        db = open_db(db_path, read_only=True)
        try:
            write_api_sqlite(db, tmp / API_DB_NAME)
        finally:
            db.conn.close()
        try:
            tmp.rename(cache / version)
        except OSError:
            if not target.is_file():  # not another process baking the same version
                raise
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{db_path} is not a ParkBench database: {exc}") from exc
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    _prune(cache, keep=version)
    return target


def _prune(cache: Path, keep: str) -> None:
    versions = [
        p for p in cache.iterdir() if p.is_dir() and not p.name.startswith(".") and p.name != keep
    ]
    versions.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    for old in versions[KEEP_VERSIONS - 1 :]:
        shutil.rmtree(old, ignore_errors=True)
