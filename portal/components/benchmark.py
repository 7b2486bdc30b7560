"""The Benchmark page's pieces: typed-in KPI inputs, the positions table and the percentile bars.

``build_*`` are pure (a report dict of :func:`models.peer_benchmark.benchmark_report` in, a
table or a plotly figure out); ``render_*`` call Streamlit. Values are shown in the units a
reader expects: rates as percentages (gaps in percentage points), times in seconds, money in
CNY a year.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from models.peer_benchmark import MIN_PEERS, REGIONS, region_of, size_band
from portal.components.charts import CJK_FONT, render_chart
from portal.i18n import fixed_labels, fmt_number, md, t
from portal.notes import definition_text
from portal.notes import note_text as render_note

#: KPIs offered for typing in, in the order of the form
TYPED_KPIS: tuple[str, ...] = (
    "answer_rate",
    "service_level",
    "aht_seconds",
    "asa_seconds",
    "abandon_rate",
    "fcr_rate",
    "csat",
    "attrition_rate",
)
DEFINITIONS: tuple[str, ...] = ("offered", "answered")
#: colour of each quartile (1 = best quarter)
QUARTILE_COLOURS = {1: "#1a9850", 2: "#91cf60", 3: "#fc8d59", 4: "#d73027"}


def kpi_unit(metric: str) -> str:
    """``second`` for times (``*_seconds``), else ``fraction``."""
    return "second" if metric.endswith("_seconds") else "fraction"


def kpi_label(metric: str) -> str:
    """The KPI's name in the current language."""
    return t(f"bench.kpi.{metric}")


def definition_label(definition: str) -> str:
    """How a KPI was measured, e.g. ``offered@20s`` -> "offered calls · 20 s"."""
    return definition_text(definition)


def fmt_kpi(value: float | None, metric: str) -> str:
    """A KPI value with its unit (a rate as a percentage)."""
    return fmt_number(value, kpi_unit(metric))


def fmt_gap(gap: float | None, metric: str) -> str:
    """A signed gap: seconds for times, percentage points for rates."""
    if gap is None:
        return "—"
    seconds = kpi_unit(metric) == "second"
    shown = round(gap if seconds else gap * 100, 1) + 0.0  # + 0.0: no "-0"
    sign = "+" if shown > 0 else ""
    if seconds:
        return sign + fmt_number(shown, "second")
    return t("bench.pp", value=sign + f"{shown:.1f}".rstrip("0").rstrip("."))


def note_text(position: dict) -> str:
    """The position's coded notes in the current language (suppressed cell, other
    measurements, a widened group, the industry reference)."""
    return "; ".join(render_note(n) for n in position.get("notes") or ())


def build_positions_table(report: dict) -> pd.DataFrame:
    """One row per KPI of ``report``, every cell a display string, headers translated."""
    rows = []
    for p in report["kpis"]:
        m = p["metric"]
        shown = p["median"] is not None
        rows.append(
            {
                t("bench.col.kpi"): kpi_label(m),
                t("bench.col.definition"): definition_label(p["definition"]),
                t("bench.col.value"): fmt_kpi(p["value"], m),
                t("bench.col.peers"): fmt_number(p["peers"], t("unit.center")),
                t("bench.col.median"): fmt_kpi(p["median"], m),
                t("bench.col.top"): fmt_kpi(p["top_quartile"], m),
                t("bench.col.position"): (
                    t("bench.position", pct=f"{p['percentile']:.0f}", q=p["quartile"])
                    if shown
                    else "—"
                ),
                t("bench.col.gap_median"): fmt_gap(p["gap_to_median"], m),
                t("bench.col.gap_top"): fmt_gap(p["gap_to_top_quartile"], m),
                t("bench.col.cny_median"): fmt_number(p["cny_per_year_to_median"], "CNY"),
                t("bench.col.cny_top"): fmt_number(p["cny_per_year_to_top_quartile"], "CNY"),
                t("bench.col.repeat"): fmt_number(p["repeat_calls_avoided_per_year"]),
                t("bench.col.note"): note_text(p),
            }
        )
    return pd.DataFrame(rows)


