"""``parkbench benchmark`` prices gaps with the cost model when no cost per minute is given."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from data.inputs.cost import load_cost_context
from models.cost import CostInputs, compute_cost
from portal.cli import cli
from tests.scoring_store import make_store
from usecases.pricing import cost_per_minute
from usecases.store import open_store


@pytest.fixture
def store(tmp_path):
    return make_store(tmp_path / "s.sqlite")


def bench(store, *args):
    r = CliRunner().invoke(cli, ["benchmark", "--db", str(store), "--by", "industry", *args])
    assert r.exit_code == 0, r.output
    return r.output


def test_cost_per_minute_is_the_cost_models_handled_minute(built_db_path):
    ctx = load_cost_context("南京", None, built_db_path)
    c = compute_cost(CostInputs(seats=300, **ctx.values))
    # idle logged-in time is not handling: productive hour / 60 / occupancy
    assert cost_per_minute(open_store(built_db_path), "南京", seats=300) == pytest.approx(
        c.per_productive_hour / 60 / ctx.values["occupancy"]
    )
    assert (
        0
        < cost_per_minute(open_store(built_db_path), "北京")
        != cost_per_minute(open_store(built_db_path), "兰州")
    )


def test_typed_in_kpis_use_the_cost_model_of_the_given_city(store):
    out = json.loads(
        bench(
            store,
            "--industry",
            "电信",
            "--kpi",
            "aht_seconds=320",
            "--annual-calls",
            "1000000",
            "--city",
            "北京",
            "--json",
        )  # fmt: skip
    )
    cpm = cost_per_minute(open_store(store), "北京", seats=500)
    assert out["cost_per_minute_cny"] == pytest.approx(cpm)
    assert out["cost_per_minute_source"].startswith("cost model for 北京, 500 seats")
    (aht,) = out["kpis"]
    assert aht["cny_per_year_to_median"] == pytest.approx(aht["gap_to_median"] / 60 * 1e6 * cpm)


def test_given_cost_per_minute_wins_and_is_named(store):
    out = json.loads(
        bench(
            store,
            "--industry",
            "电信",
            "--kpi",
            "aht_seconds=320",
            "--annual-calls",
            "1e6",
            "--city",
            "北京",
            "--cost-per-minute",
            "2",
            "--json",
        )  # fmt: skip
    )
    assert (out["cost_per_minute_cny"], out["cost_per_minute_source"]) == (2.0, "--cost-per-minute")


def test_stored_center_is_priced_in_its_own_city_and_size(store):
    text = bench(store, "--center", "中心0")  # c0: 南京市, 100 seats
    cpm = cost_per_minute(open_store(store), "南京市", seats=100)
    assert f"Cost per handled minute: {cpm:.2f} CNY (cost model for 南京市, 100 seats" in text
    assert "CNY/yr to top quartile" in text


def test_without_a_city_the_gaps_stay_in_their_units(store):
    out = bench(store, "--industry", "电信", "--kpi", "aht_seconds=320", "--annual-calls", "1e6")
    assert "Cost per handled minute: not known (give --cost-per-minute or --city)" in out
    assert "CNY/yr" not in out
