"""Benchmark: a stored center's KPIs, or typed-in ones (never stored), against comparable centers."""

from __future__ import annotations

import streamlit as st

from models.errors import ModelInputError
from models.peer_benchmark import PEER_KEYS
from portal import services
from portal.components.benchmark import render_benchmark, render_typed_inputs
from portal.components.benchmark_report import build_report_html
from portal.components.layout import require_database
from portal.components.links import link
from portal.components.names import localise
from portal.i18n import current_lang, fixed_labels, md, t
from portal.reports.benchmark import minute_cost_source
from portal.reports.pdf import html_to_pdf
from usecases.benchmark import BenchmarkInputs, benchmark_center, benchmark_inputs

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
    ordered = sorted(names, key=names.__getitem__)
    reporting = set(observations["center_id"]) if len(observations) else set()
    # the page opens on the first center (by name) that reports KPIs: a report, not a blank
    first = next((i for i, c in enumerate(ordered) if c in reporting), 0)
    center_id = link(
        st.selectbox,
        "center",
        t("bench.center"),
        ordered,
        index=first,
        format_func=names.__getitem__,
        placeholder=t("common.choose"),
        key="bench_center",
    )
    label = names.get(center_id, center_id)
else:
    industries = sorted(centers["industry"].dropna().unique())
    cities = sorted(centers["city_name"].dropna().unique())
    typed = render_typed_inputs(industries, cities)
    label = t("bench.mode.typed")
    # the typed peer keys are the target as the form gives it
    inputs = BenchmarkInputs(
        kpis=typed["kpis"], target=typed["target"], definitions=typed["definitions"],
        label=label, city=typed["city"], seats=typed["seats"],
        annual_calls=typed["annual_calls"],
    )  # fmt: skip

typed_cost = st.number_input(t("bench.cpm_input"), min_value=0.0, value=None, key="bench_cpm")

if mode == "stored":
    try:
        inputs = benchmark_inputs(centers, observations, center=center_id)
    except ModelInputError:
        inputs = None  # a stored center without KPIs
if inputs is None or not inputs.kpis:
    st.info(t("bench.no_stored_kpis", center=label) if mode == "stored" else t("bench.need_kpi"))
    st.stop()
# a peer key the center has no value for is left out of its group (the report says so)

try:
    report = benchmark_center(
        services.reader(),
        by=by,
        cost_per_minute_cny=typed_cost,
        cost_source=minute_cost_source,
        centers=centers,
        observations=observations,
        reference=services.industry_reference(),
        minute=services.minute_cost,
        inputs=inputs,
    ).report
except ModelInputError as exc:
    st.error(md(exc))
    st.stop()

render_benchmark(report)
if mode == "stored" and "industry_basis" in centers:
    row = centers.loc[centers["id"] == center_id]
    if not row.empty and row["industry_basis"].iloc[0] == "name":
        st.caption(t("bench.industry_from_name", industry=localise(row["industry"].iloc[0], {})))
if inputs.annual_calls is None:
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
    on_click="ignore",
)
dl[1].download_button(
    t("bench.download_pdf"),
    lambda: html_to_pdf(report_html),  # made when clicked, from the same page
    "parkbench-benchmark.pdf",
    "application/pdf",
    key="bench_download_pdf",
    on_click="ignore",
)
