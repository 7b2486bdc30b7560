"""A crawl frontier shared by many workers: which URLs to fetch, by whom, and when.

One table holds every URL a crawl has found, keyed by the SHA-1 of its canonical form (adding a
link twice is a no-op); a worker claims a batch of pending URLs in one short transaction
(``FOR UPDATE SKIP LOCKED`` on PostgreSQL, ``BEGIN IMMEDIATE`` on SQLite), so no two workers
ever hold the same URL. Politeness is kept per domain across workers: the same claim
transaction reserves a fetch time for each claimed URL on its domain, spaced ``delay_s`` apart,
and moves the domain's next allowed time past the last one, so two workers never hit one
domain faster than the delay. A claim older than ``claim_timeout_s`` (its worker died) goes
back to pending; after ``max_attempts`` claims the URL is marked failed.

Times in the tables are seconds since the epoch (UTC). A claim returns for each URL how long to
wait before fetching it (``wait_s``), measured on the frontier's clock (PostgreSQL's own clock
for a database shared by several machines), so the workers' clocks never have to agree.

Backends: :mod:`data.crawl.frontier_sqlite` and :mod:`data.crawl.frontier_postgres`, opened
by :func:`data.crawl.backends.open_frontier` from a path or a ``postgresql://`` URL.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import parse_qsl, urldefrag, urlencode, urlsplit, urlunsplit

from data.errors import ParkBenchError

STATUSES = ("pending", "claimed", "done", "failed")
DEFAULT_PORTS = {"http": 80, "https": 443}


class FrontierError(ParkBenchError):
    """The frontier cannot be opened or used (bad location, missing driver, wrong tables)."""


def canonical_url(url: str) -> str:
    """The form of ``url`` two links to one page share.

    Scheme and host lower-cased, default port and fragment dropped, an empty path made ``/``,
    query parameters sorted.

    Examples
    --------
    >>> canonical_url("HTTP://Example.COM:80/a?b=2&a=1#top")
    'http://example.com/a?a=1&b=2'
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host
    if parts.port is not None and parts.port != DEFAULT_PORTS.get(scheme):
        netloc = f"{host}:{parts.port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    query = urlencode(sorted(parse_qsl(parts.query, keep_blank_values=True)))
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


def fingerprint(url: str) -> str:
    """SHA-1 (hex) of the canonical URL: the frontier's primary key."""
    return hashlib.sha1(canonical_url(url).encode("utf-8")).hexdigest()


def domain_of(url: str) -> str:
    """The politeness key of ``url``: its host name, lower-cased, without port.

    Like Scrapy's download slots, ``127.0.0.1:8001`` and ``127.0.0.1:8002`` are one server.
    """
    return (urlsplit(url).hostname or "").lower()


@dataclass(frozen=True)
class Candidate:
    """A pending URL that may be claimed."""

    fingerprint: str
    url: str
    domain: str
    depth: int


@dataclass(frozen=True)
class Claim:
    """A URL claimed by one worker, with the time it may be fetched.

    ``fetch_at`` is that time on the frontier's clock; ``wait_s`` is how long after the claim
    the fetch may start (what a worker uses, whatever its own clock says).
    """

    fingerprint: str
    url: str
    domain: str
    depth: int
    fetch_at: float
    wait_s: float


def assign_slots(
    candidates: Sequence[Candidate],
    next_allowed: dict[str, float],
    *,
    now: float,
    delay_s: float,
    horizon_s: float,
    limit: int,
) -> tuple[list[Claim], dict[str, float]]:
    """Choose up to ``limit`` candidates and give each a fetch time on its domain.

    A domain's URLs get the times ``max(now, next_allowed)``, then ``delay_s`` apart; a URL
    whose time would lie more than ``horizon_s`` ahead stays pending for a later claim.
    Returns the claims and the domains' new next allowed times (only the changed ones).

    Examples
    --------
    >>> c = [Candidate(str(i), f"http://a/{i}", "a", 1) for i in range(3)]
    >>> claims, nxt = assign_slots(c, {"a": 0.0}, now=10.0, delay_s=2.0, horizon_s=3.0, limit=5)
    >>> [x.wait_s for x in claims], nxt
    ([0.0, 2.0], {'a': 14.0})
    """
    if delay_s < 0 or horizon_s < 0 or limit < 0:
        raise ValueError("delay_s, horizon_s and limit must be >= 0")
    slot = {}
    claims: list[Claim] = []
    for cand in candidates:
        if len(claims) >= limit:
            break
        t = slot.get(cand.domain, max(now, next_allowed.get(cand.domain, 0.0)))
        if t - now > horizon_s:
            continue
        claims.append(Claim(cand.fingerprint, cand.url, cand.domain, cand.depth, t, t - now))
        slot[cand.domain] = t + delay_s
    return claims, slot


