"""Every import is a batch with an id; undoing it gives back the store as it was, byte for byte."""

from __future__ import annotations

import json
import sqlite3

import pytest

from data.errors import StoreError
from data.imports.importer import import_file, report_json
from data.store.batches import undo_batch
from data.store.database import open_db
from portal.cli import main

BOOKKEEPING = ("import_batches", "batch_changes")


def dump(path) -> list[str]:
    """Every statement of the store's dump, without full-text shadow tables and batch books."""
    conn = sqlite3.connect(path)
    try:
        skip = {
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if "_fts" in r[0] or r[0] in BOOKKEEPING
        }
        out = []
        for line in conn.iterdump():
            if any(f'"{name}"' in line.split("VALUES")[0] for name in skip):
                continue
            out.append(line)
        return out
    finally:
        conn.close()


def search(path, text: str) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return sorted(
            r[0]
            for r in conn.execute(
                "SELECT c.name FROM centers_fts f JOIN centers c ON c.rowid = f.rowid"
                " WHERE centers_fts MATCH ?",
                [text],
            )
        )
    finally:
        conn.close()


@pytest.fixture
def store(tmp_path, write_csv):
    path = tmp_path / "parkbench.sqlite"
    open_db(path).conn.close()
    first = write_csv(
        [
            ["name", "city", "seats", "answer_rate", "website"],
            ["甲呼叫中心", "合肥", "100", "90%", "https://a.example.cn"],
            ["乙呼叫中心", "上海", "200", "85%", ""],
            ["坏行中心", "合肥", "很多", "", ""],
        ],
        "first.csv",
    )
    second = write_csv(
        [
            ["name", "city", "seats", "answer_rate", "aht_seconds"],
            ["甲呼叫中心", "合肥", "150", "92.5%", "240"],  # changes seats and answer rate
            ["丙呼叫中心", "杭州", "300", "", "180"],  # new
            ["丁中心", "杭州", "-5", "", ""],  # rejected
        ],
        "second.csv",
    )
    return path, first, second


def test_undo_restores_the_store_exactly(store):
    path, first, second = store
    db = open_db(path)
    loaded, report = import_file(db, first, "centers")
    assert report.batch_id and report_json(loaded, report)["batch_id"] == report.batch_id
    db.conn.close()
    after_first = dump(path)
    assert search(path, "呼叫中心") == ["乙呼叫中心", "甲呼叫中心"]

    db = open_db(path)
    _, update = import_file(db, second, "centers")
    assert len(update.written.updated) == 1 and len(update.written.inserted) == 1
    db.conn.close()
    assert dump(path) != after_first

    db = open_db(path)
    result = undo_batch(db, update.batch_id)
    db.conn.close()
    assert result.deleted > 0 and result.restored > 0
    assert dump(path) == after_first
    assert search(path, "呼叫中心") == ["乙呼叫中心", "甲呼叫中心"]  # full-text search follows

    db = open_db(path)
    with pytest.raises(StoreError, match="already undone"):
        undo_batch(db, update.batch_id)
    db.conn.close()


def test_an_earlier_batch_waits_for_the_later_one(store):
    path, first, second = store
    db = open_db(path)
    _, a = import_file(db, first, "centers")
    _, b = import_file(db, second, "centers")
    with pytest.raises(StoreError, match=f"later batch.*{b.batch_id}.*undo those first"):
        undo_batch(db, a.batch_id)
    undo_batch(db, b.batch_id)
    undo_batch(db, a.batch_id)
    db.conn.close()
    assert open_db(path, read_only=True)["centers"].count == 0
    assert open_db(path, read_only=True)["sources"].count == 0


def test_cli_import_then_undo(store, capsys):
    path, first, _ = store
    open_db(path).conn.close()
    empty = dump(path)
    main(["import", str(first), "--db", str(path), "--json"])
    doc = json.loads(capsys.readouterr().out)
    assert doc["batch_id"].startswith("b")
    main(["import", "undo", doc["batch_id"], "--db", str(path)])
    assert f"undid import batch {doc['batch_id']}" in capsys.readouterr().out
    assert dump(path) == empty
    with pytest.raises(SystemExit) as exit_info:
        main(["import", "undo", "b-nope", "--db", str(path)])
    assert exit_info.value.code == 2
    assert "no import batch" in capsys.readouterr().err


def test_admin_page_undoes_an_import(store, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from tests.portal_support import APP

    path, first, second = store
    db = open_db(path)
    import_file(db, first, "centers")
    _, update = import_file(db, second, "centers")
    db.conn.close()
    monkeypatch.setenv("PARKBENCH_DB", str(path))
    monkeypatch.setenv("PARKBENCH_ADMIN_PASSWORD", "s3cret-pass")
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    at.switch_page("views/admin.py")
    at.session_state["admin_ok"] = True
    at.run()
    assert not at.exception, at.exception
    at.button(key=f"undo_{update.batch_id}").click()
    at.run()
    assert not at.exception, at.exception
    assert any(update.batch_id in str(s.value) for s in at.success)
    status = open_db(path, read_only=True).execute(
        "SELECT status FROM import_batches WHERE id = ?", [update.batch_id]
    )
    assert status.fetchone()[0] == "undone"
    assert not [b for b in at.button if b.key == f"undo_{update.batch_id}"]