def shown_positions(report: dict) -> list[dict]:
    """The KPIs of ``report`` whose peer cell has enough peers to be shown."""
    return [p for p in report["kpis"] if p["percentile"] is not None]


def build_percentile_figure(report: dict) -> go.Figure:
    """Horizontal bars: the percentile (0-100) of each shown KPI, coloured by quartile."""
    shown = shown_positions(report)
    labels = [f"{kpi_label(p['metric'])} ({definition_label(p['definition'])})" for p in shown]
    fig = go.Figure(
        go.Bar(
            x=[p["percentile"] for p in shown],
            y=labels,
            orientation="h",
            marker_color=[QUARTILE_COLOURS[p["quartile"]] for p in shown],
            text=[
                t("bench.position", pct=f"{p['percentile']:.0f}", q=p["quartile"]) for p in shown
            ],
            textposition="auto",
            hovertemplate="%{y}: %{x:.0f}<extra></extra>",
        )
    )
    for x in (25, 50, 75):
        fig.add_vline(x=x, line_dash="dot", line_color="#888888")
    fig.update_layout(
        title=t("bench.chart_title"),
        xaxis={"range": [0, 100], "title": t("bench.chart_axis")},
        yaxis={"autorange": "reversed"},
        font={"family": CJK_FONT},
        margin={"l": 10, "r": 10, "t": 50, "b": 40},
        height=120 + 44 * max(len(shown), 1),
        showlegend=False,
    )
    return fig


def render_typed_inputs(industries: list[str], cities: list[str]) -> dict:
    """Profile and KPI inputs; returns ``target`` values, ``kpis``, ``definitions``, ``city``,
    ``seats`` and ``annual_calls`` (rates converted from % to fractions). Nothing is stored."""
    st.caption(t("bench.not_stored"))
    st.markdown(f"**{t('bench.profile')}**")
    c1, c2, c3, c4 = st.columns(4)
    industry = c1.selectbox(
        t("bench.industry"),
        industries,
        index=None,
        accept_new_options=True,
        key="bench_industry",
        placeholder=t("common.choose_or_type"),
    )
    seats = c2.number_input(t("bench.seats"), min_value=5, value=None, step=10, key="bench_seats")
    provinces = [p for ps in REGIONS.values() for p in ps]
    province = c3.selectbox(
        t("bench.province"),
        provinces,
        index=None,
        placeholder=t("common.choose"),
        key="bench_province",
    )
    tier = c4.selectbox(
        t("bench.city_tier"),
        ["capital", "other"],
        index=None,
        format_func=fixed_labels(lambda k: t(f"bench.tier.{k}"), ["capital", "other"]),
        placeholder=t("common.choose"),
        key="bench_tier",
    )
    city = st.selectbox(
        t("bench.city"),
        cities,
        index=None,
        accept_new_options=True,
        key="bench_city",
        placeholder=t("common.choose_or_type"),
    )
    st.markdown(f"**{t('bench.kpis')}**")
    kpis: dict[str, float] = {}
    definitions: dict[str, str] = {}
    cols = st.columns(4)
    for i, metric in enumerate(TYPED_KPIS):
        col = cols[i % 4]
        if kpi_unit(metric) == "second":
            label = t("bench.sec_input", kpi=kpi_label(metric))
            value = col.number_input(label, min_value=0.0, value=None, key=f"bench_kpi_{metric}")
            if value is not None:
                kpis[metric] = float(value)
        else:
            label = t("bench.pct_input", kpi=kpi_label(metric))
            value = col.number_input(
                label, min_value=0.0, max_value=100.0, value=None, key=f"bench_kpi_{metric}"
            )
            if value is not None:
                kpis[metric] = float(value) / 100.0
    s1, s2, s3 = st.columns(3)
    seconds = s1.number_input(
        t("bench.sl_seconds"), min_value=1, value=20, step=5, key="bench_sl_seconds"
    )
    definition = s2.selectbox(
        t("bench.sl_definition"),
        DEFINITIONS,
        format_func=fixed_labels(lambda d: t(f"bench.def.{d}"), DEFINITIONS),
        placeholder=t("common.choose"),
        key="bench_sl_definition",
    )
    if "service_level" in kpis:
        definitions["service_level"] = f"{definition}@{seconds:g}s"
    calls = s3.number_input(
        t("bench.annual_calls"), min_value=0, value=None, step=10_000, key="bench_annual_calls"
    )
    return {
        "target": {
            "industry": industry,
            "size_band": size_band(seats) if seats else None,
            "region": region_of(province),
            "city_tier": tier,
        },
        "kpis": kpis,
        "definitions": definitions,
        "city": city,
        "seats": float(seats) if seats else None,
        "annual_calls": float(calls) if calls else None,
    }


