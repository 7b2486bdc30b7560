"""usecases.release and usecases.search on a small published store."""

from __future__ import annotations

from tests.release_db import make_db
from usecases.release import publish_release, release_database
from usecases.search import search


def test_release_and_search(tmp_path, stores):
    db = make_db(stores.target())  # on SQLite and on PostgreSQL
    manifest = publish_release(db, tmp_path / "out", "csv")
    assert tuple(manifest.formats) == ("csv",) and manifest.rows
    assert release_database(db)[:15] == b"SQLite format 3"
    name = next(iter(db.query("select name from centers limit 1")))["name"]
    hits = search(db, name[:2])
    assert "centers" in hits and name in set(hits["centers"]["name"])
    assert search(db, "  ") == {}
    db.conn.close()
