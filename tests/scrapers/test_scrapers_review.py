"""Article facts go to the review queue; accepting one publishes it with its page as source."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import pytest

from data.review.queue import QueuedFact, ReviewError, accept, enqueue, list_items, reject
from data.store.database import SourceInfo, open_db
from scrapers.extract.articles import extract_articles

PAGE = (
    Path(__file__).parents[1] / "fixtures" / "scrapers" / "articles" / "seed001_miyun" / "page.html"
)


@pytest.fixture
def queued(stores):
    db = open_db(stores.target())  # on SQLite and on PostgreSQL
    body = PAGE.read_bytes()
    found = extract_articles(body)
    source = SourceInfo(
        kind="scrape",
        url="http://127.0.0.1/news/miyun.html",
        title=found.title,
        retrieved_at="2024-01-01T00:00:00+00:00",
        sha256="ab" * 32,
        extractor="parkbench.scrapers.articles",
        extractor_version="0.1.0",
    )
    facts = [QueuedFact(**asdict(f)) for f in found.facts]
    assert enqueue(db, source, facts) == len(facts)
    assert enqueue(db, source, facts) == 0  # idempotent
    yield db
    db.conn.close()


def test_queue_holds_facts_not_published_rows(queued):
    items = list_items(queued)
    assert items and all(i["status"] == "pending" and i["evidence"] for i in items)
    assert queued["parks"].count == 0 and queued["park_targets"].count == 0
    assert [i["confidence"] for i in items] == sorted(
        (i["confidence"] for i in items), reverse=True
    )


def test_accept_publishes_with_provenance_and_reject_keeps_reason(queued):
    items = list_items(queued)
    park = next(i for i in items if i["entity_table"] == "parks")
    accept(queued, park["id"], "tester")
    row = next(queued["parks"].rows)
    assert (row["name"], row["area_km2"], row["distance_to_city_km"]) == (
        "北京呼叫中心产业基地",
        3.0,
        2.5,
    )
    fact = next(queued["facts"].rows_where("entity_id = ?", [row["id"]]))
    assert json.loads(fact["evidence_json"])["area_km2"] == park["evidence"]
    target = next(
        i for i in items if i["entity_table"] == "park_targets" and i["values"]["year"] == "2015"
    )
    accept(queued, target["id"])
    t = next(queued["park_targets"].rows)
    assert (t["park_id"], t["year"], t["seats"], t["jobs"]) == (row["id"], 2015, 40000, 135000)
    with pytest.raises(ReviewError, match="already accepted"):
        accept(queued, park["id"])
    other = next(i for i in items if i["entity_table"] == "park_tenants")
    reject(queued, other["id"], "seats belong to the park, not the company")
    assert list_items(queued, "rejected")[0]["reason"].startswith("seats belong")


def test_failed_accept_keeps_item_pending_with_reasons_and_list_shows_them(stores):
    from click.testing import CliRunner

    from portal.commands.review import command

    path = stores.target()
    db = open_db(path)
    source = SourceInfo(
        kind="scrape",
        url="http://127.0.0.1/news/bad.html",
        title="t",
        retrieved_at="2024-01-01T00:00:00+00:00",
        sha256="cd" * 32,
        extractor="parkbench.scrapers.articles",
        extractor_version="0.1.0",
    )
    bad = QueuedFact(
        "park_targets",
        {"park": "示例呼叫中心产业基地", "year": "明年", "seats": "很多"},
        "…",
        0.8,
        "x",
    )
    enqueue(db, source, [bad])
    (item,) = list_items(db)
    with pytest.raises(ReviewError, match="does not validate"):
        accept(db, item["id"])
    (item,) = list_items(db)
    assert item["status"] == "pending" and "year" in item["last_error"]
    assert db["park_targets"].count == 0 and db["parks"].count == 0
    db.conn.close()
    out = CliRunner().invoke(command, ["list", "--db", str(path)])
    assert out.exit_code == 0
    assert f"last accept failed: {item['last_error']}" in out.output
