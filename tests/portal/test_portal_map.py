"""The map builder, tested on the folium object and its HTML: offline, clustered, complete."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from data.store import queries
from data.store.fixtures import write_fixture_store
from portal.components.map import (
    BOUNDARY_DIR,
    MARKER_COLOURS,
    NO_DATA,
    PALETTE,
    build_map,
    colour_for,
    map_html,
    quantile_bins,
    read_boundaries,
)

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
VENDOR = re.compile(r"^/app/static/vendor/")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return write_fixture_store(tmp_path_factory.mktemp("map") / "m.sqlite", 40, 8)


def markers(html: str, table: str) -> int:
    return html.count(f'"{MARKER_COLOURS[table]}"]')


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
    assert html.count("markerClusterGroup") == 2


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
    assert "<script>x</script>" not in html
    popup = html.encode().decode("unicode_escape")
    assert "某年鉴" in popup and "550席" in popup and "城市代表点" in popup


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
    text = html.encode().decode("unicode_escape")
    assert "九段线" in text and "省界" in text
    assert len(prefectures["features"]) > 300
    assert PALETTE[-1] in html  # the choropleth coloured at least one city
