"""The read API on real servers: `/api/` of `parkbench serve` (the portal's own port) and
`parkbench api` alone, each fetched over HTTP as a researcher's script would.

The store is built on each engine (a SQLite file, a PostgreSQL database): every test of a
served store runs on both."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser_support import REPO, free_port, portal_env

pytestmark = pytest.mark.slow

UNPUBLISHED = ("import_rejects", "source_files", "crawl_pages", "geo_unjoined", "review_queue")
MIYUN_PARK = "北京呼叫中心产业基地"


def cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "portal.cli", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def get(url: str) -> tuple[int, dict | list]:
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, json.loads(r.read().decode("utf-8"))
    except urllib.error.HTTPError as exc:
        body = exc.read().decode("utf-8")
        return exc.code, json.loads(body) if body.startswith(("{", "[")) else {"body": body}


def api(base: str, path: str, **params: str) -> tuple[int, dict | list]:
    query = urllib.parse.urlencode(params)
    return get(f"{base}/api/parkbench{path}" + (f"?{query}" if query else ""))


@contextlib.contextmanager
def running(args: list[str], probe: str, env: dict[str, str]) -> Iterator[None]:
    """Run ``parkbench ARGS`` in its own process group until ``probe`` answers 200."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "portal.cli", *args],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(probe, timeout=5) as r:
                    if r.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError(f"parkbench {args[0]} did not start") from None
                time.sleep(0.5)
        yield
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def env(tmp_path_factory) -> dict[str, str]:
    out = portal_env()
    out["PARKBENCH_API_CACHE"] = str(tmp_path_factory.mktemp("api_cache"))
    return out


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def db(request, tmp_path_factory, env) -> Path | str:
    """`parkbench build`, then an import with one rejected row (kept in import_rejects)."""
    root = tmp_path_factory.mktemp("api_db")
    path = (
        request.getfixturevalue("pg_server").create_database()
        if request.param == "postgresql"
        else root / "parkbench.sqlite"
    )
    assert cli("build", "--db", str(path), env=env).returncode == 0
    csv = root / "centers.csv"
    csv.write_text(
        "企业名称,所在城市,座席数量\n接口示例呼叫中心,杭州,300个\n坏行中心,杭州,很多\n",
        encoding="utf-8",
    )
    done = cli("import", str(csv), "--db", str(path), env=env)
    assert done.returncode == 0, done.stderr
    return path


@pytest.fixture(scope="module")
def portal(db, env) -> Iterator[str]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    args = ["serve", "--db", str(db), "--port", str(port), "--host", "127.0.0.1"]
    with running(args, f"{url}/_stcore/health", env):
        yield url


def check_published_release(base: str) -> None:
    status, centers = api(base, "/centers.json", _shape="array", _size="max")
    assert status == 200 and centers
    names = {c["name"] for c in centers}
    assert "接口示例呼叫中心" in names and "坏行中心" not in names
    status, index = api(base, ".json")
    assert status == 200
    tables = {t["name"] for t in index["tables"]}
    assert {"centers", "parks", "incentives", "park_tenants", "field_sources"} <= tables
    for table in UNPUBLISHED:
        assert table not in tables
        assert api(base, f"/{table}.json")[0] == 404
    status, found = api(base, "/search.json", q="密云", _shape="array")
    assert status == 200
    parks = [r["name"] for r in found if r["table_name"] == "parks"]
    incentives = [r for r in found if r["table_name"] == "incentives"]
    assert MIYUN_PARK in parks
    assert incentives and all(r["park"] == MIYUN_PARK for r in incentives)


def test_portal_serves_the_api_on_its_own_port(portal):
    with urllib.request.urlopen(portal, timeout=30) as r:  # the Streamlit app is still there
        assert r.status == 200 and b"<html" in r.read().lower()
    check_published_release(portal)


def test_canned_queries_of_the_portal_api(portal):
    status, tenants = api(portal, "/park_tenants.json", park="呼叫中心产业基地", _shape="array")
    assert status == 200 and tenants and {t["park"] for t in tenants} == {MIYUN_PARK}
    status, beijing = api(portal, "/incentives_by_city.json", city="Beijing", _shape="array")
    assert status == 200 and MIYUN_PARK in {r["park"] for r in beijing}
    assert api(portal, "/incentives_by_city.json", city="北京市", _shape="array")[1] == beijing


def test_portal_api_limits_time_rows_and_writes(portal):
    endless = (
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"
    )
    status, body = api(portal, ".json", sql=endless)
    assert status == 400 and body["title"] == "SQL Interrupted"
    status, body = api(portal, ".json", sql="SELECT * FROM railway_stations")
    assert status == 200 and len(body["rows"]) == 1000 and body["truncated"] is True
    status, body = api(portal, ".json", sql="DELETE FROM centers")
    assert status == 400
    assert api(portal, "/centers.json", _shape="array", _size="max")[1]


def test_portal_api_follows_an_import(portal, db, env, tmp_path):
    csv = tmp_path / "more.csv"
    csv.write_text("企业名称,所在城市,座席数量\n后续导入呼叫中心,宁波,120个\n", encoding="utf-8")
    assert cli("import", str(csv), "--db", str(db), env=env).returncode == 0
    status, found = api(portal, "/search.json", q="后续导入", _shape="array")
    assert status == 200 and [r["name"] for r in found] == ["后续导入呼叫中心"]


def test_api_command_alone(db, env):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    args = ["api", "--db", str(db), "--port", str(port), "--host", "127.0.0.1"]
    with running(args, f"{base}/api/parkbench.json", env):
        check_published_release(base)
        with urllib.request.urlopen(f"{base}/", timeout=30) as r:  # / redirects to the API
            assert r.url.rstrip("/").endswith("/api")


def test_api_command_on_an_exported_release(db, env, tmp_path):
    release = tmp_path / "release"
    done = cli("export", "--out", str(release), "--format", "csv,sqlite", "--db", str(db), env=env)
    assert done.returncode == 0, done.stderr
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    args = ["api", "--release", str(release), "--port", str(port), "--host", "127.0.0.1"]
    with running(args, f"{base}/api/parkbench.json", env):
        check_published_release(base)


def test_api_command_errors_in_one_line(tmp_path, env):
    done = cli("api", "--db", str(tmp_path / "missing.sqlite"), env=env)
    assert done.returncode == 2
    assert done.stderr.strip().startswith("Error:") and "does not exist" in done.stderr
    assert "Traceback" not in done.stderr
    (tmp_path / "bare").mkdir()
    done = cli("api", "--release", str(tmp_path / "bare"), env=env)
    assert done.returncode == 2 and "sqlite/parkbench.sqlite" in done.stderr
