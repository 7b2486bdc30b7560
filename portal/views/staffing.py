"""Staffing & cost: agents, FTE and seats for a service level, what they cost, an interval plan."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from data.errors import ParkBenchError
from models.cost import COMPONENTS, CURVE_TARGETS
from models.cost import service_level_label as sl_label
from portal import services
from portal.components.charts import render_chart
from portal.components.cost_charts import (
    build_cost_curve,
    build_cost_waterfall,
    build_interval_chart,
)
from portal.components.downloads import build_csv
from portal.components.layout import require_database
from portal.components.links import link
from portal.components.staffing import build_side_by_side
from portal.i18n import STRINGS, fixed_labels, fmt_number, md, t
from portal.notes import method_label, note_text
from usecases.pricing import input_basis
from usecases.staffing import (
    DEFAULT_PATIENCE_SECONDS,
    StaffingTargets,
    plan_intervals,
    plan_staffing,
    price_staffing,
    service_with_agents,
    staffing_by_model,
)

st.title(t("page.staffing"))
require_database()
st.caption(t("staffing.intro"))

# -- inputs
st.subheader(t("staffing.inputs"))
c1, c2, c3 = st.columns(3)
with c1:
    volume_mode = link(
        st.radio,
        "volume",
        t("staffing.volume_mode"),
        ["hour", "day"],
        format_func=fixed_labels(lambda m: t(f"staffing.volume.{m}"), ["hour", "day"]),
        horizontal=True,
        key="staff_volume_mode",
    )
    if volume_mode == "hour":
        calls_per_hour = link(
            st.number_input,
            "calls_h",
            t("staffing.calls_per_hour"),
            0.0,
            1e6,
            1000.0,
            50.0,
            key="staff_calls_hour",
        )
    else:
        per_day = link(
            st.number_input,
            "calls_d",
            t("staffing.calls_per_day"),
            0.0,
            1e7,
            10_000.0,
            500.0,
            key="staff_calls_day",
        )
        peak_share = link(
            st.number_input,
            "peak_pct",
            t("staffing.peak_share"),
            1.0,
            100.0,
            12.0,
            0.5,
            key="staff_peak_share",
        )
        calls_per_hour = per_day * peak_share / 100.0
        st.caption(
            t("staffing.peak_hour", calls=fmt_number(calls_per_hour, t("unit.calls_per_hour")))
        )
    aht = link(
        st.number_input, "aht", t("staffing.aht"), 10.0, 7200.0, 240.0, 10.0, key="staff_aht"
    )
    use_patience = link(
        st.checkbox, "abandon", t("staffing.use_patience"), key="staff_use_patience"
    )
    patience = (
        link(
            st.number_input,
            "patience",
            t("staffing.patience"),
            1.0,
            3600.0,
            DEFAULT_PATIENCE_SECONDS,
            10.0,
            key="staff_patience",
        )
        if use_patience
        else None
    )
with c2:
    target_pct = link(
        st.slider, "sl_pct", t("staffing.target_sl"), 50, 99, 80, 1, key="staff_target"
    )
    answer_seconds = link(
        st.number_input,
        "answer_s",
        t("staffing.answer_seconds"),
        0.0,
        600.0,
        20.0,
        5.0,
        key="staff_answer",
    )
    shrinkage_pct = link(
        st.slider, "shrink_pct", t("staffing.shrinkage"), 0, 60, 30, 1, key="staff_shrinkage"
    )
    occupancy_pct = link(
        st.slider, "occ_pct", t("staffing.max_occupancy"), 50, 100, 85, 1,
        key="staff_occupancy", help=t("staffing.max_occupancy_help"),
    )  # fmt: skip
    have = link(
        st.number_input,
        "agents_have",
        t("staffing.agents_have"),
        0,
        100_000,
        0,
        1,
        key="staff_have",
    )
with c3:
    table = services.criteria_table()
    cities = (
        table[table["kind"] == "city"].sort_values(["province", "name"]) if len(table) else table
    )
    names = dict(zip(cities["adcode"], cities["name"], strict=True)) if len(cities) else {}
    if names:
        codes = list(names)
        adcode = link(
            st.selectbox,
            "city",
            t("common.city"),
            codes,
            index=codes.index("110000") if "110000" in codes else 0,  # Beijing
            format_func=fixed_labels(names.__getitem__, codes),
            placeholder=t("common.choose"),
            key="staff_city",
        )
        city = names[adcode]
        parks = table[(table["kind"] == "park") & (table["adcode"] == adcode)]["name"].tolist()
    else:  # a store without the geography layer: any city name, national defaults
        city = link(st.text_input, "city_name", t("common.city"), "北京", key="staff_city_text")
        parks = []
    park = link(
        st.selectbox,
        "park",
        t("staffing.park"),
        ["", *parks],
        format_func=fixed_labels(lambda p: p or t("staffing.no_park"), [""]),
        placeholder=t("common.choose"),
        key="staff_park",
    )
    years = int(link(st.number_input, "years", t("staffing.years"), 1, 20, 5, 1, key="staff_years"))

target_sl, shrinkage, max_occupancy = (
    target_pct / 100.0,
    shrinkage_pct / 100.0,
    occupancy_pct / 100.0,
)
level = sl_label(target_sl, answer_seconds)
targets = StaffingTargets(
    target_sl=target_sl,
    answer_seconds=answer_seconds,
    max_occupancy=max_occupancy,
    shrinkage=shrinkage,
    patience_seconds=patience,
)
try:
    staffing = plan_staffing(calls_per_hour, aht, targets)
    priced = price_staffing(
        services.cost_context(city, park or None), calls_per_hour, aht, targets, years=years
    )
    ctx, base, rules = priced.context, priced.base, priced.rules
    cost = priced.price.breakdown.to_dict()
except ParkBenchError as exc:
    st.error(md(exc))
    st.stop()

# -- staffing
st.subheader(t("staffing.result", level=level))
model = t(f"staffing.model.{staffing.model}")
st.caption(
    t(
        "staffing.load",
        calls=fmt_number(calls_per_hour, t("unit.calls_per_hour")),
        aht=fmt_number(aht, "second"),
        erlangs=fmt_number(round(staffing.traffic_erlangs, 2), "Erl"),
        model=model,
        binding=t(f"staffing.binding.{staffing.binding.replace(' ', '_')}"),
    )
)
m = st.columns(4)
m[0].metric(t("staffing.agents"), fmt_number(staffing.agents, "person"))
m[1].metric(t("staffing.fte"), fmt_number(round(staffing.fte, 1), "person"))
m[2].metric(t("staffing.seats"), fmt_number(cost["seats"], "seat"))
m[3].metric(t("staffing.headcount"), fmt_number(round(cost["fte"], 1), "person"))
m = st.columns(4)
m[0].metric(t("staffing.sl", seconds=fmt_number(answer_seconds, "second")),
            fmt_number(staffing.service_level, "fraction"))  # fmt: skip
m[1].metric(t("staffing.asa"), fmt_number(round(staffing.asa_seconds, 1), "second"))
m[2].metric(
    t("staffing.abandon"),
    fmt_number(staffing.abandon_rate, "fraction") if staffing.abandon_rate is not None else "—",
    help=None if staffing.abandon_rate is not None else t("staffing.no_abandon"),
)
m[3].metric(t("staffing.occupancy"), fmt_number(staffing.occupancy, "fraction"))
st.caption(t("staffing.fte_note", shrinkage=fmt_number(shrinkage, "fraction")))
if staffing.understaffed:
    st.error(t("staffing.understaffed_model"))
for code in staffing.warnings:
    st.warning(t(f"staffing.warning.{code}"))

# -- the two queue models on the same inputs
st.subheader(t("staffing.side"))
side_patience = patience if patience is not None else DEFAULT_PATIENCE_SECONDS
try:
    by_model = staffing_by_model(calls_per_hour, aht, targets)
except ParkBenchError as exc:
    st.error(str(exc))
else:
    st.dataframe(
        build_side_by_side(by_model["erlang_c"], by_model["erlang_a"]),
        hide_index=True,
        width="stretch",
        key="staff_side",
    )
    st.caption(t("staffing.side_note", patience=fmt_number(side_patience, "second")))

if have:
    given = service_with_agents(int(have), calls_per_hour, aht, targets)
    asa = given.asa_seconds
    text = t(
        "staffing.have_result",
        agents=fmt_number(int(have), "person"),
        sl=fmt_number(given.service_level, "fraction"),
        asa=fmt_number(round(asa, 1), "second") if np.isfinite(asa) else "∞",
    )
    if given.abandon_rate is not None:
        text += t("staffing.have_abandon", rate=fmt_number(given.abandon_rate, "fraction"))
    if given.understaffed:
        st.error(t("staffing.understaffed", agents=fmt_number(int(have), "person"),
                   erlangs=fmt_number(round(given.traffic_erlangs, 2), "Erl")))  # fmt: skip
    elif int(have) < staffing.agents:
        st.warning(text)
    else:
        st.success(text)

# -- cost
st.subheader(t("staffing.cost", city=md(city + (f" · {park}" if park else ""))))
m = st.columns(4)
m[0].metric(
    t("staffing.per_seat"),
    fmt_number(round(cost["per_seat_per_year"]), t("unit.cny_per_seat_year")),
)
m[1].metric(
    t("staffing.net_per_seat"),
    fmt_number(round(cost["net_per_seat_per_year"]), t("unit.cny_per_seat_year")),
)
m[2].metric(
    t("staffing.per_contact"), fmt_number(round(cost["per_contact"], 2), t("unit.cny_per_contact"))
)
m[3].metric(t("staffing.total"), fmt_number(round(cost["total_cny_per_year"]), t("unit.cny_per_year")))  # fmt: skip
st.caption(t("staffing.cost_note", years=years))
for name, b in input_basis(ctx).items():
    label = t(f"staffing.basis.input.{name}")
    if b["kind"] == "estimated":
        st.caption(t("staffing.basis.estimated", input=label, method=method_label(b["method"]),
                     err=f"{b['error_log_rmse']:.0%}", mape=f"{b['error_mape']:.0%}"))  # fmt: skip
    elif b["kind"] == "default":
        st.caption(t("staffing.basis.default", input=label))
    elif b["kind"] == "park":
        st.caption(t("staffing.basis.park", input=label, park=md(b["park"])))
    else:
        st.caption(t("staffing.basis.sourced", input=label, year=b.get("year"), url=b.get("url")))
shown = dict(
    cost, incentives={k: v for k, v in cost["incentives"].items() if v["per_seat_per_year"] > 0}
)
render_chart(
    build_cost_waterfall(
        shown,
        component_labels={k: t(f"cost.comp.{k}") for k in COMPONENTS},
        gross_label=t("compare.gross_bar"),
        net_label=t("compare.net_bar"),
        title=t("staffing.waterfall_title"),
        unit=t("unit.cny_per_seat_year"),
    ),
    key="staff_waterfall",
)
for name, why in cost["incentives_not_applied"].items():
    st.caption(t("compare.incentive_skipped", name=md(name), why=md(note_text(why))))
with st.expander(t("staffing.inputs_sources")):
    st.dataframe(
        pd.DataFrame(
            [
                {
                    t("staffing.input"): t(f"cost.input.{k}")
                    if f"cost.input.{k}" in STRINGS
                    else k,
                    t("data.fact_value"): f"{v.get('value'):g}"
                    if isinstance(v.get("value"), int | float)
                    else str(v.get("value") or ""),
                    t("data.dict_unit"): t(f"cost.unit.{v.get('unit')}")
                    if f"cost.unit.{v.get('unit')}" in STRINGS
                    else str(v.get("unit") or ""),
                    t("staffing.year"): str(v.get("year") or ""),
                    t("data.fact_source"): note_text(v["note"]),
                }
                for k, v in ctx.sources.items()
            ]
        ),
        hide_index=True,
        width="stretch",
    )
    for note in ctx.notes:
        st.caption(md(note_text(note)))

# -- cost against service level
st.subheader(t("staffing.curve"))
try:
    curve = services.cost_curve(base, calls_per_hour, aht, patience, rules, years)
except ParkBenchError as exc:
    st.error(md(exc))
    curve = []
if curve:
    render_chart(
        build_cost_curve(
            curve,
            chosen=level,
            labels={
                "x": t("staffing.curve_x"),
                "total": t("staffing.curve_total"),
                "per_contact": t("staffing.curve_per_contact"),
            },
            title=t("staffing.curve_title"),
        ),
        key="staff_curve",
    )
    st.dataframe(
        pd.DataFrame(
            {
                t("staffing.curve_x"): [r["target"] for r in curve],
                t("staffing.agents"): [r["agents"] for r in curve],
                t("staffing.headcount"): [round(r["fte"], 1) for r in curve],
                t("staffing.curve_total"): [round(r["total_cny_per_year"]) for r in curve],
                t("staffing.curve_per_contact"): [round(r["per_contact"], 2) for r in curve],
                t("staffing.curve_net"): [round(r["net"]) for r in curve],
            }
        ),
        hide_index=True,
        width="stretch",
        key="staff_curve_table",
    )
    st.caption(t("staffing.curve_note", targets=", ".join(sl_label(*x) for x in CURVE_TARGETS)))

# -- interval plan
st.subheader(t("staffing.plan"))
st.caption(t("staffing.plan_help"))
upload = st.file_uploader(t("staffing.plan_upload"), type=["csv", "xlsx"], key="staff_plan")
if upload is not None:
    try:
        staffed = plan_intervals(
            upload.getvalue(), name=upload.name, aht_seconds=aht, targets=targets
        )
        forecast, plan, minutes = staffed.forecast, staffed.plan, staffed.interval_minutes
    except ParkBenchError as exc:
        st.error(t("staffing.plan_error", error=md(exc)))
    else:
        summary = plan.summary()
        st.caption(
            t(
                "staffing.plan_summary",
                n=fmt_number(summary["intervals"]),
                minutes=minutes,
                calls=fmt_number(round(summary["calls"]), t("unit.calls")),
                model=t(f"staffing.model.{plan.model}"),
            )
        )
        m = st.columns(4)
        m[0].metric(t("staffing.peak_agents"), fmt_number(plan.peak_agents, "person"))
        m[1].metric(t("staffing.peak_seats"), fmt_number(plan.peak_seats, "seat"))
        m[2].metric(
            t("staffing.agent_hours"), fmt_number(round(plan.agent_hours, 1), t("unit.hours"))
        )
        m[3].metric(t("staffing.period_fte"), fmt_number(round(plan.period_fte, 1), "person"))
        for code in plan.warnings:
            st.warning(t(f"staffing.warning.{code}"))
        frame = plan.intervals.assign(start=forecast.labels)
        render_chart(
            build_interval_chart(
                forecast.labels,
                frame["agents"].astype(int).tolist(),
                frame["calls"].tolist(),
                labels={
                    "x": t("staffing.interval", minutes=minutes),
                    "agents": t("staffing.agents"),
                    "calls": t("staffing.plan_calls"),
                },
                title=t("staffing.plan_title"),
            ),
            key="staff_plan_chart",
        )
        st.dataframe(frame, hide_index=True, width="stretch", key="staff_plan_table")
        st.download_button(
            t("staffing.plan_download"),
            lambda: build_csv(frame),
            "parkbench_interval_plan.csv",
            "text/csv",
            key="staff_plan_dl",
            on_click="ignore",
        )
