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
"""

from __future__ import annotations

import json
import random
import sqlite3
import tempfile
import time
from pathlib import Path

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
    ]
