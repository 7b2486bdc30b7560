"""The criteria table from a store and the ``parkbench score`` command."""

from __future__ import annotations

import json
import math

import pytest
from click.testing import CliRunner

from data.errors import StoreError
from data.inputs.score import load_criteria_table
from portal.cli import cli, main
from tests.scoring_store import make_store


@pytest.fixture
def store(stores):
    return make_store(stores.target())  # on SQLite and on PostgreSQL


def test_criteria_table_pivots_indicators_and_counts_the_cluster(store):
    t = load_criteria_table(store).set_index("adcode")
    assert len(t) == 5
    assert t.loc["320100", "working_age_population"] == 6_900_000
    assert math.isnan(t.loc["610100", "nearest_airport_km"])
    assert t.loc["110000", "park_count"] == 1
    # 12 fixture centers over 5 cities: Beijing (index 2) holds c2, c7 with 220 + 520 seats
    assert t.loc["110000", "center_count"] == 2
    assert t.loc["110000", "center_seats"] == 740
    assert t.loc["110000", "seats_per_100k_working_age"] == pytest.approx(740 / 16_000_000 * 1e5)
    # Nanjing: its city rule 500; Yangzhou: none of its own (the park's 1000 CNY/seat x 2 years
    # applies in the park, a site of its own: data/inputs/incentives.py); tax rebate not counted
    assert t.loc["321000", "incentive_cny_per_seat"] == 0
    assert t.loc["320100", "incentive_cny_per_seat"] == 500
    assert t.loc["110000", "incentive_cny_per_seat"] == 0
    assert t["net_cost_per_seat_cny_per_year"].isna().all()


def test_parks_inherit_their_city_and_keep_their_own_airport_and_rules(store):
    t = load_criteria_table(store, include_parks=True).set_index("id")
    assert t.loc["park:p-miyun", "nearest_airport_km"] == 60.0
    assert t.loc["park:p-miyun", "working_age_population"] == 16_000_000
    assert t.loc["park:p-yz", "kind"] == "park"


def test_cost_model_fills_the_cost_column(store):
    t = load_criteria_table(store, cost_per_seat=lambda row: 40_000.0 + row["center_seats"])
    assert (t["net_cost_per_seat_cny_per_year"] >= 40_000).all()


def test_missing_store_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="not found"):
        load_criteria_table(tmp_path / "nope.sqlite")


def test_score_json_contract(store):
    r = CliRunner().invoke(
        cli,
        [
            "score",
            "--db",
            str(store),
            "--json",
            "--draws",
            "200",
            "--top",
            "2",
            "--method",
            "topsis",
        ],
    )
    assert r.exit_code == 0, r.output
    rows = json.loads(r.output)
    assert len(rows) == 5
    for row in rows:
        for key in (
            "adcode",
            "name",
            "score",
            "rank",
            "contributions",
            "rank_p05",
            "rank_p95",
            "p_top_k",
        ):
            assert key in row
        assert 1 <= row["rank_p05"] <= row["rank_p95"] <= 5
        assert sum(row["contributions"].values()) == pytest.approx(row["score"], abs=1e-5)
    assert [r["rank"] for r in rows] == sorted(r["rank"] for r in rows)
    assert sum(r["p_top_k"] for r in rows) == pytest.approx(2.0)
    # the cost criterion comes from the cost model for every site
    assert all(r["values"]["net_cost_per_seat_cny_per_year"] > 0 for r in rows)


def test_score_weights_change_the_leader(store):
    def leader(*args):
        r = CliRunner().invoke(cli, ["score", "--db", str(store), "--json", "--draws", "0", *args])
        assert r.exit_code == 0, r.output
        return json.loads(r.output)[0]["name"]

    assert leader("--weights", "labour=1") == "北京市"
    assert leader("--weights", "incentive_cny_per_seat=1") == "南京市"
    r = CliRunner().invoke(cli, ["score", "--db", str(store), "--json", "--draws", "0",
                                 "--weights", "incentive_cny_per_seat=1", "--parks"])  # fmt: skip
    ranks = {x["name"]: x["rank"] for x in json.loads(r.output)}
    assert ranks["江苏信息服务产业基地（扬州）"] == 1 < ranks["扬州市"]  # the park's own rule


def test_score_text_output_shows_weights_and_missing_rules(store):
    r = CliRunner().invoke(
        cli, ["score", "--db", str(store), "--preset", "customer_support_center"]
    )
    assert r.exit_code == 0, r.output
    assert "preset customer_support_center" in r.output
    assert (
        "Missing values: distance to the nearest airport: 1 missing, filled with the worst"
        in r.output
    )
    assert "P(top 10)" in r.output


def test_score_bad_weights_exit_2(store, capsys):
    with pytest.raises(SystemExit) as e:
        main(["score", "--db", str(store), "--weights", "talent=1"])
    assert e.value.code == 2
    assert "neither a group" in capsys.readouterr().err
