"""``parkbench staffing --plan FILE``: a day of 30-minute and a week of 15-minute intervals."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import numpy as np
import pytest
from click.testing import CliRunner

from data.errors import TableReadError
from data.inputs.interval_plan import infer_interval_minutes, load_interval_forecast
from models.erlang_a import required_agents_erlang_a
from models.erlang_c import required_agents_erlang_c
from models.interval_plan import compute_interval_plan
from portal.cli import cli, main


def _profile(hours: np.ndarray) -> np.ndarray:
    """Calls per hour of a typical inbound day: a morning and an afternoon peak."""
    return np.round(
        600 * np.exp(-(((hours - 10.5) / 2.5) ** 2)) + 450 * np.exp(-(((hours - 15) / 2) ** 2)) + 8
    )


def _write(path, header, rows, encoding="utf-8"):
    path.write_text("\n".join([header, *rows]) + "\n", encoding=encoding)
    return path


@pytest.fixture
def day_csv(tmp_path):
    """48 half-hours labelled 00:00 .. 23:30, AHT per row, some rows without one."""
    hours = np.arange(48) / 2
    calls = _profile(hours) / 2  # calls per half-hour
    rows = [
        f"{int(h):02d}:{30 * (i % 2):02d},{c:g},{'' if i % 6 == 0 else 210 + 10 * (i % 4)}"
        for i, (h, c) in enumerate(zip(hours, calls, strict=True))
    ]
    return _write(tmp_path / "day.csv", "start,calls,aht_seconds", rows)


@pytest.fixture
def week_csv(tmp_path):
    """672 quarter-hours with full timestamps, Chinese headers, GBK, no AHT column."""
    t0 = datetime(2024, 3, 4)
    rows = []
    for i in range(7 * 96):
        t = t0 + timedelta(minutes=15 * i)
        hour = t.hour + t.minute / 60
        scale = 0.6 if t.weekday() >= 5 else 1.0
        rows.append(f"{t:%Y-%m-%d %H:%M},{int(_profile(np.array([hour]))[0] / 4 * scale)}")
    return _write(tmp_path / "week.csv", "开始时间,来电量", rows, encoding="gbk")


def _run(args):
    res = CliRunner().invoke(cli, ["staffing", *args])
    assert res.exit_code == 0, res.output
    return res


def test_day_of_half_hours(day_csv):
    out = json.loads(
        _run(
            ["--plan", str(day_csv), "--aht-seconds", "250", "--shrinkage", "0.3", "--json"]
        ).output
    )
    assert out["interval_minutes"] == 30 and out["interval_minutes_from"] == "start times"
    assert out["interval_count"] == len(out["intervals"]) == 48
    forecast = load_interval_forecast(day_csv)
    aht = np.where(np.isnan(forecast.aht_seconds), 250.0, forecast.aht_seconds)
    assert aht[0] == 250.0 and aht[1] == 220.0  # blank AHT takes --aht-seconds
    agents = [row["agents"] for row in out["intervals"]]
    for i in (0, 13, 21, 30):
        traffic = forecast.calls[i] * 2 * aht[i] / 3600
        assert agents[i] == required_agents_erlang_c(traffic, aht[i], target_sl=0.8)
    assert out["peak_seats"] == out["peak_agents"] == max(agents)
    assert out["peak_interval"] == out["intervals"][int(np.argmax(agents))]["start"]
    assert out["peak_fte"] == pytest.approx(max(agents) / 0.7)
    assert out["agent_hours"] == pytest.approx(sum(agents) / 2)
    # a day is 1/7 of a 40-hour week
    assert out["period_fte"] == pytest.approx(out["agent_hours"] / 0.7 / (40 / 7))
    assert all(r["service_level"] >= 0.8 for r in out["intervals"])


def test_week_of_quarter_hours_gbk_chinese_headers(week_csv):
    res = _run(["--plan", str(week_csv), "--aht-seconds", "240", "--json"])
    out = json.loads(res.output)
    assert out["interval_minutes"] == 15 and out["interval_count"] == 672
    assert out["intervals"][0]["start"] == "2024-03-04 00:00"
    plan = compute_interval_plan(load_interval_forecast(week_csv).calls, 240, interval_minutes=15)
    assert [r["agents"] for r in out["intervals"]] == plan.intervals["agents"].tolist()
    assert out["peak_seats"] == plan.peak_seats
    weekday, saturday = out["intervals"][42]["agents"], out["intervals"][5 * 96 + 42]["agents"]
    assert saturday < weekday  # 10:30 on Monday vs Saturday
    text = _run(["--plan", str(week_csv), "--aht-seconds", "240"]).output
    assert "672 intervals of 15 min" in text and f"{plan.peak_seats} seats" in text


def test_plan_with_patience_uses_erlang_a(day_csv):
    out = json.loads(
        _run(
            ["--plan", str(day_csv), "--aht-seconds", "250", "--patience-seconds", "90", "--json"]
        ).output
    )
    assert out["model"] == "erlang_a"
    row = out["intervals"][21]
    forecast = load_interval_forecast(day_csv)
    aht = forecast.aht_seconds[21]
    assert row["agents"] == required_agents_erlang_a(
        forecast.calls[21] * 2, aht, 90, target_sl=0.8, answer_seconds=20
    )
    assert 0 <= row["abandon_rate"] < 1


def test_interval_minutes_given_or_defaulted(tmp_path):
    plain = _write(tmp_path / "n.csv", "interval,calls", ["1,100", "2,200", "3,50"])
    out = json.loads(_run(["--plan", str(plain), "--aht-seconds", "180", "--json"]).output)
    assert out["interval_minutes"] == 30 and out["interval_minutes_from"] == "default"
    out15 = json.loads(
        _run(
            ["--plan", str(plain), "--aht-seconds", "180", "--interval-minutes", "15", "--json"]
        ).output
    )
    # the same calls in a quarter-hour are twice the rate: more agents
    assert out15["peak_agents"] > out["peak_agents"]
    assert infer_interval_minutes(["08:00", "08:15", "12:00", "12:15"]) == 15


@pytest.mark.parametrize(
    ("header", "rows", "extra", "message"),
    [
        ("start,volume_x", ["08:00,10"], [], "no calls column"),
        ("start,calls", ["08:00,ten"], ["--aht-seconds", "200"], "row 2: calls"),
        ("start,calls", ["08:00,-5"], ["--aht-seconds", "200"], ">= 0"),
        ("start,calls", ["08:00,"], ["--aht-seconds", "200"], "calls is blank"),
        ("start,calls,aht_seconds", ["08:00,10,0"], [], "aht_seconds must be > 0"),
        ("start,calls", ["08:00,10"], [], "no aht_seconds"),
        (
            "start,calls",
            ["08:00,10", "08:30,12"],
            ["--aht-seconds", "200", "--interval-minutes", "15"],
            "30 minutes apart",
        ),
        (
            "start,calls",
            ["08:00,10"],
            ["--aht-seconds", "200", "--interval-minutes", "7"],
            "interval_minutes",
        ),
        ("start,calls", [], ["--aht-seconds", "200"], "no intervals"),
    ],
)
def test_bad_plans_give_one_line_and_exit_2(tmp_path, capsys, header, rows, extra, message):
    path = _write(tmp_path / "bad.csv", header, rows)
    with pytest.raises(SystemExit) as exc:
        main(["staffing", "--plan", str(path), *extra])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err


def test_missing_binary_and_empty_files(tmp_path, capsys):
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "bin.csv").write_bytes(b"\x00\x01\x02binary")
    for name in ("nope.csv", "empty.csv", "bin.csv"):
        with pytest.raises(SystemExit) as exc:
            main(["staffing", "--plan", str(tmp_path / name), "--aht-seconds", "200"])
        assert exc.value.code == 2
        assert capsys.readouterr().err.count("\n") == 1
    with pytest.raises(TableReadError):
        load_interval_forecast(tmp_path / "empty.csv")


def test_plan_and_single_queue_options_do_not_mix(day_csv, capsys):
    for args in (
        ["--plan", str(day_csv), "--calls-per-hour", "100", "--aht-seconds", "200"],
        ["--calls-per-hour", "100"],
        ["--calls-per-hour", "100", "--aht-seconds", "200", "--interval-minutes", "15"],
    ):
        with pytest.raises(SystemExit) as exc:
            main(["staffing", *args])
        assert exc.value.code == 2


def test_fte_does_not_depend_on_listing_closed_hours(tmp_path):
    """A center open 08:00-20:00: listing the closed hours as zeros changes nothing.

    Hand check: the open-hours plan needs A agent-hours a day; one FTE gives
    40 h / 7 days * (1 - 0.3) productive hours a day, so FTE = A / (40 / 7 * 0.7).
    """
    open_rows, all_rows = [], []
    for day in range(7):
        for half in range(48):
            hour = half / 2
            calls = int(_profile(np.array([hour]))[0] / 2) if 8 <= hour < 20 else 0
            label = f"2024-03-{4 + day:02d} {int(hour):02d}:{30 * (half % 2):02d}"
            all_rows.append(f"{label},{calls}")
            if 8 <= hour < 20:
                open_rows.append(f"{label},{calls}")
    clock_rows = [r.split(" ", 1)[1] for r in open_rows]  # times only, the clock wraps daily
    results = []
    for name, rows in (("open", open_rows), ("all", all_rows), ("clock", clock_rows)):
        path = _write(tmp_path / f"{name}.csv", "start,calls", rows)
        res = _run(["--plan", str(path), "--aht-seconds", "240", "--shrinkage", "0.3", "--json"])
        results.append(json.loads(res.output))
    fte = [r["period_fte"] for r in results]
    assert fte[0] == pytest.approx(fte[1]) == pytest.approx(fte[2])
    assert [r["period_days"] for r in results] == [7, 7, 7]
    agent_hours = results[0]["agent_hours"]
    assert results[1]["agent_hours"] == pytest.approx(agent_hours)
    assert fte[0] == pytest.approx(agent_hours / 7 / (40 / 7 * 0.7))


def test_period_shorter_than_the_intervals_is_rejected():
    from models.errors import ModelInputError

    with pytest.raises(ModelInputError, match="period_days"):
        compute_interval_plan([10] * 96, 240, interval_minutes=30, period_days=1)


def test_erlang_a_plan_below_the_offered_load_says_so():
    """A half-hour of 10,000 calls at 240 s (1,333 erlangs) with 120 s patience and only an
    80/20 target: fewer agents than the load, 10.8 % abandon; the plan flags it."""
    plan = compute_interval_plan([100, 10000], 240, interval_minutes=30, patience_seconds=120)
    summary = plan.summary()
    assert summary["warnings"] == ["below_offered_load", "high_abandonment"]
    assert summary["intervals_below_offered_load"] == 1
    capped = compute_interval_plan(
        [100, 10000], 240, interval_minutes=30, patience_seconds=120, max_abandon_rate=0.03
    )
    assert "high_abandonment" not in capped.warnings
    assert compute_interval_plan([100, 10000], 240, interval_minutes=30).warnings == ()
