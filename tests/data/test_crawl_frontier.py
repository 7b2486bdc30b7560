"""The crawl frontier on both engines: idempotent adds, disjoint claims, politeness, stale claims."""

from __future__ import annotations

import doctest
import multiprocessing
import time

import pytest

import data.crawl.frontier as frontier_module
from data.crawl.backends import open_frontier
from data.crawl.frontier import (
    Candidate,
    Link,
    assign_slots,
    canonical_url,
    fingerprint,
)


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request, tmp_path):
    """Where a frontier lives: a SQLite file or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "frontier.sqlite")
    return request.getfixturevalue("pg_url")


def test_doctests():
    assert doctest.testmod(frontier_module).failed == 0


def test_canonical_url_and_fingerprint():
    assert canonical_url("http://A.example.com:80/x?b=1&a=2#f") == "http://a.example.com/x?a=2&b=1"
    assert canonical_url("https://h") == "https://h/"
    assert fingerprint("http://h/a#one") == fingerprint("HTTP://h:80/a")
    assert fingerprint("http://h:8001/a") != fingerprint("http://h:8002/a")


def test_assign_slots_spaces_each_domain_and_respects_the_horizon():
    cands = [Candidate(f"{d}{i}", f"http://{d}/{i}", d, 0) for i in range(3) for d in "ab"]
    claims, moved = assign_slots(cands, {"a": 12.0}, now=10.0, delay_s=1.0, horizon_s=2.5, limit=10)
    by = {d: [c.fetch_at for c in claims if c.domain == d] for d in "ab"}
    assert by == {"a": [12.0], "b": [10.0, 11.0, 12.0]}
    assert moved == {"a": 13.0, "b": 13.0}
    assert [c.wait_s for c in claims if c.domain == "a"] == [2.0]
    with pytest.raises(ValueError, match="must be >= 0"):
        assign_slots(cands, {}, now=0, delay_s=-1, horizon_s=1, limit=1)


def test_add_is_idempotent_by_fingerprint(target):
    with open_frontier(target, delay_s=0) as f:
        assert f.add([Link("http://h/a", 0), Link("http://h/a#x", 0), Link("http://h/b", 1)]) == 2
        assert f.add([Link("HTTP://H:80/a", 3), Link("http://h/c", 1)]) == 1
        rows = f.rows()
        assert [(r["url"], r["depth"], r["status"]) for r in rows] == [
            ("http://h/a", 0, "pending"),
            ("http://h/b", 1, "pending"),
            ("http://h/c", 1, "pending"),
        ]
        assert f.counts() == {"pending": 3, "claimed": 0, "done": 0, "failed": 0}


def test_claims_are_disjoint_breadth_first_and_finish_adds_links(target):
    with open_frontier(target, delay_s=0) as a, open_frontier(target, delay_s=0) as b:
        a.add([Link(f"http://h{i % 3}/p{i}", 1) for i in range(9)] + [Link("http://h0/", 0)])
        first = a.claim("a", 4)
        second = b.claim("b", 4)
        assert first[0].url == "http://h0/" and first[0].depth == 0
        assert len(first) == len(second) == 4
        assert not {c.fingerprint for c in first} & {c.fingerprint for c in second}
        assert (
            a.finish(first[0].fingerprint, "a", [Link("http://h1/p1", 1), Link("http://h9/", 1)])
            == 1
        )
        b.fail(second[0].fingerprint, "b", "HTTP 404")
        rows = {r["fingerprint"]: r for r in a.rows()}
        assert rows[first[0].fingerprint]["status"] == "done"
        assert rows[second[0].fingerprint]["status"] == "failed"
        assert rows[second[0].fingerprint]["error"] == "HTTP 404"
        assert rows[first[1].fingerprint]["claimed_by"] == "a"
        assert a.counts() == {"pending": 3, "claimed": 6, "done": 1, "failed": 1}
        assert a.unfinished() == 9


def test_politeness_is_kept_per_domain_across_workers(target):
    with (
        open_frontier(target, delay_s=5, horizon_s=10) as a,
        open_frontier(target, delay_s=5, horizon_s=10) as b,
    ):
        a.add([Link(f"http://slow/{i}", 0) for i in range(5)] + [Link("http://other/", 0)], now=0)
        got_a = a.claim("a", 2, now=100.0)
        got_b = b.claim("b", 10, now=100.0)
        slow = sorted(c.fetch_at for c in got_a + got_b if c.domain == "slow")
        # a took two slots (100, 105); b continues at 110 and stops at the 10 s horizon
        assert slow == [100.0, 105.0, 110.0]
        assert [c.wait_s for c in got_b if c.domain == "slow"] == [10.0]
        assert [c.wait_s for c in got_b if c.domain == "other"] == [0.0]
        later = a.claim("a", 10, now=111.0)
        assert sorted(c.fetch_at for c in later) == [115.0, 120.0]


def test_stale_claims_are_requeued_then_failed(target):
    with open_frontier(target, delay_s=0, claim_timeout_s=60, max_attempts=2) as f:
        f.add([Link("http://h/a", 0)], now=0)
        assert [c.url for c in f.claim("dead", 5, now=0.0)] == ["http://h/a"]
        assert f.claim("b", 5, now=30.0) == []
        assert f.requeue_stale(now=30.0) == 0
        again = f.claim("b", 5, now=61.0)  # the claim of "dead" timed out
        assert [c.url for c in again] == ["http://h/a"]
        row = f.rows()[0]
        assert (row["claimed_by"], row["attempts"]) == ("b", 2)
        assert f.requeue_stale(now=200.0) == 1
        row = f.rows()[0]
        assert row["status"] == "failed" and "timed out 2 times" in row["error"]


def test_page_budget_counts_every_worker(target):
    with open_frontier(target, delay_s=0) as f:
        f.add([Link(f"http://h/{i}", 0) for i in range(10)])
        assert len(f.claim("a", 4, max_pages=6)) == 4
        assert len(f.claim("b", 4, max_pages=6)) == 2
        assert f.claim("c", 4, max_pages=6) == []


def _claim_all(target: str, worker: str, delay_s: float, ready, go, out) -> None:
    found = []
    with open_frontier(target, delay_s=delay_s, horizon_s=1.0) as f:
        ready.put(worker)
        go.wait(60)
        idle_since = time.monotonic()
        while time.monotonic() - idle_since < 1.5:
            got = f.claim(worker, 3)
            if got:
                idle_since = time.monotonic()
            for c in got:
                found.append((c.fingerprint, c.domain, c.fetch_at))
                f.finish(c.fingerprint, worker, [Link(c.url + "x", 0)] if len(c.url) < 14 else [])
            if not got:
                time.sleep(0.01)
    out.put(found)


def test_four_processes_claim_every_url_once_and_keep_domain_spacing(target):
    with open_frontier(target, delay_s=0.02) as f:
        f.add([Link(f"http://d{i % 4}/{i}", 0) for i in range(100)])
    ctx = multiprocessing.get_context("spawn")
    ready, go, out = ctx.Queue(), ctx.Event(), ctx.Queue()
    procs = [
        ctx.Process(target=_claim_all, args=(target, f"w{i}", 0.02, ready, go, out))
        for i in range(4)
    ]
    for p in procs:
        p.start()
    for _ in procs:
        ready.get(timeout=60)
    go.set()
    results = [out.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    claimed = [fp for r in results for fp, _, _ in r]
    assert len(claimed) == len(set(claimed))
    with open_frontier(target) as f:
        assert f.counts() == {"pending": 0, "claimed": 0, "done": len(claimed), "failed": 0}
        assert len(claimed) == len(f.rows()) > 100  # the links found were claimed too
    assert sum(1 for r in results if r) >= 2  # the work was shared
    for domain in {d for r in results for _, d, _ in r}:
        times = sorted(t for r in results for _, d, t in r if d == domain)
        gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
        assert min(gaps) >= 0.02 - 1e-6, (domain, gaps)


def test_reserve_takes_the_next_slot_of_a_domain(target):
    with open_frontier(target, delay_s=5) as f:
        f.add([Link("http://slow/1", 0), Link("http://slow/2", 0)], now=0)
        assert [c.fetch_at for c in f.claim("a", 5, now=100.0)] == [100.0, 105.0]
        assert f.reserve("slow", now=101.0) == 9.0  # after the claimed 105
        assert f.reserve("slow", now=200.0) == 0.0
        assert f.reserve("new.example", now=200.0) == 0.0
        assert f.reserve("new.example", now=201.0) == 4.0


def test_release_gives_back_what_a_stopping_worker_holds(target):
    with open_frontier(target, delay_s=0) as f:
        f.add([Link(f"http://h/{i}", 0) for i in range(4)])
        mine = f.claim("a", 3)
        f.finish(mine[0].fingerprint, "a")
        other = f.claim("b", 5)
        assert f.release("a") == 2
        assert f.counts() == {"pending": 2, "claimed": 1, "done": 1, "failed": 0}
        again = f.claim("c", 5)
        assert {c.fingerprint for c in again} == {c.fingerprint for c in mine[1:]}
        assert {r["attempts"] for r in f.rows() if r["claimed_by"] == "c"} == {1}
        assert other[0].fingerprint not in {c.fingerprint for c in again}


def test_missing_postgres_binaries_say_to_run_make_system(monkeypatch, tmp_path):
    from tests.pg_support import start_server

    monkeypatch.setenv("PG_BINDIR", str(tmp_path))  # no initdb there
    with pytest.raises(RuntimeError, match="run `make system`"):
        start_server()
