"""Map: offline base layer of China, choropleth of a city indicator, clustered centers and parks."""

from __future__ import annotations

import streamlit as st

from portal import services
from portal.components.downloads import build_csv
from portal.components.layout import require_database
from portal.components.links import MEMORY, link, remember
from portal.components.map import build_map, legend_classes, legend_html, render_map
from portal.components.names import localise, localise_frame
from portal.components.tables import render_table
from portal.i18n import STRINGS, current_lang, fixed_labels, fmt_number, md, t

st.title(t("page.map"))
require_database()


def indicator_label(name: str) -> str:
    """A city indicator's name for people (``map.ind.<name>``), else its code."""
    return t(f"map.ind.{name}") if f"map.ind.{name}" in STRINGS else name


places = services.english_place_names()
province_options = services.distinct_values("centers", "province")
industry_options = services.distinct_values("centers", "industry")

with st.sidebar:
    st.subheader(t("map.filters"))
    provinces = link(
        st.multiselect,
        "provinces",
        t("common.province"),
        province_options,
        format_func=fixed_labels(lambda p: localise(p, places), province_options),
        placeholder=t("common.choose_many"),
        select_all=False,
        key="map_provinces",
    )
    industries = link(
        st.multiselect,
        "industries",
        t("common.industry"),
        industry_options,
        format_func=fixed_labels(lambda i: localise(i, places), industry_options),
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
lang = current_lang()
centers, centers_placed, centers_unplaced = services.map_markers(
    "centers",
    provinces=tuple(provinces),
    industries=tuple(industries),
    seats=seats,
    lang=lang,
)
parks, parks_placed, parks_unplaced = services.map_markers(
    "parks", provinces=tuple(provinces), lang=lang
)
st.caption(
    t(
        "map.shown",
        centers=fmt_number(centers_placed, t("unit.center")),
        parks=fmt_number(parks_placed, t("unit.park")),
        unplaced=fmt_number(centers_unplaced + parks_unplaced, t("unit.item")),
    )
)

prefectures = services.boundary_payload("prefectures")
if prefectures is None:
    st.warning(t("map.no_boundaries"))
values = services.city_indicator_values(indicator) if indicator else None
label = indicator_label(indicator)
unit = services.city_indicator_unit(indicator) if indicator else None
legend = None
if values:
    classes = [
        (colour, t("map.legend_class", low=fmt_number(low, unit), high=fmt_number(high, unit)))
        for colour, low, high in legend_classes(values)
    ]
    legend = legend_html(label, classes, t("map.legend_no_data"))
m = build_map(
    prefectures=prefectures,
    lines=services.boundary_payload("lines"),
    border=services.boundary_payload("border"),
    centers=centers,
    parks=parks,
    choropleth=values,
    online_tiles=online,
    legend=legend,
    city_points=services.municipality_points(lang),
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
if lang == "en":
    st.caption(t("names.romanised"))
if values:
    low, high = min(values.values()), max(values.values())
    st.caption(
        t("map.legend", indicator=label, low=fmt_number(low, unit), high=fmt_number(high, unit))
    )
    st.download_button(
        t("map.download"),
        build_csv(services.city_indicator_table(indicator)),
        f"parkbench_map_{indicator}.csv",
        "text/csv",
        key="map_dl",
        icon=":material/download:",
        on_click="ignore",
    )

clicked = (state.get("last_active_drawing") or {}).get("properties") or {}
adcode = str(clicked["city_adcode"]) if clicked.get("city_adcode") else None
if adcode:
    remember("map_city", adcode)
else:  # a link or an earlier visit names the city
    remembered = st.session_state.get(MEMORY, {}).get("map_city") or [None]
    asked = st.query_params.get("map_city") or remembered[0]
    adcode = asked if asked and services.city_label(asked) else None
if adcode:
    name = services.city_label(adcode, lang) or clicked.get("city_name", "")
    zh_name = services.city_label(adcode, "zh") or clicked.get("city_name", "")
    st.subheader(t("map.clicked", city=md(name)))
    if values is not None:
        st.metric(label, fmt_number(values.get(adcode), unit))
    for table, title, unit in (
        ("centers", t("map.city_centers"), t("unit.center")),
        ("parks", t("map.city_parks"), t("unit.park")),
    ):
        frame = services.city_entities(table, adcode, zh_name)
        st.markdown(f"**{title}** — {fmt_number(len(frame), unit)}")
        if not frame.empty:
            render_table(table, localise_frame(frame, places), key=f"map_city_{table}")
else:
    st.caption(t("map.click_hint"))
