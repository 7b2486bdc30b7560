"""Every chart offers its data: a CSV of the plotted figures with their source."""

from __future__ import annotations

import io

import pandas as pd
import plotly.graph_objects as go
import pytest
from streamlit.testing.v1 import AppTest

from portal.components.charts import chart_frame
from tests.portal_support import APP, make_portal_db


@pytest.fixture(scope="module")
def portal_db(tmp_path_factory, synthetic_visible):
    return make_portal_db(tmp_path_factory.mktemp("charts") / "parkbench.sqlite")


def test_chart_frame_reads_every_series_and_horizontal_bars():
    fig = go.Figure(
        [
            go.Bar(name="wages", x=[1.0, 2.0], y=["Beijing", "Hangzhou"], orientation="h"),
            go.Scatter(name="total", x=["80/20", "90/15"], y=[10, 12]),
        ],
        layout={"title": "Cost"},
    )
    frame = chart_frame(fig, "census 2020")
    assert frame.to_dict("records")[0] == {
        "chart": "Cost", "series": "wages", "x": "Beijing", "y": 1.0, "source": "census 2020",
    }  # fmt: skip
    assert len(frame) == 4 and set(frame["series"]) == {"wages", "total"}


def test_every_chart_of_compare_and_staffing_has_a_download(portal_db, monkeypatch):
    monkeypatch.setenv("PARKBENCH_DB", str(portal_db))
    for page in ("compare", "staffing"):
        at = AppTest.from_file(str(APP), default_timeout=120)
        at.switch_page(f"views/{page}.py")
        at.run()
        assert not at.exception, at.exception
        charts = len(at.get("plotly_chart"))
        buttons = [
            b for b in at.get("download_button") if b.proto.label == "下载此图数据（CSV，含来源）"
        ]
        assert charts >= 2 and len(buttons) == charts, (page, charts, len(buttons))


def test_the_csv_holds_the_figures_and_their_source():
    from portal.components.downloads import build_csv

    fig = go.Figure([go.Bar(name="net", x=["A"], y=[5])], layout={"title": "T"})
    text = build_csv(chart_frame(fig, "ParkBench")).decode("utf-8-sig")
    assert pd.read_csv(io.StringIO(text)).to_dict("records") == [
        {"chart": "T", "series": "net", "x": "A", "y": 5, "source": "ParkBench"}
    ]
