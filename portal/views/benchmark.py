"""Benchmark: a stored center's KPIs, or typed-in ones (never stored), against comparable centers."""

from __future__ import annotations

import streamlit as st

from models.errors import ModelInputError
from models.peer_benchmark import (
    KPI_HIGHER_IS_BETTER,
    PEER_KEYS,
    benchmark_report,
    stored_center_inputs,
)
from portal import services
from portal.components.benchmark import render_benchmark, render_typed_inputs
from portal.components.benchmark_report import build_report_html
from portal.components.layout import require_database
from portal.components.links import link
from portal.costing import REFERENCE_SEATS
from portal.i18n import current_lang, fixed_labels, fmt_number, md, t
from portal.reports.pdf import html_to_pdf

st.title(t("page.benchmark"))
st.write(t("bench.intro"))
require_database()

centers = services.benchmark_centers()
observations = services.kpi_observations()
mode = link(
    st.radio,
    "mode",
    t("bench.mode"),
    ["stored", "typed"],
    format_func=fixed_labels(lambda m: t(f"bench.mode.{m}"), ["stored", "typed"]),
    horizontal=True,
    key="bench_mode",
)
by = link(
    st.multiselect,
    "peers",
    t("bench.peer_keys"),
    PEER_KEYS,
    default=["industry", "size_band"],
    format_func=fixed_labels(lambda k: t(f"bench.key.{k}"), PEER_KEYS),
    placeholder=t("common.choose_many"),
    select_all=False,
    key="bench_by",
)

if mode == "stored":
    names = dict(zip(centers["id"], centers["name"], strict=True))
    center_id = link(
        st.selectbox,
        "center",
        t("bench.center"),
        sorted(names, key=names.__getitem__),
        format_func=names.__getitem__,
        placeholder=t("common.choose"),
        key="bench_center",
    )
    own = stored_center_inputs(centers, observations, center_id)
    inputs = {
        "target": own.target,
        # the kpis table also holds volumes and counts (seats, site_count ...): not KPIs
        "kpis": {k: v for k, v in own.kpis.items() if k in KPI_HIGHER_IS_BETTER},
        "definitions": own.definitions,
        "city": own.city,
        "seats": own.seats,
        "annual_calls": own.annual_calls,
    }
    label, exclude = own.name, own.center_id
else:
    industries = sorted(centers["industry"].dropna().unique())
    cities = sorted(centers["city_name"].dropna().unique())
    inputs = render_typed_inputs(industries, cities)
    label, exclude = t("bench.mode.typed"), None

typed_cost = st.number_input(t("bench.cpm_input"), min_value=0.0, value=None, key="bench_cpm")

if not inputs["kpis"]:
    st.info(t("bench.no_stored_kpis", center=label) if mode == "stored" else t("bench.need_kpi"))
    st.stop()
# a peer key the center has no value for is left out of its group (the report says so)

cost, cost_source = typed_cost, t("bench.cpm_typed") if typed_cost is not None else None
if cost is None and inputs["city"]:
    seats = max(1, int(inputs["seats"] or REFERENCE_SEATS))
    cost = services.minute_cost(inputs["city"], seats)
    cost_source = t("bench.cpm_model", city=inputs["city"], seats=fmt_number(seats, "seat"))

try:
    report = benchmark_report(
        inputs["kpis"],
        centers,
        observations,
        target=inputs["target"],
        by=by,
        definitions=inputs["definitions"],
        annual_calls=inputs["annual_calls"],
        cost_per_minute_cny=cost,
        cost_per_minute_source=cost_source,
        exclude_center=exclude,
        label=label,
        reference=services.industry_reference(),
    )
except ModelInputError as exc:
    st.error(md(exc))
    st.stop()

render_benchmark(report)
if inputs["annual_calls"] is None:
    st.caption(t("bench.calls_unknown"))
when = (services.last_update() or "")[:10] or t("overview.never")
lang = current_lang()
report_html = build_report_html(report, when=when, lang=lang)
dl = st.columns(2)
dl[0].download_button(
    t("bench.download"),
    report_html,
    "parkbench-benchmark.html",
    "text/html",
    key="bench_download",
)
dl[1].download_button(
    t("bench.download_pdf"),
    lambda: html_to_pdf(report_html),  # made when clicked, from the same page
    "parkbench-benchmark.pdf",
    "application/pdf",
    key="bench_download_pdf",
)
