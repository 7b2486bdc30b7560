"""The admin page (Import & review) under AppTest, on a SQLite file and on a PostgreSQL store:
upload a file, read the preview with its per-row errors, commit, undo the batch, and accept or
reject queued facts. Each test writes a fresh store of its engine (``stores``)."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from data.review.queue import QueuedFact, enqueue, list_items
from data.store.database import SourceInfo, open_db
from portal.i18n import STRINGS
from scrapers.extract.articles import extract_articles
from tests.portal_support import APP

PASSWORD = "apptest-admin-password"
NEW_CENTER = "管理页测试客服中心"
UPLOAD = f"名称,城市,行业,座席数\n{NEW_CENTER},成都,银行,300\n,南京,电信,很多\n".encode()
ARTICLE = (
    Path(__file__).parents[1] / "fixtures" / "scrapers" / "articles" / "seed001_miyun" / "page.html"
)


@pytest.fixture
def store(stores, monkeypatch):
    """An empty store of the test's engine, served to the portal with the admin password set."""
    target = stores.target()
    open_db(target).conn.close()
    monkeypatch.setenv("PARKBENCH_DB", str(target))
    monkeypatch.setenv("PARKBENCH_ADMIN_PASSWORD", PASSWORD)
    return target


def signed_in() -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    at.switch_page("views/admin.py")
    at.run()
    at.text_input(key="admin_password").input(PASSWORD)
    at.button[0].click().run()
    assert not at.exception, at.exception
    assert at.session_state["admin_ok"]
    return at


def texts(at: AppTest) -> str:
    kinds = ("markdown", "caption", "info", "warning", "error", "success")
    return "\n".join(str(e.value) for kind in kinds for e in at.get(kind))


def rows(target, sql: str, params=()) -> list[dict]:
    db = open_db(target, read_only=True)
    try:
        return list(db.query(sql, params))
    finally:
        db.conn.close()


def test_upload_preview_commit_then_undo(store):
    at = signed_in()
    at.file_uploader(key="admin_upload").set_value(("centers.csv", UPLOAD, "text/csv")).run()
    assert not at.exception, at.exception
    assert "预览：共 2行，可导入 1行，拒绝 1行。尚未写入任何数据。" in texts(at)
    cells = [str(v) for v in at.dataframe[0].value.to_numpy().ravel()]  # the per-row errors
    assert any("name is required" in c for c in cells) and "很多" in cells
    assert rows(store, "SELECT COUNT(*) AS n FROM centers")[0]["n"] == 0  # a preview writes nothing

    at.button(key="admin_commit").click().run()
    assert not at.exception, at.exception
    assert any("已导入：新增 1行" in s.value for s in at.success)
    stored = rows(store, "SELECT name, city, industry, seats FROM centers")
    assert stored == [{"name": NEW_CENTER, "city": "成都", "industry": "银行", "seats": 300}]
    rejected = rows(store, 'SELECT "row", "column" FROM import_rejects ORDER BY "column"')
    assert rejected == [{"row": 3, "column": "名称"}, {"row": 3, "column": "座席数"}]  # per field
    (batch,) = rows(store, "SELECT id, status FROM import_batches")
    assert batch["status"] == "active"
    assert batch["id"] in texts(at)

    at.button(key=f"undo_{batch['id']}").click().run()
    assert not at.exception, at.exception
    assert any(batch["id"] in s.value for s in at.success)
    assert rows(store, "SELECT COUNT(*) AS n FROM centers")[0]["n"] == 0
    assert rows(store, "SELECT COUNT(*) AS n FROM import_rejects")[0]["n"] == 0
    assert rows(store, "SELECT status FROM import_batches")[0]["status"] == "undone"
    assert not [b for b in at.button if b.key == f"undo_{batch['id']}"]


def test_accept_and_reject_queued_facts(store):
    found = extract_articles(ARTICLE.read_bytes())
    source = SourceInfo(
        kind="scrape", url="http://127.0.0.1/news/miyun.html", title=found.title,
        retrieved_at="2024-01-01T00:00:00+00:00", sha256="cd" * 32,
        extractor="parkbench.scrapers.articles", extractor_version="0.1.0",
    )  # fmt: skip
    db = open_db(store)
    enqueue(db, source, [QueuedFact(**asdict(f)) for f in found.facts])
    items = list_items(db)
    db.conn.close()
    park = next(i for i in items if i["entity_table"] == "parks")
    tenant = next(i for i in items if i["entity_table"] == "park_tenants")

    at = signed_in()
    assert f"{len(items)}" in texts(at)
    at.button(key=f"acc_{park['id']}").click().run()
    assert not at.exception, at.exception
    assert STRINGS["admin.review_done"]["zh"] in [s.value for s in at.success]
    (stored,) = rows(store, "SELECT name, area_km2 FROM parks")
    assert stored == {"name": "北京呼叫中心产业基地", "area_km2": 3.0}
    at.button(key=f"rej_{tenant['id']}").click().run()
    assert not at.exception, at.exception
    decided = {
        r["id"]: (r["status"], r["reason"], r["decided_by"])
        for r in rows(store, "SELECT id, status, reason, decided_by FROM review_queue")
    }
    assert decided[park["id"]] == ("accepted", None, "portal")
    assert decided[tenant["id"]] == ("rejected", "rejected in the portal", "portal")
    assert not [b for b in at.button if b.key in (f"acc_{park['id']}", f"rej_{tenant['id']}")]
