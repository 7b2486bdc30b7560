"""Site scoring on the database `parkbench build` makes from the curated data."""

from __future__ import annotations

from unittest.mock import ANY

import pytest

from data.inputs.score import load_criteria_table
from data.notes import Note
from models.site_ranking import rank_sites


@pytest.fixture(scope="module")
def table(built_db_path):
    return load_criteria_table(built_db_path)


def test_the_31_service_outsourcing_model_cities_score_on_their_flag(table):
    flag = table["is_service_outsourcing_model_city"]
    assert flag.notna().all()
    assert int(flag.sum()) == 31
    model = set(table.loc[flag == 1, "name"])
    assert {"南京市", "苏州市", "大连市"} <= model
    assert "徐州市" not in model  # applicant only
    ranking = rank_sites(table, weights={"incentives": 1}, draws=0)
    assert "is_service_outsourcing_model_city" in ranking.weights
    by_name = {r["name"]: r for r in ranking.records}
    assert by_name["南京市"]["contributions"]["is_service_outsourcing_model_city"] > 0
    assert by_name["徐州市"]["contributions"]["is_service_outsourcing_model_city"] == 0


def test_missing_working_age_is_estimated_from_the_province_share_or_the_site_left_out(table):
    missing = table[table["working_age_population"].isna()]
    assert len(missing) == 16
    ranking = rank_sites(table, draws=0)
    by_name = {r["name"]: r for r in ranking.records}
    # Tonghua: 2020 population x Jilin's working-age share over Jilin's other cities
    jilin = table[(table["province"] == "吉林省") & table["working_age_population"].notna()]
    share = jilin["working_age_population"].sum() / jilin["population"].sum()
    tonghua = by_name["通化市"]
    pop = table.loc[table["name"] == "通化市", "population"].item()
    assert tonghua["values"]["working_age_population"] == pytest.approx(pop * share)
    assert "working_age_population (estimated)" in tonghua["filled"]
    how = tonghua["estimated"]["working_age_population"]
    assert how.code == "estimate_how" and how["prov"] == "吉林省"
    assert how["share"] == pytest.approx(share)
    # saturation rests on the few centers the store knows: switched off by the coverage rule
    assert "seats_per_100k_working_age" in ranking.dropped
    assert Note("off_positive", crit="seats_per_100k_working_age", n=ANY, need=ANY) in ranking.notes
    # no site is pushed down by a "worst" fill of a population figure any more
    assert not any(
        n.code == "filled" and n["crit"] == "working_age_population" and n["rule"] == "worst"
        for n in ranking.notes
    )
    excluded = {x["name"]: x["reason"] for x in ranking.excluded}
    assert set(excluded) == {"新星市", "白杨市", "台湾省", "香港特别行政区", "澳门特别行政区"}
    assert Note("no_base", crit="working_age_population", base="population") in excluded["新星市"]
    assert excluded["香港特别行政区"][0] == Note(
        "no_share", crit="working_age_population", prov="香港特别行政区"
    )
    estimated = [r for r in ranking.records if "working_age_population (estimated)" in r["filled"]]
    assert len(estimated) + len(excluded) == len(missing)
    assert len(ranking.records) == len(table) - len(excluded)
