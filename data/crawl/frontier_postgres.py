"""The crawl frontier in PostgreSQL: batches claimed with ``FOR UPDATE SKIP LOCKED``.

For workers on many machines pointing at one database. A claim locks its candidate URLs with
``SKIP LOCKED`` (two workers claiming at once take disjoint rows, neither waits), then locks the
rows of their domains in name order (so claims never deadlock) and reserves the fetch times, all
in one transaction. Times come from the database's clock, so the workers' clocks need not
agree. With a page budget, claims take a transaction-level advisory lock so the budget cannot be
overrun by two claims counting at once.
"""

from __future__ import annotations

from collections.abc import Iterable

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
    fingerprint text PRIMARY KEY,
    url text NOT NULL,
    domain text NOT NULL,
    depth integer NOT NULL,
    next_fetch_at double precision NOT NULL,
    status text NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'claimed', 'done', 'failed')),
    claimed_by text,
    claimed_at double precision,
    attempts integer NOT NULL DEFAULT 0,
    error text,
    added_at double precision NOT NULL,
    finished_at double precision
);
CREATE INDEX IF NOT EXISTS crawl_frontier_due ON crawl_frontier (status, depth, fingerprint);
CREATE TABLE IF NOT EXISTS crawl_domains (
    domain text PRIMARY KEY,
    next_allowed_at double precision NOT NULL DEFAULT 0
);
"""

#: advisory lock key of the schema creation and of budgeted claims ("pbfront" in ASCII)
LOCK_KEY = 0x7062_6672_6F6E_74


class PostgresFrontier(Frontier):
    """Frontier tables in the PostgreSQL database at ``url`` (created when missing)."""

    PLACEHOLDER = "%s"

    def __init__(self, url: str, **options) -> None:
        super().__init__(**options)
        try:
            import psycopg
        except ImportError as exc:  # pragma: no cover - psycopg is a dependency
            raise FrontierError("psycopg is not installed: pip install 'psycopg[binary]'") from exc
        self.url = url
        try:
            self.conn = psycopg.connect(url, autocommit=True)
            with self.conn.transaction():
                # concurrent CREATE IF NOT EXISTS can still collide in the catalogue
                self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))
                for statement in SCHEMA.split(";"):
                    if statement.strip():
                        self.conn.execute(statement)
        except psycopg.Error as exc:
            raise FrontierError(f"cannot open the crawl frontier at {url}: {exc}") from exc

    def _now(self, now: float | None) -> float:
        if now is not None:
            return float(now)
        return float(
            self.conn.execute("SELECT extract(epoch FROM clock_timestamp())").fetchone()[0]
        )

    def _insert(self, links: Iterable[Link], now: float) -> int:
        rows = link_rows(links, now)
        if not rows:
            return 0
        cols = list(zip(*rows, strict=True))
        new = self.conn.execute(
            "INSERT INTO crawl_frontier (fingerprint, url, domain, depth, next_fetch_at, added_at)"
            " SELECT f, u, d, p, %s, %s FROM unnest(%s::text[], %s::text[], %s::text[],"
            " %s::int[]) AS t(f, u, d, p) ORDER BY f ON CONFLICT (fingerprint) DO NOTHING",
            (now, now, list(cols[0]), list(cols[1]), list(cols[2]), list(cols[3])),
        ).rowcount
        self.conn.execute(
            "INSERT INTO crawl_domains (domain) SELECT d FROM unnest(%s::text[]) AS t(d)"
            " ORDER BY d ON CONFLICT (domain) DO NOTHING",
            (sorted(set(cols[2])),),
        )
        return new

    def add(self, links: Iterable[Link], *, now: float | None = None) -> int:
        with self.conn.transaction():
            return self._insert(links, self._now(now))

    def release(self, worker: str) -> int:
        with self.conn.transaction():
            return self.conn.execute(
                "UPDATE crawl_frontier SET status = 'pending', claimed_by = NULL,"
                " claimed_at = NULL, attempts = attempts - 1"
                " WHERE status = 'claimed' AND claimed_by = %s",
                (worker,),
            ).rowcount

    def requeue_stale(self, *, now: float | None = None) -> int:
        with self.conn.transaction():
            return self._requeue(self._now(now))

    def claim(
        self, worker: str, limit: int, *, max_pages: int | None = None, now: float | None = None
    ) -> list[Claim]:
        explicit_clock = now is not None
        with self.conn.transaction():
            now = self._now(now)
            self._requeue(now)
            if max_pages is not None:
                self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))
                used = self.conn.execute(
                    "SELECT count(*) FROM crawl_frontier WHERE status <> 'pending'"
                ).fetchone()[0]
                limit = min(limit, max(max_pages - used, 0))
            if limit <= 0:
                return []
            candidates = [
                Candidate(*row)
                for row in self.conn.execute(
                    "SELECT fingerprint, url, domain, depth FROM crawl_frontier"
                    " WHERE status = 'pending' AND next_fetch_at <= %s"
                    " ORDER BY depth, fingerprint LIMIT %s FOR UPDATE SKIP LOCKED",
                    (now, limit * 8),
                )
            ]
            if not candidates:
                return []
            next_allowed = dict(
                self.conn.execute(
                    "SELECT domain, next_allowed_at FROM crawl_domains WHERE domain = ANY(%s)"
                    " ORDER BY domain FOR UPDATE",
                    (sorted({c.domain for c in candidates}),),
                ).fetchall()
            )
            # the domain locks may have waited for another claim: read the clock again
            if not explicit_clock:
                now = self._now(None)
            claims, moved = assign_slots(
                candidates,
                next_allowed,
                now=now,
                delay_s=self.delay_s,
                horizon_s=self.horizon_s,
                limit=limit,
            )
            with self.conn.cursor() as cur:
                cur.executemany(
                    "UPDATE crawl_domains SET next_allowed_at = %s WHERE domain = %s",
                    [(t, d) for d, t in sorted(moved.items())],
                )
                cur.executemany(
                    "UPDATE crawl_frontier SET status = 'claimed', claimed_by = %s,"
                    " claimed_at = %s, attempts = attempts + 1 WHERE fingerprint = %s",
                    [(worker, now, c.fingerprint) for c in claims],
                )
        return claims

    def reserve(self, domain: str, *, now: float | None = None) -> float:
        explicit_clock = now is not None
        with self.conn.transaction():
            self.conn.execute(
                "INSERT INTO crawl_domains (domain) VALUES (%s) ON CONFLICT (domain) DO NOTHING",
                (domain,),
            )
            row = self.conn.execute(
                "SELECT next_allowed_at FROM crawl_domains WHERE domain = %s FOR UPDATE",
                (domain,),
            ).fetchone()
            now = float(now) if explicit_clock else self._now(None)  # after the lock
            slot = max(now, row[0])
            self.conn.execute(
                "UPDATE crawl_domains SET next_allowed_at = %s WHERE domain = %s",
                (slot + self.delay_s, domain),
            )
        return slot - now

    def finish(
        self, fp: str, worker: str, links: Iterable[Link] = (), *, now: float | None = None
    ) -> int:
        with self.conn.transaction():
            now = self._now(now)
            self.conn.execute(
                "UPDATE crawl_frontier SET status = 'done', finished_at = %s, error = NULL"
                " WHERE fingerprint = %s",
                (now, fp),
            )
            return self._insert(links, now)

    def fail(self, fp: str, worker: str, error: str, *, now: float | None = None) -> None:
        with self.conn.transaction():
            self.conn.execute(
                "UPDATE crawl_frontier SET status = 'failed', finished_at = %s, error = %s"
                " WHERE fingerprint = %s AND status <> 'done'",
                (self._now(now), error, fp),
            )

    def counts(self) -> dict[str, int]:
        found = dict(
            self.conn.execute(
                "SELECT status, count(*) FROM crawl_frontier GROUP BY status"
            ).fetchall()
        )
        return {s: found.get(s, 0) for s in STATUSES}

    def rows(self) -> list[dict]:
        cur = self.conn.execute("SELECT * FROM crawl_frontier ORDER BY url")
        names = [d.name for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]

    def domain_next_allowed(self) -> dict[str, float]:
        return dict(
            self.conn.execute("SELECT domain, next_allowed_at FROM crawl_domains").fetchall()
        )

    def reset(self) -> None:
        with self.conn.transaction():
            self.conn.execute("DELETE FROM crawl_frontier")
            self.conn.execute("DELETE FROM crawl_domains")

    def close(self) -> None:
        self.conn.close()
