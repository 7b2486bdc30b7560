"""Award scores never reward missing evidence (issue 16): earned points out of the rubric total."""

from __future__ import annotations

import itertools

import pytest

from data.rubrics import load_rubric
from models.awards import award_leaderboard, build_rubric, score_center

RUBRIC = build_rubric(load_rubric("cn_best_call_center"))

#: four telecom centers of our own making; 甲 holds a COPC certificate, no ISO 27001
CENTERS = [
    (
        {"id": "a", "name": "甲", "industry": "电信", "staff": 300, "description": "CTI IVR",
         "certifications": '["COPC 2000"]', "hours_per_day": 24, "days_per_year": 365},
        {"answer_rate": 0.92, "csat": 0.92, "attrition_rate": 0.30, "aht_seconds": 300},
    ),
    (
        {"id": "b", "name": "乙", "industry": "电信", "staff": 200, "description": "IVR 知识库",
         "hours_per_day": 24, "days_per_year": 365},
        {"answer_rate": 0.95, "csat": 0.94, "attrition_rate": 0.25, "aht_seconds": 280,
         "fcr_rate": 0.80},
    ),
    (
        {"id": "c", "name": "丙", "industry": "电信", "staff": 150, "description": "CTI",
         "hours_per_day": 12, "days_per_year": 365},
        {"answer_rate": 0.94, "csat": 0.93, "attrition_rate": 0.28, "aht_seconds": 290},
    ),
    (
        {"id": "d", "name": "丁", "industry": "电信", "staff": 120, "description": "IVR",
         "hours_per_day": 24, "days_per_year": 365},
        {"answer_rate": 0.93, "csat": 0.92, "attrition_rate": 0.30, "aht_seconds": 300},
    ),
]  # fmt: skip


def _rank(entries, center_id):
    rows = award_leaderboard(RUBRIC, entries, min_coverage=0.0)
    return next(r for r in rows if r["center_id"] == center_id)


def test_removing_a_certification_never_improves_the_rank():
    entries = [(p, None, k) for p, k in CENTERS]
    before = _rank(entries, "a")
    without = [({**p, "certifications": None} if p["id"] == "a" else p, None, k)
               for p, k in CENTERS]  # fmt: skip
    after = _rank(without, "a")
    assert after["score"] <= before["score"]
    assert after["rank"] >= before["rank"]
    assert after["coverage"] < before["coverage"]  # coverage shows what is missing
    # the score is out of the rubric total: earned points / 100
    assert before["score"] == pytest.approx(before["points"] / RUBRIC.total_points * 100, abs=0.01)


@pytest.mark.parametrize("field", ["certifications", "description", "staff", "hours_per_day"])
def test_deleting_any_profile_fact_never_raises_a_score_or_a_rank(field):
    for i, (profile, kpis) in enumerate(CENTERS):
        full = score_center(RUBRIC, profile, kpis)
        thin = score_center(RUBRIC, {**profile, field: None}, kpis)
        assert thin.score is None or thin.score <= full.score + 1e-9
        entries = [(p, None, k) for p, k in CENTERS]
        cut = [((p if j != i else {**p, field: None}), None, k)
               for j, (p, k) in enumerate(CENTERS)]  # fmt: skip
        assert _rank(cut, profile["id"])["rank"] >= _rank(entries, profile["id"])["rank"]


def test_deleting_any_kpi_never_raises_a_score():
    for profile, kpis in CENTERS:
        full = score_center(RUBRIC, profile, kpis).score
        for n in range(1, len(kpis)):
            for drop in itertools.combinations(kpis, n):
                kept = {m: v for m, v in kpis.items() if m not in drop}
                assert score_center(RUBRIC, profile, kept).score <= full + 1e-9


def test_leaderboard_is_sorted_with_one_row_per_center():
    entries = [(p, y, k) for p, k in CENTERS for y in (2021, 2022)]
    entries[0] = (entries[0][0], 2021, {"answer_rate": 0.99})  # older year of 甲 differs
    rows = award_leaderboard(RUBRIC, entries, min_coverage=0.0)
    assert sorted(r["center_id"] for r in rows) == ["a", "b", "c", "d"]
    assert all(r["year"] == 2022 for r in rows)  # each center at its latest year
    scores = [r["score"] for r in rows]
    assert scores == sorted(scores, reverse=True)
    assert [r["rank"] for r in rows] == sorted(r["rank"] for r in rows)
    assert all(r["category_rank"] == r["rank"] for r in rows)  # one industry


def test_the_board_scores_only_the_kept_entries_and_gives_the_rows_of_scoring_them_all():
    """``award_leaderboard`` scores one entry per center (the latest of the chosen year and
    category); the rows are those of scoring every entry and keeping the latest."""
    import random

    from models.awards import award_leaderboard, build_rubric, leaderboard, score_entries

    rubric = build_rubric(
        {"name": "t", "total_points": 10, "source": ["x"], "areas": [
            {"key": "a", "points": 6, "items": [
                {"kind": "kpi", "metric": "csat", "poor": 0.6, "good": 1.0},
                {"kind": "kpi", "metric": "answer_rate", "poor": 0.7, "good": 0.98}]},
            {"key": "b", "points": 4, "items": [{"kind": "present", "field": "staff"}]}]}
    )  # fmt: skip
    rng = random.Random(3)
    entries = []
    for i in range(300):
        profile = {"id": f"c{i % 120}", "name": f"中心{i % 120}",
                   "industry": rng.choice(["金融", "电信", None, ""]),
                   "staff": rng.choice([None, 40])}  # fmt: skip
        kpis = {m: rng.uniform(0.5, 1.0) for m in ("csat", "answer_rate") if rng.random() < 0.7}
        entries.append((profile, rng.choice([None, 2019, 2021, 2023]), kpis))
    for year in (None, 2021, 2030):
        for category in (None, "金融", "电信"):
            every = [s for _, s in score_entries(rubric, entries, year=year, category=category)]
            expected = leaderboard(every, min_coverage=0.4)
            got = award_leaderboard(rubric, entries, year=year, category=category, min_coverage=0.4)
            assert got == expected
            assert year == 2030 or got
