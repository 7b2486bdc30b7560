"""Model inputs read from the built store are the same on SQLite and on PostgreSQL.

Row order is compared only where the query orders its rows: a read without ``ORDER BY`` gives
SQLite's insertion order and PostgreSQL's heap order (a row updated by resolution moves), and
the titles joined in a ``sources`` cell come in the order each engine aggregates them.
"""

from __future__ import annotations

import pandas as pd
import pytest

from data.geo.queries import load_city_capacity, load_sites
from data.inputs.benchmark import load_award_entries, load_centers, load_kpi_observations
from data.inputs.cost import load_cost_context
from data.inputs.score import load_criteria_table
from data.inputs.site_facts import site_incentives, site_indicators, site_names_en
from data.store import queries
from data.store.database import open_db

CITIES = ["110000", "310000", "330100", "610100", "510100"]


@pytest.fixture(scope="module")
def both(built_db_path, built_pg_url):
    return open_db(built_db_path, read_only=True), open_db(built_pg_url, read_only=True)


def _unordered(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    if "sources" in frame:
        frame["sources"] = frame["sources"].map(
            lambda v: " | ".join(sorted(v.split(" | "))) if isinstance(v, str) else v
        )
    key = frame.map(repr).apply(lambda row: "\x1f".join(row), axis=1)
    return frame.iloc[key.argsort(kind="stable")].reset_index(drop=True)


def _same(a, b, ordered: bool):
    if isinstance(a, pd.DataFrame):
        if not ordered:
            a, b = _unordered(a), _unordered(b)
        pd.testing.assert_frame_equal(
            a.reset_index(drop=True), b.reset_index(drop=True), check_dtype=False
        )
    elif isinstance(a, list) and not ordered:
        assert sorted(map(repr, a)) == sorted(map(repr, b))
    else:
        assert a == b


@pytest.mark.parametrize(
    "read",
    [
        lambda db: load_criteria_table(db, include_parks=True),
        load_centers,
        load_kpi_observations,
        load_award_entries,
        load_city_capacity,
        lambda db: load_sites(db),
        lambda db: site_indicators(db, CITIES),
        lambda db: site_incentives(db, CITIES),
        lambda db: site_names_en(db, CITIES, []),
        lambda db: vars(load_cost_context("杭州", None, db)),
        queries.overview_counts,
        queries.counts_by_province,
        lambda db: queries.load_table(db, "parks"),
        lambda db: queries.load_table(db, "centers", text="呼叫中心"),
        lambda db: queries.load_markers(db, "centers"),
        lambda db: queries.city_indicator_table(db, "seats_total"),
        lambda db: queries.entity_facts(db, "parks", queries.load_table(db, "parks")["id"][0]),
    ],
    ids=[
        "criteria_table", "centers", "kpi_observations", "award_entries", "city_capacity",
        "sites", "site_indicators", "site_incentives", "site_names_en", "cost_context",
        "overview_counts", "counts_by_province", "load_table", "load_table_search",
        "markers", "city_indicator_table", "entity_facts",
    ],
)  # fmt: skip
def test_inputs_equal_on_both_engines(both, read, request):
    sqlite_db, pg_db = both
    ordered = request.node.callspec.id in ORDERED
    _same(read(pg_db), read(sqlite_db), ordered)


#: reads whose order is part of their result (ORDER BY on a unique key, or sorted in Python)
ORDERED = {
    "centers", "kpi_observations", "award_entries",
    "sites", "site_indicators", "site_incentives", "site_names_en", "cost_context",
    "overview_counts", "counts_by_province", "markers", "city_indicator_table", "entity_facts",
}  # fmt: skip
