"""cost_first on the built store: tier-1 cities are expensive, and the ranking says so."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from portal.cli import cli

TIER_ONE = {"北京市", "上海市", "广州市", "深圳市"}


@pytest.fixture(scope="module")
def cost_first(built_db_path):
    args = ["score", "--db", str(built_db_path), "--preset", "cost_first", "--draws", "100"]
    res = CliRunner().invoke(cli, [*args, "--json"])
    assert res.exit_code == 0, res.output
    return json.loads(res.output[res.output.index("[") :])


def test_no_tier_one_city_in_the_top_20_under_cost_first(cost_first):
    top = {r["name"] for r in cost_first[:20]}
    assert not top & TIER_ONE, top & TIER_ONE
    ranks = {r["name"]: r["rank"] for r in cost_first}
    assert all(ranks[c] > 20 for c in TIER_ONE)


def test_ranks_of_cities_priced_on_estimates_carry_the_cost_uncertainty(cost_first):
    by = {r["name"]: r for r in cost_first}
    assert by["商洛市"]["uncertain"]["net_cost_per_seat_cny_per_year"] > 0
    assert "net_cost_per_seat_cny_per_year" not in by["深圳市"]["uncertain"]
