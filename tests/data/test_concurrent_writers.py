"""Four importer processes writing one store at once give the store a serial run gives, on
SQLite (writers take turns: BEGIN IMMEDIATE) and PostgreSQL (advisory lock per entity)."""

from __future__ import annotations

import json

import pytest

from data.imports.importer import import_file
from data.store.database import open_db
from data.store.fixtures import import_concurrently, store_content, write_import_files

pytestmark = pytest.mark.slow


def test_four_concurrent_importers_equal_the_serial_result(stores, tmp_path):
    files = write_import_files(tmp_path / "files", n_files=4, shared=1500, own=300)
    serial = stores.on_disk()
    for f in files:
        import_file(serial, f)
    expected = store_content(serial)
    assert len(expected["centers"]) == 1500 + 4 * 300
    assert len(expected["import_rejects"]) == 4

    target = stores.target()
    open_db(target).conn.close()
    done = import_concurrently(target, files)
    for p in done:
        assert p.returncode == 0, p.stderr
        assert "lock" not in p.stderr.lower() and "deadlock" not in p.stderr.lower()
        assert json.loads(p.stdout)["accepted"] == 1800
    got = store_content(open_db(target, read_only=True))
    assert got == expected


def test_entity_locks_serialise_resolution_of_one_entity(pg_url):
    """A second writer of the same entity waits for the first to commit (PostgreSQL)."""
    import threading
    import time

    from data.store import engine

    open_db(pg_url).close()
    first, second = engine.open_postgres(pg_url), engine.open_postgres(pg_url)
    waited = {}
    with first.atomic():
        engine.lock_entities(first, "centers", ["ctr_a", "ctr_b"])

        def other():
            start = time.monotonic()
            with second.atomic():
                engine.lock_entities(second, "centers", ["ctr_b"])
            waited["s"] = time.monotonic() - start

        t = threading.Thread(target=other)
        t.start()
        time.sleep(0.5)
        assert "s" not in waited  # still waiting for the first writer
    t.join(10)
    assert waited["s"] >= 0.4


def test_a_large_import_holds_a_bounded_number_of_locks(pg_url):
    """20,000 entities in one transaction: one lock per entity exhausted PostgreSQL's lock
    table ("out of shared memory"); buckets keep it at ENTITY_LOCK_BUCKETS at most."""
    from data.store import engine

    db = engine.open_postgres(pg_url)
    with db.atomic():
        engine.lock_entities(db, "centers", [f"ctr_{i}" for i in range(20_000)])
        held = db.execute(
            "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()"
        ).fetchone()[0]
    assert held == engine.ENTITY_LOCK_BUCKETS
