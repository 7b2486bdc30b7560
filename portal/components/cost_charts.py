"""Cost and staffing charts: cost per seat as a waterfall, cost against service level, agents
per interval. ``build_*`` are pure (plotly figures from model output); units on every axis."""

from __future__ import annotations

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from portal.components.charts import CJK_FONT

COLOURS = {"up": "#c8553d", "down": "#2e8b57", "total": "#1f6fb2", "line": "#333333"}


def waterfall_steps(
    cost: dict, component_labels: dict[str, str], gross_label: str, net_label: str
) -> list[tuple[str, float, str]]:
    """``(label, value, measure)`` bars: components, gross total, each incentive, net.

    ``cost`` is ``CostBreakdown.to_dict()``; values are CNY per seat per year (incentives are
    averaged over the years of the view and enter negative), so the steps add up to the net.
    """
    steps = [
        (component_labels.get(name, name), float(value), "relative")
        for name, value in cost["components"].items()
    ]
    steps.append((gross_label, float(cost["per_seat_per_year"]), "total"))
    for name, info in cost["incentives"].items():
        steps.append((name, -float(info["per_seat_per_year"]), "relative"))
    steps.append((net_label, float(cost["net_per_seat_per_year"]), "total"))
    return steps


def build_cost_waterfall(
    cost: dict,
    *,
    component_labels: dict[str, str],
    gross_label: str,
    net_label: str,
    title: str,
    unit: str,
    height: int = 460,
) -> go.Figure:
    """Cost per seat per year from its components through the incentives to the net."""
    steps = waterfall_steps(cost, component_labels, gross_label, net_label)
    fig = go.Figure(
        go.Waterfall(
            x=[s[0] for s in steps],
            y=[s[1] if s[2] == "relative" else 0 for s in steps],
            measure=[s[2] for s in steps],
            text=[f"{s[1]:,.0f}" for s in steps],
            textposition="outside",
            increasing={"marker": {"color": COLOURS["up"]}},
            decreasing={"marker": {"color": COLOURS["down"]}},
            totals={"marker": {"color": COLOURS["total"]}},
            connector={"line": {"color": "#9a9a9a", "width": 0.6}},
        )
    )
    fig.update_layout(
        title=title,
        yaxis_title=unit,
        font={"family": CJK_FONT},
        margin={"l": 50, "r": 10, "t": 50, "b": 120},
        height=height,
        showlegend=False,
    )
    fig.update_xaxes(tickangle=-35)
    return fig


def build_cost_curve(
    rows: list[dict],
    *,
    chosen: str | None,
    labels: dict[str, str],
    title: str,
) -> go.Figure:
    """Total cost per year (bars) and cost per contact (line) at each service-level target.

    ``rows`` come from ``models.cost.cost_service_level_curve``; ``labels`` give ``x``,
    ``total`` and ``per_contact`` (axis names with their units); the ``chosen`` target is
    drawn darker.
    """
    fig = make_subplots(specs=[[{"secondary_y": True}]])
    x = [r["target"] for r in rows]
    fig.add_trace(
        go.Bar(
            x=x,
            y=[r["total_cny_per_year"] for r in rows],
            name=labels["total"],
            marker_color=[COLOURS["total"] if t == chosen else "#9ec5e8" for t in x],
            customdata=[[r["agents"], r["seats"]] for r in rows],
            hovertemplate="%{x}: %{y:,.0f}<br>%{customdata[0]} / %{customdata[1]}<extra></extra>",
        ),
        secondary_y=False,
    )
    fig.add_trace(
        go.Scatter(
            x=x,
            y=[r["per_contact"] for r in rows],
            name=labels["per_contact"],
            mode="lines+markers",
            line={"color": COLOURS["up"]},
        ),
        secondary_y=True,
    )
    fig.update_layout(
        title=title,
        font={"family": CJK_FONT},
        margin={"l": 60, "r": 60, "t": 50, "b": 40},
        legend={"orientation": "h"},
        height=380,
    )
    fig.update_xaxes(title_text=labels["x"])
    fig.update_yaxes(title_text=labels["total"], secondary_y=False)
    fig.update_yaxes(title_text=labels["per_contact"], secondary_y=True)
    return fig


def build_interval_chart(
    interval_labels: list[str],
    agents: list[int],
    calls: list[float],
    *,
    labels: dict[str, str],
    title: str,
) -> go.Figure:
    """Agents needed (bars) and calls offered (line) per interval; ``labels``: ``x``,
    ``agents`` and ``calls`` with their units."""
    fig = make_subplots(specs=[[{"secondary_y": True}]])
    fig.add_trace(
        go.Bar(x=interval_labels, y=agents, name=labels["agents"], marker_color=COLOURS["total"]),
        secondary_y=False,
    )
    fig.add_trace(
        go.Scatter(
            x=interval_labels,
            y=calls,
            name=labels["calls"],
            mode="lines",
            line={"color": COLOURS["up"]},
        ),
        secondary_y=True,
    )
    fig.update_layout(
        title=title,
        font={"family": CJK_FONT},
        margin={"l": 60, "r": 60, "t": 50, "b": 40},
        legend={"orientation": "h"},
        height=380,
    )
    fig.update_xaxes(title_text=labels["x"], type="category")
    fig.update_yaxes(title_text=labels["agents"], secondary_y=False)
    fig.update_yaxes(title_text=labels["calls"], secondary_y=True)
    return fig
