"""Map: offline base layer of China, choropleth of a city indicator, clustered centers and parks."""

from __future__ import annotations

import streamlit as st

from portal import services
from portal.components.layout import require_database
from portal.components.links import link
from portal.components.map import build_map, render_map
from portal.components.tables import render_table
from portal.i18n import STRINGS, fixed_labels, fmt_number, t

st.title(t("page.map"))
require_database()


def indicator_label(name: str) -> str:
    """A city indicator's name for people (``map.ind.<name>``), else its code."""
    return t(f"map.ind.{name}") if f"map.ind.{name}" in STRINGS else name


with st.sidebar:
    st.subheader(t("map.filters"))
    provinces = link(
        st.multiselect,
        "provinces",
        t("common.province"),
        services.distinct_values("centers", "province"),
        placeholder=t("common.choose_many"),
        select_all=False,
        key="map_provinces",
    )
    industries = link(
        st.multiselect,
        "industries",
        t("common.industry"),
        services.distinct_values("centers", "industry"),
        placeholder=t("common.choose_many"),
        select_all=False,
        key="map_industries",
    )
    seat_low, seat_high = link(
        st.slider,
        "seat_range",
        t("map.seats"),
        min_value=0,
        max_value=10_000,
        value=(0, 10_000),
        step=50,
        key="map_seats",
    )
    indicators = services.city_indicator_names()
    indicator = link(
        st.selectbox,
        "indicator",
        t("map.indicator"),
        ["", *indicators],
        format_func=fixed_labels(
            lambda name: t("map.no_indicator") if not name else indicator_label(name),
            ["", *indicators],
        ),
        placeholder=t("common.choose"),
        key="map_indicator",
    )
    online = link(st.checkbox, "tiles", t("map.online_tiles"), value=False, key="map_online")

seats = (seat_low or None, None if seat_high >= 10_000 else seat_high)
centers = services.load_markers("centers", provinces=provinces, industries=industries, seats=seats)
parks = services.load_markers("parks", provinces=provinces)
for frame in (centers, parks):
    frame["seats_text"] = [
        fmt_number(v, "seat") if v == v and v is not None else None for v in frame["seats"]
    ]
unplaced = int((~centers["placed"]).sum() + (~parks["placed"]).sum())
st.caption(
    t(
        "map.shown",
        centers=fmt_number(int(centers["placed"].sum()), t("unit.center")),
        parks=fmt_number(int(parks["placed"].sum()), t("unit.park")),
        unplaced=fmt_number(unplaced, t("unit.item")),
    )
)

prefectures = services.boundaries("prefectures")
if prefectures is None:
    st.warning(t("map.no_boundaries"))
values = services.city_indicator_values(indicator) if indicator else None
label = indicator_label(indicator)
m = build_map(
    prefectures=prefectures,
    lines=services.boundaries("lines"),
    border=services.boundaries("border"),
    centers=centers,
    parks=parks,
    choropleth=values,
    online_tiles=online,
    labels={
        "cities": t("map.layer_cities"),
        "lines": t("map.layer_lines"),
        "centers": t("map.layer_centers"),
        "parks": t("map.layer_parks"),
        "seats": t("map.popup_seats"),
        "source": t("map.popup_source"),
        "precision_city": t("map.popup_precision_city"),
        "choropleth": t("map.layer_choropleth", indicator=label or ""),
    },
)
state = render_map(m, key="map")
st.caption(t("map.credit"))
if values:
    low, high = min(values.values()), max(values.values())
    st.caption(t("map.legend", indicator=label, low=fmt_number(low), high=fmt_number(high)))

clicked = (state.get("last_active_drawing") or {}).get("properties") or {}
if clicked.get("city_adcode"):
    adcode, name = str(clicked["city_adcode"]), clicked.get("city_name", "")
    st.subheader(t("map.clicked", city=name))
    if values is not None:
        st.metric(label, fmt_number(values.get(adcode)))
    for table, title, unit in (
        ("centers", t("map.city_centers"), t("unit.center")),
        ("parks", t("map.city_parks"), t("unit.park")),
    ):
        frame = services.city_entities(table, adcode, name)
        st.markdown(f"**{title}** — {fmt_number(len(frame), unit)}")
        if not frame.empty:
            render_table(table, frame, key=f"map_city_{table}")
else:
    st.caption(t("map.click_hint"))
