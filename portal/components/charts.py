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


def chart_frame(fig: go.Figure, source: str) -> pd.DataFrame:
    """The figures a chart draws, one row per point: series, x, y, and where they come from.

    >>> fig = go.Figure([go.Bar(name="A", x=["x1", "x2"], y=[1, 2])], layout={"title": "T"})
    >>> chart_frame(fig, "census").to_dict("records")[0]
    {'chart': 'T', 'series': 'A', 'x': 'x1', 'y': 1, 'source': 'census'}
    """
    title = fig.layout.title.text or ""
    rows = []
    for trace in fig.data:
        xs = getattr(trace, "x", None)
        ys = getattr(trace, "y", None)
        xs = [] if xs is None else list(xs)
        ys = [] if ys is None else list(ys)
        if getattr(trace, "orientation", None) == "h":
            xs, ys = ys, xs
        for x, y in zip(xs, ys, strict=False):
            rows.append(
                {"chart": title, "series": trace.name or "", "x": x, "y": y, "source": source}
            )
    return pd.DataFrame(rows, columns=["chart", "series", "x", "y", "source"])


def render_chart(fig: go.Figure, key: str, source: str | None = None) -> None:
    """Show a plotly figure at the container's width, with a download of its data.

    ``source`` says where the figures come from (default: computed by ParkBench from the
    sources the page lists); it goes into every row of the CSV.
    """
    from portal.components.downloads import build_csv
    from portal.i18n import t

    st.plotly_chart(fig, key=key, width="stretch")
    frame = chart_frame(fig, source or t("chart.source_default"))
    if not frame.empty:
        st.download_button(
            t("chart.download"),
            build_csv(frame),
            f"parkbench_{key}.csv",
            "text/csv",
            key=f"{key}_csv",
            icon=":material/download:",
            on_click="ignore",
        )
