"""Crawling with several workers on one frontier: a local site of three hosts, 34 pages.

Three http.servers (127.0.0.1, localhost and 127.0.0.2, each on its own port) serve listing
pages, center profiles (written for this test), a page without a profile, a PDF, a link to a
missing page and one disallowed by robots.txt; listings link across hosts so many pages are
found twice. A crawl by three worker processes, on a SQLite frontier and on a PostgreSQL one,
must fetch every page exactly once (the servers' access logs) and store what one worker stores.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from data.crawl.backends import open_frontier

ROOT = Path(__file__).resolve().parents[2]
HOSTS = {"a": ("127.0.0.1", "杭州"), "b": ("localhost", "成都"), "c": ("127.0.0.2", "西安")}
PROFILES_PER_HOST = 7
DELAY_S = 0.3


def html(body: str) -> bytes:
    return f'<html><head><meta charset="utf-8"><title>T</title></head><body>{body}</body></html>'.encode()


def profile_page(city: str, n: int) -> bytes:
    # a profile written for this test: a table of labelled values
    rows = {
        "企业名称": f"{city}测试{n}号客服中心",
        "所处行业": "金融",
        "所在城市": city,
        "建立时间": f"{2000 + n}年3月",
        "座席规模": f"{100 + 10 * n}席",
        "人员数量": f"{150 + 10 * n}人",
        "服务时间": "7×24小时",
    }
    cells = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows.items())
    return html(f'<h1>{city}测试{n}号</h1><table class="profile">{cells}</table>')


def build_site(base: dict[str, str]) -> dict[tuple[str, str], tuple[str, bytes]]:
    """(host key, path) -> (content type, body) for the three hosts."""
    pages: dict[tuple[str, str], tuple[str, bytes]] = {}
    keys = sorted(HOSTS)
    for i, key in enumerate(keys):
        city = HOSTS[key][1]
        other = base[keys[(i + 1) % 3]]
        # index -> 2 listings; each listing -> its profiles plus one profile of the next host
        pages[(key, "/")] = ("text/html", html(
            '<a href="/list1.html">一</a> <a href="/list2.html">二</a> <a href="/about.html">关于</a>'
            ' <a href="/private/secret.html">内部</a> <a href="/missing.html">旧链接</a>'
        ))  # fmt: skip
        for lst, numbers in (("list1", range(1, 5)), ("list2", range(4, PROFILES_PER_HOST + 1))):
            links = " ".join(f'<a href="/c/{n}.html">{n}</a>' for n in numbers)
            links += f' <a href="{other}/c/{i + 1}.html">外</a> <a href="{other}/">外站</a>'
            links += ' <a href="/list1.html">上一页</a> <a href="/list2.html#top">下一页</a>'
            pages[(key, f"/{lst}.html")] = ("text/html", html(links))
        for n in range(1, PROFILES_PER_HOST + 1):
            pages[(key, f"/c/{n}.html")] = ("text/html", profile_page(city, n))
        pages[(key, "/about.html")] = ("text/html", html("<p>本站为测试站点。</p>"))
        pages[(key, "/private/secret.html")] = ("text/html", profile_page(city, 99))
    pages[("a", "/about.html")] = (
        "text/html",
        html('<p>本站为测试站点。</p><a href="/report.pdf">报告</a>'),
    )
    pages[("a", "/report.pdf")] = ("application/pdf", b"%PDF-1.4 not a page")
    return pages


class Site:
    """The three servers and one access log: (host key, path, monotonic time)."""

    def __init__(self) -> None:
        self.log: list[tuple[str, str, float]] = []
        self.lock = threading.Lock()
        self.servers = {}
        for key, (host, _) in HOSTS.items():
            bind = "127.0.0.2" if host == "127.0.0.2" else "127.0.0.1"
            self.servers[key] = ThreadingHTTPServer((bind, 0), self._handler(key))
        self.base = {
            k: f"http://{HOSTS[k][0]}:{s.server_address[1]}" for k, s in self.servers.items()
        }
        self.pages = build_site(self.base)
        self.threads = [
            threading.Thread(target=s.serve_forever, daemon=True) for s in self.servers.values()
        ]
        for t in self.threads:
            t.start()

    def _handler(self, key: str):
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server's name
                with site.lock:
                    site.log.append((key, self.path, time.monotonic()))
                if self.path == "/robots.txt":
                    found = ("text/plain", b"User-agent: *\nDisallow: /private/\n")
                else:
                    found = site.pages.get((key, self.path))
                if found is None:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Type", found[0])
                self.send_header("Content-Length", str(len(found[1])))
                self.end_headers()
                self.wfile.write(found[1])

            def log_message(self, format, *args):  # noqa: A002 - http.server's signature
                pass

        return Handler

    def clear_log(self) -> None:
        with self.lock:
            self.log.clear()

    def fetched(self) -> Counter:
        with self.lock:
            return Counter((k, p) for k, p, _ in self.log if p != "/robots.txt")

    def close(self) -> None:
        for s in self.servers.values():
            s.shutdown()
            s.server_close()


@pytest.fixture(scope="module")
def site():
    """One site for the module: every crawl sees the same URLs (ports included)."""
    s = Site()
    yield s
    s.close()


def crawl(site: Site, db: Path, frontier: str, workers: int) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "portal.cli", "crawl", "profiles"]
    for key in sorted(HOSTS):
        cmd += ["--start-url", f"{site.base[key]}/"]
    cmd += ["--db", str(db), "--frontier", frontier, "--workers", str(workers), "--batch", "4"]
    for setting in (f"DOWNLOAD_DELAY={DELAY_S}", "FRONTIER_POLL=0.1", "HTTPCACHE_ENABLED=False"):
        cmd += ["--set", setting]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=300)


def stored(db_path: Path | str) -> dict[str, list]:
    """Every table's rows, sorted, without the times (``*_at``) at which they were written.

    ``db_path``: a SQLite file or a PostgreSQL URL (whose crawl frontier tables are left out).
    """
    from data.store.engine import connect_existing

    db = connect_existing(db_path)
    out = {}
    for table in db.table_names():
        if table.startswith("_") or "_fts" in table or table in ("crawl_frontier", "crawl_domains"):
            continue
        rows = [
            tuple(sorted((k, str(v)) for k, v in r.items() if not k.endswith("_at")))
            for r in db[table].rows
        ]
        out[table] = sorted(rows)
    db.conn.close()
    return out


def expected_pages(site: Site) -> set[tuple[str, str]]:
    """Every page the crawl must request: all but the disallowed ones, plus the 404."""
    return {(k, p) for k, p in site.pages if not p.startswith("/private/")} | {
        (k, "/missing.html") for k in HOSTS
    }


def check_politeness(site: Site) -> None:
    for key in HOSTS:
        times = sorted(t for k, p, t in site.log if k == key and p != "/robots.txt")
        gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
        # fetches of one host are spaced by the delay across all workers (a third of it
        # allowed for scheduling jitter on a busy machine; without pacing gaps are ~0)
        assert min(gaps) > DELAY_S / 3, (key, gaps)
        assert sorted(gaps)[len(gaps) // 2] >= DELAY_S * 0.9, (key, gaps)


@pytest.fixture(scope="module")
def single_worker_result(site, tmp_path_factory):
    """What one worker stores (checked to fetch every page once, too)."""
    tmp = tmp_path_factory.mktemp("one")
    site.clear_log()
    done = crawl(site, tmp / "one.sqlite", str(tmp / "frontier.sqlite"), 1)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "1 worker(s)" in done.stdout
    fetched = site.fetched()
    assert set(fetched) == expected_pages(site) and max(fetched.values()) == 1
    return stored(tmp / "one.sqlite")


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_three_workers_fetch_each_page_once_and_store_what_one_worker_stores(
    engine, single_worker_result, site, tmp_path, request
):
    frontier = (
        str(tmp_path / "frontier.sqlite")
        if engine == "sqlite"
        else request.getfixturevalue("pg_url")
    )
    db = tmp_path / "three.sqlite"
    site.clear_log()
    done = crawl(site, db, frontier, 3)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "3 worker(s)" in done.stdout, done.stdout

    fetched = site.fetched()
    robots_log = [line for line in done.stderr.splitlines() if "robots" in line.lower()]
    assert set(fetched) == expected_pages(site), robots_log
    assert max(fetched.values()) == 1, [p for p, n in fetched.items() if n > 1]
    robots = Counter(k for k, p, _ in site.log if p == "/robots.txt")
    assert all(n <= 3 for n in robots.values())  # each worker reads robots.txt once per host
    check_politeness(site)

    with open_frontier(frontier) as f:
        rows = f.rows()
        workers = {r["claimed_by"] for r in rows}
        failed = {r["url"].split("/", 3)[-1]: r["error"] for r in rows if r["status"] == "failed"}
        assert f.counts()["pending"] == f.counts()["claimed"] == 0
    assert len(workers) >= 2, workers  # the pages were shared among the workers
    assert failed == {
        "missing.html": "HTTP 404",
        "private/secret.html": failed.get("private/secret.html"),
    } or set(failed) == {"missing.html", "private/secret.html"}
    assert all("robots" in e or "ignored" in e for u, e in failed.items() if "private" in u)

    three = stored(db)
    # crawled profiles wait in the review queue (nothing crawled is published unreviewed)
    queued = [r for r in three.get("review_queue", []) if ("entity_table", "centers") in r]
    assert len(queued) == 3 * PROFILES_PER_HOST
    assert three == single_worker_result


@pytest.mark.slow
def test_three_workers_writing_a_postgres_store_store_what_one_worker_stores(
    single_worker_result, site, pg_url
):
    """The store and its frontier in one PostgreSQL database (``--db URL --frontier URL``)."""
    site.clear_log()
    done = crawl(site, pg_url, pg_url, 3)
    assert done.returncode == 0, done.stderr[-3000:]
    fetched = site.fetched()
    assert set(fetched) == expected_pages(site) and max(fetched.values()) == 1
    assert stored(pg_url) == single_worker_result


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "portal.cli", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def test_unreachable_frontier_is_one_line_and_exit_2(tmp_path):
    done = run_cli(
        "crawl", "profiles", "--start-url", "http://127.0.0.1:9/", "--db",
        str(tmp_path / "x.sqlite"), "--workers", "2",
        "--frontier", f"postgresql://nobody@/nodb?host={tmp_path}",
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("Error: cannot open the crawl frontier")
    assert "Traceback" not in done.stderr


def test_several_start_urls_need_a_frontier(tmp_path):
    done = run_cli(
        "crawl", "profiles", "--start-url", "http://a/", "--start-url", "http://b/",
        "--db", str(tmp_path / "x.sqlite"),
    )  # fmt: skip
    assert done.returncode == 2 and "several --start-url need --workers" in done.stderr
