"""Site scoring on the database `parkbench build` makes from the curated data."""

from __future__ import annotations

import pytest

from data.score_inputs import load_criteria_table
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
