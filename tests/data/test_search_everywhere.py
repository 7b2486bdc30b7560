"""Search across every table: two-character terms, districts, incentive text, tenants, sources."""

from __future__ import annotations

import pytest

from data.store.database import open_db
from data.store.queries import search_everywhere, source_document, source_record


@pytest.fixture(scope="module")
def store(built_any):
    return open_db(built_any, read_only=True)  # on SQLite and on PostgreSQL


def test_a_two_character_district_finds_the_park_its_incentive_and_tenants(store):
    hits = search_everywhere(store, "密云")  # FTS5 trigram alone finds nothing for 2 characters
    assert set(hits) >= {"parks", "incentives", "park_tenants"}
    assert "北京呼叫中心产业基地" in set(hits["parks"]["name"])
    assert hits["parks"]["district"].str.contains("密云").all()
    assert hits["incentives"]["conditions"].str.contains("密云").all()
    # tenants match through their park's name and carry it
    assert (hits["park_tenants"]["park"] == "北京呼叫中心产业基地").all()


def test_english_names_and_sources_are_searched(store):
    assert "杭州市" in set(search_everywhere(store, "hangzhou")["cities"]["name_zh"])
    sources = search_everywhere(store, "census")["sources"]
    assert sources["url"].str.startswith("https://").all()


def test_wildcards_are_matched_literally_and_empty_terms_find_nothing(store):
    assert search_everywhere(store, "   ") == {}
    assert search_everywhere(store, "zz%zz") == {}
    assert search_everywhere(store, "密_") == {}
    for frame in search_everywhere(store, "%").values():  # only rows holding a percent sign
        assert frame.astype(str).apply(lambda c: c.str.contains("%", regex=False)).any(axis=1).all()


def test_a_curated_source_opens_on_its_document(store):
    curated = store.execute("SELECT id FROM sources WHERE kind = 'curated' LIMIT 1").fetchone()[0]
    source = source_record(store, curated)
    assert source["facts"] > 0
    text = source_document(source)
    assert text and text.startswith(source["title"][:4])
    reference = dict(source, kind="reference")
    assert source_document(reference) is None
    assert source_document(dict(source, url="../../pyproject.toml")) is None
    assert source_record(store, "no-such-source") is None
