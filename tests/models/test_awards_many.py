"""The many-center path of the awards model gives the one-center path's figures, bit for bit.

``award_leaderboard`` scores every kept entry at once (``score_columns``: one item column at a
time, numpy over the KPI columns) and builds the rows without a score object per center;
``award_cards`` scores only the entries of the wanted centers. The references here are the
one-center path the model keeps: ``score_center`` per entry, then ``leaderboard``; and the
cards as they were made before (every entry of the year and category scored, then picked).
Rows are compared as Python values and as JSON text, so an integer 0 that became 0.0 (or a
last bit that moved) fails.
"""

from __future__ import annotations

import json
import math
import random

import pytest

from data.notes import Note
from data.rubrics import load_rubric
from models.awards import (
    _latest_entries,
    _select,
    award_cards,
    award_leaderboard,
    build_rubric,
    compare_card,
    latest_per_center,
    leaderboard,
    score_center,
    score_columns,
    score_entries,
)
from models.errors import ModelInputError

SHIPPED = build_rubric(load_rubric("cn_best_call_center"))
METRICS = ("answer_rate", "aht_seconds", "fcr_rate", "csat", "attrition_rate", "complaint_rate",
           "service_level")  # fmt: skip

#: profile values of our own making, odd ones included: empty text and lists, JSON lists
#: (broken too), numbers as text, NaN, 0.0 and -0.0 (equal, but "0.0" and "-0.0" as text),
#: True (equal to 1), a list (not hashable)
FIELD_VALUES = {
    "description": [None, "", "CTI IVR 知识库", "分布式 多媒体 隐私", "privacy first", "智能",
                    "-0.5 呼叫", 0.0, -0.0, 1, True, '["IVR", "x"]', ["CTI"], ("权益",)],
    "certifications": [None, "", '["COPC 2000"]', '["ISO 27001", "ISO 9001"]', "ISO9001",
                       "[broken", ["BS7799"], [], "BS 7799", -0.0, 0.0],
    "staff": [None, 0, 40, 40.0, float("nan"), "", "x", False],
    "founded_year": [None, 1999, 1999.0, float("nan"), "1999年"],
    "hours_per_day": [None, 24, 24.0, 23.99, 12, "24", "abc", float("nan"), True, -0.0, []],
    "days_per_year": [None, 365, 364.9, "365", float("inf"), 1e308],
}  # fmt: skip


def _kpi_value(rng: random.Random, metric: str):
    """A measured value: mostly in range, sometimes beyond poor or good, on the boundary,
    an integer, or not a number at all."""
    low, high = (100, 600) if metric == "aht_seconds" else (0.0, 1.0)
    kind = rng.random()
    if kind < 0.6:
        return rng.uniform(low, high)
    if kind < 0.7:
        return rng.choice([0.8, 0.98, 0.5, 0.1, 420, 180, 0.001, 0.01])  # the bounds
    if kind < 0.8:
        return rng.randint(int(low), int(high) + 1)
    return rng.choice([float("nan"), float("inf"), float("-inf"), None, -0.0, 1e-300])


def make_entries(seed: int, n: int = 400) -> list[tuple[dict, int | None, dict]]:
    """Entries of ``n // 3`` centers over several years; a few centers copy another's inputs
    under another name (tied scores) or share a name (ties listed by name)."""
    rng = random.Random(seed)
    centers = n // 3
    profiles = []
    for i in range(centers):
        profile = {"id": f"c{i}", "name": f"中心{rng.randint(0, centers // 2)}",
                   "industry": rng.choice(["金融", "电信", None, ""])}  # fmt: skip
        for field, values in FIELD_VALUES.items():
            if rng.random() < 0.8:
                profile[field] = rng.choice(values)
        profiles.append(profile)
    entries = []
    for _ in range(n):
        i = rng.randrange(centers)
        kpis = {m: _kpi_value(rng, m) for m in METRICS if rng.random() < 0.55}
        entries.append((profiles[i], rng.choice([None, 2019, 2021, 2023]), kpis))
    # exact copies under another id (the same score: a shared rank) and an entry with nothing
    for j in range(0, 30, 3):
        p, y, k = entries[j]
        entries.append(({**p, "id": f"copy{j}", "name": f"副本{j % 2}"}, y, dict(k)))
    entries.append(({"id": "empty", "name": "空"}, None, {}))
    entries.append(({"name": "无编号"}, 2023, {"csat": 0.9}))  # no id: keyed by name
    return entries


