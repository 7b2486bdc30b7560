"""The use cases of usecases/ on small stores: rank, compare, benchmark, awards, import, release,
search. Each takes an open store and plain inputs and returns typed results; the CLI commands
and the pages are checked against them in tests/portal/ and tests/usecases/test_incentive_rule.py."""

from __future__ import annotations

import dataclasses

import pytest

from data.errors import StoreError
from data.notes import Note
from models.errors import ModelInputError
from tests.release_db import make_db
from tests.scoring_store import make_store
from usecases.awards import award_board, compare_centers
from usecases.benchmark import benchmark_center, benchmark_inputs, minute_cost
from usecases.compare import CompareSettings, compare_sites, gap_pair
from usecases.imports import import_file, preview_import, read_import, undo_import
from usecases.ranking import criteria_table, rank_sites
from usecases.release import publish_release, release_database
from usecases.search import search
from usecases.store import open_store, open_store_or_path


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return open_store(make_store(tmp_path_factory.mktemp("tasks") / "s.sqlite"))


def test_open_store_refuses_a_missing_file_in_one_line(tmp_path):
    with pytest.raises(StoreError, match="parkbench build"):
        open_store(tmp_path / "none.sqlite")
    assert open_store_or_path(tmp_path / "none.sqlite") == str(tmp_path / "none.sqlite")


def test_rank_sites_prices_the_cost_column_and_returns_coded_notes(store):
    table = criteria_table(store, include_parks=False)
    assert len(table) == 5 and "net_cost_per_seat_cny_per_year" in table
    ranking = rank_sites(store, weights={"labour": 1}, draws=0)
    assert ranking.records[0]["name"] == "北京市"
    assert ranking.notes and all(isinstance(n, Note) for n in ranking.notes)


def test_compare_sites_prices_ranks_and_closes_the_gap(store):
    settings = CompareSettings(("110000", "320100", "321000"), preset="talent_first")
    data = compare_sites(store, settings)
    assert dataclasses.is_dataclass(data) and set(data.costs) == {"110000", "320100", "321000"}
    last, leader = data.comparison.records[-1], data.comparison.records[0]
    assert (data.gap.site, data.gap.rival) == (last["id"], leader["id"])
    assert {p.id for p in data.matrix.points} == set(data.costs)
    figures = data.costs["320100"].figures()
    assert figures["gross_cny_per_seat_year"] >= figures["net_cny_per_seat_year"] > 0
    # Nanjing's city rule is on its card's frame; no park rule of another city is
    assert set(data.incentives["id"]) == {"i2"}
    with pytest.raises(ModelInputError, match="not one of the compared sites"):
        gap_pair(data.comparison.records, "999999", None)
    with pytest.raises(ModelInputError, match="not one of"):
        CompareSettings(("110000", "320100"), service_level="99/1").target  # noqa: B018


def test_benchmark_of_typed_kpis_prices_the_gaps_in_the_given_city(store):
    centers_kpis = {"aht_seconds": 320.0, "answer_rate": 0.8}
    x = benchmark_inputs(*_peers(store), kpis=centers_kpis, industry="电信", city="北京")
    cost = minute_cost(store, x)
    assert cost.city == "北京" and cost.seats == 500 and cost.cny > 0
    done = benchmark_center(store, by=["industry"], inputs=x, cost_source=lambda c: c.city)
    assert done.report["cost_per_minute_cny"] == pytest.approx(cost.cny)
    assert done.report["cost_per_minute_source"] == "北京"
    typed = benchmark_center(store, by=["industry"], inputs=x, cost_per_minute_cny=2.0)
    assert typed.minute_cost.cny == 2.0 and typed.minute_cost.city is None
    with pytest.raises(ModelInputError, match="typed-in KPIs"):
        benchmark_inputs(*_peers(store))


def test_a_stored_center_keeps_only_its_kpis(store):
    x = benchmark_inputs(*_peers(store), center="中心3")
    assert x.label == "中心3" and x.exclude == "c3" and "seats" not in x.kpis and x.kpis


def _peers(store):
    from data.inputs.benchmark import load_centers, load_kpi_observations

    centers = load_centers(store)
    return centers, load_kpi_observations(store, centers)


def test_awards_board_and_cards(store):
    board = award_board(store, "cn_best_call_center", min_coverage=0.0)
    assert len(board) == 12 and board[0]["rank"] == 1
    strict = award_board(store, "cn_best_call_center", min_coverage=1.0)
    assert all(r["note"] == {"code": "below_coverage", "min_coverage": 1.0} for r in strict)
    cards = compare_centers(store, "cn_best_call_center", ["中心1", "中心2"])
    assert len(cards["centers"]) == 2


def test_import_preview_writes_nothing_then_import_and_undo(tmp_path, write_csv):
    db = make_db(tmp_path / "r.sqlite")
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


def test_release_and_search(tmp_path):
    db = make_db(tmp_path / "r.sqlite")
    manifest = publish_release(db, tmp_path / "out", "csv")
    assert tuple(manifest.formats) == ("csv",) and manifest.rows
    assert release_database(db)[:15] == b"SQLite format 3"
    name = next(iter(db.query("select name from centers limit 1")))["name"]
    hits = search(db, name[:2])
    assert "centers" in hits and name in set(hits["centers"]["name"])
    assert search(db, "  ") == {}
