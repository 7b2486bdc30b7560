"""The API's ASGI app in-process: it follows the store's data version and fails in one line.

The tests that read a store run on SQLite and on PostgreSQL (``any_db_path``, ``built_any``).
"""

from __future__ import annotations

import asyncio

import httpx
import pytest

from data.imports.importer import import_file
from data.store.database import open_db
from portal.api import ReleaseApi, standalone_app


def add_center(db_path, tmp_path, name: str) -> None:
    csv = tmp_path / f"{name}.csv"
    csv.write_text(f"企业名称,所在城市,座席数量\n{name},宁波,120个\n", encoding="utf-8")
    db = open_db(db_path)
    try:
        import_file(db, csv)
    finally:
        db.conn.close()


class Client:
    """A synchronous client of an ASGI app in this process (httpx's ASGI transport)."""

    def __init__(self, app) -> None:
        self.app = app

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc) -> None:
        return None

    def get(self, path: str, **kwargs) -> httpx.Response:
        async def go():
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://api.test") as c:
                return await c.get(path, **kwargs)

        return asyncio.run(go())


def names(client: Client) -> set[str]:
    r = client.get("/api/parkbench/centers.json", params={"_shape": "array", "_size": "max"})
    assert r.status_code == 200
    return {row["name"] for row in r.json()}


def test_api_follows_each_write_and_stops_old_query_threads(any_db_path, tmp_path):
    db_path = any_db_path
    api = ReleaseApi(db_path, tmp_path / "cache")
    with Client(standalone_app(api)) as client:
        assert "进程内一号呼叫中心" not in names(client)
        first = api._datasette
        add_center(db_path, tmp_path, "进程内一号呼叫中心")
        assert "进程内一号呼叫中心" in names(client)
        assert api._retired is first and not first.executor._shutdown
        add_center(db_path, tmp_path, "进程内二号呼叫中心")
        assert {"进程内一号呼叫中心", "进程内二号呼叫中心"} <= names(client)
        assert first.executor._shutdown  # two versions later its threads are stopped
        versions = [p for p in (tmp_path / "cache").iterdir() if not p.name.startswith(".")]
        assert len(versions) == 3


def test_missing_database_is_a_503_with_the_reason(tmp_path):
    api = ReleaseApi(tmp_path / "none.sqlite", tmp_path / "cache")
    with Client(standalone_app(api)) as client:
        r = client.get("/api/parkbench/centers.json")
    assert r.status_code == 503
    assert "does not exist" in r.json()["error"]


def test_unreachable_postgresql_database_is_a_503_with_the_reason(pg_server, tmp_path):
    api = ReleaseApi(pg_server.url("no_such_database"), tmp_path / "cache")
    with Client(standalone_app(api)) as client:
        r = client.get("/api/parkbench/centers.json")
    assert r.status_code == 503
    assert "cannot connect to postgresql://" in r.json()["error"]


def test_root_redirects_to_the_api(built_any, tmp_path):
    api = ReleaseApi(built_any, tmp_path / "cache")
    with Client(standalone_app(api)) as client:
        r = client.get("/", follow_redirects=False)
        assert r.status_code in (302, 307) and r.headers["location"] == "/api/"
        assert client.get("/api", follow_redirects=False).headers["location"] == "/api/"
        assert client.get("/api/").status_code == 200


def test_db_or_release_file_not_both(tmp_path):
    with pytest.raises(ValueError, match="either"):
        ReleaseApi(tmp_path / "a.sqlite", release_file=tmp_path / "b.sqlite")
    with pytest.raises(ValueError, match="either"):
        ReleaseApi()


def test_error_answers_do_not_dump_tracebacks(built_any, tmp_path, capsys):
    api = ReleaseApi(built_any, tmp_path / "cache")
    with Client(standalone_app(api)) as client:
        r = client.get("/api/parkbench/import_rejects.json")
        assert r.status_code == 404 and r.json()["error"] == "Table not found"
        r = client.get(
            "/api/parkbench.json",
            params={
                "sql": "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)"
                " SELECT count(*) FROM c"
            },
        )
        assert r.status_code == 400
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err and "locals" not in out.out + out.err
