"""The Awards page under AppTest: leaderboard with coverage, unranked entries, side-by-side cards.

Every test runs on SQLite and on PostgreSQL: the curated store is the session's build of each
engine (``built_any``), the larger synthetic one is built once per engine for this module.
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from data.inputs.benchmark import load_award_entries
from data.rubrics import load_rubric
from models.awards import CARD_FIELDS, award_leaderboard, build_rubric
from tests.portal_support import APP, engine_portal_db


@pytest.fixture
def curated_db(built_any):
    """The `parkbench build` store of each engine (read only here)."""
    return built_any


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def big_db(request, tmp_path_factory, synthetic_visible):
    return engine_portal_db(request, tmp_path_factory, "awards_big", n_centers=60, n_parks=2)


@pytest.fixture(scope="module")
def rubric():
    return build_rubric(load_rubric("cn_best_call_center"))


def open_awards(db, monkeypatch) -> AppTest:
    monkeypatch.setenv("PARKBENCH_DB", str(db))
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    at.switch_page("views/awards.py")
    at.run()
    assert not at.exception, at.exception
    return at


def texts(at: AppTest) -> str:
    kinds = ("markdown", "caption", "info", "warning", "error")
    return "\n".join(str(e.value) for kind in kinds for e in at.get(kind))


def board(at: AppTest):
    return next(d.value for d in at.dataframe if "名次" in d.value.columns)


def test_leaderboard_lists_low_coverage_entries_without_rank(curated_db, monkeypatch, rubric):
    at = open_awards(curated_db, monkeypatch)
    assert at.selectbox(key="awards_rubric").value == "cn_best_call_center"
    expected = award_leaderboard(rubric, load_award_entries(curated_db))
    table = board(at)
    assert len(table) == len(expected)
    unranked = [r for r in expected if r["rank"] is None]
    assert unranked, "the curated store has centers with too little data"
    shown = table[table["名次"] == "—"]
    assert len(shown) == len(unranked)
    assert shown["说明"].str.contains("数据覆盖率低于 30%：数据不足，不排名").all()
    ranked = table[table["名次"] != "—"]
    assert (ranked["说明"] == "").all()
    assert f"其中 {len(expected) - len(unranked)}家 参与排名" in texts(at)
    assert rubric.title_zh in [s.value for s in at.subheader]


def test_leaderboard_is_sorted_one_row_per_center_with_coverage_beside_the_score(
    big_db, monkeypatch
):
    at = open_awards(big_db, monkeypatch)
    entries = load_award_entries(big_db)
    assert len({p["id"] for p, _, _ in entries}) < len(entries), "centers with several years"
    table = board(at)
    assert len(table) == len({p["id"] for p, _, _ in entries})  # one row per center
    columns = list(table.columns)
    assert columns.index("数据覆盖率") == columns.index("得分（百分制）") + 1
    ranked = table[table["名次"] != "—"]
    assert ranked["名次"].astype(int).is_monotonic_increasing
    assert ranked["得分（百分制）"].astype(float).is_monotonic_decreasing
    assert (table["名次"] == "—").iloc[len(ranked) :].all()  # unranked rows come last


def test_min_coverage_and_category_filters(big_db, monkeypatch, rubric):
    at = open_awards(big_db, monkeypatch)
    entries = load_award_entries(big_db)
    at.selectbox(key="awards_category").set_value("电信").run()
    table = board(at)
    assert set(table["行业"]) == {"电信"}
    assert len(table) == len(award_leaderboard(rubric, entries, category="电信"))
    at.slider(key="awards_min_coverage").set_value(0.95).run()
    table = board(at)
    expected = award_leaderboard(rubric, entries, category="电信", min_coverage=0.95)
    assert sum(r["rank"] is None for r in expected) == (table["名次"] == "—").sum()
    assert table.loc[table["名次"] == "—", "说明"].str.contains("低于 95%").all()


def test_year_filter(big_db, monkeypatch, rubric):
    at = open_awards(big_db, monkeypatch)
    at.selectbox(key="awards_year").set_value(2023).run()
    table = board(at)
    assert set(table["年份"]) == {"2023"}
    entries = load_award_entries(big_db)
    assert len(table) == len(award_leaderboard(rubric, entries, year=2023))


def test_side_by_side_cards_follow_the_candidate_form(big_db, monkeypatch, rubric):
    at = open_awards(big_db, monkeypatch)
    assert "请选择 2 至 4 家呼叫中心" in texts(at)
    entries = load_award_entries(big_db)
    by_name = {p["name"]: p for p, _, _ in entries}
    picked = ["示例金融客服中心1号", "示例电信客服中心2号", "示例电商客服中心3号"]
    at.multiselect(key="awards_pick").set_value([by_name[n]["id"] for n in picked]).run()
    assert not at.exception
    card = next(d.value for d in at.dataframe if "项目" in d.value.columns)
    labels = list(card["项目"])
    assert labels[: len(CARD_FIELDS)] == [zh for _, zh, _ in CARD_FIELDS]
    assert labels[len(CARD_FIELDS) : len(CARD_FIELDS) + len(rubric.areas)] == [
        a.zh for a in rubric.areas
    ]
    assert list(card.columns[1:]) == [f"{i + 1}. {n}" for i, n in enumerate(picked)]
    assert list(card.iloc[0, 1:]) == picked
    seats = card[card["项目"] == "座席数量"].iloc[0, 1:]
    assert list(seats) == [str(int(by_name[n]["seats"])) for n in picked]
    # one bordered card per center, each starting with the center's name
    cards = [m.value for m in at.markdown if m.value.startswith("**示例")]
    assert cards == [f"**{n}**" for n in picked]
