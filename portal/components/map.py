"""The offline map: folium built on vendored Leaflet, boundary outlines as the base layer.

:func:`build_map` is pure (a folium object from GeoJSON and DataFrames; tested on its HTML);
:func:`render_map` shows it through streamlit-folium. Nothing is fetched from the internet:
Leaflet 1.9.3, jQuery 3.7.1 and Leaflet.markercluster 1.5.3 are served by Streamlit from
``portal/static/vendor`` (``/app/static/vendor/...``), there are no tiles unless the reader asks
for them, and the base layer is the prefecture outlines with the national border, provincial
boundaries, the nine-dash line and undetermined boundaries drawn on every map (Tianditu
boundaries, GS(2024)0650, via ``data/reference/boundaries``). Markers are clustered in the
browser (FastMarkerCluster), so 10,000 of them stay responsive.
"""

from __future__ import annotations

import html
import json
import math
from pathlib import Path

import folium
import pandas as pd
from folium.plugins import FastMarkerCluster

BOUNDARY_DIR = Path(__file__).resolve().parents[2] / "data" / "reference" / "boundaries"
STATIC_URL = "/app/static/vendor"

OFFLINE_JS = [
    ("leaflet", f"{STATIC_URL}/leaflet/leaflet.js"),
    ("jquery", f"{STATIC_URL}/jquery/jquery.min.js"),
]
OFFLINE_CSS = [("leaflet_css", f"{STATIC_URL}/leaflet/leaflet.css")]
CLUSTER_JS = [("markerclusterjs", f"{STATIC_URL}/leaflet.markercluster/leaflet.markercluster.js")]
CLUSTER_CSS = [
    ("markerclustercss", f"{STATIC_URL}/leaflet.markercluster/MarkerCluster.css"),
    ("markerclusterdefaultcss", f"{STATIC_URL}/leaflet.markercluster/MarkerCluster.Default.css"),
]

#: sequential palette (ColorBrewer YlOrRd, 5 classes) for choropleths
PALETTE = ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026")
NO_DATA = "#f2f2f2"
MARKER_COLOURS = {"centers": "#1f6fb2", "parks": "#2e8b57"}

#: one marker: [lat, lon, popup html, colour]; the circle keeps 10,000 of them cheap
_CALLBACK = """function (row) {
    var marker = L.circleMarker(new L.LatLng(row[0], row[1]),
        {radius: 6, color: row[3], weight: 1, fillColor: row[3], fillOpacity: 0.85});
    marker.bindPopup(row[2], {maxWidth: 320});
    return marker;
}"""


def read_boundaries(name: str) -> dict | None:
    """A boundary layer (``provinces``, ``prefectures``, ``border`` or ``lines``), None if absent."""
    path = BOUNDARY_DIR / f"{name}.geojson"
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def quantile_bins(values: list[float], classes: int = len(PALETTE)) -> list[float]:
    """Upper edges of ``classes`` quantile classes of ``values`` (distinct, ascending)."""
    data = sorted(v for v in values if v is not None and not math.isnan(v))
    if not data:
        return []
    edges = []
    for k in range(1, classes + 1):
        pos = k * (len(data) - 1) / classes
        edges.append(data[round(pos)])
    return sorted(set(edges))


