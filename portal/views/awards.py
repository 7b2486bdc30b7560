"""Awards: centers scored on an award rubric, a leaderboard with data coverage, side-by-side cards."""

from __future__ import annotations

import streamlit as st

from data.rubrics import load_rubric, rubric_names
from models.awards import MIN_COVERAGE, build_rubric
from portal import services
from portal.components.awards import (
    build_areas_table,
    build_card_table,
    build_leaderboard_table,
    render_cards,
    rubric_title,
)
from portal.components.layout import require_database
from portal.components.links import link
from portal.components.names import localise
from portal.i18n import current_lang, fixed_labels, fmt_number, md, t
from usecases.awards import compare_centers

st.title(t("page.awards"))
st.write(t("awards.intro"))
require_database()

specs = {n: load_rubric(n) for n in rubric_names()}
name = link(
    st.selectbox,
    "rubric",
    t("awards.rubric"),
    list(specs),
    format_func=lambda n: rubric_title(specs[n], n),
    placeholder=t("common.choose"),
    key="awards_rubric",
)
rubric = build_rubric(specs[name])
st.subheader(md(rubric.title_zh if current_lang() == "zh" else rubric.title_en))
with st.expander(t("awards.areas")):
    st.dataframe(build_areas_table(rubric), hide_index=True, width="stretch")
    st.caption(t("awards.rubric_sources", sources=md(" · ".join(rubric.source))))

entries = services.award_entries()
places = services.english_place_names()
years = sorted({y for _, y, _ in entries if y is not None}, reverse=True)
industries = sorted({p["industry"] for p, _, _ in entries if p.get("industry")})
c1, c2, c3 = st.columns(3)
year = link(
    c1.selectbox,
    "year",
    t("awards.year"),
    [None, *years],
    format_func=fixed_labels(lambda y: str(y) if y else t("awards.all"), [None]),
    placeholder=t("common.choose"),
    key="awards_year",
)
category = link(
    c2.selectbox,
    "category",
    t("awards.category"),
    [None, *industries],
    format_func=fixed_labels(
        lambda c: localise(c, places) if c else t("awards.all"), [None, *industries]
    ),
    placeholder=t("common.choose"),
    key="awards_category",
)
min_coverage = link(
    c3.slider,
    "coverage",
    t("awards.min_coverage"),
    0.0,
    1.0,
    MIN_COVERAGE,
    0.05,
    key="awards_min_coverage",
)

st.subheader(t("awards.leaderboard"))
board = services.award_board(name, year=year, category=category, min_coverage=min_coverage)
if not board:
    st.info(t("awards.empty"))
else:
    ranked = sum(r["rank"] is not None for r in board)
    st.caption(t("awards.board_caption"))
    st.markdown(
        t(
            "awards.counts",
            n=fmt_number(len(board), t("unit.center")),
            ranked=fmt_number(ranked, t("unit.center")),
            unranked=fmt_number(len(board) - ranked, t("unit.center")),
        )
    )
    lang = current_lang()  # once, not per row
    table = build_leaderboard_table(
        [dict(r, category=localise(r["category"], places, lang)) for r in board],
        min_coverage=min_coverage,
        total_points=rubric.total_points,
    )
    st.dataframe(table, hide_index=True, width="stretch", key="awards_board")

st.subheader(t("awards.cards"))
st.caption(t("awards.cards_hint"))
names = {
    p["id"]: p["name"]
    for p, y, _ in entries
    if year in (None, y) and category in (None, p.get("industry"))
}
picked = link(
    st.multiselect,
    "cards",
    t("awards.cards_pick"),
    sorted(names, key=names.__getitem__),
    format_func=names.__getitem__,
    max_selections=4,
    placeholder=t("common.choose_many"),
    select_all=False,
    key="awards_pick",
)
if len(picked) < 2:
    st.info(t("awards.cards_need"))
else:
    cards = compare_centers(
        services.reader(), name, picked, year=year, category=category, entries=entries
    )
    render_cards(cards)
    st.dataframe(build_card_table(cards), hide_index=True, width="stretch", key="awards_cards")