def random_rubric(seed: int):
    """A rubric of our own making: areas of uneven points (thirds, sevenths) over every kind."""
    rng = random.Random(seed)
    pool = [
        {"kind": "kpi", "metric": "csat", "poor": 0.8, "good": 0.98},
        {"kind": "kpi", "metric": "aht_seconds", "poor": 420, "good": 180},
        {"kind": "kpi", "metric": "attrition_rate", "poor": 0.5, "good": 0.1},
        {"kind": "kpi", "metric": "complaint_rate", "poor": 0.01, "good": 0.001},
        {"kind": "kpi", "metric": "fcr_rate", "poor": 0.3, "good": 0.9},
        {"kind": "present", "field": "staff"},
        {"kind": "present", "field": "description"},
        {"kind": "at_least", "field": "hours_per_day", "value": 24},
        {"kind": "at_least", "field": "days_per_year", "value": 365},
        {"kind": "at_least", "field": "founded_year", "value": 2000},
        {"kind": "contains_any", "field": "certifications", "values": ["COPC", "ISO 27001"]},
        {"kind": "contains_any", "field": "description", "values": ["IVR", "-0", "true"]},
        {"kind": "contains_any", "field": "hours_per_day", "values": ["-0", "24"]},
    ]
    areas = []
    for a in range(rng.randint(2, 6)):
        items = rng.sample(pool, rng.randint(1, 4))
        areas.append({"key": f"a{a}", "points": rng.choice([10 / 3, 1 / 7, 5, 2.2, 15]),
                      "items": items})  # fmt: skip
    return build_rubric({"name": f"r{seed}", "source": ["ParkBench test"], "areas": areas,
                         "total_points": sum(a["points"] for a in areas)})  # fmt: skip


RUBRICS = [SHIPPED, *(random_rubric(s) for s in range(6))]


def old_leaderboard(scores, *, min_coverage):
    """``models.awards.leaderboard`` as it was before the many-center path shared its ranking."""
    ordered = sorted(
        latest_per_center(scores),
        key=lambda s: (s.coverage < min_coverage or s.score is None, -(s.score or 0),
                       -s.coverage, s.name),
    )  # fmt: skip
    out = []
    rank, prev = 0, None
    in_category: dict = {}
    for i, s in enumerate(ordered):
        row = s.to_dict()
        row.pop("areas")
        if s.coverage < min_coverage or s.score is None:
            row["rank"] = None
            row["category_rank"] = None
            row["note"] = Note("below_coverage", min_coverage=min_coverage).to_dict()
        else:
            rank = rank if prev is not None and math.isclose(s.score, prev) else i + 1
            prev = s.score
            row["rank"] = rank
            seen = in_category.setdefault(s.category, [0, None, 0])
            seen[2] += 1
            if seen[1] is None or not math.isclose(s.score, seen[1]):
                seen[0], seen[1] = seen[2], s.score
            row["category_rank"] = seen[0]
        out.append(row)
    return out


def reference_board(rubric, entries, *, year=None, category=None, min_coverage=0.3):
    """The board of the one-center path: ``score_center`` per kept entry, then the board as
    ``leaderboard`` made it before (and as it makes it now: both are checked)."""
    latest = _latest_entries(_select(entries, year, category))
    scores = [score_center(rubric, p, k, year=y) for p, y, k in latest]
    board = old_leaderboard(scores, min_coverage=min_coverage)
    assert leaderboard(scores, min_coverage=min_coverage) == board
    return board


def reference_cards(rubric, entries, centers, *, year=None, category=None):
    """``award_cards`` as it was: every entry of the year and category scored, then picked."""
    scored = score_entries(rubric, entries, year=year, category=category)
    wanted = [str(c).strip() for c in centers if str(c).strip()]
    if not 2 <= len(wanted) <= 4:
        raise ModelInputError(f"a comparison card takes 2 to 4 centers, got {len(wanted)}")
    picked = []
    for w in wanted:
        hits = [(p, s) for p, s in scored if w in (p.get("name"), p.get("id"))]
        if not hits:
            raise ModelInputError(f"no center {w!r} among the scored centers")
        picked.append(max(hits, key=lambda h: h[1].year or 0))
    return {"rubric": rubric.name, "centers": [s.to_dict() for _, s in picked],
            "card": compare_card(rubric, picked)}  # fmt: skip


def _json(rows) -> str:
    return json.dumps(rows, ensure_ascii=False, allow_nan=True)


@pytest.mark.parametrize("rubric", RUBRICS, ids=lambda r: r.name)
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_score_columns_gives_score_centers_points_bit_for_bit(rubric, seed):
    entries = make_entries(seed)
    earned, backed = score_columns(rubric, [p for p, _, _ in entries], [k for _, _, k in entries])
    for (p, _, k), e, b in zip(entries, earned.tolist(), backed.tolist(), strict=True):
        one = score_center(rubric, p, k)
        # == on floats, and the bits themselves (0.0 and -0.0 are ==, not the same bits)
        assert (e, b) == (one.points, one.backed_points)
        assert (float(e).hex(), float(b).hex()) == (float(one.points).hex(),
                                                    float(one.backed_points).hex())  # fmt: skip


