"""Cost against service level: the curve for the portal and ``parkbench cost --service-levels``."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from models.cost import (
    CURVE_TARGETS,
    DIFFERENCE_FIELDS,
    CostInputs,
    cost_for_service_level,
    cost_service_level_curve,
    service_level_differences,
    typical_fill_ratio,
)
from portal.cli import cli, main

BASE = CostInputs(seats=1)
RISING = ("agents", "seats", "fte", "total_cny_per_year", "per_contact", "npv")


def _tightening(draw_pairs):
    """Sort (share, seconds) pairs so each is at least as strict as the one before."""
    shares = sorted(p[0] for p in draw_pairs)
    seconds = sorted((p[1] for p in draw_pairs), reverse=True)
    return list(zip(shares, seconds, strict=True))


@settings(max_examples=25, deadline=None)
@given(
    calls=st.floats(20, 4000),
    aht=st.floats(60, 600),
    pairs=st.lists(st.tuples(st.floats(0.5, 0.97), st.floats(5, 60)), min_size=2, max_size=4),
)
def test_cost_never_falls_as_the_target_tightens(calls, aht, pairs):
    rows = cost_service_level_curve(BASE, calls, aht, _tightening(pairs))
    for before, after in zip(rows, rows[1:], strict=False):
        for key in RISING:
            assert after[key] >= before[key] - 1e-6 * abs(before[key]), key
        assert after["service_level"] >= after["target_sl"] - 1e-12


def test_default_targets_tighten_and_cost_rises_across_them():
    for (s1, t1), (s2, t2) in zip(CURVE_TARGETS, CURVE_TARGETS[1:], strict=False):
        assert s2 >= s1 and t2 <= t1
    rows = cost_service_level_curve(BASE, 1000, 240)
    assert [r["target"] for r in rows] == ["70/20", "75/20", "80/20", "85/20", "90/15", "95/10"]
    totals = [r["total_cny_per_year"] for r in rows]
    assert totals == sorted(totals) and totals[-1] > totals[0]


def test_curve_rows_are_the_single_target_cost():
    rows = cost_service_level_curve(BASE, 1000, 240, [(0.8, 20), 0.9], answer_seconds=15)
    assert [r["target"] for r in rows] == ["80/20", "90/15"]
    single = cost_for_service_level(BASE, 1000, 240, target_sl=0.9, answer_seconds=15)
    assert rows[1]["agents"] == single.staffing.agents == 77
    assert single.seats == 85  # 77 peak agents + 10 % spare desks, rounded up
    assert rows[1]["per_seat_per_year"] == pytest.approx(single.per_seat_per_year)
    assert rows[1]["per_contact"] == pytest.approx(single.per_contact)
    assert rows[1]["npv"] == pytest.approx(single.npv_cny)
    # 1000 calls/h for 12 h x 365 days at 60% of peak on average
    assert single.contacts_per_year == pytest.approx(1000 * 12 * 365 * typical_fill_ratio(12))


def test_patience_lowers_the_agents_of_the_curve():
    c = cost_service_level_curve(BASE, 1000, 240, [(0.8, 20)])
    a = cost_service_level_curve(BASE, 1000, 240, [(0.8, 20)], patience_seconds=60)
    assert a[0]["agents"] <= c[0]["agents"]
    assert a[0]["total_cny_per_year"] <= c[0]["total_cny_per_year"]


def test_differences_are_against_the_first_target():
    rows = cost_service_level_curve(BASE, 600, 300, [(0.8, 20), (0.9, 15), (0.95, 10)])
    diffs = service_level_differences(rows)
    assert [(d["from"], d["to"]) for d in diffs] == [("80/20", "90/15"), ("80/20", "95/10")]
    for d, row in zip(diffs, rows[1:], strict=True):
        for key in DIFFERENCE_FIELDS:
            assert d[key] == pytest.approx(row[key] - rows[0][key])
        assert d["total_cost_change"] == pytest.approx(
            row["total_cny_per_year"] / rows[0]["total_cny_per_year"] - 1
        )
    assert service_level_differences([]) == []


def _cost(args, tmp_path):
    return CliRunner().invoke(
        cli,
        ["cost", "--city", "北京", "--db", str(tmp_path / "none.sqlite"), *args],
    )


def test_cli_compares_service_levels_in_one_call(tmp_path):
    res = _cost(
        [
            "--calls-per-hour",
            "1000",
            "--aht-seconds",
            "240",
            "--service-levels",
            "80/20,90/15",
            "--json",
        ],
        tmp_path,
    )
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    levels = out["service_levels"]
    assert [r["target"] for r in levels] == ["80/20", "90/15"]
    for row in levels:
        for key in ("agents", "fte", "seats", "per_seat_per_year", "net", "per_contact", "npv"):
            assert isinstance(row[key], int | float), key
    assert [r["agents"] for r in levels] == [74, 77]
    (diff,) = out["differences"]
    assert diff["agents"] == 3 and diff["total_cny_per_year"] > 0
    # same figures as the single-target command
    single = json.loads(
        _cost(
            [
                "--calls-per-hour",
                "1000",
                "--aht-seconds",
                "240",
                "--target-sl",
                "0.9",
                "--answer-seconds",
                "15",
                "--json",
            ],
            tmp_path,
        ).output
    )
    assert single["agents"] == levels[1]["agents"]
    assert single["per_seat_per_year"] == pytest.approx(levels[1]["per_seat_per_year"])
    assert single["net_per_seat_per_year"] == pytest.approx(levels[1]["net"])
    assert single["npv_per_seat"] == pytest.approx(levels[1]["npv_per_seat"])
    assert "service_levels" not in single


def test_cli_service_levels_text_and_fraction_form(tmp_path):
    res = _cost(
        ["--calls-per-hour", "500", "--aht-seconds", "300", "--service-levels", "0.8/20,95%/10"],
        tmp_path,
    )
    assert res.exit_code == 0, res.output
    assert "80/20" in res.output and "95/10" in res.output and "95/10 vs 80/20" in res.output


@pytest.mark.parametrize(
    "args",
    [
        ["--calls-per-hour", "1000", "--aht-seconds", "240", "--service-levels", "80-20"],
        ["--calls-per-hour", "1000", "--aht-seconds", "240", "--service-levels", "100/20"],
        ["--calls-per-hour", "1000", "--service-levels", "80/20"],
        [
            "--seats",
            "50",
            "--calls-per-hour",
            "1000",
            "--aht-seconds",
            "240",
            "--service-levels",
            "80/20",
        ],
    ],
)
def test_cli_bad_service_levels_exit_2(args, tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["cost", "--city", "北京", "--db", str(tmp_path / "x"), *args])
    assert exc.value.code == 2
    assert capsys.readouterr().err.strip()
