"""Interval plans and the ``parkbench staffing`` command."""

from __future__ import annotations

import json

import numpy as np
import pytest
from click.testing import CliRunner

from models.erlang_c import required_agents_erlang_c
from models.errors import ModelInputError
from models.interval_plan import compute_interval_plan
from portal.cli import cli, main


def test_week_plan_matches_interval_by_interval_staffing():
    rng = np.random.default_rng(1)
    calls = rng.integers(0, 400, size=7 * 48).astype(float)
    aht = rng.uniform(180, 360, size=calls.size)
    plan = compute_interval_plan(calls, aht, interval_minutes=30, shrinkage=0.3, max_occupancy=0.9)
    df = plan.intervals
    for i in (0, 17, 100, 335):
        expected = (
            0
            if calls[i] == 0
            else required_agents_erlang_c(
                calls[i] * 2 * aht[i] / 3600,
                aht[i],
                target_sl=0.8,
                answer_seconds=20,
                max_occupancy=0.9,
            )
        )
        assert df["agents"].iloc[i] == expected
    assert (df.loc[df["calls"] > 0, "service_level"] >= 0.8).all()
    assert (df["occupancy"] <= 0.9 + 1e-12).all()
    assert plan.peak_seats == df["agents"].max()
    assert plan.agent_hours == pytest.approx(df["agents"].sum() / 2)
    # a week of 40-hour FTE: agent-hours / 0.7 / 40
    assert plan.period_fte == pytest.approx(plan.agent_hours / 0.7 / 40)


def test_plan_rejects_bad_intervals():
    with pytest.raises(ModelInputError, match="calls"):
        compute_interval_plan([10, -1], 200)
    with pytest.raises(ModelInputError, match="interval_minutes"):
        compute_interval_plan([10], 200, interval_minutes=7)


def test_cli_json_fields():
    res = CliRunner().invoke(
        cli,
        [
            "staffing",
            "--calls-per-hour",
            "1000",
            "--aht-seconds",
            "240",
            "--target-sl",
            "0.8",
            "--answer-seconds",
            "20",
            "--shrinkage",
            "0.3",
            "--json",
        ],
    )
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    for key in (
        "traffic_erlangs",
        "agents",
        "service_level",
        "asa_seconds",
        "wait_probability",
        "occupancy",
        "fte",
    ):
        assert key in out
    assert out["agents"] == 74 and "abandon_rate" not in out
    res = CliRunner().invoke(
        cli,
        [
            "staffing",
            "--calls-per-hour",
            "1000",
            "--aht-seconds",
            "240",
            "--patience-seconds",
            "120",
            "--json",
        ],
    )
    assert 0 < json.loads(res.output)["abandon_rate"] < 1


@pytest.mark.parametrize(
    "args",
    [
        ["--calls-per-hour", "-10", "--aht-seconds", "240"],
        ["--calls-per-hour", "100", "--aht-seconds", "0"],
        ["--calls-per-hour", "100", "--aht-seconds", "240", "--target-sl", "1.5"],
    ],
)
def test_cli_bad_arguments_exit_2_with_one_line(args, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["staffing", *args])
    assert exc.value.code == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("Error:") and "\n" not in err