@dataclass(frozen=True)
class Link:
    """A URL to add to the frontier, at the depth it was found."""

    url: str
    depth: int


class Frontier:
    """What both backends offer; see the module docstring for the rules.

    Parameters
    ----------
    delay_s
        Minimum time between two fetches on one domain, across all workers.
    claim_timeout_s
        A claim older than this is taken back (its worker is presumed dead).
    max_attempts
        Claims of one URL before it is marked failed instead of re-queued.
    horizon_s
        How far ahead a claim may reserve fetch times on one domain.
    """

    def __init__(
        self,
        *,
        delay_s: float = 1.0,
        claim_timeout_s: float = 600.0,
        max_attempts: int = 3,
        horizon_s: float = 10.0,
    ) -> None:
        if delay_s < 0:
            raise ValueError(f"delay_s must be >= 0, got {delay_s}")
        if claim_timeout_s <= 0:
            raise ValueError(f"claim_timeout_s must be > 0, got {claim_timeout_s}")
        if max_attempts < 1:
            raise ValueError(f"max_attempts must be >= 1, got {max_attempts}")
        self.delay_s = float(delay_s)
        self.claim_timeout_s = float(claim_timeout_s)
        self.max_attempts = int(max_attempts)
        self.horizon_s = max(float(horizon_s), self.delay_s)

    #: the backend's parameter placeholder (``?`` for sqlite3, ``%s`` for psycopg)
    PLACEHOLDER = "?"

    def _requeue(self, now: float) -> int:
        """Inside the caller's transaction: claims older than the timeout go back to pending,
        or are marked failed after ``max_attempts`` claims; returns how many."""
        p = self.PLACEHOLDER
        stale = now - self.claim_timeout_s
        failed = self.conn.execute(
            f"UPDATE crawl_frontier SET status = 'failed', finished_at = {p},"
            " error = 'claim timed out ' || attempts || ' times'"
            f" WHERE status = 'claimed' AND claimed_at < {p} AND attempts >= {p}",
            (now, stale, self.max_attempts),
        ).rowcount
        requeued = self.conn.execute(
            "UPDATE crawl_frontier SET status = 'pending', claimed_by = NULL, claimed_at = NULL,"
            f" next_fetch_at = {p} WHERE status = 'claimed' AND claimed_at < {p}",
            (now, stale),
        ).rowcount
        return failed + requeued

    # -- the API (implemented by the backends) ------------------------------------------------

    def add(self, links: Iterable[Link], *, now: float | None = None) -> int:
        """Add links not seen before (by fingerprint); returns how many were new."""
        raise NotImplementedError

    def claim(
        self, worker: str, limit: int, *, max_pages: int | None = None, now: float | None = None
    ) -> list[Claim]:
        """Claim up to ``limit`` due URLs for ``worker`` (fewer if ``max_pages`` would be passed)."""
        raise NotImplementedError

    def reserve(self, domain: str, *, now: float | None = None) -> float:
        """Reserve the next fetch time on ``domain`` now; returns the wait in seconds.

        For a worker that missed the time its claim reserved (it was busy): fetching late would
        bring it too close to the next worker's slot, so it takes a new one.
        """
        raise NotImplementedError

    def finish(
        self, fp: str, worker: str, links: Iterable[Link] = (), *, now: float | None = None
    ) -> int:
        """Mark a fetched URL done and add the links found on it, in one transaction."""
        raise NotImplementedError

    def fail(self, fp: str, worker: str, error: str, *, now: float | None = None) -> None:
        """Mark a claimed URL failed with the reason."""
        raise NotImplementedError

    def release(self, worker: str) -> int:
        """Put the URLs ``worker`` still holds back to pending (a worker stopping early)."""
        raise NotImplementedError

    def requeue_stale(self, *, now: float | None = None) -> int:
        """Put claims older than the timeout back to pending (or failed after max attempts)."""
        raise NotImplementedError

    def counts(self) -> dict[str, int]:
        """Number of URLs in each status."""
        raise NotImplementedError

    def unfinished(self) -> int:
        """URLs still pending or claimed: while > 0 a worker may yet get work."""
        c = self.counts()
        return c["pending"] + c["claimed"]

    def rows(self) -> list[dict]:
        """Every URL row (for reports and tests), ordered by URL."""
        raise NotImplementedError

    def reset(self) -> None:
        """Forget every URL and domain (a fresh crawl)."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Frontier:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def link_rows(links: Iterable[Link], now: float) -> list[tuple]:
    """Rows (fingerprint, url, domain, depth, now) of links, one per fingerprint.

    The URL kept is the first spelling seen (without its fragment): it is what gets fetched.
    """
    seen: dict[str, tuple] = {}
    for link in links:
        fp = fingerprint(link.url)
        if fp not in seen:
            url = urldefrag(link.url.strip())[0]
            seen[fp] = (fp, url, domain_of(url), int(link.depth), now)
    return list(seen.values())
