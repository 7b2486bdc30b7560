"""Store import throughput: 100,000 generated center rows, store versus raw sqlite3.

Three measurements in the same run, each into a fresh file in WAL mode, one transaction each:
- raw, bare table: ``executemany`` of the 100,000 center rows into a ``centers`` table without
  indexes, full-text search or provenance (the floor);
- raw, same schema: ``executemany`` of exactly the rows the store writes (the center rows and one
  provenance row each) into the ParkBench schema, with its indexes and full-text triggers;
- store: ``data.store.database.write_records`` (keys, JSON provenance, existence checks, resolution).
The target of the foundation issue (store >= half the raw rate) is read against the raw run
into the same schema; the bare-table run shows what indexes and full-text search cost.
Also the whole validation path (``data.ingest.pipeline.prepare``: normalise + validate + key) per row.

Engines side by side (stores from ``data.store.fixtures.StoreFactory``): the import rate of one
file through ``parkbench import``'s path, and the throughput of 4 importer processes writing one
store at once (overlapping files), on PostgreSQL (a throw-away server started with
``tests/pg_support.py``) with SQLite as the peer. Without PostgreSQL's binaries those rows say why.
"""

from __future__ import annotations

import json
import random
import sqlite3
import tempfile
import time
from pathlib import Path

from data.imports.importer import import_file
from data.ingest.pipeline import RawRow, prepare
from data.schema.tables import TABLES
from data.store.database import (
    Record,
    SourceInfo,
    add_source,
    entity_id,
    memory_db,
    open_db,
    write_records,
)

N = 100_000
#: rows of the one-file import, and of each of the 4 concurrent importers' files
IMPORT_ROWS = 20_000
CONCURRENT_SHARED, CONCURRENT_OWN = 1_500, 400
CITIES = ["北京", "上海", "杭州", "成都", "大连", "西安", "合肥", "武汉", "长沙", "南京"]
INDUSTRIES = ["电信", "金融", "保险", "电子商务", "政府", "制造"]


def generated_rows(n: int, seed: int = 7) -> list[dict]:
    rnd = random.Random(seed)
    return [
        {
            "name": f"测试呼叫中心{i:06d}",
            "name_key": f"测试呼叫中心{i:06d}",
            "city": rnd.choice(CITIES),
            "industry": rnd.choice(INDUSTRIES),
            "seats": rnd.randint(20, 3000),
            "staff": rnd.randint(30, 5000),
            "founded_year": rnd.randint(1995, 2024),
            "hours_per_day": rnd.choice([8.0, 12.0, 24.0]),
            "days_per_week": rnd.choice([5.0, 6.0, 7.0]),
            "answer_rate": round(rnd.uniform(0.7, 0.99), 3),
            "aht_seconds": rnd.randint(120, 600),
        }
        for i in range(n)
    ]


def _ids(rows: list[dict]) -> list[str]:
    return [entity_id("centers", r["name_key"], r["city"]) for r in rows]


def _raw_bare(path: Path, rows: list[dict]) -> float:
    cols = TABLES["centers"].column_names
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute(f"CREATE TABLE centers ({', '.join(cols)})")
    start = time.perf_counter()
    with conn:
        conn.executemany(
            f"INSERT INTO centers ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
            [tuple(r.get(c) if c != "id" else f"c{i}" for c in cols) for i, r in enumerate(rows)],
        )
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def _raw_same_schema(path: Path, rows: list[dict]) -> float:
    open_db(path).conn.close()
    cols = TABLES["centers"].column_names
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA cache_size = -65536")
    conn.execute("PRAGMA synchronous = NORMAL")
    ids = _ids(rows)
    start = time.perf_counter()
    with conn:
        conn.executemany(
            "INSERT INTO facts (id, entity_table, entity_id, source_id, values_json, evidence_json,"
            " locator) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (f"f{i}", "centers", eid, "s", json.dumps(r, ensure_ascii=False), "{}", f"row {i}")
                for i, (eid, r) in enumerate(zip(ids, rows, strict=True))
            ],
        )
        conn.executemany(
            f"INSERT INTO centers ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
            [
                tuple(r.get(c) if c != "id" else eid for c in cols)
                for eid, r in zip(ids, rows, strict=True)
            ],
        )
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def _store(path: Path, rows: list[dict]) -> float:
    db = open_db(path)
    records = [
        Record("centers", eid, r, {}, f"row {i + 2}")
        for i, (eid, r) in enumerate(zip(_ids(rows), rows, strict=True))
    ]
    start = time.perf_counter()
    with db.atomic():
        sid = add_source(db, SourceInfo(kind="import", url="bench.csv", sha256="bench"))
        write_records(db, records, sid)
    elapsed = time.perf_counter() - start
    db.conn.close()
    return elapsed


