"""Overview: what the data holds (centers, parks, cities, sources, last update), with links."""

from __future__ import annotations

import streamlit as st

from portal import services
from portal.components.charts import build_grouped_bars, render_chart
from portal.components.layout import require_database
from portal.components.overview import label_provinces, render_latest_sources
from portal.i18n import fmt_number, t

st.title(t("app.title"))
st.write(t("overview.intro"))
require_database()

counts = services.overview_counts()
cols = st.columns(5)
for col, (key, unit) in zip(
    cols,
    (
        ("centers", "unit.center"),
        ("parks", "unit.park"),
        ("cities", "unit.city"),
        ("sources", "unit.source"),
        ("facts", "unit.fact"),
    ),
    strict=True,
):
    col.metric(t(f"overview.{key}"), fmt_number(counts[key], t(unit)))
when = services.last_update()
st.caption(t("overview.last_update", when=when or t("overview.never")))

link_cols = st.columns(3)
link_cols[0].page_link("views/map.py", label=t("overview.go", page=t("page.map")))
link_cols[1].page_link("views/data.py", label=t("overview.go", page=t("page.data")))

if counts["centers"] + counts["parks"] == 0:
    st.info(t("overview.empty"))
else:
    by_province = label_provinces(services.counts_by_province())
    fig = build_grouped_bars(
        by_province,
        "province",
        {"centers": t("common.centers"), "parks": t("common.parks")},
        t("overview.by_province"),
        t("common.count"),
    )
    render_chart(fig, key="overview_by_province")

st.subheader(t("overview.latest_sources"))
render_latest_sources(services.latest_sources())
