"""Site comparison on the page: ranked table, contributions as stacked bars, fact cards.

``build_*`` are pure (DataFrames and plotly figures from ``SiteComparison.records``);
``render_*`` show them with Streamlit.
"""

from __future__ import annotations

import math
import re

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from models.criteria import DEFAULT_CRITERIA
from portal.components.charts import CJK_FONT
from portal.i18n import current_lang, fmt_number, md, t

CRITERIA = {c.name: c for c in DEFAULT_CRITERIA}
#: criterion -> group of the built-in criteria
CRITERION_GROUPS = {c.name: c.group for c in DEFAULT_CRITERIA}
#: one hue per criterion group, darkest first (labour blue, cost red, transport green,
#: incentives purple, cluster orange); a group's criteria take its shades in order
GROUP_SHADES: dict[str, tuple[str, ...]] = {
    "labour": ("#08519c", "#3182bd", "#6baed6", "#9ecae1"),
    "cost": ("#cb181d", "#ef3b2c", "#fc9272"),
    "transport": ("#238b45", "#74c476", "#a1d99b"),
    "incentives": ("#6a51a3", "#9e9ac8", "#bcbddc"),
    "cluster": ("#d94801", "#fd8d3c", "#fdae6b", "#fdd0a2"),
}
OTHER_COLOUR = "#7f7f7f"


def criterion_colours(names, groups: dict[str, str] | None = None) -> dict[str, str]:
    """A colour for each criterion: its group's hue, one shade per criterion of the group.

    Examples
    --------
    >>> criterion_colours(["working_age_population", "nearest_airport_km", "mine"])
    {'working_age_population': '#08519c', 'nearest_airport_km': '#238b45', 'mine': '#7f7f7f'}
    """
    groups = {**CRITERION_GROUPS, **(groups or {})}
    used: dict[str, int] = {}
    out = {}
    for name in names:
        group = groups.get(name)
        if group not in GROUP_SHADES:
            out[name] = OTHER_COLOUR
            continue
        shades = GROUP_SHADES[group]
        out[name] = shades[min(used.get(group, 0), len(shades) - 1)]
        used[group] = used.get(group, 0) + 1
    return out


def criterion_label(name: str, lang: str | None = None) -> str:
    """A criterion's name for people (its label in the model), else the column name."""
    c = CRITERIA.get(name)
    if c is None:
        return name
    return (c.label_zh if (lang or current_lang()) == "zh" else c.label_en) or name


_QUOTE = re.compile(r"“([^”]+)”")
_SOURCE_FILE = re.compile(r"\b(?:seeds|data)/[\w./-]+\.[a-z]+")


def preset_citation(source: str) -> tuple[str | None, list[str]]:
    """The file a preset's source text cites and the sentences it quotes from it.

    Examples
    --------
    >>> preset_citation("seeds/a_1.txt (forum): “人才是关键。”; more: “交通也重要”.")
    ('seeds/a_1.txt', ['人才是关键。', '交通也重要'])
    >>> preset_citation("No judgement: each of the five groups gets 20%.")
    (None, [])
    """
    found = _SOURCE_FILE.search(source)
    return (found.group(0) if found else None), _QUOTE.findall(source)


def render_preset_source(name: str, source: str) -> None:
    """A preset's basis in the reader's language, then its quotes as quotes with their file."""
    st.caption(t(f"compare.preset_basis.{name}"))
    path, quotes = preset_citation(source)
    for quote in quotes:
        st.markdown(f"> “{md(quote)}”")
    if quotes and path:
        st.caption(t("compare.preset_quote_from", file=path))


def filled_criteria(record: dict) -> set[str]:
    """Criteria of a record whose value a missing-value rule filled or an estimate gave."""
    return {f.removesuffix(" (estimated)") for f in record.get("filled", [])}


def build_comparison_frame(records: list[dict], candidates: int, costs: dict | None = None):
    """One row per chosen site, best first: ranks, stability, values, contributions, flags.

    Column names are stable English identifiers (the CSV download); ``costs`` maps a site id
    to its cost figures (``gross_cny_per_seat_year``, ``incentives_cny_per_seat_year``,
    ``net_cny_per_seat_year``, ``cny_per_contact``), added as columns when given.
    """
    rows = []
    for r in records:
        row = {
            "rank_in_selection": r["rank_in_selection"],
            "id": r["id"],
            "adcode": r["adcode"],
            "name": r["name"],
            "kind": r["kind"],
            "score": r["score"],
            "rank_among_all": r["rank"],
            "candidates": candidates,
            "rank_p05": r.get("rank_p05"),
            "rank_p95": r.get("rank_p95"),
            "selection_rank_p05": r.get("selection_rank_p05"),
            "selection_rank_p95": r.get("selection_rank_p95"),
            "p_first_in_selection": r.get("p_first_in_selection"),
            "filled": "; ".join(r.get("filled", [])),
            "estimated": "; ".join(f"{k}: {v}" for k, v in (r.get("estimated") or {}).items()),
        }
        for name, value in r["values"].items():
            row[f"value:{name}"] = value
        for name, value in r["contributions"].items():
            row[f"contribution:{name}"] = value
        if costs and r["id"] in costs:
            row.update(costs[r["id"]])
        rows.append(row)
    return pd.DataFrame(rows)


