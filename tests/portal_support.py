"""Helpers of the portal tests: a database with the curated build plus synthetic rows."""

from __future__ import annotations

from pathlib import Path

from data.store.build import build
from data.store.fixtures import write_fixture_store

APP = Path(__file__).resolve().parents[1] / "portal" / "app.py"


def make_portal_db(path: Path, n_centers: int = 24, n_parks: int = 6) -> Path:
    """``parkbench build`` of the repo's data, plus synthetic centers and parks on top."""
    build(path)
    write_fixture_store(path, n_centers=n_centers, n_parks=n_parks).conn.close()
    return path


def count_markers(script: str, table: str) -> int:
    """Rows of the marker array the map script draws for ``table`` (``centers`` or ``parks``)."""
    import json

    from portal.components.map import MARKER_COLOURS

    colour = MARKER_COLOURS[table]
    for part in script.split('markers({"rows":')[1:]:
        body, found, _ = part.partition(f', "{colour}",')
        if found:
            return len(json.loads('{"rows":' + body)["rows"])
    raise AssertionError(f"no marker array for {table}")


def engine_portal_db(request, tmp_path_factory, name: str, **sizes) -> Path | str:
    """:func:`make_portal_db` on the engine of ``request.param``: a SQLite file, or a fresh
    database on the session's PostgreSQL server (its URL)."""
    if request.param == "postgresql":
        return make_portal_db(request.getfixturevalue("pg_server").create_database(), **sizes)
    return make_portal_db(tmp_path_factory.mktemp(name) / "parkbench.sqlite", **sizes)