def _import_rate(factory) -> float:
    """Rows per second of one file of IMPORT_ROWS centers imported into an empty store."""
    from data.store.fixtures import write_import_files

    (path,) = write_import_files(
        factory.directory / f"one-{factory.engine}", n_files=1, shared=0, own=IMPORT_ROWS
    )
    db = factory.on_disk()
    start = time.perf_counter()
    import_file(db, path)
    elapsed = time.perf_counter() - start
    db.conn.close()
    return (IMPORT_ROWS + 1) / elapsed


def _concurrent_rate(factory) -> float:
    """Rows per second of 4 importer processes writing one store at once."""
    from data.store.fixtures import import_concurrently, write_import_files

    files = write_import_files(
        factory.directory / f"four-{factory.engine}",
        n_files=4,
        shared=CONCURRENT_SHARED,
        own=CONCURRENT_OWN,
    )
    target = factory.target()
    open_db(target).conn.close()
    start = time.perf_counter()
    done = import_concurrently(target, files)
    elapsed = time.perf_counter() - start
    failed = [p.stderr.strip() for p in done if p.returncode != 0]
    if failed:
        raise RuntimeError(f"a concurrent importer failed: {failed[0]}")
    return 4 * (CONCURRENT_SHARED + CONCURRENT_OWN + 1) / elapsed


def engine_rows() -> list[dict]:
    """Import rate and 4-writer throughput: PostgreSQL, with SQLite as the peer."""
    from data.store.fixtures import StoreFactory

    cases = (
        (f"import one file of {IMPORT_ROWS:,} centers", _import_rate, "in process"),
        (
            f"4 importer processes at once ({CONCURRENT_SHARED + CONCURRENT_OWN:,} rows each,"
            f" {CONCURRENT_SHARED:,} shared)",
            _concurrent_rate,
            "wall time incl. 4 process starts; noisy on 2 shared cores",
        ),
    )
    with tempfile.TemporaryDirectory() as tmp:
        sqlite = StoreFactory("sqlite", Path(tmp))
        figures = {name: measure(sqlite) for name, measure, _ in cases}
        try:
            from tests.pg_support import start_server

            server = start_server()
        except (RuntimeError, ImportError) as exc:
            return [
                {
                    "area": "store engines",
                    "case": name,
                    "figure": None,
                    "unit": "rows/s",
                    "peer": "SQLite, same files",
                    "peer_figure": figures[name],
                    "note": f"PostgreSQL skipped: {exc}",
                }
                for name, _, _ in cases
            ]
        try:
            pg = StoreFactory("postgresql", Path(tmp), server.create_database)
            return [
                {
                    "area": "store engines",
                    "case": f"PostgreSQL: {name}",
                    "figure": measure(pg),
                    "unit": "rows/s",
                    "peer": "SQLite, same files",
                    "peer_figure": figures[name],
                    "note": f"local throw-away server, fsync off; {note}",
                }
                for name, measure, note in cases
            ]
        finally:
            server.stop()


def run() -> list[dict]:
    rows = generated_rows(N)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        raw = _raw_bare(tmp / "raw.sqlite", rows)
        raw_same = _raw_same_schema(tmp / "raw_same.sqlite", rows)
        store = _store(tmp / "store.sqlite", rows)
    raw_rows = [
        RawRow(
            f"row {i}",
            {
                "name": r["name"],
                "city": r["city"],
                "seats": f"{r['seats']}个",
                "founded": f"{r['founded_year']}年",
                "answer_rate": f"{r['answer_rate'] * 100:.1f}%",
            },
        )
        for i, r in enumerate(rows[:20_000])
    ]
    db = memory_db()
    start = time.perf_counter()
    prepare(db, "centers", raw_rows)
    check = time.perf_counter() - start
    return [
        {
            "area": "store",
            "case": f"write {N:,} centers",
            "figure": N / store,
            "unit": "rows/s",
            "peer": "raw executemany, same rows, same schema",
            "peer_figure": N / raw_same,
            "note": "target: at least 0.5x",
        },
        {
            "area": "store",
            "case": f"write {N:,} centers",
            "figure": N / store,
            "unit": "rows/s",
            "peer": "raw executemany, bare table, no provenance",
            "peer_figure": N / raw,
            "note": "cost of indexes, FTS, provenance",
        },
        {
            "area": "store",
            "case": "normalise + validate + key (20,000 rows)",
            "figure": len(raw_rows) / check,
            "unit": "rows/s",
            "peer": None,
            "peer_figure": None,
            "note": "data.ingest.pipeline.prepare",
        },
        *engine_rows(),
    ]
