"""Cost per seat differs by city: sourced wages and rents, else estimates that say so."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from portal.cli import cli


@pytest.fixture(scope="module")
def run(built_db_path):
    def run(city, *extra):
        args = ["cost", "--city", city, "--seats", "500", "--db", str(built_db_path), *extra]
        res = CliRunner().invoke(cli, [*args, "--json"])
        assert res.exit_code == 0, res.output
        return json.loads(res.output)

    return run


def test_tier_one_cities_cost_at_least_1_4_times_a_small_inland_prefecture(run):
    small = run("商洛")["per_seat_per_year"]  # Shangluo, Shaanxi: inland, 2.0 m people
    for city in ("上海", "北京", "深圳"):
        assert run(city)["per_seat_per_year"] >= 1.4 * small, city


def test_every_city_cost_says_which_inputs_are_sourced_and_which_estimated(run):
    shenzhen = run("深圳")["input_basis"]
    assert shenzhen["agent_wage_cny_per_month"]["kind"] == "sourced"
    assert shenzhen["agent_wage_cny_per_month"]["url"].startswith("http")
    assert shenzhen["rent_cny_per_m2_month"]["kind"] == "sourced"
    shangluo = run("商洛")["input_basis"]
    for name in ("agent_wage_cny_per_month", "rent_cny_per_m2_month"):
        assert shangluo[name]["kind"] == "estimated"
        assert 0 < shangluo[name]["error_log_rmse"] < 1
        assert 0 < shangluo[name]["error_mape"] < 1


def test_text_output_labels_estimated_inputs_with_their_error(built_db_path):
    res = CliRunner().invoke(
        cli, ["cost", "--city", "商洛", "--seats", "100", "--db", str(built_db_path)]
    )
    assert res.exit_code == 0, res.output
    assert "agent_wage_cny_per_month: ESTIMATED" in res.output
    assert "cross-validated error" in res.output


def test_a_municipality_uses_its_province_figure_as_the_city_figure(run):
    wage = run("上海")["input_basis"]["agent_wage_cny_per_month"]
    assert wage["kind"] == "sourced" and wage["indicator"] == "avg_wage_private_cny_per_year"
    assert wage["year"] == 2024  # the 2023 figure moved to the base year


def test_a_user_city_input_still_wins_over_the_reference_figures(built_db_path, tmp_path):
    import shutil

    import sqlite_utils

    path = tmp_path / "copy.sqlite"
    shutil.copy(built_db_path, path)
    db = sqlite_utils.Database(path)
    db["city_inputs"].insert(
        {
            "id": "611000:agent_wage_cny_per_month:2024",
            "adcode": "611000",
            "indicator": "agent_wage_cny_per_month",
            "value": 3900.0,
            "unit": "CNY/month",
            "year": 2024,
            "source": "own payroll",
        }  # fmt: skip
    )
    db.close()
    res = CliRunner().invoke(
        cli, ["cost", "--city", "商洛", "--seats", "100", "--db", str(path), "--json"]
    )
    out = json.loads(res.output)
    assert out["inputs"]["agent_wage_cny_per_month"]["value"] == 3900
    assert out["input_basis"]["agent_wage_cny_per_month"]["kind"] == "user"
