"""Plotly charts with a CJK font, so Chinese labels render in every browser and export."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

CJK_FONT = "Noto Sans CJK SC, Noto Sans SC, Source Han Sans SC, Microsoft YaHei, sans-serif"


def build_grouped_bars(
    frame: pd.DataFrame, category: str, series: dict[str, str], title: str, unit: str
) -> go.Figure:
    """Grouped bars of ``series`` (column -> label) per ``category``; the axis names the unit."""
    fig = go.Figure(
        [go.Bar(name=label, x=frame[category], y=frame[col]) for col, label in series.items()]
    )
    fig.update_layout(
        title=title,
        barmode="group",
        yaxis_title=unit,
        font={"family": CJK_FONT},
        margin={"l": 40, "r": 10, "t": 50, "b": 40},
        legend={"orientation": "h"},
        height=360,
    )
    return fig


def render_chart(fig: go.Figure, key: str) -> None:
    """Show a plotly figure at the container's width."""
    st.plotly_chart(fig, key=key, width="stretch")
