"""Publish a release: the published rows of the store as a versioned data package.

``parkbench export`` writes a release folder (CSV, XLSX, Parquet, GeoJSON, SQLite, the
Frictionless descriptor, a changelog against the previous release); the Data page offers the
same published rows as one SQLite file. Both read the store through ``data.release``.
"""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from data.release.package import (
    ReleaseManifest,
    export_release,
    release_sqlite_bytes,
    verify_release,
)


def publish_release(
    db: sqlite_utils.Database,
    out_dir: str | Path,
    formats: str | list[str] | tuple[str, ...] | None = None,
    *,
    version: str | None = None,
    compare_dir: str | Path | None = None,
) -> ReleaseManifest:
    """Write a release of the published data into ``out_dir`` (new or empty); with
    ``compare_dir``, the version is bumped from the previous release and a changelog written."""
    return export_release(db, out_dir, formats, version=version, compare_dir=compare_dir)


#: check a written release against its manifest and checksums (``parkbench api --release``)
verify = verify_release


def release_database(db: sqlite_utils.Database) -> bytes:
    """The published release as one SQLite file: published tables and rows only (no rejects,
    review queue, crawl log, archived files, test or generated sources)."""
    return release_sqlite_bytes(db)
