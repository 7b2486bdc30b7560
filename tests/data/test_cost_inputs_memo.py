"""data.inputs.cost: the many-places reader (``load_cost_contexts``) answers the city figures
from one read of ``city_economics`` and picks the row the store's query picks, ties included."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from data.inputs.cost import (
    _MemoStore,
    _query_latest_economics,
    load_cost_context,
    load_cost_contexts,
)
from usecases.store import open_store


def _keys(db) -> list[tuple]:
    return [
        (r["adcode"], r["indicator"], r["kind"])
        for r in db.query("select distinct adcode, indicator, kind from city_economics")
    ]


@pytest.fixture
def tied_store(built_db_path, tmp_path):
    """The built store plus rows that tie with a city's current figures on year, method and
    period (a different value and id, read after them), rows without a year or a period, and
    one later figure that must win."""
    path = tmp_path / "tied.sqlite"
    shutil.copy(built_db_path, path)
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    cols = [r[1] for r in conn.execute("pragma table_info(city_economics)")]
    rows = conn.execute(
        "select * from city_economics where scope = 'city' and value is not null "
        "order by adcode, indicator, kind limit 60"
    ).fetchall()
    assert len(rows) == 60
    added = []
    for i, row in enumerate(rows):
        tie = dict(row, id=f"tie-{i}", value=row["value"] * 1.5)
        added.append(tie)
        if i % 3 == 0:  # no year, no period: last in the order
            added.append(dict(row, id=f"noyear-{i}", year=None, period=None, value=1.0))
        if i % 5 == 0:  # a method where the original has none, or the reverse
            added.append(dict(row, id=f"method-{i}", method=None if row["method"] else "x"))
    later = dict(rows[0], id="later", year=(rows[0]["year"] or 2000) + 50, value=12345.0)
    added.append(later)
    marks = ", ".join("?" for _ in cols)
    conn.executemany(
        f"insert into city_economics values ({marks})", [[r[c] for c in cols] for r in added]
    )
    conn.commit()
    conn.close()
    return path, (rows[0]["adcode"], rows[0]["indicator"], rows[0]["kind"])


def test_city_figures_read_in_memory_are_the_store_query_s_ties_included(tied_store):
    path, later_key = tied_store
    db = open_store(path)
    memo = _MemoStore(db)
    keys = _keys(db)
    assert len(keys) > 100
    for key in keys:
        assert memo.latest_economics(*key) == _query_latest_economics(db, *key), key
    assert memo.latest_economics(*later_key)["value"] == 12345.0
    assert memo._economics  # answered from the one read, not row by row
    # and every city's context through the bulk path is that of one call per city
    cities = sorted({k[0] for k in keys if k[0]})
    names = {r["adcode"]: r["name_zh"] for r in db.query("select adcode, name_zh from cities")}
    places = [(names[a], None) for a in cities if a in names]
    assert len(places) > 50
    many = load_cost_contexts(db, places)
    for place, ctx in zip(places, many, strict=True):
        assert ctx == load_cost_context(*place, db), place


def test_a_year_sqlite_orders_otherwise_is_asked_of_the_store(tied_store):
    """A year stored as a fraction (SQLite orders numbers across types) is not ordered in
    memory: every answer then comes from the store's query."""
    path, key = tied_store
    conn = sqlite3.connect(path)
    conn.execute("update city_economics set year = 2099.5 where id = 'tie-1'")
    conn.commit()
    conn.close()
    db = open_store(path)
    memo = _MemoStore(db)
    for k in _keys(db):
        assert memo.latest_economics(*k) == _query_latest_economics(db, *k), k
    assert memo._economics == {}
