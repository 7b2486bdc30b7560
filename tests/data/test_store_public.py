"""The public view of a store: synthetic rows and unpublished tables never reach a public page."""

from __future__ import annotations

import pytest

from data.store.build import build
from data.store.database import Record, SourceInfo, add_source, open_db, write_records
from data.store.fixtures import write_fixture_store
from data.store.public import TEST_KINDS, hide_unpublished


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def mixed_store(request, tmp_path_factory):
    """The curated build, synthetic fixture rows, and one real center a test source also states,
    on each engine."""
    if request.param == "postgresql":
        path = request.getfixturevalue("pg_server").create_database()
    else:
        path = tmp_path_factory.mktemp("public") / "parkbench.sqlite"
    build(path)
    db = write_fixture_store(path, n_centers=12, n_parks=3)
    real = db.execute("SELECT id, name FROM centers WHERE name NOT LIKE '示例%' LIMIT 1").fetchone()
    with db.atomic():
        sid = add_source(db, SourceInfo(kind="test", url="unit-test-overlay", title="test overlay"))
        values = {"name": real[1], "seats": 4321}
        write_records(db, [Record("centers", real[0], values, {}, "overlay")], sid)
        db["import_rejects"].insert(
            {"id": "rej-1", "file": "x.csv", "source_id": sid, "row": 2, "reason": "seats < 0"}
        )
    db.conn.close()
    return path, real[0]


def public(path):
    return hide_unpublished(open_db(path, read_only=True))


def test_entities_only_synthetic_sources_state_are_hidden(mixed_store):
    path, _ = mixed_store
    working = open_db(path, read_only=True)
    assert (
        working.execute("SELECT count(*) FROM centers WHERE name LIKE '示例%'").fetchone()[0] == 12
    )
    db = public(path)
    for table in ("centers", "parks", "kpis"):
        names = [r[0] for r in db.execute(f"SELECT id FROM {table}")]
        synthetic = {
            r[0]
            for r in working.execute(
                "SELECT f.entity_id FROM facts f JOIN sources s ON s.id = f.source_id"
                f" WHERE f.entity_table = '{table}' AND s.kind = 'generated'"
            )
        }
        assert synthetic, table
        assert not synthetic & set(names), table
    assert db.execute("SELECT count(*) FROM centers WHERE name LIKE '示例%'").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM centers").fetchone()[0] > 0  # the real ones stay


def test_a_real_entity_a_test_source_also_states_stays(mixed_store):
    path, real_id = mixed_store
    db = public(path)
    assert db.execute("SELECT count(*) FROM centers WHERE id = ?", [real_id]).fetchone()[0] == 1


def test_sources_facts_and_provenance_views_carry_no_synthetic_source(mixed_store):
    path, _ = mixed_store
    working = open_db(path, read_only=True)
    marks = ", ".join(f"'{k}'" for k in TEST_KINDS)
    test_ids = [r[0] for r in working.execute(f"SELECT id FROM sources WHERE kind IN ({marks})")]
    assert len(test_ids) == 2  # the fixture's generated source and the test overlay
    db = public(path)
    kinds = {r[0] for r in db.execute("SELECT DISTINCT kind FROM sources")}
    assert kinds and not kinds & TEST_KINDS
    held = ", ".join("?" for _ in test_ids)
    for view in ("facts", "field_facts"):
        found = db.execute(f"SELECT count(*) FROM {view} WHERE source_id IN ({held})", test_ids)
        assert found.fetchone()[0] == 0, view
    assert db.execute("SELECT count(*) FROM field_facts").fetchone()[0] > 0


def test_unpublished_tables_read_empty(mixed_store):
    path, _ = mixed_store
    working = open_db(path, read_only=True)
    assert working["import_rejects"].count == 1
    db = public(path)
    for table in ("import_rejects", "source_files", "import_batches", "review_queue"):
        assert db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table


def test_the_working_file_is_not_changed(mixed_store):
    path, _ = mixed_store
    if isinstance(path, str):
        pytest.skip("a SQLite file: PostgreSQL's own read-only session is tested below")
    before = path.read_bytes()
    db = public(path)
    db.execute("SELECT count(*) FROM centers").fetchone()
    db.conn.close()
    assert path.read_bytes() == before
    assert (
        open_db(path, read_only=True)
        .execute("SELECT count(*) FROM sqlite_master WHERE name = 'centers' AND type = 'view'")
        .fetchone()[0]
        == 0
    )


def test_full_text_search_works_through_the_public_view(mixed_store):
    from data.store.database import search

    path, _ = mixed_store
    working = search(open_db(path, read_only=True), "centers", "客服中心", limit=1000)
    found = search(public(path), "centers", "客服中心", limit=1000)
    assert any(r["name"].startswith("示例") for r in working)
    assert found and not any(r["name"].startswith("示例") for r in found)
    assert {r["id"] for r in found} < {r["id"] for r in working}


def test_a_postgres_public_reader_stays_read_only(mixed_store):
    path, _ = mixed_store
    if not isinstance(path, str):
        pytest.skip("PostgreSQL only (a SQLite reader is opened mode=ro)")
    db = public(path)
    with pytest.raises(Exception, match="read-only"):
        db.execute("DELETE FROM cities")
