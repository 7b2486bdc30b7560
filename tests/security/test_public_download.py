"""The public "whole database" download is the published release, not the working store."""

from __future__ import annotations

import sqlite3

from data.imports.importer import import_file
from data.release.formats import SQLITE_NAME
from data.release.package import export_release
from data.store.database import open_db
from tests.release_db import make_db


def _tables_and_sources(path) -> tuple[list[str], list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        tables = sorted(
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        )
        sources = sorted(conn.execute("SELECT id, kind, title FROM sources").fetchall())
        every = "\n".join(
            str(row)
            for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            for row in conn.execute(f'SELECT * FROM "{name}"')
        )
        return tables, sources, every
    finally:
        conn.close()


def test_public_sqlite_download_is_the_release(tmp_path, monkeypatch, write_csv):
    path = tmp_path / "parkbench.sqlite"
    db = make_db(path)  # a curated, an import and a test source; one reject
    upload = write_csv(
        [
            ["名称", "城市", "座席数", "联系电话", "内部薪资"],
            ["秘密中心", "合肥", "120", "13800000000", "do not publish: salary 9000"],
            ["坏行", "合肥", "很多", "13900000000", ""],
        ],
        "upload.csv",
    )
    import_file(db, upload, "centers")
    db.conn.close()
    monkeypatch.setenv("PARKBENCH_DB", str(path))

    from portal import services

    download = tmp_path / "download.sqlite"
    download.write_bytes(services.database_bytes())
    release = tmp_path / "release"
    export_release(open_db(path, read_only=True), release, formats="csv,sqlite")

    tables, sources, every = _tables_and_sources(download)
    rel_tables, rel_sources, _ = _tables_and_sources(release / "sqlite" / SQLITE_NAME)
    assert tables == rel_tables
    assert sources == rel_sources
    assert download.read_bytes() == (release / "sqlite" / SQLITE_NAME).read_bytes()
    for unpublished in ("import_rejects", "source_files", "review_queue", "crawl_pages", "facts"):
        assert unpublished not in tables
    assert "test" not in {kind for _, kind, _ in sources}
    assert "generated test rows" not in every
    assert "假中心" not in every
    assert "13800000000" not in every and "do not publish" not in every
    assert "秘密中心" in every  # the accepted imported row is published, its extra columns not