@pytest.mark.parametrize("rubric", RUBRICS, ids=lambda r: r.name)
@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize("year", [None, 2021, 2023, 2030])
@pytest.mark.parametrize("category", [None, "金融", "电信"])
def test_the_board_is_the_one_center_paths_board(rubric, seed, year, category):
    entries = make_entries(seed)
    for min_coverage in (0.0, 0.3, 0.55, 1.0):
        expected = reference_board(rubric, entries, year=year, category=category,
                                   min_coverage=min_coverage)  # fmt: skip
        got = award_leaderboard(rubric, entries, year=year, category=category,
                                min_coverage=min_coverage)  # fmt: skip
        assert got == expected
        assert _json(got) == _json(expected)  # 0 stays 0, not 0.0; no last bit moved
        assert year == 2030 or got


def test_the_boards_have_what_the_comparison_is_about():
    """The inputs above do reach the cases: unbacked centers, shared ranks, every item kind
    backed and unbacked, centers below the coverage and above it."""
    entries = make_entries(1)
    rows = award_leaderboard(SHIPPED, entries, min_coverage=0.3)
    assert any(r["score"] is None and r["points"] == 0 and type(r["points"]) is int for r in rows)
    assert any(r["rank"] is None and r["score"] is not None for r in rows)  # below the minimum
    ranks = [r["rank"] for r in rows if r["rank"] is not None]
    assert len(ranks) > len(set(ranks))  # ties share a rank
    for rubric in RUBRICS:
        for area in rubric.areas:
            for item in area.items:
                scores = {score_center(rubric, {**p}, k).areas[rubric.areas.index(area)]
                          .items[item.label] for p, _, k in entries}  # fmt: skip
                assert None in scores and len(scores - {None}) >= 1, item


def test_the_item_columns_do_not_mix_equal_values_of_different_text():
    """0.0 and -0.0, 1 and True are equal keys; as text they differ ("-0.0", "True")."""
    rubric = build_rubric({"name": "t", "total_points": 1, "source": ["x"], "areas": [
        {"key": "a", "points": 1, "items": [
            {"kind": "contains_any", "field": "x", "values": ["-0", "true"]}]}]})  # fmt: skip
    profiles = [{"x": 0.0}, {"x": -0.0}, {"x": 1}, {"x": True}, {"x": 0.0}, {"x": -0.0}]
    earned, _ = score_columns(rubric, profiles, [{}] * len(profiles))
    assert earned.tolist() == [0.0, 1.0, 0.0, 1.0, 0.0, 1.0]
    assert earned.tolist() == [score_center(rubric, p, {}).points for p in profiles]


def test_score_columns_checks_its_inputs():
    with pytest.raises(ModelInputError, match="2 profiles but 1 KPI sets"):
        score_columns(SHIPPED, [{}, {}], [{}])
    earned, backed = score_columns(SHIPPED, [], [])
    assert earned.tolist() == backed.tolist() == []


@pytest.mark.parametrize("rubric", RUBRICS[:3], ids=lambda r: r.name)
@pytest.mark.parametrize("year", [None, 2021])
@pytest.mark.parametrize("category", [None, "电信"])
def test_cards_of_the_wanted_centers_are_the_cards_of_scoring_every_center(rubric, year, category):
    entries = make_entries(4)
    rng = random.Random(5)
    ids = sorted({p["id"] for p, y, _ in _select(entries, year, category) if "id" in p})
    names = sorted({p["name"] for p, y, _ in _select(entries, year, category)})
    for _ in range(15):
        wanted = rng.sample(ids, rng.randint(1, 2)) + rng.sample(names, rng.randint(1, 2))
        expected = reference_cards(rubric, entries, wanted, year=year, category=category)
        got = award_cards(rubric, entries, wanted, year=year, category=category)
        assert got == expected
        assert _json(got) == _json(expected)
    for wanted in (["中心0"], ["c1", "c2", "c3", "c4", "c5"], ["c1", "nobody"]):
        with pytest.raises(ModelInputError) as expected_error:
            reference_cards(rubric, entries, wanted, year=year, category=category)
        with pytest.raises(ModelInputError, match=str(expected_error.value)):
            award_cards(rubric, entries, wanted, year=year, category=category)


def test_every_item_score_is_finite_or_unbacked():
    """No NaN or infinity reaches a figure: a non-finite KPI backs nothing."""
    entries = make_entries(6)
    for rubric in RUBRICS:
        for row in award_leaderboard(rubric, entries, min_coverage=0.0):
            for key in ("points", "backed_points", "coverage"):
                assert math.isfinite(row[key])
            assert row["score"] is None or 0 <= row["score"] <= 100
