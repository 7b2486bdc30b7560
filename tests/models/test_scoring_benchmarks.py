"""Peer benchmarks and the award rubric: models, loaders and commands."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from click.testing import CliRunner

from data.notes import Note
from data.rubrics import load_rubric, rubric_names
from data.store.database import open_db
from data.store.engine import is_postgres
from models.awards import build_rubric, compare_card, leaderboard, score_center
from models.errors import ModelInputError
from models.peer_benchmark import MIN_PEERS, benchmark_kpis, peer_table, size_band
from portal.cli import cli
from tests.scoring_store import make_store


def peers(values, metric="answer_rate", definition=""):
    return pd.DataFrame(
        {
            "center_id": [f"p{i}" for i in range(len(values))],
            "metric": metric,
            "value": values,
            "definition": definition,
        }
    )


def test_size_bands_follow_the_issue():
    assert [size_band(s) for s in (4, 5, 99, 100, 249, 250, 5000)] == [
        None,
        "5-99",
        "5-99",
        "100-249",
        "100-249",
        "250+",
        "250+",
    ]


def test_cells_with_fewer_than_five_peers_are_not_shown():
    p = benchmark_kpis({"answer_rate": 0.9}, peers([0.8, 0.85, 0.9, 0.95]))[0]
    assert p.median is None and p.percentile is None
    assert p.notes[0] == Note("too_few_peers", n=4, min=5)
    p = benchmark_kpis({"answer_rate": 0.9}, peers([0.8, 0.85, 0.9, 0.95, 0.97]))[0]
    assert p.median == 0.9 and p.peers == MIN_PEERS


def test_kpis_measured_differently_are_not_mixed():
    offered = peers([0.70, 0.72, 0.74, 0.76, 0.78], "service_level", "offered@20s")
    answered = peers([0.90, 0.91, 0.92, 0.93, 0.94], "service_level", "answered@20s")
    both = pd.concat([offered, answered.assign(center_id=lambda d: "q" + d["center_id"])])
    p = benchmark_kpis({"service_level": 0.8}, both, definitions={"service_level": "offered@20s"})[
        0
    ]
    assert p.median == 0.74 and p.percentile == 100.0 and p.quartile == 1
    assert Note("not_mixed", others=["answered@20s"]) in p.notes
    p = benchmark_kpis({"service_level": 0.8}, both, definitions={"service_level": "answered@20s"})[
        0
    ]
    assert p.median == 0.92 and p.quartile == 4


def test_gaps_convert_to_money_and_repeat_calls():
    aht = peers([200.0, 220, 240, 260, 280, 300], "aht_seconds")
    fcr = peers([0.6, 0.7, 0.75, 0.8, 0.85, 0.9], "fcr_rate")
    out = {
        p.metric: p
        for p in benchmark_kpis(
            {"aht_seconds": 300.0, "fcr_rate": 0.7},
            pd.concat([aht, fcr]),
            annual_calls=1_000_000,
            cost_per_minute_cny=1.5,
        )
    }
    a = out["aht_seconds"]
    assert a.gap_to_median == pytest.approx(50.0)
    assert a.cny_per_year_to_median == pytest.approx(50 / 60 * 1_000_000 * 1.5)
    f = out["fcr_rate"]
    gap = f.top_quartile - 0.7
    assert f.repeat_calls_avoided_per_year == pytest.approx(gap * 1_000_000)
    assert f.cny_per_year_to_top_quartile == pytest.approx(gap * 1_000_000 * 300 / 60 * 1.5)
    # a center already better than the median has nothing to gain there
    better = benchmark_kpis({"aht_seconds": 210.0}, aht, annual_calls=1e6, cost_per_minute_cny=1.5)[
        0
    ]
    assert better.cny_per_year_to_median == 0.0


def stored(target) -> str:
    """What the store holds: the file's bytes on SQLite, every table's rows on PostgreSQL."""
    import hashlib

    if not is_postgres(target):
        return hashlib.sha256(target.read_bytes()).hexdigest()
    db = open_db(target, read_only=True)
    rows = {
        t: sorted(map(repr, db.execute(f'select * from "{t}"').fetchall()))
        for t in sorted(db.table_names())
    }
    db.conn.close()
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def test_peer_table_suppresses_small_cells(stores):
    from data.inputs.benchmark import load_centers, load_kpi_observations

    store = make_store(stores.target())
    centers = load_centers(store)
    t = peer_table(load_kpi_observations(store, centers), centers, by=["industry"])
    shown = t[t["suppressed"].isna()]
    assert set(shown["n"]) == {6}
    assert (shown["p25"] <= shown["median"]).all()
    t = peer_table(load_kpi_observations(store, centers), centers, by=["industry", "size_band"])
    assert t["suppressed"].notna().any()
    with pytest.raises(ModelInputError, match="unknown peer keys"):
        peer_table(load_kpi_observations(store, centers), centers, by=["colour"])


def test_benchmark_command_for_typed_in_kpis_stores_nothing(stores):
    store = make_store(stores.target())
    before = stored(store)
    r = CliRunner().invoke(
        cli,
        [
            "benchmark",
            "--db",
            str(store),
            "--kpi",
            "answer_rate=0.9,aht_seconds=250",
            "--by",
            "industry",
            "--industry",
            "电信",
            "--json",
        ],
    )
    assert r.exit_code == 0, r.output
    out = json.loads(r.output)
    assert out["peer_centers"] == 6
    assert {k["metric"] for k in out["kpis"]} == {"answer_rate", "aht_seconds"}
    assert stored(store) == before


def test_benchmark_command_for_a_stored_center_excludes_itself(stores):
    store = make_store(stores.target())
    r = CliRunner().invoke(
        cli,
        [
            "benchmark",
            "--db",
            str(store),
            "--center",
            "中心0",
            "--by",
            "industry",
            "--cost-per-minute",
            "2",
        ],
    )
    assert r.exit_code == 0, r.output
    assert "among 5 peer centers (industry=电信)" in r.output
    assert "aht_seconds" in r.output and "CNY/yr to top quartile" in r.output


# --- awards ---------------------------------------------------------------------------------


def test_shipped_rubric_is_valid_and_cites_the_candidate_form():
    assert "cn_best_call_center" in rubric_names()
    r = build_rubric(load_rubric("cn_best_call_center"))
    assert sum(a.points for a in r.areas) == r.total_points == 100
    assert [a.key for a in r.areas] == [
        "planning", "people", "floor_management", "process", "performance",
        "satisfaction_complaints", "technology", "information_security", "customer_rights",
    ]  # fmt: skip
    assert any("000_5eda29b0c28f238a.txt" in s for s in r.source)


def test_rubric_validation_messages():
    with pytest.raises(ModelInputError, match="sum to 5"):
        build_rubric(
            {
                "name": "x",
                "total_points": 10,
                "source": ["s"],
                "areas": [{"key": "a", "points": 5, "items": [{"kind": "present", "field": "f"}]}],
            }
        )
    with pytest.raises(ModelInputError, match="unknown item kind"):
        build_rubric(
            {
                "name": "x",
                "total_points": 5,
                "source": ["s"],
                "areas": [{"key": "a", "points": 5, "items": [{"kind": "vibes"}]}],
            }
        )


def test_better_kpis_score_higher_and_missing_data_lowers_coverage_not_score():
    r = build_rubric(load_rubric("cn_best_call_center"))
    profile = {
        "id": "a",
        "name": "A",
        "industry": "电信",
        "certifications": '["COPC", "ISO 27001"]',
        "hours_per_day": 24,
        "days_per_year": 365,
    }
    good = score_center(r, profile, {"answer_rate": 0.97, "csat": 0.95, "attrition_rate": 0.15})
    bad = score_center(r, profile, {"answer_rate": 0.82, "csat": 0.85, "attrition_rate": 0.45})
    assert good.score > bad.score
    assert good.coverage == bad.coverage
    thin = score_center(r, {"id": "b", "name": "B", "industry": "电信"}, {"answer_rate": 0.97})
    assert thin.coverage < good.coverage
    board = leaderboard([good, thin])
    assert board[0]["name"] == "A" and board[0]["rank"] == 1
    assert board[1]["rank"] is None
    assert board[1]["note"] == {"code": "below_coverage", "min_coverage": 0.3}


def test_compare_card_follows_the_candidate_form():
    r = build_rubric(load_rubric("cn_best_call_center"))
    p1 = {
        "id": "a",
        "name": "上海世纪新元",
        "industry": "电信",
        "ownership": "国有企业单位",
        "founded_year": 2000,
        "seats": 550,
        "staff": 920,
        "hours_per_day": 24,
        "days_per_week": 7,
        "days_per_year": 365,
    }
    p2 = {"id": "b", "name": "B", "seats": 100}
    card = compare_card(r, [(p1, score_center(r, p1, {})), (p2, score_center(r, p2, {}))])
    assert [row["zh"] for row in card[:8]] == [
        "企业名称",
        "呼叫中心号码",
        "企业所处行业",
        "企业性质",
        "呼叫中心建立时间",
        "座席数量",
        "呼叫中心人员数量",
        "呼叫中心开放时间",
    ]
    assert card[7]["values"] == ["24×7×365", None]
    # a profile read from the store has floats where a column has gaps: shown as whole numbers
    p3 = {"id": "c", "name": "C", "founded_year": 1999.0, "seats": 120.0, "staff": float("nan")}
    card = compare_card(r, [(p1, score_center(r, p1, {})), (p3, score_center(r, p3, {}))])
    assert [row["values"][1] for row in card[4:7]] == [1999, 120, None]
    assert str(card[4]["values"][1]) == "1999"
    with pytest.raises(ModelInputError, match="2 to 4"):
        compare_card(r, [(p1, score_center(r, p1, {}))])


def test_awards_command_leaderboard_and_card(stores):
    kpis = [
        {
            "id": "k1",
            "center_id": "c0",
            "metric": "service_level",
            "value": 0.9,
            "period": "2003",
            "definition": "offered",
            "threshold_seconds": 15,
            "is_target": 0,
        },
        {
            "id": "k2",
            "center_id": "c0",
            "metric": "service_level",
            "value": 0.95,
            "period": "2004",
            "is_target": 1,
        },
    ]
    store = make_store(stores.target(), kpis=kpis)
    r = CliRunner().invoke(cli, ["awards", "--db", str(store), "--json"])
    assert r.exit_code == 0, r.output
    board = json.loads(r.output)
    assert {(b["year"], b["category"]) for b in board} >= {(2003, "电信"), (None, "金融")}
    assert all(0 <= b["coverage"] <= 1 for b in board)
    assert not any(b["year"] == 2004 for b in board)  # a target is not an achievement
    ranked = [b for b in board if b["year"] is None and b["category"] == "金融" and b["rank"]]
    assert [b["rank"] for b in ranked] == sorted(b["rank"] for b in ranked)
    r = CliRunner().invoke(cli, ["awards", "--db", str(store), "--compare", "中心1,中心3"])
    assert r.exit_code == 0, r.output
    assert "企业名称" in r.output and "中心1" in r.output
