"""Cost contexts read in bulk are the contexts read one place at a time."""

from __future__ import annotations

from dataclasses import asdict

import pytest

from data.inputs.cost import load_cost_context, load_cost_contexts
from data.inputs.score import load_criteria_table
from data.store.database import open_db
from tests.portal_support import make_portal_db


@pytest.fixture(scope="module")
def synthetic_db(tmp_path_factory):
    """The curated build, 300 synthetic parks, and parks whose names test the matching."""
    path = make_portal_db(tmp_path_factory.mktemp("ctx") / "pb.sqlite", n_centers=20, n_parks=300)
    db = open_db(path)
    rows = [
        # a longer name with the lower id: a search for the shorter one must still find the
        # exact name first
        {"id": "zz-park-b", "name": "测试园区甲", "name_en": "Test Park A", "city": "杭州"},
        {"id": "aa-park-a", "name": "测试园区甲二期", "name_en": "TEST PARK A Phase 2",
         "city": "杭州", "rent_cny_per_m2_month": 33.0},
        {"id": "mm-park-c", "name": "测试100%园区", "name_en": None, "city": "杭州",
         "rent_cny_per_m2_month": 44.0},
    ]  # fmt: skip
    with db.conn:
        for r in rows:
            db.conn.execute(
                "insert into parks (id, name, name_en, city, rent_cny_per_m2_month) "
                "values (?, ?, ?, ?, ?)",
                [r["id"], r["name"], r["name_en"], r["city"], r.get("rent_cny_per_m2_month")],
            )
    db.conn.close()
    return path


def same(a, b) -> None:
    assert asdict(a) == asdict(b)


def places_of(db_path) -> list[tuple[str, str | None]]:
    db = open_db(db_path, read_only=True)
    table = load_criteria_table(db, include_parks=True)
    names = dict(db.conn.execute("select adcode, name_zh from cities").fetchall())
    return [
        (names.get(r["adcode"], r["name"]), r["name"] if r["kind"] == "park" else None)
        for r in table.to_dict("records")
    ]


@pytest.mark.parametrize("store", ["built", "synthetic"])
def test_every_site_has_the_context_of_one_by_one(store, built_db_path, synthetic_db):
    path = built_db_path if store == "built" else synthetic_db
    places = places_of(path)
    assert len(places) > (300 if store == "built" else 600)
    db = open_db(path, read_only=True)
    bulk = load_cost_contexts(db, places)
    for (city, park), ctx in zip(places, bulk, strict=True):
        same(ctx, load_cost_context(city, park, db))
    assert sum(c.park is not None for c in bulk) > (50 if store == "built" else 300)
    assert sum(bool(c.rules) for c in bulk) > 5


@pytest.mark.parametrize(
    ("park", "expected"),
    [
        ("测试园区甲", "zz-park-b"),  # exact beats a longer name with a lower id
        ("测试园区", "aa-park-a"),  # contained in both: the lower id
        ("test park a", "aa-park-a"),  # like ignores the case of ASCII letters
        ("Test Park A", "zz-park-b"),  # = does not: this one is exact
        ("100%园", "mm-park-c"),  # a wildcard in the name: asked of the store
        ("园区乙", None),
    ],
)
def test_parks_match_as_the_store_matches_them(synthetic_db, park, expected):
    db = open_db(synthetic_db, read_only=True)
    one = load_cost_context("杭州", park, db)
    (bulk,) = load_cost_contexts(db, [("杭州", park)])
    same(bulk, one)
    assert (one.park or {}).get("id") == expected


def test_contexts_of_the_same_city_do_not_share_their_entries(built_db_path):
    db = open_db(built_db_path, read_only=True)
    a, b = load_cost_contexts(db, [("杭州", None), ("杭州", None)])
    a.values["rent_cny_per_m2_month"] = -1
    a.sources["rent_cny_per_m2_month"]["value"] = -1
    assert b.values["rent_cny_per_m2_month"] > 0
    assert b.sources["rent_cny_per_m2_month"]["value"] > 0
