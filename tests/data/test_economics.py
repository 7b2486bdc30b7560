"""City economics: sourced rows mapped to cities, estimates with their measured error."""

from __future__ import annotations

import doctest
import importlib.util

import numpy as np
import pandas as pd
import pytest

from data.inputs import economics
from data.inputs.economics import ECONOMICS_DIR, load_features, load_sourced_rows
from models import city_economics
from models.city_economics import estimate_city_economics, fit_premium_model, predict_premium
from tests.conftest import REPO


@pytest.fixture(scope="module")
def sourced():
    return load_sourced_rows()


@pytest.fixture(scope="module")
def features(sourced):
    return load_features(sourced)


def _script():
    path = REPO / "scripts" / "estimate_city_economics.py"
    spec = importlib.util.spec_from_file_location("estimate_city_economics", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("module", [economics, city_economics])
def test_docstring_examples(module):
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


def test_every_sourced_row_has_a_web_address_and_city_rows_a_city_code(sourced):
    assert len(sourced) > 400
    assert all(str(r["url"]).startswith(("http://", "https://")) for r in sourced)
    city_rows = [r for r in sourced if r["scope"] == "city"]
    assert all(r["adcode"] for r in city_rows)
    assert {r["province_adcode"] for r in sourced if r["scope"] == "province"} >= {
        "110000",
        "440000",
        "650000",
    }


def test_a_province_tier_list_maps_to_its_cities(sourced):
    tier = {
        (r["adcode"], r["period"]): r["value"]
        for r in sourced
        if r["indicator"] == "min_wage_cny_per_month" and r["scope"] == "city"
    }
    assert tier[("441400", "2021-12-01")] == 1620  # 梅州, Guangdong class 4
    assert tier[("440300", "2022-01-01")] == 2360  # 深圳
    # Shijiazhuang's core is in Hebei tier 1, some of its counties in tier 2: the core wins
    assert tier[("130100", "2023-01-01")] == 2200


def test_wage_premium_model_beats_the_province_average_in_cross_validation(features):
    model = fit_premium_model(features, "log_college_share")
    assert model.cv.n >= 80
    assert model.cv.rmse_log < 0.75 * model.baseline_rmse_log
    assert model.slope > 0  # better-educated cities pay more than their province


def test_premium_keeps_the_province_average(features):
    f = features.dropna(subset=["log_college_share", "weight"])
    p = predict_premium(f, "log_college_share", 0.3)
    for _, g in f.assign(p=p).groupby("province_adcode"):
        assert np.average(np.exp(g["p"]), weights=g["weight"]) == pytest.approx(1.0)


def test_estimates_cover_the_cities_without_a_figure_and_carry_their_error(features):
    result = estimate_city_economics(features)
    est = result.estimates[result.estimates["kind"] == "estimated"]
    wages = est[est["indicator"] == "avg_wage_private_cny_per_year"]
    rents = est[est["indicator"] == "office_rent_grade_a_cny_per_m2_month"]
    assert len(wages) >= 250 and len(rents) >= 330
    assert (est["error_log_rmse"] > 0).all() and (est["error_mape"] > 0).all()
    assert "440300" not in set(wages["adcode"])  # Shenzhen has a sourced wage
    # an older sourced city figure is rebased to the base year, not estimated
    rebased = result.estimates[result.estimates["method"] == "rebased"].set_index(
        ["adcode", "indicator"]
    )
    yichun = rebased.loc[("230700", "avg_wage_non_private_cny_per_year")]
    assert yichun["kind"] == "sourced" and yichun["url"].startswith("http")
    assert "2020" in yichun["note"]
    shangluo = est[est["adcode"] == "611000"].set_index("indicator")["value"]
    xian = features.set_index("adcode").loc["610100", "wage_np"]
    assert shangluo["avg_wage_non_private_cny_per_year"] < xian
    # an estimate from an estimated wage is less certain than one from a sourced wage
    by_note = rents.groupby("note")["error_log_rmse"].max()
    assert by_note["from an estimated wage"] > by_note["from the sourced wage"]


def test_committed_estimates_are_what_the_models_give_now():
    estimates, models, _ = _script().compute()
    committed = pd.read_csv(
        ECONOMICS_DIR / "estimates.csv", dtype={"adcode": str, "province_adcode": str}
    )
    assert len(committed) == len(estimates), "run `make economics`"
    fresh = estimates.astype({"adcode": str, "province_adcode": str}).reset_index(drop=True)
    pd.testing.assert_series_equal(
        committed["value"], fresh["value"].astype(float), check_names=False
    )
    saved = pd.read_csv(ECONOMICS_DIR / "estimate_models.csv")
    assert saved["rmse_log"].tolist() == models["rmse_log"].tolist()


def test_built_store_has_sourced_and_estimated_rows(built_db_path):
    import sqlite_utils

    db = sqlite_utils.Database(built_db_path)
    kinds = dict(db.execute("select kind, count(*) from city_economics group by kind").fetchall())
    assert kinds["sourced"] > 700 and kinds["estimated"] > 850
    row = next(
        db.query(
            "select * from city_economics where adcode = '611000' and kind = 'estimated' "
            "and indicator = 'avg_wage_private_cny_per_year'"
        )
    )
    assert row["error_log_rmse"] > 0 and row["method"] == "wage_premium" and row["source_id"]
