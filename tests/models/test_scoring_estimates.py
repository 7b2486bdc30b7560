"""Population-like gaps: estimated from the province share, or the site left out."""

from __future__ import annotations

import pandas as pd
import pytest
from click.testing import CliRunner

from data.notes import Note
from models.labour_estimates import estimate_population_criteria, province_shares
from models.site_ranking import rank_sites
from portal.cli import cli


def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": ["a", "b", "c", "d", "e", "park:p"],
            "kind": ["city"] * 5 + ["park"],
            "adcode": ["1", "2", "3", "4", "5", "3"],
            "name": ["A", "B", "C", "D", "E", "P"],
            "province": ["甲", "甲", "甲", "乙", "丙", "甲"],
            "population": [1e6, 3e6, 2e6, None, 5e5, 2e6],
            "working_age_population": [6e5, 2.1e6, None, None, None, None],
            "center_seats": [100.0, 300.0, 50.0, 0.0, 0.0, 50.0],
            "seats_per_100k_working_age": [
                100 / 6e5 * 1e5,
                300 / 2.1e6 * 1e5,
                None,
                None,
                None,
                None,
            ],
            "railway_stations": [1.0, 2.0, 3.0, 4.0, 5.0, 3.0],
        }
    )


def test_gap_is_population_times_the_provinces_share_over_its_cities():
    t = frame()
    share, n = province_shares(t, "working_age_population")["甲"]
    assert (share, n) == pytest.approx(((6e5 + 2.1e6) / (1e6 + 3e6), 2))
    e = estimate_population_criteria(t).table.set_index("id")
    assert e.loc["c", "working_age_population"] == pytest.approx(2e6 * share)
    assert e.loc["park:p", "working_age_population"] == pytest.approx(2e6 * share)
    assert e.loc["c", "seats_per_100k_working_age"] == pytest.approx(50 / (2e6 * share) * 1e5)


def test_sites_without_population_or_province_share_are_left_out_with_the_reason():
    e = estimate_population_criteria(frame())
    reasons = {x["id"]: x["reason"] for x in e.excluded}
    assert set(reasons) == {"d", "e"}
    assert Note("no_base", crit="working_age_population", base="population") in reasons["d"]
    assert Note("no_share", crit="working_age_population", prov="丙") in reasons["e"]
    assert set(e.table["id"]) == {"a", "b", "c", "park:p"}


def test_only_criteria_being_scored_are_handled():
    e = estimate_population_criteria(frame(), ["railway_stations"])
    assert len(e.table) == 6 and not e.excluded and not e.estimated


def test_ranking_labels_estimates_and_lists_exclusions():
    r = rank_sites(
        frame(), weights={"labour": 1, "transport": 1}, draws=20, top_k=1, coverage=False
    )
    by_id = {x["id"]: x for x in r.records}
    assert by_id["c"]["filled"] == [
        "working_age_population (estimated)",
        "seats_per_100k_working_age (estimated)",
    ]
    assert by_id["c"]["estimated"]["working_age_population"]["prov"] == "甲"
    assert "estimated" not in by_id["a"] and by_id["a"]["filled"] == []
    assert [x["id"] for x in r.excluded] == ["d", "e"]
    assert any(n.code == "left_out" and n["n"] == 2 for n in r.notes)
    off = rank_sites(
        frame(), weights={"labour": 1}, draws=0, estimate_population=False, coverage=False
    )
    assert len(off.records) == 6 and not off.excluded


def test_score_command_shows_the_excluded_sites(built_db_path):
    r = CliRunner().invoke(
        cli, ["score", "--db", str(built_db_path), "--draws", "0", "--limit", "3"]
    )
    assert r.exit_code == 0, r.output
    # the notes in English, from the one catalogue (portal/strings/notes.py)
    assert (
        "Excluded: 香港特别行政区 (810000): working-age population (15-59, census 2020) unknown"
        in r.output
    )
    assert "Missing values: working-age population (15-59, census 2020): 11 estimated" in r.output
