"""Shared fixtures: fresh stores in memory and on disk, and the built curated database."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from data.store.database import memory_db, open_db

REPO = Path(__file__).resolve().parents[1]

# pages and the CLI turn unexpected errors into a message; tests want to see them raised
os.environ.setdefault("PARKBENCH_RAISE_ERRORS", "1")


@pytest.fixture
def fresh_db():
    """An empty store in memory with the full schema."""
    db = memory_db()
    yield db
    db.conn.close()


@pytest.fixture
def db_path(tmp_path) -> Path:
    """Path of an empty store on disk (a real SQLite file in WAL mode)."""
    path = tmp_path / "parkbench.sqlite"
    open_db(path).conn.close()
    return path


@pytest.fixture(scope="session")
def built_db_path(tmp_path_factory) -> Path:
    """The database `parkbench build` makes from the curated data in the repo (built once)."""
    from data.store.build import build

    path = tmp_path_factory.mktemp("built") / "parkbench.sqlite"
    build(path)
    return path


@pytest.fixture
def write_csv(tmp_path):
    """Write rows (first row = header) as a CSV file in the given encoding; return its path."""

    def write(rows: list[list[object]], name: str = "centers.csv", encoding: str = "utf-8") -> Path:
        import csv
        import io

        buf = io.StringIO()
        csv.writer(buf).writerows(rows)
        path = tmp_path / name
        path.write_bytes(buf.getvalue().encode(encoding))
        return path

    return write


@pytest.fixture(autouse=True)
def _fresh_login_throttle():
    """Failed sign-ins of one test must not slow down the next one."""
    yield
    import sys

    services = sys.modules.get("portal.services")
    if services is not None:
        services.login_throttle().reset()


@pytest.fixture(scope="session")
def pg_server():
    """A PostgreSQL server of this test session (Unix socket in a temp dir, no network)."""
    from tests.pg_support import start_server

    try:
        server = start_server()
    except RuntimeError as exc:
        pytest.fail(str(exc), pytrace=False)
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server) -> str:
    """URL of a fresh, empty UTF-8 database on the session's PostgreSQL server."""
    return pg_server.create_database()


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request) -> str:
    """The store's engine: each test using it runs on SQLite and on PostgreSQL."""
    return request.param


@pytest.fixture
def stores(engine, tmp_path, request):
    """A :class:`data.store.fixtures.StoreFactory` of the test's engine."""
    from data.store.fixtures import StoreFactory

    server = request.getfixturevalue("pg_server") if engine == "postgresql" else None
    return StoreFactory(engine, tmp_path, server.create_database if server else None)


@pytest.fixture
def any_db(stores):
    """An empty store of each engine (SQLite in memory; a fresh PostgreSQL database)."""
    db = stores.memory()
    yield db
    db.conn.close()


@pytest.fixture
def any_db_path(stores):
    """Where an empty store of each engine lives: a SQLite file, or a PostgreSQL URL."""
    target = stores.target()
    open_db(target).conn.close()
    return target


def _factory(engine: str, directory, request):
    from data.store.fixtures import StoreFactory

    server = request.getfixturevalue("pg_server") if engine == "postgresql" else None
    return StoreFactory(engine, directory, server.create_database if server else None)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def module_stores(request, tmp_path_factory):
    """A store factory shared by a module's tests, once per engine."""
    return _factory(request.param, tmp_path_factory.mktemp(request.param), request)


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def built_any(request, tmp_path_factory):
    """Where the `parkbench build` store lives on each engine: the SQLite file or the PG URL."""
    if request.param == "sqlite":
        return request.getfixturevalue("built_db_path")
    return request.getfixturevalue("built_pg_url")


@pytest.fixture(scope="session")
def built_pg_url(pg_server) -> str:
    """The `parkbench build` store on PostgreSQL (built once), as its URL."""
    from data.store.build import build

    url = pg_server.create_database()
    build(url)
    return url
