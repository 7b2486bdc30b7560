"""Compare sites: 2-5 cities or parks ranked with contributions, stability, cost and facts."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pandas as pd
import streamlit as st

from data.errors import ParkBenchError
from models.cost import COMPONENTS, CURVE_TARGETS, service_level_label
from models.criteria import GROUPS
from models.site_ranking import MAX_COMPARED
from models.weights import PRESETS
from portal import services
from portal.components.charts import render_chart
from portal.components.compare import (
    build_comparison_frame,
    build_contributions_chart,
    build_cost_quality_chart,
    criterion_label,
    ranking_display,
    render_fact_card,
    render_preset_source,
)
from portal.components.cost_charts import build_cost_waterfall
from portal.components.downloads import build_csv
from portal.components.layout import require_database
from portal.components.links import link
from portal.i18n import current_lang, fixed_labels, fmt_number, md, t, unit_label
from portal.notes import note_text
from portal.reports.compare import (
    build_fact_cards,
    display_names,
    gap_rows,
    gap_summary,
    inputs_label,
    matrix_rows,
    quadrant_labels,
    render_compare_html,
)
from portal.reports.pdf import html_to_pdf
from usecases.compare import (
    CompareData,
    CompareSettings,
    build_cost_quality,
    build_gap,
    price_sites,
    site_counts,
    site_ids,
)
from usecases.pricing import REFERENCE_SEATS, REFERENCE_YEARS

st.title(t("page.compare"))
require_database()
st.caption(t("compare.intro"))
lang = current_lang()

table = services.criteria_table()
if table.empty:
    st.info(t("compare.no_sites"))
    st.stop()
rows = {r["id"]: r for r in table.to_dict("records")}
city_names = {r["adcode"]: r["name"] for r in rows.values() if r["kind"] == "city"}


def site_label(site_id: str) -> str:
    r = rows[site_id]
    if r["kind"] == "park":
        # the run's language passed on: thousands of options are labelled per run
        return t("compare.park_label", lang, park=r["name"], city=city_names.get(r["adcode"], ""))
    if not r["province"] or r["province"] == r["name"]:  # Beijing, Shanghai ... are provinces
        return r["name"]
    return f"{r['name']}（{r['province']}）" if lang == "zh" else f"{r['name']} ({r['province']})"


chosen = link(
    st.multiselect,
    "sites",
    t("compare.sites"),
    list(rows),
    default=services.default_comparison(),
    format_func=site_label,
    max_selections=MAX_COMPARED,
    placeholder=t("common.choose_many"),
    select_all=False,
    key="compare_sites",
)

with st.sidebar:
    st.subheader(t("compare.weights"))
    mode = link(
        st.radio,
        "weights",
        t("compare.weight_mode"),
        ["preset", "sliders"],
        format_func=fixed_labels(lambda m: t(f"compare.mode.{m}"), ["preset", "sliders"]),
        key="compare_mode",
    )
    preset, weights = None, None
    if mode == "preset":
        preset = link(
            st.selectbox,
            "preset",
            t("compare.preset"),
            list(PRESETS),
            format_func=lambda p: PRESETS[p].label_zh if lang == "zh" else PRESETS[p].label_en,
            placeholder=t("common.choose"),
            key="compare_preset",
        )
        shares = " · ".join(
            f"{t(f'compare.group.{g}')} {fmt_number(w, 'fraction')}"
            for g, w in PRESETS[preset].weights.items()
        )
        st.caption(shares)
        render_preset_source(preset, PRESETS[preset].source)
    else:
        base = PRESETS["talent_first"].weights
        weights = tuple(
            (
                g,
                float(
                    link(
                        st.slider, f"w_{g}",
                        t(f"compare.group.{g}"), 0, 100, int(round(base[g] * 100)), 5,
                        key=f"compare_w_{g}",
                    )
                ),
            )
            for g in GROUPS
        )  # fmt: skip
        st.caption(t("compare.sliders_note"))
    method = link(
        st.radio,
        "method",
        t("compare.method"),
        ["wsm", "topsis"],
        format_func=fixed_labels(lambda m: t(f"compare.method.{m}"), ["wsm", "topsis"]),
        key="compare_method",
    )

if len(chosen) < 2:
    st.info(t("compare.pick_two", n=MAX_COMPARED))
    st.stop()
if weights is not None and not any(w for _, w in weights):
    st.warning(t("compare.zero_weights"))
    st.stop()

try:
    comparison = services.site_comparison(
        tuple(chosen), preset=preset, weights=weights, method=method
    )
except ParkBenchError as exc:
    st.error(md(exc))
    st.stop()
records = comparison.records
weights_label = (
    t(
        "compare.weights_preset",
        name=PRESETS[preset].label_zh if lang == "zh" else PRESETS[preset].label_en,
    )
    if preset
    else t("compare.weights_own")
)

# -- ranking
st.subheader(t("compare.ranking"))
st.caption(
    t(
        "compare.weights_used",
        source=weights_label,
        method=t(f"compare.method.{method}"),
        n=fmt_number(comparison.candidates, t("unit.site")),
    )
)
frame = build_comparison_frame(records, comparison.candidates)
st.dataframe(ranking_display(frame), hide_index=True, width="stretch", key="compare_table")
st.caption(t("compare.stability_note", draws=fmt_number(records[0].get("draws", 0))))
flagged = [r for r in records if r.get("filled")]
for r in flagged:
    parts = [criterion_label(f.removesuffix(" (estimated)")) for f in r["filled"]]
    st.warning(t("compare.filled", site=md(r["name"]), criteria=md("; ".join(parts))))
    for crit, how in (r.get("estimated") or {}).items():
        st.caption(
            t("compare.estimated", criterion=md(criterion_label(crit)), how=md(note_text(how)))
        )
with st.expander(t("compare.notes")):
    for note in comparison.notes:
        st.markdown(f"- {md(note_text(note))}")

fig = build_contributions_chart(
    records,
    title=t("compare.contrib_title"),
    unit=t("compare.contrib_unit"),
    filled_note=t("compare.filled_hover"),
)
render_chart(fig, key="compare_contributions")
st.caption(t("compare.contrib_note"))

# -- cost per seat, before and after incentives
st.subheader(t("compare.cost"))
cols = st.columns(2)
seats = int(
    link(
        cols[0].number_input, "seats",
        t("compare.seats"), min_value=10, max_value=20_000, value=REFERENCE_SEATS, step=50,
        key="compare_seats",
    )
)  # fmt: skip
level = link(
    cols[1].selectbox,
    "sl",
    t("compare.service_level"),
    [service_level_label(*x) for x in CURVE_TARGETS],
    index=[service_level_label(*x) for x in CURVE_TARGETS].index("80/20"),
    placeholder=t("common.choose"),
    key="compare_sl",
)
component_labels = {k: t(f"cost.comp.{k}") for k in COMPONENTS}
per_seat_unit = t("unit.cny_per_seat_year")
settings = CompareSettings(
    chosen=tuple(chosen),
    preset=preset,
    weights=weights,
    method=method,
    seats=seats,
    service_level=level,
)
try:
    site_costs = price_sites(
        services.reader(), records, city_names, settings, cost_context=services.cost_context,
        capacity=services.capacity,
    )  # fmt: skip
except ParkBenchError as exc:
    st.error(str(exc))
    st.stop()
costs = {site_id: c.figures() for site_id, c in site_costs.items()}
cost_details = {site_id: (c.breakdown.to_dict(), c.context) for site_id, c in site_costs.items()}

st.caption(
    t(
        "compare.cost_note",
        seats=fmt_number(seats, "seat"),
        level=level,
        years=REFERENCE_YEARS,
    )
)
cost_table = {
    t("common.name"): [r["name"] for r in records],
    t("compare.gross", unit=per_seat_unit): [
        fmt_number(round(costs[r["id"]]["gross_cny_per_seat_year"]), "CNY") for r in records
    ],
    t("compare.incentives_saved", unit=per_seat_unit): [
        fmt_number(round(costs[r["id"]]["incentives_cny_per_seat_year"]), "CNY") for r in records
    ],
    t("compare.net", unit=per_seat_unit): [
        fmt_number(round(costs[r["id"]]["net_cny_per_seat_year"]), "CNY") for r in records
    ],
    t("compare.per_contact"): [
        fmt_number(round(costs[r["id"]]["cny_per_contact"], 2), "CNY") for r in records
    ],
    t("compare.capacity"): [
        fmt_number(costs[r["id"]]["calls_per_hour_capacity"], t("unit.calls_per_hour"))
        for r in records
    ],
    t("compare.cost_inputs"): [
        inputs_label(costs[r["id"]]["cost_inputs"], costs[r["id"]]["cost_input_errors"])
        for r in records
    ],
}  # fmt: skip
st.dataframe(cost_table, hide_index=True, width="stretch", key="compare_costs")
tabs = st.tabs([r["name"] for r in records])
for tab, r in zip(tabs, records, strict=True):
    result, ctx = cost_details[r["id"]]
    with tab:
        shown = dict(result, incentives={
            k: v for k, v in result["incentives"].items() if v["per_seat_per_year"] > 0
        })  # fmt: skip
        render_chart(
            build_cost_waterfall(
                shown,
                component_labels=component_labels,
                gross_label=t("compare.gross_bar"),
                net_label=t("compare.net_bar"),
                title=t("compare.waterfall_title", site=r["name"]),
                unit=per_seat_unit,
            ),
            key=f"compare_waterfall_{r['id']}",
        )
        for name, info in result["incentives"].items():
            if info["per_seat_per_year"] <= 0:
                st.caption(t("compare.incentive_zero", name=md(name)))
        for name, why in result["incentives_not_applied"].items():
            st.caption(t("compare.incentive_skipped", name=md(name), why=md(note_text(why))))
        for note in ctx.notes:
            st.caption(md(note_text(note)))

# -- cost-quality matrix (models.cost_quality)
adcodes, park_ids = site_ids(records)
indicators = services.site_indicators(adcodes)
zh_names = services.chinese_city_names()  # city-wide rules may name their city in Chinese
incentives = services.site_incentives(
    adcodes, park_ids,
    city_names=tuple(zh_names.get(city_names[a], city_names[a]) for a in adcodes if a in city_names),
)  # fmt: skip
names_en = services.site_names_en(
    adcodes, tuple(dict.fromkeys([*park_ids, *incentives["park_id"].dropna().astype(str)]))
)
names = display_names(records, names_en)
matrix = build_cost_quality(comparison, site_costs)
st.subheader(t("report.h.matrix"))
st.caption(t("report.matrix_intro"))
render_chart(
    build_cost_quality_chart(
        matrix,
        names,
        quadrant_labels(),
        x_title=t("report.matrix_x"),
        y_title=t("report.matrix_y"),
    ),
    key="compare_matrix",
)
matrix_header = [
    t(f"report.matrix_col.{k}")
    for k in ("site", "net", "cost_index", "quality", "quality_index", "quadrant")
]
st.dataframe(
    pd.DataFrame(matrix_rows(matrix, names), columns=matrix_header),
    hide_index=True,
    width="stretch",
    key="compare_matrix_table",
)
st.caption(t("report.matrix_note"))

# -- what closes the gap (models.gap)
st.subheader(t("report.h.gap"))
ids = [r["id"] for r in records]
gap_cols = st.columns(3)
gap_site = gap_cols[0].selectbox(
    t("report.gap_site"), ids, index=len(ids) - 1, format_func=names.__getitem__,
    placeholder=t("common.choose"), key="compare_gap_site",
)  # fmt: skip
gap_rival = gap_cols[1].selectbox(
    t("report.gap_rival"), ids, index=0 if ids[0] != gap_site else 1,
    format_func=names.__getitem__, placeholder=t("common.choose"), key="compare_gap_rival",
)  # fmt: skip
subsidy_years = int(
    gap_cols[2].number_input(
        t("report.gap_years"), min_value=1, max_value=REFERENCE_YEARS, value=3, step=1,
        key="compare_gap_years",
    )
)  # fmt: skip
settings = replace(settings, site=gap_site, rival=gap_rival, subsidy_years=subsidy_years)
gap = None
if gap_site == gap_rival:
    st.info(t("report.gap_same"))
else:
    gap = build_gap(comparison, site_costs, settings)
    st.markdown(gap_summary(gap, names))
    if gap.gap_cny_per_seat_year > 0:
        st.dataframe(
            pd.DataFrame(
                gap_rows(gap),
                columns=[t(f"report.gap_col.{k}") for k in ("kind", "amount", "total", "status")],
            ),
            hide_index=True,
            width="stretch",
            key="compare_gap_table",
        )
    st.caption(t("report.gap_note", years=gap.years))

# -- fact cards
st.subheader(t("compare.facts"))
counts = site_counts(records, rows)
cards = build_fact_cards(records, counts, city_names, indicators, incentives, names)
card_cols = st.columns(len(cards))
for col, card in zip(card_cols, cards, strict=True):
    with col:
        render_fact_card(card["name"], card["facts"], card["rules"])

# -- downloads: the CSV, and the report (HTML and PDF) in the page's language
st.subheader(t("compare.downloads"))
export = build_comparison_frame(records, comparison.candidates, costs)
if gap is None:  # the report needs a pair: the default one
    settings = replace(settings, site=None, rival=None)
    gap = build_gap(comparison, site_costs, settings)
report_data = CompareData(
    settings=settings, comparison=comparison, costs=site_costs, matrix=matrix, gap=gap,
    counts=counts, city_names=city_names, indicators=indicators, incentives=incentives,
    names_en=names_en,
)  # fmt: skip
when = (services.last_update() or "")[:10] or date.today().isoformat()


def report_html() -> bytes:
    # Streamlit runs this after the script, where the session's language is not readable:
    # the language is passed on
    return render_compare_html(report_data, when=when, lang=lang).encode("utf-8")


def report_pdf() -> bytes:
    return html_to_pdf(render_compare_html(report_data, when=when, lang=lang))


dl = st.columns(3)
dl[0].download_button(
    t("compare.download_csv"),
    lambda: build_csv(export),
    "parkbench_comparison.csv",
    "text/csv",
    key="compare_dl_csv",
    on_click="ignore",
)
dl[1].download_button(
    t("compare.download_html"),
    report_html,
    "parkbench_comparison.html",
    "text/html",
    key="compare_dl_html",
    on_click="ignore",
)
dl[2].download_button(
    t("compare.download_pdf"),
    report_pdf,
    "parkbench_comparison.pdf",
    "application/pdf",
    key="compare_dl_pdf",
    on_click="ignore",
)
st.caption(t("compare.unit_note", unit=unit_label("CNY")))
