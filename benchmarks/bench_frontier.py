"""Crawl frontier throughput: claim + finish of 4,000 URLs by 4 worker processes, both engines.

2,000 URLs on 50 domains are seeded; each process claims batches of 16 and marks each URL done,
a seeded URL adding one new link (so adds and claims mix), until nothing is left; no politeness delay, so the figure
is the frontier's own rate: SQLite (``BEGIN IMMEDIATE``, one writer at a time) against
PostgreSQL (``FOR UPDATE SKIP LOCKED``, a throw-away server on a Unix socket, fsync off).
One process alone on SQLite is the peer: what the sharing costs or gains.
"""

from __future__ import annotations

import multiprocessing
import tempfile
import time
from pathlib import Path

from data.crawl.backends import open_frontier
from data.crawl.frontier import Link

N = 2_000
WORKERS = 4


def _work(target: str, worker: str, out) -> None:
    done = 0
    with open_frontier(target, delay_s=0) as f:
        while True:
            got = f.claim(worker, 16)
            if not got:
                if f.unfinished() == 0:
                    break
                time.sleep(0.005)
                continue
            for c in got:
                links = [Link(c.url + "/next", 1)] if c.depth == 0 else []
                f.finish(c.fingerprint, worker, links)
                done += 1
    out.put(done)


def _measure(target: str, workers: int) -> float:
    with open_frontier(target, delay_s=0) as f:
        f.add([Link(f"http://d{i % 50}.example/{i}", 0) for i in range(N)])
    ctx = multiprocessing.get_context("fork")
    out = ctx.Queue()
    start = time.perf_counter()
    procs = [ctx.Process(target=_work, args=(target, f"w{i}", out)) for i in range(workers)]
    for p in procs:
        p.start()
    total = sum(out.get(timeout=600) for _ in procs)
    for p in procs:
        p.join()
    seconds = time.perf_counter() - start
    assert total == 2 * N, total
    return total / seconds


def run() -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        alone = _measure(str(Path(tmp) / "one.sqlite"), 1)
        rows.append(
            {
                "area": "frontier",
                "case": f"SQLite, 1 process, {2 * N:,} URLs claimed+done",
                "figure": alone,
                "unit": "URL/s",
            }
        )
        shared = _measure(str(Path(tmp) / "four.sqlite"), WORKERS)
        rows.append(
            {
                "area": "frontier",
                "case": f"SQLite, {WORKERS} processes",
                "figure": shared,
                "unit": "URL/s",
                "peer": "SQLite, 1 process",
                "peer_figure": alone,
            }
        )
    try:
        from tests.pg_support import start_server

        server = start_server()
    except RuntimeError as exc:
        rows.append({"area": "frontier", "case": "PostgreSQL", "note": str(exc)})
        return rows
    try:
        pg = _measure(server.create_database(), WORKERS)
        rows.append(
            {
                "area": "frontier",
                "case": f"PostgreSQL, {WORKERS} processes (SKIP LOCKED)",
                "figure": pg,
                "unit": "URL/s",
                "peer": "SQLite, 1 process",
                "peer_figure": alone,
            }
        )
    finally:
        server.stop()
    return rows