def group_text(report: dict, esc: Callable[[object], str] = str) -> str:
    """The peer group and its size, e.g. "Peer group: industry = 金融; 19 centers".

    ``esc`` quotes the data values (:func:`portal.i18n.md` for a Markdown element).
    """
    keys = ", ".join(f"{t(f'bench.key.{k}')} = {esc(v)}" for k, v in report["peer_group"].items())
    n = fmt_number(report["peer_centers"], t("unit.center"))
    return t("bench.group", group=keys or t("bench.group_all"), n=n)


def cost_text(report: dict, esc: Callable[[object], str] = str) -> str:
    """Which cost of a handled minute priced the gaps, or that none was known (``esc`` as above)."""
    if report["cost_per_minute_cny"] is None:
        return t("bench.cpm_unknown")
    cny = fmt_number(round(report["cost_per_minute_cny"], 2), "CNY")
    return t("bench.cpm", cny=cny, source=esc(report["cost_per_minute_source"] or ""))


def build_reference_table(report: dict) -> pd.DataFrame:
    """The labelled industry reference of the KPIs with too few peers: one row per published
    figure, with its year, scope and source (empty when no KPI needed one)."""
    rows = []
    for p in report["kpis"]:
        m = p["metric"]
        for r in p.get("industry_reference") or []:
            lower = t("bench.ref.lower") if r.get("bound") == "lower" else ""
            rows.append(
                {
                    t("bench.ref.col.kpi"): kpi_label(m),
                    t("bench.ref.col.value"): fmt_kpi(p["value"], m),
                    t("bench.ref.col.reference"): fmt_kpi(r["value"], m) + lower,
                    t("bench.ref.col.gap"): fmt_gap(r["gap"], m),
                    t("bench.ref.col.year"): str(r["year"])
                    if r["year"]
                    else t("bench.ref.no_year"),
                    t("bench.ref.col.scope"): r["scope"],
                    t("bench.ref.col.source"): f"{r['source']} {r['url']}",
                }
            )
    return pd.DataFrame(rows)


def render_benchmark(report: dict) -> None:
    """The peer group, the percentile bars of the shown KPIs, the table of every KPI and, apart
    from the peers, the labelled industry reference of KPIs with too few peers."""
    st.markdown(group_text(report, md))
    for key in report.get("peer_keys_unset") or []:
        st.caption(t("bench.missing_key", peer_key=t(f"bench.key.{key}")))
    st.caption(t("bench.min_peers", min=MIN_PEERS))
    st.caption(cost_text(report, md))
    if shown_positions(report):
        render_chart(build_percentile_figure(report), key="bench_chart")
    elif not report.get("reference_shown"):
        st.warning(t("bench.all_suppressed", min=MIN_PEERS))
    st.dataframe(build_positions_table(report), hide_index=True, width="stretch")
    reference = build_reference_table(report)
    if not reference.empty:
        st.subheader(t("bench.reference_title"))
        st.caption(t("bench.reference_caption", min=MIN_PEERS))
        st.dataframe(reference, hide_index=True, width="stretch", key="bench_reference")
    bare = [
        kpi_label(p["metric"])
        for p in report["kpis"]
        if p["median"] is None and not p.get("industry_reference")
    ]
    if bare:
        st.info(t("bench.reference_none", kpis="、".join(bare)))
