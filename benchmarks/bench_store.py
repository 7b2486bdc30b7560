"""Store import throughput: 100,000 generated center rows, store versus raw sqlite3.

Three measurements in the same run, each into a fresh file in WAL mode:
- raw: ``executemany`` of the 100,000 center rows into a bare ``centers`` table, one transaction
  (the floor: no provenance at all);
- raw + facts: the same plus one provenance row per record, which is what the store writes;
- store: ``data.store.write_records`` (facts, entity rows, full-text index triggers).
Also the whole validation path (``data.ingest.prepare``: normalise + validate + key) per row.
"""

from __future__ import annotations

import json
import random
import sqlite3
import tempfile
import time
from pathlib import Path

from data.ingest import RawRow, prepare
from data.schema import TABLES
from data.store import Record, SourceInfo, add_source, entity_id, memory_db, open_db, write_records

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


def _raw(path: Path, rows: list[dict], with_facts: bool) -> float:
    cols = TABLES["centers"].column_names
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute(f"CREATE TABLE centers ({', '.join(c + ' ' for c in cols)}, PRIMARY KEY(id))")
    conn.execute("CREATE TABLE facts (id PRIMARY KEY, entity_table, entity_id, source_id, values_json, evidence_json, locator)")
    start = time.perf_counter()
    with conn:
        conn.executemany(
            f"INSERT INTO centers ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
            [tuple(r.get(c) if c != "id" else f"c{i}" for c in cols) for i, r in enumerate(rows)],
        )
        if with_facts:
            conn.executemany(
                "INSERT INTO facts VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(f"f{i}", "centers", f"c{i}", "s", json.dumps(r, ensure_ascii=False), "{}", f"row {i}")
                 for i, r in enumerate(rows)],
            )
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def _store(path: Path, rows: list[dict]) -> float:
    db = open_db(path)
    records = [
        Record("centers", entity_id("centers", r["name_key"], r["city"]), r, {}, f"row {i + 2}")
        for i, r in enumerate(rows)
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
        raw = _raw(tmp / "raw.sqlite", rows, with_facts=False)
        raw_facts = _raw(tmp / "raw_facts.sqlite", rows, with_facts=True)
        store = _store(tmp / "store.sqlite", rows)
    raw_rows = [
        RawRow(f"row {i}", {"name": r["name"], "city": r["city"], "seats": f"{r['seats']}个",
                            "founded": f"{r['founded_year']}年", "answer_rate": f"{r['answer_rate'] * 100:.1f}%"})
        for i, r in enumerate(rows[:20_000])
    ]
    db = memory_db()
    start = time.perf_counter()
    prepare(db, "centers", raw_rows)
    check = time.perf_counter() - start
    return [
        {"area": "store", "case": f"write {N:,} centers (facts + rows + FTS)", "figure": N / store,
         "unit": "rows/s", "peer": "raw sqlite3 executemany, rows only", "peer_figure": N / raw,
         "note": "target: at least 0.5x of raw"},
        {"area": "store", "case": f"write {N:,} centers (facts + rows + FTS)", "figure": N / store,
         "unit": "rows/s", "peer": "raw sqlite3 executemany, rows + facts", "peer_figure": N / raw_facts,
         "note": "same rows written"},
        {"area": "store", "case": "normalise + validate + key (20,000 rows)", "figure": len(raw_rows) / check,
         "unit": "rows/s", "peer": None, "peer_figure": None, "note": "data.ingest.prepare"},
    ]
