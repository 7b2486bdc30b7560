"""Writers wait their turn: two imports in two processes while a third writer holds the lock."""

from __future__ import annotations

import csv
import os
import sqlite3
import subprocess
import sys
import time

from data.store.database import open_db
from tests.conftest import REPO


def _centers(path, prefix: str, n: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["name", "city", "seats"])
        for i in range(n):
            w.writerow([f"{prefix}中心{i}", "合肥", 100 + i])


def test_two_concurrent_imports_both_succeed(tmp_path):
    db_path = tmp_path / "parkbench.sqlite"
    open_db(db_path).conn.close()
    files = [tmp_path / "a.csv", tmp_path / "b.csv"]
    _centers(files[0], "甲", 2000)
    _centers(files[1], "乙", 2000)

    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # a third writer holds the lock while both imports start
    holder.execute("CREATE TABLE hold_probe (x)")
    env = {**os.environ, "PARKBENCH_BUSY_TIMEOUT_MS": "60000"}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "portal.cli", "import", str(f), "--db", str(db_path)],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for f in files
    ]
    time.sleep(3)  # both have read the store and want to write
    holder.execute("COMMIT")
    holder.close()
    results = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    db = open_db(db_path, read_only=True)
    assert db["centers"].count == 4000
    assert {r["url"] for r in db["sources"].rows} == {"a.csv", "b.csv"}


def test_writable_store_is_durable_and_waits():
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        db = open_db(Path(tmp) / "x.sqlite")
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 60_000
        db.conn.close()
