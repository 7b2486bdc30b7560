"""A large import is checked and written chunk by chunk, with the same result as all at once."""

from __future__ import annotations

import pytest

from data.imports import importer
from data.imports.importer import check_import, commit_import, import_parsed, parse_import
from data.store.database import open_db
from tests.security.test_import_undo import dump

ROWS = [
    ["名称", "城市", "座席数", "接通率"],
    ["甲中心", "合肥", "100", "90%"],
    ["乙中心", "上海", "200", ""],
    ["丙中心", "杭州", "很多", ""],  # rejected
    ["甲中心", "合肥", "100", "90%"],  # duplicate of row 2, in a later chunk
    ["乙中心", "上海", "250", ""],  # conflicts with row 3, in a later chunk
    ["丁中心", "", "50", ""],
    ["丁中心", "南京", "60", ""],
    ["戊中心", "杭州", "70", "80%", "多余"],  # wider than the header
    ["己中心", "杭州", "80", ""],
]


@pytest.fixture
def frozen(monkeypatch):
    import data.store.batches as batches
    import data.store.database as database

    for module in (database, importer, batches):
        monkeypatch.setattr(module, "utc_now", lambda: "2026-01-01T00:00:00Z")


def test_chunks_give_the_same_store_and_report(tmp_path, write_csv, monkeypatch, frozen):
    upload = write_csv(ROWS, "big.csv")
    content = upload.read_bytes()
    at_once, chunked = tmp_path / "a.sqlite", tmp_path / "b.sqlite"

    db = open_db(at_once)
    parsed = parse_import(content, "big.csv", "centers")
    whole = commit_import(db, check_import(db, parsed))
    db.conn.close()

    monkeypatch.setattr(importer, "CHUNK_ROWS", 2)
    db = open_db(chunked)
    loaded, parts = import_parsed(db, parse_import(content, "big.csv", "centers"))
    db.conn.close()

    assert dump(chunked) == dump(at_once)
    assert (parts.rows, parts.accepted, parts.rejected) == (whole.rows, whole.accepted, 4)
    assert [(e.row, e.rule, e.reason) for e in parts.errors] == [
        (e.row, e.rule, e.reason) for e in whole.errors
    ]
    assert {e.rule for e in parts.errors} == {"vague", "duplicate", "conflict", "row_width"}
    assert parts.written.counts == whole.written.counts
    assert loaded.prepared.rows == len(ROWS) - 1


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_lazy_rows_are_read_again_not_kept(tmp_path, write_csv, suffix):
    from openpyxl import Workbook

    from data.imports.tabular import LazyRows, read_table

    if suffix == "csv":
        content = write_csv(ROWS, "big.csv").read_bytes()
    else:
        wb = Workbook()
        for row in ROWS[:3] + [[]] + ROWS[3:]:  # a blank row too
            wb.active.append(row)
        wb.save(tmp_path / "big.xlsx")
        content = (tmp_path / "big.xlsx").read_bytes()
    kept = read_table(content, f"big.{suffix}")
    lazy = read_table(content, f"big.{suffix}", lazy=True)
    assert isinstance(lazy.rows, LazyRows) and not isinstance(kept.rows, LazyRows)
    assert len(lazy.rows) == len(kept.rows) == len(ROWS) - 1
    assert list(lazy.rows) == list(kept.rows) == list(lazy.rows)  # every pass reads again
    assert lazy.blank_rows == kept.blank_rows
