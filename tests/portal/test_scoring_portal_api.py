"""The pure functions the portal calls: site comparison, benchmark report, award cards."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from data.inputs.benchmark import load_award_entries, load_centers, load_kpi_observations
from data.inputs.score import load_criteria_table
from data.rubrics import load_rubric
from models.awards import award_cards, award_leaderboard, build_rubric
from models.errors import ModelInputError
from models.peer_benchmark import benchmark_report, size_band, stored_center_inputs
from models.site_ranking import compare_sites, rank_sites
from portal.cli import cli
from tests.scoring_store import make_store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return make_store(tmp_path_factory.mktemp("api") / "s.sqlite")


@pytest.fixture(scope="module")
def table(store):
    return load_criteria_table(store)


# --- (a) site comparison -----------------------------------------------------------------


def test_comparison_keeps_full_table_scores_and_orders_the_chosen(table):
    full = {r["adcode"]: r for r in rank_sites(table, draws=0).records}
    c = compare_sites(table, ["扬州市", "110000", "西安"], draws=200, seed=1)
    assert c.candidates == len(table)
    names = [r["name"] for r in c.records]
    assert set(names) == {"扬州市", "北京市", "西安市"}
    for r in c.records:
        assert r["score"] == full[r["adcode"]]["score"]
        assert r["rank"] == full[r["adcode"]]["rank"]
        assert 1 <= r["selection_rank_p05"] <= r["selection_rank_p95"] <= 3
        assert sum(r["contributions"].values()) == pytest.approx(r["score"], abs=1e-5)
    scores = [r["score"] for r in c.records]
    assert scores == sorted(scores, reverse=True)
    assert [r["rank_in_selection"] for r in c.records] == [1, 2, 3]
    assert sum(r["p_first_in_selection"] for r in c.records) == pytest.approx(1.0)
    first, last = c.records[0], c.records[-1]
    assert all(v == 0 for v in first["contribution_gap_to_first"].values())
    assert sum(last["contribution_gap_to_first"].values()) == pytest.approx(
        first["score"] - last["score"], abs=1e-5
    )
    assert json.dumps(c.to_dict(), ensure_ascii=False)


def test_comparison_refuses_bad_selections(table):
    with pytest.raises(ModelInputError, match="2 to 5"):
        compare_sites(table, ["南京市"], draws=0)
    with pytest.raises(ModelInputError, match="2 to 5"):
        compare_sites(table, ["1", "2", "3", "4", "5", "6"], draws=0)
    with pytest.raises(ModelInputError, match="no candidate site '火星'"):
        compare_sites(table, ["南京市", "火星"], draws=0)


def test_comparison_says_why_a_chosen_site_is_left_out(built_db_path):
    t = load_criteria_table(built_db_path)
    with pytest.raises(ModelInputError, match="香港特别行政区.*left out.*no city of"):
        compare_sites(t, ["北京市", "香港特别行政区"], draws=0)


# --- (b) peer benchmark of typed-in KPIs ---------------------------------------------------


def test_benchmark_report_equals_the_command_for_typed_in_kpis(store):
    centers = load_centers(store)
    obs = load_kpi_observations(store, centers)
    report = benchmark_report(
        {"answer_rate": 0.9, "aht_seconds": 250.0}, centers, obs,
        target={"industry": "电信", "size_band": size_band(300)}, by=["industry"],
        annual_calls=1e6, cost_per_minute_cny=2.0, cost_per_minute_source="typed",
    )  # fmt: skip
    r = CliRunner().invoke(
        cli, ["benchmark", "--db", str(store), "--kpi", "answer_rate=0.9,aht_seconds=250",
              "--by", "industry", "--industry", "电信", "--annual-calls", "1e6",
              "--cost-per-minute", "2", "--json"],
    )  # fmt: skip
    cli_out = json.loads(r.output)
    # the command's JSON adds the coded notes written in English ("note") to the same report
    assert report["kpis"] == [{k: v for k, v in p.items() if k != "note"} for p in cli_out["kpis"]]
    assert all(("note" in p) and (p["note"] is None) == (not p["notes"]) for p in cli_out["kpis"])
    assert report["peer_centers"] == cli_out["peer_centers"] == 6
    assert report["cost_per_minute_source"] == "typed"


def test_stored_center_inputs_read_its_kpis_and_volume(store):
    centers = load_centers(store)
    obs = load_kpi_observations(store, centers)
    own = stored_center_inputs(centers, obs, "中心3")  # c3: 青岛市, 280 seats, 8000 calls a day
    assert (own.center_id, own.city, own.seats) == ("c3", "青岛市", 280.0)
    assert own.annual_calls == 8000 * 365
    assert own.kpis["aht_seconds"] == pytest.approx(300 - 8 * 3)
    assert own.target["industry"] == "金融" and own.target["size_band"] == "250+"
    with pytest.raises(ModelInputError, match="no center named"):
        stored_center_inputs(centers, obs, "nobody")


# --- (c) awards ---------------------------------------------------------------------------


def test_award_leaderboard_and_cards(store):
    rub = build_rubric(load_rubric("cn_best_call_center"))
    entries = load_award_entries(store)
    board = award_leaderboard(rub, entries, category="金融")
    assert {b["category"] for b in board} == {"金融"}
    ranked = [b for b in board if b["rank"] is not None]
    assert [b["score"] for b in ranked] == sorted((b["score"] for b in ranked), reverse=True)
    cards = award_cards(rub, entries, ["中心1", "c3", "中心5"])
    assert [c["name"] for c in cards["centers"]] == ["中心1", "中心3", "中心5"]
    assert set(cards["centers"][0]["areas"]) == {a.key for a in rub.areas}
    assert cards["card"][0]["values"] == ["中心1", "中心3", "中心5"]
    with pytest.raises(ModelInputError, match="2 to 4"):
        award_cards(rub, entries, ["中心1"])
    with pytest.raises(ModelInputError, match="no center 'x'"):
        award_cards(rub, entries, ["中心1", "x"])
