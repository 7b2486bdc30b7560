"""The CLI on a PostgreSQL store: build, import, sites, score and serve give what they give on
the SQLite file (``--db postgresql://...`` or ``PARKBENCH_DB``).

``serve`` and ``api`` on a PostgreSQL store are tested with the SQLite file, side by side, in
``tests/portal/test_api_server.py``."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from data.store.database import open_db
from portal.cli import cli
from tests.browser_support import REPO

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built_pg(pg_server) -> str:
    """A PostgreSQL store built by ``parkbench build --db URL`` (once for the module)."""
    url = pg_server.create_database()
    r = CliRunner().invoke(cli, ["build", "--db", url, "--json"])
    assert r.exit_code == 0, r.output
    return url


def run(*args: str) -> str:
    r = CliRunner().invoke(cli, list(args))
    assert r.exit_code == 0, r.output
    return r.stdout


def test_build_gives_the_same_counts_as_sqlite(built_pg, built_db_path):
    sqlite_db, pg_db = open_db(built_db_path, read_only=True), open_db(built_pg, read_only=True)
    for table in ("centers", "parks", "incentives", "kpis", "sources", "facts", "cities"):
        assert pg_db[table].count == sqlite_db[table].count > 0, table
    one = "SELECT id, name, city_adcode, seats, seats_bound FROM centers ORDER BY id"
    assert [tuple(r) for r in pg_db.execute(one).fetchall()] == [
        tuple(r) for r in sqlite_db.execute(one).fetchall()
    ]


def test_build_again_replaces_the_store(built_pg):
    before = open_db(built_pg, read_only=True)["facts"].count
    report = json.loads(run("build", "--db", built_pg, "--json"))
    assert report["tables"]["facts"] == before
    assert "postgresql://" in report["db"]
    # what `parkbench build --json` reports on SQLite (tests/data/test_build.py)
    assert report["tables"]["centers"] >= 10 and report["reference"]["cities"] == 375
    assert report["rejected"] == []


def test_sites_and_score_equal_the_sqlite_results(built_pg, built_db_path):
    assert json.loads(run("sites", "--json", "--db", built_pg)) == json.loads(
        run("sites", "--json", "--db", str(built_db_path))
    )
    pg = json.loads(run("score", "--json", "--db", built_pg, "--limit", "10"))
    sq = json.loads(run("score", "--json", "--db", str(built_db_path), "--limit", "10"))
    assert [r["id"] for r in pg] == [r["id"] for r in sq]
    assert [r["score"] for r in pg] == pytest.approx([r["score"] for r in sq])


def test_import_writes_and_undoes_on_postgres(pg_url, write_csv):
    path = write_csv(
        [
            ["名称", "城市", "座席数"],
            ["示例甲呼叫中心", "杭州", "300"],
            ["示例乙呼叫中心", "成都", "约500个"],
            ["", "成都", "12"],
        ]
    )
    report = json.loads(run("import", str(path), "--kind", "centers", "--db", pg_url, "--json"))
    assert (report["accepted"], report["rejected"]) == (2, 1)
    db = open_db(pg_url, read_only=True)
    seats = dict(db.execute("SELECT name, seats FROM centers").fetchall())
    assert seats == {"示例甲呼叫中心": 300, "示例乙呼叫中心": 500}
    assert db["import_rejects"].count == 1
    # the same file again changes nothing; then undo the first import
    again = json.loads(run("import", str(path), "--kind", "centers", "--db", pg_url, "--json"))
    assert again["batch_id"] is None
    run("import", "undo", report["batch_id"], "--db", pg_url)
    assert db["centers"].count == db["facts"].count == db["import_rejects"].count == 0


def test_home_page_shows_postgres_counts(built_pg, monkeypatch):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("PARKBENCH_DB", built_pg)
    at = AppTest.from_file(str(REPO / "portal" / "app.py"), default_timeout=60).run()
    assert not at.exception
    counts = open_db(built_pg, read_only=True)
    shown = " ".join(str(m.value) for m in at.metric)
    assert f"{counts['centers'].count}" in shown.replace(",", "")


def test_a_database_error_is_one_line_and_exit_2(pg_url, monkeypatch, capsys):
    from portal.cli import main

    monkeypatch.delenv("PARKBENCH_RAISE_ERRORS")
    open_db(pg_url).close()
    with pytest.raises(SystemExit) as done:
        # a server that refuses writes: the build fails inside PostgreSQL
        main(["build", "--db", pg_url + "&options=-c%20default_transaction_read_only%3Don"])
    assert done.value.code == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("Error: database:") and "\n" not in err


@pytest.mark.parametrize(
    "args",
    [
        ("cost", "--city", "杭州", "--seats", "200", "--json"),
        ("awards", "--json"),
        ("awards", "--compare", "杭州市长公开电话受理中心,平安95511客服中心"),
        ("benchmark", "--center", "杭州市长公开电话受理中心", "--by", "industry", "--json"),
        (
            "benchmark",
            "--kpi",
            "answer_rate=0.9,aht_seconds=240",
            "--industry",
            "银行",
            "--city",
            "杭州",
            "--json",
        ),
        ("review", "list"),
    ],
    ids=["cost", "awards", "awards_compare", "benchmark_center", "benchmark_typed", "review"],
)
def test_other_commands_print_what_they_print_on_sqlite(args, built_pg, built_db_path):
    assert run(*args, "--db", built_pg) == run(*args, "--db", str(built_db_path))


def test_compare_report_from_postgres(built_pg, tmp_path):
    out = tmp_path / "compare.html"
    run("report", "compare", "--sites", "110000,310000,西安", "--out", str(out), "--db", built_pg)
    assert "西安" in out.read_text(encoding="utf-8")


def test_pages_reopen_a_lost_postgres_reader(built_pg, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from portal import services

    monkeypatch.setenv("PARKBENCH_DB", built_pg)
    at = AppTest.from_file(str(REPO / "portal" / "app.py"), default_timeout=60).run()
    assert not at.exception
    services._reader(built_pg).close()  # the server restarted: the cached connection is gone
    at = AppTest.from_file(str(REPO / "portal" / "app.py"), default_timeout=60).run()
    assert not at.exception
    assert not services._reader(built_pg).conn.raw.closed