def build_contributions_chart(
    records: list[dict], *, title: str, unit: str, filled_note: str
) -> go.Figure:
    """Horizontal stacked bars: each site's score split into criterion contributions.

    A hatched segment is a value filled by a missing-value rule or estimated (``filled_note``
    says so in the hover text).
    """
    names = [r["name"] for r in records][::-1]  # best on top
    fig = go.Figure()
    colours = criterion_colours(list(records[0]["contributions"]))
    for criterion in records[0]["contributions"]:
        values = [r["contributions"][criterion] for r in records][::-1]
        filled = [criterion in filled_criteria(r) for r in records][::-1]
        label = criterion_label(criterion)
        fig.add_trace(
            go.Bar(
                y=names,
                x=values,
                name=label,
                orientation="h",
                marker={
                    "color": colours[criterion],
                    "pattern": {"shape": ["/" if f else "" for f in filled], "solidity": 0.4},
                },
                customdata=[filled_note if f else "" for f in filled],
                hovertemplate=f"{label}: %{{x:.3f}} %{{customdata}}<extra></extra>",
            )
        )
    fig.update_layout(
        title=title,
        barmode="stack",
        xaxis_title=unit,
        font={"family": CJK_FONT},
        margin={"l": 10, "r": 10, "t": 50, "b": 130},
        legend={"orientation": "h", "y": -0.22, "yanchor": "top"},
        height=260 + 50 * len(records),
    )
    return fig


def ranking_display(frame: pd.DataFrame) -> pd.DataFrame:
    """The ranked table as a reader sees it (translated headers, intervals as text)."""

    def interval(lo, hi) -> str:
        if lo is None or (isinstance(lo, float) and math.isnan(lo)):
            return "—"
        return f"{int(lo)}–{int(hi)}"

    return pd.DataFrame(
        {
            t("compare.col_rank"): frame["rank_in_selection"],
            t("common.name"): frame["name"],
            t("common.kind"): [t(f"compare.kind.{k}") for k in frame["kind"]],
            t("compare.col_score"): frame["score"].round(3),
            t("compare.col_rank_all", n=int(frame["candidates"].iloc[0])): frame["rank_among_all"],
            t("compare.col_rank_all_interval"): [
                interval(a, b) for a, b in zip(frame["rank_p05"], frame["rank_p95"], strict=True)
            ],
            t("compare.col_sel_interval"): [
                interval(a, b)
                for a, b in zip(
                    frame["selection_rank_p05"], frame["selection_rank_p95"], strict=True
                )
            ],
            t("compare.col_p_first"): [
                fmt_number(p, "fraction") if p is not None else "—"
                for p in frame["p_first_in_selection"]
            ],
            t("compare.col_filled"): [
                "; ".join(criterion_label(c) for c in sorted(filled_criteria({"filled": f})))
                if f
                else t("common.none")
                for f in frame["filled"].map(lambda s: s.split("; ") if s else [])
            ],
        }
    )


def render_fact_card(
    name: str, facts: list[tuple[str, str, str | None]], incentives: list[dict]
) -> None:
    """One site's card: ``(label, value with unit, source)`` lines, then its incentive rules."""
    st.markdown(f"#### {md(name)}")
    for label, value, source in facts:
        st.markdown(f"**{md(label)}**: {md(value)}")
        if source:
            st.caption(t("compare.source", source=md(source)))
    st.markdown(f"**{t('compare.incentives')}**")
    if not incentives:
        st.caption(t("compare.no_incentives"))
    for rule in incentives:
        st.markdown(f"- {md(rule['text'])}")
        if rule.get("source"):
            st.caption(t("compare.source", source=md(rule["source"])))


def build_cost_quality_chart(
    matrix, names: dict[str, str], quadrants: dict[str, str], *, x_title: str, y_title: str
) -> go.Figure:
    """The cost-quality matrix (``models.cost_quality``): one labelled point per site, dashed
    lines at the selection's mean (100) and the quadrants named in their corners."""
    xs = [p.cost_index for p in matrix.points]
    ys = [p.quality_index for p in matrix.points]
    span_x = max(abs(v - 100) for v in xs) * 1.25 or 10.0
    span_y = max(abs(v - 100) for v in ys) * 1.25 or 10.0
    fig = go.Figure(
        go.Scatter(
            x=xs,
            y=ys,
            mode="markers+text",
            text=[names[p.id] for p in matrix.points],
            textposition="top center",
            marker={"size": 12, "color": "#1f6fb2"},
            customdata=[quadrants[p.quadrant] for p in matrix.points],
            hovertemplate="%{text}: %{x:.0f} / %{y:.0f} (%{customdata})<extra></extra>",
        )
    )
    fig.add_vline(x=100, line_dash="dash", line_color="#555555")
    fig.add_hline(y=100, line_dash="dash", line_color="#555555")
    corners = {
        "low_cost_high_quality": (100 - span_x, 100 + span_y, "left", "top"),
        "high_cost_high_quality": (100 + span_x, 100 + span_y, "right", "top"),
        "low_cost_low_quality": (100 - span_x, 100 - span_y, "left", "bottom"),
        "high_cost_low_quality": (100 + span_x, 100 - span_y, "right", "bottom"),
    }
    for q, (x, y, xanchor, yanchor) in corners.items():
        fig.add_annotation(
            x=x, y=y, text=quadrants[q], showarrow=False, xanchor=xanchor, yanchor=yanchor,
            font={"color": "#1a9850" if q == "low_cost_high_quality" else "#777777"},
        )  # fmt: skip
    fig.update_layout(
        xaxis={"title": x_title, "range": [100 - span_x, 100 + span_x]},
        yaxis={"title": y_title, "range": [100 - span_y, 100 + span_y]},
        font={"family": CJK_FONT},
        margin={"l": 10, "r": 10, "t": 30, "b": 40},
        height=420,
        showlegend=False,
    )
    return fig
