"""The crawl frontier in a SQLite file: claims serialised by ``BEGIN IMMEDIATE``.

For workers on one machine (SQLite locks do not work over network file systems). Every
operation is one short write transaction; ``BEGIN IMMEDIATE`` takes the write lock before the
first read, so a claim never reads rows another worker is about to take, and a busy worker waits
(``timeout_s``) instead of failing with "database is locked".
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from data.crawl.frontier import (
    STATUSES,
    Candidate,
    Claim,
    Frontier,
    FrontierError,
    Link,
    assign_slots,
    link_rows,
)

SCHEMA = """
CREATE TABLE IF NOT EXISTS crawl_frontier (
    fingerprint TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    domain TEXT NOT NULL,
    depth INTEGER NOT NULL,
    next_fetch_at REAL NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'claimed', 'done', 'failed')),
    claimed_by TEXT,
    claimed_at REAL,
    attempts INTEGER NOT NULL DEFAULT 0,
    error TEXT,
    added_at REAL NOT NULL,
    finished_at REAL
);
CREATE INDEX IF NOT EXISTS crawl_frontier_due ON crawl_frontier (status, depth, fingerprint);
CREATE TABLE IF NOT EXISTS crawl_domains (
    domain TEXT PRIMARY KEY,
    next_allowed_at REAL NOT NULL DEFAULT 0
);
"""


class SQLiteFrontier(Frontier):
    """Frontier tables in the SQLite file ``path`` (created when missing)."""

    def __init__(self, path: Path, *, timeout_s: float = 60.0, **options) -> None:
        super().__init__(**options)
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(
                self.path, timeout=timeout_s, isolation_level=None, check_same_thread=False
            )
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            with self._write() as conn:
                for statement in SCHEMA.split(";"):
                    if statement.strip():
                        conn.execute(statement)
        except (OSError, sqlite3.DatabaseError) as exc:
            raise FrontierError(f"cannot open the crawl frontier {self.path}: {exc}") from exc

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    @staticmethod
    def _now(now: float | None) -> float:
        return time.time() if now is None else float(now)

    def _insert(self, links: Iterable[Link], now: float) -> int:
        rows = link_rows(links, now)
        if not rows:
            return 0
        before = self.conn.total_changes
        self.conn.executemany(
            "INSERT INTO crawl_frontier (fingerprint, url, domain, depth, next_fetch_at, added_at)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (fingerprint) DO NOTHING",
            [(*r, now) for r in rows],
        )
        new = self.conn.total_changes - before
        self.conn.executemany(
            "INSERT INTO crawl_domains (domain) VALUES (?) ON CONFLICT (domain) DO NOTHING",
            [(d,) for d in sorted({r[2] for r in rows})],
        )
        return new

    def add(self, links: Iterable[Link], *, now: float | None = None) -> int:
        with self._write():
            return self._insert(links, self._now(now))

    def release(self, worker: str) -> int:
        with self._write() as conn:
            return conn.execute(
                "UPDATE crawl_frontier SET status = 'pending', claimed_by = NULL,"
                " claimed_at = NULL, attempts = attempts - 1"
                " WHERE status = 'claimed' AND claimed_by = ?",
                (worker,),
            ).rowcount

    def requeue_stale(self, *, now: float | None = None) -> int:
        with self._write():
            return self._requeue(self._now(now))

    def claim(
        self, worker: str, limit: int, *, max_pages: int | None = None, now: float | None = None
    ) -> list[Claim]:
        now = self._now(now)
        with self._write() as conn:
            self._requeue(now)
            if max_pages is not None:
                used = conn.execute(
                    "SELECT count(*) FROM crawl_frontier WHERE status != 'pending'"
                ).fetchone()[0]
                limit = min(limit, max(max_pages - used, 0))
            if limit <= 0:
                return []
            candidates = [
                Candidate(*row)
                for row in conn.execute(
                    "SELECT fingerprint, url, domain, depth FROM crawl_frontier"
                    " WHERE status = 'pending' AND next_fetch_at <= ?"
                    " ORDER BY depth, fingerprint LIMIT ?",
                    (now, limit * 8),
                )
            ]
            domains = sorted({c.domain for c in candidates})
            next_allowed = {
                d: t
                for d, t in conn.execute(
                    "SELECT domain, next_allowed_at FROM crawl_domains WHERE domain IN"
                    f" ({','.join('?' * len(domains))})",
                    domains,
                )
            }
            claims, moved = assign_slots(
                candidates,
                next_allowed,
                now=now,
                delay_s=self.delay_s,
                horizon_s=self.horizon_s,
                limit=limit,
            )
            conn.executemany(
                "UPDATE crawl_domains SET next_allowed_at = ? WHERE domain = ?",
                [(t, d) for d, t in moved.items()],
            )
            conn.executemany(
                "UPDATE crawl_frontier SET status = 'claimed', claimed_by = ?, claimed_at = ?,"
                " attempts = attempts + 1 WHERE fingerprint = ?",
                [(worker, now, c.fingerprint) for c in claims],
            )
        return claims

    def reserve(self, domain: str, *, now: float | None = None) -> float:
        now = self._now(now)
        with self._write() as conn:
            row = conn.execute(
                "SELECT next_allowed_at FROM crawl_domains WHERE domain = ?", (domain,)
            ).fetchone()
            slot = max(now, row[0] if row else 0.0)
            conn.execute(
                "INSERT INTO crawl_domains (domain, next_allowed_at) VALUES (?, ?)"
                " ON CONFLICT (domain) DO UPDATE SET next_allowed_at = excluded.next_allowed_at",
                (domain, slot + self.delay_s),
            )
        return slot - now

    def finish(
        self, fp: str, worker: str, links: Iterable[Link] = (), *, now: float | None = None
    ) -> int:
        now = self._now(now)
        with self._write() as conn:
            conn.execute(
                "UPDATE crawl_frontier SET status = 'done', finished_at = ?, error = NULL"
                " WHERE fingerprint = ?",
                (now, fp),
            )
            return self._insert(links, now)

    def fail(self, fp: str, worker: str, error: str, *, now: float | None = None) -> None:
        with self._write() as conn:
            conn.execute(
                "UPDATE crawl_frontier SET status = 'failed', finished_at = ?, error = ?"
                " WHERE fingerprint = ? AND status != 'done'",
                (self._now(now), error, fp),
            )

    def counts(self) -> dict[str, int]:
        found = dict(
            self.conn.execute("SELECT status, count(*) FROM crawl_frontier GROUP BY status")
        )
        return {s: found.get(s, 0) for s in STATUSES}

    def rows(self) -> list[dict]:
        cur = self.conn.execute("SELECT * FROM crawl_frontier ORDER BY url")
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur]

    def domain_next_allowed(self) -> dict[str, float]:
        return dict(self.conn.execute("SELECT domain, next_allowed_at FROM crawl_domains"))

    def reset(self) -> None:
        with self._write() as conn:
            conn.execute("DELETE FROM crawl_frontier")
            conn.execute("DELETE FROM crawl_domains")

    def close(self) -> None:
        self.conn.close()
