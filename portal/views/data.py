"""Data: full-text search and filters over every table, the sources of each fact, downloads."""

from __future__ import annotations

import streamlit as st

from data.release.api_config import api_paths
from data.release.formats import is_point_table
from data.schema.tables import TABLES
from data.store.database import utc_now
from data.store.queries import choice_columns, entity_label, numeric_columns
from portal import services
from portal.components.downloads import (
    build_csv,
    build_dictionary_csv,
    build_geojson,
    build_parquet,
    build_xlsx,
    dictionary_frame,
)
from portal.components.layout import require_database
from portal.components.links import link
from portal.components.names import localise, localise_frame
from portal.components.search import render_search_results, render_source_page
from portal.components.tables import column_label, render_facts, render_table, table_title
from portal.i18n import current_lang, fixed_labels, fmt_number, md, t, unit_label

st.title(t("page.data"))
require_database()

find = link(st.text_input, "find", t("data.find"), key="data_find")
if find.strip():
    render_search_results(
        services.search_everywhere(find), find.strip(), services.english_place_names()
    )

st.subheader(t("data.browse"))
tables = services.browsable_tables()
table = link(
    st.selectbox,
    "table",
    t("data.table"),
    tables,
    format_func=fixed_labels(table_title, tables),
    placeholder=t("data.table_placeholder"),
    key="data_table",
)
spec = TABLES[table]

text = link(st.text_input, "q", t("data.search"), key=f"data_search_{table}") if spec.fts else ""
choices: dict[str, list] = {}
ranges: dict[str, tuple] = {}
with st.expander(t("data.filters"), expanded=False):
    for column in choice_columns(table):
        options = services.distinct_values(table, column)
        picked = link(
            st.multiselect,
            f"f_{column}",
            column_label(table, column),
            options,
            format_func=fixed_labels(
                lambda v: localise(v, services.english_place_names()), options
            ),
            placeholder=t("data.pick_placeholder"),
            select_all=False,
            key=f"data_pick_{table}_{column}",
        )
        if picked:
            choices[column] = picked
    numeric = numeric_columns(table)
    if numeric:
        column = link(
            st.selectbox,
            "range",
            t("data.range_column"),
            numeric,
            index=None,
            format_func=fixed_labels(lambda c: column_label(table, c), numeric),
            placeholder=t("data.range_placeholder"),
            key=f"data_rcol_{table}",
        )
        if column:
            unit = unit_label(spec.column(column).unit) or "—"
            st.caption(t("data.range", column=column_label(table, column), unit=unit))
            low_col, high_col = st.columns(2)
            low = link(
                low_col.number_input, "min",
                t("data.range_min"), value=None, key=f"data_low_{table}_{column}",
            )  # fmt: skip
            high = link(
                high_col.number_input, "max",
                t("data.range_max"), value=None, key=f"data_high_{table}_{column}",
            )  # fmt: skip
            ranges[column] = (low, high)

frame = services.load_table(table, text=text, choices=choices, ranges=ranges)
n_rows = fmt_number(len(frame), t("unit.row"))
st.caption(t("data.rows", n=n_rows))
if frame.empty:
    st.info(t("data.no_rows"))
else:
    render_table(
        table, localise_frame(frame, services.english_place_names()), key=f"data_frame_{table}"
    )
    if "sources" in frame.columns:
        records = frame.to_dict("records")
        labels = {r[spec.pk]: entity_label(r) for r in records}
        picked = link(
            st.selectbox,
            "record",
            t("data.record"),
            list(labels),
            format_func=labels.__getitem__,
            index=None,
            placeholder=t("data.record_placeholder"),
            key=f"data_record_{table}",
        )
        if picked:
            render_facts(
                table,
                services.entity_facts(table, picked),
                services.entity_conflicts(table, picked),
            )

st.subheader(t("data.downloads"))
st.caption(t("data.download_scope", n=n_rows))
cols = st.columns(5)
cols[0].download_button(
    t("data.download_csv"),
    lambda: build_csv(frame),
    f"{table}.csv",
    "text/csv",
    key="dl_csv",
    on_click="ignore",
)
cols[1].download_button(
    t("data.download_xlsx"),
    lambda: build_xlsx(frame, table, services.last_update() or utc_now()),
    f"{table}.xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    key="dl_xlsx",
    on_click="ignore",
)
cols[2].download_button(
    t("data.download_parquet"),
    lambda: build_parquet(frame, table),
    f"{table}.parquet",
    "application/vnd.apache.parquet",
    key="dl_parquet",
    on_click="ignore",
)
if is_point_table(spec):
    cols[3].download_button(
        t("data.download_geojson"),
        lambda: build_geojson(frame, table),
        f"{table}.geojson",
        "application/geo+json",
        key="dl_geojson",
        on_click="ignore",
    )
cols[4].download_button(
    t("data.download_sqlite"),
    services.cached_database_bytes,
    "parkbench.sqlite",
    "application/vnd.sqlite3",
    key="dl_sqlite",
    on_click="ignore",
)

st.subheader(t("data.api"))
st.caption(t("data.api_note"))
api = api_paths(table)
st.link_button(t("data.api_open"), api["index"])
st.caption(t("data.api_table"))
st.code("\n".join([api["json"], api["csv"], api["search"] + "密云"]), language=None)

with st.expander(t("data.schema.dictionary")):
    dictionary = dictionary_frame(table)
    description = "source_zh" if current_lang() == "zh" else "source_en"
    shown = dictionary[
        ["column", "type", "unit", "zh", "en", "required", "foreign_key", description]
    ]
    st.dataframe(
        shown.rename(
            columns={
                "column": t("data.dict_column"),
                "type": t("data.dict_type"),
                "unit": t("data.dict_unit"),
                "zh": t("data.dict_zh"),
                "en": t("data.dict_en"),
                "required": t("data.dict_required"),
                "foreign_key": t("data.dict_foreign_key"),
                description: t("data.dict_source"),
            }
        ),
        hide_index=True,
        width="stretch",
    )
    st.download_button(
        t("data.download_dictionary"),
        build_dictionary_csv(table),
        f"{table}_dictionary.csv",
        "text/csv",
        key="dl_dictionary",
        on_click="ignore",
    )
if "sources" in tables:
    st.subheader(t("data.source_pick"))
    listed = services.load_table("sources")
    # a web page harvested without a title is named by its URL
    titles = {
        i: title if isinstance(title, str) and title else str(url)
        for i, title, url in zip(listed["id"], listed["title"], listed["url"], strict=True)
    }
    source_id = link(
        st.selectbox,
        "source",
        t("data.source_pick"),
        list(titles),
        index=None,
        format_func=fixed_labels(titles.__getitem__, list(titles)),
        placeholder=t("data.source_placeholder"),
        key="data_source",
        label_visibility="collapsed",
    )
    source = services.source_record(source_id) if source_id else None
    if source:
        render_source_page(source, services.source_document(source))
st.caption(t("data.licence", licence=md(spec.licence)))
with st.expander(t("data.cite")):
    when = (services.last_update() or "")[:10] or t("overview.never")
    st.code(t("data.citation", table=table, when=when, licence=spec.licence), language=None)
