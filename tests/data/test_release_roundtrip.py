"""export -> load into a fresh store -> export gives byte-identical files (XLSX included).

Every test runs on SQLite and on PostgreSQL (``stores``): the store exported, and the fresh
store loaded, are of the test's engine.
"""

from __future__ import annotations

import filecmp

import pytest

from data.errors import ReleaseError
from data.release.package import export_release, load_release
from data.store.database import sources_for
from tests.release_db import make_db


def _files(root):
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def test_round_trip_is_byte_identical(tmp_path, stores):
    first = export_release(make_db(stores.target()), tmp_path / "r1")
    fresh = stores.on_disk()
    counts = load_release(tmp_path / "r1", fresh)
    assert counts["centers"] == 1 and counts["facts"] == 5 and counts["sources"] == 2
    second = export_release(fresh, tmp_path / "r2")
    assert _files(tmp_path / "r1") == _files(tmp_path / "r2")
    match, mismatch, errors = filecmp.cmpfiles(
        tmp_path / "r1", tmp_path / "r2", _files(tmp_path / "r1"), shallow=False
    )
    assert mismatch == [] and errors == []
    assert any(m.endswith(".xlsx") for m in match) and any(m.endswith(".sqlite") for m in match)
    assert first.files == second.files


def test_loaded_store_answers_provenance_questions(tmp_path, stores):
    export_release(make_db(stores.target()), tmp_path / "r1", "csv")
    fresh = stores.on_disk()
    load_release(tmp_path / "r1", fresh)
    stated = sources_for(fresh, "centers", "ctr_one", "answer_rate")
    assert [(s["value"], s["evidence"], s["source_kind"]) for s in stated] == [
        (0.92, "接通率90%以上", "curated")
    ]


def test_loading_from_parquet_when_there_is_no_csv(tmp_path, stores):
    export_release(make_db(stores.target()), tmp_path / "r1", "parquet,sqlite")
    fresh = stores.on_disk()
    load_release(tmp_path / "r1", fresh)
    assert fresh["centers"].get("ctr_one")["seats"] == 550


def test_load_refuses_a_tampered_release(tmp_path, stores):
    export_release(make_db(stores.target()), tmp_path / "r1", "csv")
    path = tmp_path / "r1" / "csv" / "parks.csv"
    path.write_bytes(path.read_bytes() + b"\n")
    with pytest.raises(ReleaseError, match="checksum mismatch for csv/parks.csv"):
        load_release(tmp_path / "r1", stores.on_disk())


def test_both_engines_export_the_same_release(tmp_path, pg_server):
    """The same writes on SQLite and on PostgreSQL give byte-identical release files."""
    export_release(make_db(tmp_path / "a.sqlite"), tmp_path / "r1")
    export_release(make_db(pg_server.create_database()), tmp_path / "r2")
    names = _files(tmp_path / "r1")
    assert names == _files(tmp_path / "r2")
    _, mismatch, errors = filecmp.cmpfiles(tmp_path / "r1", tmp_path / "r2", names, shallow=False)
    assert mismatch == [] and errors == []
