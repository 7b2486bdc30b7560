"""The read API: baking the release per data version, and requests served in-process.

- bake: :func:`data.release.baked.bake_release` of the database ``parkbench build`` makes, and
  of the same database with 20,000 generated centers on top (collect the published rows, write
  the release SQLite, add the search indexes); peer: SQLite's online backup of the whole
  working file (what a plain copy of the database would cost).
- requests: Datasette behind :class:`portal.api.ReleaseApi` through httpx's ASGI transport (no
  network), one request at a time: a page of 100 centers as JSON, and the canned ``search`` for
  a 2-character term; peer: the same SQL through ``sqlite3`` on the same file.
"""

from __future__ import annotations

import asyncio
import sqlite3
import tempfile
import time
from pathlib import Path

from data.release.api_config import CANNED_QUERIES
from data.release.baked import bake_release
from data.store.build import build
from data.store.fixtures import write_fixture_store

REQUESTS = 200


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _backup(src: Path, dst: Path) -> None:
    s = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
    d = sqlite3.connect(dst)
    try:
        s.backup(d)
    finally:
        s.close()
        d.close()


def _requests_per_second(app, path: str, params: dict) -> float:
    import httpx

    async def go() -> float:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as c:
            r = await c.get(path, params=params)  # bake and start up outside the timing
            r.raise_for_status()
            start = time.perf_counter()
            for _ in range(REQUESTS):
                (await c.get(path, params=params)).raise_for_status()
            return REQUESTS / (time.perf_counter() - start)

    return asyncio.run(go())


def _sql_per_second(path: Path, sql: str, params: dict) -> float:
    conn = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
    try:
        start = time.perf_counter()
        for _ in range(REQUESTS):
            conn.execute(sql, params).fetchall()
        return REQUESTS / (time.perf_counter() - start)
    finally:
        conn.close()


def run() -> list[dict]:
    from portal.api import ReleaseApi, standalone_app

    rows: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        built = tmp / "built.sqlite"
        build(built)
        large = tmp / "large.sqlite"
        _backup(built, large)
        write_fixture_store(large, n_centers=20_000, n_parks=200).conn.close()
        for label, db in (("built database", built), ("+20,000 generated centers", large)):
            seconds = _timed(lambda d=db: bake_release(d, tmp / f"cache_{d.stem}"))
            peer = _timed(lambda d=db: _backup(d, tmp / f"copy_{d.stem}.sqlite"))
            rows.append(
                {
                    "area": "api",
                    "case": f"bake the release ({label})",
                    "figure": round(seconds, 3),
                    "unit": "s",
                    "peer": "sqlite3 backup of the working file",
                    "peer_figure": round(peer, 3),
                    "note": "once per data version; generated rows are left out of the release",
                }
            )

        api = ReleaseApi(built, tmp / "cache_built")
        app = standalone_app(api)
        baked = bake_release(built, tmp / "cache_built")
        cases = (
            (
                "GET centers.json (100 rows)",
                "/api/parkbench/centers.json",
                {"_size": "100"},
                "SELECT * FROM centers ORDER BY id LIMIT 101",
                {},
            ),
            (
                "GET search.json?q=密云 (canned, LIKE)",
                "/api/parkbench/search.json",
                {"q": "密云"},
                CANNED_QUERIES["search"]["sql"],
                {"q": "密云"},
            ),
        )
        for case, path, params, sql, sql_params in cases:
            rate = _requests_per_second(app, path, params)
            peer = _sql_per_second(baked, sql, sql_params)
            rows.append(
                {
                    "area": "api",
                    "case": case,
                    "figure": round(rate, 1),
                    "unit": "req/s",
                    "peer": "the same SQL through sqlite3",
                    "peer_figure": round(peer, 1),
                    "note": f"{REQUESTS} sequential requests in-process (httpx ASGI transport)",
                }
            )
    return rows
