"""The harvested dataset: curator facts of real pages, published with their URLs and decisions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from data.ingest.records import check_record
from data.store.build import CURATED_DIR, load_harvest
from scrapers.corpus.harvest import harvest_page, incentive_values, raw_value

REPO = Path(__file__).resolve().parents[2]
HARVEST = CURATED_DIR / "harvest"


@pytest.mark.parametrize(
    ("table", "column", "value", "bound"),
    [
        ("centers", "seats", 3210, None),
        ("centers", "staff", 1000, "min"),
        ("centers", "csat", 0.99, "approx"),
        ("centers", "aht_seconds", 185.5, None),
        ("parks", "area_km2", 0.5333, "min"),
        ("parks", "investment_cny", 30_000_000_000, "min"),
        ("parks", "building_area_m2", 39800, "max"),
    ],
)
def test_a_label_value_reads_back_as_the_same_value_and_bound(table, column, value, bound):
    checked = check_record(table, {"name": "某中心", column: raw_value(column, value, bound)})
    assert checked.ok, checked.errors
    assert checked.values[column] == pytest.approx(value)
    assert checked.values.get(f"{column}_bound") == bound


def test_review_decisions_compare_the_extractor_with_the_curator():
    label = {
        "id": "t_001",
        "url": "http://example.org/a",
        "lang": "zh-Hans",
        "retrieved": "2026-12-04",
        "centers": [{"name": "甲银行客服中心", "city": "西安市", "seats": 3210, "staff": 800}],
        "parks": [],
    }
    extracted = {
        "centers": [{"name": "甲银行客服中心", "seats": 3210, "staff": 900, "founded_year": 2001}]
    }
    page = harvest_page(label, extracted, "9.9")
    review = page.records[0]["review"]
    assert review == {
        "name": "accepted",
        "city": "added",
        "seats": "accepted",
        "staff": "corrected",
    }
    assert page.decisions == {"accepted": 2, "added": 1, "corrected": 1, "rejected": 1}
    assert page.source["retrieved"] == "2026-12-04T00:00:00Z"
    assert page.records[0]["values"]["staff"] == "800"  # the curator's value is published


def test_incentives_become_rules_of_the_model():
    free = incentive_values(
        {"kind": "rent_reduction", "value": 3, "unit": "year", "basis": "free"}, 1, "某园", None
    )
    assert (free["rate"], free["duration_years"], free["park"]) == ("1", "3", "某园")
    seat = incentive_values(
        {"kind": "seat_subsidy", "value": 2000, "unit": "CNY/seat"}, 2, None, "合肥市"
    )
    assert (seat["amount_cny"], seat["amount_unit"], seat["tier"], seat["city"]) == (
        "2000",
        "per_seat",
        2,
        "合肥市",
    )
    assert incentive_values({"kind": "seat_subsidy", "unit": "CNY/seat"}, 1, None, "合肥市") is None


def test_harvest_files_cite_pages_never_their_text():
    files = sorted(HARVEST.glob("*.json"))
    assert len(files) >= 150
    labels = {p.stem for p in (REPO / "scrapers" / "corpus" / "labels").glob("*/*.json")}
    assert {f.stem for f in files} <= labels
    for f in files:
        doc = json.loads(f.read_text(encoding="utf-8"))
        assert doc["source"]["url"].startswith(("http://", "https://"))
        for rec in doc["records"]:
            for v in rec["values"].values():  # values, names and numbers: no page sentence
                if isinstance(v, str):
                    assert len(v) <= 120 and not any(ch in v for ch in "。，；！？"), (f.name, v)


def test_the_build_holds_the_harvest_with_its_urls(built_db_path):
    import sqlite3

    db = sqlite3.connect(built_db_path)
    web = "SELECT DISTINCT f.entity_id FROM facts f JOIN sources s ON s.id = f.source_id WHERE f.entity_table = ? AND s.url LIKE 'http%'"
    centers = {r[0] for r in db.execute(web, ["centers"])}
    parks = {r[0] for r in db.execute(web, ["parks"])}
    assert len(centers) >= 100 and len(parks) >= 40
    c_marks, p_marks = ",".join("?" * len(centers)), ",".join("?" * len(parks))
    cities = db.execute(
        f"SELECT count(DISTINCT city_adcode) FROM (SELECT city_adcode FROM centers WHERE id IN"
        f" ({c_marks}) UNION SELECT city_adcode FROM parks WHERE id IN ({p_marks}))",
        [*centers, *parks],
    ).fetchone()[0]
    assert cities >= 25
    assert len(load_harvest(HARVEST)) == len(list(HARVEST.glob("*.json")))
    db.close()