def colour_for(value: float | None, edges: list[float]) -> str:
    """The palette colour of ``value`` given the class edges of :func:`quantile_bins`."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or not edges:
        return NO_DATA
    i = next((k for k, edge in enumerate(edges) if value <= edge), len(edges) - 1)
    spread = (len(PALETTE) - 1) / max(len(edges) - 1, 1)
    return PALETTE[round(i * spread)]


def popup_html(row: dict, labels: dict[str, str]) -> str:
    """Key facts of a marker, with its source, as escaped HTML."""
    lines = [f"<b>{html.escape(str(row['name']))}</b>"]
    place = " ".join(str(row[k]) for k in ("province", "city") if row.get(k))
    if place:
        lines.append(html.escape(place))
    if row.get("industry"):
        lines.append(html.escape(str(row["industry"])))
    if row.get("seats_text"):
        lines.append(f"{html.escape(labels['seats'])}: {html.escape(str(row['seats_text']))}")
    if row.get("coord_precision") == "city":
        lines.append(f"<i>{html.escape(labels['precision_city'])}</i>")
    if row.get("source"):
        lines.append(
            f"<small>{html.escape(labels['source'])}: {html.escape(str(row['source']))}</small>"
        )
    return "<br>".join(lines)


def marker_rows(frame: pd.DataFrame, table: str, labels: dict[str, str]) -> list[list]:
    """``[lat, lon, popup, colour]`` for every placed row of ``frame``."""
    colour = MARKER_COLOURS[table]
    placed = frame[frame["lat"].notna() & frame["lon"].notna()]
    return [
        [round(float(r["lat"]), 5), round(float(r["lon"]), 5), popup_html(r, labels), colour]
        for r in placed.to_dict("records")
    ]


def _cluster(rows: list[list], name: str) -> FastMarkerCluster:
    cluster = FastMarkerCluster(
        rows,
        callback=_CALLBACK,
        name=name,
        options={"chunkedLoading": True, "maxClusterRadius": 50},
    )
    cluster.default_js = CLUSTER_JS
    cluster.default_css = CLUSTER_CSS
    return cluster


def build_map(
    *,
    prefectures: dict | None,
    lines: dict | None,
    border: dict | None,
    centers: pd.DataFrame,
    parks: pd.DataFrame,
    labels: dict[str, str],
    choropleth: dict[str, float] | None = None,
    online_tiles: bool = False,
) -> folium.Map:
    """The portal's map of China.

    Parameters
    ----------
    prefectures, lines, border
        GeoJSON of the prefecture outlines (properties ``city_adcode``, ``city_name``,
        ``province_name``), the boundary lines and the national border; ``None`` when absent.
    centers, parks
        :func:`data.store.queries.load_markers` frames (plus an optional ``seats_text`` column).
    labels
        Display strings: ``cities``, ``lines``, ``centers``, ``parks``, ``seats``, ``source``,
        ``precision_city`` and ``choropleth``.
    choropleth
        ``{city_adcode: value}`` shading the prefectures (quantile classes), or ``None``.
    online_tiles
        Add OpenStreetMap tiles as an optional base layer (needs the internet; off by default).
    """
    m = folium.Map(
        location=[35.0, 105.0],
        zoom_start=4,
        tiles=None,
        control_scale=True,
        prefer_canvas=True,
        attr=None,
    )
    # folium gives zoom limits to tile layers only; with no tiles the map needs its own, or
    # Leaflet.markercluster throws "Map has no maxZoom specified"
    m.options.update(minZoom=3, maxZoom=18)
    m.default_js = OFFLINE_JS
    m.default_css = OFFLINE_CSS
    if online_tiles:
        folium.TileLayer("OpenStreetMap", name="OpenStreetMap", show=False).add_to(m)
    if prefectures is not None:
        values = choropleth or {}
        edges = quantile_bins(list(values.values())) if values else []

        def style(feature: dict) -> dict:
            code = str(feature["properties"].get("city_adcode"))
            fill = colour_for(values.get(code), edges) if values else "#fbfaf5"
            return {"color": "#9a9a9a", "weight": 0.6, "fillColor": fill, "fillOpacity": 0.75}

        folium.GeoJson(
            prefectures,
            name=labels["choropleth"] if values else labels["cities"],
            style_function=style,
            highlight_function=lambda _: {"weight": 2, "color": "#333333"},
            tooltip=folium.GeoJsonTooltip(
                fields=["city_name", "province_name"], labels=False, sticky=False
            ),
            overlay=False,
            control=True,
        ).add_to(m)
    if border is not None:
        folium.GeoJson(
            border,
            name="border",
            style_function=lambda _: {"color": "#444444", "weight": 1.6, "fill": False},
            control=False,
            interactive=False,
        ).add_to(m)
    if lines is not None:
        folium.GeoJson(
            lines,
            name=labels["lines"],
            style_function=_line_style,
            control=False,
            interactive=False,
        ).add_to(m)
    _cluster(marker_rows(centers, "centers", labels), labels["centers"]).add_to(m)
    _cluster(marker_rows(parks, "parks", labels), labels["parks"]).add_to(m)
    folium.LayerControl(collapsed=False).add_to(m)
    return m


def _line_style(feature: dict) -> dict:
    name = feature["properties"].get("name", "")
    if name == "省界":
        return {"color": "#7a7a7a", "weight": 1.0, "dashArray": "4 3"}
    return {"color": "#444444", "weight": 1.6}


def map_html(m: folium.Map) -> str:
    """The standalone HTML of a map (what a test inspects for external URLs)."""
    return m.get_root().render()


def render_map(m: folium.Map, key: str, height: int = 620) -> dict:
    """Show the map; returns streamlit-folium's state (``last_active_drawing`` on a click)."""
    from streamlit_folium import st_folium

    return (
        st_folium(
            m,
            key=key,
            height=height,
            use_container_width=True,
            returned_objects=["last_active_drawing"],
        )
        or {}
    )
