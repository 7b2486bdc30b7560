"""I/O for the crawl log (``crawl_pages``): has this page changed since the last crawl?"""

from __future__ import annotations

import sqlite_utils

import data.schema.crawl  # noqa: F401  (registers crawl_pages)


def page_unchanged(db: sqlite_utils.Database, url: str, sha256: str) -> bool:
    """True when the last crawl saw ``url`` with the same content hash."""
    if not db["crawl_pages"].exists():
        return False
    row = db.execute("SELECT sha256 FROM crawl_pages WHERE id = ?", [url]).fetchone()
    return row is not None and row[0] == sha256


def record_page(
    db: sqlite_utils.Database,
    *,
    url: str,
    spider: str,
    sha256: str,
    status: int,
    outcome: str,
    records: int,
    retrieved_at: str,
) -> None:
    """Remember a fetched page (upsert by URL, keeping the first time it was seen)."""
    first = db.execute("SELECT first_seen_at FROM crawl_pages WHERE id = ?", [url]).fetchone()
    db["crawl_pages"].upsert(
        {
            "id": url,
            "spider": spider,
            "sha256": sha256,
            "status": status,
            "outcome": outcome,
            "records": records,
            "first_seen_at": first[0] if first else retrieved_at,
            "retrieved_at": retrieved_at,
        },
        pk="id",
    )
