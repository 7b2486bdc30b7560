"""usecases.imports: preview (nothing written), import in one batch, undo."""

from __future__ import annotations

from tests.release_db import make_db
from usecases.imports import import_file, preview_import, read_import, undo_import


def test_import_preview_writes_nothing_then_import_and_undo(stores, write_csv):
    db = make_db(stores.target())  # on SQLite and on PostgreSQL
    path = write_csv([["name", "province", "seats"], ["测试中心甲", "江苏省", "300"],
                      ["测试中心乙", "江苏省", "很多"]])  # fmt: skip
    before = db["centers"].count
    parsed = read_import(path, kind="centers")
    preview = preview_import(db, parsed)
    assert preview.prepared.accepted == 1 and len(preview.prepared.rejected) == 1
    assert db["centers"].count == before
    done = import_file(db, read_import(path, kind="centers"))
    doc = done.to_dict()
    assert doc["inserted"] == 1 and doc["rejected"] == 1 and doc["errors"][0]["column"] == "seats"
    assert db["centers"].count == before + 1
    undone = undo_import(db, doc["batch_id"])
    assert undone.deleted >= 1 and db["centers"].count == before
    db.conn.close()
