"""The map builder, tested on the folium object and its HTML: offline, clustered, complete."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from data.store import queries
from data.store.fixtures import write_fixture_store
from portal.components.map import (
    BOUNDARY_DIR,
    NO_DATA,
    PALETTE,
    build_map,
    colour_for,
    legend_classes,
    legend_html,
    map_html,
    marker_payload,
    quantile_bins,
    read_boundaries,
)
from tests.portal_support import count_markers

LABELS = {
    "cities": "地级行政区",
    "lines": "国界与省界",
    "centers": "呼叫中心",
    "parks": "产业园区",
    "seats": "座席",
    "source": "来源",
    "precision_city": "（位置为城市代表点）",
    "choropleth": "分级设色",
}
EMPTY = pd.DataFrame(columns=["name", "lat", "lon"])
VENDOR = re.compile(r"^/app/static/vendor/")


@pytest.fixture(scope="module")
def store(tmp_path_factory, synthetic_visible):
    return write_fixture_store(tmp_path_factory.mktemp("map") / "m.sqlite", 40, 8)


def markers(html: str, table: str) -> int:
    return count_markers(html, table)


def loaded_urls(html: str) -> list[str]:
    return re.findall(r'<(?:script|link)[^>]*(?:src|href)="([^"]+)"', html)


def test_map_loads_only_vendored_files(store):
    m = build_map(
        prefectures=read_boundaries("prefectures"),
        lines=read_boundaries("lines"),
        border=read_boundaries("border"),
        centers=queries.load_markers(store, "centers"),
        parks=queries.load_markers(store, "parks"),
        labels=LABELS,
    )
    html = map_html(m)
    urls = loaded_urls(html)
    assert urls and all(VENDOR.match(u) for u in urls), urls
    assert "tile.openstreetmap" not in html and "cdn" not in " ".join(urls)


def test_every_placed_center_and_park_is_a_marker(store):
    centers = queries.load_markers(store, "centers")
    parks = queries.load_markers(store, "parks")
    html = map_html(
        build_map(
            prefectures=None, lines=None, border=None, centers=centers, parks=parks, labels=LABELS
        )
    )
    assert markers(html, "centers") == int(centers["placed"].sum()) < len(centers)
    assert markers(html, "parks") == len(parks)
    assert html.count("L.markerClusterGroup(") == 1  # one function, called once per table


def test_popups_carry_the_source_and_escape_html():
    frame = pd.DataFrame(
        [
            {
                "name": "<script>x</script>中心",
                "city": "合肥",
                "province": "安徽省",
                "lat": 31.8,
                "lon": 117.2,
                "coord_precision": "city",
                "source": "某年鉴",
                "industry": None,
                "seats_text": "550席",
            }
        ]
    )
    html = map_html(
        build_map(
            prefectures=None,
            lines=None,
            border=None,
            centers=frame,
            parks=frame.iloc[0:0],
            labels=LABELS,
        )
    )
    assert "<script>x</script>" not in html and "</script>中心" not in html
    assert "某年鉴" in html and "550席" in html and "城市代表点" in html
    assert "function esc(s)" in html and "esc(r[2])" in html  # names escaped when shown


def test_ten_thousand_markers_go_into_one_client_side_cluster():
    n = 10_000
    frame = pd.DataFrame(
        {
            "name": [f"c{i}" for i in range(n)],
            "lat": [30 + i % 100 / 10 for i in range(n)],
            "lon": [110 + i // 100 / 10 for i in range(n)],
            "city": "x",
            "province": "y",
            "coord_precision": "point",
            "source": "s",
            "industry": None,
            "seats_text": None,
        }
    )
    html = map_html(
        build_map(
            prefectures=None,
            lines=None,
            border=None,
            centers=frame,
            parks=frame.iloc[0:0],
            labels=LABELS,
        )
    )
    assert markers(html, "centers") == n
    assert "L.circleMarker" in html and "chunkedLoading" in html
    assert "bindPopup(popup" in html and html.count("<br>") == 1  # popups built when opened
    assert '"maxZoom": 18' in html  # markercluster throws on a map without maxZoom


def test_quantile_classes_colour_low_and_high_values():
    values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    edges = quantile_bins(values)
    assert colour_for(1, edges) == PALETTE[0]
    assert colour_for(10, edges) == PALETTE[-1]
    assert colour_for(None, edges) == NO_DATA
    assert colour_for(5, quantile_bins([5])) == PALETTE[0]


@pytest.mark.skipif(
    not (BOUNDARY_DIR / "prefectures.geojson").exists(),
    reason="boundaries arrive with the geography data (data/reference/boundaries)",
)
def test_base_layer_has_cities_border_and_the_lines_a_china_map_must_show(store):
    prefectures = read_boundaries("prefectures")
    html = map_html(
        build_map(
            prefectures=prefectures,
            lines=read_boundaries("lines"),
            border=read_boundaries("border"),
            centers=queries.load_markers(store, "centers"),
            parks=queries.load_markers(store, "parks"),
            labels=LABELS,
            choropleth=queries.city_indicator_values(store, "seats_total"),
        )
    )
    assert "九段线" in html and "省界" in html
    assert len(prefectures["features"]) > 300
    assert PALETTE[-1] in html  # the choropleth coloured at least one city


def test_legend_names_classes_and_units():
    values = {
        str(i): float(v) for i, v in enumerate([1951.09, 20_000, 150_000, 2_000_000, 19_944_097.7])
    }
    classes = legend_classes(values)
    colours = [c[0] for c in classes]
    assert colours[0] == PALETTE[0] and colours[-1] == PALETTE[-1]
    assert len(set(colours)) == len(colours) and sorted(colours, key=PALETTE.index) == colours
    assert classes[0][1] == 1951.09 and classes[-1][2] == 19_944_097.7
    box = legend_html("劳动年龄人口（人）", [(c, f"{lo}-{hi}") for c, lo, hi in classes], "无数据")
    html = map_html(
        build_map(
            prefectures=None, lines=None, border=None, centers=EMPTY, parks=EMPTY,
            labels=LABELS, choropleth=values, legend=box,
        )
    )  # fmt: skip
    assert "pb-legend" in html and "劳动年龄人口（人）" in html and "无数据" in html
    assert NO_DATA in html


def test_municipalities_are_clickable_labels_above_the_markers():
    html = map_html(
        build_map(
            prefectures=None, lines=None, border=None, centers=EMPTY, parks=EMPTY, labels=LABELS,
            city_points=[("110000", "北京市", 39.9, 116.4), ("310000", "上海市", 31.2, 121.5)],
        )
    )  # fmt: skip
    assert '["110000","北京市",39.9,116.4]' in html
    # a pane above the marker clusters; each label carries the city as a feature, which
    # streamlit-folium returns on a click (last_active_drawing)
    assert 'createPane("pbCities")' in html and "zIndex = 650" in html
    assert "properties: {city_adcode: c[0], city_name: c[1]}" in html


@pytest.mark.skipif(
    not (BOUNDARY_DIR / "prefectures.geojson").exists(),
    reason="boundaries arrive with the geography data (data/reference/boundaries)",
)
def test_ten_thousand_centers_and_three_thousand_parks_stay_under_four_megabytes():
    def frame(n: int, word: str) -> pd.DataFrame:
        return pd.DataFrame(
            {
                "name": [f"示例{word}客服中心{i}号" for i in range(n)],
                "lat": [22 + i % 200 / 10 for i in range(n)],
                "lon": [100 + i // 200 / 10 for i in range(n)],
                "city": "杭州市",
                "province": "浙江省",
                "coord_precision": ["point", "city"] * (n // 2),
                "source": [f"某某年鉴{i % 30}" for i in range(n)],
                "industry": "金融",
                "seats_text": [f"{i % 900}席" for i in range(n)],
            }
        )

    html = map_html(
        build_map(
            prefectures=read_boundaries("prefectures"),
            lines=read_boundaries("lines"),
            border=read_boundaries("border"),
            centers=frame(10_000, "金融"),
            parks=frame(3_000, "园区"),
            labels=LABELS,
        )
    )
    assert markers(html, "centers") == 10_000 and markers(html, "parks") == 3_000
    assert len(html.encode("utf-8")) < 4_000_000


def test_marker_payload_stores_each_source_once():
    frame = pd.DataFrame(
        {
            "name": ["a", "b", "c"], "lat": [30.0, 31.0, None], "lon": [110.0, 111.0, 112.0],
            "city": ["北京市"] * 3, "province": ["北京市"] * 3, "coord_precision": "point",
            "source": ["年鉴", "年鉴", None], "industry": [None, float("nan"), "金融"],
            "seats_text": [None, "5席", None],
        }
    )  # fmt: skip
    data = json.loads(marker_payload(frame))
    assert data["sources"] == ["年鉴"]
    assert data["texts"] == ["北京市", "5席"]  # place, industry and seats once each
    assert data["rows"] == [
        [30.0, 110.0, "a", 0, None, None, 0, 0],
        [31.0, 111.0, "b", 0, None, 1, 0, 0],
    ]  # no "nan", no 北京市 北京市
